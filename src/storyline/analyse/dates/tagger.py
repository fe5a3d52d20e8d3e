"""Find time expressions in text and resolve each to a TIMEX3 type and value against an anchor date."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.easter import easter

from storyline.analyse.dates import calendar as cal
from storyline.analyse.dates.grammar import (
    MONTHS, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY, RULE_NEEDS, RULES, SETS, SPELLED_ORDINALS, UNITS, WEEKDAYS,
)
from storyline.analyse.dates.tense import SENTENCE_BREAK, direction_at, month_tense, possessive_tense


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression: its extent (character offsets), TIMEX3 type and value, and the rule that found it.

    ``anchored`` is the calendar value a duration counted from another time points at: in "three
    days later" TimeML marks "three days" (P3D) and leaves "later" out as a signal; the day it
    names, three days after the date before it, is kept here for dating events.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    rule: str
    mod: str | None = None
    anchored: str | None = None

    def as_dict(self) -> dict[str, object]:
        record: dict[str, object] = {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "value": self.value}
        if self.mod:
            record["mod"] = self.mod
        if self.anchored:
            record["anchored"] = self.anchored
        return record


_UNIT_CALENDAR = {"D": "day", "W": "week", "WE": "weekend", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century"}
_DURATION_UNIT = {"S": "S", "M": "M", "H": "H", "D": "D", "W": "W", "WE": "D", "W2": "W", "Q": "Q", "Y": "Y", "DE": "E", "CE": "C", "ML": "L"}
_TIME_UNITS = {"second", "minute", "hour"}
_APPROX_MOD = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
               "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
               "under": "LESS_THAN", "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
               "more than": "MORE_THAN", "over": "MORE_THAN", "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE"}


def find_timexes(text: str, anchor: date | None) -> list[Timex]:
    """All time expressions in ``text``, resolved against ``anchor`` (the publication date).

    Without an anchor, relative expressions keep their unknown parts as ``X`` ("XXXX-WXX-5" for
    a bare "Friday") and deictic ones their reference value (``PRESENT_REF``).

    Returns:
        Non-overlapping expressions in text order.
    """
    candidates = []
    lowered = text.lower()
    for order, (name, pattern) in enumerate(RULES):
        if (needs := RULE_NEEDS.get(name)) and not any(word in lowered for word in needs):
            continue
        for match in pattern.finditer(text):
            if match.end() > match.start():
                candidates.append((match.end() - match.start(), -order, match.start(), name, match))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for _length, _order, start, name, match in candidates:
        end = match.end()
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        if _in_name(name, text, start, end):
            taken.append((start, end))  # no shorter match inside a name either
            continue
        resolved = _resolve(name, match, text, anchor)
        if resolved is None:
            continue
        kind, value, mod, span = resolved
        s, e = span if span else (start, end)
        taken.append((s, e))
        chosen.append((Timex(s, e, text[s:e], kind, value, name, mod), match))
    chosen.sort(key=lambda pair: pair[0].start)
    timexes = _span_years(_range_ends(_date_clock_times(_resolve_anaphora(chosen, text, anchor), text), text), text)
    timexes = _span_in_order(_elided_ordinals(_quarters(timexes, text, anchor), text), text)
    return [_without_lead(_with_or_so(_day_beside(timex, text), text)) for timex in timexes]


_LEAD = re.compile(r"(?:within|just|only)\s+|the\s+(?=[\w.]+-(?:quarter|half|year|month|week|weekend|fortnight|day|night|hour|minute|second|decade|century)$)", re.I)


def _without_lead(timex: Timex) -> Timex:
    """"within 30 days", "only six months", "just a decade ago": the word before the count is a
    signal or a focus, left outside the extent as TimeBank marks it, and no modifier; so is the
    article of a noun a time adjective qualifies ("the third-quarter results", "the 90-minute film")."""
    lead = _LEAD.match(timex.text)
    if not lead or timex.type not in ("DURATION", "DATE"):
        return timex
    return replace(timex, start=timex.start + lead.end(), text=timex.text[lead.end():], mod=None)


_DAY_BESIDE = re.compile(r"\b(?P<day>day\s+(?P<rel>before|after))\s+$", re.I)


def _day_beside(timex: Timex, text: str) -> Timex:
    """"the day before last Tuesday's hearing": the day before the day named, marked from "day"."""
    if timex.type != "DATE" or not _FULL_DATE.fullmatch(timex.value):
        return timex
    m = _DAY_BESIDE.search(text, max(0, timex.start - 20), timex.start)
    if not m:
        return timex
    day = date.fromisoformat(timex.value) + timedelta(days=1 if m["rel"].lower() == "after" else -1)
    return replace(timex, start=m.start("day"), text=text[m.start("day"):timex.end], value=day.isoformat())


_OR_SO = re.compile(r"\s+or\s+so\b")
_OR_COUNT = re.compile(r"\s+or\s+(?:two|three|four|five|six|\d+)\b(?!\s*[-\w])")  # "a year or two"
# "in" before a count of units: said of the future, a time that far ahead ("will reopen in ten
# days"), unless what follows says which unit is meant ("in a quarter that lost money") or what
# comes before makes the count a span reaching back: a superlative, "the first time", a negation
# ("the lowest level in five years", "hasn't worn it in six months").
_IN_BEFORE = re.compile(r"(?<![\w-])in\s+$", re.I)
_WHICH_AFTER = re.compile(r"\s+(?:that|which|when|where|of)\b")
_SPAN_BACK = re.compile(r"(?:\b(?:\w+est|most|least|first|time|times)\s+(?:\w+\s+){0,2}|n['’]t\s+(?:\w+\s+){1,2}|\b(?:not|never)\s+(?:\w+\s+){1,2})in\s+$", re.I)


def _with_or_so(timex: Timex, text: str) -> Timex:
    """"or so" after a count of units belongs to the expression ("the next year or so")."""
    if timex.type not in ("DATE", "DURATION") or not re.search(r"(?:day|week|month|year|decade|hour|minute)s?$", timex.text, re.I):
        return timex
    tail = _OR_SO.match(text, timex.end)
    return replace(timex, end=tail.end(), text=text[timex.start:tail.end()]) if tail else timex


_ENDED = re.compile(r",?\s+(?:that\s+|which\s+)?end(?:ed|ing|s)\s+(?:on\s+)?$")


def _quarters(timexes: list[Timex], text: str, anchor: date | None) -> list[Timex]:
    """A quarter or half followed by the day it ended ("the second quarter ended Oct. 31, 1988") is
    in that day's year: a fiscal quarter, numbered as the company counts it. "That quarter" is the
    quarter last named. After a fiscal quarter is named ("earned $5 million in the fiscal first
    quarter"), the quarter under report ("the quarter", "the latest period", "the 1988 period") is
    that one, not the last calendar quarter, until another quarter is named; so is one a quarter
    named beside it tells ("the year-ago quarter, the second quarter ended Oct. 31"). "This
    quarter's loss", told after the results of the quarter just ended, is that quarter's too."""
    out = list(timexes)
    last = fiscal = None
    told = set()
    reported = _reported_period(anchor, "quarter") if anchor else None
    for index, period in enumerate(timexes):
        day = timexes[index + 1] if index + 1 < len(timexes) else None
        quarter = _QUARTER_VALUE.fullmatch(period.value)
        if period.value == "XXXX-QX" and period.rule == "that_unit" and last:
            out[index] = replace(period, value=last)
        elif day and re.fullmatch(r"\d{4}-[QH]\d", period.value) and _FULL_DATE.fullmatch(day.value) \
                and _ENDED.fullmatch(text, period.end, day.start) and day.start - period.end < 30:
            if period.value[5] == "Q" and not _NAMED_QUARTER.search(period.text):
                # "the quarter ended July 31" is not numbered: the calendar quarter most of it lies in
                month = date.fromisoformat(day.value[:10]).replace(day=1) - timedelta(days=1)
                out[index] = replace(period, value=f"{month.year:04d}-Q{(month.month - 1) // 3 + 1}")
            else:
                out[index] = replace(period, value=day.value[:4] + period.value[4:])
        elif quarter and day and _under_report(period) and not _NAMED_QUARTER.search(period.text) \
                and _QUARTER_VALUE.fullmatch(day.value) and _NAMED_QUARTER.search(day.text) \
                and re.fullmatch(r",\s*", text[period.end:day.start]):
            # an apposition names it: "the year-ago quarter, the second quarter ended Oct. 31"
            out[index] = replace(period, value=period.value[:5] + day.value[5:])
        elif quarter and fiscal and reported and _under_report(period) and not _NOT_REPORTED.search(period.text) \
                and not _NAMED_QUARTER.search(period.text):
            year = int(fiscal[:4]) + int(quarter[1]) - int(reported[:4])  # "the 1988 period": the fiscal quarter a year back
            out[index] = replace(period, value=f"{year:04d}{fiscal[4:]}")
        elif quarter and reported in told and period.text.lower().startswith("this ") \
                and _RESULTS_OF.match(text, period.end) and direction_at(text, period.start, period.end) <= 0:
            # "This quarter's loss includes a charge", after the results of the quarter just ended
            out[index] = replace(period, value=reported)
        if quarter and _NAMED_QUARTER.search(period.text):
            unfinished = reported and period.value > reported and direction_at(text, period.start, period.end) < 0
            fiscal = out[index].value if "fiscal" in period.text.lower() or unfinished else None
        if _QUARTER_VALUE.fullmatch(out[index].value):
            last = out[index].value
            told.add(last)
    return out


_QUARTER_VALUE = re.compile(r"(\d{4})-Q\d")
_NAMED_QUARTER = re.compile(r"\b(?:first|second|third|fourth|final|[1-4](?:st|nd|rd|th))\b|\bQ[1-4]\b", re.I)
_RESULTS_OF = re.compile(r"['’]s\s+(?:net\s+)?(?:loss|results|earnings|profits?|net|income|revenues?|sales)\b", re.I)
_NOT_REPORTED = re.compile(r"\b(?:this|next|current|coming)\b", re.I)
_REPORTED_RULES = frozenset({"the_quarter", "quarter", "year_quarter", "year_earlier"})


def _under_report(period: Timex) -> bool:
    """Whether a quarter stands for the one under report ("the quarter", "the latest period", "a
    year earlier"), or for it a year back, as a "last year" beside it does, rather than naming one."""
    return period.rule in _REPORTED_RULES or (period.rule == "relative_unit" and "quarter" not in period.text.lower())


_ELIDED = re.compile(r"\b(?P<o>first|second|third|fourth)(?:,\s*|\s+(?:and|or)\s+)$", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _elided_ordinals(timexes: list[Timex], text: str) -> list[Timex]:
    """An ordinal joined to a quarter or half names one of its own: "in the second and fourth
    quarters" holds the second quarter and the fourth."""
    out = []
    for timex in timexes:
        period = re.fullmatch(r"(.{4})-([QH])\d", timex.value)
        joined, start = [], timex.start
        while period and _NAMED_QUARTER.match(timex.text) and re.search(r"\b(?:quarters|halves)\b", timex.text, re.I) \
                and (elided := _ELIDED.search(text, max(0, start - 20), start)):
            number = _ORDINALS[elided["o"].lower()]
            if number > (4 if period[2] == "Q" else 2):
                break
            joined.insert(0, Timex(elided.start("o"), elided.end("o"), elided["o"], timex.type, f"{period[1]}-{period[2]}{number}", "elided"))
            start = elided.start("o")
        out.extend(joined)
        out.append(timex)
    return out


_SPAN_JOIN = re.compile(r"\s*(?:-|–|to|through|until|till|and|or)\s*$")
_WRITTEN_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def _span_years(timexes: list[Timex], text: str) -> list[Timex]:
    """A month or season that opens a span takes the year written at its end ("from September to
    December 2014": September 2014; "from November to March 2015": November 2014; "the summer and
    fall of 2012")."""
    out = list(timexes)
    for index in range(len(timexes) - 1):
        first, second = timexes[index], timexes[index + 1]
        year = _WRITTEN_YEAR.search(second.text)
        if not year or not _SPAN_JOIN.match(text[first.end:second.start]):
            continue
        if first.rule == "month" and second.rule in ("month_year", "month_day_year") and re.fullmatch(r"\d{4}-\d\d", first.value):
            month, second_month = int(first.value[5:7]), int(second.value[5:7])
            out[index] = replace(first, value=f"{int(year[0]) - (month > second_month):04d}-{month:02d}")
        elif first.rule == "season" and second.rule == "season" and re.fullmatch(r"\d{4}-[A-Z]{2}", first.value):
            out[index] = replace(first, value=f"{year[0]}{first.value[4:]}")  # "the summer and fall of 2012"
    return out


# The day that ends a span: "-21" at once; "to 22" or "and 9" when only the clause's end or a small
# word follows (not "to 22 percent", "and 4 others").
_YEAR_AFTER = r"(?:,?\s+(?P<y>(?:1[6-9]|20)\d\d)\b)"
_RANGE_DASH = re.compile(rf"\s?[-–]\s?(?P<d>[12]\d|3[01]|0?[1-9])\b(?![-/:.]?\d){_YEAR_AFTER}?")
_RANGE_WORD = re.compile(
    rf"\s+(?:to|through|and)\s+(?P<d>[12]\d|3[01]|0?[1-9])\b(?![-/:.]?\d)"
    rf"(?:{_YEAR_AFTER}|(?=\s*[,.;:)]|\s+(?:in|at|on|for|with|and|or|to|the|when|as|that|from|of|by)\b))")


_SHORT_YEAR_END = re.compile(r"\s?[-–/]\s?(?P<yy>\d\d)\b(?![-/:.]?\d)")


def _short_year_after(first: int, two_digits: int) -> int | None:
    """The year a span that starts in ``first`` ends in, written with two digits ("99", "00"), or None
    when that would not be a span of under twenty years."""
    last = first - first % 100 + two_digits
    if last <= first:
        last += 100
    return last if last - first < 20 else None


def _range_ends(timexes: list[Timex], text: str) -> list[Timex]:
    """The day that ends a span of days ("July 18-21", "July 18-21, 2016", "Sept. 19 to 22"): a
    date of its own, in the month of the day that starts it (and the year written after it, for both).
    So is the second year of a season or fiscal year written short ("1982-83", "2011/12")."""
    out = []
    for timex in timexes:
        season = _SHORT_YEAR_END.match(text, timex.end) if timex.rule == "year" and re.fullmatch(r"\d{4}", timex.value) else None
        if season and (year := _short_year_after(int(timex.value), int(season["yy"]))):
            out.append(timex)  # "the 1982-83 season", "from 1995-99": the end year too
            out.append(Timex(season.start("yy"), season.end("yy"), season["yy"], "DATE", f"{year:04d}", "range_end"))
            continue
        end = ((_RANGE_DASH.match(text, timex.end) or _RANGE_WORD.match(text, timex.end))
               if timex.rule == "month_day_year" and _FULL_DATE.fullmatch(timex.value) else None)
        first = date.fromisoformat(timex.value) if end else None
        last = first and cal.safe_date(int(end["y"] or first.year), first.month, int(end["d"]))
        start = last and cal.safe_date(last.year, first.month, first.day)  # the first day, in the year written
        if not start or last <= start:
            out.append(timex)
            continue
        out.append(replace(timex, value=start.isoformat()))
        out.append(Timex(end.start("d"), end.end(), text[end.start("d"):end.end()], "DATE", last.isoformat(), "range_end"))
    ends = [t for t in out if t.rule == "range_end"]
    return [t for t in out if t.rule == "range_end" or not any(t.start < e.end and e.start < t.end for e in ends)]


_SPAN_OPENS = re.compile(r"\b(?:between|from)\s+$", re.I)
_SPAN_JOINS = re.compile(r"\s+(?:and|to|until|till)\s+|\s?[-–]\s?")
_THROUGH = re.compile(r"\s+(?:through|thru)\s+")


def _span_in_order(timexes: list[Timex], text: str) -> list[Timex]:
    """A span's first day (or month), written without its year (or its week), comes before its last:
    "between January 1 and September 26", said on September 29, starts this January, not the next;
    "taken Monday through Friday", said on a Tuesday, starts the Monday before last. A span still
    to come moves its end instead: "will be closed from Monday through Thursday", said on a Wednesday,
    ends the Thursday after next."""
    out = list(timexes)
    for index in range(len(out) - 1):
        first, last = out[index], out[index + 1]
        days = _FULL_DATE.fullmatch(first.value) and _FULL_DATE.fullmatch(last.value)
        months = first.rule == last.rule == "month" and re.fullmatch(r"\d{4}-\d\d", first.value) and re.fullmatch(r"\d{4}-\d\d", last.value)
        if not ((days or months) and first.value > last.value):
            continue
        opened = _SPAN_OPENS.search(text, max(0, first.start - 10), first.start)
        if not (_THROUGH.fullmatch(text, first.end, last.start) or (opened and _SPAN_JOINS.fullmatch(text, first.end, last.start))):
            continue
        ahead = direction_at(text, first.start, first.end, before_only=True) > 0
        moved = last if ahead else first
        if moved.rule == "weekday":
            other = date.fromisoformat((first if ahead else last).value)
            day = cal.weekday_date(other + timedelta(days=1) if ahead else other - timedelta(days=1), date.fromisoformat(moved.value).weekday(),
                                   1 if ahead else -1)
            value = day.isoformat()  # the first such weekday after the span's start (or before its end)
        elif not re.search(r"\d{4}", moved.text):
            value = f"{int(moved.value[:4]) + (1 if ahead else -1):04d}{moved.value[4:]}"
            if days and not cal.safe_date(int(value[:4]), int(value[5:7]), int(value[8:10])):
                continue  # February 29 in a year without one
        else:
            continue
        if (value > first.value) if ahead else (value <= last.value):
            out[index + (1 if ahead else 0)] = replace(moved, value=value)
    return out


def _date_clock_times(timexes: list[Timex], text: str) -> list[Timex]:
    """A clock time takes its day from the nearest day named in its sentence ("at 10:35 a.m.
    (0735 GMT) Friday", "at 4 in the morning (4 a.m. Thursday)"), not from the publication date."""
    out = list(timexes)
    for index, timex in enumerate(timexes):
        if timex.rule not in ("clock", "noon") or not _FULL_DATE.match(timex.value):
            continue
        days = [other for other in timexes if other.rule not in ("clock", "noon") and _FULL_DATE.match(other.value)
                and not SENTENCE_BREAK.search(text, min(other.end, timex.end), max(other.start, timex.start))]
        if days:
            day = min(days, key=lambda other: abs(other.start - timex.start))
            out[index] = replace(timex, value=day.value[:10] + timex.value[10:])
    return out


# A month that heads a name: "the March for Life", "the 1963 March on Washington", "the March of
# Dimes"; not one a preposition puts in time ("in May for the Kestrel case").
_MONTH_NAMED = re.compile(r"\s+(?:for|of|on|against)\s+(?:the\s+)?[A-Z]")
_TIME_PREPOSITION = re.compile(r"\b(?:in|on|since|until|till|by|from|to|through|during|before|after|early|late|mid|last|next|this|each|every)[\s-]*$", re.I)
# A paper named by how often it appears: "the party daily Tidings", "the Daily Ledger", "Nightly News".
_SET_NAMED = re.compile(r"\s+(?:[A-Z][a-z]+|the\s+[A-Z])")
# A title's opening quote, maybe with its first capitalised words ("``High Noon''").
_OPEN_QUOTE = re.compile(r"(?:``|''|[\"“‘])(?:[A-Z][\w'-]*[\s-]+)*$")
# The rest of a title in quotes: capitalised words (and the small ones titles keep), then the
# closing quote, not an apostrophe ("“Today’s speech" is no title).
_QUOTED_TITLE = re.compile(r"^(?:[\s-]+(?:[A-Z0-9][\w'-]*|of|the|a|an|and|with|in|on|at|for))*[.,!?]?(?:''|[\"”’])(?![A-Za-z])")
_EXPLICIT_DATES = frozenset({"iso_date", "slash_date", "weekday_date", "weekday_day_month", "month_day_year", "day_month_year",
                             "month_year", "year"})


# A capitalised word just before a month, which makes the month a surname unless it is a word
# that puts the month in time or opens a sentence.
_NAME_BEFORE = re.compile(r"(?<![\w.])(?P<w>[A-Z][a-z]+\.?)\s+$")
_NOT_GIVEN_NAMES = frozenset(
    "in on by since until till through from to during before after early late mid last next this that each every the "
    "of for and or but as at around about between among a an its his her their our all only then when while if so "
    "also even".split()) | frozenset(MONTHS) | frozenset(WEEKDAYS)


_WISH = re.compile(r"\s+(?:the|God|all|his|her|their|our|your|he|she|they|it)\b")
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*\s+$")
_PROGRAMME = re.compile(r"\s+(?:Night|Morning|Evening|Afternoon)\s+[A-Z][a-z]")


def _in_name(rule: str, text: str, start: int, end: int) -> bool:
    """Whether a match is part of a name or title rather than a time: a programme's title in
    quotes ("``This Week With Ada Brill''", "''60 Minutes''"), a march or festival named after its
    month, a newspaper named by how often it appears. A date written out in quotes
    (tweet-date="March 10, 2016") stays a date."""
    words = text[start:end].split()
    if rule == "month" and (name := _NAME_BEFORE.search(text, max(0, start - 25), start)) \
            and name["w"].lower().rstrip(".") not in _NOT_GIVEN_NAMES:
        return True  # a surname: "Theresa May", "Ms. May", "Jill June"
    if rule == "month":  # "the March on Washington"; "last October on CBS" is a time
        return bool(_MONTH_NAMED.match(text, end)) and not _TIME_PREPOSITION.search(text, max(0, start - 12), start)
    if rule == "weekday" and _PROGRAMME.match(text, end):
        return True  # a programme: "Saturday Night Live", "Sunday Morning Futures"
    if rule == "weekday" and words[0].endswith(".") and _CAPITAL_BEFORE.search(text, max(0, start - 20), start):
        return True  # a newspaper: "the Las Vegas Sun."
    if rule == "deictic" and words[-1].isupper() and len(words[-1]) > 1 and _CAPITAL_BEFORE.search(text, max(0, start - 20), start) \
            and re.search(r"\b[a-z]{3,}", text[max(0, start - 60):end + 60]):
        return True  # a name in capitals amid lower-case words: "USA TODAY's Board of Contributors"
    if rule == "set" and words[0].lower() in ("daily", "weekly", "nightly"):
        return words[0][0].isupper() or bool(_SET_NAMED.match(text, end))
    last = words[-1]
    if rule == "the_week" and last.isupper():
        return True  # a heading's words: "STAT OF THE WEEK"
    if ((rule in ("deictic", "duration", "plural_unit") and last[0].isupper()) or (rule in ("the_year", "the_week") and last.istitle())) \
            and _mid_sentence(text, start) and not _title_line(text, start):
        return True  # a capital inside a sentence of lower-case words: "USA Today", "13 Hours", Mr. Weeks, Player of the Year
    titled = any(w[0].isupper() for w in words) and all(w[0].isupper() or w[0].isdigit() for w in words)
    if titled and rule not in _EXPLICIT_DATES and _OPEN_QUOTE.search(text, max(0, start - 40), start):
        return bool(_QUOTED_TITLE.match(text[end:end + 80]))
    return False


def _mid_sentence(text: str, start: int) -> bool:
    """Whether a word at ``start`` follows a word of its sentence (not a sentence's or quote's start)."""
    before = text[max(0, start - 3):start].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;")


def _title_line(text: str, start: int) -> bool:
    """Whether the line holding ``start`` is written in title case (a headline)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text[line_start:line_end if line_end != -1 else len(text)])
             if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_AMOUNT_BEFORE = re.compile(
    r"(?:\d%?|\b(?:million|billion|trillion|thousand|hundred|dozen|one|two|three|four|five|six|seven|eight|nine|ten|percent))"
    r"(?:\s+(?!times\b)[a-z]+s)?\s+$")
# What puts a year long past in time, where a bare number is more likely a count or a model.
_OLD_YEAR = re.compile(r"\b(?:in|of|the|around|circa|since|until|till|by|from|to|through|during|before|after|early|late|mid)[\s-]*$", re.I)
# A report of results; with "quarter", words that make "the period" a reporting period.
_RESULTS = re.compile(r"\b(?:earnings|profits?|net\s+income|revenues?|sales|loss|a\s+share|per\s+share)\b", re.I)
_EARNINGS = re.compile(r"\bquarter\b|" + _RESULTS.pattern, re.I)
_GAME = re.compile(r"[\s-]+(?:comebacks?|touchdowns?|rall(?:y|ies)|field\s+goals?|baskets?|goals?|interceptions?|fumbles?|deficits?|scoring|points?\b(?!\s+(?:higher|lower|to|from)))", re.I)
_GAME_WORDS = re.compile(
    r"\b(?:touchdowns?|quarterbacks?|yards?|field\s+goals?|halftime|overtime|innings?|rebounds?|free\s+throws?|"
    r"(?:the|a|this)\s+game|scored|interceptions?|fumbles?|punts?)\b", re.I)


def _sentence_bounds(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """Where the sentence that holds text[start:end] opens and closes, at most ``reach`` characters
    either side."""
    left = max((m.end() for m in SENTENCE_BREAK.finditer(text, max(0, start - reach), start)), default=max(0, start - reach))
    right = SENTENCE_BREAK.search(text, end)
    return left, right.start() if right else min(len(text), end + reach)


def _sentence_around(text: str, start: int, end: int, reach: int) -> str:
    """The sentence that holds text[start:end], at most ``reach`` characters either side."""
    left, right = _sentence_bounds(text, start, end, reach)
    return text[left:right]


_REPORTING_PERIOD = re.compile(r"\b(?:quarter(?:ly|s)?|periods?)\b(?!-)", re.I)  # not a "quarter-century low"
_MONTHS_SPAN = re.compile(r"\b(?:nine|six|three|eight|seven|eleven|ten|\d+)\s+months\b|\b(?:first|second)\s+half\b", re.I)


def _after_months(text: str, start: int) -> bool:
    """Whether the text before ``start``, back to the start of the sentence before, last named a span
    of months, not a quarter: "In the first nine months, net fell to $3 million from $4 million a
    year earlier" compares the months, which lie in the year before, not the quarter under report."""
    if not _MONTHS_SPAN.search(text, max(0, start - 500), start):
        return False
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(text, max(0, start - 500), start)]
    before = text[breaks[-2] if len(breaks) > 1 else max(0, start - 500):start]
    spans = list(_MONTHS_SPAN.finditer(before))
    return bool(spans) and "quarter" not in before[spans[-1].end():].lower()


_LATEST_PERIOD = re.compile(r"\blatest\s+(?:quarter|period)\b", re.I)
_OWN_PERIOD = re.compile(r"\bthis\s+year\b|\byear\s+ended\b", re.I)


def _beside_latest_period(text: str, start: int, end: int) -> bool:
    """Whether a "last year" compares a figure of the latest quarter under report, named in its
    sentence or the one before ("In the latest quarter, the unit lost $2 million, compared with
    earnings of $3 million last year": the same quarter a year before), not a year of its own
    ("no profit this year, while last year ...")."""
    left, right = _sentence_bounds(text, start, end, 400)
    if _OWN_PERIOD.search(text, left, right) or _MONTHS_SPAN.search(text, left, right):
        return False
    last = len(text[:left].rstrip())  # the end of the sentence before
    before = _sentence_bounds(text, last, last, 400)[0] if last else 0
    return bool(_LATEST_PERIOD.search(text, before, right))


def _in_a_game(text: str, start: int, end: int) -> bool:
    """Whether a quarter or half is one of a game: its sentence tells a match, not a report of results."""
    sentence = _sentence_around(text, start, end, 300)
    return bool(_GAME_WORDS.search(sentence)) and not _RESULTS.search(sentence)


_THAN = re.compile(r"\s+than\b")  # "a decade earlier than planned": a difference, not a date
_BEHIND = re.compile(r"\b(?:ended|since)\s+(?:on\s+)?$", re.I)  # "the quarter ended Jan. 31", "since Jan. 1"
# "over" counts more than a span after these ("just over an hour", "lasted over a week", "for over
# five years"); after any other word it is the preposition of a spread ("phased in over five years").
_OVER_COUNTS = re.compile(r"\b(?:just|well|slightly|little|for|in|after|of|last(?:s|ed|ing)?|t[ao]ok|takes?|taking)\s+$", re.I)
_FRACTION_OF = re.compile(r"\s+of\s+(?!(?:19|20)\d\d\b|(?:this|last|next|the)\s+(?:fiscal\s+)?year\b)")


_ANAPHORIC = frozenset({"that_unit", "next_unit", "unit_after", "ago", "month_that_year", "weekday_anaphor"})
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _resolve_anaphora(chosen: list[tuple[Timex, re.Match]], text: str, anchor: date | None) -> list[Timex]:
    """Give expressions anchored on an earlier date in the text ("that day", "the next day",
    "two days later", "the day after his call") their value from the latest full date before them."""
    reference = anchor
    last_year: int | None = anchor.year if anchor else None
    last_month: date | None = anchor.replace(day=1) if anchor else None
    resolved = []
    for timex, match in chosen:
        if timex.rule == "year_earlier" and resolved:
            # the period compared, not a base it was compared with ("rose in February from January
            # and 4.6% from a year earlier": February's)
            bases = [t for t in resolved if not _FROM.search(text, max(0, t.start - 6), t.start)]
            timex = _a_year_before(timex, bases[-1] if bases else resolved[-1], text)
        if timex.rule == "ordinal_day" and resolved and timex.start - resolved[-1].end < 300 \
                and (month := _NAMED_PERIOD["month"].match(resolved[-1].value)) \
                and (day := cal.safe_date(int(month[0][:4]), int(month[0][5:]), int(match["d"]))):
            timex = replace(timex, value=day.isoformat())  # "In January ... on the 28th": a day of the month just named
        if timex.rule == "edge_relative" and match["the"] and resolved:
            timex = _edge_of_named(timex, match["u2"].lower(), resolved[-1], text)
        if timex.rule in _ANAPHORIC:
            unit = (match.groupdict().get("u") or "").lower()
            rel = (match.groupdict().get("rel") or "").lower() if timex.rule in ("next_unit", "unit_after") else ""
            # "the next year" ahead of now, after a year gone by ("built in 1987, the mill expects
            # orders over the next year"), counts from now
            ahead = (rel == "next" and anchor is not None and unit in ("week", "month", "year")
                     and _named_before(unit, anchor, reference, last_month, last_year) and direction_at(text, timex.start, timex.end) > 0)
            if timex.rule == "unit_after" and unit == "day" and resolved and _FULL_DATE.fullmatch(resolved[-1].value) \
                    and re.fullmatch(r",\s*", text[resolved[-1].end:timex.start]):
                # "Oct. 12, the day before the plunge": an apposition, which names the date before it
                timex = replace(timex, end=match.end("u"), text=text[timex.start:match.end("u")])
                value = ("DATE", resolved[-1].value)
            elif ahead:
                value = _anaphor_value(timex.rule, match, anchor, anchor)
            elif unit == "year" and timex.rule in ("that_unit", "next_unit", "unit_after") and last_year is not None:
                # "that year", "the same year", "the following year": from the year last named
                value = ("DATE", f"{last_year + _ANAPHOR_STEP.get(rel, 0):04d}")
            elif timex.rule == "month_that_year":
                value = ("DATE", f"{last_year:04d}{timex.value[4:]}") if last_year is not None else None  # "October of that year"
            elif unit == "month" and last_month is not None:
                value = _anaphor_value(timex.rule, match, last_month, anchor)  # "in March ... the following month"
            elif unit == "quarter":
                value = None  # "that quarter": see _quarters
            elif unit == "day" and timex.rule == "that_unit" and resolved and re.fullmatch(r"\d{4}-\d\d", resolved[-1].value) \
                    and (anchor is None or resolved[-1].value <= anchor.isoformat()[:7]):
                # "killed last October ... crossed out that same day": a day of the month last named
                value = ("DATE", f"{resolved[-1].value}-XX")
            elif timex.rule == "ago" and _unit_key(unit) in ("Y", "DE") and resolved and re.fullmatch(r"\d{4}", resolved[-1].value):
                # "in 2008, ... a year later": years counted from the year just named
                value = _anaphor_value(timex.rule, match, date(int(resolved[-1].value), 7, 1), anchor)
            else:
                value = _anaphor_value(timex.rule, match, reference, anchor)
            if value is not None and timex.type == "DURATION":
                timex = replace(timex, anchored=value[1])
            elif value is not None:
                timex = replace(timex, type=value[0], value=value[1])
        resolved.append(timex)
        value = timex.anchored or timex.value
        if (timex.anchored or timex.type in ("DATE", "TIME")) and _FULL_DATE.match(value) and timex.rule not in ("clock", "noon"):
            reference = date.fromisoformat(value[:10])
        if timex.type == "DATE" and re.match(r"^\d{4}(?:$|-)", timex.value):
            last_year = int(timex.value[:4])
        if timex.type in ("DATE", "TIME") and (month := re.match(r"^(\d{4})-(\d\d)(?:$|-|T)", value)):
            last_month = date(int(month[1]), int(month[2]), 1)
    return resolved


_FROM = re.compile(r"\bfrom\s+$", re.I)
# The month (or year) a value names: "2013-01" of "2013-01", "2013-01-05" or "1998-10-XX".
_NAMED_PERIOD = {"month": re.compile(r"\d{4}-\d\d(?=$|-)"), "year": re.compile(r"\d{4}(?=$|-)")}


def _edge_of_named(timex: Timex, unit: str, previous: Timex, text: str) -> Timex:
    """"The end of the month" (or year) in a past clause, within a sentence of a month (year) just
    named, is that one's: "In January, snow fell. By the end of the month, schools had closed"."""
    named = _NAMED_PERIOD[unit].match(previous.value) if unit in _NAMED_PERIOD else None
    if named and len(SENTENCE_BREAK.findall(text, previous.end, timex.start)) <= 1 and direction_at(text, timex.start, timex.end) < 0:
        return replace(timex, value=named[0])
    return timex


def _a_year_before(timex: Timex, previous: Timex, text: str) -> Timex:
    """"a year earlier" just after a day written out ("the quarter ended Sept. 30, up from $9 million
    a year earlier") is that day a year back; otherwise it keeps its own value."""
    if (period := re.fullmatch(r"(\d{4})(-(?:Q[1-4]|H[12]|\d\d))", previous.value)) and timex.start - previous.end < 200 \
            and not SENTENCE_BREAK.search(text, previous.end, timex.start):
        # "in the fourth quarter, up from 10 percent a year earlier": that quarter, a year back
        return replace(timex, value=f"{int(period[1]) - 1:04d}{period[2]}")
    if previous.rule not in _EXPLICIT_DATES or not _FULL_DATE.fullmatch(previous.value) or timex.start - previous.end > 300:
        return timex
    day = date.fromisoformat(previous.value)
    return replace(timex, value=(cal.safe_date(day.year - 1, day.month, day.day) or date(day.year - 1, day.month, 28)).isoformat())


def _named_before(unit: str, anchor: date, reference: date | None, last_month: date | None, last_year: int | None) -> bool:
    """Whether the week, month or year last named lies before the anchor's."""
    if unit == "year":
        return last_year is not None and last_year < anchor.year
    if unit == "month":
        return last_month is not None and last_month < anchor.replace(day=1)
    return reference is not None and reference < anchor - timedelta(days=anchor.weekday())


_ANAPHOR_STEP = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "prior": -1, "before": -1}


def _anaphor_value(rule: str, m: re.Match, reference: date | None, anchor: date | None) -> tuple[str, str] | None:
    g = m.groupdict()
    if rule == "ago":
        word = " ".join(g["dir"].lower().split())
        if word not in ("later", "earlier", "after", "before"):
            return None  # "ago", "from now": the publication date is the anchor
        amount, unit = _number(g["n"]), g["u"].lower()
        if reference is None or amount is None or amount != int(amount) or unit in _TIME_UNITS:
            return None
        calendar_unit = _UNIT_CALENDAR.get(_unit_key(unit), "day")
        sign = 1 if word in ("later", "after") else -1
        if calendar_unit == "day":
            return "DATE", (reference + timedelta(days=sign * int(amount))).isoformat()
        return "DATE", cal.shift(reference, "week" if calendar_unit == "weekend" else calendar_unit, sign * int(amount))
    if reference is None:
        return None
    if rule == "weekday_anaphor":  # the weekday before or after the day last named
        weekday = WEEKDAYS[g["wd"].lower().rstrip(".")]
        if g["rel"].lower() in ("previous", "preceding"):
            return "DATE", cal.weekday_date(reference - timedelta(days=1), weekday, -1).isoformat()
        return "DATE", cal.weekday_date(reference + timedelta(days=1), weekday, 1).isoformat()
    unit = g["u"].lower()
    rel = (g.get("rel") or "").lower()
    step = _ANAPHOR_STEP.get(rel, 0)
    if unit in PARTS_OF_DAY:
        return "TIME", f"{(reference + timedelta(days=step)).isoformat()}T{PARTS_OF_DAY[unit]}"
    if unit == "day":
        return "DATE", (reference + timedelta(days=step)).isoformat()
    return "DATE", cal.shift(reference, unit, step)


_PRESENT_COPULA = re.compile(r"(?:\bis|['’]s|\bmarks)\s+$", re.I)
_OLD_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|until)\s+$", re.I)
_DAY_PREPOSITION = re.compile(r"\b(?:on|by|for|until|since|before|after)\s+$", re.I)
_ATTACKS = re.compile(r"\s+(?:terror(?:ist)?\s+)?(?:attacks|hijack\w*|commission)\b", re.I)  # not "the September 11 attack" of 2012
_WEEKDAY_PAST_BIAS = 3
_SHORT_UNITS = frozenset({"S", "M", "H", "D", "W", "WE", "W2"})  # unit keys: seconds to fortnights
_BEFORE = re.compile(r"\bbefore\s+(?:the\s+|this\s+|next\s+)?$", re.I)
_DEADLINE = re.compile(r"\b(?:by|until|till|as\s+of)\s+$", re.I)


