"""The SQLite store: one file, WAL, schema migrations, an FTS5 index, one transaction per article."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from storyline.errors import StoreError
from storyline.records import Article, Caption, raw_id
from storyline.store.base import SaveOutcome, StoredArticle, Store

# Each entry moves the schema from version N to N+1; PRAGMA user_version records where a file is.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE raw_inputs (
        id TEXT PRIMARY KEY,            -- sha256 of the bytes as received
        media_type TEXT NOT NULL,
        data BLOB NOT NULL,             -- the bytes as received
        received_at TEXT NOT NULL
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,            -- hash of the normalised clean text
        raw_id TEXT NOT NULL REFERENCES raw_inputs(id),
        title TEXT, outlet TEXT, url TEXT, language TEXT,
        published TEXT, published_source TEXT,
        authors TEXT NOT NULL,          -- JSON list
        text TEXT NOT NULL,
        cleaning TEXT NOT NULL,         -- JSON: captions, headings, repeated, removed, warnings
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE sources (
        source TEXT NOT NULL,           -- path, URL or path#item the article was read from
        revision INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        raw_id TEXT NOT NULL REFERENCES raw_inputs(id),  -- the input as received at this revision
        latest INTEGER NOT NULL,        -- 1 for the newest revision of the source
        seen_at TEXT NOT NULL,
        PRIMARY KEY (source, revision)
    );
    CREATE INDEX sources_article ON sources(article_id, latest);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);
    CREATE TABLE analysis (
        article_id TEXT NOT NULL REFERENCES articles(id),
        stage TEXT NOT NULL,
        result TEXT NOT NULL,           -- JSON
        PRIMARY KEY (article_id, stage)
    );
    CREATE TABLE failures (
        source TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        raw_id TEXT REFERENCES raw_inputs(id),
        at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    """
    ALTER TABLE articles ADD COLUMN published_confidence REAL;  -- for an inferred date, 0 to 1
    """,
    """
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,            -- hash of the cross-article key
        key TEXT NOT NULL UNIQUE,       -- PERSON:first last, ORG:name key, ...
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases TEXT NOT NULL,          -- JSON list
        roles TEXT NOT NULL             -- JSON list
    );
    CREATE TABLE entity_articles (
        entity_id TEXT NOT NULL REFERENCES entities(id),
        article_id TEXT NOT NULL REFERENCES articles(id),
        mentions INTEGER NOT NULL,
        PRIMARY KEY (entity_id, article_id)
    );
    CREATE INDEX entity_articles_article ON entity_articles(article_id);
    CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
    """,
    """
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,            -- s- and the first 12 characters of its first article's ID
        created_at TEXT NOT NULL,
        merged_into TEXT REFERENCES stories(id)  -- set when a bridging article merged it into an older story
    );
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        seq INTEGER NOT NULL UNIQUE,    -- assignment order: the engine is rebuilt in this order
        story_id TEXT NOT NULL REFERENCES stories(id),
        copy_group TEXT NOT NULL,       -- the first article of its group of copies (itself if it copies none)
        score REAL,                     -- similarity it joined its story with; NULL: it founded the story
        signature BLOB NOT NULL,        -- MinHash, 128 little-endian uint32
        shingles INTEGER NOT NULL,
        vector TEXT NOT NULL,           -- JSON {feature: weight}; empty for a copy
        published TEXT                  -- the date clustering used (metadata or given), if any
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    CREATE INDEX story_articles_group ON story_articles(copy_group);
    CREATE TABLE story_terms (
        term TEXT PRIMARY KEY,
        df INTEGER NOT NULL             -- how many assigned articles (copies excepted) use the term
    ) WITHOUT ROWID;
    """,
    """
    ALTER TABLE story_articles ADD COLUMN persons TEXT;  -- JSON: the surnames it names and how often (the person check)
    """,
    """
    ALTER TABLE story_articles ADD COLUMN scheme INTEGER NOT NULL DEFAULT 1;  -- the shingle hashing that made the signature
    """,
)

_CURRENT = "EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id AND s.latest = 1)"


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class SQLiteStore(Store):
    """A store in one SQLite file (WAL mode, so readers never wait for an ingest)."""

    def __init__(self, path: Path):
        self.path = path
        self._bulk: _Bulk | None = None
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA cache_size=-65536")  # 64 MiB: the FTS index's pages stay in memory
            self.db.execute("PRAGMA temp_store=MEMORY")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(str(path), f"cannot be opened as a storyline store ({exc})", "give another --db path") from None

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(str(self.path), f"has schema version {version}, newer than this storyline knows ({len(MIGRATIONS)})", "upgrade storyline")
        for number in range(version, len(MIGRATIONS)):
            with self._transaction():
                for statement in _statements(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")

    def _transaction(self):
        if self._bulk is not None:
            return _BulkStep(self.db, self._bulk)
        return _Transaction(self.db)

    @contextlib.contextmanager
    def bulk(self, every: int = 500, seconds: float = 1.0):
        """Group many saves into few commits, committing only between two articles.

        Every commit holds whole articles, so a kill (or Ctrl-C) leaves a consistent store that lacks
        at most the last ``every`` articles or ``seconds`` of work; running the ingest again completes
        it. A store error rolls back the open group and ends the bulk. (No SAVEPOINT per article: FTS5
        flushes its pending index at each one, which tripled the cost of a save.)
        """
        if self._bulk is not None:
            yield
            return
        self._bulk = _Bulk(every, seconds)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except sqlite3.Error:
            self.db.execute("ROLLBACK")
            raise
        except BaseException:
            self.db.execute("COMMIT")  # an interruption between articles: keep what is whole
            raise
        else:
            self.db.execute("COMMIT")
        finally:
            self._bulk = None

    def save(self, article: Article, raw: bytes, media_type: str, analysis: dict[str, object]) -> SaveOutcome:
        now = _now()
        with self._transaction():
            latest = self.db.execute(
                "SELECT article_id, revision FROM sources WHERE source = ? AND latest = 1", (article.source,)
            ).fetchone()
            if latest is not None and latest[0] == article.id:
                return SaveOutcome("unchanged", article.id, latest[1])
            rid = self._save_raw(raw, media_type, now, article.raw_id)
            inserted = self.db.execute(
                    "INSERT OR IGNORE INTO articles (id, raw_id, title, outlet, url, language, published, published_source,"
                    " published_confidence, authors, text, cleaning, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id, rid, article.title, article.outlet, article.url, article.language,
                        article.published, article.published_source, article.published_confidence, json.dumps(list(article.authors)),
                        article.text, json.dumps(_cleaning(article), ensure_ascii=False), now,
                    ),
                ).rowcount
            known = inserted == 0
            if not known:
                self._write_analysis(article.id, analysis)
            revision = 1
            if latest is not None:
                revision = latest[1] + 1
                self.db.execute("UPDATE sources SET latest = 0 WHERE source = ?", (article.source,))
            self.db.execute(
                "INSERT INTO sources (source, revision, article_id, raw_id, latest, seen_at) VALUES (?, ?, ?, ?, 1, ?)",
                (article.source, revision, article.id, rid, now),
            )
        status = "revised" if latest is not None else ("duplicate" if known else "new")
        return SaveOutcome(status, article.id, revision)

    def _save_raw(self, raw: bytes, media_type: str, now: str, rid: str | None = None) -> str:
        rid = rid or raw_id(raw)
        self.db.execute(
            "INSERT OR IGNORE INTO raw_inputs (id, media_type, data, received_at) VALUES (?, ?, ?, ?)",
            (rid, media_type, raw, now),
        )
        return rid

    def _write_analysis(self, article_id: str, analysis: dict[str, object]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO analysis (article_id, stage, result) VALUES (?, ?, ?)",
            [(article_id, stage, json.dumps(result, ensure_ascii=False)) for stage, result in analysis.items()],
        )

    def save_failure(self, source: str, code: str, message: str, raw: bytes | None) -> None:
        with self._transaction():
            rid = self._save_raw(raw, "application/octet-stream", _now()) if raw else None
            self.db.execute(
                "INSERT INTO failures (source, code, message, raw_id, at) VALUES (?, ?, ?, ?, ?)",
                (source, code, message, rid, _now()),
            )

    def set_analysis(self, article: Article, analysis: dict[str, object]) -> None:
        with self._transaction():
            self.db.execute(
                "UPDATE articles SET published = ?, published_source = ?, published_confidence = ? WHERE id = ?",
                (article.published, article.published_source, article.published_confidence, article.id),
            )
            self._write_analysis(article.id, analysis)

    def get(self, article_id: str) -> StoredArticle:
        prefix = article_id.lower()
        # (A range on the key, not LIKE: LIKE with a parameter scans the whole table, once per lookup.)
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM articles a WHERE a.id >= ? AND a.id < ? LIMIT 2", (prefix, prefix + "\uffff")
        ).fetchall()
        if not rows:
            raise StoreError(article_id, "no stored article has this ID", "list IDs with `storyline articles`")
        if len(rows) > 1:
            raise StoreError(article_id, "more than one article ID starts with this", "give more characters of the ID")
        return self._stored(rows[0])

    def raw(self, article_id: str) -> tuple[bytes, str]:
        stored = self.get(article_id)
        row = self.db.execute("SELECT data, media_type FROM raw_inputs WHERE id = ?", (stored.article.raw_id,)).fetchone()
        return bytes(row[0]), row[1]

    def articles(self, *, outlet=None, since=None, until=None, query=None, limit=None, current_only=True) -> Iterator[StoredArticle]:
        where, params = [], []
        if current_only:
            where.append(_CURRENT)
        if outlet:
            where.append("a.outlet = ? COLLATE NOCASE")
            params.append(outlet)
        if since:
            where.append("a.published >= ?")
            params.append(since)
        if until:
            where.append("a.published <= ?")
            params.append(until)
        if query:
            where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(_fts_query(query))
        sql = f"SELECT {_COLUMNS} FROM articles a"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published IS NULL, a.published DESC, a.ingested_at DESC, a.rowid DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        try:
            rows = self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(query or "query", f"is not a valid search ({exc})") from None
        for row in rows:
            yield self._stored(row)

    def relink_entities(self) -> int:
        """Rebuild the store's entities from every current article's ``entities``; returns how many."""
        from storyline.analyse.entities.linking import link_entities

        rows = self.db.execute(
            f"SELECT n.article_id, n.result FROM analysis n JOIN articles a ON a.id = n.article_id"
            f" WHERE n.stage = 'entities' AND {_CURRENT}"
        ).fetchall()
        linked = link_entities((article_id, json.loads(result)) for article_id, result in rows)
        with self._transaction():
            self.db.execute("DELETE FROM entity_articles")
            self.db.execute("DELETE FROM entities")
            for entity in linked:
                entity_id = raw_id(entity.key.encode("utf-8"))[:16]
                roles = sorted({r.casefold(): r for _a, identity in entity.members for r in identity.get("roles", [])}.values())
                self.db.execute("INSERT INTO entities (id, key, name, type, aliases, roles) VALUES (?, ?, ?, ?, ?, ?)",
                                (entity_id, entity.key, entity.name, entity.type, json.dumps(entity.aliases), json.dumps(roles)))
                counts: dict[str, int] = {}
                for article_id, identity in entity.members:
                    counts[article_id] = counts.get(article_id, 0) + len(identity["mentions"])
                self.db.executemany("INSERT INTO entity_articles (entity_id, article_id, mentions) VALUES (?, ?, ?)",
                                    [(entity_id, a, n) for a, n in counts.items()])
        return len(linked)

    def entities(self, *, kind: str | None = None, articles: list[str] | None = None, limit: int | None = None) -> list[dict]:
        """Entities with their mention and article counts, the most mentioned first."""
        where, params = [], []
        if kind:
            where.append("e.type = ?")
            params.append(kind.upper())
        if articles is not None:
            where.append(f"ea.article_id IN ({','.join('?' * len(articles))})")
            params.extend(articles)
        sql = ("SELECT e.id, e.name, e.type, e.aliases, e.roles, SUM(ea.mentions), COUNT(DISTINCT ea.article_id)"
               " FROM entities e JOIN entity_articles ea ON ea.entity_id = e.id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " GROUP BY e.id ORDER BY SUM(ea.mentions) DESC, e.name" + (f" LIMIT {int(limit)}" if limit else ""))
        return [{"id": i, "name": n, "type": t, "aliases": json.loads(a), "roles": json.loads(r), "mentions": m, "articles": c}
                for i, n, t, a, r, m, c in self.db.execute(sql, params)]

    def entity(self, name: str) -> dict:
        """One entity by name or alias (case-insensitive), with the articles that mention it.

        Raises:
            StoreError: no entity has that name, or several do.
        """
        rows = self.db.execute("SELECT id, name, type, aliases, roles FROM entities WHERE name = ? COLLATE NOCASE", (name,)).fetchall()
        if not rows:
            rows = [r for r in self.db.execute("SELECT id, name, type, aliases, roles FROM entities")
                    if name.casefold() in (a.casefold() for a in json.loads(r[3]))]
        if not rows:
            raise StoreError(name, "no entity has this name or alias", "list them with `storyline entities`")
        if len(rows) > 1:
            names = ", ".join(f"{r[1]} ({r[2]})" for r in rows[:5])
            raise StoreError(name, f"names {len(rows)} entities: {names}", "give the full name")
        entity_id, canonical, kind, aliases, roles = rows[0]
        articles = self.db.execute(
            "SELECT ea.article_id, ea.mentions FROM entity_articles ea JOIN articles a ON a.id = ea.article_id"
            " WHERE ea.entity_id = ? ORDER BY a.published, a.id", (entity_id,)).fetchall()
        return {"id": entity_id, "name": canonical, "type": kind, "aliases": json.loads(aliases), "roles": json.loads(roles),
                "articles": [(self.get(a), n) for a, n in articles]}

    def unassigned(self) -> list[str]:
        """Current articles that are in no story yet, in the order they were ingested."""
        return [a for (a,) in self.db.execute(
            f"SELECT a.id FROM articles a WHERE {_CURRENT} AND a.id NOT IN (SELECT article_id FROM story_articles)"
            " ORDER BY a.ingested_at, a.rowid")]

    def story_state(self) -> dict[str, object]:
        """What rebuilds the story engine: term frequencies, merges and every assignment in order."""
        return {
            "terms": dict(self.db.execute("SELECT term, df FROM story_terms")),
            "merges": self.db.execute("SELECT id, merged_into FROM stories WHERE merged_into IS NOT NULL").fetchall(),
            "assignments": self.db.execute(
                "SELECT article_id, story_id, copy_group, signature, shingles, scheme, vector, published, persons"
                " FROM story_articles ORDER BY seq"),
        }

    def save_assignments(self, rows: list[tuple], terms: dict[str, int], merges: list[tuple[str, str]]) -> None:
        """Keep a batch of story assignments, all or nothing.

        Args:
            rows: (article, story, copy group, score, signature, shingles, scheme, vector JSON,
                published, persons JSON) in order.
            terms: how many more articles use each term.
            merges: (story, the story it merged into).
        """
        now = _now()
        with self._transaction():
            seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM story_articles").fetchone()[0]
            self.db.executemany("INSERT OR IGNORE INTO stories (id, created_at) VALUES (?, ?)", [(r[1], now) for r in rows])
            self.db.executemany(
                "INSERT INTO story_articles (article_id, seq, story_id, copy_group, score, signature, shingles, scheme, vector,"
                " published, persons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(r[0], seq + i + 1, *r[1:]) for i, r in enumerate(rows)])
            self.db.executemany("INSERT INTO story_terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                                list(terms.items()))
            self.db.executemany("UPDATE stories SET merged_into = ? WHERE id = ?", [(into, story) for story, into in merges])

    def save_signatures(self, rows: list[tuple[str, bytes, int, int]]) -> None:
        """Replace articles' signatures: (article, signature, shingles, scheme)."""
        with self._transaction():
            self.db.executemany("UPDATE story_articles SET signature = ?, shingles = ?, scheme = ? WHERE article_id = ?",
                                [(signature, shingles, scheme, article) for article, signature, shingles, scheme in rows])

    def stories(self, *, limit: int | None = None) -> list[dict]:
        """Every story of current articles, newest first: its articles' IDs in order (earliest first),
        each with its copy group, and the stories merged into it."""
        live = self._live_stories()
        members: dict[str, list[tuple]] = {}
        for article_id, story, group, score, published, ingested, outlet, title in self.db.execute(
                "SELECT sa.article_id, sa.story_id, sa.copy_group, sa.score, a.published, a.ingested_at, a.outlet, a.title"
                f" FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE {_CURRENT} ORDER BY sa.seq"):
            members.setdefault(live(story), []).append((article_id, group, score, published, ingested, outlet, title))
        for (article_id,) in self.db.execute(
                f"SELECT a.id FROM articles a WHERE {_CURRENT} AND a.id NOT IN (SELECT article_id FROM story_articles)"):
            members.setdefault("s-" + article_id[:12], []).append((article_id, article_id, None, None, "", None, None))
        merged: dict[str, list[str]] = {}
        for story, into in self.db.execute("SELECT id, merged_into FROM stories WHERE merged_into IS NOT NULL"):
            merged.setdefault(live(into), []).append(story)
        out = []
        for story, rows in members.items():
            dates = sorted(r[3] for r in rows if r[3])
            out.append({
                "id": story,
                "articles": [{"id": r[0], "copy_group": r[1], "score": r[2], "published": r[3], "outlet": r[5], "title": r[6]}
                             for r in sorted(rows, key=lambda r: (r[3] or "9999", r[4]))],
                "first": dates[0] if dates else None,
                "last": dates[-1] if dates else None,
                "updated": max(r[4] for r in rows),
                "merged": sorted(merged.get(story, [])),
            })
        out.sort(key=lambda s: (s["last"] or "", s["updated"]), reverse=True)
        return out[:limit] if limit else out

    def _live_stories(self):
        merged_into = dict(self.db.execute("SELECT id, merged_into FROM stories WHERE merged_into IS NOT NULL"))

        def live(story: str) -> str:
            while story in merged_into:
                story = merged_into[story]
            return story
        return live

    def count(self) -> int:
        return self.db.execute(f"SELECT COUNT(*) FROM articles a WHERE {_CURRENT}").fetchone()[0]

    def failures(self) -> list[tuple[str, str, str]]:
        return self.db.execute("SELECT source, code, message FROM failures ORDER BY rowid").fetchall()

    def _stored(self, row) -> StoredArticle:
        (aid, rid, title, outlet, url, language, published, published_source, confidence, authors, text, cleaning,
         ingested_at) = row
        cleaned = json.loads(cleaning)
        sources = tuple(
            s for (s,) in self.db.execute("SELECT source FROM sources WHERE article_id = ? ORDER BY seen_at, source", (aid,))
        )
        revision = self.db.execute("SELECT MAX(revision) FROM sources WHERE article_id = ?", (aid,)).fetchone()[0]
        analysis = tuple(
            (stage, json.loads(result))
            for stage, result in self.db.execute("SELECT stage, result FROM analysis WHERE article_id = ? ORDER BY stage", (aid,))
        )
        article = Article(
            id=aid,
            source=sources[0] if sources else "",
            text=text,
            title=title,
            outlet=outlet,
            url=url,
            authors=tuple(json.loads(authors)),
            language=language,
            published=published,
            published_source=published_source,
            published_confidence=confidence,
            captions=tuple(Caption(**c) for c in cleaned["captions"]),
            headings=tuple(cleaned["headings"]),
            repeated=tuple(tuple(pair) for pair in cleaned["repeated"]),
            removed=tuple(cleaned["removed"]),
            raw_id=rid,
            warnings=tuple(cleaned["warnings"]),
        )
        return StoredArticle(article, revision or 1, ingested_at, sources, analysis)

    def close(self) -> None:
        self.db.close()


