"""Cross-article event merging in the dossier, scored on ECB+ gold event chains.

For each gold story (a subtopic), its documents go through cleaning and analysis as ingested
articles would, then :func:`build_dossier`. Two sentences of different documents are merged by
storyline when one timeline entry or one claim cites both; they report the same event when they
share a cross-document event chain (``CROSS_DOC_COREF`` of event mentions). Over every pair of
validated sentences (ECBplus_coreference_sentences.csv) from different documents of one story:
precision, recall and F1 of "merged" against "same event". The baseline merges two sentences whose
content-word sets have a Jaccard similarity of at least ``BASELINE_JACCARD``.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass

from storyline.dossier.build import Source, build_dossier
from storyline.evaluate.ecbplus import EcbDocument
from storyline.evaluate.measures import Counts

BASELINE_JACCARD = 0.3
_WORD = re.compile(r"[^\W\d_]+")
_STOP = frozenset("the a an of in on at to and or for by with from as is was were be been has have had it its that this he she they said says".split())


@dataclass(frozen=True, slots=True)
class DossierEvaluation:
    storyline: Counts
    baseline: Counts
    stories: int
    sentences: int
    pairs: int
    seconds: float   # building the dossiers


def evaluate_dossier(documents: list[EcbDocument], analysed: list[tuple], validated: set[tuple[str, int]]) -> DossierEvaluation:
    """Score sentence-pair merging; ``analysed`` holds each document's (Article, analysis outputs)."""
    by_story: dict[str, list[int]] = defaultdict(list)
    for i, document in enumerate(documents):
        by_story[document.story].append(i)
    ours, theirs = [0, 0, 0], [0, 0, 0]
    sentences = pairs = 0
    seconds = 0.0
    for members in by_story.values():
        located = {i: _locate(documents[i], analysed[i][0].text) for i in members}
        sources = [Source(analysed[i][0].id, None, None, analysed[i][0].id, analysed[i][0].text, analysed[i][1]) for i in members]
        started = time.perf_counter()
        dossier = build_dossier(sources)
        seconds += time.perf_counter() - started
        merged = _merged_pairs(dossier, {analysed[i][0].id: (documents[i].name, located[i]) for i in members})
        units = []  # (document, sentence number, chains, words)
        for i in members:
            document = documents[i]
            chains = defaultdict(set)
            for number, chain in document.events:
                chains[number].add(chain)
            for number, start, end in document.sentences:
                if validated and (document.name, number) not in validated:
                    continue
                words = {w for w in _WORD.findall(document.text[start:end].lower()) if w not in _STOP}
                units.append((document.name, number, chains[number], words))
        sentences += len(units)
        for a in range(len(units)):
            for b in range(a + 1, len(units)):
                x, y = units[a], units[b]
                if x[0] == y[0]:
                    continue
                pairs += 1
                gold = bool(x[2] & y[2])
                system = frozenset(((x[0], x[1]), (y[0], y[1]))) in merged
                lexical = len(x[3] & y[3]) / len(x[3] | y[3]) >= BASELINE_JACCARD if x[3] and y[3] else False
                for counts, said in ((ours, system), (theirs, lexical)):
                    counts[0] += said and gold
                    counts[1] += said
                    counts[2] += gold
    return DossierEvaluation(Counts(ours[0], ours[1], ours[0], ours[2]), Counts(theirs[0], theirs[1], theirs[0], theirs[2]),
                             len(by_story), sentences, pairs, seconds)


def _locate(document: EcbDocument, text: str) -> list[tuple[int, int, int]]:
    """Where each gold sentence lies in the cleaned article text: (sentence number, start, end)."""
    out, position = [], 0
    for number, start, end in document.sentences:
        sentence = document.text[start:end].strip()
        if not sentence:
            continue
        found = text.find(sentence, position)
        if found == -1:
            found = text.find(sentence)
        if found != -1:
            out.append((number, found, found + len(sentence)))
            position = found + len(sentence)
    return out


def _merged_pairs(dossier: dict, located: dict[str, tuple[str, list]]) -> set[frozenset]:
    """Pairs of (document, sentence number) from different documents that one entry cites together."""
    merged = set()
    for entry in dossier["timeline"] + dossier["claims"]:
        cited = set()
        for evidence in entry["evidence"]:
            name, spans = located[evidence["article"]]
            for number, start, end in spans:
                if start < evidence["end"] and evidence["start"] < end:
                    cited.add((name, number))
        cited = sorted(cited)
        for a in range(len(cited)):
            for b in range(a + 1, len(cited)):
                if cited[a][0] != cited[b][0]:
                    merged.add(frozenset((cited[a], cited[b])))
    return merged
