"""Inferring a missing publication date from what an article says about time.

Evidence, found with the expressions left unanchored:
- explicit dates with a year ("July 3, 2025"): a past event is not after the publication date, a
  coming one not before it;
- the days the text names: news reports what just happened or is about to, so the nearer the
  nearest named day, the likelier (a year-less "Feb. 9" is placed in the year nearest the candidate:
  the clause's tense does not tell whether "the primary Feb. 9" has come yet);
- year-less dates ("July 4") and weekdays ("last Friday", "on Thursday"): a weekday that, resolved
  against a candidate, lands on a named date makes the candidate consistent ("Friday" and "July 4"
  are one day only in years where July 4 is a Friday); each such day counts once;
- the reporting day: "said Monday" names the publication day's weekday more often than not;
- a wire dateline's date ("WASHINGTON, Sept. 28 (UPI) —") is the day the story was filed.

Candidates run from each named date to a week after it (from a month before it, for an event still
to come); each is scored by its evidence, less a point and a half for each year it lies before the time of
ingestion: of dates the text fits as well, the most recent wins, and a weekday matching a date by
chance a year or more back does not outweigh the recent year.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.analyse.dates import calendar as cal
from storyline.analyse.dates.grammar import WEEKDAYS
from storyline.analyse.dates.tagger import Timex, find_timexes
from storyline.analyse.dates.tense import direction_at
from storyline.clean.metadata import dateline_end

_YEARS_BACK = 40
_MAX_DELAY_DAYS = 7
_LEAD_DAYS = 30
# What each year before ingestion costs a candidate, against two points for a weekday that lands on a
# named date. With 1.5 (not 1), a chance landing a year back no longer outweighs the recent year:
# `storyline eval published` dates more articles within a week at 1 and 30 days and as many at 365; with
# 2 an article ingested a year late is often put in the wrong year.
_YEAR_PENALTY = 1.5
# A date named alone, with nothing else to go by, dates the article only when it is recent: an
# article that names only "Sept. 11, 2001" was not published that day.
_STALE_DAYS = 2 * 365
_MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_WEEKDAY = re.compile(r"^XXXX-WXX-(\d)$")
_FULL = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_REPORTING = re.compile(r"\b(?:said|says|told|announced|wrote|added)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class InferredDate:
    """A publication date inferred from the text, with how sure the inference is (0 to 1)."""

    value: date
    confidence: float
    evidence: tuple[str, ...]


def infer_publication_date(text: str, now: date, extra_text: str = "") -> InferredDate | None:
    """The most likely publication date of an article that does not give one.

    Args:
        text: the article text.
        now: the time of ingestion: the date is never after it.
        extra_text: more text of the same article that may date it (photo captions).

    Returns:
        The inferred date, or None when the text holds no date to go by.
    """
    clues = _clues(text + ("\n\n" + extra_text if extra_text else ""))
    if clues is None:
        return None
    candidates: set[date] = set()

    def around(t, day: date) -> None:
        """The days an article naming ``day`` may have come out: up to a week after an event, up to
        a month before one still to come."""
        direction = clues.directions[id(t)]
        first = day - timedelta(days=_LEAD_DAYS if direction >= 0 else 0)
        last = day + timedelta(days=_MAX_DELAY_DAYS if direction <= 0 else 0)
        candidates.update(first + timedelta(days=k) for k in range((last - first).days + 1))

    for t, day in clues.explicit:
        around(t, day)
    for t, month, day_number in clues.month_days:
        for year in range(now.year + 1, now.year - _YEARS_BACK, -1):
            day = cal.safe_date(year, month, day_number)
            if day is not None:
                around(t, day)
    candidates = {c for c in candidates if c <= now}
    if not candidates:
        return None

    best: tuple[float, date, float, tuple[str, ...]] | None = None  # (rank, date, evidence score, evidence)
    for candidate in candidates:
        score, evidence = _score(candidate, clues)
        rank = score - _YEAR_PENALTY * (now.year - candidate.year)  # of dates the text fits as well, the most recent
        if best is None or (rank, candidate) > best[:2]:
            best = (rank, candidate, score, evidence)
    _rank, value, score, evidence = best
    if not evidence and (now - value).days > _STALE_DAYS:
        return None  # only a date long gone ("July 14, 1789"): a bound on the date, not the date
    confidence = max(0.1, min(0.95, 0.3 + 0.15 * score))
    return InferredDate(value, round(confidence, 2), evidence)


@dataclass(frozen=True, slots=True)
class _Clues:
    """What an article says about time, found once and weighed for every candidate date."""

    text: str
    explicit: list[tuple[Timex, date]]               # dates with a year
    month_days: list[tuple[Timex, int, int]]         # year-less dates: month, day
    weekdays: list[tuple[Timex, int]]                # weekdays, Monday 0
    pairs: list[tuple[Timex, int, int, int]]         # "Friday, June 6": weekday, month, day
    filed: list[tuple[int, int]]                     # the month and day of a wire dateline
    directions: dict[int, int]                       # each expression's tense, by id


def _clues(text: str) -> _Clues | None:
    """The time expressions an article holds, left unanchored; None when it names no date."""
    mentions = find_timexes(text, None)
    explicit = [(t, date(*map(int, _FULL.match(t.value).groups()))) for t in mentions if _FULL.match(t.value) and t.type == "DATE"]
    month_days = [(t, int(m[1]), int(m[2])) for t in mentions if (m := _MONTH_DAY.match(t.value))]
    if not explicit and not month_days:
        return None
    weekdays = [(t, int(m[1]) - 1) for t in mentions if (m := _WEEKDAY.match(t.value))]
    # "Friday, June 6": a weekday and a date named together fix the years they can fall in.
    pairs = [(t, WEEKDAYS[re.match(r"[A-Za-z]+", t.text)[0].lower()], month, day_number)
             for t, month, day_number in month_days if t.rule in ("weekday_date", "weekday_day_month")]
    filed = [(month, day_number) for t, month, day_number in month_days
             if (end := dateline_end(text, t.start)) is not None and t.start < end]
    directions = {id(t): direction_at(text, t.start, t.end) for t, *_ in weekdays + month_days + explicit}
    return _Clues(text, explicit, month_days, weekdays, pairs, filed, directions)


def _nearest(candidate: date, month: int, day_number: int) -> date | None:
    """A year-less date in the year that puts it nearest the candidate, before or after: a clause's
    tense does not tell whether "the New Hampshire primary Feb. 9" has come yet."""
    days = [cal.safe_date(year, month, day_number) for year in (candidate.year - 1, candidate.year, candidate.year + 1)]
    return min((d for d in days if d is not None), key=lambda d: abs((d - candidate).days), default=None)


def _score(candidate: date, clues: _Clues) -> tuple[float, tuple[str, ...]]:
    """The evidence for one candidate date, with what it is (see the module's account)."""
    score, evidence = 0.0, []
    if (candidate.month, candidate.day) in clues.filed:  # the day a wire dateline gives: more than a named pair
        score += 4
        evidence.append(f"dateline {candidate.isoformat()}")
    for t, weekday, month, day_number in clues.pairs:  # "Friday, June 6" fits the years it falls on a Friday
        day = _nearest(candidate, month, day_number)
        if day is not None and day.weekday() == weekday:
            score += 3
            evidence.append(f"{t.text} ({day.isoformat()})")
        else:
            score -= 3
    mentioned = {}
    for t, month, day_number in clues.month_days:
        day = _nearest(candidate, month, day_number)
        if day is not None and (month, day_number) not in clues.filed:  # (the dateline's day is no event)
            mentioned[day] = t.text
    for t, day in clues.explicit:
        if (day > candidate and clues.directions[id(t)] <= 0) or (day < candidate and clues.directions[id(t)] > 0):
            score -= 3  # a past event after the publication date, or a coming one before it
    # News reports what just happened or is about to: the nearer the nearest named day, the likelier.
    gap = min((abs((day - candidate).days) for day in [*mentioned, *(d for _t, d in clues.explicit)]), default=None)
    if gap is not None:
        score -= math.log1p(gap / 7)
    paired, reported = set(), False  # a day the text names again and again counts once
    for t, weekday in clues.weekdays:
        resolved = cal.weekday_date(candidate, weekday, 1 if clues.directions[id(t)] > 0 else -1)
        if _is_last(t):
            resolved = cal.weekday_date(candidate - timedelta(days=1), weekday, -1)
        if resolved == candidate and _REPORTING.search(clues.text[max(0, t.start - 20) : t.start]):
            # "said Monday": the reporting day. It is no event, so it does not pair with a date.
            if not reported:
                score += 1
                evidence.append(f"reported {t.text}")
            reported = True
        elif resolved in mentioned and resolved not in paired:
            score += 2
            paired.add(resolved)
            evidence.append(f"{t.text} = {mentioned[resolved]} ({resolved.isoformat()})")
    return score, tuple(evidence)


def _is_last(t: Timex) -> bool:
    return t.text.lower().startswith(("last ", "past "))
