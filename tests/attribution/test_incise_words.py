"""Incise verbs the tagger mistakes for other words, on hand-built parses."""

from __future__ import annotations

from quoteattr.attribution.direct import _inverted_subject_follows, _mistagged_verb
from tests.builders import W, make_parse


def test_incise_words_present_form_before_a_clitic_is_a_verb_whatever_its_tag() -> None:
    # », estime-t-on : the tagger made "estime" an adverb
    parse = make_parse(W("»", "PUNCT"), W(",", "PUNCT", glue=True), W("estime", "ADV"),
                       W("-t", "PRON", glue=True), W("-on", "PRON", glue=True))
    match = _mistagged_verb(parse, 2)
    assert match is not None and match.entry.lemma == "estimer"
    assert _inverted_subject_follows(parse, 2)


def test_incise_words_noun_without_clitic_or_known_verb_is_no_verb() -> None:
    # », estime des experts (no clitic) and », tranchée-t-il is no lexicon form
    no_clitic = make_parse(W("»", "PUNCT"), W("estime", "NOUN"), W("des", "DET"), W("experts", "NOUN"))
    unknown = make_parse(W("»", "PUNCT"), W("bouteille", "NOUN"), W("-t", "PRON", glue=True),
                         W("-il", "PRON", glue=True))
    assert _mistagged_verb(no_clitic, 1) is None
    assert _mistagged_verb(unknown, 1) is None


def test_incise_words_inverted_subject_is_an_article_a_name_or_a_clitic() -> None:
    # juge le syndicat / juge Paul / juge dans
    parse = make_parse(W("juge", "NOUN"), W("le", "DET"), W("syndicat", "NOUN"),
                       W("juge", "NOUN"), W("Paul", "PROPN"), W("juge", "NOUN"), W("dans", "ADP"))
    assert _inverted_subject_follows(parse, 0)
    assert _inverted_subject_follows(parse, 3)
    assert not _inverted_subject_follows(parse, 5)