def _future_near(text: str, start: int, end: int) -> bool:
    """Whether a future cue before an expression in its clause, up to 25 words back and with no
    nearer cue saying otherwise, puts it ahead ("will vote on March 1", "goes into effect Dec. 1",
    "would sail ..., with the third leaving from August 6"); a deadline ("by March 15") may be
    past or to come."""
    if _DEADLINE.search(text, max(0, start - 10), start):
        return False
    if _BEFORE.search(text, max(0, start - 25), start):
        return True
    return direction_at(text, start, end, before_only=True, reach=25) > 0


_ELECTION = re.compile(
    r"\b(?:elect\w*|vot(?:e|es|ers?|ing)|ballots?|polls|nominee|midterms?|win(?:s|ning)?|defeat|ticket"
    r"|(?:Senate|House)\s+(?:seats?|races?|control|majority)|control\s+of\s+the\s+(?:Senate|House))\b", re.I)


_WEEKS_ELECTION = re.compile(r"['’]s\s+(?:(?:general|federal|midterm|presidential|national)\s+)?elections?\b", re.I)


def _election_day(year: int) -> date:
    """The US federal Election Day of a year: the Tuesday after the first Monday of November."""
    first = date(year, 11, 2)
    return first + timedelta(days=(1 - first.weekday()) % 7)


