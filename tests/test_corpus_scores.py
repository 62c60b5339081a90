"""The extractor's scores on the test split of the annotated corpus must not drop.

The floors are the figures measured when they were last raised (see corpora/README.md and
CHANGELOG.md), rounded down to two decimals. Raise them when the extractor improves; never
lower them to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import quoteattr
from quoteattr.evaluation import load_gold, score
from quoteattr.evaluation.scoring import Scores

TEST_SPLIT = Path(__file__).resolve().parents[1] / "corpora" / "test.jsonl"

FLOORS = {
    "direct F1": 0.98,
    "block F1": 0.94,
    "indirect F1": 0.89,
    "mixed F1": 0.94,
    "all F1": 0.95,
    "attribution F1": 0.89,
    "relayed_by F1": 0.87,
    "speaker accuracy": 0.94,
    "verb-lemma accuracy": 0.97,
}


@pytest.fixture(scope="module")
def test_split_scores(extractor: quoteattr.Extractor) -> Scores:
    """Return the scores of the default extractor on the test split."""
    gold = load_gold(TEST_SPLIT)
    return score(zip(gold, extractor.pipe(doc.text for doc in gold), strict=True))


def _measure(scores: Scores) -> dict[str, float]:
    """Return the measured value of every floor."""
    spans = scores.spans["overlap"]
    return {
        "direct F1": spans["direct"].f1,
        "block F1": spans["block"].f1,
        "indirect F1": spans["indirect"].f1,
        "mixed F1": spans["mixed"].f1,
        "all F1": spans["all"].f1,
        "attribution F1": scores.attribution.f1,
        "relayed_by F1": scores.relays.f1,
        "speaker accuracy": scores.speaker.value,
        "verb-lemma accuracy": scores.verb.value,
    }


@pytest.mark.model
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_corpus_scores_stay_at_or_above_measured_floor(test_split_scores: Scores, metric: str) -> None:
    measured = _measure(test_split_scores)[metric]
    assert measured >= FLOORS[metric], f"{metric} fell to {measured:.3f} (floor {FLOORS[metric]})"


def test_corpus_scores_test_split_is_not_empty() -> None:
    gold = load_gold(TEST_SPLIT)
    assert len(gold) >= 20
    assert sum(len(doc.quotes) for doc in gold) >= 150
