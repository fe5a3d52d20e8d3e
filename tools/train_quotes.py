"""Fit the two learned parts of quote finding on PolNeAR train and write them into the package.

    .venv/bin/python tools/train_quotes.py [../shared/eval/quotes/polnear]

Each train article is parsed once. First the stance model (:mod:`storyline.analyse.quotes.stances`):
every verb the rules leave with an extent to report is a candidate, labelled by whether an
annotated attribution's cue holds the verb and its content overlaps the extent. Then the content edges
(:mod:`storyline.analyse.quotes.edges`), on what the rules and the new stance model find: every
content that overlaps an annotated one gives two choices to learn (its right edge and its left edge),
when the annotated edge is among the candidates. The weights go to ``stances.json`` and
``edges.json`` beside those modules; dev is left for measuring (``storyline eval quotes``).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from storyline.analyse import Context
from storyline.analyse.quotes.edges import Layout, edge_choices, fit
from storyline.analyse.quotes.find import find_attributions, quote_spans, stance_extent
from storyline.analyse.quotes.stances import StanceModel, described_verbs
from storyline.evaluate.quotes import read_polnear, shared_chars, trimmed

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "storyline" / "analyse" / "quotes"


class _Recorder:
    """Stands in for the stance model inside ``find_attributions``: keeps each candidate's features
    and whether it is annotated, and keeps none of them."""

    def __init__(self):
        self.candidates: list[list[str]] = []
        self.labels: list[bool] = []
        self.gold = ()

    def find(self, doc, found, quotes):
        for verb, kind, described in described_verbs(doc, found, quotes):
            attribution = stance_extent(verb, kind, quotes)
            if attribution is None:
                continue  # (nothing to report: never kept, so not learned from)
            self.candidates.append(described)
            self.labels.append(any(g.cue and any(s <= verb.idx < e for s, e in g.cue) and shared_chars(g.content, attribution.content)
                                   for g in self.gold))
        return []


def _write(name: str, weights: dict) -> None:
    (PACKAGE / name).write_text(json.dumps(weights, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")


def main(root: Path) -> None:
    documents = read_polnear(root, "train")
    nlp = Context.current().nlp
    started = time.perf_counter()
    columns = (TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns) as progress:
        task = progress.add_task("parse", total=len(documents))
        docs = []
        for doc in nlp.pipe(d.text for d in documents):
            docs.append(doc)
            progress.advance(task)

    recorder = _Recorder()
    for document, doc in zip(documents, docs):
        recorder.gold = document.attributions
        find_attributions(doc, stances=recorder)
    # A logistic model is a conditional logit over two choices: the candidate's features, or none.
    weights = fit([[candidate, []] for candidate in recorder.candidates], [0 if yes else 1 for yes in recorder.labels],
                  l2=3.0, min_count=5)
    _write("stances.json", weights)
    print(f"stances: {len(recorder.candidates)} candidates, {sum(recorder.labels)} annotated; {len(weights)} weights")

    stances = StanceModel(weights)
    groups: dict[str, list] = {"right": [], "left": []}
    chosen: dict[str, list[int]] = {"right": [], "left": []}
    for document, doc in zip(documents, docs):
        text = document.text
        quotes = quote_spans(text)
        gold = [trimmed(text, a.content) for a in document.attributions if len(a.content) == 1]
        found = find_attributions(doc, stances=stances)
        layout = Layout.of(doc, quotes)
        for attribution in found:
            choices = edge_choices(doc, attribution, found, layout)
            if choices is None:
                continue
            guess = trimmed(text, attribution.content)
            best = max(gold, key=lambda span: shared_chars(span, guess), default=None)
            if best is None or shared_chars(best, guess) == 0:
                continue
            right, left = choices
            (gold_start, gold_end), = best
            for side, candidates, positions, target in (
                    ("right", right, [layout.ends[k] for k, _f in right], gold_end),
                    ("left", left, [layout.starts[k] for k, _f in left], gold_start)):
                if target in positions:
                    groups[side].append([described for _k, described in candidates])
                    chosen[side].append(positions.index(target))
    edges = {side: fit(groups[side], chosen[side]) for side in ("right", "left")}
    _write("edges.json", edges)
    print(f"edges: {len(groups['right'])} right and {len(groups['left'])} left edges learned; "
          f"{len(edges['right'])} + {len(edges['left'])} weights")
    print(f"{len(documents)} train articles in {time.perf_counter() - started:.0f} s; written to {PACKAGE}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "polnear")
