"""Identity rules on hand-built mentions (no statistical model), and the seeds through the real pipeline."""

import json

import pytest
from conftest import run_cli, shared_path

from storyline.analyse.entities.identity import name_key, resolve_description, resolve_identities
from storyline.analyse.entities.mentions import Mention


def mentions(text, *spans):
    """Mentions of the given (surface, label[, role]) in order of appearance in ``text``."""
    out, cursor = [], 0
    for surface, label, *role in spans:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        out.append(Mention(start, cursor, surface, label, role[0] if role else None))
    return out


TEXT = ("Harbour minister Tomas Reyl opened the quay. Reyl said the Ryel plan was sound. "
        "Port chief Henrik Sallo agreed. Sallo Reyl met later. The minister left; Sallo stayed. "
        "The Calvera Port Authority and the Port Authority of Calvera are one body.")


def identities():
    return resolve_identities(mentions(
        TEXT,
        ("Tomas Reyl", "PERSON", "Harbour minister"), ("Reyl", "ORG"), ("Ryel", "PERSON"),
        ("Henrik Sallo", "PERSON", "Port chief"), ("Sallo Reyl", "PERSON"), ("Sallo", "PERSON"),
        ("Calvera Port Authority", "ORG"),
    ))


@pytest.fixture(scope="module")
def context():
    from storyline.analyse import Context

    return Context.current()


def by_name(items):
    return {i.name: i for i in items}


def test_short_forms_misspellings_and_labels_join_the_full_name():
    reyl = by_name(identities())["Tomas Reyl"]
    assert reyl.type == "PERSON"
    assert [m.text for m in reyl.mentions] == ["Tomas Reyl", "Reyl", "Ryel", "Reyl"]
    assert all(m.label == "PERSON" for m in reyl.mentions)  # "Reyl" read as an ORG is a person here
    assert reyl.roles == ("Harbour minister",)


def test_glued_names_are_split():
    sallo = by_name(identities())["Henrik Sallo"]
    assert [m.text for m in sallo.mentions] == ["Henrik Sallo", "Sallo", "Sallo"]


def test_two_people_with_one_surname_and_no_full_name_stay_apart():
    text = "Smith spoke first. Later Jane Smith and John Smith argued."
    people = resolve_identities(mentions(text, ("Smith", "PERSON"), ("Jane Smith", "PERSON"), ("John Smith", "PERSON")))
    assert sorted((i.name, len(i.mentions)) for i in people) == [("Jane Smith", 1), ("John Smith", 1), ("Smith", 1)]
    later = resolve_identities(mentions(text + " Smith left.", ("Smith", "PERSON"), ("Jane Smith", "PERSON"),
                                        ("John Smith", "PERSON"), ("Smith", "PERSON")))
    assert {i.name: len(i.mentions) for i in later}["John Smith"] == 2  # the most recently named Smith


def test_a_first_name_used_alone_does_not_split_the_full_name():
    text = "Pavel Rusk spoke. “Pavel, sit down,” Rusk heard. Pavel Rusk left."
    people = resolve_identities(mentions(text, ("Pavel Rusk", "PERSON"), ("Pavel", "PERSON"), ("Rusk", "PERSON"),
                                         ("Pavel Rusk", "PERSON")))
    assert [(i.name, len(i.mentions)) for i in people] == [("Pavel Rusk", 4)]


def test_a_sentence_first_word_is_dropped_from_a_name_but_a_first_name_is_not():
    text = "Jared Osei spoke. Having Osei on the board helped. Ted Marlo agreed; Marlo left."
    people = resolve_identities(mentions(text, ("Jared Osei", "PERSON"), ("Having Osei", "PERSON"),
                                         ("Ted Marlo", "PERSON"), ("Marlo", "PERSON")))
    assert [(i.name, len(i.mentions)) for i in people] == [("Jared Osei", 2), ("Ted Marlo", 2)]


