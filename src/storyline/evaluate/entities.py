"""Cross-document entity coreference on ECB+: named gold mentions of people, organisations and places.

storyline's clustering: each document's named-entity mentions (with the gold mentions the model
missed added as mentions of their gold kind) go through the same identity rules as any article
(:func:`resolve_identities`), and the documents' identities are linked across documents with
:func:`link_entities`, the store's own linking. Each gold mention takes the entity of the identity
whose mention overlaps it. The baseline links mentions whose normalised head word (last word) is
the same.

Mention detection is scored on the sentences ECB+ validated (ECBplus_coreference_sentences.csv):
a predicted named mention matches a named gold mention with the same extent.
"""

from __future__ import annotations

import csv
import re
import time
from dataclasses import dataclass
from pathlib import Path

from storyline.analyse.entities.identity import resolve_identities
from storyline.analyse.entities.linking import link_entities
from storyline.analyse.entities.mentions import Mention, find_mentions
from storyline.evaluate.coref import CorefScore, score_clusters
from storyline.evaluate.ecbplus import EcbDocument
from storyline.evaluate.measures import f1

_GOLD_LABEL = {"HUMAN_PART_PER": "PERSON", "HUMAN_PART_ORG": "ORG", "HUMAN_PART_GPE": "GPE", "HUMAN_PART_FAC": "FAC",
               "LOC_FAC": "FAC", "LOC_GEO": "GPE", "LOC_OTHER": "LOC"}
_DETECTED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_LINKED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


@dataclass(frozen=True, slots=True)
class EntityEvaluation:
    storyline: CorefScore
    baseline: CorefScore
    detection_precision: float
    detection_recall: float
    documents: int
    seconds: float

    @property
    def detection_f1(self) -> float:
        return f1(self.detection_precision, self.detection_recall)


def scored_mentions(documents: list[EcbDocument], validated: set[tuple[str, int]]) -> list:
    """The named gold mentions in sentences whose annotation ECB+ validated (all, without the list)."""
    return [m for d in documents for m in d.mentions if m.named and (not validated or (m.doc, m.sentence) in validated)]


def gold_clusters(mentions) -> dict[tuple[str, int, int], str]:
    return {(m.doc, m.start, m.end): m.chain for m in mentions}


def baseline_clusters(mentions) -> dict[tuple[str, int, int], str]:
    """Mentions with the same normalised head word (the last word, case-folded) are one entity."""
    out = {}
    for m in mentions:
        words = re.findall(r"\w+", m.text.casefold())
        out[(m.doc, m.start, m.end)] = words[-1] if words else m.text
    return out


def storyline_clusters(documents: list[EcbDocument], nlp) -> tuple[dict[tuple[str, int, int], str], list[list[Mention]]]:
    """storyline's entity for every named gold mention, and the mentions its model found per document."""
    per_document, found = [], []
    for d in documents:
        predicted = find_mentions(nlp(d.text))
        found.append(predicted)
        gold = [m for m in d.mentions if m.named]
        as_gold = [_gold_as_mention(m, predicted) for m in gold]
        context = [p for p in predicted if not any(p.start < m.end and m.start < p.end for m in gold)]
        identities = resolve_identities(sorted(as_gold + context, key=lambda x: x.start))
        per_document.append((d.name, [i.as_dict() for i in identities]))
    entity_of = {}
    for entity in link_entities(per_document):
        for document, identity in entity.members:
            for mention in identity["mentions"]:
                entity_of[(document, mention["start"], mention["end"])] = entity.key
    clusters = {}
    for d in documents:
        spans = [(s, e, k) for (doc, s, e), k in entity_of.items() if doc == d.name]
        for m in d.mentions:
            if not m.named:
                continue
            overlapping = [(min(e, m.end) - max(s, m.start), k) for s, e, k in spans if s < m.end and m.start < e]
            if overlapping:
                clusters[(m.doc, m.start, m.end)] = max(overlapping)[1]
    return clusters, found


_PREPOSITION = re.compile(
    r"^(?:(?:in|at|on|to|from|near|outside|inside|into|of|for|by|with|off|across|along|around|over|under|towards?"
    r"|throughout|within|between|beyond|via|among)\s+)?(?:(?:the|a|an)\s+)?", re.IGNORECASE)
# A common noun placed somewhere: "the scene in Queens", "a mountain in New Zealand" is a place of its own.
_LOCATED = re.compile(r"^(?:[a-z][\w-]*\s+)+(?:in|at|near|on|outside|inside|off)\s+")