def _election_in_week(anchor: date, step: int) -> date | None:
    """Election Day, in an even year, when it falls in the week ``step`` weeks from the anchor's."""
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
    election = _election_day(anchor.year)
    return election if anchor.year % 2 == 0 and monday <= election < monday + timedelta(days=7) else None


def _coming_election(text: str, start: int, end: int, anchor: date) -> bool:
    """Whether a year-less November is the federal election of the publication year: said of an
    election, in an even year, before November ("defeat her in November", written in July)."""
    if anchor.year % 2 or anchor.month >= 11:
        return False
    return bool(_ELECTION.search(_sentence_around(text, start, end, 200)))


def _nearest(anchor: date, month: int, day: int | None) -> int:
    """With no tense to go by, the direction in which a year-less month (and day) lies nearer the anchor."""
    back = cal.safe_date(cal.month_year(anchor, month, -1, day), month, day or 15)
    ahead = cal.safe_date(cal.month_year(anchor, month, 1, day), month, day or 15)
    if back is None or ahead is None:
        return -1
    return -1 if (anchor - back) <= (ahead - anchor) * 2 else 1


def _month_day(g: dict, anchor: date | None, direction: int = 0) -> date | None:
    """The calendar day of a month-and-day match (its ``mon``, ``d`` and optional ``y`` and ``wd``
    groups): the year given, else the one a weekday fits ("Friday, June 6"), else the one
    ``direction`` points to, else the nearer one. Needs the year or an anchor."""
    month = MONTHS[g["mon"].lower().rstrip(".")]
    day_number = int(re.match(r"\d+", g["d"]).group())
    if g.get("y"):
        return cal.safe_date(int(g["y"]), month, day_number)
    assert anchor is not None
    if g.get("yrel"):  # "January 20 next year"
        return cal.safe_date(anchor.year + {"next": 1, "last": -1, "this": 0}[g["yrel"].lower()], month, day_number)
    if g.get("wd"):
        weekday = WEEKDAYS[g["wd"].lower().rstrip(".")]
        fits = [y for y in (anchor.year, anchor.year - 1, anchor.year + 1)
                if (d := cal.safe_date(y, month, day_number)) and d.weekday() == weekday]
        if fits:
            return cal.safe_date(fits[0], month, day_number)
    day = cal.safe_date(cal.month_year(anchor, month, direction or _nearest(anchor, month, day_number), day_number), month, day_number)
    if day is None and (month, day_number) == (2, 29):  # "by Feb. 29": the nearest leap year's
        return min((d for y in range(anchor.year - 4, anchor.year + 5) if (d := cal.safe_date(y, 2, 29))), key=lambda d: abs(d - anchor))
    return day


