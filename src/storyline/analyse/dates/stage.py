"""The dates stage: infer a missing publication date, find every time expression, date each event."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from storyline.analyse.dates.infer import infer_publication_date
from storyline.analyse.dates.tagger import Timex, find_timexes
from storyline.records import Article

# A sentence ends at . ! ? (and a closing quote) before white space and a capital, a quote or a digit;
# not after a single capital or a common abbreviation ("U.S. President", "Gen. Smith").
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bGen)(?<!\bU\.S)(?<!\bNo)[.!?][\"”’)]*\s+(?=[A-Z“\"‘\d])|\n+")
_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-(?:\d\d|W\d\d|Q\d|H\d|SP|SU|FA|WI)(?:-\d\d)?)?(?:T.*)?$")


def date_stage(article: Article, context) -> tuple[Article, dict[str, object]]:
    """Anchor the article in time; return its time expressions (contract ``timexes``) and event dates.

    A date the user gave or metadata carried is the anchor; without one, the date inferred from
    the text (and its photo captions) is stored with ``published_source: "inferred"`` and used.
    """
    if article.published is None:
        captions = " ".join(c.text for c in article.captions if c.text)
        inferred = infer_publication_date(article.text, context.now, captions)
        if inferred is not None:
            article = replace(article, published=inferred.value.isoformat(), published_source="inferred",
                              published_confidence=inferred.confidence)
    anchor = date.fromisoformat(article.published) if article.published else None
    timexes = find_timexes(article.text, anchor)
    return article, {"timexes": [t.as_dict() for t in timexes], "events": date_events(article.text, timexes)}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of a text (paragraph breaks always end one)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match.group(0).rstrip())
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def date_events(text: str, timexes: list[Timex]) -> list[dict[str, object]]:
    """The date each sentence's event happened, where the sentence says: its first calendar date.

    "Trump spoke with Putin on Thursday" is dated by "Thursday", "Two days later, ..." by the day
    those two days lead to; a sentence with only a duration
    ("for two years") or a vague reference ("recently") is left undated rather than guessed.
    """
    events, index = [], 0
    for start, end in sentence_spans(text):
        while index < len(timexes) and timexes[index].end <= start:
            index += 1
        for timex in timexes[index:]:
            if timex.start >= end:
                break
            if timex.anchored and _CALENDAR_VALUE.match(timex.anchored):
                value = timex.anchored  # "three days later"
            elif timex.type in ("DATE", "TIME") and _CALENDAR_VALUE.match(timex.value):
                value = timex.value
            else:
                continue
            events.append({"start": start, "end": end, "date": value, "timex": {"start": timex.start, "end": timex.end}})
            break
    return events


CONFIDENT = 0.6
_FULL_DATE = re.compile(r"^(\d{4})-(\d\d-\d\d)")


def is_weakly_dated(article: Article) -> bool:
    """An inferred publication date too uncertain to fix its year on its own."""
    return article.published_source == "inferred" and (article.published_confidence or 0) < CONFIDENT


def calendar_of(article: Article, results: dict[str, object]) -> dict[str, set[int]]:
    """Month-day -> years of the full dates a confidently dated article mentions."""
    if article.published is None or is_weakly_dated(article):
        return {}
    known: dict[str, set[int]] = {}
    for timex in results.get("timexes", []):
        match = _FULL_DATE.match(str(timex["value"]))
        if match:
            known.setdefault(match[2], set()).add(int(match[1]))
    return known


def borrow_year(article: Article, results: dict[str, object], known: dict[str, set[int]], context) -> tuple[Article, dict[str, object]] | None:
    """Re-date a weakly dated article whose days match a confidently dated one's.

    Seed 003 says "the July 3 phone call" and gives no year; seed 000 dates the same call to
    Thursday 2025-07-03. Articles analysed together that report the same day share a calendar, so
    003 is re-anchored in 2025. Returns None when nothing matches or the year already agrees.
    """
    if not is_weakly_dated(article):
        return None
    votes: dict[int, int] = {}
    for timex in results.get("timexes", []):
        match = _FULL_DATE.match(str(timex["value"]))
        if match:
            for year in known.get(match[2], ()):
                shift = year - int(match[1])
                votes[shift] = votes.get(shift, 0) + 1
    if not votes:
        return None
    shift = max(sorted(votes), key=lambda s: (votes[s], -abs(s)))
    if shift == 0:
        return None
    published = date.fromisoformat(article.published)
    try:
        moved = published.replace(year=published.year + shift)
    except ValueError:  # 29 February
        moved = published.replace(year=published.year + shift, day=28)
    article = replace(article, published=moved.isoformat(), published_confidence=CONFIDENT)
    article, outputs = date_stage(article, context)
    return article, {**results, **outputs}


def share_calendars(batch: list[tuple[Article, dict[str, object]]], context) -> list[tuple[Article, dict[str, object]]]:
    """:func:`borrow_year` over a batch of analysed articles; the others come back unchanged."""
    known: dict[str, set[int]] = {}
    for article, results in batch:
        for month_day, years in calendar_of(article, results).items():
            known.setdefault(month_day, set()).update(years)
    out = []
    for article, results in batch:
        redated = borrow_year(article, results, known, context)
        out.append(redated if redated is not None else (article, results))
    return out