def test_a_quoted_nickname_keeps_the_name_whole_and_keys_the_person(context):
    # The model may read 'Pieter J. "Piet' and 'Danner' as two names; the article goes on with "Piet Danner".
    from storyline.analyse.entities.mentions import find_mentions

    text = ('Harbour master Pieter J. "Piet" Danner opened the quay. Pilot Ans Danner watched. '
            'Piet Danner thanked the crews, and Danner left.')
    doc = context.nlp.make_doc(text)
    cuts = ['Pieter J. "Piet', 'Danner', 'Ans Danner', 'Piet Danner', 'Danner']
    spans, cursor = [], 0
    for surface in cuts:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        spans.append(doc.char_span(start, cursor, label="PERSON"))
    doc.ents = spans
    found = find_mentions(doc)
    assert [m.text for m in found] == ['Pieter J. "Piet" Danner', "Ans Danner", "Piet Danner", "Danner"]
    people = resolve_identities(found)
    assert [(i.name, len(i.mentions)) for i in people] == [("Pieter J. Piet Danner", 3), ("Ans Danner", 1)]


def test_a_person_in_a_title_case_headline_keeps_only_the_words_the_article_writes_as_names(context):
    from storyline.analyse.entities.mentions import find_mentions

    text = ("Brandt Thanks Danner For Calvera Quay Repairs\n\n"
            "Mayor Ilsa Brandt thanked harbour master Piet Danner on Monday, and Danner said the quay would hold.")
    doc = context.nlp.make_doc(text)
    spans, cursor = [], 0
    for surface in ["Brandt Thanks", "Ilsa Brandt", "Piet Danner", "Danner"]:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        spans.append(doc.char_span(start, cursor, label="PERSON"))
    doc.ents = spans
    assert [m.text for m in find_mentions(doc)] == ["Brandt", "Ilsa Brandt", "Piet Danner", "Danner"]


def test_a_surname_far_from_its_last_full_name_is_the_person_named_most():
    text = ("Ilse Varga toured the dam. Ilse Varga praised it. Later Ilse Varga met staff at the apartment of her brother, "
            "Otto Varga, in the old town, where the visit had been planned for weeks by the regional office and its "
            "many volunteers, who had worked through the night on the arrangements, the flowers and the long list of "
            "guests who were to be received in turn by the family and its friends from the region and abroad. "
            "Varga said the dam would open in May. Otto Varga agreed; Varga added that he would attend.")
    people = resolve_identities(mentions(text, *[("Ilse Varga", "PERSON")] * 3, ("Otto Varga", "PERSON"),
                                         ("Varga", "PERSON"), ("Otto Varga", "PERSON"), ("Varga", "PERSON")))
    ilse, otto = by_name(people)["Ilse Varga"], by_name(people)["Otto Varga"]
    assert [m.start for m in ilse.mentions][-1] == text.index("Varga said")  # far from Otto: the one named most
    assert [m.start for m in otto.mentions][-1] == text.index("Varga added")  # right after Otto's full name: Otto


def test_descriptions_resolve_only_when_one_person_fits():
    items = identities()
    assert resolve_description("the minister", items).name == "Tomas Reyl"
    assert resolve_description("the harbour minister", items).name == "Tomas Reyl"
    assert resolve_description("the port chief", items).name == "Henrik Sallo"
    assert resolve_description("the president", items) is None
    assert resolve_description("the foreign minister", items) is None


def test_descriptions_become_mentions_once_established():
    from storyline.analyse.entities.stage import link_descriptions

    text = "The port chief spoke first. Port chief Henrik Sallo said the port chief would stay. Sallo left."
    people = resolve_identities(mentions(text, ("Henrik Sallo", "PERSON", "Port chief"), ("Sallo", "PERSON")))
    (sallo,) = link_descriptions(text, people)
    assert [m.text for m in sallo.mentions] == ["Henrik Sallo", "the port chief", "Sallo"]  # not the one before


def test_organisation_keys():
    assert name_key("the Department of Defense", "ORG") == name_key("U.S. Defense Department", "ORG") == name_key("the Pentagon", "ORG")
    assert name_key("the U.S.", "GPE") == name_key("America", "GPE") == "united states"
    assert name_key("Smith", "PERSON") != name_key("Jones", "PERSON")


def test_demonyms_join_their_country():
    text = "Russian officials met in Russia."
    (russia,) = resolve_identities(mentions(text, ("Russian", "NORP"), ("Russia", "GPE")))
    assert russia.name == "Russia" and russia.type == "GPE" and len(russia.mentions) == 2


