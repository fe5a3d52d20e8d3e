"""Named mentions from a spaCy Doc, with the corrections the small model needs.

- Possessive outlet credits are split: "Axios’ Barak Ravid" is the outlet Axios and the person
  Barak Ravid (the model reads the whole as a WORK_OF_ART).
- Determiners and possessive endings are peeled off ("the Pentagon" -> "Pentagon").
- Each person's role is the rest of the noun phrase before the name: "Chief Pentagon spokesperson
  Sean Parnell" gives Parnell the role "Chief Pentagon spokesperson".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_POSSESSIVE_CREDIT = re.compile(r"^(?P<owner>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})[’']s?\s+(?P<person>[A-Z][\w.-]+(?:\s[A-Z][\w.-]+){1,2})$")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"(?:[’']s?|[,;:]|(?<![A-Z])\.)$")
_ROLE_SKIP = frozenset({"DET", "PUNCT", "PRON", "CCONJ", "ADP", "NUM"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A named mention: its span, the model's label (after corrections) and, for people, a role."""

    start: int
    end: int
    text: str
    label: str
    role: str | None = None


def find_mentions(doc) -> list[Mention]:
    """Named mentions of a parsed article, corrected, in text order."""
    text = doc.text
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        credit = _POSSESSIVE_CREDIT.match(ent.text)
        if credit:
            owner_end = start + credit.end("owner")
            mentions.append(Mention(start, owner_end, text[start:owner_end], "ORG"))
            p_start = start + credit.start("person")
            mentions.append(Mention(p_start, end, text[p_start:end], "PERSON"))
            continue
        mention = _trimmed(text, start, end, ent.label_)
        if mention is None:
            continue
        if mention.label == "PERSON":
            mention = replace(mention, role=_role(doc, ent))
        mentions.append(mention)
    return mentions


def _trimmed(text: str, start: int, end: int, label: str) -> Mention | None:
    span = text[start:end]
    lead = _LEADING.match(span)
    if lead:
        start += lead.end()
    span = text[start:end]
    trail = _TRAILING.search(span)
    if trail and end - start > len(trail.group(0)):
        end -= len(trail.group(0))
    span = text[start:end].strip()
    if not span or not any(ch.isupper() for ch in span):
        return None
    return Mention(start, start + len(span), span, label)


def _role(doc, ent) -> str | None:
    """The words before a name in its noun phrase: its title or job ("U.S. President")."""
    for chunk in doc.noun_chunks:
        if chunk.start <= ent.start < chunk.end:
            before = list(doc[chunk.start : ent.start])
            breaks = [i for i, t in enumerate(before) if "\n" in t.text_with_ws]
            if breaks:  # a noun phrase does not run across a paragraph break
                before = before[breaks[-1] + 1 :]
            tokens = [t for t in before if t.pos_ not in _ROLE_SKIP and t.dep_ != "poss" and not t.is_space]
            while tokens and tokens[0].pos_ in ("ADJ",) and tokens[0].text[0].islower():
                tokens.pop(0)  # "former" or "new" describe, they do not name a role
            if tokens:
                return " ".join(t.text for t in tokens)
            return None
    return None
