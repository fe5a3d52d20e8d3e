"""The tense of the clause around a time expression, read from cue words: which way a weekday,
a year-less month or a relative expression lies from the publication date."""

from __future__ import annotations

import re

# Tense cues, read outward from the expression: the nearest one in its clause decides.
_FUTURE_WORDS = frozenset("will wo 'll shall must planned planning scheduled slated expects expect expected "
                          "intends intend upcoming due payable gonna soon postponed delayed may might if".split()
                          # a scheduled event in the present: "the offer expires on Monday"
                          + "begins starts ends opens reopens expires meets arrives visits resumes hosts travels returns reconvenes "
                            "convenes departs plays faces closes concludes finishes".split())
# Words that say "future" only before "to": "plans to meet" (not "vacation plans"), "is to resume".
_FUTURE_BEFORE_TO = frozenset("plan plans is are going want wants hope hopes hoping aim aims seek seeks seeking determined poised likely "
                               "forecast projected predicted".split())
_PAST_WORDS = frozenset(
    "said says was were had did told met rose fell began came went took made saw gave got left paid sold bought held led "
    "ran won lost spent sent kept found became brought thought felt struck fought spoke wrote grew knew threw drew shot "
    "stood broke chose drove flew froze hid rode rang sang sank swam tore wore woke ago earlier last announced reported "
    "heard sought taught caught built meant dealt fled slept swept wept withdrew forgot forgave arose clung crept "
    "dug flung hung laid leapt overcame shook shone shrank slid spun sprang stole stuck stung strode swore swung "
    "understood upheld withheld undertook overtook oversaw underwent sped "
    # participles that do not end in -ed: "a poll taken Wednesday"
    "taken given written seen shown begun chosen spoken broken fallen risen driven stolen thrown".split()
)
_SCHEDULED_PLURAL = frozenset("meet begin arrive resume travel go return reconvene".split())
_AUXILIARIES = frozenset("to did do does not n't can could would should will shall may might must".split())
_REPORTING = frozenset("said says told added reported announced".split())  # a report, not the event
_NOT_PAST_ED = frozenset("need speed seed feed bed red shed indeed proceed exceed succeed breed embed".split())
# Words, with contractions split as the Penn Treebank does ("won't" gives "wo" and "n't", "he'll"
# gives "he" and "'ll"), so that edited text and typed text read the same.
_TOKEN = re.compile(r"[A-Za-z]+(?=n['’]t\b)|n['’]t\b|['’][A-Za-z]+|[A-Za-z]+")
_OPENERS = frozenset("on in by until since during at late early".split())  # words that may open a clause before a time
# A relative clause set off by commas or dashes ("Ames, who had resigned in May, will speak"):
# its verb is not the clause's.
_RELATIVE = re.compile(r"[,—–]\s*(?:who|which)\b[^,—–.;]*(?:[,—–]|$)")
# A full stop that ends no sentence: after a title, an abbreviation or an initial ("Mr. Ames",
# "the Rev. Ames", "Roe vs. Wade", "Kestrel Corp. said", "Sept. 5", "J. Ames", "U.S. officials").
_NOT_AN_END = "".join(rf"(?<!\b{word})" for word in (
    "vs Mr Mrs Ms Dr St Gov Sen Rep Gen Jr No Rev Prof Sgt Lt Col Capt Adm Corp Inc Co Ltd Jan Feb Aug Sept Oct Nov Dec".split()
)) + r"(?<!\b[A-Z])"
_CLAUSE_EDGE = re.compile(_NOT_AN_END + r"(?:[.!?][\"”’')]*\s(?![a-z])|;\s)|\n|[,:]\s(?=[A-Z])")  # not "10 a.m. local time"


def _words(segment: str) -> list[str]:
    """Lowercase words, but "May" keeps its capital: a month, not the modal."""
    return [word if word == "May" else word.lower().replace("’", "'") for word in _TOKEN.findall(segment)]


