"""Calibrated confidence: back-off keys, the shipped table, and its use by the extractor."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.calibration import CalibrationTable, backoff_keys, load_calibration, parse_calibration
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


def test_calibration_confidence_is_the_first_key_with_enough_observations() -> None:
    table = CalibrationTable({"incise_after+pronoun_antecedent": (9, 9), "family:direct+pronoun_antecedent": (20, 15)})
    assert table.confidence(INCISE) == pytest.approx(0.75)
    assert CalibrationTable({}).confidence(INCISE) is None


def test_calibration_build_counts_every_key_of_every_outcome() -> None:
    found = [Outcome(INCISE, 0.9, True, True), Outcome(INCISE, 0.9, True, False),
             Outcome(("no_cue", "no_speaker"), 0.1, False, False)]
    table = build_calibration(found)
    assert table.counts["incise_after"] == (2, 1)
    assert table.counts["no_cue+no_speaker"] == (1, 0)
    assert parse_calibration(table.to_tsv(), "memory").counts == table.counts


@pytest.mark.parametrize(("line", "message"), [
    ("incise_after\t10\t11\t1.1", "line 2: counts must satisfy"),
    ("incise_after\t10\t5", "line 2: expected 4 tab-separated fields, got 3"),
    ("incise_after\tten\t5\t0.5", "line 2: invalid literal"),
])
def test_calibration_bad_line_is_an_error_naming_file_and_line(line: str, message: str) -> None:
    with pytest.raises(InputFormatError, match=f"my.tsv, {message}"):
        parse_calibration(f"key\tobserved\tcorrect\tprecision\n{line}\n", "my.tsv")


def test_calibration_shipped_table_loads_and_covers_every_family() -> None:
    table = load_calibration()
    for family in ("direct", "indirect", "mixed"):
        observed, _ = table.counts[f"family:{family}"]
        assert observed >= table.min_observations


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
