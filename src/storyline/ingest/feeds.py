"""RSS and Atom feed files: one raw document per entry, with the fullest content the entry carries."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import feedparser

from storyline.errors import EmptyInputError, FormatError, StorylineError
from storyline.records import RawDocument


def read_feed(data: bytes, source: str) -> Iterator[RawDocument | StorylineError]:
    """Parse a feed and yield its entries as JSON-like raw documents.

    An entry's body is its ``content`` (full text, often HTML) when present, else its summary.
    A feed that feedparser finds malformed still yields the entries it could read, after one error.
    """
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed.bozo_exception, "getMessage", lambda: str(parsed.bozo_exception))()
        yield FormatError(source, f"is not a well-formed feed ({reason})")
        return
    if parsed.bozo:
        yield FormatError(source, f"is a malformed feed; read the {len(parsed.entries)} entries before the fault ({parsed.bozo_exception})")
    if not parsed.entries:
        yield EmptyInputError(source, "the feed has no entries")
        return
    feed_title = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        item_source = f"{source}#{number}"
        body, media = _entry_body(entry)
        if not body.strip():
            yield EmptyInputError(item_source, "the feed entry has no content or summary")
            continue
        fields: dict[str, object] = {"html" if "html" in media else "text": body}
        if entry.get("link"):
            fields["url"] = entry["link"]
        if entry.get("title"):
            fields["title"] = entry["title"]
        if feed_title:
            fields["outlet"] = feed_title
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        if published:
            fields["published"] = f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}"
        authors = _authors(entry)
        if authors:
            fields["authors"] = authors
        raw = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield RawDocument(item_source, raw, "application/json", fields=tuple(sorted(fields.items())), encoding="utf-8")


_RSS_AUTHOR = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^)]+)\)\s*$")


def _authors(entry) -> list[str]:
    """Author names. RSS writes "email (Name)"; feedparser splits that wrongly when the
    address has a long top-level domain, so the raw string is read first."""
    raw = entry.get("author") or ""
    match = _RSS_AUTHOR.match(raw)
    if match:
        return [match.group("name").strip()]
    return [a["name"] for a in entry.get("authors", []) if a.get("name") and "@" not in a["name"]]


def _entry_body(entry) -> tuple[str, str]:
    contents = entry.get("content") or []
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        return best.get("value", ""), best.get("type", "text/html")
    detail = entry.get("summary_detail") or {}
    return entry.get("summary", ""), detail.get("type", "text/html")
