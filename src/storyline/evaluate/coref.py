"""Coreference scores: MUC, B-cubed and CEAF-e, and their mean (the CoNLL F1).

Clusterings are dicts from mention to cluster label over the same mentions (a mention the system
leaves out is scored as a singleton of its own).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from storyline.evaluate.measures import f1


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class CorefScore:
    muc: PRF
    b_cubed: PRF
    ceaf_e: PRF
    mentions: int

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3


def _clusters(assignment: dict[Hashable, Hashable]) -> list[set]:
    groups: dict[Hashable, set] = defaultdict(set)
    for mention, label in assignment.items():
        groups[label].add(mention)
    return list(groups.values())


def _muc(key: list[set], response: list[set]) -> float:
    """MUC recall of ``key`` against ``response`` (swap the arguments for precision)."""
    where = {m: i for i, cluster in enumerate(response) for m in cluster}
    numerator = denominator = 0
    for cluster in key:
        parts = {where.get(m, ("alone", m)) for m in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator / denominator if denominator else 0.0


def _b_cubed(key: list[set], response: list[set]) -> float:
    """B-cubed recall of ``key`` against ``response``."""
    where = {m: cluster for cluster in response for m in cluster}
    total = count = 0.0
    for cluster in key:
        for m in cluster:
            total += len(cluster & where.get(m, {m})) / len(cluster)
            count += 1
    return total / count if count else 0.0


def _ceaf_e(key: list[set], response: list[set]) -> PRF:
    """Entity-based CEAF: the best one-to-one alignment of clusters by phi4 similarity."""
    if not key or not response:
        return PRF(0.0, 0.0)
    similarity = np.zeros((len(key), len(response)))
    where = defaultdict(list)
    for j, cluster in enumerate(response):
        for m in cluster:
            where[m].append(j)
    for i, cluster in enumerate(key):
        for j in {j for m in cluster for j in where.get(m, ())}:
            overlap = len(cluster & response[j])
            similarity[i, j] = 2 * overlap / (len(cluster) + len(response[j]))
    rows, cols = linear_sum_assignment(-similarity)
    best = similarity[rows, cols].sum()
    return PRF(best / len(response), best / len(key))


def score_clusters(gold: dict[Hashable, Hashable], system: dict[Hashable, Hashable]) -> CorefScore:
    """Score a system clustering against the gold one over the gold mentions."""
    system = {m: system.get(m, ("singleton", m)) for m in gold}
    key, response = _clusters(gold), _clusters(system)
    return CorefScore(
        muc=PRF(_muc(response, key), _muc(key, response)),
        b_cubed=PRF(_b_cubed(response, key), _b_cubed(key, response)),
        ceaf_e=_ceaf_e(key, response),
        mentions=len(gold),
    )
