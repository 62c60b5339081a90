"""One-to-one matching of predicted and gold quotes by character overlap."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class HasSpan(Protocol):
    """Anything with character offsets."""

    start: int
    end: int


def jaccard(a: HasSpan, b: HasSpan) -> float:
    """Return the overlap of two spans over their union, in characters (0 to 1)."""
    overlap = min(a.end, b.end) - max(a.start, b.start)
    if overlap <= 0:
        return 0.0
    union = max(a.end, b.end) - min(a.start, b.start)
    return overlap / union


def match(gold: Sequence[HasSpan], predicted: Sequence[HasSpan],
          threshold: float = 0.5) -> list[tuple[int, int]]:
    """Return ``(gold index, predicted index)`` pairs, best overlaps first, each used once.

    Only pairs whose Jaccard overlap is at least ``threshold`` are kept; a threshold of 1.0
    asks for exact spans.
    """
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            if p.end <= g.start or p.start >= g.end:
                continue
            overlap = jaccard(g, p)
            if overlap >= threshold - 1e-9:
                pairs.append((overlap, i, j))
    pairs.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    result = []
    for _, i, j in pairs:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            result.append((i, j))
    return sorted(result)