@pytest.fixture(scope="module")
def seeds():
    files = sorted(shared_path("seeds").glob("*.txt"))
    done = run_cli("extract", *map(str, files))
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def find(record, name):
    return [e for e in record["entities"] if e["name"] == name]


def test_seed_people(seeds):
    first, second = seeds
    (trump,) = find(first, "Trump")
    assert trump["type"] == "PERSON" and len(trump["mentions"]) == 12
    assert not [e for e in first["entities"] if e["type"] != "PERSON" and "Trump" in e["name"] and e["name"] != "America First"]
    (zelensky,) = find(first, "Volodymyr Zelensky")
    assert {"Zekensky", "Zelensky"} <= {m["text"] for m in zelensky["mentions"]}
    assert all(first["text"][m["start"]:m["end"]] == m["text"] for e in first["entities"] for m in e["mentions"])
    (parnell,) = find(first, "Sean Parnell")
    assert parnell["roles"] == ["Chief Pentagon spokesperson"] and len(parnell["mentions"]) == 2
    for name in ("Putin", "Benjamin Netanyahu", "Barak Ravid"):
        assert find(first, name), name
    assert find(first, "Axios")[0]["type"] == "ORG"
    assert find(second, "Donald Trump")[0]["roles"] == ["U.S. President"]
    described = [m["text"] for m in find(second, "Donald Trump")[0]["mentions"] if m["text"].lower().startswith("the ")]
    assert described == ["the U.S. president", "The U.S. president"]  # established by "U.S. President Donald Trump"
    assert not [m for e in first["entities"] for m in e["mentions"] if m["text"].lower() == "the president"]  # two fit
    assert find(second, "Vladimir Putin")


def test_seed_defense_department_is_one_body(seeds):
    first, second = seeds
    (dod,) = [e for e in first["entities"] if e["type"] == "ORG" and "Pentagon" in {m["text"] for m in e["mentions"]}]
    assert any(m["text"] == "Department of Defense" for m in dod["mentions"])
    (other,) = [e for e in second["entities"] if "Defense Department" in e["name"]]
    assert name_key(dod["name"], "ORG") == name_key(other["name"], "ORG")


def test_seed_credits_are_not_body_entities(seeds):
    names = {m["text"] for record in seeds for e in record["entities"] for m in e["mentions"]}
    assert not names & {"Oleksii Filippov", "AFP", "Getty Images", "Getty"}


def test_linking_across_articles_is_conservative():
    from storyline.analyse.entities.linking import link_entities

    def identity(name, kind, count=1):
        return {"name": name, "type": kind, "mentions": [{"text": name, "start": 0, "end": len(name)}] * count}

    linked = link_entities([
        ("a", [identity("Tara Reid", "PERSON", 3), identity("the Pentagon", "ORG")]),
        ("b", [identity("Reid", "PERSON"), identity("Department of Defense", "ORG")]),
        ("c", [identity("Jane Smith", "PERSON", 2), identity("John Smith", "PERSON", 2)]),
        ("d", [identity("Smith", "PERSON")]),
    ])
    groups = sorted(sorted(a for a, _i in e.members) for e in linked)
    assert ["a", "b"] in groups  # Reid joins the one Reid; the Pentagon is the Department of Defense
    assert [["a", "b"], ["a", "b"], ["c"], ["c"], ["d"]] == sorted(groups)  # two Smiths: the lone one stays apart


def test_store_links_entities_across_articles(tmp_path):
    from conftest import ROOT

    db = str(tmp_path / "e.db")
    assert run_cli("ingest", "--db", db, str(ROOT / "demo" / "corpus")).returncode == 0
    rows = [json.loads(line) for line in run_cli("entities", "--db", db, "--format", "jsonl", "--type", "PERSON").stdout.splitlines()]
    quell = next(r for r in rows if r["name"] == "Marta Quell")
    assert quell["articles"] >= 5 and quell["roles"]
    reyl = next(r for r in rows if r["name"] == "Tomas Reyl")
    assert "Tomas Ryel" in reyl["aliases"]  # misspelt in the republished wire copy
    assert not [r for r in rows if r["name"] == "Tomas Ryel"]
    shown = run_cli("entity", "--db", db, "Sallo")
    assert shown.returncode == 0 and "Henrik Sallo" in shown.stdout.decode()
    assert run_cli("entity", "--db", db, "Nobody Atall").returncode == 1
