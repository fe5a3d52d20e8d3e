"""Quotes on hand-written sentences (real spaCy parse: attribution is about the parse) and on the seeds."""

import json

import pytest
from conftest import run_cli, shared_path

from storyline.analyse import Context
from storyline.analyse.quotes.find import quote_spans
from storyline.analyse.quotes.stage import language_stage
from storyline.records import Article


@pytest.fixture(scope="module")
def context():
    return Context.current()


def quotes_of_raw(text, context):
    """The quote records the language stage gives for a text."""
    _article, outputs = language_stage(Article(id="t", source="t.txt", text=text), context)
    return outputs["quotes"]


def quotes_of(text, context):
    return [(q["text"], (q["speaker"] or {}).get("name"), (q["cue"] or {}).get("text"), q["direct"])
            for q in quotes_of_raw(text, context)]


def test_marks_of_every_kind():
    text = 'He said "one two three." She said “four five six.” They said «seven eight nine.» Title ‘ten eleven twelve,’ here.'
    assert [text[s:e] for s, e in quote_spans(text)] == ['"one two three."', "“four five six.”", "«seven eight nine.»", "‘ten eleven twelve,’"]


def test_typewriter_pairs_are_one_mark(context):
    text = ("''We will reopen the quay,'' Mayor Ilsa Brandt said. ''The ferries come back on Tuesday.''\n\n"
            "Harbour master Piet Danner called it ``a week of cold work'' for the divers. The crane is 6'' tall.")
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "''We will reopen the quay,''", "''The ferries come back on Tuesday.''", "``a week of cold work''"]
    # (A quote taken by "called" comes with the words the verb takes around it, as annotators mark it:
    # the content's edges are learned, see test_learned_edges_*.)
    assert [q[:3] for q in quotes_of(text, context)] == [
        ("''We will reopen the quay,''", "Ilsa Brandt", "said"), ("''The ferries come back on Tuesday.''", "Ilsa Brandt", "said"),
        ("it ``a week of cold work'' for the divers", "Piet Danner", "called")]


def test_missing_opening_mark_starts_at_the_paragraph():
    text = "Harbour news today.\n\nWe will reopen the quay, we must,” Mayor Ilsa Brandt told reporters."
    assert [text[s:e] for s, e in quote_spans(text)] == ["We will reopen the quay, we must,”"]


def test_multi_paragraph_quote_runs_on():
    text = "Mayor Ilsa Brandt said: “The quay will open on Monday.\n\n“The ferries come back on Tuesday,” she added."
    (span,) = quote_spans(text)
    assert text[span[0]:span[1]].startswith("“The quay") and text[span[0]:span[1]].endswith("Tuesday,”")


def test_pronoun_cue_and_continuation(context):
    text = ("Mayor Ilsa Brandt opened the new quay on Monday.\n\n"
            "“It took us two years,” Brandt told reporters.\n\n"
            "“We are proud of the crews,” she added.\n\n"
            "“Nobody was hurt, and nothing was late.”")
    found = quotes_of(text, context)
    assert [(q[1], q[2]) for q in found if q[3]] == [("Ilsa Brandt", "told"), ("Ilsa Brandt", "added"), ("Ilsa Brandt", "added")]
    # The quote with no cue of its own goes on with the one before it: one attribution in two pieces.
    groups = [q["group"] for q in quotes_of_raw(text, context)]
    assert groups[1] == groups[2] != groups[0]


def test_pronoun_takes_the_person_just_named(context):
    text = ("“We are proud,” Mayor Ilsa Brandt said.\n\n"
            "Harbour master Piet Danner said the crews had worked at night. “Nobody sleeps here,” he said.")
    found = [q for q in quotes_of(text, context) if q[3]]
    assert [q[1] for q in found] == ["Ilsa Brandt", "Piet Danner"]


def test_a_pronoun_passes_over_people_it_cannot_stand_for(context):
    # Piet is a man's name, Ilsa a woman's; "Mr." and "spokeswoman" say so when the name cannot.
    text = ("Harbour master Piet Danner met Mayor Ilsa Brandt on the quay. Brandt said the crews had worked at night. "
            "“Nobody sleeps here,” he said.\n\n"
            "Mr. Okonkwo-Laar greeted spokeswoman Vi Ostrander. Ostrander praised the crews. “We owe them a party,” he said. "
            "“They earned it,” she added.")
    found = [q for q in quotes_of(text, context) if q[3]]
    assert [q[1] for q in found] == ["Piet Danner", "Okonkwo-Laar", "Vi Ostrander"]


