"""One identity per entity across articles: conservative linking of per-article identities.

Two identities are one entity when they share a cross-article key:
- people: the full name ("Tara Reid" in one article and in another);
- organisations and places: the name key ("the Pentagon" and "U.S. Defense Department").
A person known in an article only by a single name ("Reid") joins the one person of that surname
known elsewhere; with none, or several ("Smith" when there are two Smiths), it stays apart: two
different people called Smith are not merged without evidence.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from storyline.analyse.entities.identity import name_key, near_names


@dataclass(slots=True)
class LinkedEntity:
    """An entity across articles: its display name, type, and every (article, identity) in it."""

    key: str
    name: str
    type: str
    members: list[tuple[Hashable, dict]] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        names = Counter(m["text"] for _a, identity in self.members for m in identity["mentions"])
        return sorted(set(names) - {self.name})


def identity_key(identity: dict) -> str | None:
    """The cross-article key of an identity (as ``entities`` records it), or None for a lone surname."""
    name, kind = identity["name"], identity["type"]
    if kind == "PERSON":
        words = _signature(name).split()
        return f"PERSON:{words[0]} {words[-1]}" if len(words) >= 2 else None
    return f"{'PLACE' if kind in ('GPE', 'LOC') else kind}:{name_key(name, kind)}"


def link_entities(articles: Iterable[tuple[Hashable, list[dict]]]) -> list[LinkedEntity]:
    """Link the identities of many articles into entities.

    Args:
        articles: (article id, the article's ``entities`` records) pairs.

    Returns:
        The entities, the most mentioned first.
    """
    articles = [(article, [dict(identity) for identity in identities]) for article, identities in articles]
    _agree_on_types(articles)
    linked: dict[str, LinkedEntity] = {}
    lone: list[tuple[Hashable, dict]] = []
    for article, identities in articles:
        for identity in identities:
            key = identity_key(identity)
            if key is None:
                lone.append((article, identity))
                continue
            entity = linked.setdefault(key, LinkedEntity(key, identity["name"], identity["type"]))
            entity.members.append((article, identity))
            if len(identity["name"]) > len(entity.name):
                entity.name = identity["name"]
    # A full name misspelt in one article ("Tomas Ryel" for "Tomas Reyl"): the same first name and a
    # surname one slip away is the same person; the better attested spelling names them.
    people = sorted((k for k, e in linked.items() if e.type == "PERSON"), key=lambda k: -_weight(linked[k]))
    by_first: dict[str, list[str]] = defaultdict(list)   # first name -> keys, the better attested first
    for key in people:
        by_first[key.split(":")[1].split()[0]].append(key)
    for namesakes in by_first.values():
        for i, key in enumerate(namesakes):
            if key not in linked:
                continue
            last = key.split()[-1]
            for other in namesakes[i + 1 :]:
                if other in linked and near_names(other.split()[-1], last):
                    linked[key].members.extend(linked.pop(other).members)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key, entity in list(linked.items()):
        if entity.type == "PERSON":
            by_surname[key.split()[-1]].append(key)
    for surname, keys in by_surname.items():
        # One surname, several first names: a variant that starts the main one ("Jim"/"James") or is
        # mentioned a third as often or less ("Mo Cheeks" beside "Maurice Cheeks", a headline's
        # "Comedian DeGeneres") is the same person; a second name with weight of its own is another.
        if len(keys) < 2:
            continue
        weight = {k: _weight(linked[k]) for k in keys}
        main = max(keys, key=lambda k: (weight[k], k))
        main_first = main.split(":")[1].split()[0]
        kept = [main]
        for key in keys:
            if key == main:
                continue
            first = key.split(":")[1].split()[0]
            if _one_person({first, main_first}) or weight[key] * 3 <= weight[main]:
                linked[main].members.extend(linked.pop(key).members)
            else:
                kept.append(key)
        by_surname[surname] = kept
    # One type, one name: keys that differ only in lower-case words ("San Diego Chargers defensive
    # tackle") or by one slip in a long name ("Gulf of Eden") are one entity.
    by_signature: dict[tuple[str, str], str] = {}
    for key in sorted(linked, key=lambda k: -_weight(linked[k])):
        entity = linked[key]
        if entity.type == "PERSON":
            continue
        signature = _signature(entity.name)
        kind = "PLACE" if entity.type in ("GPE", "LOC") else entity.type
        target = by_signature.get((kind, signature)) or next(
            (k for (t, sig), k in by_signature.items() if t == kind and len(signature) >= 8
             and len(sig.split()) == len(signature.split()) > 1 and OSA.distance(sig, signature) <= 1), None)
        if target and target != key:
            linked[target].members.extend(linked.pop(key).members)
        else:
            by_signature[(kind, signature)] = key
    # A short name is the long one when exactly one known long name of its kind ends with it
    # ("Chargers", "San Diego Chargers"; "Mt Cook National Park"), or, for an organisation, starts
    # with its one word ("Academy") or spells its initials ("AMA").
    for kinds in (("ORG",), ("GPE", "LOC", "FAC")):
        named = [k for k, e in linked.items() if e.type in kinds]
        for key in named:
            if key not in linked:
                continue
            short = _signature(linked[key].name)
            others = [k for k in named if k != key and k in linked]
            longer = [k for k in others if _signature(linked[k].name).endswith(" " + short)]
            if not longer and " " not in short and kinds == ("ORG",):  # "Academy": the one long name it starts
                longer = [k for k in others if _signature(linked[k].name).startswith(short + " ")]
            if not longer and linked[key].name.isupper() and 2 <= len(linked[key].name) <= 6 and kinds == ("ORG",):
                longer = [k for k in others if _initials(linked[k].name) == linked[key].name.casefold()]  # "AMA"
            if short and len(longer) == 1:
                linked[longer[0]].members.extend(linked.pop(key).members)
    # A name the model typed as a place or organisation in one article ("Hugh Jackman" as GPE) is the
    # person when a person of exactly that name is known.
    for key in [k for k, e in linked.items() if e.type != "PERSON"]:
        words = [w for w in linked[key].name.replace(".", " ").split() if w[:1].isupper()]
        person = f"PERSON:{words[0].casefold()} {words[-1].casefold()}" if len(words) >= 2 else None
        if person in linked and " ".join(words).casefold() == linked[person].name.casefold():
            linked[person].members.extend(linked.pop(key).members)
    for article, identity in lone:
        words = _signature(identity["name"]).split() or [identity["name"].casefold()]
        candidates = by_surname.get(words[-1], [])
        if len(candidates) > 1:
            ranked = sorted(candidates, key=lambda k: -_weight(linked[k]))
            if _weight(linked[ranked[1]]) * 3 <= _weight(linked[ranked[0]]):
                candidates = ranked[:1]
        if len(candidates) == 1:
            linked[candidates[0]].members.append((article, identity))
            continue
        key = f"PERSON-NAME:{identity['name'].casefold()}"
        linked.setdefault(key, LinkedEntity(key, identity["name"], "PERSON")).members.append((article, identity))
    return sorted(linked.values(), key=lambda e: (-sum(len(i["mentions"]) for _a, i in e.members), e.name))


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SPELLED = {"mt": "mount", "ft": "fort", "pt": "point"}


@functools.lru_cache(maxsize=1 << 16)
def _signature(name: str) -> str:
    """The capitalised words of a name, case-folded, without possessives or generational suffixes;
    "Mt" read as "mount": "Anthony LaCalamita III" -> "anthony lacalamita", "Mt Cook" -> "mount cook"."""
    words = (re.sub(r"['’]s?$", "", w).casefold() for w in name.replace(".", " ").split() if w[:1].isupper() or w[:1].isdigit())
    return " ".join(_SPELLED.get(w, w) for w in words if w and w not in _SUFFIXES)


def _initials(name: str) -> str:
    return "".join(w[0].casefold() for w in name.replace(".", " ").split() if w[:1].isupper())


def _agree_on_types(articles: list[tuple[Hashable, list[dict]]]) -> None:
    """Give one name one type across articles: the type most of its mentions carry, and PERSON for a
    single name that is the surname of a person named in full somewhere ("Cheeks", typed ORG once)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    surnames: set[str] = set()
    for _article, identities in articles:
        for identity in identities:
            signature = _signature(identity["name"])
            votes[signature][identity["type"]] += len(identity["mentions"])
            if identity["type"] == "PERSON" and len(signature.split()) >= 2:
                surnames.add(signature.split()[-1])
    for _article, identities in articles:
        for identity in identities:
            signature = _signature(identity["name"])
            if not signature or any(w[:1].islower() for w in identity["name"].split()):
                continue  # "Obama administration" is not Obama
            words = signature.split()
            if identity["type"] != "PERSON" and len(words) <= 3 and words[-1] in surnames:
                identity["type"] = "PERSON"  # "Cheeks", "Mo Cheeks", typed ORG or FAC once
            else:
                identity["type"] = votes[signature].most_common(1)[0][0]


def _weight(entity: LinkedEntity) -> int:
    return sum(len(identity["mentions"]) for _a, identity in entity.members)


def _one_person(first_names: set[str]) -> bool:
    """First names that can all be one person's: each a prefix of the longest ("Mo", "Maurice" are not)."""
    longest = max(first_names, key=len)
    return all(longest.startswith(name.rstrip(".")) for name in first_names)
