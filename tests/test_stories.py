"""Stories: copies, assignment, merges, stable IDs, the store round trip and the commands.

Engine tests build StoryInputs by hand (no model); store and command tests ingest fictional articles.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from conftest import run_cli, shared_path
from storyline.stories.copies import Signer, containment, is_copy
from storyline.stories.assign import _persons
from storyline.stories.engine import StoryEngine
from storyline.stories.features import StoryInput, Weights

_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "for", "after", "was", "were", "is", "by", "with", "from", "said", "its", "their"}

FERRY = ("The ferry Marisol caught fire off Port Alva on Tuesday, forcing 212 passengers into lifeboats. "
         "Captain Ilse Varga said the blaze started in the engine room shortly after departure. "
         "Coastguard crews from Port Alva towed the burning ferry to the harbour by evening. "
         "Nobody was seriously hurt, according to the Alva harbour master Tomas Brell.")
FERRY_OTHER_OUTLET = ("Fire broke out aboard the Marisol ferry near Port Alva, and all 212 passengers left in lifeboats. "
                      "Brell, the harbour master, praised the crew of Captain Varga for a calm evacuation. "
                      "The engine room fire was put out before the coastguard towed the ship in.")
FLOOD = ("Heavy rain flooded the valley town of Brenmouth overnight, cutting power to 4,000 homes. "
         "Mayor Odile Farran opened the school gym as a shelter for families from the river streets. "
         "The Brenmouth river rose two metres above its usual level before dawn, officials said.")
FERRY_ANNIVERSARY = ("Two years after the Marisol fire off Port Alva, harbour master Tomas Brell unveiled a memorial "
                     "to the crew of Captain Ilse Varga, who got 212 passengers into lifeboats.")
SECOND_FERRY = ("The ferry Coralie ran aground near Kesten Point on Sunday with 80 passengers aboard. "
                "Captain Ruud Amsel said fog hid the rocks as the ship approached Kesten harbour. "
                "Tugs from Kesten pulled the Coralie free at high tide; the hull was not breached.")


def item(key: str, text: str, *, names: tuple[str, ...] = (), published: date | None = None, title: str | None = None,
         persons: tuple[tuple[str, int], ...] = ()) -> StoryInput:
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP]
    first = [w for w in re.findall(r"[a-z0-9]+", text.split(". ")[0].lower()) if w not in _STOP]
    name_words = tuple(w for n in names for w in n.lower().split())
    numbers = tuple(re.findall(r"\b\d[\d,]*\b", text))
    return StoryInput(key, text, title, None, published, tuple(words) + name_words, name_words, tuple(first), numbers, persons)


def test_an_edited_republication_is_a_copy_and_an_other_outlets_report_is_not():
    signer = Signer()
    republished = ("Home | News | Sport\n\nSHOCKING: ferry drama\n\n" + FERRY.split(". ", 1)[1] + "\n\nShare this article")
    assert is_copy(signer.sign(FERRY), signer.sign(republished))
    assert containment(signer.sign(FERRY), signer.sign(republished)) > 0.9
    assert not is_copy(signer.sign(FERRY), signer.sign(FERRY_OTHER_OUTLET))


def test_moving_sentences_keeps_every_shingle():
    signer = Signer()
    sentences = FERRY.split(". ")
    moved = ". ".join(sentences[2:] + sentences[:2])
    assert set(signer.shingle_hashes(moved).tolist()) == set(signer.shingle_hashes(FERRY).tolist())


def test_same_event_joins_different_events_stay_apart_and_copies_count_once():
    engine = StoryEngine()
    first, _s, _v = engine.add(item("ferry1", FERRY, names=("Marisol", "Port Alva", "Ilse Varga", "Tomas Brell")))
    flood, _s, _v = engine.add(item("flood1", FLOOD, names=("Brenmouth", "Odile Farran")))
    other, _s, _v = engine.add(item("ferry2", FERRY_OTHER_OUTLET, names=("Marisol", "Port Alva", "Brell", "Varga")))
    copy, _s, _v = engine.add(item("ferry3", "Advertisement\n\n" + FERRY + "\n\nComments are closed."))
    aground, _s, _v = engine.add(item("ferry4", SECOND_FERRY, names=("Coralie", "Kesten Point", "Ruud Amsel")))
    assert first.story == "s-ferry1" and first.score is None and first.copy_group == "ferry1"
    assert flood.story == "s-flood1"
    assert other.story == "s-ferry1" and other.copy_group == "ferry2" and other.score >= engine.join
    assert copy.story == "s-ferry1" and copy.copy_group == "ferry1" and copy.score == 1.0
    assert aground.story == "s-ferry4"  # another ferry accident, another event
    groups = {engine.group_of[a] for a, s in engine.story_of.items() if engine.story(a) == "s-ferry1"}
    assert groups == {"ferry1", "ferry2"}  # three articles, two independent sources


def test_dates_far_apart_keep_otherwise_alike_articles_apart():
    engine = StoryEngine()
    names = ("Marisol", "Port Alva", "Ilse Varga", "Tomas Brell")
    engine.add(item("a", FERRY, names=names, published=date(2024, 3, 5)))
    near, _s, _v = engine.add(item("b", FERRY_OTHER_OUTLET, names=names, published=date(2024, 3, 6)))
    far, _s, _v = engine.add(item("c", FERRY_ANNIVERSARY, names=names, published=date(2026, 3, 6)))
    assert near.story == "s-a"
    assert far.story == "s-c"
    undated, _s, _v = engine.add(item("d", FERRY_ANNIVERSARY + " Tugs stood by.", names=names))
    assert undated.copy_group == "c"


def test_a_bridging_article_merges_two_stories_into_the_older_one():
    engine = StoryEngine(join=0.35, merge=0.3)
    a, _s, _v = engine.add(item("early", "The ferry Marisol caught fire with 212 passengers aboard, and Captain Ilse Varga ordered the lifeboats lowered.",
                                names=("Marisol", "Ilse Varga")))
    b, _s, _v = engine.add(item("later", "Harbour master Tomas Brell said coastguard crews towed the burning ship into Port Alva by evening.",
                                names=("Tomas Brell", "Port Alva")))
    assert a.story != b.story
    bridge, _s, _v = engine.add(item("bridge", "Captain Ilse Varga got all 212 passengers of the burning Marisol into lifeboats, "
                                     "and harbour master Tomas Brell said coastguard crews towed the ship into Port Alva.",
                                     names=("Ilse Varga", "Marisol", "Tomas Brell", "Port Alva")))
    assert bridge.story == "s-early" and "s-later" in bridge.merged and bridge.copy_group == "bridge"
    assert engine.story("later") == "s-early"


def test_the_second_look_joins_small_stories_that_score_below_the_join_threshold():
    engine = StoryEngine(join=0.9)  # every article founds a story as it comes
    names = ("Marisol", "Port Alva", "Ilse Varga", "Tomas Brell")
    for key, text in (("f1", FERRY), ("x1", FLOOD), ("f2", FERRY_OTHER_OUTLET), ("f3", FERRY_ANNIVERSARY)):
        engine.add(item(key, text, names=names if key != "x1" else ("Brenmouth", "Odile Farran")))
    assert len({engine.story(key) for key in ("f1", "f2", "f3", "x1")}) == 4
    merges = engine.second_look()
    assert engine.story("f1") == engine.story("f2") == engine.story("f3") == "s-f1"
    assert engine.story("x1") == "s-x1"
    assert {gone for gone, _into in merges} == {"s-f2", "s-f3"}
    assert engine.second_look() == []  # each batch's founders are looked at once


def test_a_copy_of_articles_in_two_stories_merges_them():
    engine = StoryEngine(join=0.99)  # only copying can join these
    sentences = FERRY.split(". ")
    a, _s, _v = engine.add(item("brief1", ". ".join(sentences[:3]) + "."))
    b, _s, _v = engine.add(item("brief2", ". ".join(sentences[1:])))  # two of its three sentences are brief1's: no copy
    assert a.story != b.story and b.copy_group == "brief2"
    both, _s, _v = engine.add(item("roundup", "Our roundup. " + FERRY))
    assert both.story == "s-brief1" and both.merged == ("s-brief2",) and both.score == 1.0
    assert engine.story("brief2") == "s-brief1"


def test_restore_rebuilds_the_same_engine():
    engine = StoryEngine()
    rows = []
    for key, text in (("f1", FERRY), ("x1", FLOOD)):
        assignment, signature, vector = engine.add(item(key, text))
        rows.append((key, assignment.story, assignment.copy_group, signature, engine.weights.as_dict(vector)))
    again = StoryEngine(Weights(engine.weights.take_added(), 2))
    for key, story, group, signature, vector in rows:
        again.restore(key, story, group, signature, again.weights.from_dict(vector), None)
    fresh, _s, _v = engine.add(item("f2", FERRY_OTHER_OUTLET))
    restored, _s, _v = again.add(item("f2", FERRY_OTHER_OUTLET))
    assert (fresh.story, fresh.copy_group) == (restored.story, restored.copy_group) == ("s-f1", "f2")
    assert fresh.score == pytest.approx(restored.score, abs=1e-4)


DUI = ("Police arrested {first} {last} of the Harbor City Gulls on suspicion of drunk driving early on Sunday. "
       "{last} was stopped on the coast road after midnight and failed a breath test, the highway patrol said. "
       "The Gulls said they were aware of the arrest of {last} and would not comment further.")
# The same event told in other words (no copy of DUI).
DUI_RETOLD = ("Early on Sunday police arrested {first} {last}, of the Harbor City Gulls, on suspicion of drunk driving. "
              "The highway patrol said {last} failed a breath test after being stopped on the coast road after midnight. "
              "Aware of the arrest of {last}, the Gulls said they would not comment further.")


def test_the_person_check_survives_a_reload():
    first = item("dui1", DUI.format(first="Arno", last="Vesk"), names=("Arno Vesk", "Harbor City Gulls"), persons=(("vesk", 3),))
    second = item("dui2", DUI.format(first="Arno", last="Vesk").replace("Sunday", "Saturday"), names=("Arno Vesk",),
                  persons=(("vesk", 3),))
    other = item("dui3", DUI_RETOLD.format(first="Teo", last="Marr"), names=("Teo Marr", "Harbor City Gulls"), persons=(("marr", 3),))
    engine = StoryEngine()
    saved = []
    for article in (first, second):
        assignment, signature, vector = engine.add(article)
        saved.append((article.id, assignment.story, assignment.copy_group, signature, vector, article.persons))
    reloaded = StoryEngine(engine.weights)
    for key, story, group, signature, vector, persons in saved:
        reloaded.restore(key, story, group, signature, vector, None, persons)
    assert engine.add(other)[0].story == reloaded.add(other)[0].story == "s-dui3"  # another player's arrest
    forgetful = StoryEngine(engine.weights)
    for key, story, group, signature, vector, _people in saved:
        forgetful.restore(key, story, group, signature, vector, None)
    assert forgetful.add(other)[0].story == "s-dui1"  # without the people, the same words join


def test_a_story_main_person_named_half_as_often_is_the_articles_too():
    # The same arrest, told around the officer who made it: the player is named half as often.
    first = item("dui1", DUI.format(first="Arno", last="Vesk"), names=("Arno Vesk", "Harbor City Gulls"),
                 persons=(("vesk", 3),))
    told = item("dui2", DUI_RETOLD.format(first="Arno", last="Vesk"), names=("Arno Vesk", "Harbor City Gulls"),
                persons=(("holm", 4), ("vesk", 2)))
    engine = StoryEngine()
    engine.add(first)
    assert engine.add(told)[0].story == "s-dui1"
    # Another player's arrest that recalls the first in passing founds its own story.
    other = item("dui3", DUI_RETOLD.format(first="Teo", last="Marr"), names=("Teo Marr", "Harbor City Gulls"),
                 persons=(("marr", 5), ("vesk", 2)))
    assert engine.add(other)[0].story == "s-dui3"


def test_persons_kept_before_their_counts_count_once():
    assert _persons('["vesk", "holm"]') == (("vesk", 1), ("holm", 1))
    assert _persons('{"vesk": 3}') == (("vesk", 3),)
    assert _persons(None) == ()


def _write(folder, name, title, outlet, body, published=None):
    record = {"title": title, "outlet": outlet, "text": body, "url": f"https://{outlet.lower().replace(' ', '')}.example/{name}"}
    if published:
        record["published"] = published
    (folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")


def test_ingest_in_two_runs_keeps_story_ids_and_exports_every_article_once(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    _write(first, "ferry", "Ferry Marisol burns off Port Alva", "Alva Gazette", FERRY, "2024-03-05")
    _write(first, "flood", "Brenmouth under water", "Valley Post", FLOOD, "2024-03-05")
    _write(second, "ferry-2", "All 212 safe after Marisol fire", "Coast Herald", FERRY_OTHER_OUTLET, "2024-03-06")
    _write(second, "ferry-copy", "Marisol fire: what we know", "Aggregator Now", FERRY.rsplit(". ", 1)[0] + ".", "2024-03-06")
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(first), "--db", db).returncode == 0
    before = {s["id"]: s for s in json.loads(run_cli("export", "--db", db).stdout)["stories"]}
    result = run_cli("ingest", str(second), "--db", db)
    assert result.returncode == 0 and b"1 copy)" in result.stderr
    stories = json.loads(run_cli("export", "--db", db).stdout)["stories"]
    paths = [a["path"].removesuffix("#1") for s in stories for a in s["articles"]]
    assert sorted(paths) == sorted(str(p) for p in [*first.iterdir(), *second.iterdir()])  # each article once
    ferry = next(s for s in stories if len(s["articles"]) == 3)
    assert ferry["id"] in before and ferry["sources"] == 2
    copy = next(a for a in ferry["articles"] if a["path"].endswith("ferry-copy.json#1"))
    original = next(a for a in ferry["articles"] if a["path"].endswith("ferry.json#1"))
    assert copy["copy_of"] == original["id"] and original["copy_of"] is None
    assert not any(c["sources"] == [copy["id"]] for c in ferry["claims"])  # its statements sit with the original's
    assert all(c["status"] == "single-source" for c in ferry["claims"] if set(c["sources"]) == {copy["id"], original["id"]})
    listing = run_cli("stories", "--db", db).stdout.decode()
    assert listing.splitlines()[0].startswith(ferry["id"] + "\t") and "\t3\t2\t" in listing.splitlines()[0]
    shown = run_cli("story", ferry["id"][:6], "--db", db)
    assert shown.returncode == 0 and b"copy" in shown.stdout and b"2 independent sources" in shown.stdout
    missing = run_cli("story", "s-nothing", "--db", db)
    assert missing.returncode == 1 and b"s-nothing: no story has this ID" in missing.stderr


def test_seeds_are_one_story_with_two_independent_sources(tmp_path):
    seeds = shared_path("seeds")
    db = str(tmp_path / "seeds.db")
    assert run_cli("ingest", str(seeds), "--db", db).returncode == 0
    stories = json.loads(run_cli("export", "--db", db).stdout)["stories"]
    assert len(stories) == 1
    assert len(stories[0]["articles"]) == 2 and stories[0]["sources"] == 2


def test_seed_dossier_timeline_claims_and_quotes(tmp_path):
    seeds = shared_path("seeds")
    db = str(tmp_path / "seeds.db")
    assert run_cli("ingest", str(seeds), "--db", db).returncode == 0
    story = json.loads(run_cli("export", "--db", db).stdout)["stories"][0]
    both = {a["id"] for a in story["articles"]}
    text = {a["id"]: json.loads(run_cli("show", a["id"], "--db", db, "--format", "json").stdout)["text"] for a in story["articles"]}

    def spans(entry):
        return [text[e["article"]][e["start"]:e["end"]] for e in entry["evidence"]]

    putin = [e for e in story["timeline"] if e["date"] == "2025-07-03"]
    assert len(putin) == 1 and set(putin[0]["sources"]) == both
    assert all("Putin" in s or "July 3" in s for s in spans(putin[0]))
    zelensky = [e for e in story["timeline"] if e["date"] == "2025-07-04"]
    assert len(zelensky) == 1 and set(zelensky[0]["sources"]) == both
    assert all("Zelensky" in s or "Zekensky" in s for s in spans(zelensky[0]))
    paused = [c for c in story["claims"] if any("paused" in s for s in spans(c))]
    assert any(c["status"] == "corroborated" and set(c["sources"]) == both for c in paused)
    for words in ("dinner with Israeli Prime Minister", "Patriot air defense"):
        claim = next(c for c in story["claims"] if any(words in s for s in spans(c)))
        assert claim["status"] == "single-source" and len(claim["sources"]) == 1
    speakers = {q["speaker"] for q in story["quotes"]}
    assert {"Donald Trump", "Sean Parnell", "Volodymyr Zelensky"} <= speakers
    parnell = [q for q in story["quotes"] if q["speaker"] == "Sean Parnell"]
    assert any("defensive weapons" in q["text"] for q in parnell)
    assert story["summary"] and all(s["sources"] for s in story["summary"])


def test_html_dossier_escapes_article_markup(tmp_path):
    from html.parser import HTMLParser

    body = ("The ferry Marisol caught fire off Port Alva <script>alert('x')</script> on Tuesday. "
            "Captain Ilse Varga said <img src=x onerror=alert(1)> the blaze started in the engine room.\n\n"
            "\"We got everyone off <b onmouseover=steal()>safely</b>,\" Varga said.")
    (tmp_path / "odd.txt").write_text("Ferry fire <i>live</i>\n\n" + body, encoding="utf-8")
    db = str(tmp_path / "x.db")
    assert run_cli("ingest", str(tmp_path / "odd.txt"), "--db", db).returncode == 0
    story_id = run_cli("stories", "--db", db).stdout.decode().split("\t")[0]
    page = run_cli("story", story_id, "--db", db, "--format", "html").stdout.decode()

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.handlers = set(), []

        def handle_starttag(self, tag, attrs):
            self.tags.add(tag)
            self.handlers += [name for name, _value in attrs if name.startswith("on")]

    parsed = Tags()
    parsed.feed(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and not parsed.handlers
    assert "&lt;script&gt;" in page and "onerror=alert(1)&gt;" in page
    assert "Content-Security-Policy" in page and "Captain Ilse Varga" in page


def test_signatures_of_an_earlier_shingle_hashing_are_made_again(tmp_path):
    import sqlite3

    from storyline.stories.copies import SCHEME

    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    _write(first, "ferry", "Ferry Marisol burns off Port Alva", "Alva Gazette", FERRY, "2024-03-05")
    _write(second, "ferry-copy", "Marisol fire: what we know", "Aggregator Now", FERRY.rsplit(". ", 1)[0] + ".", "2024-03-06")
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(first), "--db", db).returncode == 0
    with sqlite3.connect(db) as connection:  # as a store written before the current hashing left it
        connection.execute("UPDATE story_articles SET scheme = 1, signature = zeroblob(512)")
    result = run_cli("ingest", str(second), "--db", db)
    assert result.returncode == 0 and b"1 copy)" in result.stderr  # the old article's copy is still found
    with sqlite3.connect(db) as connection:
        assert {s for (s,) in connection.execute("SELECT DISTINCT scheme FROM story_articles")} == {SCHEME}
        assert connection.execute("SELECT COUNT(*) FROM story_articles WHERE signature = zeroblob(512)").fetchone()[0] == 0


def test_a_batch_is_weighed_whole_whatever_its_order_and_an_article_given_twice_once():
    articles = [item("ferry1", FERRY, names=("Marisol", "Port Alva")), item("flood1", FLOOD, names=("Brenmouth",)),
                item("ferry2", FERRY_OTHER_OUTLET, names=("Marisol", "Port Alva")),
                item("ferry3", "Advertisement\n\n" + FERRY), item("ferry4", SECOND_FERRY, names=("Coralie",))]
    forward = StoryEngine()
    ahead = forward.add_many([*articles, articles[1]])
    backward = StoryEngine()
    behind = backward.add_many([articles[4], articles[2], articles[1], articles[0], articles[3]])  # the copy still after its original
    vectors = {a.article: forward.weights.as_dict(v) for a, _s, v in ahead[:-1]}
    assert vectors == {a.article: backward.weights.as_dict(v) for a, _s, v in behind}
    assert len(vectors["ferry1"]) > 0 and vectors["ferry3"] == {}  # ferry3 is a copy of ferry1
    for engine in (forward, backward):
        assert engine.story("ferry1") == engine.story("ferry2") == engine.story("ferry3") != engine.story("flood1")
    assert ahead[-1][0].story == ahead[1][0].story and len(ahead[-1][2].features) == 0
    one = StoryEngine()
    assert one.weights.as_dict(one.add(articles[0])[2]) != vectors["ferry1"]  # alone, its words weigh otherwise
