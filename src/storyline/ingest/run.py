"""Ingest: read inputs, clean them, analyse them, store them; one article at a time (streaming)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from storyline.analyse import Context, Stage, analyse, default_stages
from storyline.analyse.dates.stage import borrow_year, calendar_of, is_weakly_dated
from storyline.clean.article import build_article
from storyline.errors import StorylineError
from storyline.ingest.readers import MAX_ARTICLE_BYTES, read_inputs
from storyline.records import RawDocument
from storyline.stories.assign import assign_stories
from storyline.store.base import Store


@dataclass(slots=True)
class IngestReport:
    """Counts by outcome (new, unchanged, revised, duplicate, failed) and each failure's message."""

    counts: Counter = field(default_factory=Counter)
    failures: list[StorylineError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entities: int | None = None
    stories: object | None = None   # the StoryReport of the assignment that ends the ingest
    seconds: dict[str, float] = field(default_factory=dict)  # wall time by phase: "articles", "stories"

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        parts = [f"{self.counts[k]} {k}" for k in ("new", "unchanged", "revised", "duplicate")]
        summary = ", ".join(parts) + f", {self.failed} failed"
        if self.counts["redated"]:
            summary += f" ({self.counts['redated']} re-dated from the days other articles fix)"
        return summary


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    published: str | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
    stages: tuple[tuple[str, Stage], ...] | None = None,
    on_result: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Ingest every article found in ``inputs`` into ``store``.

    A bad input is recorded (with its raw bytes, when it had any) and skipped; the rest go on.

    Args:
        inputs: paths, directories, URLs or ``-``.
        store: where to keep the articles.
        published: a publication date for every article (``YYYY-MM-DD``).
        max_bytes: the largest single article accepted.
        stages: the analysis stages to run (default: :func:`default_stages`).
        on_result: called with ``(source, outcome)`` after each article, for progress display.

    Returns:
        The :class:`IngestReport`.
    """
    stages = default_stages() if stages is None else stages
    report = IngestReport()
    started = time.perf_counter()
    with store.bulk():
        weak = _ingest_all(inputs, store, published, max_bytes, stages, on_result, report)
        _share_calendars(store, weak, report)
    if any(name == "entities" for name, _stage in stages):
        report.entities = store.relink_entities()
    placed = time.perf_counter()
    report.stories = assign_stories(store)
    report.seconds = {"articles": placed - started, "stories": time.perf_counter() - placed}
    return report


def _ingest_all(inputs, store, published, max_bytes, stages, on_result, report: IngestReport):
    """Ingest every input; return what calendar sharing needs: the weakly dated articles and
    the calendar of the confidently dated ones."""
    context = Context.current()
    weak, known = [], {}
    for item in read_inputs(inputs, max_bytes):
        if isinstance(item, StorylineError):
            _fail(report, store, item, None, on_result)
            continue
        report.warnings.extend(item.warnings)
        try:
            article = build_article(item, published=published)
        except StorylineError as exc:
            _fail(report, store, exc, item, on_result)
            continue
        article, results = analyse(article, stages, context)
        outcome = store.save(article, item.data, item.media_type, results)
        if is_weakly_dated(article):
            weak.append((article, results))
        for month_day, years in calendar_of(article, results).items():
            known.setdefault(month_day, set()).update(years)
        report.counts[outcome.status] += 1
        if on_result:
            on_result(item.source, outcome.status)
    return weak, known, context


def _share_calendars(store: Store, found, report: IngestReport) -> None:
    """Re-date the batch's weakly dated articles from the days its confidently dated ones fix."""
    weak, known, context = found
    for article, results in weak:
        redated = borrow_year(article, results, known, context)
        if redated is not None:
            store.set_analysis(*redated)
            report.counts["redated"] += 1


def _fail(report: IngestReport, store: Store, error: StorylineError, raw: RawDocument | None, on_result) -> None:
    report.failures.append(error)
    store.save_failure(error.source, error.code, str(error), raw.data if raw else None)
    if on_result:
        on_result(error.source, "failed")
