"""The Extractor object: batching, chunked parsing, options. Uses the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

import quoteattr
from tests.spans import assert_spans_match

pytestmark = pytest.mark.model

ARTICLE = (
    "Le maire de Lille, Arnaud Berthet, a pris la parole devant le conseil municipal.\n\n"
    "« Nous lancerons les travaux dès septembre », a-t-il promis.\n\n"
    "La ministre Anne Leclerc a estimé que cette réforme était « une erreur historique » pour le pays.\n\n"
    "« Les négociations reprendront lundi », a indiqué le ministre Paul Girard sur franceinfo."
)
SCARE = "Les deux dirigeants ont tenu un « sommet » très discret dans la capitale."
WITH_OUTLET = "« Le pont rouvrira lundi », a déclaré le maire Paul Girard, selon La Gazette du Léman."


def test_extractor_pipe_yields_the_quotes_of_each_text_in_order(extractor: quoteattr.Extractor) -> None:
    texts = [ARTICLE, "", SCARE, "   ", WITH_OUTLET]
    results = list(extractor.pipe(texts, batch_size=2))
    assert results == [extractor.extract(text) for text in texts]
    assert [len(quotes) for quotes in results] == [3, 0, 0, 0, 1]


def test_extractor_chunked_parsing_keeps_offsets_into_the_whole_text(extractor: quoteattr.Extractor) -> None:
    chunked = quoteattr.Extractor(parser=extractor.parser, max_chars=120)
    quotes = chunked.extract(ARTICLE)
    assert_spans_match(ARTICLE, quotes)
    assert quotes == extractor.extract(ARTICLE)
    assert [q.speaker.name for q in quotes if q.speaker] == ["Arnaud Berthet", "Anne Leclerc", "Paul Girard"]


def test_extractor_min_confidence_set_at_creation_is_the_default(extractor: quoteattr.Extractor) -> None:
    permissive = quoteattr.Extractor(parser=extractor.parser, min_confidence=0.0)
    assert [q.text for q in permissive.extract(SCARE)] == ["sommet"]
    assert permissive.extract(SCARE, min_confidence=0.5) == []
    assert extractor.extract(SCARE) == []


def test_extractor_quotes_are_in_document_order(extractor: quoteattr.Extractor) -> None:
    quotes = extractor.extract(ARTICLE)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


@pytest.mark.parametrize("outlets", [["La Gazette du Léman"], "tsv"])
def test_extractor_user_outlets_are_recognised(extractor: quoteattr.Extractor, tmp_path: Path,
                                               outlets: object) -> None:
    if outlets == "tsv":
        outlets = tmp_path / "outlets.tsv"
        outlets.write_text("La Gazette du Léman\tnewspaper\tLa Gazette du Léman\n", encoding="utf-8")
    with_outlet = quoteattr.Extractor(parser=extractor.parser, outlets=outlets)
    (quote,) = with_outlet.extract(WITH_OUTLET)
    assert_spans_match(WITH_OUTLET, [quote])
    assert [(r.text, r.name) for r in quote.relayed_by] == [("La Gazette du Léman", "La Gazette du Léman")]
    (default,) = extractor.extract(WITH_OUTLET)
    assert default.relayed_by == []


def test_extractor_bad_outlets_raise_type_error(extractor: quoteattr.Extractor) -> None:
    with pytest.raises(TypeError, match="outlets"):
        quoteattr.Extractor(parser=extractor.parser, outlets=42)  # type: ignore[arg-type]


def test_extractor_offsets_survive_control_characters_and_carriage_returns(
        extractor: quoteattr.Extractor) -> None:
    text = "Le maire\x07 a parlé.\r\n\r\n« Nous lancerons les travaux\x00 dès septembre », a déclaré Paul Girard.\r"
    quotes = extractor.extract(text)
    assert_spans_match(text, quotes)
    assert [q.text for q in quotes] == ["Nous lancerons les travaux\x00 dès septembre"]
