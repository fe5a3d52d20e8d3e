"""The measures the harnesses share: F1, and precision and recall from counts."""

from __future__ import annotations

from dataclasses import dataclass


def f1(precision: float, recall: float) -> float:
    """F1 of a precision and a recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class Counts:
    """Precision and recall from counts. Matches are counted on each side, since one predicted item
    may match several gold ones (or none of them one-to-one): ``tp_predicted`` of ``predicted`` are
    right, ``tp_gold`` of ``gold`` are found."""

    tp_predicted: int
    predicted: int
    tp_gold: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)
