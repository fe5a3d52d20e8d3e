"""Attribution scoring on PolNeAR (first annotator), over the raw article text.

- Exact match, per component (source, cue, content): a predicted span (a content's pieces as one
  tuple) is right when a gold one is identical after trimming white space; P/R/F1 over all.
- Overlap match, per component: one-to-one pairing of overlapping spans.
- Quotes: gold attributions whose content holds a quotation mark. A gold quote is found when one
  predicted content covers at least 30% (and, separately, 80%) of its characters; precision counts
  the predicted quotes (by the same test: content holding a quotation mark) that cover that share of
  a gold quote. Speaker accuracy: of the found quotes (80%), the share whose predicted source
  overlaps the gold source.
- Resolved speakers (:func:`evaluate_speakers`): on 100 PolNeAR quotes of a split labelled here with
  the speaker's name (``polnear_dev_speakers.tsv``, ``polnear_train_speakers.tsv``), the share whose
  found quote (an attribution whose pieces together cover 30% of it) carries that name, or rightly none.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import InputError
from storyline.evaluate.measures import Counts

Span = tuple[tuple[int, int], ...]
_QUOTE_MARK = re.compile(r"[\"“”«»]")
_ANN_LINE = re.compile(r"[TE]\d+\t")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    source: Span | None
    cue: Span | None
    content: Span


@dataclass(frozen=True, slots=True)
class PredictedAttribution:
    source: Span | None
    cue: Span | None
    content: Span


@dataclass(frozen=True, slots=True)
class PolnearDocument:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True, slots=True)
class QuoteScore:
    exact: dict[str, Counts]
    overlap: dict[str, Counts]
    quotes30: Counts
    quotes80: Counts
    speaker_accuracy: float
    gold_quotes: int
    documents: int
    seconds: float


def _pieces(field: str) -> Span:
    return tuple(tuple(int(x) for x in part.split()) for part in field.split(";"))


def polnear_metadata(root: Path) -> list[dict[str, str]]:
    """The rows of PolNeAR's ``data/metadata.tsv``: one per article, with its split ("compartment"),
    file name, annotators and publication date."""
    metadata = root / "data" / "metadata.tsv"
    if not metadata.is_file():
        raise InputError(str(root), "has no data/metadata.tsv", "give ../shared/eval/quotes/polnear")
    with metadata.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def read_polnear(root: Path, split: str) -> list[PolnearDocument]:
    """The documents of a PolNeAR split with the first listed annotator's attributions."""
    documents = []
    for row in polnear_metadata(root):
        if row["compartment"] != split:
            continue
        annotator = row["annotators"].split("|")[0]
        text_path = root / "data" / split / "text" / f"{row['filename']}.txt"
        ann_path = root / "data" / split / "attributions" / f"{row['filename']}_{annotator}.ann"
        if not text_path.is_file() or not ann_path.is_file():
            continue
        documents.append(PolnearDocument(row["filename"], text_path.read_text(encoding="utf-8"), _read_ann(ann_path)))
    if not documents:
        raise InputError(str(root), f"holds no documents of the split '{split}'")
    return documents


def _read_ann(path: Path) -> tuple[GoldAttribution, ...]:
    spans: dict[str, Span] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not _ANN_LINE.match(line):
            continue  # the rest of a span's text that holds a line break
        if line.startswith("T"):
            tid, info, *_ = line.split("\t")
            kind, _, offsets = info.partition(" ")
            spans[tid] = _pieces(offsets)
        elif line.startswith("E"):
            parts = dict(item.split(":") for item in line.split("\t")[1].split())
            relations.append(parts)
    out = []
    for parts in relations:
        if "Content" not in parts or parts["Content"] not in spans:
            continue
        out.append(GoldAttribution(spans.get(parts.get("Source", "")), spans.get(parts.get("Cue", "")), spans[parts["Content"]]))
    return tuple(out)


def trimmed(text: str, span: Span | None) -> Span | None:
    """A span (in pieces) without the white space at either end of each piece."""
    if not span:
        return None
    out = []
    for start, end in span:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append((start, end))
    return tuple(out)


def _exact(text: str, gold: list[Span | None], predicted: list[Span | None]) -> Counts:
    g = [trimmed(text, s) for s in gold if s]
    p = [trimmed(text, s) for s in predicted if s]
    gold_set, pred_set = set(g), set(p)
    return Counts(sum(1 for s in p if s in gold_set), len(p), sum(1 for s in g if s in pred_set), len(g))