def direction_at(text: str, start: int, end: int, before_only: bool = False, modal: bool = True, reach: int = 10) -> int:
    """The tense of the clause around an expression: -1 past, +1 future, 0 when nothing says.

    The nearest cue among the ``reach`` words before the expression wins ("will meet on Friday",
    "met on Friday"); when there is none, the nearest after it ("on Friday, he said"), unless
    ``before_only``. A "would" looks ahead ("said talks would resume Monday") unless ``modal`` is off.
    """
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(text, max(0, start - 160), start)), default=max(0, start - 160))
    clause = _words(text[left:start])
    before = clause[-reach:]
    # An expression that opens its clause ("On Thursday, Ames told ...") reads past its comma.
    opens = text.startswith(",", end) and all(word in _OPENERS for word in before)
    edge = _CLAUSE_EDGE.search(text, end + 1 if opens else end)
    right = edge.start() if edge and edge.start() - end < 120 else min(len(text), end + 120)
    # Eight words after, or sixteen after an expression that opens its sentence ("Friday on Kestrel
    # Radio's morning show, the skipper said ...").
    after = _words(_RELATIVE.sub(" ", text[end:right]))[:8 if before else 16]
    if before[-1:] == ["since"] or (before[-2:-1] == ["since"] and before[-1] in _BEFORE_ADJECTIVE):
        return -1  # "since Monday", "since their Oct. 13 debate"
    approach = before[:-1] if before[-1:] in (["a"], ["an"], ["the"], ["this"]) else before
    if approach[-1:] in (["upcoming"], ["toward"], ["towards"]) or approach[-2:] == ["ahead", "of"]:
        return 1  # what is approached lies ahead: "ahead of Friday's vote", "toward a Monday deadline"
    if before[-1:] in (["is"], ["are"]) or before[-2:] in (["is", "on"], ["are", "on"]):
        return 1  # a day given as an event's: "the vote is Sunday", "the hearing is on Friday"
    after = [] if before_only else after
    if "had" in before:
        return -1  # a past perfect: "had been due to expire Friday", "had filed by Wednesday"
    if before and before[-1] == "through":
        # A span's end: "credit through January" ahead, "this year through August" behind; in a
        # clause about the future, ahead ("will stay low through the weekend").
        return 1 if any(_word_tense(word, following) > 0 for word, following in zip(before, before[1:] + [""])) else 0
    if before and before[-1] in ("by", "until"):
        # A deadline ("returned by Jan. 14", "extended until Tuesday") unless it is already past
        # ("until Thursday, they had not called him"); one that opens its clause takes the
        # clause's tense ("By Friday noon, the port had reopened", "By Friday, the port reopened").
        if "had" in after:
            return -1
        if opens:
            for index, word in enumerate(after):
                if word not in _REPORTING and (verdict := _word_tense(word, after[index + 1] if index + 1 < len(after) else "")):
                    return verdict
        return 1
    # The words in text order, then their indices nearest first: those before the expression,
    # then those after it.
    words = before + after

    def earlier(index: int, back: int) -> str:
        """The word ``back`` places before words[index], on the same side of the expression: for a
        word before it, read in the whole clause ("will be introduced as the guild's new harbour
        master at a Tuesday news conference")."""
        if index < len(before):
            position = len(clause) - len(before) + index - back
            return clause[position] if position >= 0 else ""
        return words[index - back] if index - back >= len(before) else ""

    for index in [*range(len(before) - 1, -1, -1), *range(len(before), len(words))]:
        word = words[index]
        previous = earlier(index, 1)
        following = words[index + 1] if index + 1 < len(words) and index + 1 != len(before) else ""
        if (previous in ("be", "been", "being") or (previous in ("is", "are") and _word_tense(word, following) <= 0)) \
                and (word.endswith("ed") or word in _PAST_WORDS):
            if previous == "be" and earlier(index, 2) in ("to", "will", "'ll", "shall"):
                return 1  # "rules to be published in November"
            continue  # a passive ("will be named", "would be paid"): its auxiliary tells the tense
        if word.endswith("ed") and (previous in _BEFORE_ADJECTIVE or previous in _PREPOSITIONS) and following not in ("", "to"):
            continue  # "the revised plan", "on unforced errors": an adjective; not "that aired Sunday"
        if word == "would":
            # "would meet" looks ahead, "would have met" looks back ("would have trouble" ahead)
            verdict = (-1 if _perfect(words, index, following) else 1) if modal else 0
        elif word in ("may", "might", "must") and _perfect(words, index, following):
            verdict = -1  # "this might have been the night"
        elif word == "soon" and following in ("after", "before"):
            verdict = 0  # "soon after Sunday's vote" tells an order, not a future
        elif word == "last" and (previous in _AUXILIARIES or previous == "the"):
            verdict = 0  # the verb ("is expected to last six weeks") or an order ("on the last weekend of June")
        elif word in ("expected", "forecast", "projected", "predicted", "planned", "anticipated") and previous in ("than", "as"):
            verdict = -1  # an expectation met or missed: "less than forecast in July"
        elif word == "likely" and previous in ("more", "less", "most", "least"):
            verdict = 0  # a comparison ("grew no more likely on Tuesday"), not a forecast
        elif word in ("scheduled", "slated", "expected", "planned", "forecast", "projected", "predicted") and previous in ("was", "were"):
            return 0  # a plan of the past, kept or not: "he was scheduled to leave late Tuesday"
        elif word == "planned" and previous not in ("is", "are", "'s", "be", "been") and not _REPORTING.intersection(words[:index]):
            # so too "the government planned to pay ...", "a service planned for Saturday"; but a
            # plan reported stands ("he said he planned to visit before January")
            return 0
        elif word == "set" and following in ("for", "to"):
            # "the trial is set for November" is ahead; "he was set to speak Friday", a plan of the past
            verdict = 1 if previous in ("is", "are", "'s", "be", "been") else 0
        elif word in _SCHEDULED_PLURAL and previous not in _AUXILIARIES and previous not in _BEFORE_ADJECTIVE \
                and previous not in ("and", "or"):
            verdict = 1  # "the two leaders meet Monday"; not "did not meet", "to meet", "a return", "and go back"
        else:
            verdict = _word_tense(word, following)
            if verdict < 0 and previous in ("has", "have") and index < len(before) and before[-1] == "for":
                verdict = 1  # a present perfect that sets a day: "has called a meeting for Friday"
        if verdict:
            return verdict
    return 0


