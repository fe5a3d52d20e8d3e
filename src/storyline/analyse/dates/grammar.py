"""The words and patterns of English time expressions, following TimeML's extent conventions.

An extent includes its determiner and modifiers ("the past three months", "late November",
"earlier this year", "nearly forty years") but not the preposition before it ("on Friday" gives
"Friday"). Patterns are written from the TimeML guidelines and checked against TimeBank's
annotation habits (financial quarters, "a year earlier", weekday anchoring), not copied from any
other tagger.
"""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "thousand": 1000, "a thousand": 1000,
    "a dozen": 12, "dozen": 12, "half a dozen": 6, "half-dozen": 6, "half dozen": 6, "a half-dozen": 6,
    "a half dozen": 6, "a quarter": 0.25, "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "half an": 0.5, "a half": 0.5,
}
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of", "numerous", "countless", "the next few", "recent")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": 4}
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "weekend": "WE", "fortnight": "W2",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE", "millennium": "ML", "millennia": "ML",
}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2, "thursday": 3,
    "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "quarterly": "P1Q",
        "hourly": "PT1H", "nightly": "P1D"}

_NUM_WORD = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = (
    rf"(?:\d+\s+1/2|(?:\d+|{_ONES}|{_TENS})\s+(?:hundred|thousand)|\d+(?:[.,]\d+)?|(?:{_TENS})[\s-](?:{_ONES})|{_NUM_WORD}"
    rf"|(?:{'|'.join(VAGUE_NUMBERS)}))"
    r"(?:[\s-]+(?:and[\s-]+)?(?:a[\s-]+)?half)?"
)
UNIT = r"(?:second|minute|hour|day|night|week(?:end)?|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))"
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\.)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART = r"(?:morning|afternoon|evening|night|overnight)"
EDGE = r"(?:(?:the\s+)?(?:early|late|mid|end\s+of|end(?=-)|beginning\s+of|start\s+of|middle\s+of|turn\s+of)[\s-]+(?:the\s+)?)"
APPROX = (
    r"(?:(?:about|around|nearly|almost|roughly|some|approximately|more\s+than|less\s+than|fewer\s+than|over|under"
    r"|up\s+to|at\s+least|at\s+most|no\s+more\s+than|just|only|barely|well\s+over|within)\s+)"
)
RELATIVE = r"(?:this|last|next|past|coming|previous|following|current|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following|the\s+current)"
SPELLED_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}
SPELLED_ORDINAL = "|".join(sorted(SPELLED_ORDINALS, key=len, reverse=True))
# A year in words: "nineteen ninety-six", "two thousand and one".
SPELLED_YEAR = (
    r"(?:(?:nineteen|eighteen)[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
ZONE = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET)\b"
# A clock time: "3 p.m.", "10:35 a.m. EDT".
CLOCK = (
    r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
    rf"(?:\s+(?P<tz>{ZONE}))?"
)
# A 24-hour clock time says it is one by its zone ("16:30 GMT", "16:30 local time") or the word before
# it ("at 16:30", "since 16:30").
CLOCK_24 = (
    r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bsince\s)|(?<=\bfrom\s)|(?<=\baround\s)|(?<=\bbefore\s)|(?<=\bafter\s)"
    rf"|(?=\d?\d:\d\d\s+(?:{ZONE}|local\s+time\b)))(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?!:\d|[.,]\d)(?:\s+(?P<tz24>{ZONE}))?"
)


