"""Calendar arithmetic on TIMEX3 values: weeks, quarters, seasons, shifting by a unit."""

from __future__ import annotations

from datetime import date, timedelta

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# Rough months each season starts in (northern hemisphere), to say whether one has begun.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift(anchor: date, unit: str, amount: int) -> str:
    """The TIMEX3 value of the ``unit`` that lies ``amount`` units from the anchor's.

    >>> shift(date(1998, 1, 8), "week", -1)
    '1998-W01'
    >>> shift(date(1989, 11, 2), "quarter", -1)
    '1989-Q3'
    """
    if unit == "day":
        return (anchor + timedelta(days=amount)).isoformat()
    if unit == "week":
        return iso_week(anchor + timedelta(weeks=amount))
    if unit == "weekend":
        return iso_week(anchor + timedelta(weeks=amount)) + "-WE"
    if unit == "month":
        year, month = add_months(anchor.year, anchor.month, amount)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        index = anchor.year * 4 + quarter_of(anchor) - 1 + amount
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "half":
        index = anchor.year * 2 + (anchor.month > 6) + amount
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if unit == "year":
        return f"{anchor.year + amount:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + amount:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + amount:02d}"
    raise ValueError(f"no calendar unit '{unit}'")


def weekday_date(anchor: date, weekday: int, direction: int) -> date:
    """The given weekday (0 = Monday) nearest the anchor in a direction, the anchor's own day included.

    ``direction`` -1 looks back (a past event: "said Friday"), +1 forward ("will meet Friday").
    """
    delta = (weekday - anchor.weekday()) % 7
    if direction < 0:
        return anchor - timedelta(days=(7 - delta) % 7)
    return anchor + timedelta(days=delta)


def month_year(anchor: date, month: int, direction: int, day: int | None = None) -> int:
    """The year of a year-less month (and day): the latest on or before the anchor for a past
    reference, the first on or after it for a future one."""
    here = (anchor.month, anchor.day if day is not None else 0)
    there = (month, day or 0)
    if direction < 0:
        return anchor.year if there <= here or (day is None and month == anchor.month) else anchor.year - 1
    return anchor.year if there >= here or (day is None and month == anchor.month) else anchor.year + 1


def season_year(anchor: date, season: str, direction: int) -> int:
    begun = anchor.month >= SEASON_START[season]
    if direction < 0:
        return anchor.year if begun else anchor.year - 1
    return anchor.year if not begun or season == "WI" else anchor.year + 1


def nearest_season_year(anchor: date, season: str) -> int:
    """The year of the season nearest the anchor (the one it falls in, else the nearer edge), for a
    season no tense places ("the party hopes to unite in the fall")."""
    def distance(year: int) -> int:
        first = date(year, SEASON_START[season], 1)
        after = date(year + (SEASON_START[season] + 3 > 12), (SEASON_START[season] + 2) % 12 + 1, 1)
        return 0 if first <= anchor < after else min(abs((anchor - first).days), abs((anchor - after).days))
    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=distance)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
