"""Scores on real journalism must not drop: the check split of ../shared/realdev/.

``check.jsonl`` holds real French Wikinews articles annotated independently of this project;
it is scored here, never read to decide a rule. The floors are the figures measured when they
were last raised, rounded down to two decimals: raise them when the extractor improves, never
lower them to make a change pass. The test skips, saying why, when ``../shared`` is absent
(a clone of the repository alone).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import quoteattr
from quoteattr.evaluation import load_gold, score
from quoteattr.evaluation.scoring import Scores

CHECK_SPLIT = Path(__file__).resolve().parents[2] / "shared" / "realdev" / "check.jsonl"

FLOORS = {
    "quote F1": 0.59,
    "speaker accuracy": 0.88,
    "attribution F1": 0.52,
}

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not CHECK_SPLIT.exists(),
                       reason=f"the real-text check split is not here ({CHECK_SPLIT}): it lives in ../shared"),
]


@pytest.fixture(scope="module")
def check_scores(extractor: quoteattr.Extractor) -> Scores:
    """Return the scores of the default extractor on the check split."""
    gold = load_gold(CHECK_SPLIT)
    return score(zip(gold, extractor.pipe(doc.text for doc in gold), strict=True))


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_realdev_check_scores_stay_at_or_above_measured_floor(check_scores: Scores, metric: str) -> None:
    measured = {
        "quote F1": check_scores.spans["overlap"]["all"].f1,
        "speaker accuracy": check_scores.speaker.value,
        "attribution F1": check_scores.attribution.f1,
    }[metric]
    assert measured >= FLOORS[metric], f"{metric} on real text fell to {measured:.3f} (floor {FLOORS[metric]})"