def _reported_period(anchor: date, unit: str, years: int = 0, year: int | None = None) -> str:
    """The quarter (or half) a report is about: the last one completed before the anchor, moved by
    ``years`` or put in ``year`` ("the year-earlier quarter", "the 1988 quarter")."""
    value = cal.shift(anchor, unit, -1)
    return f"{(int(value[:4]) + years) if year is None else year:04d}{value[4:]}"


def _spelled_year(words: str) -> int | None:
    """The year a year in words names: "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    parts = re.split(r"[\s-]+", words.lower())
    if parts[0] == "two":
        rest = [w for w in parts[2:] if w != "and"]
        return 2000 + int(_number(" ".join(rest)) or 0) if rest else 2000
    hundreds = {"nineteen": 1900, "eighteen": 1800}.get(parts[0])
    rest = _number(" ".join(parts[1:]))
    return hundreds + int(rest) if hundreds is not None and rest is not None else None


def _clock(g: dict) -> str | None:
    """HH:MM of a clock match (12-hour with a.m./p.m.), or None for an impossible hour."""
    hour = int(g["h"])
    ap = g["ap"].lower().replace(".", "")
    if hour > 12:
        return None
    if ap == "pm" and hour != 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{int(g['m'] or 0):02d}"


def _number(word: str) -> float | None:
    word = " ".join(word.lower().replace("-", " ").split())
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]  # "a half", "half a dozen"
    half = 0.0
    if word.endswith(" 1/2"):
        word, half = word[:-4], 0.5
    if word.endswith(" half"):
        word = re.sub(r"\s+(?:and\s+)?(?:a\s+)?half$", "", word)
        half = 0.5
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word] + half
    parts = word.split()
    if len(parts) == 2 and parts[1] in ("hundred", "thousand") and (count := _number(parts[0])) is not None:
        return count * NUMBER_WORDS[parts[1]] + half  # "three hundred", "two thousand"
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    try:
        return float(word.replace(",", "")) + half
    except ValueError:
        return None


def _amount(value: float | None) -> str:
    if value is None:
        return "X"
    return str(int(value)) if value == int(value) else str(value)


def _unit_key(unit: str) -> str:
    unit = unit.lower().rstrip("s")
    return UNITS.get(unit, UNITS.get(unit + "s", "D"))


def _duration(amount: float | None, unit_word: str) -> str:
    unit = unit_word.lower().rstrip("s")
    key = _unit_key(unit)
    if key == "WE":
        return f"P{_amount(None if amount is None else amount * 2)}D"
    if key == "W2":
        return f"P{_amount(None if amount is None else amount * 2)}W"
    if amount is not None and amount != int(amount):
        # A fraction is written with the next smaller unit: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M.
        smaller = {"year": (12, "M", ""), "month": (30, "D", ""), "week": (7, "D", ""), "day": (24, "H", "T"),
                   "hour": (60, "M", "T"), "minute": (60, "S", "T")}
        if unit in smaller:
            factor, small, time_mark = smaller[unit]
            whole, rest = int(amount), round((amount - int(amount)) * factor)
            big = _DURATION_UNIT[key]
            if unit in _TIME_UNITS:
                return f"PT{whole}{big}{rest}{small}" if whole else f"PT{rest}{small}"
            if time_mark:
                return f"P{whole}{big}T{rest}{small}" if whole else f"PT{rest}{small}"
            return f"P{whole}{big}{rest}{small}" if whole else f"P{rest}{small}"
    if key in ("DE", "CE", "ML") and amount is not None:
        return f"P{_amount(amount * {'DE': 10, 'CE': 100, 'ML': 1000}[key])}Y"  # TimeBank writes decades in years
    if key == "Y" and amount and amount >= 1000 and amount % 1000 == 0:
        return f"P{_amount(amount / 1000)}L"  # "two thousand years": millennia, as TimeBank writes them
    if unit in _TIME_UNITS:
        return f"PT{_amount(amount)}{_DURATION_UNIT[key]}"
    return f"P{_amount(amount)}{_DURATION_UNIT[key]}"


# Whether the anchor has reached the end (or passed the start) of its year, month or week.
_EDGE_REACHED = {
    ("END", "year"): lambda day: day.month >= 10, ("START", "year"): lambda day: day.month >= 4,
    ("END", "month"): lambda day: day.day >= 21, ("START", "month"): lambda day: day.day >= 11,
    ("END", "week"): lambda day: day.weekday() >= 4, ("START", "week"): lambda day: day.weekday() >= 2,
}


def _mod(approx: str | None) -> str | None:
    return _APPROX_MOD.get(" ".join(approx.lower().split())) if approx else None


def _edge_mod(edge: str | None) -> str | None:
    if not edge:
        return None
    edge = edge.lower()
    if "early" in edge or "beginning" in edge or "start" in edge:
        return "START"
    if "late" in edge or "end" in edge:
        return "END"
    if "mid" in edge or "middle" in edge:
        return "MID"
    return None


def _decade_year(written: str, anchor: date | None) -> str:
    """The first year of a decade as written ("1990s", "'90s", "‘20s"): a short one is the latest
    such decade to have begun ("the '20s" in 2016 is the 1920s)."""
    written = written.replace("’", "'").replace("‘", "'")
    if not written.startswith("'"):
        return written
    year = _year(written[:3], anchor)
    return str(year - 100 if anchor and year > anchor.year else year)


def _year(text: str, anchor: date | None) -> int:
    if text.startswith("'"):
        two = int(text[1:])
        century = (anchor.year // 100 * 100) if anchor else 1900
        return century + two if century + two <= (anchor.year if anchor else 2099) + 10 else century - 100 + two
    return int(text)


_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "st patrick's day": (3, 17), "veterans day": (11, 11), "boxing day": (12, 26),
}
# (month, weekday, n): Thanksgiving is the fourth Thursday of November.
_NTH_WEEKDAY_HOLIDAYS = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1), "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3), "martin luther king day": (1, 0, 3), "martin luther king jr day": (1, 0, 3),
    "mlk day": (1, 0, 3), "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3), "columbus day": (10, 0, 2),
}


_DAYS_AWAY = {"the day before yesterday": -2, "yesterday": -1, "tomorrow": 1, "the day after tomorrow": 2}


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _resolve(name: str, m: re.Match, text: str, anchor: date | None):
    """(type, value, mod, span or None) for a rule's match, or None to reject it."""
    g = m.groupdict()
    start, end = m.start(), m.end()

    def direction() -> int:
        return direction_at(text, start, end)

    if name == "iso_date":
        day = cal.safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        if day is None:
            return None
        if g["hh"]:
            return "TIME", f"{day.isoformat()}T{g['hh']}:{g['mm']}", None, None
        return "DATE", day.isoformat(), None, None
    if name == "slash_date":
        year = int(g["y"]) + (1900 if len(g["y"]) == 2 and int(g["y"]) > 30 else 2000 if len(g["y"]) == 2 else 0)
        day = cal.safe_date(year, int(g["m"] or g["m2"]), int(g["d"] or g["d2"]))
        return ("DATE", day.isoformat(), None, None) if day else None
    if name == "month_span_quarter":
        first, last = MONTHS[g["m1"].lower().rstrip(".")], MONTHS[g["m2"].lower().rstrip(".")]
        if first % 3 != 1 or last != first + 2:
            return None  # not a calendar quarter: its months are found on their own
        number = (first - 1) // 3 + 1
        if g.get("y"):
            return "DATE", f"{g['y']}-Q{number}", None, None
        if not anchor:
            return "DATE", f"XXXX-Q{number}", None, None
        # The latest such quarter to have ended, as a report of results means it; when the clause
        # looks ahead, the one under way or next.
        if direction() > 0:
            year = anchor.year if last >= anchor.month else anchor.year + 1
        else:
            year = anchor.year if last < anchor.month else anchor.year - 1
        return "DATE", f"{year:04d}-Q{number}", None, None
    if name == "quarter_abbreviation":
        half = bool(g["hn"])
        number = int(g["hn"] or g["qn"])
        if g["y"]:
            year = int(g["y"])
        elif anchor:  # "Q4" alone: the last one that has begun
            year = anchor.year if date(anchor.year, (number - 1) * (6 if half else 3) + 1, 1) <= anchor else anchor.year - 1
        else:
            return "DATE", f"XXXX-{'H' if half else 'Q'}{number}", None, None
        return "DATE", f"{year:04d}-{'H' if half else 'Q'}{number}", None, None
    if name == "fiscal_abbreviation":
        year = _year(g["y"] if len(g["y"]) == 4 else "'" + g["y"], anchor)  # "FY13" as "'13"
        return "DATE", f"{year:04d}", None, None
    if name in ("weekday_date", "weekday_day_month", "month_day_year", "day_month_year"):
        if not anchor and not g.get("y"):
            return "DATE", f"XXXX-{MONTHS[g['mon'].lower().rstrip('.')]:02d}-{int(re.match(r'[0-9]+', g['d']).group()):02d}", None, None
        # A period that "ended Jan. 31", or runs "since Jan. 1", began before the report; otherwise
        # the nearer year.
        day = _month_day(g, anchor, -1 if _BEHIND.search(text, max(0, start - 12), start) else 0)
        given = g.get("y") or g.get("yrel")
        if day and day.month == 11 and not given and _coming_election(text, start, end, anchor):
            day = cal.safe_date(anchor.year, 11, day.day)
        if day and not given and (anchor - day).days > 30 and _future_near(text, start, end):
            day = cal.safe_date(day.year + 1, day.month, day.day)  # "the rule goes into effect on Dec. 1", said in May
        if day and not given and (day.month, day.day) == (9, 11) and _ATTACKS.match(text, end):
            day = date(2001, 9, 11)  # "the Sept. 11 attacks": the day itself, whatever the year of writing
        return ("DATE", day.isoformat(), None, None) if day else None
    if name in ("clock_date", "week_of"):
        # "5 p.m. EST, Nov. 9": that day with the clock time; "the week of March 6": the week that day is in.
        day = _month_day(g, anchor) if anchor or g.get("y") else None
        if day is None:
            return None
        if name == "week_of":
            return "DATE", cal.iso_week(day), None, None
        clock = _clock(g)
        return ("TIME", f"{day.isoformat()}T{clock}", None, None) if clock else None
    if name == "every_month":
        return "SET", f"XXXX-{MONTHS[g['mon'].lower().rstrip('.')]:02d}", None, None
    if name == "year_quarter":
        # "the 1988 quarter", "last year's quarter", "the corresponding period last year": the
        # quarter under report (the last one completed), in the year named.
        if not anchor:
            return None
        if "period" in m.group(0).lower() and not _EARNINGS.search(text, max(0, start - 200), end + 200):
            return None  # "the 2010-2012 period": a period, a quarter only in a report of results
        years = {"this": 0, "next": 1}.get((g.get("rel") or g.get("rel2") or "a").lower(), -1)
        if _after_months(text, start):  # "in the first nine months, compared with $2 million in the 1988 period"
            return "DATE", g.get("y") or f"{anchor.year + years:04d}", None, None
        if g.get("y"):
            return "DATE", _reported_period(anchor, "quarter", year=int(g["y"])), None, None
        return "DATE", _reported_period(anchor, "quarter", years), None, None
    if name == "month_relative_year":
        if not anchor:
            return None
        month = MONTHS[g["mon"].lower().rstrip(".")]
        year = anchor.year + {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        return "DATE", f"{year:04d}-{month:02d}", None, None
    if name == "month_spelled_year":
        year = _spelled_year(g["y"])
        return ("DATE", f"{year:04d}-{MONTHS[g['mon'].lower().rstrip('.')]:02d}", None, None) if year is not None else None
    if name == "clock_day":
        clock = ("24:00" if g["noon"].lower() == "midnight" else "12:00") if g.get("noon") else _clock(g)
        if clock is None or not anchor:
            return None
        word = g["day"].lower().rstrip(".")
        if word in WEEKDAYS:
            day = cal.weekday_date(anchor, WEEKDAYS[word], 1 if direction() > 0 else -1)
        else:
            day = anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
        return "TIME", f"{day.isoformat()}T{clock}", None, None
    if name == "month_year":
        month = MONTHS[g["mon"].lower().rstrip(".")]
        return "DATE", f"{int(g['y']):04d}-{month:02d}", _edge_mod(m.group(0).split(g["mon"])[0]), None
    if name == "ordinal_day":
        if not _DAY_PREPOSITION.search(text, max(0, start - 8), start):
            return None  # "the 28th" as a noun of its own ("the 5th and the 6th were closer")
        number = int(g["d"])
        if not anchor:
            return "DATE", f"XXXX-XX-{number:02d}", None, None
        # This month's, unless the tense puts it in the next or the last; with no tense, the nearest.
        months = [cal.add_months(anchor.year, anchor.month, step) for step in (-2, -1, 0, 1, 2)]
        days = [day for year, month in months if (day := cal.safe_date(year, month, number))]
        tense = direction()
        if tense > 0:
            days = [day for day in days if day >= anchor]
        elif tense < 0:
            days = [day for day in days if day <= anchor]
        if not days:
            return None
        return "DATE", min(days, key=lambda day: abs((day - anchor).days)).isoformat(), None, None
    if name == "week_of_month":
        # "the first week of April", "the last weekend of June": the ISO week of the month's first
        # (or last) Thursday, as ISO counts a week where its Thursday falls, or of that Saturday
        month, weekend = MONTHS[g["mon"].lower().rstrip(".")], g["u"].lower() == "weekend"
        if g.get("y"):
            year = int(g["y"])
        elif anchor:
            year = cal.month_year(anchor, month, month_tense(text, start, end) or _nearest(anchor, month, None))
        else:
            return "DATE", "XXXX-WXX-WE" if weekend else "XXXX-WXX", None, None
        first = date(year, month, 1)
        last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        order = g["ord"].lower()
        weekday = 5 if weekend else 3
        if order in ("last", "final"):
            day = last - timedelta(days=(last.weekday() - weekday) % 7)
        else:
            day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (SPELLED_ORDINALS[order] - 1))
        iso = day.isocalendar()
        return "DATE", f"{iso[0]}-W{iso[1]:02d}" + ("-WE" if weekend else ""), None, None
    if name in ("month", "relative_month"):
        raw = g["mon"]
        if raw == "May" and re.match(r"\s+(?:be|have|not|also|well|yet|still|I|we|you)\b", text[end:end + 6] + " "):
            return None  # the modal verb
        if raw == "May" and not _mid_sentence(text, start) and _WISH.match(text, end):
            return None  # a wish: "May the odds be ever in our favour"
        if raw.lower() in ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"):
            return None  # an abbreviation without its full stop is more often a name or code
        if not raw[0].isupper():
            return None  # "this march" is a walk; a month is written with its capital
        month = MONTHS[raw.lower().rstrip(".")]
        if not anchor:
            return "DATE", f"XXXX-{month:02d}", _edge_mod(g.get("edge")), None
        rel = (g.get("rel") or "").lower()
        if rel in ("last", "past", "previous"):
            # The month just ended would be "last month": "last February", said on 1 March, is a year back.
            year = anchor.year if month < anchor.month - 1 else anchor.year - 1
        elif rel in ("next", "coming"):
            year = anchor.year if month > anchor.month else anchor.year + 1
        elif rel == "this":
            year = anchor.year
        elif month == 11 and _coming_election(text, start, end, anchor):
            year = anchor.year
        else:
            year = cal.month_year(anchor, month, month_tense(text, start, end) or _nearest(anchor, month, None))
        return "DATE", f"{year:04d}-{month:02d}", _edge_mod(g.get("edge")), None
    if name in ("weekday", "every_weekday", "weekdays"):
        weekday = WEEKDAYS[g["wd"].lower().rstrip(".")]
        part = PARTS_OF_DAY.get((g.get("part") or g.get("next") or "").lower())
        if name in ("every_weekday", "weekdays"):
            return "SET", f"XXXX-WXX-{weekday + 1}" + (f"T{part}" if part else ""), None, None
        rel = (g.get("rel") or "").lower()
        if not anchor:
            value = f"XXXX-WXX-{weekday + 1}"
        else:
            if rel in ("last", "past"):
                day = cal.weekday_date(anchor - timedelta(days=1), weekday, -1)
            elif rel in ("next", "coming"):
                day = cal.weekday_date(anchor + timedelta(days=1), weekday, +1)
            elif rel == "this":
                # The day of this week, unless the tense puts it in the next or the last one
                # ("will meet this Monday", said on a Friday).
                day = anchor + timedelta(days=weekday - anchor.weekday())
                tense = direction()
                if (tense > 0 and day < anchor) or (tense < 0 and day > anchor):
                    day += timedelta(days=7 * tense)
            else:
                tense = possessive_tense(text, start, end) if text.startswith(("'s", "’s"), end) else direction()
                if tense == 0:
                    # Nothing says: the nearer one, the past on a tie ("Friday", written on a Thursday,
                    # is more likely tomorrow than six days ago).
                    back, ahead = cal.weekday_date(anchor, weekday, -1), cal.weekday_date(anchor, weekday, 1)
                    day = back if (anchor - back) <= (ahead - anchor) * _WEEKDAY_PAST_BIAS else ahead
                else:
                    day = cal.weekday_date(anchor, weekday, tense)
            value = day.isoformat()
        if rel in ("early", "late"):
            start = m.start("wd")
        if part:
            # TimeBank and AQUAINT type "Wednesday night" as a DATE with the part of day in its value.
            return "DATE", f"{value}T{part}", None, (start, end)
        return "DATE", value, None, (start, end) if start != m.start() else None
    if name == "holiday":
        holiday = " ".join(g["h"].lower().replace("’", "'").replace(".", "").split())
        rel = (g.get("rel") or "").lower()
        year = anchor.year if anchor else None
        if year is not None and rel == "last":
            year -= 1
        elif year is not None and rel == "next":
            year += 1
        if not rel and year is not None:
            year = None  # placed below, by the nearer occurrence
        def holiday_date(y: int) -> date | None:
            if holiday in _FIXED_HOLIDAYS:
                return cal.safe_date(y, *_FIXED_HOLIDAYS[holiday])
            if holiday in _NTH_WEEKDAY_HOLIDAYS:
                return _nth_weekday(y, *_NTH_WEEKDAY_HOLIDAYS[holiday])
            if holiday == "easter monday":
                return easter(y) + timedelta(days=1)
            if holiday.startswith("easter"):
                return easter(y)
            if holiday in ("good friday", "palm sunday"):
                return easter(y) - timedelta(days=2 if holiday == "good friday" else 7)
            if holiday in ("black friday", "cyber monday"):  # the Friday and Monday after Thanksgiving
                return _nth_weekday(y, *_NTH_WEEKDAY_HOLIDAYS["thanksgiving"]) + timedelta(days=1 if holiday == "black friday" else 4)
            if holiday == "election day":
                return _election_day(y)
            if holiday == "memorial day":  # the last Monday of May
                last = date(y, 5, 31)
                return last - timedelta(days=last.weekday())
            return None

        if anchor and year is None:
            options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := holiday_date(y))]
            wanted = direction()
            if options:
                past = [d for d in options if d <= anchor]
                future = [d for d in options if d >= anchor]
                nearest = min(options, key=lambda d: abs((d - anchor).days))
                if abs((nearest - anchor).days) <= 7 or (abs((nearest - anchor).days) <= 30 and re.match(r"\s+[a-z]", text[end:end + 3])):
                    # the holiday of this very week, whatever the tense; so is a near one that names a
                    # thing rather than a time ("prices dropped to Black Friday levels")
                    pick = nearest
                elif holiday == "election day" and anchor.year % 2 == 0 and future and future[0].year == anchor.year:
                    pick = future[0]  # the coming federal election, whatever the tense, in the news of its year
                else:
                    pick = future[0] if wanted > 0 and future else past[-1] if wanted < 0 and past else nearest
                return "DATE", cal.iso_week(pick) if holiday == "easter week" else pick.isoformat(), None, None
        if year is not None and (day := holiday_date(year)):
            return "DATE", cal.iso_week(day) if holiday == "easter week" else day.isoformat(), None, None
        return "DATE", "XXXX-XX-XX", None, None
    if name == "decade":
        decade = _decade_year(g["dec"], anchor)
        if decade.endswith("00") and decade < "1900":
            return "DATE", decade[:2], _edge_mod(g.get("edge")), None  # "the 1300s": a century
        return "DATE", decade[:3], _edge_mod(g.get("edge")), None
    if name == "spelled_decade":
        tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"].index(g["dec"].lower()) + 2
        return "DATE", f"19{tens}", _edge_mod(g.get("edge")), None
    if name == "century":
        number = int(g["n"]) if g.get("n") else SPELLED_ORDINALS[g["word"].lower()]
        return "DATE", f"{number - 1:02d}", _edge_mod(g.get("edge")), None
    if name == "the_weekend":
        if not anchor:
            return "DATE", "XXXX-WXX-WE", None, None
        # ISO weeks end on Sunday: from a weekday the coming weekend is this week's, the last one the week before.
        if direction() > 0:
            weeks = 1 if anchor.weekday() == 6 else 0
        else:
            weeks = 0 if anchor.weekday() >= 5 else -1
        return "DATE", cal.shift(anchor, "weekend", weeks), None, None
    if name == "year_end":
        if not anchor:
            return "DATE", "XXXX", "END", None
        year = anchor.year - (1 if direction() < 0 else 0)
        if "'" in m.group(0) or "’" in m.group(0):
            return "DATE", f"{year:04d}", "END", None  # "the year's end": the end of a year
        if re.match(r"\s+[a-z]", text[end:end + 2]):
            # "the year-end rush": the end of a year; the article is the noun's
            return "DATE", f"{year:04d}", "END", (m.end("the") if g.get("the") else start, end)
        return "DATE", f"{year:04d}-12-31", None, None  # "year-end", the accounts' word: its last day
    if name == "fiscal_year":
        return "DATE", f"{_year(g['y'], anchor):04d}", _edge_mod(g.get("edge")), None
    if name == "year":
        year = int(g["y"])
        # A number ("a GTX 1660 card", "a poll of 2047 voters") unless a word puts it in time ("by
        # 2050"; "in 1848", "the Treaty of 1783").
        if anchor and year > anchor.year + 30 and not _TIME_PREPOSITION.search(text, max(0, start - 12), start):
            return None
        if year < 1900 and not _OLD_YEAR.search(text, max(0, start - 12), start):
            return None
        if g.get("edge") and g["edge"].lower().rstrip().endswith(" the") and re.match(r"\s+[a-z]", text[end:end + 2]):
            return "DATE", f"{year:04d}", None, (m.start("y"), end)  # "the start of the 2012 season": the edge is the season's
        mod = {"pre": "BEFORE", "post": "AFTER"}.get((g.get("prefix") or "").lower()) or _edge_mod(g.get("edge"))
        return "DATE", f"{year:04d}", mod, None  # "post-1959": after that year
    if name == "day_count":
        if not _PRESENT_COPULA.search(text, max(0, start - 8), start):
            return None  # "on the third day of the trial": a day the text does not date
        return "DATE", anchor.isoformat() if anchor else "XXXX-XX-XX", None, None
    if name == "old_year":
        if not _OLD_YEAR_PREPOSITION.search(text, max(0, start - 8), start):
            return None  # "1200 homes", "a crowd of 1500": a count
        return "DATE", g["y"], None, None
    if name == "a_while":
        return ("DATE", "PAST_REF", None, None) if g.get("ago") else ("DURATION", "PXX", None, None)
    if name == "extra_unit":
        return "DURATION", _duration(1, g["u"]), None, None  # "an additional year"
    if name in ("quarter", "ordinal_quarter_adj", "the_quarter"):
        unit = g["q"].lower()
        if _GAME.match(text, end) or (not (g.get("y1") or g.get("y2")) and _in_a_game(text, start, end)):
            return None  # a quarter of a game: "a fourth-quarter touchdown", "late in the fourth quarter"
        if unit == "period" and name != "the_quarter" and not g.get("rel"):
            return None
        if unit == "period" and not _EARNINGS.search(text, max(0, start - 200), end + 200):
            return None  # "the period" is a reporting period only in a report of results
        half = unit == "half"
        year_text = g.get("y1") or g.get("y2")
        rel = (g.get("rel") or "").lower()
        if rel and not year_text and m.group(0).lower().endswith(("quarters", "periods")):
            # plural, no order: "in recent quarters" is a vague span; "comparable periods" no time at all
            return ("DURATION", "PXQ", None, None) if unit == "quarter" and rel in ("recent", "past", "previous", "last") else None
        year_rel = (g.get("yrel") or g.get("yrel0") or "").lower()
        shifted = -1 if (g.get("yr") or rel in ("year-earlier", "year-ago") or year_rel == "last") else 0
        if year_rel == "next":
            shifted = 1
        if year_rel in ("next", "last", "this") and g.get("ord") and anchor:
            return "DATE", f"{anchor.year + shifted:04d}-{'H' if half else 'Q'}{min(ORDINALS[g['ord'].lower()], 2) if half else ORDINALS[g['ord'].lower()]}", None, None
        if rel == "last" and year_text:
            return "DATE", f"{int(year_text):04d}-{'H2' if half else 'Q4'}", None, None  # "the last half of 1989"
        if g.get("ord"):
            number = ORDINALS[g["ord"].lower()]
            if half:
                number = min(number, 2)
            if year_text:
                year = int(year_text) + shifted
            elif m.group(0).lower().endswith("quarters"):
                return "DATE", f"XXXX-Q{number}", None, None  # "in the second and fourth quarters": any year's
            elif anchor:
                started = date(anchor.year, (number - 1) * (6 if half else 3) + 1, 1) <= anchor
                if not started and not shifted and direction() > 0:
                    started = True  # "expects to close the deal in the second quarter": this year's, to come
                year = (anchor.year if started else anchor.year - 1) + shifted
            else:
                return "DATE", f"XXXX-{'H' if half else 'Q'}{number}", None, None
            return "DATE", f"{year:04d}-{'H' if half else 'Q'}{number}", None, None
        if not anchor:
            return "DATE", "XXXX-QX", None, None
        if rel in ("next",):
            return "DATE", cal.shift(anchor, "half" if half else "quarter", 1), None, None
        if rel in ("current", "this"):
            return "DATE", cal.shift(anchor, "half" if half else "quarter", 0), None, None
        # "the quarter", "the latest quarter", "the year-earlier period": the last completed one.
        return "DATE", _reported_period(anchor, "half" if half else "quarter", shifted), None, None
    if name == "the_year":
        if g.get("ended") is not None:
            return "DURATION", "P1Y", None, None  # "the year ended March 31", "the year to February": a span of a year
        if not anchor:
            return "DATE", "XXXX", None, None
        # "the latest fiscal year": the last one reported, so the one before this
        if g.get("latest"):
            return "DATE", f"{anchor.year - 1:04d}", None, None
        if (g.get("fiscal") or "").lower().startswith("full") and direction() < 0:
            # "For the full year, the company lost $1.2 billion", reported in March: a year whole
            # and gone, the one of the last quarter completed
            return "DATE", _reported_period(anchor, "quarter")[:4], None, None
        return "DATE", f"{anchor.year:04d}", None, None
    if name == "the_week":
        return "DATE", f"{anchor.year:04d}-WXX" if anchor else "XXXX-WXX", None, None
    if name == "part_relative":
        # "this morning", "last night", "tonight", "mid-afternoon yesterday", "by mid afternoon" (today)
        rel = (g.get("rel") or g.get("rel2") or "today").lower()
        part = PARTS_OF_DAY.get((g.get("part") or g.get("mid") or "").lower())
        if rel == "tonight" and not part:
            part = "NI"
        if not part:
            return None
        if not anchor:
            return "TIME", f"XXXX-XX-XXT{part}", None, None
        offset = {"yesterday": -1, "tomorrow": 1}.get(rel, 0)
        if rel == "last" and part == "NI":
            offset = -1
        elif rel == "last":
            return None
        return "TIME", f"{(anchor + timedelta(days=offset)).isoformat()}T{part}", None, None
    if name == "ago":
        if _THAN.match(text, end):
            return None  # "a decade earlier than planned": a difference, which the duration rule gives
        amount = _number(g["n"])
        unit = g["u"].lower()
        key = _unit_key(unit)
        word = " ".join(g["dir"].lower().split())
        if word in ("later", "after", "before") or (word == "earlier" and key in _SHORT_UNITS):
            # "three days later", "two weeks after the vote", "a day earlier": the duration is the
            # expression, the word after it a signal; the day it points at is found from the date
            # before it. A year or quarter earlier is written as the date ("a year earlier": 1988).
            if amount is None and not re.search(r"few|several|many|some", g["n"], re.IGNORECASE):
                return None
            return "DURATION", _duration(amount, g["u"]), _mod(g.get("approx")), (start, len(text[: m.start("dir")].rstrip()))
        sign = 1 if word in ("later", "after", "hence", "from now") else -1
        if not anchor or amount is None or unit in _TIME_UNITS:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", _mod(g.get("approx")), None
        calendar_unit = _UNIT_CALENDAR.get(key, "day")
        if key in ("DE", "CE") and amount != int(amount):
            calendar_unit, amount = "year", amount * (10 if key == "DE" else 100)  # "a quarter-century ago": 25 years
        steps = int(amount) if amount == int(amount) else None
        if steps is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None
        if calendar_unit == "day":
            return "DATE", (anchor + timedelta(days=sign * steps)).isoformat(), _mod(g.get("approx")), None
        if calendar_unit == "weekend":
            calendar_unit = "week"
        return "DATE", cal.shift(anchor, calendar_unit, sign * steps), _mod(g.get("approx")), None
    if name == "weekday_anaphor":
        return "DATE", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower().rstrip('.')] + 1}", None, None  # dated from the day last named
    if name == "month_that_year":
        return "DATE", f"XXXX-{MONTHS[g['mon'].lower().rstrip('.')]:02d}", None, None  # its year is the one last named
    if name in ("that_unit", "next_unit", "unit_after"):
        if name == "unit_after" and (g.get("a") or not re.match(r"\s+(?:his|her|its|their|the|a|an)\b|\s*(?:[.,;:)]|$)", text[end:end + 8])):
            # "the day after" needs an event after it ("the day after his call"), or nothing ("up from
            # $9 million the year before": the one before the last named); "a day after his call"
            # measures the time between two events, and is left to the duration rule.
            return None
        if (g.get("u") or "").lower() == "quarter":
            if re.match(r"\s+of\b", text[end:end + 4]):
                return None  # "that quarter of the town": a part, not a period
            return "DATE", "XXXX-QX", None, None
        return "DATE", "XXXX-XX-XX", None, None
    if name == "spelled_year":
        year = _spelled_year(g["y"])
        if year is None:
            return None
        season = f"-{cal.SEASONS[g['s'].lower()]}" if g.get("s") else ""
        return "DATE", f"{year:04d}{season}", None, None
    if name == "year_earlier":
        if _THAN.match(text, end):
            return None  # "a year earlier than planned": a difference
        if not anchor:
            return "DATE", "XXXX", None, None
        if _REPORTING_PERIOD.search(text, max(0, start - 1200), end + 60) and _RESULTS.search(text, max(0, start - 300), end + 100) \
                and not _after_months(text, start):
            return "DATE", _reported_period(anchor, "quarter", -1), None, None
        return "DATE", f"{anchor.year - 1:04d}", None, None
    if name in ("edge_relative", "relative_unit"):
        unit = (g["u"] or g["u2"]).lower() if name == "edge_relative" else g["u"].lower()
        rel = (g["rel"] or g["the"]).lower() if name == "edge_relative" else g["rel"].lower()
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
        edge = (g.get("edge") or "").lower()
        mod = None if edge in ("earlier", "later") else _edge_mod(edge)
        if not anchor:
            return "DATE", {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(unit, "XXXX"), mod, None
        if unit in cal.SEASONS:
            season = cal.SEASONS[unit]
            year = cal.season_year(anchor, season, -1 if step < 0 else 1) if step else anchor.year
            if step < 0 and anchor.month >= cal.SEASON_START[season] and rel in ("last", "past", "previous"):
                year -= 1 if anchor.month < cal.SEASON_START[season] + 3 else 0
            return "DATE", f"{year:04d}-{season}", mod, None
        if name == "relative_unit" and unit == "week" and _WEEKS_ELECTION.match(text, end) and (day := _election_in_week(anchor, step)):
            return "DATE", day.isoformat(), None, None  # "next week's election", said in late October of an even year
        if name == "relative_unit" and unit == "year" and rel == "last" and _beside_latest_period(text, start, end):
            return "DATE", _reported_period(anchor, "quarter", -1), None, None
        if rel in ("past",) and name == "relative_unit" and unit != "weekend":
            return "DURATION", _duration(1, unit), None, None
        if unit == "weekend" and step == 0:
            # From Friday on, "this weekend" is the coming one; earlier in the week, the one just
            # gone unless the clause looks ahead, and from Thursday unless it looks back.
            tense = direction()
            coming = tense > 0 or anchor.weekday() >= 4 or (anchor.weekday() == 3 and tense == 0)
            return "DATE", cal.shift(anchor, "weekend", 0 if coming else -1), None, None
        if rel == "the" and (mod, unit) in _EDGE_REACHED:
            # An edge of "the" year, month or week not yet reached is the last one's when the
            # clause looks back ("sold its shares at the end of the year", said in March); one
            # already gone is the next one's when it looks ahead.
            reached = _EDGE_REACHED[mod, unit](anchor)
            tense = direction()
            step = -1 if mod == "END" and not reached and tense < 0 else 1 if mod == "START" and reached and tense > 0 else 0
        return "DATE", cal.shift(anchor, unit, step), mod, None
    if name == "season":
        season = cal.SEASONS[g["s"].lower()]
        if g.get("y"):
            return "DATE", f"{int(g['y']):04d}-{season}", _edge_mod(g.get("edge")), None
        if g.get("months"):  # "during the winter months": any year's
            return "DATE", f"XXXX-{season}", _edge_mod(g.get("edge")), None
        if g.get("yrel") and anchor:  # "the spring of last year"
            year = anchor.year + {"this": 0, "last": -1, "next": 1}[g["yrel"].lower()]
            return "DATE", f"{year:04d}-{season}", _edge_mod(g.get("edge")), None
        before = text[max(0, start - 12) : start].lower()
        if not re.search(r"\b(?:in|this|the|during|by|until|since|for|over|through|last|next)\s*$", before) and not m.group(0).lower().startswith("the"):
            return None
        if not anchor:
            return "DATE", f"XXXX-{season}", _edge_mod(g.get("edge")), None
        tense = direction()
        year = cal.season_year(anchor, season, tense) if tense else cal.nearest_season_year(anchor, season)
        return "DATE", f"{year:04d}-{season}", _edge_mod(g.get("edge")), None
    if name == "duration":
        if g.get("n0") and re.match(r"\s+(?:ago|later|earlier)\b", text[end:end + 9]):
            return None  # "five or six weeks ago": a date, which the rule for "ago" gives from its last count
        amount = _number(g.get("n0") or g["n"])  # a range is valued by its first count, as TimeBank does: "two to three weeks"
        number_word = g["n"].lower()
        if amount is None and not any(v in number_word for v in ("several", "few", "many", "some", "number", "numerous", "countless", "recent")):
            return None
        unit_word = g["u"].lower()
        if number_word == "recent" and unit_word == "year" and not g.get("det"):
            return "DATE", "PAST_REF", None, None  # "in recent years", as TimeBank writes it most often
        if number_word in ("a", "an") and unit_word == "second" and not g.get("approx"):
            return None  # "a second time"
        if number_word in ("a", "an") and not g.get("approx") and not g.get("det") and _AMOUNT_BEFORE.search(text, max(0, start - 40), start):
            return None  # a rate, not a time: "$1.76 a year", "four flights a week", "24 hours a day"
        if g.get("tail") and "old" in g["tail"].lower():
            return None  # ages are not time expressions in TimeML
        if unit_word == "quarter" and amount is not None and amount < 4 and (
                text[m.start("u") - 1] == "-" or _FRACTION_OF.match(text, end) or re.match(r"-[a-z]", text[end:end + 2])):
            return None  # "three-quarters", "more than a quarter of the market", "a quarter-mile": a fraction
        if amount is not None and amount > 10000:
            return None
        if number_word in ("a", "an") and (g.get("tail") or "").startswith("-") and not g.get("approx") and not g.get("det"):
            return None  # "a day-long meeting": the article is no count; the unit_long rule marks "day-long"
        if g.get("half") and amount is not None:
            amount += 0.5  # "a minute and a half"
        approx = " ".join((g.get("approx") or "").lower().split())
        if anchor and not g.get("det") and not approx and number_word != "recent" and _IN_BEFORE.search(text, max(0, start - 60), start) \
                and not _SPAN_BACK.search(text, max(0, start - 60), start) and not _WHICH_AFTER.match(text, end) and direction() > 0:
            # "will be redeemed in five years": a time that far ahead, not a span; a count left vague
            # or given as a range ("in a few days", "in a year or two") only says it is to come.
            unit = _UNIT_CALENDAR.get(_unit_key(unit_word))
            if (or_count := _OR_COUNT.match(text, end)) or amount is None or g.get("n0"):
                return "DATE", "FUTURE_REF", None, (start, or_count.end()) if or_count else None
            if unit and unit != "weekend" and amount == int(amount):
                return "DATE", cal.shift(anchor, unit, int(amount)), "APPROX" if _OR_SO.match(text, end) else None, None
        if approx in ("over", "under", "within", "just", "only") and g.get("det"):
            # "over the past three months": a preposition, not a modifier, and outside the extent.
            return "DURATION", _duration(amount, g["u"]), None, (m.start("det"), end)
        if approx == "over" and not _OVER_COUNTS.search(text, max(0, start - 12), start):
            return "DURATION", _duration(amount, g["u"]), None, (m.start("n"), end)
        return "DURATION", _duration(amount, g["u"]), _mod(g.get("approx")), None
    if name == "period_part":
        if g.get("ahead"):
            return "DATE", "FUTURE_REF", None, None
        if g.get("which"):  # "the first two quarters of 1990": its first half
            return "DATE", f"{g['y']}-H{1 if g['which'].lower() == 'first' else 2}", _mod(g.get("approx")), None
        return "DATE", _decade_year(g["dec"], anchor)[:3], "START" if g["edge"].lower() in ("first", "early") else "END", None
    if name == "unit_long":
        return "DURATION", _duration(None if g.get("plural") else 1, g["u"]), None, None
    if name == "past_unit":
        unit = g["u"].lower()
        if unit in ("quarter",) or (unit == "minute" and re.search(r"\bat\s+$", text[max(0, start - 4):start])):
            return None  # "at the last minute": an idiom, not a span
        rel = g["det"].split()[-1].lower()
        if re.match(r"\s+of\s+(?:the|his|her|its|their)\b", text[end:end + 10]):
            # "the last day of the convention": a day of an event, not a span of time; when it fell
            # is the event's to say.
            unknown = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX"}
            return ("DATE", unknown[unit], None, None) if unit in unknown else None
        if anchor and unit in ("month", "year", "decade") and rel in ("past", "last", "next", "coming"):
            # "the past year", "the last decade": the calendar unit before (or after) this one, as
            # TimeBank writes them; "the past three years" and "the last week" stay durations.
            return "DATE", cal.shift(anchor, unit, -1 if rel in ("past", "last") else 1), None, None
        return "DURATION", _duration(1, unit), None, None
    if name == "plural_unit":
        unit = g["u"].lower()
        if unit == "hour" and re.search(r"\b(?:early|small|wee)\s+$", text[max(0, start - 7):start]):
            return None  # "the early hours of Thursday": a part of the day, which the day's own expression gives
        if unit in ("second", "minute") and not g.get("pre"):
            return None
        pre = (g.get("pre") or "").lower()
        if pre and g.get("u2") and g["u2"].lower() != unit:
            # "in recent weeks and months": no one unit counts it, so the past or the future at large
            return "DATE", "FUTURE_REF" if pre.startswith("coming") else "PAST_REF", None, None
        if unit == "year" and pre.startswith(("past", "recent")):
            return "DATE", "PAST_REF", None, None  # "in past years", as "in recent years"
        return "DURATION", _duration(None, unit), None, None
    if name == "set":
        if (g.get("word") or m.group(0).lower().startswith("per")) and (
                _AMOUNT_BEFORE.search(text, max(0, start - 40), start) or re.search(r"\baverage\s+$", text[max(0, start - 9):start])):
            return None  # a rate: "8.5% annually", "10,000 units annually", "instructions per second", "average daily volume"
        if g.get("word"):
            return "SET", SETS[g["word"].lower()], None, None
        if g.get("u3"):  # "every five years", "every other week", "every few months"
            amount = 2 if g.get("other") else _number(g["n"])
            return "SET", _duration(amount, g["u3"].lower()), None, None
        unit = (g.get("u") or g.get("u2") or "").lower()
        if unit in PARTS_OF_DAY:
            return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", None, None
        if unit in cal.SEASONS:  # "every winter"
            return "SET", f"XXXX-{cal.SEASONS[unit]}", None, None
        return "SET", _duration(1, unit), None, None
    if name == "clock":
        if g.get("pp"):  # "4 in the morning", "7:30 in the evening"
            hour = int(g["h2"]) % 12 + (12 if g["pp"].lower() != "morning" else 0)
            clock = f"{hour:02d}:{int(g['m2'] or 0):02d}"
        elif g.get("h24"):  # "at 16:30", "11:50 GMT"
            clock = f"{int(g['h24']):02d}:{g['m24']}"
        elif g.get("h4"):  # "at 1100 hours"
            clock = f"{g['h4']}:{g['m4']}"
        elif g.get("h5"):  # "6 o'clock"; "6 o'clock this afternoon" is 18:00
            evening = re.match(r"\s+(?:this\s+|in\s+the\s+)?(?:afternoon|evening|tonight)\b", text[end:end + 20], re.I)
            clock = f"{int(g['h5']) % 12 + 12 if evening else int(g['h5']):02d}:00"
        else:
            clock = _clock(g)
        if clock is None:
            return None
        return "TIME", f"{anchor.isoformat() if anchor else 'XXXX-XX-XX'}T{clock}", None, None
    if name == "noon":
        word = g["w"].lower()
        day = anchor.isoformat() if anchor else "XXXX-XX-XX"
        return "TIME", f"{day}T{'24:00' if word == 'midnight' else '12:00'}", None, None
    if name in ("deictic", "adjective_ref"):
        word = " ".join(g["w"].lower().split())
        if g.get("then"):
            return "DATE", "PAST_REF", None, None  # "the then current price"
        if word in ("a later date", "a future date"):
            return "DATE", "FUTURE_REF", None, None
        if word in ("today",):
            return "DATE", anchor.isoformat() if anchor else "PRESENT_REF", None, None
        if word in _DAYS_AWAY:  # "yesterday", "the day after tomorrow"
            if not anchor:
                return "DATE", "PAST_REF" if _DAYS_AWAY[word] < 0 else "FUTURE_REF", None, None
            return "DATE", (anchor + timedelta(days=_DAYS_AWAY[word])).isoformat(), None, None
        if word == "tonight":
            return "TIME", f"{anchor.isoformat() if anchor else 'XXXX-XX-XX'}TNI", None, None
        if word in ("now", "nowadays", "currently", "presently", "the present", "these days", "the moment", "at present", "right now", "this time", "current"):
            return "DATE", "PRESENT_REF", None, None
        if word in ("recently", "lately", "previously", "the past", "recent", "once", "former", "earlier"):
            return "DATE", "PAST_REF", None, None
        if word in ("soon", "the future", "the near future", "the near term", "the short term", "future", "later"):
            return "DATE", "FUTURE_REF", None, None
        return None
    return None
