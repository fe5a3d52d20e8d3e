"""Speaker names: a quote's source mention resolved to the canonical name of a person or body."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from storyline.analyse.entities.gender import FEMALE, MALE, person_gender
from storyline.analyse.entities.identity import Identity
from storyline.analyse.quotes.find import Attribution, quote_spans

_PRONOUNS = {"he": MALE, "him": MALE, "she": FEMALE, "her": FEMALE}
_PLURAL = frozenset({"they", "we"})


def resolve_speakers(text: str, attributions: list[Attribution], identities: list[Identity],
                     subjects: frozenset[int] = frozenset(), main_subjects: frozenset[int] = frozenset()) -> list[str | None]:
    """The canonical speaker name of each attribution, or None when the text does not settle it.

    - A source that is, or is headed by, a named mention or a linked description takes that
      identity's name, as does one whose head speaks for it ("Pentagon officials"); a name that
      only modifies the head does not ("Clinton supporters", "the Texas senator": unknown). A
      relative pronoun ("who said") is the noun phrase it stands for.
    - "he"/"she" takes the person last named as a subject (``subjects``: character offsets of
      subject words) since the previous quote ("Sallo said ... “...,” he said" is Sallo), in the
      paragraph nearest the cue that names one; there the subject of a main clause
      (``main_subjects``) before that of a clause within one ("McLenney said Clinton doesn't ...
      “...,” she said" is McLenney), not one a paragraph further back; else the
      previous quote's speaker when near, else the person named last before the cue; in each case
      only someone the pronoun can stand for (:func:`.entities.gender.person_gender`: "she" is
      never Mr. Danner) and never a name inside quote marks (the speaker's words name others).
    - A quote with no cue of its own continues the previous speaker.
    """
    spans = sorted(((m.start, m.end, identity) for identity in identities for m in identity.mentions), key=lambda s: s[0])
    named_as = _names_of_one(identities)
    genders: dict[str, str | None] = {}

    def may_be(identity: Identity | None, pronoun: str) -> bool:
        """Whether "he" or "she" can stand for ``identity`` (unknown rules no one out)."""
        if identity is None or identity.type != "PERSON":
            return True
        if identity.name not in genders:
            genders[identity.name] = person_gender(identity, text)
        return genders[identity.name] in (None, _PRONOUNS[pronoun])

    quoted_spans = quote_spans(text)

    def quoted(at: int) -> bool:
        """Whether ``at`` is inside a quote: a name the speaker says is not who speaks."""
        k = bisect.bisect_right(quoted_spans, (at, float("inf"))) - 1
        return k >= 0 and quoted_spans[k][0] <= at < quoted_spans[k][1]

    names: list[str | None] = []
    previous_name: str | None = None
    previous: Identity | None = None
    previous_end = -1
    for attribution in attributions:
        name = None
        speaker: Identity | None = None
        if attribution.source is not None:
            start, end = attribution.refers or attribution.source  # "who" is the noun it stands for
            word = text[start:end].strip().casefold()
            speaker = _source_holder(text, spans, start, end)
            if speaker is not None:
                name = speaker.name
            elif word in named_as:
                name = named_as[word]  # a name the parser did not tag here, used elsewhere for one identity
            elif word in _PRONOUNS:
                since = max(previous_end, start - 600)
                named = [(s, e, i) for s, e, i in spans if since <= s and e <= start and i.type == "PERSON"
                         and any(s <= x < e for x in subjects) and not quoted(s) and may_be(i, word)]
                if named:  # of the paragraph nearest the cue that names a subject
                    last = text.rfind("\n", 0, named[-1][0])
                    named = [(s, e, i) for s, e, i in named if s > last]
                main = [i for s, e, i in named if any(s <= x < e for x in main_subjects)]
                if named:
                    speaker = (main or [i for _s, _e, i in named])[-1]
                elif previous_name is not None and attribution.start - previous_end < 600 and may_be(previous, word):
                    speaker, name = previous, previous_name
                else:
                    before = [i for s, e, i in spans if e <= start and i.type == "PERSON" and not quoted(s) and may_be(i, word)]
                    speaker = before[-1] if before else None
                name = speaker.name if speaker is not None else name
        elif attribution.continued:
            speaker, name = previous, previous_name
        names.append(name)
        if attribution.direct:
            previous_name, previous, previous_end = name, speaker, attribution.end
    return names


# Heads that speak for the name before or after them: "Pentagon officials", "a Reuters poll",
# "Trump's comments", "a reporter for NBC", "85% of Democrats".
_SPEAKS_FOR = ("spokes(?:man|men|woman|women|persons?|people)|reporters?|correspondents?|producers?|editors?|members?"
               "|percent|%|majority|number|projection|tally"
               "|city|town|county|province|people|press\\s+(?:secretary|office)|officials?|campaign|camp|administration"
               "|office|team|government|ministry|agency|department|staff|leaders?|executives?|representatives?"
               "|lawyers?|attorneys?|prosecutors?|statement|release|comments|remarks|speech|letter|e-?mail|tweets?"
               "|website|readout|filing|memo|poll|survey|report|study|research|data|analysis|article|editorial")
# What may stand before a body that speaks for a source: "the Kremlin", "a spokesman for the Kremlin"
# (not "the senator from Vermont").
_BODY_LEAD = re.compile(rf"(?i)(?:(?:the|a|an)\s+)?(?:.*\b(?:{_SPEAKS_FOR})\s+(?:for|of|at|from|with|in)\s+(?:the\s+)?)?")
# What may follow a holder in the source: nothing but a possessive, a suffix or "herself"; a head that
# speaks for it ("Clinton's presidential campaign"); where a person is from ("Senator Sanders of
# Vermont"); another name ("Clinton and the DNC"); a weekday the parser left in the phrase ("the
# campaign on Monday"). Not "Clinton supporters" or "the Texas senator".
_HOLDER_TAIL = re.compile(rf"(?i)(?:\s*/\s*[\w.-]+)*\s*(?:['’]s?)?(?:\s+(?:Jr|Sr|II|III|himself|herself|itself|themselves)\b"
                          rf"|(?P<head>(?:\s+(?-i:[a-z][\w-]*)){{0,2}}\s+(?:{_SPEAKS_FOR}))\b"
                          r"|\s+(?:of|from|and)\s+(?:the\s+)?(?-i:[A-Z]).*)?"
                          r"(?:\s+(?:on|released|published)?\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                          r"(?:\s+(?:morning|afternoon|evening|night))?)?[\s.,;:]*")


def _source_holder(text: str, spans, start: int, end: int) -> Identity | None:
    """The identity a source phrase names as its speaker, first found of: one heading the phrase up
    to its first comma ("Rendell, a Clinton surrogate,"), a person heading a later part ("Dow's chief
    executive, Andrew Liveris,"), one heading a later part, one the phrase's head speaks for ("Dow's
    chief executive"); of several, a person before a body, the last before the first."""
    head_end = _phrase_end(text, start, end)
    first, later = _holders(text, spans, start, head_end), _holders(text, spans, head_end, end)
    for found in ([h for h in first if h[1]], [h for h in later if h[1] and h[0].type == "PERSON"],
                  [h for h in later if h[1]], [h for h in first + later if not h[1]]):
        if found:
            people = [i for i, _heads in found if i.type == "PERSON"]
            return (people or [i for i, _heads in found])[-1]
    return None


def _holders(text: str, spans, start: int, end: int) -> list[tuple[Identity, bool]]:
    """The identities named between ``start`` and ``end`` that can speak for the source, each with
    whether it heads its part of the phrase (else the head speaks for it, ``_HOLDER_TAIL``); an
    organisation, place or group only at the phrase's start or after "for", "of" ... ("a spokesman
    for the Kremlin", not "a comment made onboard Air Force One")."""
    found = []
    for s, e, i in spans:
        if s < end and start < e and (i.type == "PERSON" or (
                i.type in ("ORG", "GPE", "NORP") and _BODY_LEAD.fullmatch(text[start:max(start, s)]))):
            tail = _HOLDER_TAIL.fullmatch(text, min(e, end), _phrase_end(text, e, end))
            if tail:
                found.append((i, tail.group("head") is None))
    return found


def _phrase_end(text: str, at: int, end: int) -> int:
    """Where the phrase running on from ``at`` ends: at the next comma or bracket ("Sen. Joe
    Lieberman (I-Conn.)", "Trump, a regular,"), else at ``end``."""
    return min((i for i in (text.find(",", at, end), text.find("(", at, end)) if i != -1), default=end)


def _names_of_one(identities: list[Identity]) -> dict[str, str]:
    """Each capitalised way the article names a person or body (a mention, an alias, a person's
    surname), case-folded, with its canonical name: the one identity it names, or of several the
    one the article names at least three times as often as any other ("Scott" in an article about
    Bobby Scott that names Tim Scott once)."""
    ways: dict[str, Counter] = {}
    for identity in identities:
        if identity.type not in ("PERSON", "ORG"):
            continue
        forms = {m.text for m in identity.mentions} | set(identity.aliases)
        if identity.type == "PERSON":
            forms.add(identity.name.split()[-1])
        for form in forms:
            if form[:1].isupper():
                ways.setdefault(form.casefold(), Counter())[identity.name] += len(identity.mentions)
    named = {}
    for form, counts in ways.items():
        (first, times), *rest = counts.most_common()
        if not rest or times >= 3 * rest[0][1]:
            named[form] = first
    return named
