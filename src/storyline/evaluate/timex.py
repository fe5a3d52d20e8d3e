"""TempEval-3 task A scoring of temporal expressions over TimeML ``.tml`` files.

The metrics follow the official scorer's definitions (see ../shared/eval/README.md):
- relaxed match: a system TIMEX3 that overlaps a gold one, paired one-to-one;
- strict match: identical extent;
- type and value accuracy over relaxed matches; attribute F1 = accuracy x relaxed F1;
- micro-averaged over all documents; the creation time ``t0`` is the anchor and is not scored.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import FormatError, InputError
from storyline.evaluate.measures import Counts


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML document as plain text, its creation date and its gold expressions."""

    name: str
    text: str
    dct: str
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True, slots=True)
class TimexScore:
    gold: int
    predicted: int
    relaxed_matches: int
    strict_matches: int
    type_correct: int
    value_correct: int
    documents: int
    seconds: float

    @property
    def relaxed(self) -> Counts:
        """Relaxed match (overlap, one-to-one) precision, recall and F1."""
        return Counts(self.relaxed_matches, self.predicted, self.relaxed_matches, self.gold)

    @property
    def strict(self) -> Counts:
        """Strict match (identical extent) precision, recall and F1."""
        return Counts(self.strict_matches, self.predicted, self.strict_matches, self.gold)

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed_matches if self.relaxed_matches else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed_matches if self.relaxed_matches else 0.0

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed.f1

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed.f1

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def __add__(self, other: TimexScore) -> TimexScore:
        return TimexScore(*(a + b for a, b in zip(_fields(self), _fields(other))))


def _fields(score: TimexScore) -> tuple:
    return (score.gold, score.predicted, score.relaxed_matches, score.strict_matches, score.type_correct,
            score.value_correct, score.documents, score.seconds)


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_timeml(path: Path) -> TimeMLDocument:
    """Read a ``.tml`` file: the TEXT element as plain text, the DCT, and the gold TIMEX3s in TEXT.

    Raises:
        FormatError: the file has no TEXT element or no creation time.
    """
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    text_start, text_end = raw.find("<TEXT>"), raw.find("</TEXT>")
    if dct_match is None or text_start == -1 or text_end == -1:
        raise FormatError(str(path), "is not a TimeML document with a TEXT element and a CREATION_TIME TIMEX3")
    dct = dict(_ATTR.findall(dct_match.group(0)))["value"][:10]
    body = raw[text_start + len("<TEXT>") : text_end]
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes = []
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name, attrs = tag.group(1), tag.group(2), tag.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attributes = open_timex
            text = "".join(pieces)[start:length]
            timexes.append(GoldTimex(start, length, text, attributes.get("type", ""), attributes.get("value", "")))
            open_timex = None
    pieces.append(html.unescape(body[position:]))
    return TimeMLDocument(path.stem, "".join(pieces), dct, tuple(timexes))


def read_corpus(directory: Path) -> list[TimeMLDocument]:
    """Every ``.tml`` file below a folder, in sorted order; a document found twice counts once
    (TBAQ-cleaned's ``testpipeline`` folder holds a copy of one TimeBank file)."""
    files = sorted(directory.rglob("*.tml"))
    if not files:
        raise InputError(str(directory), "holds no .tml files", "give a TimeML folder such as TBAQ-cleaned")
    return list(dict.fromkeys(read_timeml(path) for path in files))


Prediction = tuple[int, int, str, str]  # start, end, type, value
Tagger = Callable[[str, str], Iterable[Prediction]]


def pair(gold: tuple[GoldTimex, ...], predicted: list[Prediction]) -> list[tuple[int, int]]:
    """Predictions paired with gold expressions one-to-one by overlap, largest overlap first:
    (gold index, prediction index) for each relaxed match."""
    candidates = []
    for g_index, g in enumerate(gold):
        for p_index, (start, end, _type, _value) in enumerate(predicted):
            overlap = min(end, g.end) - max(start, g.start)
            if overlap > 0:
                candidates.append((-overlap, g_index, p_index))
    candidates.sort()
    used_gold, used_pred = set(), set()
    pairs = []
    for _overlap, g_index, p_index in candidates:
        if g_index not in used_gold and p_index not in used_pred:
            used_gold.add(g_index)
            used_pred.add(p_index)
            pairs.append((g_index, p_index))
    return pairs


def score_document(gold: tuple[GoldTimex, ...], predicted: list[Prediction]) -> TimexScore:
    """Pair predictions with gold expressions (see ``pair``) and count."""
    relaxed = strict = type_ok = value_ok = 0
    for g_index, p_index in pair(gold, predicted):
        g, (start, end, kind, value) = gold[g_index], predicted[p_index]
        relaxed += 1
        strict += (start, end) == (g.start, g.end)
        type_ok += kind == g.type
        value_ok += value == g.value
    return TimexScore(len(gold), len(predicted), relaxed, strict, type_ok, value_ok, 1, 0.0)


def evaluate_timex(documents: list[TimeMLDocument], tagger: Tagger) -> TimexScore:
    """Run a tagger ``(text, dct) -> [(start, end, type, value)]`` over documents and score it."""
    total = TimexScore(0, 0, 0, 0, 0, 0, 0, 0.0)
    elapsed = 0.0
    for document in documents:
        started = time.perf_counter()
        predicted = list(tagger(document.text, document.dct))
        elapsed += time.perf_counter() - started
        total = total + score_document(document.timexes, predicted)
    return TimexScore(*(_fields(total)[:-1] + (elapsed,)))
