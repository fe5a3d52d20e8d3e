"""The inverted index story assignment scores with: for each feature, the latest articles that have it.

Every feature (a term in one view of an article's vector) owns a run of slots in two flat arrays (the
article's number and its weight for the feature). A run starts small, doubles when it fills and stops
growing at ``RECENT`` slots, after which it is a ring: the newest article overwrites the oldest, so
news that has moved on stops counting and the cost of a lookup stays flat as the archive grows.
Looking up a whole vector is a handful of array operations, whatever its number of features.
"""

from __future__ import annotations

import numpy as np

from storyline.stories.features import Vector

RECENT = 200         # of a feature's articles, the latest that count
_FIRST_RUN = 2       # slots a feature gets when first seen


class Postings:
    """Feature -> the latest ``RECENT`` (article number, weight) entries."""

    def __init__(self):
        self._start = np.zeros(0, dtype=np.int64)    # by feature: its run's first slot
        self._size = np.zeros(0, dtype=np.int64)     # by feature: its run's length
        self._count = np.zeros(0, dtype=np.int64)    # by feature: entries ever added
        self._article = np.zeros(1 << 16, dtype=np.int32)
        self._weight = np.zeros(1 << 16, dtype=np.float32)
        self._used = 0                               # slots handed out (live or left behind by a move)

    def add(self, article: int, vector: Vector) -> None:
        """Post an article's vector (each feature at most once in it), into runs :meth:`reserve`
        made room in."""
        features, weights = vector
        count = self._count[features]
        slots = self._start[features] + count % self._size[features]
        self._article[slots] = article
        self._weight[slots] = weights
        self._count[features] = count + 1

    def reserve(self, features: np.ndarray) -> None:
        """Make room in the runs that posting these features will fill (those of the vectors to be
        added next, each feature once per vector): a batch's at once, so that :meth:`add` only writes."""
        if not len(features):
            return
        self._room_for_features(int(features.max()) + 1)
        features, added = np.unique(features, return_counts=True)
        needed = np.minimum(self._count[features] + added, RECENT)
        short = self._size[features] < needed
        if short.any():
            self._widen(features[short], needed[short])

    def similarities(self, vector: Vector, floor: float) -> tuple[np.ndarray, np.ndarray]:
        """Dot products of ``vector`` with the posted articles that share a feature with it, for those
        reaching ``floor``: (article numbers, similarities)."""
        features, weights = vector
        if len(features) and features.max() >= len(self._size):
            known = features < len(self._size)
            features, weights = features[known], weights[known]
        counts = np.minimum(self._count[features], self._size[features])
        slots = _runs(self._start[features], counts)
        if not len(slots):
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        sums = np.bincount(self._article[slots], weights=self._weight[slots] * np.repeat(weights, counts))
        near = np.flatnonzero(sums >= floor)
        return near, sums[near]

    def _room_for_features(self, features: int) -> None:
        if features > len(self._size):
            grown = max(features, 2 * len(self._size), 1024)
            for name in ("_start", "_size", "_count"):
                old = getattr(self, name)
                setattr(self, name, np.concatenate([old, np.zeros(grown - len(old), dtype=old.dtype)]))

    def _widen(self, features: np.ndarray, needed: np.ndarray) -> None:
        """Give runs (not yet at ``RECENT``) room for ``needed`` entries at the end of the arrays,
        doubling their size as often as that takes."""
        size = self._size[features]
        widened = np.maximum(size, _FIRST_RUN)
        while (short := widened < needed).any():
            widened[short] *= 2
        widened = np.minimum(widened, RECENT)
        self._room_for_slots(int(widened.sum()))
        start = self._used + np.cumsum(widened) - widened
        # A run shorter than RECENT has never wrapped: its entries are in order from its first slot.
        old, new = _runs(self._start[features], size), _runs(start, size)
        self._article[new] = self._article[old]
        self._weight[new] = self._weight[old]
        self._start[features], self._size[features] = start, widened
        self._used += int(widened.sum())

    def _room_for_slots(self, needed: int) -> None:
        """Make room for ``needed`` more slots: compact the live runs into new arrays twice their size."""
        if self._used + needed <= len(self._article):
            return
        live = np.flatnonzero(self._size)
        sizes = self._size[live]
        total = int(sizes.sum())
        capacity = max(2 * (total + needed), 1 << 16)
        old = _runs(self._start[live], sizes)
        article, weight = np.zeros(capacity, dtype=np.int32), np.zeros(capacity, dtype=np.float32)
        article[:total], weight[:total] = self._article[old], self._weight[old]
        self._article, self._weight = article, weight
        self._start[live] = np.cumsum(sizes) - sizes
        self._used = total


def _runs(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The slots of several runs, one after the other: ``starts[i]`` to ``starts[i] + lengths[i]``."""
    ends = np.cumsum(lengths)
    return np.repeat(starts - (ends - lengths), lengths) + np.arange(ends[-1] if len(ends) else 0)
