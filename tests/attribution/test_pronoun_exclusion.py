"""A pronoun never resolves to an excluded person (the speaker it is reported to)."""

from __future__ import annotations

from quoteattr.attribution.entities import EntityTable, PersonMention


def test_pronoun_exclusion_skips_the_excluded_person_for_the_next_compatible_one() -> None:
    table = EntityTable(persons=[PersonMention(0, 0, "Marc Dufour", True), PersonMention(10, 1, "Odile Martin", True)])
    assert table.resolve_pronoun(50, 2, "Masc", []) == "Odile Martin"
    assert table.resolve_pronoun(50, 2, "Masc", [], frozenset({"Odile Martin"})) == "Marc Dufour"
    assert table.resolve_pronoun(50, 2, "Masc", ["Odile Martin"], frozenset({"Odile Martin"})) == "Marc Dufour"
    assert table.resolve_pronoun(50, 2, "Masc", [], frozenset({"Odile Martin", "Marc Dufour"})) is None
