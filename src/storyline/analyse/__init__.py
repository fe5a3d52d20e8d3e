"""The analysis stages run on every clean article, by name.

A stage is a pure function ``(Article, Context) -> (Article, outputs)``: it may refine the article
(the dates stage fills in an inferred publication date) and returns JSON-ready outputs by name
(the dates stage gives ``timexes`` and ``events``). Ingest stores every output with the article;
``storyline reanalyze`` recomputes them. Entities and
quotes register here as they land.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from storyline.records import Article


@dataclass(frozen=True, slots=True)
class Context:
    """What a stage may know beyond the article: when the analysis runs (the time of ingestion),
    and the models (the spaCy pipeline, the quote edges), loaded on first use and kept for the life
    of the context."""

    now: date
    _models: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def current(cls) -> Context:
        return cls(datetime.now(timezone.utc).date())

    @property
    def nlp(self):
        if "nlp" not in self._models:
            from storyline.analyse.nlp import load_pipeline

            self._models["nlp"] = load_pipeline()
        return self._models["nlp"]

    @property
    def quote_edges(self):
        """The learned model of where quotes' contents begin and end (:class:`.quotes.edges.ContentEdges`)."""
        if "quote_edges" not in self._models:
            from storyline.analyse.quotes.edges import ContentEdges

            self._models["quote_edges"] = ContentEdges.load()
        return self._models["quote_edges"]

    @property
    def quote_stances(self):
        """The learned model of which verbs report a stance (:class:`.quotes.stances.StanceModel`)."""
        if "quote_stances" not in self._models:
            from storyline.analyse.quotes.stances import StanceModel

            self._models["quote_stances"] = StanceModel.load()
        return self._models["quote_stances"]


Stage = Callable[[Article, Context], tuple[Article, dict[str, object]]]


def default_stages() -> tuple[tuple[str, Stage], ...]:
    """The stages ingest runs, in order."""
    from storyline.analyse.dates.stage import date_stage
    from storyline.analyse.quotes.stage import language_stage

    return (("dates", date_stage), ("entities", language_stage))


def analyse(article: Article, stages: tuple[tuple[str, Stage], ...], context: Context | None = None) -> tuple[Article, dict[str, object]]:
    """Run every stage on an article, in order.

    Returns:
        The article as the stages refined it, and every output by name.
    """
    context = context or Context.current()
    results: dict[str, object] = {}
    for _name, stage in stages:
        article, outputs = stage(article, context)
        results.update(outputs)
    return article, results
