"""Quality floors on real evaluation data from ../shared (they only move up)."""

import re

import pytest
from conftest import shared_path

from storyline.clean.text import clean_text
from storyline.evaluate.html import evaluate_html

HTML_F1_FLOOR = 0.970
KEPT_SHARE_FLOOR = 0.999


def test_html_body_extraction_beats_bare_trafilatura():
    results = evaluate_html(shared_path("eval", "html", "article-extraction-benchmark"), baseline=True)
    ours, bare = results["storyline"], results["trafilatura (bare)"]
    assert ours.documents == 91
    assert ours.f1 >= HTML_F1_FLOOR, ours
    assert ours.f1 > bare.f1, (ours, bare)


def test_cleaning_keeps_the_body_of_polnear_train():
    folder = shared_path("eval", "quotes", "polnear", "data", "train", "text")
    before = after = 0
    for path in sorted(folder.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        before += len(re.sub(r"\s", "", raw))
        after += len(re.sub(r"\s", "", clean_text(raw).text))
    assert before > 3_000_000
    assert after / before >= KEPT_SHARE_FLOOR, after / before


def test_time_expressions_on_tempeval3_training_data():
    from datetime import date

    from storyline.analyse.dates import find_timexes
    from storyline.evaluate.timex import evaluate_timex, read_corpus

    documents = read_corpus(shared_path("eval", "timex", "tempeval3", "TBAQ-cleaned"))
    score = evaluate_timex(documents, lambda text, dct: [(t.start, t.end, t.type, t.value) for t in find_timexes(text, date.fromisoformat(dct))])
    assert (score.documents, score.gold) == (256, 1822)  # TimeBank and AQUAINT (testpipeline's file is a TimeBank copy)
    assert score.relaxed.f1 >= 0.953, score
    assert score.strict.f1 >= 0.900, score
    assert score.value_f1 >= 0.851, score
    assert score.type_f1 >= 0.921, score


def test_publication_dates_inferred_on_articles_whose_date_is_known():
    from storyline.evaluate.published import evaluate_published, polnear_articles

    score = evaluate_published(polnear_articles(shared_path("eval", "quotes", "polnear")), lag_days=1)
    assert score.articles == 928 and score.answered == 273, score
    assert score.within_week >= 132 and score.right_year >= 203, score


def test_cross_document_entities_on_ecbplus_dev():
    from storyline.analyse import Context
    from storyline.evaluate.ecbplus import DEV_TOPICS, read_corpus
    from storyline.evaluate.entities import evaluate_entities, validated_sentences

    root = shared_path("eval", "stories", "ecbplus")
    documents = read_corpus(root / "ECB+", DEV_TOPICS)
    result = evaluate_entities(documents, Context.current().nlp, validated_sentences(root / "ECBplus_coreference_sentences.csv"))
    assert result.storyline.mentions == 532
    assert result.storyline.conll_f1 >= 0.84, result.storyline
    assert result.storyline.conll_f1 > result.baseline.conll_f1


def test_quotes_on_polnear_dev():
    from storyline.analyse import Context
    from storyline.evaluate.quotes import evaluate_quotes, read_polnear, storyline_system

    documents = read_polnear(shared_path("eval", "quotes", "polnear"), "dev")
    score = evaluate_quotes(documents, storyline_system(Context.current().nlp))
    assert (score.documents, score.gold_quotes) == (84, 624)
    assert score.quotes80.f1 >= 0.90, score.quotes80
    assert score.quotes30.f1 >= 0.95, score.quotes30
    assert score.speaker_accuracy >= 0.925, score.speaker_accuracy
    assert score.exact["source"].f1 >= 0.755 and score.exact["cue"].f1 >= 0.705 and score.exact["content"].f1 >= 0.575



def test_resolved_speakers_on_labelled_polnear_dev_quotes():
    from storyline.analyse import Context
    from storyline.evaluate.quotes import evaluate_speakers

    dev = evaluate_speakers(shared_path("eval", "quotes", "polnear"), Context.current(), "dev")
    assert (dev.labelled, dev.documents) == (100, 49)
    assert dev.found >= 98 and dev.right >= 91, dev
    held_out = evaluate_speakers(shared_path("eval", "quotes", "polnear"), Context.current(), "train")
    assert held_out.labelled == 100 and held_out.found >= 95 and held_out.right >= 86, held_out


def test_speaker_names_match_by_their_words():
    from storyline.evaluate.quotes import same_speaker

    assert same_speaker("Donald J. Trump", ("Donald Trump",)) and same_speaker("Trump", ("Donald Trump",))
    assert not same_speaker("Melania Trump", ("Donald Trump",)) and not same_speaker("Trump", ("Donald Trump Jr",))
    assert same_speaker(None, ("New York Times", "-")) and not same_speaker(None, ("Reuters",))
    assert not same_speaker("Reuters", ("-",)) and same_speaker("Norah O’Donnell", ("Norah O'Donnell",))

COPY_PRECISION_FLOOR = 0.99
COPY_RECALL_FLOOR = 0.98


def test_copies_of_polnear_train_with_injected_edits():
    from storyline.evaluate.copies import copy_test_set, evaluate_copies

    texts = [p.read_text(encoding="utf-8") for p in sorted(shared_path("eval", "quotes", "polnear", "data", "train", "text").glob("*.txt"))]
    result = evaluate_copies(copy_test_set(texts, seed=0), seed=0)
    assert result.gold_pairs > 1000
    assert result.precision >= COPY_PRECISION_FLOOR, result.wrong[:10]
    assert result.recall >= COPY_RECALL_FLOOR, result.missed[:10]


STORY_B3_F1_FLOOR = 0.95      # the targets, met in shuffled orders (3 here: 0.961, merge rate 0.028)
STORY_MERGE_RATE_CEILING = 0.03
DOSSIER_F1_FLOOR = 0.70


@pytest.fixture(scope="module")
def ecb_dev():
    """The ECB+ dev documents, cleaned and analysed as ingest would: (documents, (Article, outputs) each)."""
    from storyline.evaluate.ecbplus import DEV_TOPICS, analyse_documents, read_corpus

    documents = read_corpus(shared_path("eval", "stories", "ecbplus", "ECB+"), DEV_TOPICS)
    return documents, analyse_documents(documents)


def test_stories_on_ecbplus_dev_beat_the_tfidf_baseline(ecb_dev):
    from storyline.evaluate.stories import evaluate_stories, summarise
    from storyline.stories.features import story_input

    documents, analysed = ecb_dev
    result = evaluate_stories(documents, [story_input(a, outputs) for a, outputs in analysed], shuffles=3)
    ours, baseline = summarise(result.storyline), summarise(result.baseline)
    assert result.documents == 197 and result.subtopics == 16
    assert ours["b3_f1"][0] >= STORY_B3_F1_FLOOR, ours
    assert ours["merge_rate"][0] <= STORY_MERGE_RATE_CEILING, ours
    assert ours["b3_f1"][0] > baseline["b3_f1"][0], (ours, baseline)
    assert ours["merge_rate"][0] < baseline["merge_rate"][0], (ours, baseline)


def test_stories_on_ecbplus_dev_through_ingest_and_export():
    """The path held-back topics are scored on: .txt files, `storyline ingest`, `storyline export`
    (measured: B3 F1 0.966, similar-event merge rate 0.033). This is one order of the articles (by
    file name), whose merge rate lies within the spread of the shuffled ones (0.022 ± 0.009 over 5):
    here, in the Mount Cook topic, a one-sentence article's second look picks the other event."""
    from storyline.evaluate.ecbplus import DEV_TOPICS, read_corpus
    from storyline.evaluate.stories import evaluate_through_store

    score = evaluate_through_store(read_corpus(shared_path("eval", "stories", "ecbplus", "ECB+"), DEV_TOPICS))
    assert score.b3_f1 >= STORY_B3_F1_FLOOR and score.merge_rate <= 0.035, score


def test_dossier_event_merging_on_ecbplus_dev_beats_the_lexical_baseline(ecb_dev):
    from storyline.evaluate.dossier import evaluate_dossier
    from storyline.evaluate.entities import validated_sentences

    documents, analysed = ecb_dev
    validated = validated_sentences(shared_path("eval", "stories", "ecbplus", "ECBplus_coreference_sentences.csv"))
    result = evaluate_dossier(documents, analysed, validated)
    assert result.stories == 16 and result.pairs > 3000
    assert result.storyline.f1 >= DOSSIER_F1_FLOOR, result
    assert result.storyline.f1 > result.baseline.f1, result
