"""Reading ECB+ (CAT XML): documents as text, their gold mentions, and cross-document chains.

Text is the tokens of each sentence joined with spaces, one sentence per line. In ``*ecbplus.xml``
files sentence 0 is the source URL and gives the label away: it is dropped, with the mentions in it.
A gold chain is the instance id (the ``note``) of a CROSS_DOC_COREF relation; an entity mention in
none is a chain of its own. ``events`` lists, per sentence, the cross-document chains of the event
mentions (ACTION_*, NEG_ACTION_*) in it: two sentences of different documents report the same event
when they share one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import FormatError, InputError

DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
ENTITY_TAGS = frozenset({"HUMAN_PART_PER", "HUMAN_PART_ORG", "HUMAN_PART_GPE", "HUMAN_PART_FAC", "LOC_FAC", "LOC_GEO", "LOC_OTHER"})


@dataclass(frozen=True, slots=True)
class GoldMention:
    doc: str
    start: int
    end: int
    text: str
    tag: str
    chain: str
    sentence: int
    named: bool


@dataclass(frozen=True, slots=True)
class EcbDocument:
    name: str
    topic: int
    subtopic: str  # "ecb" or "ecbplus": the seminal event; the story label is topic + subtopic
    text: str
    sentences: tuple[tuple[int, int, int], ...]  # (sentence number, start, end)
    mentions: tuple[GoldMention, ...]
    events: tuple[tuple[int, str], ...] = ()     # (sentence number, cross-document event chain) of event mentions

    @property
    def story(self) -> str:
        return f"{self.topic}_{self.subtopic}"


def read_document(path: Path) -> EcbDocument:
    """One ECB+ file.

    Raises:
        FormatError: the file is not ECB+ CAT XML.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise FormatError(str(path), f"is not well-formed XML ({exc})") from None
    match = re.match(r"(\d+)_\d+(ecbplus|ecb)\.xml$", path.name)
    if root.tag != "Document" or match is None:
        raise FormatError(str(path), "is not an ECB+ document (expected <Document> in a file named TOPIC_Necb[plus].xml)")
    topic, subtopic = int(match[1]), match[2]
    drop_first = subtopic == "ecbplus"
    tokens: dict[str, tuple[int, int, int, str]] = {}
    pieces, sentences, position = [], [], 0
    current, sentence_start = None, 0
    for token in root.iter("token"):
        sentence = int(token.get("sentence"))
        if drop_first and sentence == 0:
            continue
        if sentence != current:
            if current is not None:
                sentences.append((current, sentence_start, position))
                pieces.append("\n")
                position += 1
            current, sentence_start = sentence, position
        elif pieces and pieces[-1] != "\n":
            pieces.append(" ")
            position += 1
        word = token.text or ""
        tokens[token.get("t_id")] = (position, position + len(word), sentence, word)
        pieces.append(word)
        position += len(word)
    if current is not None:
        sentences.append((current, sentence_start, position))
    text = "".join(pieces)
    lowercase_words = {w for w in re.findall(r"[a-z]+", text)}
    chains = {}
    for relation in root.iter("CROSS_DOC_COREF"):
        for source in relation.iter("source"):
            chains[source.get("m_id")] = relation.get("note")
    mentions, events = [], set()
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        if markable.tag.startswith(("ACTION", "NEG_ACTION")) and markable.get("m_id") in chains:
            anchored = [tokens[a.get("t_id")][2] for a in markable.iter("token_anchor") if a.get("t_id") in tokens]
            if anchored:
                events.add((anchored[0], chains[markable.get("m_id")]))
            continue
        if markable.tag not in ENTITY_TAGS:
            continue
        anchors = [tokens[a.get("t_id")] for a in markable.iter("token_anchor") if a.get("t_id") in tokens]
        if not anchors:
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        sentence = anchors[0][2]
        chain = chains.get(markable.get("m_id"), f"{path.name}#{markable.get('m_id')}")
        mentions.append(GoldMention(path.name, start, end, text[start:end], markable.tag, chain, sentence,
                                    _is_name([a[3] for a in sorted(anchors)], lowercase_words)))
    return EcbDocument(path.name, topic, subtopic, text, tuple(sentences), tuple(sorted(mentions, key=lambda m: m.start)),
                       tuple(sorted(events)))


def _is_name(words: list[str], lowercase_words: set[str]) -> bool:
    """A mention is a name when one of its words is a proper noun: capitalised, and never written
    in lower case anywhere in the document. Headline words ("Driver Charged", "GRANDMOTHER")
    and the pronoun "I" are not names."""
    for word in words:
        if not word[:1].isupper() or word.casefold() in _PRONOUNS or word.startswith(("I'", "I’")):
            continue
        if word.casefold() not in lowercase_words:
            return True
    return False


_PRONOUNS = frozenset("i he she it we they you him her them his its their our my me us".split())


def analyse_documents(documents: list[EcbDocument], progress=None) -> list[tuple]:
    """Clean and analyse each document as ingest would a plain-text article.

    Returns:
        (Article, analysis outputs) per document, in order. ``progress`` is called with 1 after each.
    """
    from storyline.analyse import Context, analyse, default_stages
    from storyline.clean.article import build_article
    from storyline.records import RawDocument

    context, stages, analysed = Context.current(), default_stages(), []
    for document in documents:
        article = build_article(RawDocument(document.name, document.text.encode("utf-8"), "text/plain"))
        analysed.append(analyse(article, stages, context))
        if progress:
            progress(1)
    return analysed


def read_corpus(directory: Path, topics: set[int] | frozenset[int] | None = None) -> list[EcbDocument]:
    """The ECB+ documents below a folder, optionally only some topics, in a stable order."""
    files = sorted(directory.rglob("*.xml"), key=lambda p: (int(p.parent.name) if p.parent.name.isdigit() else 0, p.name))
    if not files:
        raise InputError(str(directory), "holds no ECB+ .xml files", "give ../shared/eval/stories/ecbplus/ECB+")
    documents = []
    for path in files:
        match = re.match(r"(\d+)_", path.name)
        if topics is not None and (match is None or int(match[1]) not in topics):
            continue
        documents.append(read_document(path))
    return documents