@pytest.mark.parametrize("text, speaker", [
    # The main clause's subject over the reported one.
    ("Harbour master Vi Ostrander said Mayor Ilsa Brandt ignored the warnings. “We told her twice,” she said.",
     "Vi Ostrander"),
    # A subject of the nearest paragraph over a main clause's a paragraph further back.
    ("Harbour master Vi Ostrander said the quay would hold.\n\n"
     "The ferries changed course after Mayor Ilsa Brandt reopened the northern route.\n\n"
     "“We will not wait for spring,” she said.", "Ilsa Brandt"),
])
def test_which_subject_a_pronoun_takes(context, text, speaker):
    found = [q[1] for q in quotes_of(text, context) if q[3]]
    assert found == [speaker]


def test_description_and_organisation_speakers(context):
    text = ("Harbour spokesperson Lina Vos opened the briefing. "
            "“The quay is safe,” the spokesperson said. "
            "“We will pay for the repairs,” the Calvera Port Authority said in a statement.")
    found = [q for q in quotes_of(text, context) if q[3]]
    assert [q[1] for q in found] == ["Lina Vos", "Calvera Port Authority"]


def test_partial_quote_and_written_statement(context):
    text = ("Mayor Ilsa Brandt said the repairs were “a matter of weeks” and would cost little. "
            "Brandt wrote on X that the quay was “open for business again.”")
    found = [q for q in quotes_of(text, context) if q[3]]
    assert [q[1] for q in found] == ["Ilsa Brandt", "Ilsa Brandt"]
    assert "“a matter of weeks”" in found[0][0]
    assert found[1][2] == "wrote"


def test_scare_quotes_are_not_speech(context):
    text = "The so-called “blue zone” of the harbour stayed closed all week because of the storm damage."
    assert quotes_of(text, context) == []


def test_inch_marks_nicknames_and_terms_ending_a_sentence_are_not_speech(context):
    text = ("The harbour master, Greta “Gigi” Olsen, measured the crane at 6'3\" above the quay on Tuesday. "
            "The wreck will be kept in a separate “salvage trust.” Its cargo stays sealed until the inquiry.")
    assert quote_spans(text) == [(text.index("“Gigi”"), text.index("“Gigi”") + 6),
                                 (text.index("“salvage"), text.index("trust.”") + 7)]
    assert quotes_of(text, context) == []


def test_markup_attributes_left_in_a_text_are_not_quotes():
    text = 'The mayor wrote: <tweet author="ilsabrandt" timestamp="1449075600">The quay opens on Monday.</tweet> "Come early."'
    assert quote_spans(text) == [(text.index('"Come'), len(text))]


def test_a_source_keeps_its_apposition_and_relative_clause_and_the_commas_around_them(context):
    for text, mention in [("Piet Danner, the harbour master, said the quay would reopen on Monday.", "Piet Danner, the harbour master,"),
                          ("Piet Danner, who runs the harbour, said the quay would reopen on Monday.", "Piet Danner, who runs the harbour,"),
                          ("A diver who saw the wreck said the hull was intact.", "A diver who saw the wreck")]:
        (quote,) = quotes_of_raw(text, context)
        assert quote["speaker"]["mention"] == mention


def test_reported_speech(context):
    text = ("Mayor Ilsa Brandt said that the quay would reopen on Monday. "
            "According to the port authority, the repairs cost four million euros.")
    found = [q for q in quotes_of(text, context) if not q[3]]
    assert ("that the quay would reopen on Monday", "Ilsa Brandt", "said", False) in found
    assert any(q[0].startswith("the repairs cost") and q[2].casefold() == "according to" for q in found)


def test_the_cue_takes_the_adverbs_and_the_verb_just_before_it(context):
    for text, cue in [("Mayor Ilsa Brandt also vowed to rebuild the quay.", "also vowed"),
                      ("Ilsa Brandt almost immediately denied that the quay was closed.", "almost immediately denied"),
                      ("When asked, Brandt said the quay was safe.", "said"),
                      ("Piet Danner continued to say that the quay was safe.", "continued to say")]:
        (quote,) = quotes_of_raw(text, context)
        assert quote["cue"]["text"] == cue


@pytest.fixture(scope="module")
def seed_quotes():
    files = sorted(shared_path("seeds").glob("*.txt"))
    done = run_cli("extract", *map(str, files))
    assert done.returncode == 0, done.stderr
    return [[q for q in json.loads(line)["quotes"] if q["direct"]] for line in done.stdout.splitlines()]


