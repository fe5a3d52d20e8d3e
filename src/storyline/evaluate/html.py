"""Body extraction scored on the article-extraction benchmark with the benchmark's own metric.

The metric (its ``evaluate.py``): tokens are ``\\w+`` matches; each body becomes a multiset of word
4-grams; per page tp/fp/fn are counted over the 4-grams; precision and recall are averaged over pages
(precision over pages with tp+fp > 0, recall over pages with tp+fn > 0; a page where both bodies are
empty counts 1); F1 = 2PR/(P+R) of those averages; accuracy = share of pages whose tokens are identical.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import InputError, StorylineError
from storyline.evaluate.measures import f1

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ExtractionScore:
    documents: int
    precision: float
    recall: float
    f1: float
    accuracy: float
    rate: float


def _ngrams(tokens: list[str], n: int = 4) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def score_extraction(predictions: dict[str, str], truth: dict[str, str], seconds: float = 0.0) -> ExtractionScore:
    """Score predicted bodies against true ones (both keyed by page ID)."""
    precisions, recalls, exact = [], [], 0
    for key, expected in truth.items():
        true_tokens = _TOKEN.findall(expected)
        pred_tokens = _TOKEN.findall(predictions.get(key, ""))
        exact += true_tokens == pred_tokens
        t, p = _ngrams(true_tokens), _ngrams(pred_tokens)
        tp = sum((t & p).values())
        fp, fn = sum(p.values()) - tp, sum(t.values()) - tp
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
        if tp + fp + fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1_score = f1(precision, recall)
    n = len(truth)
    return ExtractionScore(n, precision, recall, f1_score, exact / n if n else 0.0, n / seconds if seconds else 0.0)


def load_benchmark(directory: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """The pages (gzip-decompressed bytes) and true bodies of the benchmark folder."""
    truth_file = directory / "ground-truth.json"
    if not truth_file.is_file():
        raise InputError(str(directory), "has no ground-truth.json", "give the article-extraction-benchmark folder")
    truth_all = json.loads(truth_file.read_text(encoding="utf-8"))
    pages, truth = {}, {}
    for key in sorted(truth_all):
        page = directory / "html" / f"{key}.html.gz"
        if page.is_file():
            pages[key] = gzip.decompress(page.read_bytes())
            truth[key] = truth_all[key]["articleBody"]
    if not pages:
        raise InputError(str(directory), "holds none of the pages its ground-truth.json lists")
    return pages, truth


def storyline_body(key: str, page: bytes, url: str | None = None) -> str:
    """storyline's body for a page: what ``storyline extract`` prints as ``text``."""
    from storyline.clean.article import build_article
    from storyline.records import RawDocument

    try:
        return build_article(RawDocument(key, page, "text/html", fields=(("url", url),) if url else ())).text
    except StorylineError:
        return ""


def trafilatura_body(key: str, page: bytes, url: str | None = None) -> str:
    """trafilatura 2's bare output, as the benchmark's published figure was made."""
    import trafilatura

    return trafilatura.extract(page) or ""


def run_system(extractor: Callable[[str, bytes], str], pages: dict[str, bytes], truth: dict[str, str]) -> ExtractionScore:
    start = time.perf_counter()
    predictions = {key: extractor(key, page) for key, page in pages.items()}
    return score_extraction(predictions, truth, time.perf_counter() - start)


def evaluate_html(directory: Path, baseline: bool = True) -> dict[str, ExtractionScore]:
    """storyline (and, with ``baseline``, bare trafilatura) on the benchmark, in one run."""
    pages, truth = load_benchmark(directory)
    results = {"storyline": run_system(storyline_body, pages, truth)}
    if baseline:
        results["trafilatura (bare)"] = run_system(trafilatura_body, pages, truth)
    return results
