"""One identity per person, organisation and place within an article.

People: full names ("Volodymyr Zelensky") define a person; a lone surname ("Zelensky") joins the
person whose surname it is, and a misspelt one ("Zekensky") the person whose surname it is one
slip away from (an edit or a swap of neighbouring letters). A name glued to another ("Zekensky Trump") is split when both halves are people the
article names apart. The label a name mostly carries wins for every one of its mentions, so "Trump",
read as an organisation in some sentences by the small model, is a person throughout.

Organisations and places: names are compared on a key that drops "the" and a national prefix
("U.S. Defense Department"), turns "Department of Defense" into "defense department", and maps a few
well-known metonyms ("the Pentagon") to the body they stand for. A demonym ("Russian") joins its
country ("Russia").

Definite descriptions ("the U.S. president", "the spokesperson") are linked where the article has
given exactly one person that role: :func:`resolve_description` is what quote attribution calls.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import OSA
from spacy.lang.en.stop_words import STOP_WORDS

from storyline.analyse.entities.data import DEMONYMS, METONYMS, NATIONAL_PREFIXES, PLACE_ALIASES
from storyline.analyse.entities.gender import is_first_name
from storyline.analyse.entities.mentions import Mention

_PERSONISH = frozenset({"PERSON"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_TITLE_WORDS = frozenset("mr mrs ms dr sir president senator sen gov governor rep minister prime chancellor king queen "
                         "pope general gen secretary judge justice mayor".split())
_RECENT = 300  # characters: about a sentence back
_WORD = re.compile(r"[\w.]+(?:['’-]\w+)*")  # "O'Brien" and "Okonkwo-Laar" are one word


@dataclass(frozen=True, slots=True)
class Identity:
    """An entity of one article: its canonical name, type, mentions, other names and roles."""

    name: str
    type: str
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    key: str = ""

    def as_dict(self) -> dict[str, object]:
        record: dict[str, object] = {
            "name": self.name,
            "type": self.type,
            "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in self.mentions],
        }
        if self.aliases:
            record["aliases"] = list(self.aliases)
        if self.roles:
            record["roles"] = list(self.roles)
        return record


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str, label: str) -> str:
    """The key two names of one entity share: case-folded, no articles, no national prefix;
    "Department of X" read as "X department"; metonyms mapped to what they stand for."""
    key = " ".join(_WORD.findall(text.casefold().replace("’", "'")))
    key = re.sub(r"^(?:the|a|an)\s+", "", key)
    key = re.sub(r"'s?$", "", key).strip()
    if label in _PLACE_LABELS or label == "GPE":
        return PLACE_ALIASES.get(key, key)
    if label not in _PERSONISH:
        for prefix in NATIONAL_PREFIXES:
            if key.startswith(prefix + " ") and len(key) > len(prefix) + 4:
                key = key[len(prefix) + 1 :]
                break
        department = re.match(r"^(department|ministry|office|bureau) of (?:the )?(.+)$", key)
        if department:
            key = f"{department[2]} {department[1]}"
        key = METONYMS.get(key, key)
    return key


def _tokens(text: str) -> list[str]:
    """The words of a name, less titles and stray punctuation: "Dr . Regina Benjamin" -> Regina Benjamin."""
    tokens = [t for t in _WORD.findall(text) if any(c.isalpha() for c in t) and t.casefold().rstrip(".") not in _TITLE_WORDS
              and not (t[:1].islower() and len(t) > 3)]
    while len(tokens) > 1 and (tokens[0].casefold() in STOP_WORDS or (
            tokens[0].endswith(("ing", "ed", "ly")) and not is_first_name(tokens[0]))):
        tokens.pop(0)  # a sentence's first word taken into the name: "Having Jackman", "Then Smith" (not "Ted Cruz")
    return tokens


def resolve_identities(mentions: list[Mention]) -> list[Identity]:
    """Group an article's mentions into identities (see the module docstring for the rules)."""
    mentions = _consistent_labels(mentions)
    mentions = _split_glued(mentions)
    people = [m for m in mentions if m.label == "PERSON"]
    others = [m for m in mentions if m.label != "PERSON"]
    identities = _people(people) + _organisations_and_places(others)
    identities.sort(key=lambda i: i.mentions[0].start)
    return identities


