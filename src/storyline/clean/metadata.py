"""Article metadata from what the text and its container say: outlet, language, dates."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import py3langid

from storyline.clean import patterns as p

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def outlet_from_url(url: str | None) -> str | None:
    """The site's name from a URL: ``https://www.example-news.com/a/b`` gives ``example-news.com``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")
    return host or None


def outlet_from_body(paragraphs: tuple[str, ...] | list[str]) -> str | None:
    """An outlet named by the text itself: a wire dateline or a "per Outlet's Reporter" citation."""
    for paragraph in paragraphs[:3]:
        match = p.DATELINE_OUTLET.match(paragraph)
        if match:
            return match.group("outlet").strip()
    for paragraph in paragraphs:
        match = p.PER_OUTLET.search(paragraph) if "per " in paragraph else None
        if match:
            return match.group("outlet")
    return None


def outlet_from_logo(removed: tuple[str, ...]) -> str | None:
    """A site's logo line ("KI logo") names the site when nothing better does."""
    for line in removed[:3]:
        match = re.fullmatch(r"([\w&.'’ -]{1,30}?) logo", line, re.IGNORECASE)
        if match:
            return match.group(1).strip()
    return None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid, model shipped in the package).

    The first 200 characters decide: py3langid's cost grows with the text, and a few sentences
    settle the language of a news article.
    """
    sample = text[:200]
    if len(sample.split()) < 3:
        return None
    code, _score = py3langid.classify(sample)
    return code


def iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` from a date given in metadata (ISO strings, with or without a time), else None."""
    if value is None:
        return None
    match = _ISO_DATE.match(str(value).strip())
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None
