"""Articles and stores as the JSON that ../shared/CONTRACT.md promises."""

from __future__ import annotations

from collections.abc import Iterator

from storyline.errors import StoreError, StorylineError
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
    """The store's stories per the contract: every current article in exactly one story."""
    for story in store.stories():
        record = story_record(store, story)
        yield {
            "id": record["id"],
            "title": record["title"],
            "articles": [{k: a[k] for k in ("id", "path", "paths", "outlet", "published", "copy_of")} for a in record["articles"]],
            "sources": record["sources"],
            **record["dossier"],
        }


def find_story(store: Store, story_id: str) -> dict:
    """One story by ID, unique ID prefix, or the ID of a story merged into it.

    Raises:
        StoreError: no story, or several, match.
    """
    stories = store.stories()
    exact = [s for s in stories if s["id"] == story_id or story_id in s["merged"]]
    found = exact or [s for s in stories if s["id"].startswith(story_id) or s["id"].startswith("s-" + story_id)]
    if not found:
        raise StoreError(story_id, "no story has this ID", "list them with `storyline stories`")
    if len(found) > 1:
        raise StoreError(story_id, f"is the start of {len(found)} story IDs", "give more characters")
    return found[0]


def story_record(store: Store, story: dict) -> dict[str, object]:
    """A story with its articles' paths and copy structure: ``originals`` each with their ``copies``."""
    from storyline.dossier.build import Source, build_dossier

    articles, sources = [], []
    by_group: dict[str, list[dict]] = {}
    for member in story["articles"]:
        stored = store.get(member["id"])
        sources.append(Source(member["id"], member["outlet"], member["published"], member["copy_group"],
                              stored.article.text, dict(stored.analysis)))
        entry = {
            "id": member["id"], "title": member["title"], "outlet": member["outlet"], "published": member["published"],
            "path": stored.sources[-1] if stored.sources else stored.article.source, "paths": list(stored.sources),
            "copy_group": member["copy_group"], "score": member["score"],
        }
        articles.append(entry)
        by_group.setdefault(member["copy_group"], []).append(entry)
    originals = []
    for group in by_group.values():
        original, *copies = group  # earliest first (the store orders by date, then ingest time)
        original["copy_of"] = None
        for copy in copies:
            copy["copy_of"] = original["id"]
        originals.append({**original, "copies": copies})
    return {
        **_overview(story),
        "merged": story["merged"],
        "articles": articles,
        "originals": originals,
        "dossier": build_dossier(sources),
    }


def story_summaries(store: Store, limit: int | None = None) -> list[dict[str, object]]:
    """One line per story for ``storyline stories``: newest first."""
    return [_overview(story) for story in store.stories(limit=limit)]


def _overview(story: dict) -> dict[str, object]:
    """What a story is at a glance: its title (the earliest titled article's), dates, articles,
    independent sources (copy groups) and outlets."""
    members = story["articles"]
    return {
        "id": story["id"],
        "title": next((a["title"] for a in members if a["title"]), None),
        "dates": _span(story["first"], story["last"]),
        "articles": len(members),
        "sources": len({a["copy_group"] for a in members}),
        "outlets": sorted({a["outlet"] for a in members if a["outlet"]}),
    }


def _span(first: str | None, last: str | None) -> str | None:
    if not first:
        return None
    return first if first == last else f"{first} – {last}"
