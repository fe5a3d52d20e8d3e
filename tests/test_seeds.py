"""The two seed articles: clean text, no junk, caption kept apart, no body sentence lost."""

import json
import re

import pytest
from conftest import run_cli, shared_path

# Lines of the seeds that are site furniture, not article text: matched by their shape, so the
# test carries no article text of its own.
FURNITURE = re.compile(r".* logo|Source link|Visited \d+ times.*|Leave a Reply|Your email address will not be published.*|\(\w+\)|.*Photo by .*")


@pytest.fixture(scope="module")
def records():
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    done = run_cli("extract", *map(str, seeds))
    assert done.returncode == 0, done.stderr
    return {r["path"].rsplit("/", 1)[1][:3]: r for r in map(json.loads, done.stdout.splitlines())}, seeds


def folded(text):
    return " ".join(text.split())


def body_sentences(raw):
    for line in raw.splitlines():
        line = re.sub(r"^- ", "", line.strip())
        if not line or FURNITURE.fullmatch(line):
            continue
        yield from (s for s in re.split(r"(?<=[.!?”’])\s+", line) if s)


def test_two_contract_objects(records):
    by_name, _ = records
    assert sorted(by_name) == ["000", "003"]
    for record in by_name.values():
        assert record["error"] is None
        assert {"path", "title", "outlet", "published", "published_source", "text", "quotes", "timexes", "entities", "error"} <= set(record)


def test_003_title_is_its_headline(records):
    by_name, seeds = records
    headline = seeds[1].read_text().splitlines()[0]
    assert by_name["003"]["title"] == headline
    assert by_name["003"]["outlet"] == "KI"  # from the logo line: nothing better names the site


def test_junk_lines_are_gone(records):
    by_name, _ = records
    for junk in ("KI logo", "Source link", "Visited 1 times", "Leave a Reply", "Your email address", "Required fields", "(Axios)"):
        assert all(junk not in r["text"] for r in by_name.values()), junk


def test_caption_is_metadata_not_body(records):
    by_name, seeds = records
    caption_line = seeds[0].read_text().splitlines()[0]
    assert caption_line.split(". Photo by")[0] not in by_name["000"]["text"]
    (caption,) = by_name["000"]["captions"]
    assert caption_line.startswith(caption["text"]) and caption["credit"].startswith("Photo by")
    assert by_name["000"]["outlet"] == "Axios"


def test_glued_heading_is_its_own_paragraph_and_the_repeat_is_flagged(records):
    by_name, _ = records
    record = by_name["000"]
    paragraphs = record["text"].split("\n\n")
    (heading,) = record["headings"]
    assert paragraphs[heading - 1].endswith("added.") and not paragraphs[heading].endswith(".")
    later, earlier = record["repeated"][0]
    assert "Friday" in paragraphs[later] and "Friday" in paragraphs[earlier]


@pytest.mark.parametrize("name", ["000", "003"])
def test_every_body_sentence_survives(records, name):
    by_name, seeds = records
    raw = next(s for s in seeds if s.name.startswith(name)).read_text()
    text = folded(by_name[name]["text"])
    sentences = list(body_sentences(raw))
    assert len(sentences) > 15
    missing = [s for s in sentences if folded(s) not in text]
    assert missing == []


def test_dates_of_both_seeds_with_no_date_given(records):
    by_name, _ = records
    assert (by_name["000"]["published"], by_name["000"]["published_source"]) == ("2025-07-07", "inferred")
    assert (by_name["003"]["published"], by_name["003"]["published_source"]) == ("2025-07-05", "inferred")
    values = {name: {(t["text"], t["value"]) for t in r["timexes"]} for name, r in by_name.items()}
    assert {("Monday", "2025-07-07"), ("last Friday", "2025-07-04"), ("Friday", "2025-07-04"), ("Thursday", "2025-07-03"),
            ("Friday morning", "2025-07-04TMO"), ("last week", "2025-W27")} <= values["000"]
    assert {("July 5", "2025-07-05"), ("July 3", "2025-07-03"), ("The day after", "2025-07-04"), ("June", "2025-06"),
            ("May", "2025-05")} <= values["003"]
