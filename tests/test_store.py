"""The SQLite store: idempotent ingest, revisions, no duplicates, raw input kept, crash safety."""

import json
import signal
import sqlite3
import subprocess
import time

import pytest
from conftest import STORYLINE

from storyline.errors import StoreError
from storyline.ingest.run import ingest
from storyline.store.base import open_store
from storyline.store.sqlite import MIGRATIONS

STORM = "Storm closes the coast road\n\nThe coast road near Brellan was closed on Sunday after a storm brought down trees, police said."
FAIR = "Brellan fair draws record crowd\n\nA record 40,000 visitors came to the Brellan summer fair on Saturday, organisers said."


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "s.db")) as opened:
        yield opened


def write(path, text):
    path.write_text(text)
    return str(path)


def test_reingest_is_a_no_op(tmp_path, store):
    (tmp_path / "in").mkdir()
    write(tmp_path / "in" / "storm.txt", STORM)
    write(tmp_path / "in" / "fair.txt", FAIR)
    first = ingest([str(tmp_path / "in")], store)
    second = ingest([str(tmp_path / "in")], store)
    assert (first.counts["new"], second.counts["unchanged"], second.counts["new"]) == (2, 2, 0)
    assert store.count() == 2
    assert store.db.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == 2
    assert store.db.execute("SELECT COUNT(*) FROM raw_inputs").fetchone()[0] == 2


def test_changed_content_is_a_new_revision(tmp_path, store):
    path = write(tmp_path / "storm.txt", STORM)
    ingest([path], store)
    write(tmp_path / "storm.txt", STORM + " The road reopened on Monday.")
    report = ingest([path], store)
    assert report.counts["revised"] == 1
    (current,) = list(store.articles())
    assert current.revision == 2 and current.article.text.endswith("reopened on Monday.")
    assert len(list(store.articles(current_only=False))) == 2  # the first revision is kept


def test_same_content_from_two_paths_is_stored_once(tmp_path, store):
    report = ingest([write(tmp_path / "a.txt", STORM), write(tmp_path / "b.txt", STORM.replace("  ", " ") + "\n")], store)
    assert (report.counts["new"], report.counts["duplicate"]) == (1, 1)
    (stored,) = list(store.articles())
    assert stored.sources == (str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))


def test_raw_input_is_kept_beside_clean_text(tmp_path, store):
    raw = "KI logo\n\n" + STORM + "\n\nSource link\n"
    ingest([write(tmp_path / "s.txt", raw)], store)
    (stored,) = list(store.articles())
    assert "Source link" not in stored.article.text
    assert store.raw(stored.article.id) == (raw.encode(), "text/plain")


def test_failures_are_recorded_with_their_bytes_and_the_batch_goes_on(tmp_path, store):
    write(tmp_path / "good.txt", STORM)
    (tmp_path / "bad.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "empty.txt").write_text("")
    report = ingest([str(tmp_path)], store)
    assert report.counts["new"] == 1 and report.failed == 2
    failures = store.failures()
    assert [(source.rsplit("/", 1)[1], code) for source, code, _ in failures] == [("bad.html", "empty"), ("empty.txt", "empty")]
    kept = store.db.execute("SELECT raw_id FROM failures WHERE source LIKE '%bad.html'").fetchone()[0]
    assert kept is not None  # the page that failed is not lost


def test_search_and_filters(tmp_path, store):
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in [
        {"text": STORM, "outlet": "Brellan Post", "published": "2024-06-02"},
        {"text": FAIR, "outlet": "Valley News", "published": "2024-07-14"},
    ]))
    ingest([str(path)], store)
    assert [s.article.outlet for s in store.articles()] == ["Valley News", "Brellan Post"]  # newest first
    assert [s.article.outlet for s in store.articles(query="storm trees")] == ["Brellan Post"]
    assert [s.article.outlet for s in store.articles(outlet="valley news")] == ["Valley News"]
    assert [s.article.outlet for s in store.articles(since="2024-07-01")] == ["Valley News"]
    assert [s.article.outlet for s in store.articles(until="2024-06-30")] == ["Brellan Post"]


def test_get_by_prefix_and_unknown_id(tmp_path, store):
    ingest([write(tmp_path / "s.txt", STORM)], store)
    (stored,) = list(store.articles())
    assert store.get(stored.article.id[:6]).article.id == stored.article.id
    with pytest.raises(StoreError, match="no stored article has this ID"):
        store.get("ffffffffff")


def test_schema_is_migrated_and_versioned(tmp_path):
    path = tmp_path / "v.db"
    open_store(str(path)).close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    columns = {row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(articles)")}
    assert "published_confidence" in columns  # added by the second migration
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    sqlite3.connect(path).execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer than this storyline knows"):
        open_store(str(path))


def test_not_a_store(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError, match="junk.db: cannot be opened as a storyline store"):
        open_store(str(path))


def test_unknown_backend():
    with pytest.raises(StoreError, match="no storage backend for 'mongodb://'"):
        open_store("mongodb://localhost/x")


def test_kill_9_mid_ingest_then_rerun_leaves_one_copy_of_each(tmp_path):
    count = 3000
    corpus = tmp_path / "big.jsonl"
    with corpus.open("w") as handle:
        for n in range(count):
            text = f"Report number {n} from the Brellan valley\n\nCouncil meeting {n} approved budget line {n * 7} on Tuesday, the clerk said."
            handle.write(json.dumps({"text": text, "outlet": f"Outlet {n % 13}"}) + "\n")
    db = tmp_path / "crash.db"
    process = subprocess.Popen([*STORYLINE, "ingest", "--db", str(db), str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            stored = sqlite3.connect(db, timeout=1).execute("SELECT COUNT(*) FROM sources").fetchone()[0]
        except sqlite3.Error:
            stored = 0
        if stored >= 500:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < stored < count, "the ingest should have been killed part-way"
    rerun = subprocess.run([*STORYLINE, "ingest", "--db", str(db), str(corpus)], capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == count
    assert check.execute("SELECT COUNT(*), COUNT(DISTINCT source) FROM sources").fetchone() == (count, count)
    assert check.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'brellan'").fetchone()[0] == count
