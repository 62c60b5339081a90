"""The extractor runs without spaCy's NER component and types names itself (issue 10)."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.attribution.names import label_names
from quoteattr.parse.spacy_backend import SpacyBackend

pytestmark = pytest.mark.model

PLACE_NEAR_SPEAKER = ("« Nous ne céderons pas », a déclaré Dmitri Peskov à Moscou. Le Kremlin s'est "
                      "réuni mardi à Moscou. « Rien n'est exclu à ce stade », a-t-il ajouté.")


def test_default_extractor_leaves_the_ner_component_out(extractor: quoteattr.Extractor) -> None:
    assert isinstance(extractor.parser, SpacyBackend)
    assert "ner" not in extractor.parser.nlp.pipe_names
    assert "parser" in extractor.parser.nlp.pipe_names


def test_parse_without_ner_gets_person_place_and_organisation_types(extractor: quoteattr.Extractor) -> None:
    parse = next(extractor.parser.parse_many([PLACE_NEAR_SPEAKER]))
    assert not parse.entities
    assert all(t.ent == "" for t in parse.tokens)
    typed = {t.text: t.ent for t in label_names(parse, extractor.outlets).tokens}
    assert (typed["Dmitri"], typed["Peskov"], typed["Moscou"], typed["Kremlin"]) == ("PER", "PER", "LOC", "ORG")


def test_pronoun_speaker_skips_the_place_named_after_the_person(extractor: quoteattr.Extractor) -> None:
    quotes = extractor.extract(PLACE_NEAR_SPEAKER, min_confidence=0)
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Dmitri Peskov", "Dmitri Peskov"]


def test_extractor_with_ner_runs_the_tagger_and_agrees(extractor: quoteattr.Extractor) -> None:
    tagged = quoteattr.Extractor(ner=True)
    assert "ner" in tagged.parser.nlp.pipe_names
    assert next(tagged.parser.parse_many([PLACE_NEAR_SPEAKER])).entities
    without = [(q.start, q.end, q.speaker.name if q.speaker else None) for q in extractor.extract(PLACE_NEAR_SPEAKER)]
    assert [(q.start, q.end, q.speaker.name if q.speaker else None) for q in tagged.extract(PLACE_NEAR_SPEAKER)] == without
