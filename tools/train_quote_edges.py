"""Fit the model of where quotes' contents begin and end, on PolNeAR train, and write it into the package.

    .venv/bin/python tools/train_quote_edges.py [../shared/eval/quotes/polnear]

Each train article is parsed, the rules of ``storyline.analyse.quotes.find`` run on it, and every
content they find that overlaps an annotated one gives two choices to learn (its right edge and its
left edge), when the annotated edge is among the candidates. The weights go to
``src/storyline/analyse/quotes/edges.json``; dev is left for measuring (``storyline eval quotes``).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from storyline.analyse import Context
from storyline.analyse.quotes.edges import Layout, edge_choices, fit
from storyline.analyse.quotes.find import find_attributions, quote_spans
from storyline.evaluate.quotes import read_polnear, shared_chars, trimmed

OUT = Path(__file__).resolve().parent.parent / "src" / "storyline" / "analyse" / "quotes" / "edges.json"


def main(root: Path) -> None:
    documents = read_polnear(root, "train")
    nlp = Context.current().nlp
    groups: dict[str, list] = {"right": [], "left": []}
    chosen: dict[str, list[int]] = {"right": [], "left": []}
    started = time.perf_counter()
    columns = (TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns) as progress:
        task = progress.add_task("parse", total=len(documents))
        for document, doc in zip(documents, nlp.pipe(d.text for d in documents)):
            progress.advance(task)
            text = document.text
            quotes = quote_spans(text)
            gold = [trimmed(text, a.content) for a in document.attributions if len(a.content) == 1]
            found = find_attributions(doc)
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
                for side, candidates, edges, target in (
                        ("right", right, [layout.ends[k] for k, _f in right], gold_end),
                        ("left", left, [layout.starts[k] for k, _f in left], gold_start)):
                    if target in edges:
                        groups[side].append([features for _k, features in candidates])
                        chosen[side].append(edges.index(target))
    weights = {side: fit(groups[side], chosen[side]) for side in ("right", "left")}
    OUT.write_text(json.dumps(weights, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(documents)} train articles; {len(groups['right'])} right and {len(groups['left'])} left edges learned; "
          f"{len(weights['right'])} + {len(weights['left'])} weights written to {OUT} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "polnear")