def test_every_seed_quote_has_its_speaker(seed_quotes):
    first, second = seed_quotes
    assert [q["speaker"]["name"] for q in first] == [
        "Trump", "Trump", "Trump", "Sean Parnell", "Sean Parnell", "Volodymyr Zelensky", "Volodymyr Zelensky",
        "Volodymyr Zelensky", "Trump"]
    assert first[0]["text"].startswith("We’re going to send")  # the quote whose opening mark is missing
    assert [q["speaker"]["mention"] for q in first[:3]] == ["Trump", "he", "he"]
    # No cue of its own: it continues Trump's words, one attribution with the quote before it.
    assert first[2]["group"] == first[1]["group"] and first[2]["cue"] == first[1]["cue"]
    assert [q["speaker"]["name"] for q in second] == ["Donald Trump"] * 3 + ["Vladimir Putin"] + ["Donald Trump"] * 5
    assert second[0]["text"] == "Putin ‘wants to keep killing people,’"  # the headline's single quotes, with their clause
    assert {q["speaker"]["mention"] for q in second} >= {"the U.S. president", "he"}


def test_quotes_command_uses_the_stores_names(tmp_path):
    from conftest import ROOT

    db = str(tmp_path / "q.db")
    assert run_cli("ingest", "--db", db, str(ROOT / "demo" / "corpus")).returncode == 0
    done = run_cli("quotes", "--db", db, "--speaker", "Tomas Reyl")
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 5 and {r["speaker"] for r in rows} == {"Tomas Reyl"}  # the copy that spells him "Ryel" too
    assert len({r["article"] for r in rows}) == 3
    assert run_cli("quotes", "--db", db, "--speaker", "Nobody Atall").returncode == 1


def test_the_speaker_mention_keeps_hyphenated_names_and_appositions(context):
    text = ("“The quay will cost more,” said Anna Kovac-Lind, an engineer. "
            "Mr. Berg-Olsen said the ferries would wait. "
            "Piet Danner, a Calvera Port Authority lawyer, said the contract was void.")
    speakers = [q["speaker"] for q in quotes_of_raw(text, context)]
    assert [s["mention"] for s in speakers] == ["Anna Kovac-Lind, an engineer", "Mr. Berg-Olsen",
                                                "Piet Danner, a Calvera Port Authority lawyer,"]
    assert speakers[2]["name"] == "Piet Danner"  # the name before the apposition, not the one inside it


def test_a_quote_inside_a_phrase_comes_with_the_phrase(context):
    from storyline.analyse.quotes.find import find_attributions

    for text, content in [('Harbour master Piet Danner declared the quay "safe for heavy ships."', 'the quay "safe for heavy ships."'),
                          ('The crews listed "fatigue" as the main cause, Danner said.', 'The crews listed "fatigue" as the main cause'),
                          ('Danner said, "The quay is safe."', '"The quay is safe."')]:
        (attribution,) = find_attributions(context.nlp(text))
        assert [text[a:b] for a, b in attribution.content] == [content]


def test_a_curly_quote_closed_by_a_straight_mark():
    text = 'Mayor Ilsa Brandt said “the quay will reopen," and left.'
    assert [text[s:e] for s, e in quote_spans(text)] == ['“the quay will reopen,"']


def _last_direct_speaker(context, text: str) -> str | None:
    """The speaker mention of the last direct quote found in ``text``."""
    from storyline.analyse.quotes.find import find_attributions

    attributions = [a for a in find_attributions(context.nlp(text)) if a.direct]
    source = attributions[-1].source if attributions else None
    return text[source[0]:source[1]] if source else None


def test_speakers_of_subjectless_and_inverted_cues(context):
    cases = [
        # a participle or infinitive with no subject of its own speaks for the verb above it
        ('"The ferries will run," Danner said, going on to say that the fares would be "lower than last year."', "Danner"),
        # "Said X:" opens the sentence with its verb
        ("Not everyone agreed. Said Brandt: “The quay is not ready for heavy ships.”", "Brandt"),
        # verbs that report speech when they govern the quote
        ("The harbour board branded the plan “a danger to every crew.”", "The harbour board"),
        ("Striking dockers chanted “Fair pay now!” outside the port office.", "Striking dockers"),
    ]
    for text, speaker in cases:
        assert _last_direct_speaker(context, text) == speaker, text


def test_the_speaker_is_outside_the_quote_and_the_outermost_reporter(context):
    cases = [
        # the parser also gives "said" a subject inside the quote: the one after the verb speaks
        ("“The fares are a scandal. A plain scandal,” said Marta Oyelaran, a commuter from Calvera.",
         "Marta Oyelaran, a commuter from Calvera"),
        # a verb whose clause a speech verb reports gives way to it
        ('Mayor Ilsa Brandt said she thought the tolls were "far too high for families."', "Mayor Ilsa Brandt"),
    ]
    for text, speaker in cases:
        assert _last_direct_speaker(context, text) == speaker, text


