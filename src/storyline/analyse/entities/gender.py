"""A person's gender as far as the article and a list of first names tell it, so that "he" and "she"
are never resolved to someone the text rules out.

Two sources: the article, by a title before a mention ("Mr. Danner", "Ms. Ilves") or a gendered
role ("spokeswoman Ilse Varga", "the actress"); and the first name, looked up in gender-guesser's list
of about 40,000 first names by country ("Hillary" female, "Kevin" male), when its answers agree.
- The first name stands unless every title and role says otherwise: a lone surname gathers a
  relative's titles ("Mr. Clinton" beside Hillary Clinton).
- Without a first name the list is sure of, titles and roles decide when they agree.
- Otherwise there is no answer ("Pat", "Melezia", "Bernie", a lone surname), and no answer never rules
  anyone out.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from storyline.analyse.entities.mentions import HONORIFIC

if TYPE_CHECKING:
    from storyline.analyse.entities.identity import Identity

MALE, FEMALE = "male", "female"

_TITLES = {"mr": MALE, "sir": MALE, "lord": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "dame": FEMALE,
           "lady": FEMALE, "madam": FEMALE}
_TITLE_BEFORE, _TITLE_OPENING = re.compile(HONORIFIC + "$"), re.compile(HONORIFIC)
_ROLE_WORDS = {
    **dict.fromkeys("spokesman congressman assemblyman councilman businessman chairman alderman husband father son "
                    "brother uncle nephew grandfather widower king prince duke emperor actor boyfriend".split(), MALE),
    **dict.fromkeys("spokeswoman congresswoman assemblywoman councilwoman businesswoman chairwoman wife mother "
                    "daughter sister aunt niece grandmother widow queen princess duchess empress actress "
                    "girlfriend".split(), FEMALE),
}
_GUESSES = {"male": MALE, "mostly_male": MALE, "female": FEMALE, "mostly_female": FEMALE}
_COUNTRIES = (None, "usa", "great_britain")  # all countries together, and the two whose news we read most
_WORD = re.compile(r"[a-z]+")


def person_gender(identity: Identity, text: str) -> str | None:
    """``MALE``, ``FEMALE`` or None for a person of the article ``text``."""
    said = Counter()
    for mention in identity.mentions:
        title = _TITLE_BEFORE.search(text[max(0, mention.start - 7):mention.start]) or _TITLE_OPENING.match(mention.text)
        if title:
            said[_TITLES[title.group(1).casefold()]] += 1
    for phrase in (*identity.roles, *(m.text for m in identity.mentions if m.text[:1].islower() or m.text.startswith("The "))):
        said.update(_ROLE_WORDS[w] for w in _WORD.findall(phrase.casefold()) if w in _ROLE_WORDS)
    named = _by_first_name(identity.name)
    if named is None:
        return next(iter(said)) if len(said) == 1 else None  # evidence both ways leaves it open
    # Titles on a shared surname may belong to a relative ("Mr. Clinton" beside Hillary Clinton): the
    # first name stands unless every title and role in the article says otherwise.
    return named if not said or named in said else None


def _by_first_name(name: str) -> str | None:
    words = name.split()
    if len(words) < 2:
        return None  # a lone surname ("Trump") says nothing; many are first names elsewhere ("Jordan")
    first = words[0].split("-")[0]
    if not first.isalpha():
        return None
    answers = [_first_names().get_gender(first, country) for country in _COUNTRIES]
    votes = {_GUESSES[a] for a in answers if a in _GUESSES}
    # One gender in every list that knows the name, and a firm one somewhere: "Bernie" (mostly female
    # worldwide, mostly male in the USA) and "Kim" (only "mostly" female, and a Korean surname) stay open.
    return votes.pop() if len(votes) == 1 and any(a in (MALE, FEMALE) for a in answers) else None


def is_first_name(word: str) -> bool:
    """Whether the list of first names knows ``word`` ("Ted", "Kelly", not "Having")."""
    return word.isalpha() and _first_names().get_gender(word) != "unknown"


@functools.cache
def _first_names():
    import gender_guesser.detector  # 0.3 s to read its list: only when a pronoun needs it

    return gender_guesser.detector.Detector(case_sensitive=False)