_COLUMNS = (
    "a.id, a.raw_id, a.title, a.outlet, a.url, a.language, a.published, a.published_source, a.published_confidence,"
    " a.authors, a.text, a.cleaning, a.ingested_at"
)


def _cleaning(article: Article) -> dict[str, object]:
    return {
        "captions": [asdict(c) for c in article.captions],
        "headings": list(article.headings),
        "repeated": [list(pair) for pair in article.repeated],
        "removed": list(article.removed),
        "warnings": list(article.warnings),
    }


def _fts_query(query: str) -> str:
    """Plain words are searched as words (all of them); FTS5 syntax is passed through when quoted or used."""
    if any(ch in query for ch in '"*():') or any(op in query.split() for op in ("AND", "OR", "NOT", "NEAR")):
        return query
    return " ".join('"' + word.replace('"', "") + '"' for word in query.split())


def _statements(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    leftover = "\n".join(current).strip()
    if leftover:
        raise ValueError(f"migration ends in an incomplete statement: {leftover[:80]}")
    return statements


class _Bulk:
    """Counts saves inside :meth:`SQLiteStore.bulk` and says when to commit."""

    def __init__(self, every: int, seconds: float):
        self.every, self.seconds = every, seconds
        self.pending, self.since = 0, time.monotonic()

    def due(self) -> bool:
        self.pending += 1
        if self.pending >= self.every or time.monotonic() - self.since >= self.seconds:
            self.pending, self.since = 0, time.monotonic()
            return True
        return False


class _BulkStep:
    """One article inside a bulk transaction: commits the group when it is due."""

    def __init__(self, db: sqlite3.Connection, bulk: _Bulk):
        self.db, self.bulk = db, bulk

    def __enter__(self):
        return self.db

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None and self.bulk.due():
            self.db.execute("COMMIT")
            self.db.execute("BEGIN IMMEDIATE")
        return False


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error: an article is stored whole or not at all."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
        return False