def test_a_quote_closing_its_sentence_still_comes_with_its_phrase(context):
    from storyline.analyse.quotes.find import find_attributions

    # The full stop inside the closing mark hangs on the verb in the parse; the phrase is still the quote's.
    for text, content in [("The harbour doctor is calling the captain “extremely fit for duty.”", "the captain “extremely fit for duty.”"),
                          ("Mayor Ilsa Brandt called the ferry strike a “huge loss for the islands.”", "the ferry strike a “huge loss for the islands.”")]:
        attributions = [a for a in find_attributions(context.nlp(text)) if a.direct]
        assert [text[a:b] for a, b in attributions[-1].content] == [content], text


def test_a_closing_mark_that_opens_a_paragraph_opens_a_quote():
    text = "Readers wrote in.\n\n”The ferry fares are a scandal. Nobody asked us.” — Ana, Calvera\n\nMore letters follow."
    assert [text[s:e] for s, e in quote_spans(text)] == ["”The ferry fares are a scandal. Nobody asked us.”"]


def test_a_quote_inside_reported_speech_belongs_to_both_speakers(context):
    text = "Mayor Ilsa Brandt said the divers had finished what the harbour master called a “week of cold and thankless work.”"
    assert quotes_of(text, context) == [
        ("the divers had finished what the harbour master called a “week of cold and thankless work.”", "Ilsa Brandt", "said", False),
        ("a “week of cold and thankless work.”", None, "called", True)]


def test_reported_speech_around_its_cue(context):
    # The cue inside or after the sentence it reports: one or two pieces, without the cue clause.
    text = "The new quay, the harbour master said, would open by spring. Ferries will wait longer, Mayor Ilsa Brandt said."
    found = {q["text"]: q["speaker"]["mention"] for q in quotes_of_raw(text, context) if not q["direct"]}
    assert found == {"The new quay": "the harbour master", "would open by spring": "the harbour master",
                     "Ferries will wait longer": "Mayor Ilsa Brandt"}


def test_a_cue_set_into_a_sentence_reports_the_sentence_around_it_also_with_a_quote(context):
    from storyline.analyse.quotes.find import find_attributions

    for text, pieces in [
        ("Many of the divers were tired, the harbour master said, and “the cold water broke two drills.”",
         ["Many of the divers were tired", "and “the cold water broke two drills.”"]),
        ("If the repair fails, Mayor Ilsa Brandt argues, the ferries will have to wait for spring.",
         ["If the repair fails", "the ferries will have to wait for spring"]),
        # (After a quote that came first, words without marks are the writer's.)
        ("“We finished the quay,” the divers said, before the crane arrived at the harbour on Monday.", ["“We finished the quay,”"]),
    ]:
        (attribution,) = find_attributions(context.nlp(text))
        assert [text[s:e] for s, e in attribution.content] == pieces, text


def test_stance_verbs_report_what_they_take(context):
    text = ("Mayor Ilsa Brandt endorsed Piet Danner for harbour master. "
            "The Calvera Port Authority vowed to rebuild the breakwater. "
            "Anna Kovac-Lind called for an inquiry into the collapse.")
    found = {(q["text"], q["cue"]["text"]) for q in quotes_of_raw(text, context) if not q["direct"]}
    assert ("Piet Danner for harbour master", "endorsed") in found
    assert ("to rebuild the breakwater", "vowed") in found
    assert ("an inquiry into the collapse", "called for") in found


def test_a_cue_runs_through_the_preposition_to_its_content(context):
    text = "The harbour councillors have expressed misgivings about the new ferry timetable."
    (quote,) = quotes_of_raw(text, context)
    assert (quote["text"], quote["cue"]["text"]) == ("the new ferry timetable", "have expressed misgivings about")


def test_stances_beyond_speech_are_the_learned_models_call(context):
    # What someone wants, hopes, opposes or is critical of is attributed to them; a plain event is not.
    text = ("Mayor Ilsa Brandt wants to rebuild the breakwater before winter. "
            "The fishermen's union has been critical of the new harbour fees. "
            "Piet Danner hopes that the ferries return in May. "
            "The council seems to think the quay is safe. "
            "The ferry left at noon and the divers ate lunch.")
    found = {(q["cue"]["text"], q["speaker"]["mention"] if q["speaker"] else None, q["text"])
             for q in quotes_of_raw(text, context)}
    assert found == {("wants", "Mayor Ilsa Brandt", "to rebuild the breakwater before winter"),
                     ("has been critical of", "The fishermen's union", "the new harbour fees"),
                     ("hopes", "Piet Danner", "that the ferries return in May"),
                     ("seems to think", "The council", "the quay is safe")}