def shared_chars(a: Span, b: Span) -> int:
    """How many characters two spans (in pieces) have in common."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _overlap(gold: list[Span | None], predicted: list[Span | None]) -> Counts:
    g = [s for s in gold if s]
    p = [s for s in predicted if s]
    pairs = sorted(((-shared_chars(a, b), i, j) for i, a in enumerate(g) for j, b in enumerate(p) if shared_chars(a, b) > 0))
    used_g, used_p = set(), set()
    for _o, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return Counts(len(used_p), len(p), len(used_g), len(g))


def _length(span: Span) -> int:
    return sum(e - s for s, e in span)


def _is_quote(text: str, content: Span) -> bool:
    return any(_QUOTE_MARK.search(text, s, e) for s, e in content)


def score_document(document: PolnearDocument, predicted: list[PredictedAttribution]) -> dict:
    text, gold = document.text, list(document.attributions)
    counts = {}
    for component in ("source", "cue", "content"):
        g = [getattr(a, component) for a in gold]
        p = [getattr(a, component) for a in predicted]
        counts[("exact", component)] = _exact(text, g, p)
        counts[("overlap", component)] = _overlap(g, p)
    # Predicted quotes are told by the same test as gold ones (a single-quoted headline quote is neither).
    gold_quotes = [a for a in gold if _is_quote(text, a.content)]
    predicted_quotes = [a for a in predicted if _is_quote(text, a.content)]
    speaker_right = speaker_total = 0
    for share in (0.3, 0.8):
        found = 0
        for a in gold_quotes:
            best = max(predicted, key=lambda p: shared_chars(a.content, p.content), default=None)
            if best is not None and shared_chars(a.content, best.content) >= share * _length(a.content):
                found += 1
                if share == 0.8:
                    speaker_total += 1
                    speaker_right += bool(a.source and best.source and shared_chars(a.source, best.source) > 0)
        right = sum(1 for p in predicted_quotes if any(shared_chars(a.content, p.content) >= share * _length(a.content) for a in gold_quotes))
        counts[("quotes", share)] = Counts(right, len(predicted_quotes), found, len(gold_quotes))
    counts["speaker"] = (speaker_right, speaker_total)
    return counts


def _add(a: Counts, b: Counts) -> Counts:
    return Counts(a.tp_predicted + b.tp_predicted, a.predicted + b.predicted, a.tp_gold + b.tp_gold, a.gold + b.gold)


def evaluate_quotes(documents: list[PolnearDocument], system: Callable[[str], list[PredictedAttribution]]) -> QuoteScore:
    """Run a system over the raw texts and score it."""
    totals: dict = {}
    speaker = [0, 0]
    elapsed = 0.0
    for document in documents:
        started = time.perf_counter()
        predicted = system(document.text)
        elapsed += time.perf_counter() - started
        for key, value in score_document(document, predicted).items():
            if key == "speaker":
                speaker[0] += value[0]
                speaker[1] += value[1]
            else:
                totals[key] = _add(totals[key], value) if key in totals else value
    return QuoteScore(
        exact={c: totals[("exact", c)] for c in ("source", "cue", "content")},
        overlap={c: totals[("overlap", c)] for c in ("source", "cue", "content")},
        quotes30=totals[("quotes", 0.3)],
        quotes80=totals[("quotes", 0.8)],
        speaker_accuracy=speaker[0] / speaker[1] if speaker[1] else 0.0,
        gold_quotes=totals[("quotes", 0.8)].gold,
        documents=len(documents),
        seconds=elapsed,
    )


def storyline_system(nlp) -> Callable[[str], list[PredictedAttribution]]:
    """storyline's attributions on a raw text (as ``storyline extract --keep-text`` finds them)."""
    from storyline.analyse.quotes.edges import ContentEdges
    from storyline.analyse.quotes.find import find_attributions
    from storyline.analyse.quotes.stances import StanceModel

    edges, stances = ContentEdges.load(), StanceModel.load()

    def run(text: str) -> list[PredictedAttribution]:
        return [PredictedAttribution((a.source,) if a.source else None, (a.cue,) if a.cue else None, a.content)
                for a in find_attributions(nlp(text), edges, stances)]

    return run


