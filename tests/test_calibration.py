"""Calibrated confidence: back-off keys, the shipped table, and its use by the extractor."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.calibration import (
    PRIOR_WEIGHT,
    REAL_WEIGHT,
    CalibrationTable,
    Counts,
    backoff_keys,
    load_calibration,
    parse_calibration,
)
from quoteattr.errors import InputFormatError
from quoteattr.evaluation.calibration import build_calibration
from quoteattr.evaluation.outcomes import Outcome, by_rule, reliability

INCISE = ("incise_after", "subject_clitic", "pronoun_antecedent", "relay_cue")


def test_calibration_backoff_keys_go_from_finest_to_family() -> None:
    assert backoff_keys(INCISE) == [
        "incise_after+subject_clitic+pronoun_antecedent+relay_cue",
        "incise_after+subject_clitic+pronoun_antecedent",
        "incise_after+pronoun_antecedent",
        "family:direct+pronoun_antecedent",
        "any+pronoun_antecedent",
        "incise_after",
        "family:direct",
    ]


def test_calibration_backoff_keeps_modifiers_at_every_level() -> None:
    keys = backoff_keys(("no_cue", "no_speaker", "page_furniture"))
    assert all(key.endswith("page_furniture") for key in keys)


def test_calibration_key_does_not_depend_on_firing_order() -> None:
    assert backoff_keys(("que_clause", "named", "mixed_fragment")) == backoff_keys(
        ("mixed_fragment", "que_clause", "named"))
    assert "family:mixed+named" in backoff_keys(("que_clause", "named", "mixed_fragment"))


def test_calibration_confidence_is_smoothed_from_the_coarsest_key_to_the_finest() -> None:
    family = Counts(written=20, written_right=15)
    rule = Counts(written=9, written_right=9)
    table = CalibrationTable({"family:direct+pronoun_antecedent": family, "incise_after+pronoun_antecedent": rule})
    above = (15 + PRIOR_WEIGHT * 0.5) / (20 + PRIOR_WEIGHT)
    assert table.confidence(INCISE) == pytest.approx((9 + PRIOR_WEIGHT * above) / (9 + PRIOR_WEIGHT))
    assert above < table.confidence(INCISE) < 1.0, "a rare perfect key moves towards 1, not to 1"
    assert CalibrationTable({}).confidence(INCISE) is None


def test_calibration_a_key_with_the_observations_of_the_key_above_adds_nothing() -> None:
    family = Counts(written=20, written_right=15)
    rule = Counts(real=1)
    alone = CalibrationTable({"family:direct+pronoun_antecedent": family, "incise_after+pronoun_antecedent": rule})
    twice = CalibrationTable({**alone.counts, "incise_after+subject_clitic+pronoun_antecedent": rule})
    assert twice.confidence(INCISE) == pytest.approx(alone.confidence(INCISE))


def test_calibration_real_observations_outweigh_written_ones() -> None:
    mixed = Counts(real=10, real_right=5, written=10, written_right=10)
    assert mixed.weight == REAL_WEIGHT * 10 + 10
    assert mixed.right / mixed.weight == pytest.approx((REAL_WEIGHT * 5 + 10) / (REAL_WEIGHT * 10 + 10))
    assert mixed.right / mixed.weight < 0.75, "the real half counts more than the written half"


def test_calibration_build_counts_every_key_of_every_outcome() -> None:
    real = [Outcome(INCISE, 0.9, True, True), Outcome(INCISE, 0.9, True, False)]
    written = [Outcome(INCISE, 0.9, True, True), Outcome(("no_cue", "no_speaker"), 0.1, False, False)]
    table = build_calibration(real, written)
    assert table.counts["incise_after"] == Counts(real=2, real_right=1, written=1, written_right=1)
    assert table.counts["no_cue+no_speaker"] == Counts(written=1)
    assert parse_calibration(table.to_tsv(), "memory").counts == table.counts


@pytest.mark.parametrize(("line", "message"), [
    ("incise_after\t1\t2\t10\t5\t0.5", "line 2: counts must satisfy"),
    ("incise_after\t0\t0\t0\t0\t0.0", "line 2: counts must satisfy"),
    ("incise_after\t10\t5\t0.5", "line 2: expected 6 tab-separated fields, got 4"),
    ("incise_after\tten\t5\t1\t1\t0.5", "line 2: invalid literal"),
])
def test_calibration_bad_line_is_an_error_naming_file_and_line(line: str, message: str) -> None:
    with pytest.raises(InputFormatError, match=f"my.tsv, {message}"):
        parse_calibration(f"key\treal\treal_right\twritten\twritten_right\tprecision\n{line}\n", "my.tsv")


def test_calibration_shipped_table_loads_and_covers_every_family() -> None:
    table = load_calibration()
    for family in ("direct", "indirect", "mixed"):
        counts = table.counts[f"family:{family}"]
        assert counts.real + counts.written >= 100


def test_calibration_by_rule_and_reliability_count_outcomes() -> None:
    found = [Outcome(INCISE, 0.95, True, True), Outcome(INCISE, 0.92, True, False),
             Outcome(("no_cue", "no_speaker"), 0.05, False, False), Outcome(("no_cue",), 1.0, True, True)]
    stats = {s.name: s for s in by_rule(found)}
    assert (stats["incise_after"].fired, stats["incise_after"].attribution_precision) == (2, 0.5)
    assert stats["no_cue"].span_precision == 0.5
    bands = {b.low: b for b in reliability(found)}
    assert (bands[0.9].quotes, bands[0.9].right) == (3, 2)
    assert bands[0.9].stated == pytest.approx((0.95 + 0.92 + 1.0) / 3)
    assert (bands[0.0].quotes, bands[0.0].right) == (1, 0)


@pytest.mark.model
def test_calibration_extractor_confidence_is_the_table_value(extractor: quoteattr.Extractor) -> None:
    text = "« Nous ne céderons pas », a déclaré le maire de Lille, Arnaud Berthet."
    table = load_calibration()
    quote = extractor.extract(text)[0]
    assert quote.confidence == pytest.approx(table.confidence(quote.evidence), abs=5e-4)
    raw = quoteattr.Extractor(parser=extractor.parser, calibration=False).extract(text)[0]
    assert raw.evidence == quote.evidence and raw.confidence == 0.9


@pytest.mark.model
def test_calibration_quote_with_no_speaker_falls_below_the_default_threshold(extractor: quoteattr.Extractor) -> None:
    text = "La nuit est tombée sur la ville. « La situation reste très préoccupante dans toute la région. »"
    candidates = extractor.extract(text, min_confidence=0)
    unattributed = [q for q in candidates if q.speaker is None]
    assert unattributed and all("no_speaker" in q.evidence and q.confidence < 0.5 for q in unattributed)


def test_calibration_bad_argument_is_refused() -> None:
    with pytest.raises(TypeError, match="calibration must be True, False, a CalibrationTable or a path"):
        quoteattr.Extractor(calibration=3)