def test_the_stance_model_weighs_the_verb_in_its_use(context):
    from storyline.analyse.quotes.find import stance_verbs
    from storyline.analyse.quotes.stances import StanceModel, covered, features

    # The same verb is a stance in the writer's voice and rarely inside someone's quote; a model that
    # knows only that decides so.
    text = 'Ilsa Brandt fears that the quay stays closed. "We fear that the quay stays closed," the divers said.'
    doc = context.nlp(text)
    quotes = quote_spans(text)
    model = StanceModel({"lemma=fear": 1.0, "in_quote": -2.0})
    kept = model.find(doc, [], quotes)
    assert [text[slice(*a.cue)] for a in kept] == ["fears"]
    (outside, inside) = [(verb, kind) for verb, kind in stance_verbs(doc, []) if verb.lemma_ == "fear"]
    assert "in_quote" in features(*inside, [], quotes) and "in_quote" not in features(*outside, [], quotes)
    assert covered([[(0, 4), (10, 12)], [(3, 6)]]) == [(0, 6), (10, 12)]


def test_a_passive_reports_its_subject_and_an_as_aside_its_clause(context):
    from storyline.analyse.quotes.find import stance_extent, stance_verbs

    # Passives: the subject (and the complement) is what is reported, the agent who reports it.
    # "As" asides: the clause they stand in, on either side of the aside.
    text = ("The harbour plan was first reported by the Calvera Courier. "
            "Mayor Ilsa Brandt has been criticized for the new ferry fees. "
            "A fine imposed by the port authority angered the fishermen. "
            "As the divers have pointed out, the quay cannot hold a second crane. "
            "The breakwater was repaired in May, as the council had promised.")
    doc = context.nlp(text)
    quotes = quote_spans(text)
    found = set()
    for verb, kind in stance_verbs(doc, []):
        attribution = stance_extent(verb, kind, quotes)
        if kind in ("passive", "as") and attribution is not None:
            source = text[slice(*attribution.source)] if attribution.source else None
            found.add((kind, text[slice(*attribution.cue)], source, tuple(text[s:e] for s, e in attribution.content)))
    assert {("passive", "was first reported by", "the Calvera Courier", ("The harbour plan",)),
            ("passive", "has been criticized for", None, ("Mayor Ilsa Brandt", "the new ferry fees")),
            ("passive", "imposed", "the port authority", ("A fine",)),
            ("as", "have pointed out", "the divers", ("the quay cannot hold a second crane",)),
            ("as", "had promised", "the council", ("The breakwater was repaired in May",))} <= found
    # The shipped model keeps the clear ones.
    kept = {(q["cue"]["text"], q["text"]) for q in quotes_of_raw(text, context)}
    assert ("was first reported by", "The harbour plan") in kept
    assert ("have pointed out", "the quay cannot hold a second crane") in kept


def test_a_relative_pronoun_speaks_for_its_noun(context):
    # "who" is the source's mention, as annotators mark it; the name is the noun's it stands for.
    text = "Piet Danner, who has argued that the ferries must return in May, left the meeting early."
    (quote,) = quotes_of_raw(text, context)
    assert (quote["text"], quote["speaker"]["mention"], quote["speaker"]["name"]) == \
        ("that the ferries must return in May", "who", "Piet Danner")


def test_a_dateline_is_not_the_speaker(context):
    # The parser takes "CALVERA" for the subject and the mayor for its apposition.
    text = "CALVERA -- Mayor Ilsa Brandt, opening the new quay on Saturday, said it would bring the ferries back."
    (quote,) = quotes_of_raw(text, context)
    assert (quote["speaker"]["mention"], quote["speaker"]["name"]) == ("Mayor Ilsa Brandt", "Ilsa Brandt")
    # Here it takes the place for a subject beside the real one, and the agency for its apposition.
    (quote,) = quotes_of_raw("KESTREL BAY (Tidewire) – Fishermen demanded that the quay stay open.", context)
    assert quote["speaker"]["mention"] == "Fishermen"


