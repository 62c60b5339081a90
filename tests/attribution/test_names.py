"""Entity types guessed for a parse made without a named-entity tagger, on hand-built parses."""

from __future__ import annotations

from quoteattr.attribution.names import label_names
from quoteattr.lexicons import default_outlets
from quoteattr.outlets import OutletMatcher
from tests.builders import M, W, make_parse

OUTLETS = OutletMatcher(default_outlets())


def _types(*units: W | M) -> list[tuple[str, str]]:
    """Return (word, guessed type) for every word of the hand-built parse of ``units``."""
    labelled = label_names(make_parse(*units, entities=False), OUTLETS)
    assert labelled.entities
    return [(t.text, t.ent) for t in labelled.tokens]


def test_names_person_and_place_are_told_apart() -> None:
    # Dmitri Peskov a parlé à Moscou
    assert _types(W("Dmitri", "PROPN"), W("Peskov", "PROPN"), W("a", "AUX"), W("parlé", "VERB"),
                  W("à", "ADP"), W("Moscou", "PROPN")) == [
        ("Dmitri", "PER"), ("Peskov", "PER"), ("a", ""), ("parlé", ""), ("à", ""), ("Moscou", "LOC")]


def test_names_place_of_several_words_with_a_contraction_is_one_place() -> None:
    # la Corée du Nord: "du" is two syntactic words of one written token
    types = _types(W("la", "DET"), W("Corée", "PROPN"), M("du", W("de", "ADP"), W("le", "DET")), W("Nord", "PROPN"))
    assert types == [("la", ""), ("Corée", "LOC"), ("de", "LOC"), ("le", "LOC"), ("Nord", "LOC")]


def test_names_unknown_name_after_au_is_a_place() -> None:
    assert _types(W("au", "ADP"), W("Burundiland", "PROPN"))[1] == ("Burundiland", "LOC")


def test_names_single_name_after_an_article_or_du_is_an_organisation() -> None:
    # un responsable du Hamas
    assert _types(W("un", "DET"), W("responsable", "NOUN"), W("du", "ADP"), W("Hamas", "PROPN"))[3] == ("Hamas", "ORG")


def test_names_acronym_organisation_noun_and_outlet_make_an_organisation() -> None:
    assert _types(W("la", "DET"), W("CGT", "PROPN"))[1] == ("CGT", "ORG")
    assert _types(W("selon", "ADP"), W("Gazprom", "PROPN"), W("Ministère", "PROPN"))[1:] == [
        ("Gazprom", "ORG"), ("Ministère", "ORG")]
    assert _types(W("selon", "ADP"), W("Reuters", "PROPN"))[1] == ("Reuters", "ORG")


def test_names_place_inside_a_longer_name_makes_it_an_organisation() -> None:
    assert _types(W("chez", "ADP"), W("France", "PROPN"), W("Télécom", "PROPN"))[1:] == [
        ("France", "ORG"), ("Télécom", "ORG")]


def test_names_place_before_a_full_name_stays_a_place() -> None:
    # le député de Seine-Maritime Antoine Vérel
    types = _types(W("le", "DET"), W("député", "NOUN"), W("de", "ADP"), W("Seine-Maritime", "PROPN"),
                   W("Antoine", "PROPN"), W("Vérel", "PROPN"))
    assert types[3:] == [("Seine-Maritime", "LOC"), ("Antoine", "PER"), ("Vérel", "PER")]


def test_names_description_before_a_full_name_is_no_name() -> None:
    # le Britannique Tom Ashworth
    types = _types(W("le", "DET"), W("Britannique", "PROPN"), W("Tom", "PROPN"), W("Ashworth", "PROPN"))
    assert types[1:] == [("Britannique", ""), ("Tom", "PER"), ("Ashworth", "PER")]


def test_names_words_the_tagger_mistook_are_still_a_name() -> None:
    # a déclaré Dmitri Peskov (both tagged adjectives); M. Grossi; Kim Jong Un
    assert _types(W("a", "AUX"), W("déclaré", "VERB"), W("Dmitri", "ADJ"), W("Peskov", "ADJ"))[2:] == [
        ("Dmitri", "PER"), ("Peskov", "PER")]
    assert _types(W("selon", "ADP"), W("M.", "NOUN"), W("Grossi", "ADJ"))[1:] == [("M.", ""), ("Grossi", "PER")]
    assert _types(W("Kim", "PROPN"), W("Jong", "PROPN"), W("Un", "PRON"))[2] == ("Un", "PER")


def test_names_sentence_start_article_is_never_part_of_a_name() -> None:
    assert _types(W("La", "DET"), W("Russie", "PROPN"), W("proteste", "VERB"))[:2] == [("La", ""), ("Russie", "LOC")]


def test_names_hyphenated_locality_and_place_noun_make_a_place() -> None:
    assert _types(W("à", "ADP"), W("Bellerive-sur-Saône", "PROPN"))[1] == ("Bellerive-sur-Saône", "LOC")
    assert _types(W("l'", "DET"), W("hôpital", "NOUN", glue=True), W("Édouard-Herriot", "PROPN"))[2] == (
        "Édouard-Herriot", "LOC")


def test_names_english_title_is_a_work_or_outlet_not_a_person() -> None:
    types = _types(W("après", "ADP"), W("The", "X"), W("Hollywood", "X"), W("Reporter", "VERB"))
    assert types[1:] == [("The", "MISC"), ("Hollywood", "MISC"), ("Reporter", "MISC")]


def test_names_tagged_parse_is_returned_unchanged() -> None:
    parse = make_parse(W("Moscou", "PROPN", ent="PER"))
    assert label_names(parse, OUTLETS) is parse