def _consistent_labels(mentions: list[Mention]) -> list[Mention]:
    """One label per name: the majority, and PERSON for any name that is part of a person's full name."""
    person_tokens = {t for m in mentions if m.label == "PERSON" and len(_tokens(m.text)) >= 2 for t in _tokens(m.text)}
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[m.text.casefold()][m.label] += 1
    lone_people = {t for t, c in votes.items() if len(t.split()) == 1 and c["PERSON"] > sum(c.values()) / 2}
    fixed = []
    for m in mentions:
        label = m.label
        counts = votes[m.text.casefold()]
        words = m.text.split()
        if label in ("PERSON", "ORG", "GPE", "NORP", "WORK_OF_ART", "PRODUCT") and len(_tokens(m.text)) == 1 and (
            m.text in person_tokens or 2 * counts["PERSON"] >= sum(counts.values())
        ):
            label = "PERSON"
        elif label in ("ORG", "GPE", "FAC", "LOC") and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) \
                and words[-1].casefold() in lone_people:
            label = "PERSON"  # "Maurice Cheeks" typed a place where "Cheeks" is a person throughout
        elif counts.most_common(1)[0][0] != label and counts.most_common(1)[0][1] > counts[label]:
            label = counts.most_common(1)[0][0]
        fixed.append(m if label == m.label else Mention(m.start, m.end, m.text, label, m.role))
    return fixed


def _surnames(people: list[Mention]) -> set[str]:
    """The last words of full names, and names used alone that never open a full name ("Donald",
    alone in "Crooked Hillary" or "Donald, come on", is a first name, not someone's surname)."""
    names = [_tokens(m.text) for m in people]
    first_names = {tokens[0] for tokens in names if len(tokens) >= 2}
    return {tokens[-1] for tokens in names if tokens and (len(tokens) >= 2 or tokens[0] not in first_names)}


def _split_glued(mentions: list[Mention]) -> list[Mention]:
    """Split "Zekensky Trump" when "Trump" is a person on its own and "Zekensky" is (nearly) another's surname."""
    people = [m for m in mentions if m.label == "PERSON"]
    standalone = Counter(m.text for m in people if len(_tokens(m.text)) == 1)
    surnames = _surnames(people)
    out = []
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) == 2 and standalone[words[1]] >= 1:
            first = words[0]
            others = surnames - {words[1]}
            if first in others or any(near_names(first, s) for s in others):
                cut = m.start + len(first)
                second_start = m.start + m.text.index(words[1], len(first))
                out.append(Mention(m.start, cut, first, "PERSON"))
                out.append(Mention(second_start, m.end, words[1], "PERSON", m.role))
                continue
        out.append(m)
    return out


def near_names(a: str, b: str) -> bool:
    """Two names that are one slip apart: the same first letter, and one edit or swap of
    neighbouring letters (two for names of seven letters or more). "Zekensky"/"Zelensky", "Ryel"/"Reyl"."""
    if min(len(a), len(b)) < 4 or a[0].casefold() != b[0].casefold() or a == b:
        return False
    allowed = 2 if min(len(a), len(b)) >= 7 else 1
    return OSA.distance(a.casefold(), b.casefold()) <= allowed


def _people(people: list[Mention]) -> list[Identity]:
    """Full names define people (keyed by first and last name); a lone name joins the one person
    it can only be, or the most recently named of several; otherwise it stands alone."""
    people = sorted(people, key=lambda m: m.start)
    groups: dict[str, list[Mention]] = defaultdict(list)
    full_names: dict[str, Counter] = defaultdict(Counter)
    surname_of: dict[str, str] = {}
    first_name_of: dict[str, str] = {}
    for m in people:
        tokens = _tokens(m.text)
        if len(tokens) >= 2:
            key = _full_name_key(m.text, tokens)
            full_names[key][" ".join(tokens)] += 1
            first_name_of[key], surname_of[key] = key.split()
    last_seen: dict[str, int] = {}
    times_named: Counter = Counter()
    for m in people:
        tokens = _tokens(m.text)
        if not tokens:
            continue
        if len(tokens) >= 2:
            key = _full_name_key(m.text, tokens)
        else:
            word = tokens[0]
            key = _person_for(word, m.start, surname_of, first_name_of, last_seen, times_named) or word
        groups[key].append(m)
        last_seen[key] = m.start
        times_named[key] += 1
    identities = []
    for key, members in groups.items():
        counter = full_names.get(key) or Counter({key: 1})
        canonical = max(counter, key=lambda n: (len(n.split()), counter[n], n))
        aliases = sorted({m.text for m in members} - {canonical})
        roles = tuple(dict.fromkeys(m.role for m in members if m.role))
        identities.append(Identity(canonical, "PERSON", tuple(members), tuple(aliases), roles, name_key(canonical, "PERSON")))
    return identities


_NICKNAME = re.compile(r"[\"“'‘]([A-Z][\w.-]*)[\"”'’]\s+\S+$")


def _full_name_key(text: str, tokens: list[str]) -> str:
    """A full name's first and last word, the nickname as first word when the name quotes one
    ('Robert C. "Bobby" Scott' is keyed as Bobby Scott, the name the article goes on to use)."""
    nickname = _NICKNAME.search(text)
    return f"{nickname[1] if nickname else tokens[0]} {tokens[-1]}"