def test_a_speaker_named_before_a_colon(context):
    # Transcripts and headlines: "NAME: what they said".
    text = "Harbour debate transcript\n\nBRANDT: The quay reopens on Monday and the ferries return.\n\nDANNER: Not before the inspection is done."
    found = [(q["text"], q["speaker"]["mention"]) for q in quotes_of_raw(text, context)]
    assert ("The quay reopens on Monday and the ferries return", "BRANDT") in found
    assert ("Not before the inspection is done", "DANNER") in found
    # A label is nobody's name.
    found = quotes_of_raw("Harbour news\n\nTHE LATEST: Harbour board delays the ferry timetable again", context)
    assert all(q["speaker"] is None or q["speaker"]["mention"] != "THE LATEST" for q in found)
    # A headline's quote after the credit is the credited speaker's.
    found = quotes_of_raw("Brandt: “The Quay Will Hold Through Winter”\n\nThe mayor spoke on Monday.", context)
    assert [(q["text"], q["speaker"]["mention"]) for q in found if q["direct"]] == [("“The Quay Will Hold Through Winter”", "Brandt")]
    # Nor are an interview's turns: who answers is the one the answer says speaks.
    found = quotes_of_raw("Q: Will the ferries return?\n\nA: I think the quay will hold through the winter storms.", context)
    assert all(q["speaker"] is None or q["speaker"]["mention"] not in ("Q", "A") for q in found)


def test_a_bracketed_party_and_state_stay_in_the_speaker(context):
    text = "Sen. Mara Lind (D-Calvera) said the breakwater would hold."
    (quote,) = [q for q in quotes_of_raw(text, context) if not q["direct"]]
    assert quote["speaker"]["mention"] == "Sen. Mara Lind (D-Calvera)"


def test_a_quote_taken_by_a_verb_without_speech_is_its_subjects(context):
    # No speech verb: the subject of the verb that takes the quote's phrase says it, when the quote is
    # long or names what someone is called; a short term is still a scare quote.
    text = ("Governor Piet Danner dismissed the audit as “a fairy tale written by people who never built a quay.” "
            "Ilsa Brandt openly admires the engineers as “true builders”. "
            "The council closed the “blue zone” near the harbour.")
    found = {q["text"]: q["speaker"]["name"] for q in quotes_of_raw(text, context) if q["direct"]}
    assert found == {"the audit as “a fairy tale written by people who never built a quay.”": "Piet Danner",
                     "the engineers as “true builders”": "Ilsa Brandt"}


def test_words_after_a_cue_and_colon_without_quote_marks(context):
    text = "Mayor Ilsa Brandt spoke after the vote. She added:\n\nThe quay stays closed until the divers have finished."
    found = [(q["text"], q["speaker"]["name"]) for q in quotes_of_raw(text, context) if not q["direct"]]
    assert found == [("The quay stays closed until the divers have finished", "Ilsa Brandt")]


def test_the_writers_link_word_is_not_reported(context):
    text = "The quay is shut. However, the ferries will run from the old pier, Mayor Ilsa Brandt said."
    found = [q["text"] for q in quotes_of_raw(text, context) if not q["direct"]]
    assert found == ["the ferries will run from the old pier"]


def test_a_straight_mark_closed_by_a_curly_one():
    text = 'Harbour notes. "The quay is safe,” said Ilsa Brandt, the harbour master.'
    assert [text[s:e] for s, e in quote_spans(text)] == ['"The quay is safe,”']


def test_titles_in_prose_are_not_quotes_and_headlines_keep_theirs(context):
    assert quotes_of("Mayor Ilsa Brandt said on Harbour Radio's “Morning Tide” that the quay was safe.", context) == [
        ("that the quay was safe", "Ilsa Brandt", "said", False)]
    assert quotes_of("The ferry strike was the subject of her documentary “Low Water in Kessel,” shown last year.",
                     context) == []
    (headline,) = quotes_of("Harbour Master Brandt: ‘The Quay Is Safe Again’", context)
    assert headline[0] == "‘The Quay Is Safe Again’"


def test_a_quote_split_by_its_cue_is_one_quote(context):
    from storyline.analyse.quotes.find import find_attributions

    for text, cue in [("“If the tide turns, we sail,” the captain says, “and what do we do then?”", "says"),
                      ("“We stay in port until the storm has passed,” she continued. “Nobody sails before Monday.”",
                       "continued")]:
        (attribution,) = find_attributions(context.nlp(text))
        assert [text[s:e] for s, e in attribution.content] == [text[: text.index("”") + 1], text[text.rindex("“"):]]
        assert text[slice(*attribution.cue)] == cue


