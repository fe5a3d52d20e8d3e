"""Plain records that flow between the stages: frozen, slotted, tuples not lists."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def content_id(text: str) -> str:
    """The stable ID of an article: a hash of its whitespace-folded, case-folded text.

    Two inputs that differ only in spacing or letter case get the same ID.

    >>> content_id("A  b\\n") == content_id("a b")
    True
    """
    folded = " ".join(text.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def raw_id(data: bytes) -> str:
    """The ID of raw input bytes (sha256, hex)."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as received, before cleaning.

    Attributes:
        source: where it came from: a path, a URL, ``-`` for standard input, or a path with a
            ``#N`` fragment for the N-th item of a JSON Lines file or feed (1-based).
        data: the bytes as received (for an item of a container, that item's own bytes).
        media_type: ``text/plain``, ``text/html`` or ``application/json`` (an item of a JSON file
            or a feed, already parsed into ``fields``).
        fields: metadata that came with the item (url, title, outlet, published, authors, text, html).
        encoding: the encoding the bytes were decoded with, once known.
        text: the decoded text, once known (so it is decoded once).
        warnings: things worth telling the user that did not stop the read.
    """

    source: str
    data: bytes
    media_type: str
    fields: tuple[tuple[str, object], ...] = ()
    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    text: str | None = None

    def field(self, name: str, default: object = None) -> object:
        for key, value in self.fields:
            if key == name:
                return value
        return default


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption or credit found in the input and kept out of the body."""

    text: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: the body every offset indexes, and its metadata.

    ``text`` holds the headline (when the input carried it as its first line) and the body
    paragraphs, separated by blank lines. ``headings`` and ``repeated`` index paragraphs of it.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    published: str | None = None
    published_source: str | None = None
    published_confidence: float | None = None
    captions: tuple[Caption, ...] = ()
    headings: tuple[int, ...] = ()
    repeated: tuple[tuple[int, int], ...] = ()
    removed: tuple[str, ...] = ()
    raw_id: str | None = None
    warnings: tuple[str, ...] = field(default=())
