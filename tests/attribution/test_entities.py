"""The entity table: full names, genders, roles and reference resolution."""

from __future__ import annotations

import pytest

from quoteattr.attribution.entities import EntityTable, PersonMention, build_table
from quoteattr.lexicons import default_outlets
from quoteattr.outlets import OutletMatcher
from tests.builders import W, make_parse


def two_people() -> EntityTable:
    """Return a table where a man then a woman are named in sentence 0."""
    return EntityTable(
        persons=[PersonMention(0, 0, "Paul Girard", True), PersonMention(30, 0, "Claire Fontaine", True)],
        roles=[(0, frozenset({"sénateur"}), "sénateur", "Paul Girard"),
               (30, frozenset({"ministre", "santé"}), "ministre de la Santé", "Claire Fontaine")],
        genders={"Paul Girard": "Masc", "Claire Fontaine": "Fem"},
    )


@pytest.mark.parametrize(
    ("gender", "expected"),
    [("Masc", "Paul Girard"), ("Fem", "Claire Fontaine"), ("", "Claire Fontaine")],
)
def test_entities_resolve_pronoun_agrees_in_gender(gender: str, expected: str) -> None:
    assert two_people().resolve_pronoun(100, 1, gender, []) == expected


def test_entities_resolve_pronoun_prefers_a_compatible_recent_speaker() -> None:
    table = two_people()
    assert table.resolve_pronoun(100, 1, "Masc", ["Paul Girard"]) == "Paul Girard"
    assert table.resolve_pronoun(100, 1, "Fem", ["Paul Girard"]) == "Claire Fontaine"


def test_entities_resolve_pronoun_ignores_later_and_distant_persons() -> None:
    table = two_people()
    assert table.resolve_pronoun(10, 0, "Fem", []) is None
    assert table.resolve_pronoun(1000, 40, "Masc", []) is None


@pytest.mark.parametrize(
    ("words", "head", "expected"),
    [
        (frozenset({"ministre", "santé"}), "ministre", "Claire Fontaine"),
        (frozenset({"ministre"}), "ministre", "Claire Fontaine"),
        (frozenset({"sénateur", "socialiste"}), "sénateur", "Paul Girard"),
        (frozenset({"maire"}), "maire", None),
        (frozenset(), "", None),
    ],
)
def test_entities_resolve_description_from_roles(words: frozenset[str], head: str, expected: str | None) -> None:
    assert two_people().resolve_description(words, head, 500) == expected


def test_entities_role_and_gender_of_a_person() -> None:
    table = two_people()
    assert table.role_of("Claire Fontaine") == "ministre de la Santé"
    assert table.gender_of("Paul Girard") == "Masc"
    assert table.role_of("Personne Inconnue") is None


def test_entities_build_table_links_a_surname_to_the_full_name() -> None:
    parse = make_parse(
        W("Dmitri", "PROPN", head=1, dep="flat:name", ent="PER"),
        W("Peskov", "PROPN", head=2, dep="nsubj", ent="PER"),
        W("parle", "VERB", dep="ROOT"),
        W(".", "PUNCT", head=2, dep="punct", glue=True),
        W("Peskov", "PROPN", head=5, dep="nsubj", ent="PER", sent=1),
        W("répond", "VERB", dep="ROOT", sent=1),
        W(".", "PUNCT", head=5, dep="punct", glue=True, sent=1),
    )
    table = build_table(parse, OutletMatcher(default_outlets()))
    assert table.full_name("Peskov") == "Dmitri Peskov"
    assert [p.name for p in table.persons] == ["Dmitri Peskov", "Dmitri Peskov"]
    assert [p.subject for p in table.persons] == [True, True]


def test_entities_build_table_leaves_outlets_out() -> None:
    parse = make_parse(W("Reuters", "PROPN", head=1, dep="nsubj", ent="ORG"),
                       W("rapporte", "VERB", dep="ROOT", lemma="rapporter"))
    assert build_table(parse, OutletMatcher(default_outlets())).persons == []
