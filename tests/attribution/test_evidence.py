"""The rule table and the evidence each quote carries."""

from __future__ import annotations

import dataclasses

import pytest

import quoteattr
from quoteattr.attribution.evidence import RULE_NAMES, RULES, rule_named
from quoteattr.attribution.findings import Finding


def test_evidence_rule_names_are_unique_and_described() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(rule.description and rule.family for rule in RULES)


def test_evidence_cite_records_each_rule_once_in_firing_order() -> None:
    first = Finding(0, 5, "direct", "verb").cite("incise_after", "subject_clitic")
    finding = first.cite("subject_clitic", "relay_cue")
    assert finding.evidence == ("incise_after", "subject_clitic", "relay_cue")
    assert first.evidence == ("incise_after", "subject_clitic"), "a finding never changes once made"


def test_findings_are_frozen() -> None:
    finding = Finding(0, 5, "direct", "verb")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.confidence = 1.0  # type: ignore[misc]
    assert finding.but(confidence=0.2).confidence == 0.2
    assert finding.confidence == 0.5


def test_evidence_cite_refuses_an_undeclared_rule() -> None:
    with pytest.raises(KeyError, match="no attribution rule named 'made_up'"):
        Finding(0, 5, "direct", "verb").cite("made_up")
    with pytest.raises(KeyError):
        rule_named("made_up")


ARTICLE = (
    "Le porte-parole du Kremlin, Dmitri Peskov, a affirmé mardi que la rencontre aurait lieu "
    "« dans les prochains jours », rapporte l'agence Tass.\n\n"
    "« Il y aura des négociations », a-t-il déclaré. « Ensuite, les dirigeants parleront seuls. »\n\n"
    "Selon l'agence KCNA, les essais reprendront bientôt dans la région."
)


@pytest.mark.model
@pytest.mark.parametrize(("fragment", "expected"), [
    ("la rencontre aurait lieu", ["que_clause", "subject_before", "named", "relay_cue", "mixed_fragment"]),
    ("Il y aura des négociations", ["incise_after", "subject_clitic", "pronoun_antecedent"]),
    ("Ensuite, les dirigeants", ["continuation", "previous_speaker"]),
    ("les essais reprendront", ["selon_clause", "selon_head", "organization"]),
])
def test_evidence_end_to_end_names_the_rules_that_found_each_quote(
        extractor: quoteattr.Extractor, fragment: str, expected: list[str]) -> None:
    quotes = extractor.extract(ARTICLE)
    quote = next(q for q in quotes if q.text.startswith(fragment))
    assert quote.evidence[:len(expected)] == expected
    assert set(quote.evidence) <= RULE_NAMES
    assert quote.model_dump()["evidence"] == quote.evidence


@pytest.mark.model
def test_evidence_every_candidate_has_a_span_rule_first(extractor: quoteattr.Extractor) -> None:
    span_rules = {rule.name for rule in RULES if rule.stage == "span"}
    quotes = extractor.extract(ARTICLE + "\n\nUn « sommet » très discret.", min_confidence=0)
    assert quotes
    for quote in quotes:
        assert quote.evidence and quote.evidence[0] in span_rules
