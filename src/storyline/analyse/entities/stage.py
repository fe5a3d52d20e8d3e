"""Definite descriptions ("the U.S. president") linked to the person the article gave that role.

The language stage (analyse/quotes/stage.py) parses once and runs entities and quotes from it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.analyse.entities.identity import Identity, resolve_description, role_head, role_words
from storyline.analyse.entities.mentions import Mention


def link_descriptions(text: str, identities: list[Identity]) -> list[Identity]:
    """Add "the <role>" phrases as mentions of the one person the article gave that role before.

    "U.S. President Donald Trump ... the U.S. president" links the second to Trump; "the
    president" stays unlinked in an article where two people are presidents.
    """
    heads = {role_head(words) for identity in identities if identity.type == "PERSON" for role in identity.roles
             if (words := role_words(role))}
    if not heads:
        return identities
    pattern = re.compile(r"\bthe\s+(?:[\w.’'-]+\s+){0,2}(?:" + "|".join(map(re.escape, sorted(heads)))
                         + r")\b(?-i:\s+of\s+[a-z]+\b)?", re.IGNORECASE)
    added: dict[str, list[Mention]] = {}
    taken = [(m.start, m.end) for identity in identities if identity.type == "PERSON" for m in identity.mentions]
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        if any(s < end and start < e for s, e in taken):
            continue  # part of a name's own phrase ("the U.S. President Donald Trump")
        person = resolve_description(match.group(0), identities)
        if person is None or person.mentions[0].start > start:
            continue  # no one, several, or not yet introduced
        added.setdefault(person.name, []).append(Mention(start, end, match.group(0), "PERSON"))
    if not added:
        return identities
    return [replace(i, mentions=tuple(sorted(i.mentions + tuple(added.get(i.name, ())), key=lambda m: m.start)))
            if i.type == "PERSON" and i.name in added else i for i in identities]
