"""A pronoun's antecedent always comes before it (end to end, real model)."""

from __future__ import annotations

import pytest

import quoteattr

pytestmark = pytest.mark.model

EARLY_PRONOUN = (
    "Il a affirmé que la réforme des retraites serait votée avant l'été.\n\n"
    "Les syndicats ont appelé à une nouvelle journée de grève dans les transports.\n\n"
    "« Nous ne reculerons pas », a déclaré le ministre du Travail, Jean Morel."
)


def test_antecedent_pronoun_is_never_resolved_to_a_person_named_later(extractor: quoteattr.Extractor) -> None:
    quotes = extractor.extract(EARLY_PRONOUN, min_confidence=0)
    early = next(q for q in quotes if q.text.startswith("la réforme"))
    assert early.speaker is not None and early.speaker.name != "Jean Morel"
    assert early.speaker.kind == "pronoun"
    later = next(q for q in quotes if q.text.startswith("Nous ne reculerons"))
    assert later.speaker is not None and later.speaker.name == "Jean Morel"
