"""The harmonic mean every harness reports."""

from __future__ import annotations


def f1(precision: float, recall: float) -> float:
    """F1 of a precision and a recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
