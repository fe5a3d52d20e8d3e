"""The command line: help on every command, the contract's fields, exit codes, one line per failure."""

import json

import pytest
from conftest import ROOT, run_cli
from typer.main import get_command

from storyline.cli import app

DEMO = ROOT / "demo" / "corpus"
CONTRACT_FIELDS = {"path", "title", "outlet", "published", "published_source", "text", "quotes", "timexes", "entities", "error"}


def all_commands(group=None, prefix=()):
    group = group or get_command(app)
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from all_commands(command, prefix + (name,))
        else:
            yield prefix + (name,), command


@pytest.mark.parametrize("path,command", list(all_commands()), ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_command_has_help_and_an_example(path, command):
    assert command.help and len(command.help) > 40
    assert "Example: storyline " + " ".join(path) in command.help


def test_extract_prints_contract_objects_in_input_order(tmp_path):
    (tmp_path / "missing.txt").unlink(missing_ok=True)
    files = [str(DEMO / "harbour-ledger-strike.txt"), str(tmp_path / "missing.txt"), str(DEMO / "meridian-post-strike.html")]
    done = run_cli("extract", "--published", "2024-03-13", *files)
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["path"] for r in records] == files
    assert all(CONTRACT_FIELDS <= set(r) for r in records)
    assert records[0]["published"] == "2024-03-13" and records[0]["published_source"] == "given"
    assert records[2]["published"] == "2024-03-13"  # given wins over the page's metadata
    assert records[1]["error"]["code"] == "unreadable"
    assert done.stderr.decode().count("error: ") == 1 and "missing.txt: no such file or directory" in done.stderr.decode()


def test_extract_reads_metadata_when_no_date_is_given():
    done = run_cli("extract", str(DEMO / "meridian-post-strike.html"))
    record = json.loads(done.stdout)
    assert (record["published"], record["published_source"], record["outlet"]) == ("2024-03-14", "metadata", "Meridian Post")
    assert record["authors"] == ["Oda Lindqvist"] and "Subscribe" not in record["text"]


def test_keep_text_keeps_the_input_character_for_character():
    path = DEMO / "valley-courier-republished.txt"
    record = json.loads(run_cli("extract", "--keep-text", str(path)).stdout)
    assert record["text"] == path.read_text()
    assert record["title"] is not None  # metadata is still found


def test_bad_published_date_is_refused():
    done = run_cli("extract", "--published", "2024-02-30", str(DEMO / "harbour-ledger-strike.txt"))
    assert done.returncode == 2 and "is not a calendar date" in done.stderr.decode()


def test_ingest_articles_show_export(tmp_path):
    db = str(tmp_path / "cli.db")
    done = run_cli("ingest", "--db", db, str(DEMO))
    assert done.returncode == 0, done.stderr
    assert "ingested: 8 new, 0 unchanged, 0 revised, 0 duplicate, 0 failed; the store holds 8 articles" in " ".join(done.stderr.decode().split())
    again = run_cli("ingest", "--db", db, str(DEMO))
    assert "0 new, 8 unchanged" in again.stderr.decode()

    listed = [json.loads(line) for line in run_cli("articles", "--db", db, "--format", "jsonl", "--outlet", "Eastbay Times").stdout.splitlines()]
    assert [a["published"] for a in listed] == ["2024-03-15", "2024-03-08"]
    found = [json.loads(line) for line in run_cli("articles", "--db", db, "--format", "jsonl", "-q", "breakwater").stdout.splitlines()]
    assert [a["outlet"] for a in found] == ["Harbour Ledger"]

    shown = run_cli("show", "--db", db, found[0]["id"][:8])
    assert shown.returncode == 0 and "Dock workers at the Port of Calvera walked off the job" in shown.stdout.decode()
    raw = run_cli("show", "--db", db, "--raw", found[0]["id"])
    assert raw.stdout == (DEMO / "harbour-ledger-strike.txt").read_bytes()
    assert run_cli("show", "--db", db, "0000000000").returncode == 1

    exported = json.loads(run_cli("export", "--db", db, "--format", "json").stdout)
    articles = [a for story in exported["stories"] for a in story["articles"]]
    assert len(articles) == 8 and len({a["id"] for a in articles}) == 8
    assert all({"id", "title", "articles", "timeline", "quotes", "claims"} <= set(s) for s in exported["stories"])
    assert all({"id", "path", "outlet", "published"} <= set(a) for a in articles)


def test_ingest_reports_each_failure_and_exits_1(tmp_path):
    (tmp_path / "ok.txt").write_text((DEMO / "northgate-wire-strike.txt").read_text())
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "bad.jsonl").write_text('{"text": "A fine short article about the Calvera port and its busy quay."}\n{oops\n')
    done = run_cli("ingest", "--db", str(tmp_path / "f.db"), str(tmp_path))
    err = done.stderr.decode()
    assert done.returncode == 1
    assert "bad.jsonl#2: line 2 is not valid JSON" in err and "bin.txt: looks like binary data" in err
    assert "2 new" in err and "2 failed" in err


def test_reanalyze_runs_over_the_store(tmp_path):
    db = str(tmp_path / "r.db")
    run_cli("ingest", "--db", db, str(DEMO / "briefs.jsonl"))
    done = run_cli("reanalyze", "--db", db)
    assert done.returncode == 0 and "reanalysed 2 articles" in done.stderr.decode()
