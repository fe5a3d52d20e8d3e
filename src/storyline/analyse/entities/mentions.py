"""Named mentions from a spaCy Doc, with the corrections the small model needs.

- Possessive outlet credits are split: "Axios’ Barak Ravid" is the outlet Axios and the person
  Barak Ravid (the model reads the whole as a WORK_OF_ART).
- Determiners and possessive endings are peeled off ("the Pentagon" -> "Pentagon").
- A name after "Mr.", "Mrs.", "Ms." ... is a person's, whatever the model read it as.
- A name the model cut at a quoted nickname is whole again: 'Robert C. "Bobby" Scott'.
- In a title-case headline a person keeps only the words the article capitalises elsewhere
  ("Cruz Apologizes To Carson" names Cruz, not "Cruz Apologizes").
- Each person's role is the rest of the noun phrase before the name: "Chief Pentagon spokesperson
  Sean Parnell" gives Parnell the role "Chief Pentagon spokesperson".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_POSSESSIVE_CREDIT = re.compile(r"^(?P<owner>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})[’']s?\s+(?P<person>[A-Z][\w.-]+(?:\s[A-Z][\w.-]+){1,2})$")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
HONORIFIC = r"\b(Mr|Mrs|Ms|Miss|Sir|Lord|Dame|Lady|Madam)\.?\s+"
_HONORIFIC_BEFORE = re.compile(HONORIFIC + "$")
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
    headlines: _Headlines | None = None  # read when a person is first met
    ents = list(doc.ents)
    for k, ent in enumerate(ents):
        if ent.label_ not in NAME_LABELS or _nickname_opened(text, ents, k - 1):
            continue
        start, end = ent.start_char, ent.end_char
        if _nickname_opened(text, ents, k):
            end = ents[k + 1].end_char  # 'Robert C. "Bobby' + 'Scott': the model cuts at the nickname's closing mark
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
        if mention.label != "PERSON" and _HONORIFIC_BEFORE.search(text, max(0, mention.start - 7), mention.start):
            mention = replace(mention, label="PERSON")  # "Mr. Okonkwo-Laar", read as an organisation
        if mention.label == "PERSON":
            if headlines is None:
                headlines = _Headlines(text, ents)
            mention = headlines.person(mention)
            if mention is None:
                continue
            mention = replace(mention, role=_role(doc, ent))
        mentions.append(mention)
    return mentions


# A capitalised word inside a sentence (not its first), which the article writes as a name.
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,;)] )[A-Z][\w’'-]*")
_CALENDAR_WORDS = frozenset("january february march april may june july august september october november december "
                            "monday tuesday wednesday thursday friday saturday sunday".split())
_LONG_WORD = re.compile(r"\b[A-Za-z][\w’'-]{2,}")
_SMALL_WORDS = frozenset("the and but for nor yet via per off out".split())  # left lower-case in title case


class _Headlines:
    """Title-case lines ("Cruz Apologizes To Carson Over Iowa Caucus Rumor"), where the model takes
    capitalised words for names: a person named there keeps only its words, from the first on, that
    the rest of the article names or capitalises inside a sentence ("Cruz"); a name with none is
    dropped."""

    def __init__(self, text: str, ents):
        self.lines: list[tuple[int, int]] = []
        elsewhere: list[str] = []
        offset = 0
        for line in text.split("\n"):
            words = [w for w in _LONG_WORD.findall(line) if w not in _SMALL_WORDS]
            if len(words) >= 3 and all(w[0].isupper() for w in words):
                self.lines.append((offset, offset + len(line)))
            else:
                elsewhere.append(line)
            offset += len(line) + 1
        self.known: set[str] = set()
        if self.lines:
            self.known = {w for w in _MID_SENTENCE_CAPITAL.findall("\n".join(elsewhere)) if w.casefold() not in _CALENDAR_WORDS}
            self.known |= {w for ent in ents if not self._in_headline(ent.start_char) for w in ent.text.split()}

    def _in_headline(self, at: int) -> bool:
        return any(s <= at < e for s, e in self.lines)

    def person(self, mention: Mention) -> Mention | None:
        if not self._in_headline(mention.start):
            return mention
        kept = None
        for word in re.finditer(r"\S+", mention.text):
            if word.group().rstrip(".,") not in self.known:
                break
            kept = word.end()
        if kept is None:
            return None
        return replace(mention, end=mention.start + kept, text=mention.text[:kept])


def _nickname_opened(text: str, ents, k: int) -> bool:
    """Whether person ``k`` ends inside a quoted nickname the next person's name closes:
    'Robert C. "Bobby' then '" Scott'."""
    if k < 0 or k + 1 >= len(ents) or ents[k].label_ != "PERSON" or ents[k + 1].label_ != "PERSON":
        return False
    return sum(ents[k].text.count(m) for m in _NICKNAME_MARKS) % 2 == 1 and \
        _NICKNAME_CLOSE.fullmatch(text, ents[k].end_char, ents[k + 1].start_char) is not None


_NICKNAME_MARKS = ('"', "“", "”", "'", "‘", "’")
_NICKNAME_CLOSE = re.compile(r"[\"”'’]\s?")


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


_ROLE_DEPS = frozenset({"compound", "amod", "nmod", "nn", "flat", "npadvmod"})


def _role(doc, ent) -> str | None:
    """The words before a name that modify it: its title or job ("U.S. President").

    Walks left from the name while each word hangs (directly or through words already taken) on
    the name, so its cost is the role's length, not the document's; it stops at a determiner,
    punctuation or a paragraph break.
    """
    taken = set(range(ent.start, ent.end))
    index = ent.start - 1
    words = []
    while index >= 0:
        token = doc[index]
        if token.is_space or "\n" in token.text_with_ws or token.pos_ in _ROLE_SKIP or token.dep_ == "poss":
            break
        if token.dep_ not in _ROLE_DEPS or token.head.i not in taken:
            break
        taken.add(index)
        words.append(token)
        index -= 1
    words.reverse()
    while words and words[0].pos_ == "ADJ" and words[0].text[0].islower():
        words.pop(0)  # "former" or "new" describe, they do not name a role
    return " ".join(t.text for t in words) or None