def textacy_system(nlp) -> Callable[[str], list[PredictedAttribution]]:
    """textacy's ``direct_quotations`` (speaker, cue, content), the baseline."""
    from textacy.extract.triples import direct_quotations

    def run(text: str) -> list[PredictedAttribution]:
        out = []
        try:
            triples = list(direct_quotations(nlp(text)))
        except ValueError:  # textacy gives up on a text with an unclosed quotation: it finds nothing there
            triples = []
        for triple in triples:
            speaker = tuple((t.idx, t.idx + len(t.text)) for t in triple.speaker)
            cue = tuple((t.idx, t.idx + len(t.text)) for t in triple.cue)
            content = triple.content
            out.append(PredictedAttribution(
                ((speaker[0][0], speaker[-1][1]),) if speaker else None,
                ((cue[0][0], cue[-1][1]),) if cue else None,
                ((content.start_char, content.end_char),)))
        return out

    return run


# 100 quotes of each split, labelled here: dev was looked at while tuning, train is held out.
SPEAKER_LABELS = {split: Path(__file__).with_name(f"polnear_{split}_speakers.tsv") for split in ("dev", "train")}
_NAME_WORD = re.compile(r"[\w'-]+")


@dataclass(frozen=True, slots=True)
class SpeakerScore:
    labelled: int
    found: int  # labelled quotes an attribution's pieces cover 30% of
    right: int  # of those, the ones that carry the labelled name (or rightly none)
    documents: int
    seconds: float


def read_speaker_labels(path: Path = SPEAKER_LABELS["dev"]) -> dict[str, list[tuple[int, int, tuple[str, ...]]]]:
    """The labelled quotes per document: gold content start and end, and the names that are right
    ("-": the text names no one)."""
    labels: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        document, start, end, names = line.split("\t")
        labels.setdefault(document, []).append((int(start), int(end), tuple(names.split("|"))))
    return labels


def same_speaker(predicted: str | None, names: tuple[str, ...]) -> bool:
    """Whether a predicted name is one of the labelled ones: all of one's words in the other's, the
    surname shared ("Trump" is "Donald Trump", "Loretta E. Lynch" is "Loretta Lynch")."""
    if predicted is None:
        return "-" in names
    words = _name_words(predicted)
    for name in names:
        gold = _name_words(name)
        if name != "-" and words and gold and words[-1] == gold[-1] and (set(gold) <= set(words) or set(words) <= set(gold)):
            return True
    return False


def _name_words(name: str) -> list[str]:
    return [w.casefold() for w in _NAME_WORD.findall(name.replace("’", "'"))]


def evaluate_speakers(root: Path, context, split: str = "dev") -> SpeakerScore:
    """Resolved-speaker accuracy of the language stage (entities, quotes and speaker names, as
    ``storyline extract`` runs it) on the labelled PolNeAR quotes of a split."""
    from storyline.analyse.quotes.stage import language_stage
    from storyline.records import Article

    labels = read_speaker_labels(SPEAKER_LABELS[split])
    documents = {d.name: d for d in read_polnear(root, split) if d.name in labels}
    missing = sorted(set(labels) - set(documents))
    if missing:
        raise InputError(str(root), f"lacks {len(missing)} labelled PolNeAR {split} documents, such as {missing[0]}")
    found = right = 0
    elapsed = 0.0
    for name, rows in labels.items():
        started = time.perf_counter()
        _article, outputs = language_stage(Article(id=name, source=name, text=documents[name].text), context)
        elapsed += time.perf_counter() - started
        # The pieces of one attribution ("“...,” he said. “...”"): the records that share its cue.
        attributions: dict[object, list[dict]] = {}
        for k, quote in enumerate(outputs["quotes"]):
            attributions.setdefault((quote["cue"] or {}).get("start", ("piece", k)), []).append(quote)
        for start, end, names in rows:
            def covered(pieces: list[dict]) -> int:
                return shared_chars(((start, end),), tuple((q["start"], q["end"]) for q in pieces))

            best = max(attributions.values(), key=covered, default=None)
            if best is None or covered(best) < 0.3 * (end - start):
                continue
            found += 1
            right += same_speaker((best[0]["speaker"] or {}).get("name"), names)
    return SpeakerScore(sum(len(r) for r in labels.values()), found, right, len(documents), elapsed)
