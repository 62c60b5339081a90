"""Which capitalised words can be part of a name, on hand-built parses."""

from __future__ import annotations

from quoteattr.attribution.mentions import is_name_token, name_run
from tests.builders import W, make_parse


def test_name_tokens_institution_noun_after_an_article_is_no_name() -> None:
    # le président de la République: the tagger calls "République" a person
    parse = make_parse(W("le", "DET"), W("président", "NOUN"), W("de", "ADP"), W("la", "DET"),
                       W("République", "NOUN", ent="PER"))
    assert not is_name_token(parse, 4)
    assert name_run(parse, 4) is None


def test_name_tokens_person_name_after_a_title_stays_a_name() -> None:
    # le président François Hollande
    parse = make_parse(W("le", "DET"), W("président", "NOUN"), W("François", "PROPN", ent="PER"),
                       W("Hollande", "PROPN", ent="PER"))
    assert name_run(parse, 2) == [2, 3]


def test_name_tokens_capitalised_article_belongs_to_the_name() -> None:
    # Marine Le Pen: "Le" is part of the name, so "Pen" after it stays a name
    parse = make_parse(W("Marine", "PROPN", ent="PER"), W("Le", "DET", ent="PER"),
                       W("Pen", "NOUN", ent="PER"))
    assert is_name_token(parse, 2)