def _compile(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# A comma before a year, which tokenized text sets apart from its words ("May 3 , 2013").
COMMA = r"\s?,?\s+"

# Each rule: (name, compiled pattern). Earlier rules win ties between equally long matches.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso_date", _compile(rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?![\w:])|\b)")),
    # Month first, as American text writes it, unless the first number cannot be a month ("21/03/2013").
    ("slash_date", _compile(
        r"\b(?:(?P<m>0?[1-9]|1[0-2])/(?P<d>[0-3]?\d)|(?P<d2>1[3-9]|2\d|3[01])/(?P<m2>0?[1-9]|1[0-2]))/(?P<y>(?:19|20)?\d\d)\b")),
    ("weekday_date", re.compile(rf"\b(?P<wd>{WEEKDAY}){COMMA}(?P<mon>{MONTH})\s+(?P<d>{DAY})\b(?:{COMMA}(?P<y>{YEAR})\b)?")),
    ("weekday_day_month", re.compile(rf"\b(?P<wd>{WEEKDAY}){COMMA}(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})(?:{COMMA}(?P<y>{YEAR}))?\b")),
    ("month_day_year", re.compile(rf"(?:\b{EDGE})?\b(?P<mon>{MONTH})\s+(?P<d>{DAY})\b(?:{COMMA}(?P<y>{YEAR})\b|\s+(?P<yrel>next|last|this)\s+year\b)?")),
    ("day_month_year", re.compile(rf"\b(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})(?:{COMMA}(?P<y>{YEAR}))?\b")),
    ("month_relative_year", _compile(rf"\b(?P<mon>{MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b")),
    ("month_that_year", re.compile(rf"\b(?P<mon>{MONTH})\s+(?:of\s+)?that\s+(?:same\s+)?year\b")),
    ("month_spelled_year", re.compile(rf"\b(?P<mon>{MONTH}),?\s+(?P<y>{SPELLED_YEAR})\b")),
    ("clock_day", _compile(rf"\b(?:{CLOCK}|(?P<noon>noon|midnight))\s*(?:on\s+)?(?P<day>{WEEKDAY}|today|yesterday|tomorrow)(?![\w])")),
    ("clock_date", re.compile(rf"\b{CLOCK},?\s+(?:on\s+)?(?:{WEEKDAY}{COMMA})?(?P<mon>{MONTH})\s+(?P<d>{DAY})\b(?:{COMMA}(?P<y>{YEAR})\b)?")),
    ("week_of", re.compile(rf"\b[Tt]he\s+week\s+of\s+(?P<mon>{MONTH})\s+(?P<d>{DAY})\b(?:{COMMA}(?P<y>{YEAR})\b)?")),
    ("month_year", re.compile(rf"(?:\b{EDGE})?\b(?P<mon>{MONTH})(?:,?\s+|\s+of\s+)(?P<y>{YEAR})\b")),
    ("relative_month", _compile(rf"\b(?P<edge>{EDGE})?(?P<rel>this|last|next|past|coming|previous)\s+(?P<mon>{MONTH})\b")),
    # A day of the month on its own, after a preposition: "the hearing is set for the 28th."
    ("ordinal_day", _compile(r"\bthe\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?=\s*[.,;:)]|\s*$|\s+(?:and|or|at|to)\b)")),
    ("week_of_month", _compile(rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+(?P<u>week|weekend)\s+(?:of|in)\s+(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b")),
    ("month", re.compile(rf"(?:\b(?P<edge>{EDGE}))?\b(?P<mon>{MONTH})(?!\s*\d)\b")),
    # A weekday in the plural, or with a part of day in the plural, recurs: "on Mondays", "Tuesday
    # nights", and "Monday" in "Monday and Tuesday nights".
    ("weekdays", re.compile(
        rf"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:s\b|\s+(?P<part>{PART})s\b"
        rf"|(?=\s+(?:and|or)\s+{WEEKDAY}\s+(?P<next>{PART})s\b))")),
    ("weekday", re.compile(
        rf"(?:\b(?:[Tt]his\s+(?=[Pp]ast|[Cc]oming))?(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Ee]arly|[Ll]ate)\s+)?\b(?P<wd>{WEEKDAY})"
        rf"(?:\s+(?P<part>morning|afternoon|evening|night))?(?![\w])")),
    # "the previous Friday", "the following Monday": counted from the day last named.
    ("weekday_anaphor", re.compile(rf"\b[Tt]he\s+(?P<rel>previous|preceding|following|next)\s+(?P<wd>{WEEKDAY})(?![\w])")),
    ("every_weekday", re.compile(rf"\b(?:[Ee]very|[Ee]ach)\s+(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?")),
    ("every_month", re.compile(rf"\b(?:[Ee]very|[Ee]ach)\s+(?P<mon>{MONTH})\b")),
    ("holiday", _compile(r"\b(?:(?P<rel>this|last|next)\s+)?(?P<h>Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Easter(?:\s+Sunday|\s+Monday|\s+week)?|Labor\s+Day|Memorial\s+Day|Election\s+Day|Halloween"
                          r"|Valentine['’]s\s+Day|St\.?\s+Patrick['’]s\s+Day|Veterans\s+Day|Boxing\s+Day|Good\s+Friday|Palm\s+Sunday"
                          r"|Mother['’]s\s+Day|Father['’]s\s+Day|Black\s+Friday|Cyber\s+Monday"
                          r"|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|MLK\s+Day|Presidents['’]?\s+Day|Columbus\s+Day)\b")),
    ("spelled_decade", _compile(r"\b(?:the\s+)?(?P<edge>(?:early|late|mid)[\s-]+)?(?:nineteen[\s-])?(?P<dec>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b")),
    ("century", _compile(rf"\b(?:the\s+)?(?P<edge>{EDGE})?(?:(?P<n>1\d|20|21|[1-9])(?:st|nd|rd|th)|(?P<word>{SPELLED_ORDINAL}))[\s-]+century\b")),
    ("the_weekend", _compile(r"\bthe\s+weekend\b")),
    ("year_end", _compile(r"\b(?P<the>the\s+)?(?:year[\s-]end|year's\s+end)\b")),
    ("decade", _compile(rf"(?<![\w'’‘])(?:the\s+)?(?P<edge>{EDGE})?(?P<dec>(?:1\d|20)\d0|['’‘]\d0)['’]?s\b")),
    # Abbreviations of business writing: "Q4 2012", "H1", "FY2013", "FY 14".
    # A quarter named by its months: "the January-March quarter", "the October-December period".
    ("month_span_quarter", _compile(rf"\b(?:the\s+)?(?=[a-z]{{3,9}}\.?\s?[-–]\s?[a-z])(?P<m1>{MONTH})\s?[-–]\s?(?P<m2>{MONTH})\s+(?:(?P<y>{YEAR})\s+)?(?:quarter|period)\b")),
    ("quarter_abbreviation", re.compile(rf"\b(?:Q(?P<qn>[1-4])|H(?P<hn>[12]))(?:\s+(?P<y>{YEAR}))?\b(?![-‐]\w)")),  # not "H1-B"
    ("fiscal_abbreviation", re.compile(rf"\bFY\s?'?(?P<y>{YEAR}|\d\d)\b")),
    ("fiscal_year", _compile(rf"\b(?:the\s+)?(?P<edge>{EDGE})?(?:fiscal|financial|calendar|model|tax)(?:\s+year)?\s+(?P<y>{YEAR}|'\d\d)\b")),
    # A year, also either end of a span of years ("2008-2009"), but not a number in other use
    # ("$2000", "2000 tons", "2000-1", the clock time "1950 HKT").
    ("year", _compile(
        rf"(?:\b(?P<prefix>pre|post)-|(?<![$\d.,-])\b|(?<=\d\d\d\d[-–]))(?P<edge>{EDGE})?(?P<y>{YEAR})\b"
        rf"(?![.,]\d|\s*(?:%|(?:percent|tons?|people|shares|units)\b|[-/](?!{YEAR}\b|\d\d\b)\d)|\s+(?-i:{ZONE}|[A-Z]{{2,3}}T\b))")),
    # A year before 1600 only where nothing else can be meant (after "in", "since" or "until"): "was
    # in 1415, when ...".
    ("old_year", re.compile(r"\b(?P<y>1[0-5]\d\d)\b(?=\s*[.,;:)]|\s+(?:and|or|when|AD|BC)\b)")),
    ("quarter", _compile(
        rf"\b(?:the\s+)?(?:(?P<y1>{YEAR})(?:'s)?\s+|(?P<yrel0>this|last|next)\s+year's\s+)?(?:(?P<yr>year-(?:earlier|ago)|prior-year)\s+)?"
        rf"(?:fiscal[\s-]+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)|(?P<rel>latest|last|current|previous|past|same|year-earlier|year-ago|recent|comparable|this|next|preceding))"
        rf"[\s-]+(?:fiscal[\s-]+)?(?:-?\s*)?(?P<q>quarter|half|period)s?(?:\s+of\s+(?:(?P<y2>{YEAR})|(?P<yrel>this|last|next|the)\s+year))?\b(?!\s+of\s+{MONTH})")),
    # Periods counted in halves and quarters of a longer one: "the last half of the '80s", "the
    # first two quarters of 1990", and vague ones still to come, "coming quarters".
    ("period_part", _compile(
        rf"\bthe\s+(?P<edge>first|second|last|latter|early|later)\s+half\s+of\s+the\s+(?P<dec>(?:1\d|20)\d0s|['’]\d0s)"
        rf"|\b(?P<approx>{APPROX})?(?:the\s+)?(?P<which>first|last)\s+two\s+quarters\s+of\s+(?P<y>{YEAR})\b"
        r"|\b(?:the\s+)?(?P<ahead>future|coming|upcoming)\s+quarters\b")),
    ("year_quarter", _compile(
        rf"\b(?:the\s+)?(?:(?P<y>{YEAR})|(?P<rel>last|this|next)\s+year's)\s+(?:fiscal\s+|comparable\s+|same\s+)?(?P<q>quarter|period)\b"
        rf"|\bthe\s+(?:(?:corresponding|comparable|same|year-earlier|year-ago)\s+)+(?P<q2>quarter|period)\s+(?:(?P<rel2>last|a)\s+year(?:\s+(?:ago|earlier))?)\b"
        rf"|\bthe\s+(?P<q3>quarter|period)\s+a\s+year\s+(?:ago|earlier)\b")),
    ("ordinal_quarter_adj", _compile(r"\b(?P<ord>first|second|third|fourth)-(?P<q>quarter|half)\b")),
    ("the_quarter", _compile(r"\b(?:the|this)\s+(?:fiscal\s+)?(?P<q>quarter|period)\b(?!-)")),
    ("the_year", _compile(r"\b(?P<det>the|this)\s+(?:current\s+|(?P<latest>latest|most\s+recent)\s+)?(?P<fiscal>(?:fiscal|full|calendar)\s+)?year\b(?!-|\s+(?:before|after|earlier|ago|\d))"
                          r"(?P<ended>(?=\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\b|\s+to\s+(?:the\s+end\s+of\s+)?"
                          rf"{MONTH}))?")),
    # A week named only by "the" ("for the week", "the week's busiest session", "the week following the
    # vote"): which one rests on the story, so TimeBank writes its year and leaves the week open.
    ("the_week", _compile(r"\b(?=the\s)(?<!\bday\sof\s)(?<!\bdays\sof\s)(?<!\bflavor\sof\s)(?<!\bflavour\sof\s)\bthe\s+week\b(?!-|\s+(?:before|after|of|ahead|earlier|later|ago|ending|ended|to|in\s+review)\b)")),
    ("part_relative", _compile(
        rf"\b(?:(?P<rel>this|last|yesterday|tomorrow|tonight|today)(?:\s+(?:mid[\s-]?)?(?P<part>{PART}))?"
        rf"|mid[\s-]?(?P<mid>morning|afternoon)(?:\s+(?P<rel2>yesterday|today|tomorrow))?)(?:\b|$)")),
    ("year_earlier", _compile(r"\b(?:a|one)\s+year\s+(?P<dir>earlier|ago|before)|\byear-(?P<dir2>earlier|ago)\b(?!\s+(?:quarter|period))")),
    ("that_unit", _compile(r"\b(?:(?P<edge>earlier|later|early|late)\s+)?that\s+(?:same\s+)?(?P<u>day|week|weekend|month|quarter|year|morning|afternoon|evening|night)\b")),
    # "the next day" counts from the day last named; a bare "next week" from the publication date.
    ("next_unit", _compile(r"\b(?:the\s+(?=next)|(?:the\s+)?(?!next))(?P<rel>next|following|previous|preceding|prior|same)\s+(?P<u>day|week|weekend|month|year|morning|afternoon|evening|night)\b")),
    ("unit_after", _compile(r"\b(?:the|(?P<a>a))\s+(?P<u>day|week|month|year)\s+(?P<rel>after|before)\b")),
    ("spelled_year", _compile(rf"\b(?:(?:the\s+)?(?P<s>{SEASON})\s+of\s+|the\s+year\s+)?(?P<y>{SPELLED_YEAR})\b(?![\s-]+years?\b)")),
    ("ago", _compile(rf"\b(?P<approx>{APPROX})?(?P<n>{NUMBER})[\s-]+(?P<u>{UNIT})s?\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later|before|after|hence|from\s+now|previously)\b")),
    ("edge_relative", _compile(
        rf"\b(?P<edge>earlier|later|early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+"
        rf"(?:(?P<rel>this|last|next)\s+(?P<u>week|month|year|decade|century|{SEASON})|(?<=of\s)(?P<the>the)\s+(?P<u2>week|month|year|decade|century))\b")),
    ("relative_unit", _compile(rf"\b(?:this\s+(?=past|coming))?(?P<rel>this|last|next|past|coming|previous|following|current|same)\s+(?:(?<=last\s)fiscal\s+|(?<=next\s)fiscal\s+)?(?P<u>week(?:end)?|month|quarter|year|decade|century|{SEASON})\b")),
    ("season", _compile(rf"\b(?:the\s+)?(?:(?P<edge>early|late|mid)[\s-]?)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR})|\s+of\s+(?P<yrel>this|last|next)\s+year)?\b(?P<months>\s+months)?(?!\s*(?:of\s+(?!\d)|semester|term|session|games|olympics))")),
    ("a_while", _compile(r"(?<!once\sin\s)\ba\s+(?:little\s+)?while(?P<ago>\s+ago)?\b")),
    ("extra_unit", _compile(rf"\ban?\s+(?:additional|extra|further)\s+(?P<u>{UNIT})\b")),
    # A military clock time ("at 1100 hours", "0600 GMT"), ahead of durations, which would read 1,100 hours.
    ("clock", re.compile(r"\b(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)\s+(?:(?<=\bat\s\d{4}\s)(?i:hours)\b|"
                         rf"{ZONE}|[A-Z]{{2,3}}T\b)")),
    ("duration", _compile(
        rf"\b(?P<approx>{APPROX})?(?P<det>the\s+(?:past|last|next|first|previous|coming|following|final|remaining|latest|same|whole|entire|full|year-earlier|year-ago|comparable)\s+|the\s+|an?\s+(?:additional|further|extra)\s+)?"
        r"(?:(?=[\dotfes]\w*\s+(?:to|or)\s)(?P<n0>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\s+(?:to|or)\s+)?"
        rf"(?P<n>{NUMBER})[\s-]+(?:more\s+|full\s+|straight\s+|consecutive\s+|calendar\s+|business\s+|trading\s+|working\s+)?(?P<u>{UNIT})s?\b(?P<half>\s+and\s+a\s+half\b)?(?P<tail>[\s-]+(?:old(?:er|s)?|long)\b)?")),
    # A span as an adjective with no count: "the day-long talks", "decades-long".
    ("unit_long", _compile(r"\b(?P<u>hour|day|night|week|month|year|decade|centur(?:y|ie))(?P<plural>s)?-long\b")),
    # The day an event has reached, said in the present (after "is", "'s" or "marks"): "today is the
    # eighth day of the strike".
    ("day_count", _compile(rf"\bthe\s+(?:{SPELLED_ORDINAL}|\d?\d(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day\b(?!-)")),
    ("past_unit", _compile(rf"\b(?P<det>the\s+(?:past|last|next|previous|coming|following))\s+(?P<u>{UNIT})\b")),
    ("plural_unit", _compile(r"(?<!-)\b(?P<pre>coming\s+|past\s+|recent\s+)?(?P<u>second|minute|hour|day|week|month|year|decade|centurie)s\b(?!\s+(?:ago|later|earlier)|[\s-]+old(?:er|s)?\b)"
                                r"(?:\s+(?:or|and)\s+(?P<u2>second|minute|hour|day|week|month|year|decade|centurie)s\b(?!\s+(?:ago|later|earlier)))?")),
    ("set", _compile(rf"\b(?:(?P<word>daily|weekly|monthly|annually|yearly|hourly|nightly)|(?:every|each|per)\s+(?P<u>{UNIT}|{PART}|{SEASON})|every\s+(?:(?P<other>other)|(?P<n>{NUMBER}))\s+(?P<u3>{UNIT})s?|(?:once|twice|thrice|(?:\d+|{_NUM_WORD})\s+times)\s+(?:an?|per)\s+(?P<u2>{UNIT}))\b")),
    ("clock", _compile(rf"\b(?:{CLOCK}|(?P<h2>1[0-2]|0?[1-9])(?::(?P<m2>[0-5]\d))?\s+(?:o'clock\s+)?in\s+the\s+(?P<pp>morning|afternoon|evening)|{CLOCK_24}"
                       r"|(?P<h5>1[0-2]|0?[1-9])\s+o['’]clock\b)")),
    ("noon", _compile(r"\b(?P<w>noon|midnight|midday)\b")),
    # Not "formerly": like "former", it tells of a past role ("formerly its treasurer"), not a time.
    ("deictic", _compile(
        r"\b(?P<w>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|yesterday|tomorrow|tonight|now|nowadays|currently|presently|recently|lately"
        r"|the\s+(?:near\s+)?future(?!\s+of\b)|the\s+(?:near|short)\s+term|the\s+past(?!\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|several|few|couple|seasons?)\b))|the\s+present|these\s+days|at\s+present|right\s+now"
        r"|an?\s+(?:later|future)\s+date)\b")),
    ("adjective_ref", _compile(r"\b(?P<then>then[\s-]+)?(?P<w>current)\b")),
)

# Words one of which a rule's match must hold, lowercased: a rule whose words the text lacks is not
# run at all. Most texts name no holiday, century or fiscal year, and these rules are slow to fail.
RULE_NEEDS = {
    "holiday": ("christmas", "year's", "thanksgiving", "independence", "easter", "labor", "memorial", "election",
                "hallowe", "valentine", "patrick", "veterans", "boxing", "friday", "palm", "mother", "father", "cyber",
                "luther", "mlk", "president", "columbus"),
    "century": ("century",),
    "week_of_month": ("week",),
    "the_week": ("week",),
    "spelled_decade": ("ties",),
    "fiscal_year": ("fiscal", "financial", "calendar", "model", "tax"),
    "quarter": ("quarter", "half", "period"),
    "year_quarter": ("quarter", "period"),
    "month_span_quarter": ("quarter", "period"),
    "period_part": ("half", "quarters"),
}