_PREPOSITIONS = frozenset("on in of for with from at about against over under into".split())
_BEFORE_ADJECTIVE = frozenset("a an the its their his her our your my this that these those still very newly so".split())


def _perfect(words: list[str], index: int, following: str) -> bool:
    """Whether the modal at words[index] opens a perfect: "would have met", "might have been"."""
    if following != "have" or index + 2 >= len(words):
        return False
    return words[index + 2] == "been" or _word_tense(words[index + 2]) < 0


def _word_tense(word: str, following: str = "") -> int:
    if word in _FUTURE_WORDS or (word in _FUTURE_BEFORE_TO and following == "to"):
        return 1
    if (word in ("takes", "take") and following in ("office", "effect")) or (word in ("goes", "go") and following == "into"):
        return 1  # a scheduled start: "takes office in January", "goes into effect on Dec. 1"
    if word in _PAST_WORDS or (word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST_ED):
        return -1
    return 0


# A sentence's end: not the point of a title or an initial ("Mr. Ames", "Roe vs. Wade", "J. Ames").
SENTENCE_BREAK = re.compile(_NOT_AN_END + r"[.!?][\"”’')]*\s+(?=[A-Z\"“‘`])|\n")


# A month phrase that opens its sentence: "In January,", "By early March,".
_FRONTED = re.compile(r"(?:^|[.!?][\"”’')]*\s+|\n)[\"“‘`']*(?:In|By|Since|During|Until)(?:\s+(?:early|late|mid-?))?\s*$")


def month_tense(text: str, start: int, end: int) -> int:
    """Which way a year-less month lies, by tense: a future anywhere in the clause, a past only
    from the words before it ("since the port bought the ferry in February"), not from a report
    after it ("in early March, an official said"); a month that opens its sentence ("In January,
    the port sold ...") takes the tense of the sentence it opens."""
    if _FRONTED.search(text, max(0, start - 20), start) and text.startswith(",", end):
        sentence = SENTENCE_BREAK.search(text, end + 1)
        for word in _words(text[end + 1:sentence.start() if sentence else len(text)])[:30]:
            if verdict := _word_tense(word):
                return verdict
        return 0
    tense = direction_at(text, start, end)
    if tense == 0 and _words(text[max(0, start - 12):start])[-1:] in (["in"], ["by"], ["for"], ["until"], ["before"]):
        # nothing near: a future further back in the clause still counts, if no nearer cue says
        # otherwise ("will be named skipper of the research ship for a survey in December")
        return max(0, direction_at(text, start, end, before_only=True, reach=25))
    return direction_at(text, start, end, before_only=True) if tense < 0 else tense


def possessive_tense(text: str, start: int, end: int) -> int:
    """The tense of a weekday that names an event ("Friday's vote"): the clause's tense, but not a
    "would", which reaches its verb and not the event in its object ("they would appeal Friday's
    ruling")."""
    before = _words(text[max(0, start - 30):start])[-3:]
    if before[-1:] in (["until"], ["by"]) and (comma := text.find(",", end, end + 60)) != -1:
        return direction_at(text, start, comma)  # "Until Monday's announcement, the shares were ...": the clause's
    return direction_at(text, start, end, modal=False)