def test_quotes_are_scored_by_their_marks_on_both_sides():
    from storyline.evaluate.quotes import GoldAttribution, PolnearDocument, PredictedAttribution, score_document

    text = "Brandt: ‘Quay Safe’. “We sail at dawn,” Brandt said."
    quoted = text.index("“"), text.index("said") - 1
    headline = text.index("‘"), text.index(".")
    gold = PolnearDocument("t", text, (
        GoldAttribution(((0, 6),), ((quoted[1] + 1, quoted[1] + 5),), (quoted,)),
        GoldAttribution(((0, 6),), None, (headline,))))
    predicted = [PredictedAttribution(((0, 6),), None, (headline,)), PredictedAttribution(None, None, (quoted,))]
    counts = score_document(gold, predicted)[("quotes", 0.8)]
    assert (counts.tp_predicted, counts.predicted, counts.tp_gold, counts.gold) == (1, 1, 1, 1)


def test_an_annotation_whose_span_text_holds_a_line_break_is_read(tmp_path):
    from storyline.evaluate.quotes import _read_ann

    ann = tmp_path / "a.ann"
    ann.write_text("T1\tSource 0 4\tMira\nT2\tCue 5 9\tsaid\nT3\tContent 10 16;18 30\tthe dam\n"
                   "Then it will hold\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n", encoding="utf-8")
    (attribution,) = _read_ann(ann)
    assert attribution.content == ((10, 16), (18, 30)) and attribution.source == ((0, 4),)


def test_a_transcript_paragraph_opened_by_a_mark_is_the_credited_speakers(context):
    from storyline.analyse.quotes.find import find_attributions

    text = ('Partial transcript:\n\n"HOLLOWAY: Will the ferries run on Monday, Mayor?\n\n'
            '"BRANDT: They will run on Monday. The quay has been checked twice and the harbour is open again.\n')
    found = [(text[slice(*a.source)], text[slice(*a.content[0])]) for a in find_attributions(context.nlp(text))]
    assert ("BRANDT", "They will run on Monday. The quay has been checked twice and the harbour is open again") in found
    assert all(not content.startswith('"') for _, content in found)


def test_a_quote_without_cue_goes_on_with_the_reported_speech_before_it(context):
    from storyline.analyse.quotes.find import find_attributions

    # "called him a genius" is a stance, which the learned model finds.
    text = ('The harbour master, Ilsa Brandt, called him a genius at mending old hulls. '
            '"He saved boats that everyone else had given up on."')
    (attribution,) = find_attributions(context.nlp(text), stances=context.quote_stances)
    assert text[slice(*attribution.source)] == "The harbour master, Ilsa Brandt,"
    assert text[slice(*attribution.content[-1])] == '"He saved boats that everyone else had given up on."'


def test_a_reported_clause_the_parse_ends_inside_its_quote_runs_on(context):
    from storyline.analyse.quotes.find import find_attributions

    text = "Mayor Brandt says red tape has run wild in the harbour office, and “we’re going to get away from” that if she is re-elected."
    (attribution,) = find_attributions(context.nlp(text))
    assert text[slice(*attribution.content[0])].endswith("that if she is re-elected")


def test_a_body_named_in_passing_does_not_speak(context):
    found = quotes_of("The ferries will stop on Monday, according to a comment made aboard the Kessel Ferry Company flagship. "
                      "A spokesman for the Kessel Ferry Company said the quay would close on Monday.", context)
    assert [(q[1], q[2]) for q in found] == [(None, "according to"), ("Kessel Ferry Company", "said")]


def test_a_name_that_only_modifies_the_source_does_not_speak(context):
    # The Calvera harbour master, Brandt's supporters, and the Kessel pilot are not Calvera, Brandt or Kessel;
    # Kessel officials and Brandt's campaign speak for them, and Brandt herself is Brandt.
    text = ("Mayor Ilsa Brandt toured the Kessel Ferry Company docks in Calvera on Monday. "
            "“We lost a week,” the Calvera harbour master said. "
            "“She saved the docks,” Brandt supporters said. "
            "“The tide was late,” a Kessel Ferry Company pilot said. "
            "“Repairs start in May,” Kessel Ferry Company officials said. "
            "“We are proud,” Brandt's campaign said. "
            "“It was hard,” Mayor Brandt herself said.")
    found = [q[1] for q in quotes_of(text, context) if q[3]]
    assert found == [None, None, None, "Kessel Ferry Company", "Ilsa Brandt", "Ilsa Brandt"]


def test_a_name_in_the_quote_or_before_an_apposition_is_not_the_speaker(context):
    text = ("Harbour master Piet Danner met the press on Monday. “Pilot Jan Kessel ignored the tide,” he said. "
            "“The ferry is late,” Mayor Ilsa Brandt's spokesman, Tomas Ruhl, said.")
    found = [q[1] for q in quotes_of(text, context) if q[3]]
    assert found == ["Piet Danner", "Tomas Ruhl"]


