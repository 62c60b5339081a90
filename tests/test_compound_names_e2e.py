"""Compound names of places and institutions kept whole as speakers (issue 9, family 3)."""

from __future__ import annotations

import pytest

import quoteattr

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "speaker"), [
    ("Selon la Maison-Blanche, la visite aura lieu.", "Maison-Blanche"),
    ("La Maison Blanche a averti que la Corée du Nord paierait le prix.", "Maison Blanche"),
    pytest.param("La Corée du Sud a confirmé que la visite aurait lieu.", "Corée du Sud",
                 marks=pytest.mark.xfail(strict=True, reason="a name run does not continue over 'du' + a capitalised "
                                         "word; needs compound place names")),
])
def test_compound_name_is_the_whole_speaker_name(extractor: quoteattr.Extractor, text: str, speaker: str) -> None:
    quotes = extractor.extract(text, min_confidence=0)
    assert [q.speaker.name for q in quotes if q.speaker is not None] == [speaker]
