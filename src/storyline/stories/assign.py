"""Story assignment over a store: rebuild the engine from what the store kept, assign what is new."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from storyline.stories.copies import SCHEME, Signature
from storyline.stories.engine import StoryEngine
from storyline.stories.features import Weights, story_input
from storyline.store.base import Store

SAVE_EVERY = 500


@dataclass(slots=True)
class StoryReport:
    """What one assignment run did."""

    assigned: int = 0
    founded: int = 0
    copies: int = 0
    merges: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        text = (f"{_count(self.assigned, 'article')} placed in stories ({_count(self.founded, 'new story', 'new stories')}, "
                f"{_count(self.copies, 'copy', 'copies')}")
        return text + (f", {_count(len(self.merges), 'story', 'stories')} merged)" if self.merges else ")")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def load_engine(store: Store) -> StoryEngine:
    """The engine as the store's assignments left it. Signatures made by an earlier shingle hashing
    are made again from the articles' texts (and kept), so old and new articles still find their copies."""
    state = store.story_state()
    weights = Weights(state["terms"])
    engine = StoryEngine(weights)
    for old, into in state["merges"]:
        engine.alias(old, into)
    documents, resigned = 0, []
    for article, story, group, signature, shingles, scheme, vector, published, persons in state["assignments"]:
        if scheme == SCHEME:
            signature = Signature.from_bytes(signature, shingles)
        else:
            signature = engine.signer.sign(store.get(article).article.text)
            resigned.append((article, signature.to_bytes(), signature.shingles, SCHEME))
        weights_of = json.loads(vector)
        documents += bool(weights_of)
        engine.restore(article, story, group, signature, weights.from_dict(weights_of),
                       date.fromisoformat(published) if published else None, _persons(persons))
    weights.documents = documents
    if resigned:
        store.save_signatures(resigned)
    return engine


def _persons(kept: str | None) -> tuple[tuple[str, int], ...]:
    """The surnames an article names and how often, as the store keeps them (a list of surnames
    before the counts were kept: once each)."""
    persons = json.loads(kept or "{}")
    return tuple(persons.items()) if isinstance(persons, dict) else tuple((surname, 1) for surname in persons)


def assign_stories(store: Store, on_article: Callable[[str, str], None] | None = None) -> StoryReport:
    """Place every current article that is in no story yet, in ingest order.

    Every ``SAVE_EVERY`` articles (and at the end), the engine's second look runs and the work is
    saved, so an interrupted run keeps what it did and the next run goes on from there.
    """
    pending = store.unassigned()
    report = StoryReport()
    if not pending:
        return report
    engine = load_engine(store)
    rows: list[tuple] = []
    merges: list[tuple[str, str]] = []
    for start in range(0, len(pending), SAVE_EVERY):
        batch = pending[start:start + SAVE_EVERY]
        items = [story_input(stored.article, dict(stored.analysis)) for stored in map(store.get, batch)]
        for item, (assignment, signature, vector) in zip(items, engine.add_many(items)):
            weights = {k: round(v, 5) for k, v in engine.weights.as_dict(vector).items()}
            persons = dict(item.persons) if weights else {}
            rows.append((item.id, assignment.story, assignment.copy_group, assignment.score, signature.to_bytes(),
                         signature.shingles, SCHEME, json.dumps(weights, ensure_ascii=False),
                         item.published.isoformat() if item.published else None, json.dumps(persons, ensure_ascii=False)))
            merges.extend((gone, assignment.story) for gone in assignment.merged)
            report.assigned += 1
            report.founded += assignment.score is None
            report.copies += assignment.copy_group != item.id
            if on_article:
                on_article(item.id, assignment.story)
        merges.extend(engine.second_look())
        _save(store, engine, rows, merges, report)
    return report


def _save(store: Store, engine: StoryEngine, rows: list, merges: list, report: StoryReport) -> None:
    store.save_assignments(rows, engine.weights.take_added(), merges)
    report.merges.extend(merges)
    rows.clear()
    merges.clear()