def test_an_abbreviated_title_names_the_role_its_description_takes(context):
    # "Sen." is "senator" and "Gov." "governor"; "the senator from Calvera" is the senator, not Calvera.
    text = ("Calvera Sen. Ilsa Brandt and Gov. Piet Danner toured the docks on Monday. "
            "“The quay will hold,” the Calvera senator said. “We will rebuild,” the governor said. "
            "“Not one ship was lost,” the senator from Calvera said.")
    found = [q[1] for q in quotes_of(text, context) if q[3]]
    assert found == ["Ilsa Brandt", "Piet Danner", "Ilsa Brandt"]


def test_what_critics_say_of_a_move(context):
    from storyline.analyse.quotes.find import find_attributions

    for text, speaker, content in [
        ("The mayor has instead closed the old quay, moving three ferries to Lund in March in response to the storms, "
         "a move critics say contrasts with her promise to keep the harbour open.", "critics",
         "contrasts with her promise to keep the harbour open"),
        ("The council has instead raised harbour fees, doubling the charge for small boats in May, "
         "a step fishermen say will drive them out of Kessel.", "fishermen", "will drive them out of Kessel")]:
        (attribution,) = find_attributions(context.nlp(text))
        assert (text[slice(*attribution.source)], text[slice(*attribution.content[0])]) == (speaker, content)


def test_a_speaker_name_the_parser_missed_is_the_one_it_names_elsewhere(context):
    text = "Mayor Ilsa Brandt met the fishermen on Monday.\nBrandt later stressed that no deal has been made."
    assert quotes_of(text, context) == [("that no deal has been made", "Ilsa Brandt", "later stressed", False)]


def test_a_passive_cues_speaker_is_its_agent(context):
    text = "The closure, which lasted a week, was confirmed by the Kessel Harbour Board to have cost the town dearly."
    # What was confirmed is the subject with the infinitive, two pieces of one group (as PolNeAR marks it).
    assert quotes_of(text, context) == [("The closure", "Kessel Harbour Board", "was confirmed by", False),
                                        ("to have cost the town dearly", "Kessel Harbour Board", "was confirmed by", False)]


def test_what_a_speech_noun_says(context):
    found = quotes_of("The mayor dismissed Olsen’s claim that the quay had “never been safe” since the storm.", context)
    assert found == [("that the quay had “never been safe” since the storm", "Olsen", "claim", True)]


def test_fitting_the_edges_learns_which_candidate_annotators_choose():
    from storyline.analyse.quotes.edges import fit

    # Each group: the guess, a comma before "which" and the sentence end. The annotators always end at
    # the comma when "which" follows, else at the guess.
    groups, chosen = [], []
    for k in range(40):
        which = k % 2 == 0
        groups.append([["guess", "bias"], ["bias", "next=,which" if which else "next=,and"], ["bias", "sentence_end"]])
        chosen.append(1 if which else 0)
    weights = fit(groups, chosen, l2=0.1, min_count=1)

    def pick(group):
        return max(range(len(group)), key=lambda i: sum(weights.get(f, 0.0) for f in group[i]))

    assert [pick(g) for g in groups] == chosen
    assert weights["next=,which"] > 0 > weights.get("sentence_end", 0.0)


def test_learned_edges_never_cut_a_quote_drop_one_or_run_into_another_content(context):
    from storyline.analyse.quotes.edges import ContentEdges
    from storyline.analyse.quotes.find import find_attributions

    text = ('Mayor Ilsa Brandt said the quay would reopen in May, and the harbour master called the repairs '
            '“a week of cold work” for the divers. The ferries, she said, come back on Tuesday.')
    doc = context.nlp(text)
    rules = find_attributions(doc)
    # A model that always reaches as far as it can, both ways.
    greedy = ContentEdges(right={"sentence_end": 100.0, "off=+11+": 50.0}, left={"sentence_start": 100.0})
    refined = greedy.refine(doc, rules, quote_spans(text))
    assert len(refined) == len(rules)
    quotes = quote_spans(text)
    for before, after in zip(rules, refined):
        for start, end in after.content:
            assert not any(s < start < e or s < end < e for s, e in quotes)
        held = [q for q in quotes if before.start <= q[0] and q[1] <= before.end]
        assert all(after.start <= s and e <= after.end for s, e in held)
        others = [span for other in refined if other is not after for span in other.content]
        assert not any(s < after.end and after.start < e for s, e in others if not (s < before.end and before.start < e))
    assert [text[a.start:a.end] for a in refined] != [text[a.start:a.end] for a in rules]
