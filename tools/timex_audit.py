"""Where storyline's TBAQ value errors come from, and how far a consistent system could go.

    .venv/bin/python tools/timex_audit.py [../shared/eval/timex/tempeval3/TBAQ-cleaned] [--list CLASS]

Issue 4 asks for value F1 >= 85 on TimeBank + AQUAINT. This runs storyline's tagger over the corpus
as ``storyline eval timex`` does, takes every error (a wrong value on a matched expression, an
expression gold does not have, one gold has that storyline does not find) and sorts it into
classes that can be checked mechanically against the corpus itself:

- ``same-value``: gold and storyline write the same calendar value two ways ("1990-W2" beside
  "1990-W02", "T24" beside "T24:00");
- ``contradicts-text``: the gold value contradicts a year, month or quarter written in the
  expression itself ("Sept. 27, 1989" valued in November, "fourth quarter" in 1998 for a 1989
  report);
- ``majority-form``: an expression whose value depends only on the creation date ("last week",
  "a year ago", "the quarter", "recent years") and which gold writes in several forms relative to
  that date; storyline writes the form gold uses most often (counted over the whole corpus), so
  any one choice loses the others;
- ``gold-omits``: storyline marks an expression that gold marks at least as often as it leaves
  it out elsewhere in the corpus ("now", "years", "annually");
- ``gold-marks-rarely``: gold marks an expression storyline leaves out, which gold leaves out at
  least as often as it marks ("recent", "soon", "future");
- ``other``: everything else: storyline's own errors, and gold errors no rule above catches.

The ``other`` errors were then read one by one and labelled by hand in
``tools/timex_audit_labels.tsv`` (its header says what each label means): storyline's own, or
gold's (a day in the wrong week, a malformed value, a dropped part of day, an omission, a value
that needs knowledge the text does not give). An ``other`` error with no label (new since the
labelling) counts as storyline's.

It prints each class's count and the value F1 storyline would reach if every error labelled
storyline's were fixed while the rest stayed: the most a system could reach without fitting the
corpus's contradictions and mistakes. Nothing here is used by storyline.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from storyline.analyse.dates import find_timexes
from storyline.analyse.dates.grammar import MONTHS, WEEKDAYS
from storyline.evaluate.timex import pair, read_corpus

_CALENDAR_NAME = re.compile(r"\b(?:%s)\b" % "|".join(sorted(list(MONTHS) + list(WEEKDAYS), key=len, reverse=True)), re.I)
_EXPLICIT_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_ORDINAL_QUARTER = re.compile(r"\b(first|second|third|fourth)\s+quarter\b", re.I)
_WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True, slots=True)
class Error:
    kind: str  # "value", "spurious" or "missed"
    document: str
    start: int
    text: str
    gold: str  # the values, absolute
    ours: str
    gold_relative: str = ""  # and relative to the creation date
    ours_relative: str = ""
    klass: str = "other"


def key(text: str) -> str:
    """An expression's words, lowercased, without a leading article."""
    words = _WORD.findall(text.lower())
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def relative(value: str, dct: date) -> str:
    """A value written relative to the creation date: "1989-W42" on 1989-10-30 is "W-2"."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(T.*)?", value):
        return f"D{(date(int(m[1]), int(m[2]), int(m[3])) - dct).days:+d}{m[4] or ''}"
    if m := re.fullmatch(r"(\d{4})-W(\d\d?)(-WE)?", value):
        return f"W{(int(m[1]) - dct.isocalendar()[0]) * 52 + int(m[2]) - dct.isocalendar()[1]:+d}{m[3] or ''}"
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        return f"M{(int(m[1]) - dct.year) * 12 + int(m[2]) - dct.month:+d}"
    if m := re.fullmatch(r"(\d{4})-([QH])(\d)", value):
        per_year = 4 if m[2] == "Q" else 2
        now = (dct.month - 1) // (12 // per_year) + 1
        return f"{m[2]}{(int(m[1]) - dct.year) * per_year + int(m[3]) - now:+d}"
    if m := re.fullmatch(r"(\d{4})(-.*)?", value):
        return f"Y{int(m[1]) - dct.year:+d}{m[2] or ''}"
    return value


def same_value(gold: str, ours: str) -> bool:
    def canonical(value: str) -> str:
        value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
        return re.sub(r"(T\d\d):00$", r"\1", value)
    return canonical(gold) == canonical(ours)


def contradicts_text(text: str, gold: str) -> bool:
    """Whether a gold date disagrees with a year, month or quarter the expression itself writes."""
    if not re.match(r"\d{4}", gold):
        return False
    years = _EXPLICIT_YEAR.findall(text)
    if years and gold[:4] not in years:
        return True
    months = [MONTHS[w.lower().rstrip(".")] for w in _CALENDAR_NAME.findall(text) if w.lower().rstrip(".") in MONTHS]
    if months and re.match(r"\d{4}-\d\d(?:$|-\d\d)", gold) and int(gold[5:7]) not in months:
        return True
    quarter = _ORDINAL_QUARTER.search(text)
    ordinal = {"first": 1, "second": 2, "third": 3, "fourth": 4}
    return bool(quarter and re.fullmatch(r"\d{4}-Q\d", gold) and int(gold[-1]) != ordinal[quarter[1].lower()])


def audit(directory: Path) -> tuple[list[Error], int, int, int]:
    """Every error of storyline's tagger on the corpus, classified; and the counts behind value F1
    (values right, expressions predicted, gold expressions)."""
    documents = read_corpus(directory)
    errors: list[Error] = []
    forms: dict[str, Counter] = defaultdict(Counter)  # key -> relative gold forms, DCT-only expressions
    marked: Counter = Counter()  # key -> times gold marks it
    right = predicted_total = gold_total = 0
    spans: dict[str, list[tuple[int, int]]] = {}
    for document in documents:
        dct = date.fromisoformat(document.dct)
        predicted = [(t.start, t.end, t.type, t.value) for t in find_timexes(document.text, dct)]
        predicted_total += len(predicted)
        gold_total += len(document.timexes)
        spans[document.name] = [(g.start, g.end) for g in document.timexes]
        for g in document.timexes:
            marked[key(g.text)] += 1
            if not _CALENDAR_NAME.search(g.text) and not _EXPLICIT_YEAR.search(g.text):
                forms[key(g.text)][relative(g.value, dct)] += 1
        pairs = pair(document.timexes, predicted)
        for g_index, p_index in pairs:
            g, value = document.timexes[g_index], predicted[p_index][3]
            if value == g.value:
                right += 1
            else:
                errors.append(Error("value", document.name, g.start, g.text, g.value, value, relative(g.value, dct), relative(value, dct)))
        paired_gold = {g for g, _ in pairs}
        paired_ours = {p for _, p in pairs}
        errors += [Error("missed", document.name, g.start, g.text, g.value, "")
                   for i, g in enumerate(document.timexes) if i not in paired_gold]
        errors += [Error("spurious", document.name, s, document.text[s:e], "", v)
                   for i, (s, e, _t, v) in enumerate(predicted) if i not in paired_ours]
    unmarked = _unmarked_occurrences(documents, spans, {key(e.text) for e in errors if e.kind != "value"})
    return [_classify(e, forms, marked, unmarked) for e in errors], right, predicted_total, gold_total


def _unmarked_occurrences(documents, spans, keys: set[str]) -> Counter:
    """How often each expression occurs in the corpus outside every gold expression."""
    counts: Counter = Counter()
    patterns = {k: re.compile(r"\b%s\b" % r"\W+".join(map(re.escape, k.split())), re.I) for k in keys if k}
    for document in documents:
        for k, pattern in patterns.items():
            for m in pattern.finditer(document.text):
                if not any(s < m.end() and m.start() < e for s, e in spans[document.name]):
                    counts[k] += 1
    return counts


def _classify(error: Error, forms, marked: Counter, unmarked: Counter) -> Error:
    k = key(error.text)
    klass = "other"
    if error.kind == "value":
        if same_value(error.gold, error.ours):
            klass = "same-value"
        elif contradicts_text(error.text, error.gold):
            klass = "contradicts-text"
        elif k in forms and len(forms[k]) > 1 and forms[k].most_common(1)[0][0] == error.ours_relative:
            klass = "majority-form"
    elif error.kind == "spurious" and marked[k] >= unmarked[k]:
        klass = "gold-omits"
    elif error.kind == "missed" and unmarked[k] >= marked[k]:
        klass = "gold-marks-rarely"
    return replace(error, klass=klass)


def read_labels(path: Path) -> dict[tuple[str, str, int], str]:
    """(kind, document, start) -> label, from the hand-labelling file."""
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, document, start, label = line.split("\t")
            labels[kind, document, int(start)] = label
    return labels


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv and not argv[0].startswith("--") else Path("../shared/eval/timex/tempeval3/TBAQ-cleaned")
    labels = read_labels(Path(__file__).with_name("timex_audit_labels.tsv"))
    errors, right, predicted, gold = audit(directory)
    errors = [replace(e, klass=labels.get((e.kind, e.document, e.start), "unlabelled")) if e.klass == "other" else e for e in errors]
    print(f"{gold} gold expressions, {predicted} predicted, {right} values right: value F1 {100 * 2 * right / (predicted + gold):.2f}")
    table = Counter((e.kind, e.klass) for e in errors)
    for (kind, klass), count in sorted(table.items()):
        print(f"  {kind:9} {klass:18} {count:4}")
    fixable = [e for e in errors if e.klass in ("storyline", "unlabelled")]
    best_right = right + sum(e.kind in ("value", "missed") for e in fixable)
    best_predicted = predicted + sum(e.kind == "missed" for e in fixable) - sum(e.kind == "spurious" for e in fixable)
    print(f"value F1 with every error of storyline's fixed ({len(fixable)}): {100 * 2 * best_right / (best_predicted + gold):.2f}")
    if "--list" in argv:
        wanted = argv[argv.index("--list") + 1]
        for e in errors:
            if e.klass == wanted:
                print(f"{e.kind:9} {e.document:24} {e.start:6} {e.text!r:36} gold {e.gold or '-':16} ours {e.ours or '-':16} {e.gold_relative} / {e.ours_relative}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
