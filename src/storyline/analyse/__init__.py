"""The analysis stages run on every clean article, by name.

A stage is a pure function ``Article -> JSON-ready result``; ingest stores each stage's result with
the article and ``storyline reanalyze`` recomputes them. Entities, dates and quotes register here
as they land.
"""

from __future__ import annotations

from collections.abc import Callable

from storyline.records import Article

Stage = Callable[[Article], object]


def default_stages() -> tuple[tuple[str, Stage], ...]:
    """The stages ingest runs, in order (none yet: entities, dates and quotes come with their issues)."""
    return ()


def analyse(article: Article, stages: tuple[tuple[str, Stage], ...]) -> dict[str, object]:
    """Run every stage on an article; the result maps stage name to its output."""
    return {name: stage(article) for name, stage in stages}