def _gold_as_mention(gold, predicted: list[Mention]) -> Mention:
    """A gold mention as a name mention, with the model's label where the model found it.

    "in the Gulf of Aden" is the place "Gulf of Aden"; a mention headed by a common noun ("Obama
    administration", "the Sam's Club in Bloomington") names an organisation or place, not the person
    or town inside it.
    """
    overlapping = [p for p in predicted if p.start < gold.end and gold.start < p.end]
    inside = [p for p in overlapping if p.start >= gold.start and p.end <= gold.end]
    label = max(overlapping, key=lambda p: min(p.end, gold.end) - max(p.start, gold.start)).label if overlapping else _GOLD_LABEL[gold.tag]
    if label not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
        label = _GOLD_LABEL[gold.tag]
    cut = _PREPOSITION.match(gold.text).end()
    text, start = gold.text[cut:], gold.start + cut
    words = text.split()
    located = _LOCATED.match(text) is not None
    if words and any(w[:1].isupper() for w in words) and (located or (words[-1][:1].islower() and words[-1].isalpha())):
        # "Obama administration", "the scene in Queens", "a mountain in New Zealand": headed by a
        # common noun, the phrase names a body or a place of its own, not the name inside it.
        return Mention(start, gold.end, text, "ORG")
    head = text.split(" , ")[0]  # an apposition names the same thing again: "Regina Benjamin , MD"
    runs = [(start + r.start(), start + r.end(), r.group(0)) for r in _NAME_RUN.finditer(head)]
    if not runs:
        return Mention(start, gold.end, text, label)
    # The name: the capitalised run that holds the model's entity ("fellow [Regina Benjamin]",
    # "the [Gulf of Aden] between Somalia and Yemen"), else the longest.
    inside = [p for p in inside if p.end <= start + len(head)]
    holding = ([r for r in runs if any(p.start < r[1] and r[0] < p.end and p.label == label for p in inside)]
               or [r for r in runs if any(p.start < r[1] and r[0] < p.end for p in inside)])
    if label != "PERSON":  # a place or body is named first: "the Kodak Theatre at Hollywood and Highland Center"
        run_start, run_end, run_text = runs[0]
        in_run = [p for p in inside if p.start < run_end and run_start < p.end]
        label = in_run[0].label if in_run and in_run[0].label in _LINKED_LABELS else _GOLD_LABEL[gold.tag]
    elif holding:  # a person is named last: "MacArthur fellow Regina Benjamin"
        run_start, run_end, run_text = holding[-1]
    else:
        run_start, run_end, run_text = max(runs, key=lambda r: (r[1] - r[0], -r[0]))
    return Mention(run_start, run_end, run_text, label)


# The first run of capitalised words, "of"/"the"/"and" allowed inside: "the [Gulf of Aden] between ...".
_NAME_RUN = re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+(?:(?:of|the|and|de|for|\.)\s+)*[A-Z0-9][\w'’.-]*)*")


def validated_sentences(csv_path: Path) -> set[tuple[str, int]]:
    """(file name, sentence number) pairs whose annotation ECB+ validated."""
    if not csv_path.is_file():
        return set()
    with csv_path.open(newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        next(rows, None)
        return {(f"{topic}_{name}.xml" if not name.endswith(".xml") else name, int(sentence))
                for topic, name, sentence in (r[:3] for r in rows if len(r) >= 3 and r[2].strip().isdigit())}


def mention_detection(documents: list[EcbDocument], found: list[list[Mention]], validated: set[tuple[str, int]]) -> tuple[float, float]:
    """Precision and recall of the model's named mentions against the named gold mentions (same extent)."""
    tp = predicted = gold = 0
    for d, mentions in zip(documents, found):
        sentence_at = {}
        for number, start, end in d.sentences:
            sentence_at.update({i: number for i in range(start, end + 1)})
        keep = {n for n, _s, _e in d.sentences if not validated or (d.name, n) in validated}
        gold_spans = {(m.start, m.end) for m in d.mentions if m.named and m.sentence in keep}
        ours = {(m.start, m.end) for m in mentions if m.label in _DETECTED and sentence_at.get(m.start) in keep}
        tp += len(gold_spans & ours)
        predicted += len(ours)
        gold += len(gold_spans)
    return (tp / predicted if predicted else 0.0, tp / gold if gold else 0.0)


def evaluate_entities(documents: list[EcbDocument], nlp, validated: set[tuple[str, int]]) -> EntityEvaluation:
    started = time.perf_counter()
    mentions = scored_mentions(documents, validated)
    gold = gold_clusters(mentions)
    ours, found = storyline_clusters(documents, nlp)
    precision, recall = mention_detection(documents, found, validated)
    return EntityEvaluation(
        storyline=score_clusters(gold, ours),
        baseline=score_clusters(gold, baseline_clusters(mentions)),
        detection_precision=precision,
        detection_recall=recall,
        documents=len(documents),
        seconds=time.perf_counter() - started,
    )
