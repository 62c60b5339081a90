"""Per-quote outcomes against gold: was each predicted quote's span right, and its speaker?

Shared by the per-rule report (``quoteattr evaluate --by-rule``), the reliability table and
the calibration of confidence, so the three count exactly what the scores count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quoteattr.attribution.evidence import RULES
from quoteattr.evaluation.gold import GoldDocument
from quoteattr.evaluation.matching import match
from quoteattr.evaluation.scoring import THRESHOLDS, speaker_correct
from quoteattr.models import Quote

BANDS = tuple(round(0.1 * i, 1) for i in range(11))


@dataclass(frozen=True)
class Outcome:
    """One predicted quote, judged against the gold annotation of its document.

    Attributes:
        evidence: the rules that found it.
        confidence: the confidence it was given.
        span_right: it overlaps a gold quote (Jaccard >= 0.5, one-to-one).
        attribution_right: its span is right and so is its speaker.
    """

    evidence: tuple[str, ...]
    confidence: float
    span_right: bool
    attribution_right: bool


def outcomes(pairs: Iterable[tuple[GoldDocument, Sequence[Quote]]]) -> list[Outcome]:
    """Return the outcome of every predicted quote of every document."""
    found = []
    for document, predicted in pairs:
        matched = dict((j, i) for i, j in match(document.quotes, predicted, THRESHOLDS["overlap"]))
        for j, quote in enumerate(predicted):
            i = matched.get(j)
            right = i is not None and speaker_correct(document.quotes[i], quote)
            found.append(Outcome(tuple(quote.evidence), quote.confidence, i is not None, right))
    return found


@dataclass(frozen=True)
class RuleStats:
    """How one rule did: how often it fired and how often its quotes were right."""

    name: str
    fired: int
    span_right: int
    attribution_right: int

    @property
    def span_precision(self) -> float:
        """Share of its quotes whose span was right (0 when it never fired)."""
        return self.span_right / self.fired if self.fired else 0.0

    @property
    def attribution_precision(self) -> float:
        """Share of its quotes whose span and speaker were right (0 when it never fired)."""
        return self.attribution_right / self.fired if self.fired else 0.0


def by_rule(found: Sequence[Outcome]) -> list[RuleStats]:
    """Return the stats of every declared rule, in rule-table order."""
    stats = []
    for rule in RULES:
        mine = [o for o in found if rule.name in o.evidence]
        stats.append(RuleStats(rule.name, len(mine), sum(o.span_right for o in mine),
                               sum(o.attribution_right for o in mine)))
    return stats


@dataclass(frozen=True)
class Band:
    """The quotes whose confidence falls in ``[low, high)`` (the last band includes 1.0).

    ``stated`` is their mean confidence, the value ``accuracy`` should come close to.
    """

    low: float
    high: float
    quotes: int
    right: int
    stated: float

    @property
    def accuracy(self) -> float:
        """Share of the band's quotes whose span and speaker were right (0 when empty)."""
        return self.right / self.quotes if self.quotes else 0.0


def reliability(found: Sequence[Outcome]) -> list[Band]:
    """Return the ten confidence bands 0–0.1, …, 0.9–1.0 with their measured accuracy."""
    bands = []
    for low, high in zip(BANDS, BANDS[1:]):
        last = high == BANDS[-1]
        mine = [o for o in found if low <= o.confidence < high or (last and o.confidence == high)]
        stated = sum(o.confidence for o in mine) / len(mine) if mine else 0.0
        bands.append(Band(low, high, len(mine), sum(o.attribution_right for o in mine), stated))
    return bands
