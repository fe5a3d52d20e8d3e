"""Story clustering on ECB+: are the documents of one seminal event (a subtopic) put in one story,
and two similar events of a topic kept apart?

Each document goes through the same cleaning and analysis as an ingested article, then through
:class:`StoryEngine`, one at a time, in a shuffled order, as one ingest batch (with the engine's
second look at the end); several shuffles give a mean and a spread.
Scores over documents: B³ precision, recall and F1, pairwise F1, the adjusted Rand index, and the
similar-event merge rate (the share of same-topic, different-subtopic document pairs put in one story).

The baseline is an online TF-IDF centroid clusterer over plain words (document frequencies from the
documents seen so far), its threshold the best on train topics.
"""

from __future__ import annotations

import math
import random
import re
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import mean, pstdev

from storyline.evaluate.ecbplus import EcbDocument, analyse_documents
from storyline.evaluate.measures import f1
from storyline.stories.engine import StoryEngine
from storyline.stories.features import StoryInput

BASELINE_THRESHOLD = 0.25
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class ClusterScore:
    b3_precision: float
    b3_recall: float
    b3_f1: float
    pairwise_f1: float
    ari: float
    merge_rate: float
    stories: int


@dataclass(frozen=True, slots=True)
class StoryEvaluation:
    storyline: list[ClusterScore]   # one per shuffle
    baseline: list[ClusterScore]
    documents: int
    subtopics: int
    seconds: float                  # assignment only, all shuffles


def b_cubed(labels: Sequence, gold: Sequence) -> tuple[float, float]:
    """B³ precision and recall of predicted labels against gold ones (one per item)."""
    n = len(labels)
    both = Counter(zip(labels, gold))
    predicted, actual = Counter(labels), Counter(gold)
    precision = sum(c * c / predicted[p] for (p, _g), c in both.items()) / n
    recall = sum(c * c / actual[g] for (_p, g), c in both.items()) / n
    return precision, recall


def score_clustering(labels: Sequence, gold: Sequence, topics: Sequence) -> ClusterScore:
    """Score predicted story labels against gold subtopics (one label per document)."""
    n = len(labels)
    predicted, actual = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(labels, gold)):
        predicted[p].add(i)
        actual[g].add(i)
    precision, recall = b_cubed(labels, gold)
    pairs_both = sum(math.comb(c, 2) for c in Counter(zip(labels, gold)).values())
    pairs_predicted = sum(math.comb(len(c), 2) for c in predicted.values())
    pairs_gold = sum(math.comb(len(c), 2) for c in actual.values())
    pairwise = f1(pairs_both / pairs_predicted if pairs_predicted else 0.0, pairs_both / pairs_gold if pairs_gold else 0.0)
    total = math.comb(n, 2)
    expected = pairs_predicted * pairs_gold / total if total else 0.0
    maximum = (pairs_predicted + pairs_gold) / 2
    ari = (pairs_both - expected) / (maximum - expected) if maximum != expected else 1.0
    same_topic = merged = 0
    for i in range(n):
        for j in range(i + 1, n):
            if topics[i] == topics[j] and gold[i] != gold[j]:
                same_topic += 1
                merged += labels[i] == labels[j]
    return ClusterScore(precision, recall, f1(precision, recall), pairwise, ari,
                        merged / same_topic if same_topic else 0.0, len(predicted))


def analysed_inputs(documents: list[EcbDocument], progress: Callable[[int], None] | None = None) -> list[StoryInput]:
    """Clean and analyse each ECB+ document as ingest would (a plain-text article), for the engine."""
    from storyline.stories.features import story_input

    return [story_input(article, results) for article, results in analyse_documents(documents, progress)]


def evaluate_stories(documents: list[EcbDocument], inputs: list[StoryInput], shuffles: int = 5,
                     engine_factory: Callable[[], StoryEngine] = StoryEngine) -> StoryEvaluation:
    """Feed the documents in ``shuffles`` random orders to storyline and to the baseline; score each."""
    gold = [d.story for d in documents]
    topics = [d.topic for d in documents]
    ours, theirs, seconds = [], [], 0.0
    for seed in range(shuffles):
        order = list(range(len(documents)))
        random.Random(seed).shuffle(order)
        engine = engine_factory()
        started = time.perf_counter()
        # One batch, as ingest assigns a folder of articles: weighed together, placed in this order.
        engine.add_many([inputs[i] for i in order])
        engine.second_look()  # as ingest does at the end of a batch
        seconds += time.perf_counter() - started
        ours.append(score_clustering([engine.story(item.id) for item in inputs], gold, topics))
        theirs.append(score_clustering(baseline_labels([documents[i].text for i in range(len(documents))], order), gold, topics))
    return StoryEvaluation(ours, theirs, len(documents), len(set(gold)), seconds)


def evaluate_through_store(documents: list[EcbDocument], progress: Callable[[int], None] | None = None) -> ClusterScore:
    """Score the documents the way held-back topics are scored: each written as a plain-text file named
    after it, the folder given to ``storyline ingest`` (which reads it in sorted order, one batch) with
    a new SQLite store, and the stories read back as ``storyline export`` gives them."""
    from storyline.ingest.run import ingest
    from storyline.store.base import open_store
    from storyline.store.serialise import export_stories

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "articles"
        folder.mkdir()
        for document in documents:
            (folder / f"{Path(document.name).stem}.txt").write_text(document.text, encoding="utf-8")
        with open_store(str(Path(work) / "stories.db")) as store:
            ingest([str(folder)], store, on_result=(lambda _source, _outcome: progress(1)) if progress else None)
            story_of = {Path(article["path"]).stem: story["id"] for story in export_stories(store) for article in story["articles"]}
    return score_clustering([story_of[Path(d.name).stem] for d in documents], [d.story for d in documents],
                            [d.topic for d in documents])


def baseline_labels(texts: list[str], order: list[int], threshold: float = BASELINE_THRESHOLD) -> list[int]:
    """Online TF-IDF centroid clustering of plain lower-case words."""
    df: Counter = Counter()
    seen = 0
    centroids: list[Counter] = []
    labels = [0] * len(texts)
    for i in order:
        words = Counter(_WORD.findall(texts[i].lower()))
        df.update(words.keys())
        seen += 1
        vector = {w: (1 + math.log(c)) * math.log((seen + 1) / (df[w] + 0.5)) for w, c in words.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vector = {w: v / norm for w, v in vector.items()}
        best, best_score = -1, threshold
        for k, centroid in enumerate(centroids):
            c_norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
            score = sum(v * centroid.get(w, 0.0) for w, v in vector.items()) / c_norm
            if score >= best_score:
                best, best_score = k, score
        if best < 0:
            centroids.append(Counter())
            best = len(centroids) - 1
        centroids[best].update(vector)
        labels[i] = best
    return labels


def summarise(scores: list[ClusterScore]) -> dict[str, tuple[float, float]]:
    """Mean and population standard deviation of every measure over the shuffles."""
    fields = ("b3_precision", "b3_recall", "b3_f1", "pairwise_f1", "ari", "merge_rate", "stories")
    return {f: (mean(getattr(s, f) for s in scores), pstdev([getattr(s, f) for s in scores])) for f in fields}
