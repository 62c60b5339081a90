"""Character-overlap matching of gold and predicted quotes."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from quoteattr.evaluation.matching import jaccard, match


@dataclass(frozen=True)
class S:
    """A bare span."""

    start: int
    end: int


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (S(0, 10), S(0, 10), 1.0),
        (S(0, 10), S(20, 30), 0.0),
        (S(0, 10), S(10, 20), 0.0),   # touching is no overlap
        (S(0, 10), S(5, 15), 5 / 15),
        (S(0, 10), S(0, 5), 0.5),
        (S(2, 4), S(0, 10), 0.2),
    ],
)
def test_matching_jaccard(a: S, b: S, expected: float) -> None:
    assert jaccard(a, b) == pytest.approx(expected)
    assert jaccard(b, a) == pytest.approx(expected)


def test_matching_pairs_are_one_to_one_best_first() -> None:
    gold = [S(0, 10)]
    predicted = [S(0, 6), S(0, 9)]
    assert match(gold, predicted) == [(0, 1)]


def test_matching_each_prediction_used_once() -> None:
    gold = [S(0, 10), S(0, 9)]
    predicted = [S(0, 10)]
    assert match(gold, predicted) == [(0, 0)]


def test_matching_pairs_every_document_quote() -> None:
    gold = [S(0, 10), S(20, 30), S(40, 50)]
    predicted = [S(41, 50), S(0, 10), S(20, 29)]
    assert match(gold, predicted) == [(0, 1), (1, 2), (2, 0)]


@pytest.mark.parametrize(
    ("predicted", "threshold", "expected"),
    [
        (S(0, 5), 0.5, [(0, 0)]),     # exactly at the threshold
        (S(0, 4), 0.5, []),           # below it
        (S(0, 10), 1.0, [(0, 0)]),    # exact span
        (S(0, 9), 1.0, []),           # one character short of exact
        (S(9, 10), 0.0, [(0, 0)]),
        (S(10, 20), 0.0, []),         # no overlap is never a match
    ],
)
def test_matching_threshold(predicted: S, threshold: float, expected: list[tuple[int, int]]) -> None:
    assert match([S(0, 10)], [predicted], threshold) == expected


def test_matching_nothing_to_match() -> None:
    assert match([], [S(0, 1)]) == [] and match([S(0, 1)], []) == []
