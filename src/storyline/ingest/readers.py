"""Readers: paths, directories, gzip, JSON, JSON Lines, feeds, URLs and standard input to raw documents.

A reader yields one result per article: a :class:`RawDocument`, or a :class:`StorylineError` for an
input (or one item of a container) that could not be read. Yielding errors rather than raising them
lets a batch carry on past a bad file while keeping each failure with the input it belongs to.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.errors import EmptyInputError, FormatError, InputError, StorylineError, TooLargeError
from storyline.ingest.decode import decode_text
from storyline.records import RawDocument

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
"""No single article is larger than this; a bigger file is refused rather than read whole."""

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES

JSON_FIELDS = ("url", "title", "outlet", "published", "authors", "text", "html")

Result = RawDocument | StorylineError


def read_inputs(inputs: Iterable[str], max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Result]:
    """Read every input named on a command line, in order.

    Args:
        inputs: paths, directories (read recursively, in sorted order), URLs, or ``-`` for stdin.
        max_bytes: the largest single article accepted.

    Yields:
        One :class:`RawDocument` per article found, or the error for an input that failed.
    """
    for name in inputs:
        if name == "-":
            yield from _read_stream(sys.stdin.buffer, "-", max_bytes)
        elif name.startswith(("http://", "https://")):
            yield from _read_url(name, max_bytes)
        else:
            path = Path(name)
            if path.is_dir():
                yield from _read_directory(path, max_bytes)
            else:
                yield from read_path(path, max_bytes)


def _read_directory(directory: Path, max_bytes: int) -> Iterator[Result]:
    found = False
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            path = Path(root) / file
            if file.startswith(".") or _suffix(path) not in KNOWN_SUFFIXES:
                continue
            found = True
            yield from read_path(path, max_bytes)
    if not found:
        yield EmptyInputError(str(directory), "the directory holds no article files", "known endings: " + " ".join(sorted(KNOWN_SUFFIXES)) + ", and .gz of these")


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def read_path(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Result]:
    """Read one file (possibly gzipped) into raw documents."""
    source = str(path)
    try:
        size = path.stat().st_size
        handle = open(path, "rb")
    except FileNotFoundError:
        yield InputError(source, "no such file or directory")
        return
    except PermissionError:
        yield InputError(source, "permission denied", "check the file's read permission")
        return
    except OSError as exc:
        yield InputError(source, f"cannot be opened: {exc.strerror or exc}")
        return
    with handle:
        gzipped = path.suffix.lower() == ".gz" or handle.read(2) == b"\x1f\x8b"
        handle.seek(0)
        stream = gzip.GzipFile(fileobj=handle) if gzipped else handle
        kind = _suffix(path)
        if kind in JSON_SUFFIXES:
            yield from _read_json(stream, source, max_bytes)
            return
        if not gzipped and size > max_bytes:
            yield _too_large(source, size, max_bytes)
            return
        try:
            data = _read_limited(stream, source, max_bytes)
        except StorylineError as exc:
            yield exc
            return
    yield from _classify(data, source, kind)


def _read_limited(stream, source: str, max_bytes: int) -> bytes:
    try:
        data = stream.read(max_bytes + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise FormatError(source, f"is a damaged or truncated gzip file ({exc})") from None
    except OSError as exc:
        raise InputError(source, f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise _too_large(source, None, max_bytes)
    return data


def _too_large(source: str, size: int | None, max_bytes: int) -> TooLargeError:
    what = f"is {size / 1e6:.1f} MB" if size is not None else "is larger than the limit"
    return TooLargeError(source, f"{what}; one article is at most {max_bytes / 1e6:.1f} MB", "split it, or raise the limit with --max-bytes")


def _read_stream(stream, source: str, max_bytes: int) -> Iterator[Result]:
    try:
        data = _read_limited(stream, source, max_bytes)
    except StorylineError as exc:
        yield exc
        return
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            yield FormatError(source, f"is a damaged or truncated gzip stream ({exc})")
            return
    yield from _classify(data, source, "")


def _read_url(url: str, max_bytes: int) -> Iterator[Result]:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "storyline/0.1"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            data = _read_limited(response, url, max_bytes)
    except StorylineError as exc:
        yield exc
        return
    except urllib.error.HTTPError as exc:
        yield InputError(url, f"the server answered HTTP {exc.code} {exc.reason}")
        return
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        yield InputError(url, f"cannot be fetched: {reason}", "is there a network? save the page and give the file instead")
        return
    kind = ".html"
    yield from (
        doc if isinstance(doc, StorylineError) else _with_field(doc, "url", url)
        for doc in _classify(data, url, kind)
    )


def _with_field(doc: RawDocument, name: str, value: object) -> RawDocument:
    fields = tuple((k, v) for k, v in doc.fields if k != name) + ((name, value),)
    return replace(doc, fields=fields)


def _classify(data: bytes, source: str, kind: str) -> Iterator[Result]:
    """Decide what bytes are (by file ending, then by content) and yield the documents in them."""
    try:
        text, encoding, warnings = decode_text(data, source)
    except StorylineError as exc:
        yield exc
        return
    head = text.lstrip("\ufeff \t\r\n")[:1000].lower()
    if kind in JSON_SUFFIXES or (not kind and head[:1] in "{["):
        yield from _read_json_text(text, source, data)
        return
    if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
        from storyline.ingest.feeds import read_feed

        yield from read_feed(data, source)
        return
    if kind in FEED_SUFFIXES and "<html" not in head:
        yield FormatError(source, "is not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> element near the start)")
        return
    if kind in HTML_SUFFIXES or kind in FEED_SUFFIXES or (not kind and ("<html" in head or "<!doctype html" in head or "<body" in head)):
        yield RawDocument(source, data, "text/html", encoding=encoding, warnings=warnings, text=text)
        return
    yield RawDocument(source, data, "text/plain", encoding=encoding, warnings=warnings, text=text)


def _read_json(stream, source: str, max_bytes: int) -> Iterator[Result]:
    """Stream a JSON Lines file one line at a time; a whole-JSON file is read at once."""
    try:
        first = stream.read(1)
        while first in (b" ", b"\n", b"\r", b"\t", b"\xef", b"\xbb", b"\xbf"):
            first = stream.read(1)
        if first == b"[":
            data = b"[" + _read_limited(stream, source, max_bytes * 10)
            yield from _read_json_text(data.decode("utf-8", "replace"), source, data)
            return
        if not first:
            yield EmptyInputError(source, "the input is empty")
            return
        line_number = 0
        pending = first
        for line in stream:
            line_number += 1
            yield from _json_line(pending + line, source, line_number, max_bytes)
            pending = b""
        if pending:
            yield from _json_line(pending, source, 1, max_bytes)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield FormatError(source, f"is a damaged or truncated gzip file ({exc}); the lines before the damage were read")


def _json_line(line: bytes, source: str, number: int, max_bytes: int) -> Iterator[Result]:
    item_source = f"{source}#{number}"
    if not line.strip():
        return
    if len(line) > max_bytes:
        yield _too_large(item_source, len(line), max_bytes)
        return
    try:
        value = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
        yield FormatError(item_source, f"line {number} is not valid JSON ({reason})")
        return
    yield _json_item(value, item_source, line.strip())


def _read_json_text(text: str, source: str, data: bytes) -> Iterator[Result]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        # Not one JSON document: perhaps JSON Lines without the ending.
        lines = text.splitlines()
        for number, line in enumerate(lines, 1):
            yield from _json_line(line.encode("utf-8"), source, number, MAX_ARTICLE_BYTES)
        return
    items = value if isinstance(value, list) else [value]
    if len(items) == 1 and not isinstance(value, list):
        yield _json_item(items[0], source, data.strip())
        return
    for number, item in enumerate(items, 1):
        yield _json_item(item, f"{source}#{number}", json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def _json_item(value: object, source: str, raw: bytes) -> Result:
    if not isinstance(value, dict):
        return FormatError(source, f"holds a JSON {type(value).__name__}, not an object with 'text' or 'html'")
    text, html = value.get("text"), value.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        keys = ", ".join(sorted(value)) or "none"
        return FormatError(source, f"has neither a 'text' nor an 'html' string field (fields: {keys})")
    if not (text or html or "").strip():
        return EmptyInputError(source, "its 'text'/'html' field is empty")
    fields = tuple((key, value[key]) for key in JSON_FIELDS if value.get(key) is not None)
    return RawDocument(source, raw, "application/json", fields=fields, encoding="utf-8")
