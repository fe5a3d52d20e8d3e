"""The storage interface, and the factory that picks a backend from a URL."""

from __future__ import annotations

import abc
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import StoreError
from storyline.records import Article

DEFAULT_DB = "storyline.db"


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the store holds it: the clean article plus its place in the store."""

    article: Article
    revision: int
    ingested_at: str
    sources: tuple[str, ...]
    analysis: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What saving one article did: ``new``, ``unchanged`` or ``revised`` (a new revision of a source)."""

    status: str
    article_id: str
    revision: int


class Store(abc.ABC):
    """Where articles, their raw input and their analysis live.

    Backends implement this interface; :func:`open_store` picks one from a URL.
    """

    @abc.abstractmethod
    def save(self, article: Article, raw: bytes, media_type: str, analysis: dict[str, object]) -> SaveOutcome:
        """Store one article with its raw input and analysis, all or nothing."""

    @abc.abstractmethod
    def save_failure(self, source: str, code: str, message: str, raw: bytes | None) -> None:
        """Record an input that could not be ingested, keeping its raw bytes when there are any."""

    @abc.abstractmethod
    def get(self, article_id: str) -> StoredArticle:
        """One article by ID (or unique ID prefix). Raises StoreError when there is none."""

    @abc.abstractmethod
    def raw(self, article_id: str) -> tuple[bytes, str]:
        """The raw input an article was made from, and its media type."""

    @abc.abstractmethod
    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        query: str | None = None,
        limit: int | None = None,
        current_only: bool = True,
    ) -> Iterator[StoredArticle]:
        """Articles, newest first, filtered by outlet, publication date range and full-text query."""

    @abc.abstractmethod
    def set_analysis(self, article: Article, analysis: dict[str, object]) -> None:
        """Replace an article's analysis results and the publication date the analysis inferred."""

    @abc.abstractmethod
    def relink_entities(self) -> int:
        """Rebuild the cross-article entities from every current article's entities; return how many."""

    @abc.abstractmethod
    def entities(self, *, kind: str | None = None, articles: list[str] | None = None, limit: int | None = None) -> list[dict]:
        """Entities with mention and article counts, most mentioned first."""

    @abc.abstractmethod
    def entity(self, name: str) -> dict:
        """One entity by name or alias, with the articles that mention it."""

    @abc.abstractmethod
    def unassigned(self) -> list[str]:
        """IDs of current articles in no story yet, in ingest order."""

    @abc.abstractmethod
    def story_state(self) -> dict[str, object]:
        """Term frequencies (``terms``), merges (``merges``) and assignments in order (``assignments``)."""

    @abc.abstractmethod
    def save_assignments(self, rows: list[tuple], terms: dict[str, int], merges: list[tuple[str, str]]) -> None:
        """Keep a batch of story assignments with the term counts and merges they made."""

    @abc.abstractmethod
    def save_signatures(self, rows: list[tuple[str, bytes, int, int]]) -> None:
        """Replace articles' signatures: (article, signature, shingles, scheme)."""

    @abc.abstractmethod
    def stories(self, *, limit: int | None = None) -> list[dict]:
        """Stories of current articles, newest first, each with its articles earliest first."""

    @abc.abstractmethod
    def count(self) -> int:
        """How many current articles the store holds."""

    def bulk(self):
        """A context in which the backend may group saves into fewer commits (each save stays atomic)."""
        return contextlib.nullcontext()

    @abc.abstractmethod
    def close(self) -> None:
        """Release the store."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(url: str | None = None) -> Store:
    """Open the store a URL names.

    ``None`` gives ``storyline.db`` in the working directory; a plain path or ``sqlite:///path``
    gives that SQLite file.

    Raises:
        StoreError: the URL names a backend storyline does not have, or the file is not a store.
    """
    url = url or DEFAULT_DB
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
    elif "://" in url:
        scheme = url.split("://", 1)[0]
        raise StoreError(url, f"no storage backend for '{scheme}://'", "use a file path or sqlite:///path")
    else:
        path = url
    from storyline.store.sqlite import SQLiteStore

    return SQLiteStore(Path(path))
