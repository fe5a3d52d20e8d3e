"""Articles and stores as the JSON that ../shared/CONTRACT.md promises."""

from __future__ import annotations

from collections.abc import Iterator

from storyline.errors import StorylineError
from storyline.records import Article
from storyline.store.base import Store


def extract_record(path: str, article: Article | None, analysis: dict[str, object] | None = None,
                   error: StorylineError | None = None) -> dict[str, object]:
    """One ``storyline extract`` object: metadata, text and analysis of an article, or its error."""
    analysis = analysis or {}
    if article is None:
        return {
            "path": path, "title": None, "outlet": None, "published": None, "published_source": None,
            "text": "", "quotes": [], "timexes": [], "entities": [],
            "error": error.as_dict() if error else {"code": "error", "message": f"{path}: no article"},
        }
    return {
        "path": path,
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "authors": list(article.authors),
        "language": article.language,
        "published": article.published,
        "published_source": article.published_source,
        "published_confidence": article.published_confidence,
        "text": article.text,
        "captions": [{"text": c.text, "credit": c.credit} for c in article.captions],
        "headings": list(article.headings),
        "repeated": [list(pair) for pair in article.repeated],
        "quotes": analysis.get("quotes", []),
        "timexes": analysis.get("timexes", []),
        "entities": analysis.get("entities", []),
        "events": analysis.get("events", []),
        "warnings": list(article.warnings),
        "error": None,
    }


def export_stories(store: Store) -> Iterator[dict[str, object]]:
    """The store's stories per the contract. Until story clustering lands, each article is its own story."""
    for stored in store.articles():
        article = stored.article
        yield {
            "id": "s-" + article.id,
            "title": article.title,
            "articles": [{
                "id": article.id,
                "path": stored.sources[-1] if stored.sources else article.source,
                "paths": list(stored.sources),
                "outlet": article.outlet,
                "published": article.published,
            }],
            "timeline": [],
            "quotes": [],
            "claims": [],
        }
