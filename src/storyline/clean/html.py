"""HTML pages to body text and metadata, with trafilatura (precision mode) and htmldate."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from trafilatura.settings import use_config

from storyline.errors import EmptyInputError


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """What an HTML page gave: its body text (paragraphs one per line) and its metadata."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    language: str | None = None


def _config():
    config = use_config()
    # No per-page time-out thread (it costs more than it saves on single pages) and no minimum
    # size: short articles are articles too.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "10")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")
    return config


_CONFIG = _config()


_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "dd", "dt")


def fragment_text(html: str | bytes) -> str:
    """The text of an HTML fragment, one line per block element (or the whole text when it has none)."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for junk in root.xpath("//script|//style|//noscript"):
        junk.drop_tree()
    blocks = [" ".join(el.text_content().split()) for el in root.iter(*_BLOCKS) if not any(a.tag in _BLOCKS for a in el.iterancestors())]
    blocks = [b for b in blocks if b]
    return "\n".join(blocks) if blocks else " ".join(root.text_content().split())


def extract_html(html: str | bytes, source: str, url: str | None = None) -> HtmlExtract:
    """Extract the article body and metadata from an HTML page.

    trafilatura in precision mode leaves out more navigation and teaser text than its default
    (word-4-gram F1 0.973 against 0.962 on the 91 pages of the article-extraction benchmark here).

    Raises:
        EmptyInputError: the page has no article text.
    """
    document = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        config=_CONFIG,
    )
    text = document.text if document is not None else None
    if not text or not text.strip():
        # Feeds and JSON carry HTML fragments ("<p>One paragraph.</p>") with too little page
        # around them for trafilatura to find an article in: read their blocks directly.
        text = fragment_text(html)
    if not text.strip():
        raise EmptyInputError(source, "the HTML page holds no article text that could be extracted")
    if document is None:
        return HtmlExtract(text=text, url=url)
    authors = tuple(a.strip() for a in (document.author or "").split(";") if a.strip())
    return HtmlExtract(
        text=text,
        title=document.title or None,
        outlet=document.sitename or None,
        url=document.url or url,
        authors=authors,
        published=(document.date or None),
        language=getattr(document, "language", None) or None,
    )
