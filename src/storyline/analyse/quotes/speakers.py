"""Speaker names: a quote's source mention resolved to the canonical name of a person or body."""

from __future__ import annotations

import re

from storyline.analyse.entities.gender import FEMALE, MALE, person_gender
from storyline.analyse.entities.identity import Identity
from storyline.analyse.quotes.find import Attribution

_PRONOUNS = {"he": MALE, "him": MALE, "she": FEMALE, "her": FEMALE}
_PLURAL = frozenset({"they", "we"})


def resolve_speakers(text: str, attributions: list[Attribution], identities: list[Identity],
                     subjects: frozenset[int] = frozenset()) -> list[str | None]:
    """The canonical speaker name of each attribution, or None when the text does not settle it.

    - A source that is (or holds) a named mention or a linked description takes that identity's name;
      a relative pronoun ("who said") is the noun phrase it stands for.
    - "he"/"she" takes the person last named as a subject (``subjects``: character offsets of
      subject words) since the previous quote ("Sallo said ... “...,” he said" is Sallo), else the
      previous quote's speaker when near, else the person named last before the cue; in each case
      only someone the pronoun can stand for (:func:`.entities.gender.person_gender`: "she" is
      never Mr. Danner).
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
            # "Rendell, a Clinton surrogate,": the name before an apposition is the speaker's.
            head_end = min((i for i in (text.find(",", start, end), text.find("(", start, end)) if i != -1), default=end)
            holders = _holders(text, spans, start, head_end) or _holders(text, spans, start, end)
            people = [i for i in holders if i.type == "PERSON"]
            if people or holders:
                speaker = (people or holders)[-1]
                name = speaker.name
            elif word in named_as:
                name = named_as[word]  # a name the parser did not tag here, used elsewhere for one identity
            elif word in _PRONOUNS:
                since = max(previous_end, start - 600)
                named = [i for s, e, i in spans if since <= s and e <= start and i.type == "PERSON"
                         and any(s <= x < e for x in subjects) and may_be(i, word)]
                if named:
                    speaker = named[-1]
                elif previous_name is not None and attribution.start - previous_end < 600 and may_be(previous, word):
                    speaker, name = previous, previous_name
                else:
                    before = [i for s, e, i in spans if e <= start and i.type == "PERSON" and may_be(i, word)]
                    speaker = before[-1] if before else None
                name = speaker.name if speaker is not None else name
        elif attribution.continued:
            speaker, name = previous, previous_name
        names.append(name)
        if attribution.direct:
            previous_name, previous, previous_end = name, speaker, attribution.end
    return names


# What may stand before a body that speaks for a source: "the Kremlin", "a spokesman for the Kremlin".
_BODY_LEAD = re.compile(r"(?i)(?:(?:the|a|an)\s+)?(?:.*\b(?:for|of|at|from)\s+(?:the\s+)?)?$")


def _holders(text: str, spans, start: int, end: int) -> list:
    """The identities named between ``start`` and ``end`` that can speak for the source: a person
    anywhere in it, an organisation, place or group at its head or as whom its head speaks for (not
    "a comment made onboard Air Force One")."""
    return [i for s, e, i in spans if s < end and start < e and (i.type == "PERSON" or (
        i.type in ("ORG", "GPE", "NORP") and _BODY_LEAD.fullmatch(text[start:max(start, s)])))]


def _names_of_one(identities: list[Identity]) -> dict[str, str]:
    """Each capitalised way the article names a person or body (a mention, an alias, a person's
    surname), case-folded, with its canonical name: only ways that name one identity alone."""
    ways: dict[str, set[str]] = {}
    for identity in identities:
        if identity.type not in ("PERSON", "ORG"):
            continue
        forms = {m.text for m in identity.mentions} | set(identity.aliases)
        if identity.type == "PERSON":
            forms.add(identity.name.split()[-1])
        for form in forms:
            if form[:1].isupper():
                ways.setdefault(form.casefold(), set()).add(identity.name)
    return {form: next(iter(names)) for form, names in ways.items() if len(names) == 1}
