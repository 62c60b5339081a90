"""Scores of hand-made predictions against a hand-made gold document."""

from __future__ import annotations

import json

import pytest

from quoteattr import Quote, ReportingVerb, Source, Speaker
from quoteattr.evaluation import GoldDocument, score
from quoteattr.evaluation.report import format_errors, format_json, format_table
from quoteattr.evaluation.scoring import speaker_correct

TEXT = ("« Nous ne partirons pas », a déclaré à l'AFP le porte-parole du Kremlin, Dmitri Peskov. "
        "Le ministre Paul Girard a estimé que la réforme était prête.")
FIRST = "Nous ne partirons pas"
SECOND = "la réforme était prête"


def at(part: str, occurrence: int = 0) -> dict:
    """Return ``{text, start, end}`` of the ``occurrence``-th ``part`` in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(part, start + 1)
    return {"text": part, "start": start, "end": start + len(part)}


GOLD = GoldDocument.model_validate({
    "id": "doc-1",
    "text": TEXT,
    "quotes": [
        {"kind": "direct", "cue": "verb", **at(FIRST),
         "speaker": {**at("le porte-parole du Kremlin, Dmitri Peskov"), "name": "Dmitri Peskov",
                     "role": "porte-parole du Kremlin", "kind": "person",
                     "aliases": ["Peskov", "porte-parole du Kremlin"]},
         "verb": {**at("a déclaré"), "lemma": "déclarer"},
         "relayed_by": [{**at("AFP"), "name": "AFP"}]},
        {"kind": "indirect", "cue": "verb", **at(SECOND),
         "speaker": {**at("Le ministre Paul Girard"), "name": "Paul Girard", "kind": "person"},
         "verb": {**at("a estimé"), "lemma": "estimer"}},
    ],
})


def first_quote(**changes) -> Quote:
    """Return the right prediction of the first gold quote, with ``changes``."""
    fields = dict(
        **at(FIRST), kind="direct", cue="verb",
        speaker=Speaker(**at("le porte-parole du Kremlin, Dmitri Peskov"), name="Dmitri Peskov",
                        role="porte-parole du Kremlin", kind="person"),
        verb=ReportingVerb(**at("a déclaré"), lemma="déclarer"),
        relayed_by=[Source(**at("AFP"), name="AFP")], confidence=0.9,
    )
    fields.update(changes)
    return Quote(**fields)


def second_quote(**changes) -> Quote:
    """Return the right prediction of the second gold quote, with ``changes``."""
    fields = dict(
        **at(SECOND), kind="indirect", cue="verb",
        speaker=Speaker(**at("Le ministre Paul Girard"), name="Paul Girard", role="ministre", kind="person"),
        verb=ReportingVerb(**at("a estimé"), lemma="estimer"), confidence=0.8,
    )
    fields.update(changes)
    return Quote(**fields)


def test_scoring_gold_fixture_is_consistent() -> None:
    for quote in GOLD.quotes:
        assert TEXT[quote.start:quote.end] == quote.text


def test_scoring_perfect_prediction_scores_one_everywhere() -> None:
    scores = score([(GOLD, [first_quote(), second_quote()])])
    for table in scores.spans.values():
        for kind in ("direct", "indirect", "all"):
            counts = table[kind]
            assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
    assert (scores.kind.value, scores.speaker.value, scores.verb.value) == (1.0, 1.0, 1.0)
    assert (scores.attribution.f1, scores.relays.f1) == (1.0, 1.0)
    assert scores.documents == 1
    assert scores.errors == []


def test_scoring_missed_quote_lowers_recall() -> None:
    scores = score([(GOLD, [first_quote()])])
    counts = scores.spans["overlap"]["all"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 1)
    assert (counts.precision, counts.recall) == (1.0, 0.5)
    assert scores.spans["overlap"]["indirect"].recall == 0.0
    assert [(e.category, e.text) for e in scores.errors] == [("missed", SECOND)]


def test_scoring_spurious_quote_lowers_precision() -> None:
    extra = Quote(**at("Le ministre"), kind="direct", cue="none", confidence=0.3)
    scores = score([(GOLD, [first_quote(), second_quote(), extra])])
    counts = scores.spans["overlap"]["all"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 0)
    assert (counts.precision, counts.recall) == (pytest.approx(2 / 3), 1.0)
    assert [(e.category, e.text) for e in scores.errors] == [("spurious", "Le ministre")]


def test_scoring_wrong_speaker_counts_as_misattributed() -> None:
    wrong = Speaker(**at("AFP"), name="AFP", kind="organization")
    scores = score([(GOLD, [first_quote(speaker=wrong), second_quote()])])
    assert scores.spans["overlap"]["all"].f1 == 1.0
    assert (scores.speaker.correct, scores.speaker.total) == (1, 2)
    assert (scores.attribution.tp, scores.attribution.fp, scores.attribution.fn) == (1, 1, 1)
    (error,) = scores.errors
    assert (error.category, error.gold_speaker, error.predicted_speaker) == (
        "misattributed", "Dmitri Peskov", "AFP")


@pytest.mark.parametrize(
    ("name", "mention", "expected"),
    [
        ("Dmitri Peskov", "Dmitri Peskov", True),
        ("Peskov", "Peskov", True),                      # an alias
        ("M. Peskov", "M. Peskov", True),                # honorific ignored
        ("le porte-parole du Kremlin", "il", True),      # article ignored, alias matched
        ("il", "le porte-parole du Kremlin, Dmitri Peskov", True),   # the gold mention itself
        ("Sergueï Lavrov", "Sergueï Lavrov", False),
        ("il", "il", False),
    ],
)
def test_scoring_speaker_forms_accept_aliases_and_ignore_articles(name: str, mention: str,
                                                                  expected: bool) -> None:
    # only the speaker's forms are compared here, so its offsets need not point into TEXT
    predicted = first_quote(speaker=Speaker(text=mention, start=0, end=len(mention), name=name))
    assert speaker_correct(GOLD.quotes[0], predicted) is expected


def test_scoring_absent_speakers_agree_only_with_absent_gold() -> None:
    gold = GOLD.quotes[0].model_copy(update={"speaker": None})
    assert speaker_correct(gold, first_quote(speaker=None)) is True
    assert speaker_correct(gold, first_quote()) is False
    assert speaker_correct(GOLD.quotes[0], first_quote(speaker=None)) is False


@pytest.mark.parametrize(
    ("lemma", "correct"),
    [("déclarer", True), ("Déclarer", True), ("dire", False)],
)
def test_scoring_verb_lemma_accuracy(lemma: str, correct: bool) -> None:
    verb = ReportingVerb(**at("a déclaré"), lemma=lemma)
    scores = score([(GOLD, [first_quote(verb=verb), second_quote()])])
    assert (scores.verb.correct, scores.verb.total) == (1 + correct, 2)


def test_scoring_missing_verb_is_wrong() -> None:
    scores = score([(GOLD, [first_quote(verb=None), second_quote()])])
    assert (scores.verb.correct, scores.verb.total) == (1, 2)


def test_scoring_relays_compare_canonical_names() -> None:
    relays = [Source(**at("AFP"), name="Reuters")]
    scores = score([(GOLD, [first_quote(relayed_by=relays), second_quote()])])
    assert (scores.relays.tp, scores.relays.fp, scores.relays.fn) == (0, 1, 1)


def test_scoring_wrong_kind_lowers_kind_accuracy_and_per_kind_counts() -> None:
    scores = score([(GOLD, [first_quote(), second_quote(kind="mixed")])])
    assert (scores.kind.correct, scores.kind.total) == (1, 2)
    assert scores.spans["overlap"]["all"].f1 == 1.0
    assert scores.spans["overlap"]["indirect"].fn == 1
    assert scores.spans["overlap"]["mixed"].fp == 1


def test_scoring_near_span_matches_with_overlap_but_not_exactly() -> None:
    span = at(FIRST)
    shifted = first_quote(text=FIRST[1:], start=span["start"] + 1, end=span["end"])
    scores = score([(GOLD, [shifted, second_quote()])])
    assert scores.spans["overlap"]["all"].tp == 2
    assert (scores.spans["exact"]["all"].tp, scores.spans["exact"]["all"].fn) == (1, 1)


def test_scoring_sums_over_documents() -> None:
    scores = score([(GOLD, [first_quote(), second_quote()]), (GOLD, [])])
    assert scores.documents == 2
    counts = scores.spans["overlap"]["all"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 0, 2)


def test_scoring_reports_print_every_metric() -> None:
    scores = score([(GOLD, [first_quote(), second_quote(speaker=None)])])
    table = format_table(scores)
    assert "documents: 1" in table and "F1" in table and "speaker accuracy" in table
    data = json.loads(format_json(scores, with_errors=True))
    assert data["spans"]["overlap"]["all"]["f1"] == 1.0
    assert data["speaker_accuracy"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert [e["category"] for e in data["errors"]] == ["misattributed"]
    assert "[misattributed] doc-1" in format_errors(scores)