def _person_for(word: str, position: int, surname_of: dict[str, str], first_name_of: dict[str, str],
                last_seen: dict[str, int], times_named: Counter) -> str | None:
    """The person a lone name is: by surname, else by first name, else by a near-miss surname. Of
    several, one named just before (``_RECENT`` characters) is meant; further on, the one named most
    so far, the most recent of equals ("Clinton" in an article on Hillary Clinton is not Chelsea,
    named once in passing; "Bill Clinton said ... Clinton added" is Bill)."""
    for candidates in (
        [k for k, s in surname_of.items() if s == word],
        [k for k, f in first_name_of.items() if f == word],
        [k for k, s in surname_of.items() if near_names(word, s)],
    ):
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            named_before = [k for k in candidates if k in last_seen and last_seen[k] < position]
            if not named_before:
                return None
            latest = max(named_before, key=last_seen.get)
            if position - last_seen[latest] <= _RECENT:
                return latest
            return max(named_before, key=lambda k: (times_named[k], last_seen[k]))
    return None


def _organisations_and_places(mentions: list[Mention]) -> list[Identity]:
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    places: dict[str, str] = {}
    for m in mentions:
        kind = "GPE" if m.label in _PLACE_LABELS and m.label != "FAC" else m.label
        key = name_key(m.text, m.label)
        if m.label == "NORP" and key in DEMONYMS:
            kind, key = "GPE", name_key(DEMONYMS[key], "GPE")
            places.setdefault(key, DEMONYMS[name_key(m.text, "NORP")])
        groups[(kind, key)].append(m)
    identities = []
    for (kind, key), members in groups.items():
        members.sort(key=lambda m: m.start)
        named = [m for m in members if m.label != "NORP"] or members
        forms = Counter(_LEADING_THE.sub("", m.text) for m in named)
        if kind == "GPE" and key in _PLACE_NAMES:
            canonical = _PLACE_NAMES[key]  # "the U.S." and "America" are shown as "United States"
        elif kind == "GPE" and all(m.label == "NORP" for m in members):
            canonical = places.get(key, members[0].text)
        else:
            canonical = max(forms, key=lambda n: (len(n), forms[n], n))
        label = "GPE" if kind == "GPE" and any(m.label == "GPE" for m in members) else (named[0].label if kind != "GPE" else "GPE")
        aliases = sorted({m.text for m in members} - {canonical})
        identities.append(Identity(canonical, label, tuple(members), tuple(aliases), (), key))
    return identities


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_PLACE_NAMES = {key: key.title() for key in set(PLACE_ALIASES.values())}


# Words a description may add that do not name the role. Not "former": "the former president" is
# not the President the article names.
_DESCRIBING = frozenset({"the", "a", "an"})
# Titles as news abbreviates them, and the parties' other names: "Texas Sen. Ted Cruz" is "the Texas senator".
_ROLE_WORDS = {"sen.": "senator", "sens.": "senator", "rep.": "representative", "reps.": "representative",
               "gov.": "governor", "lt.": "lieutenant", "gen.": "general", "col.": "colonel", "capt.": "captain",
               "sgt.": "sergeant", "adm.": "admiral", "pres.": "president", "sec.": "secretary", "atty.": "attorney",
               "supt.": "superintendent", "insp.": "inspector", "amb.": "ambassador", "gop": "republican",
               "dem.": "democratic", "democrat": "democratic"}


def role_words(phrase: str) -> list[str]:
    """A role or description as comparable words: case-folded, abbreviated titles spelt out
    ("Gov." -> "governor"), "GOP" as "republican"."""
    return [_ROLE_WORDS.get(w, w) for w in (w.casefold() for w in _WORD.findall(phrase))]


def role_head(words: list[str]) -> str:
    """The word a role is a kind of: its last, or the one before "of" ("secretary of state")."""
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def resolve_description(description: str, identities: list[Identity]) -> Identity | None:
    """The person a definite description refers to, when the article has given exactly one person
    a role it fits: "the U.S. president" -> the person with the role "U.S. President", "the Texas
    senator" -> "Texas Sen.", "the secretary of state" -> "Secretary of State".

    The description's head (:func:`role_head`) must be the role's, and its other words must all be
    in the role. Unknown is an honest answer: None when no person or more than one fits.
    """
    words = [w for w in role_words(description) if w not in _DESCRIBING]
    if not words:
        return None
    head, modifiers = role_head(words), set(words) - {role_head(words)}
    fitting = []
    for identity in identities:
        if identity.type != "PERSON":
            continue
        for role in identity.roles:
            words_of_role = role_words(role)
            if words_of_role and role_head(words_of_role) == head and modifiers <= set(words_of_role):
                fitting.append(identity)
                break
    return fitting[0] if len(fitting) == 1 else None
