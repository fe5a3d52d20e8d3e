"""One raw document to one clean :class:`Article`: decode, extract, clean, gather metadata."""

from __future__ import annotations

from storyline.clean.html import extract_html
from storyline.clean.metadata import (
    detect_language,
    iso_date,
    outlet_from_body,
    outlet_from_logo,
    outlet_from_url,
)
from storyline.clean.text import clean_text
from storyline.errors import DecodeError, EmptyInputError
from storyline.ingest.decode import decode_text
from storyline.records import Article, RawDocument, content_id, raw_id


def build_article(raw: RawDocument, *, published: str | None = None, keep_text: bool = False) -> Article:
    """Turn a raw document into a clean article.

    Args:
        raw: the document as read.
        published: a publication date the user gives (``YYYY-MM-DD``); it wins over metadata.
        keep_text: keep the decoded input as ``text``, character for character (metadata is still
            found), so that offsets index the input itself.

    Raises:
        EmptyInputError: no article text is left after extraction and cleaning.
        DecodeError: the bytes are not text.
    """
    fields = dict(raw.fields)
    given_text = fields.get("text")
    given_html = fields.get("html")
    url = fields.get("url") if isinstance(fields.get("url"), str) else None
    meta_title = fields.get("title")
    meta_outlet = fields.get("outlet")
    meta_published = iso_date(fields.get("published"))
    meta_authors = fields.get("authors") or ()
    if isinstance(meta_authors, str):
        meta_authors = (meta_authors,)
    language = None
    warnings = raw.warnings

    if raw.media_type == "application/json":
        html = given_html if isinstance(given_html, str) and not isinstance(given_text, str) else None
        decoded = given_text if isinstance(given_text, str) else given_html
    elif raw.text is not None:
        decoded = raw.text
        html = decoded if raw.media_type == "text/html" else None
    else:
        decoded, _encoding, more = decode_text(raw.data, raw.source)
        warnings += tuple(w for w in more if w not in warnings)
        html = decoded if raw.media_type == "text/html" else None

    if html is not None:
        extract = extract_html(html, raw.source, url)
        cleaned = clean_text(extract.text, headline=False)
        meta_title = meta_title or extract.title
        meta_outlet = meta_outlet or extract.outlet
        meta_published = meta_published or iso_date(extract.published)
        meta_authors = meta_authors or extract.authors
        url = url or extract.url
        language = extract.language
    else:
        cleaned = clean_text(decoded)
    if not cleaned.paragraphs:
        raise EmptyInputError(raw.source, "nothing is left once site junk is removed: no article text")

    title = meta_title if isinstance(meta_title, str) and meta_title.strip() else cleaned.title
    outlet = (
        (meta_outlet if isinstance(meta_outlet, str) and meta_outlet.strip() else None)
        or (cleaned.outlet_credits[0] if cleaned.outlet_credits else None)
        or outlet_from_body(cleaned.paragraphs)
        or outlet_from_url(url)
        or outlet_from_logo(cleaned.removed)
    )
    text = cleaned.text
    if keep_text:
        if html is not None:
            raise DecodeError(raw.source, "--keep-text keeps plain text as it is; this input is HTML", "leave out --keep-text for HTML")
        text = decoded
    if published:
        published_value, published_source = published, "given"
    elif meta_published:
        published_value, published_source = meta_published, "metadata"
    else:
        published_value, published_source = None, None
    return Article(
        id=content_id(cleaned.text),
        source=raw.source,
        text=text,
        title=title.strip() if title else None,
        outlet=outlet.strip() if outlet else None,
        url=url,
        authors=tuple(dict.fromkeys(list(meta_authors) + list(cleaned.authors))),
        language=language or detect_language(cleaned.text),
        published=published_value,
        published_source=published_source,
        captions=cleaned.captions,
        headings=cleaned.headings,
        repeated=cleaned.repeated,
        removed=cleaned.removed,
        raw_id=raw_id(raw.data),
        warnings=warnings,
    )
