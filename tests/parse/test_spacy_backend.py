"""The spaCy backend: loading, the sentence guard and conversion to neutral parses."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.parse.base import Parse
from quoteattr.parse.spacy_backend import GUARD_NAME, load_pipeline


def parse_one(extractor: quoteattr.Extractor, text: str) -> Parse:
    """Return the real model's neutral parse of ``text``."""
    return next(extractor.parser.parse_many([text]))


def sentence_texts(parse: Parse) -> list[str]:
    """Return the text of each sentence of a parse."""
    return [parse.text[s.start:s.end] for s in parse.sentences]


def test_spacy_backend_unknown_model_raises_model_not_found() -> None:
    with pytest.raises(quoteattr.ModelNotFoundError, match="fr_modele_inexistant_xyz"):
        load_pipeline("fr_modele_inexistant_xyz")


@pytest.mark.model
def test_spacy_backend_adds_the_sentence_guard_before_the_parser(extractor: quoteattr.Extractor) -> None:
    names = extractor.parser.nlp.pipe_names
    assert names.index(GUARD_NAME) < names.index("parser")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "« Nous ne partirons pas. Nous resterons ici », a-t-il dit.",
        "« Nous ne partirons pas. Nous resterons ici. » a déclaré le maire.",
        "« Rien n'est joué ! », affirme-t-elle.",
    ],
)
def test_spacy_backend_keeps_a_quote_and_its_incise_in_one_sentence(
        extractor: quoteattr.Extractor, text: str) -> None:
    assert sentence_texts(parse_one(extractor, text)) == [text]


@pytest.mark.model
def test_spacy_backend_starts_a_sentence_after_a_line_break(extractor: quoteattr.Extractor) -> None:
    text = "Mis à jour à 07h42 CEST\nLe ministre est arrivé à Lyon"
    parse = parse_one(extractor, text)
    starts = {s.start for s in parse.sentences}
    assert text.index("Le ministre") in starts


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Le porte-parole du Kremlin a déclaré : « Aucune décision n'est prise. »",
     "L'agence Tass rapporte qu'il s'est exprimé\u00a0mardi.\n\nDeuxième paragraphe, du-dit texte."],
)
def test_spacy_backend_tokens_and_sentences_point_into_the_text(
        extractor: quoteattr.Extractor, text: str) -> None:
    parse = parse_one(extractor, text)
    assert parse.text == text
    for token in parse.tokens:
        assert text[token.start:token.end] == token.text
        assert 0 <= token.head < len(parse.tokens)
        assert parse.sentences[token.sent].first <= token.i <= parse.sentences[token.sent].last
    assert [t.i for t in parse.tokens] == list(range(len(parse.tokens)))


@pytest.mark.model
def test_spacy_backend_parse_many_keeps_input_order(extractor: quoteattr.Extractor) -> None:
    texts = ["Premier texte.", "Deuxième texte, plus long.", "Troisième."]
    parses = list(extractor.parser.parse_many(texts, batch_size=2))
    assert [p.text for p in parses] == texts
