"""Reporting verbs on hand-built parses: lexicon lookup, multiword verbs, spans, modality."""

from __future__ import annotations

import pytest

from quoteattr.attribution.verbs import hedged, negated, reporting_verb_at, verb_span
from tests.builders import W, make_parse


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        (W("déclaré", "VERB", lemma="déclarer"), "déclarer"),
        (W("affirme", "VERB", lemma="affirmer"), "affirmer"),
        (W("dit", "VERB", lemma="dire"), "dire"),
        # a participle the tagger took for an adjective and did not lemmatise
        (W("déclaré", "ADJ", lemma="déclaré"), "déclarer"),
        (W("indiquée", "ADJ", lemma="indiquée"), "indiquer"),
    ],
)
def test_verbs_reporting_verb_found_by_lemma(word: W, lemma: str) -> None:
    parse = make_parse(W("il", "PRON"), word)
    match = reporting_verb_at(parse, 1)
    assert match is not None
    assert (match.first, match.last, match.head, match.entry.lemma) == (1, 1, 1, lemma)


@pytest.mark.parametrize(
    "word",
    [W("mangé", "VERB", lemma="manger"), W("maison", "NOUN", lemma="maison"),
     W("Déclaré", "PROPN", lemma="Déclaré")],
)
def test_verbs_other_words_are_not_reporting_verbs(word: W) -> None:
    parse = make_parse(W("il", "PRON"), word)
    assert reporting_verb_at(parse, 1) is None


@pytest.mark.parametrize(
    ("second", "lemma"),
    [("valoir", "faire valoir"), ("savoir", "faire savoir"), ("remarquer", "faire remarquer")],
)
def test_verbs_multiword_verb_keeps_its_words(second: str, lemma: str) -> None:
    parse = make_parse(W("a", "AUX", head=2), W("fait", "VERB", head=2, lemma="faire"),
                       W(second, "VERB", dep="ROOT"))
    match = reporting_verb_at(parse, 1)
    assert match is not None
    assert (match.first, match.last, match.entry.lemma) == (1, 2, lemma)


@pytest.mark.parametrize(
    ("words", "index", "expected"),
    [
        # "a déclaré": the adjacent auxiliary belongs to the span
        ((W("Peskov", "PROPN", head=2), W("a", "AUX", head=2), W("déclaré", "VERB", lemma="déclarer")),
         2, "a déclaré"),
        # "aurait déclaré"
        ((W("il", "PRON", head=2), W("aurait", "AUX", head=2), W("déclaré", "VERB", lemma="déclarer")),
         2, "aurait déclaré"),
        # "a-t-il affirmé": the auxiliary is not adjacent
        ((W("a", "AUX", head=3), W("-t", "PRON", glue=True, head=3), W("-il", "PRON", glue=True, head=3),
          W("affirmé", "VERB", lemma="affirmer")), 3, "affirmé"),
        # "n'a pas dit": negation separates them
        ((W("n'", "ADV", head=3), W("a", "AUX", head=3, glue=True), W("pas", "ADV", head=3),
          W("dit", "VERB", lemma="dire")), 3, "dit"),
        # "a fait valoir"
        ((W("a", "AUX", head=1), W("fait", "VERB", lemma="faire"), W("valoir", "VERB", head=1)),
         1, "a fait valoir"),
    ],
)
def test_verbs_verb_span_takes_adjacent_auxiliaries(words: tuple[W, ...], index: int, expected: str) -> None:
    parse = make_parse(*words)
    match = reporting_verb_at(parse, index)
    assert match is not None
    first, last = verb_span(parse, match)
    assert parse.text[parse.tokens[first].start:parse.tokens[last].end] == expected


@pytest.mark.parametrize(
    ("adverb", "expected"),
    [("pas", True), ("jamais", True), ("nullement", True), ("aussi", False)],
)
def test_verbs_negated_reads_negation_children(adverb: str, expected: bool) -> None:
    parse = make_parse(W("il", "PRON", head=3), W("n'", "ADV", head=3), W(adverb, "ADV", head=3),
                       W("dit", "VERB", lemma="dire"))
    assert negated(parse, 3) is expected


@pytest.mark.parametrize(
    ("auxiliary", "mood", "expected"),
    [("aurait", "Cnd", True), ("a", "Ind", False)],
)
def test_verbs_hedged_reads_the_conditional(auxiliary: str, mood: str, expected: bool) -> None:
    parse = make_parse(W("il", "PRON", head=2), W(auxiliary, "AUX", head=2, morph={"Mood": mood}),
                       W("déclaré", "VERB", lemma="déclarer"))
    assert hedged(parse, 2) is expected
