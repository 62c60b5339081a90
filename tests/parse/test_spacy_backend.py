"""The spaCy backend: loading, the sentence guard, conversion to neutral parses, batching and
the reload that bounds the vocabulary."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

import quoteattr
from quoteattr.budget import BudgetExceeded, budgets_available, time_budget
from quoteattr.parse.base import Parse
from quoteattr.parse.spacy_backend import GUARD_NAME, SpacyBackend, batches, load_pipeline
from tests.parse.test_model_lookup import make_fake_model_folder

QUOTED_TEXTS = [
    "« Nous ne céderons pas », a déclaré le maire de Lyon, Paul Girard.",
    "La ministre Anne Leclerc a estimé que cette réforme était « une erreur historique ».",
    "« Les négociations reprendront lundi », a indiqué Dmitri Peskov, selon l'agence Tass.",
]


def parse_one(extractor: quoteattr.Extractor, text: str) -> Parse:
    """Return the real model's neutral parse of ``text``."""
    return next(extractor.parser.parse_many([text]))


def sentence_texts(parse: Parse) -> list[str]:
    """Return the text of each sentence of a parse."""
    return [parse.text[s.start:s.end] for s in parse.sentences]


def fresh_words(seed: int, count: int) -> str:
    """Return ``count`` invented words the model's vocabulary cannot already hold."""
    rng = random.Random(seed)
    return " ".join("".join(rng.choice("bcdfglmnprstvz") + rng.choice("aeiouéè") for _ in range(5))
                    for _ in range(count))


def test_spacy_backend_unknown_model_raises_model_not_found() -> None:
    with pytest.raises(quoteattr.ModelNotFoundError, match="fr_modele_inexistant_xyz"):
        load_pipeline("fr_modele_inexistant_xyz")


def test_spacy_backend_spacy_failure_on_a_checked_folder_is_chained_to_model_not_found(tmp_path: Path) -> None:
    folder = make_fake_model_folder(tmp_path / "casse")
    with pytest.raises(quoteattr.ModelNotFoundError, match="spaCy could not load") as caught:
        load_pipeline(folder)
    assert caught.value.__cause__ is not None


@pytest.mark.parametrize(("limit", "error"), [(0, ValueError), (-5, ValueError), (True, TypeError),
                                              ("1000", TypeError), (1.5, TypeError)])
def test_spacy_backend_bad_vocabulary_limit_raises_before_loading(limit: object, error: type) -> None:
    with pytest.raises(error, match="max_vocab_growth"):
        SpacyBackend("fr_modele_inexistant_xyz", max_vocab_growth=limit)  # type: ignore[arg-type]


def test_spacy_backend_batches_cap_texts_and_characters() -> None:
    texts = ["a" * 30, "b" * 30, "c" * 30, "d" * 200, "e" * 10, "f" * 10, "g" * 10]
    assert list(batches(iter(texts), 2, 100)) == [texts[0:2], texts[2:3], texts[3:4], texts[4:6], texts[6:]]


def test_spacy_backend_batches_hand_on_a_full_batch_before_reading_further() -> None:
    pulled: list[int] = []

    def source() -> Iterator[str]:
        for number in range(5):
            pulled.append(number)
            yield "texte"

    stream = batches(source(), 2, 1_000)
    assert next(stream) == ["texte", "texte"]
    assert pulled == [0, 1]


@pytest.mark.model
def test_spacy_backend_parse_many_rejects_a_batch_size_below_one(extractor: quoteattr.Extractor) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        extractor.parser.parse_many(["Un texte."], batch_size=0)


@pytest.mark.model
def test_spacy_backend_bare_name_ignores_a_model_folder_of_that_name_in_the_current_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_fake_model_folder(tmp_path / "fr_core_news_md")
    monkeypatch.chdir(tmp_path)
    backend = SpacyBackend("fr_core_news_md")
    assert backend.nlp.meta["name"] == "core_news_md"
    assert "parser" in backend.nlp.pipe_names


@pytest.mark.model
def test_spacy_backend_loads_a_local_model_folder(extractor: quoteattr.Extractor, tmp_path: Path) -> None:
    extractor.parser.nlp.to_disk(tmp_path / "modele")
    local = quoteattr.Extractor(tmp_path / "modele")
    assert local.parser.nlp.pipe_names.count(GUARD_NAME) == 1
    expected = [extractor.extract(text) for text in QUOTED_TEXTS]
    assert [local.extract(text) for text in QUOTED_TEXTS] == expected
    assert all(expected)


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


@pytest.mark.model
def test_spacy_backend_shares_equal_strings_and_features_within_a_parse(extractor: quoteattr.Extractor) -> None:
    parse = parse_one(extractor, "La ministre a dit que la réforme et la loi étaient prêtes.")
    articles = [t for t in parse.tokens if t.text == "la"]
    assert len(articles) == 2
    assert articles[0].text is articles[1].text
    assert articles[0].morph is articles[1].morph
    assert articles[0].pos is articles[1].pos


@pytest.mark.model
def test_spacy_backend_forced_reset_keeps_the_quotes_identical(extractor: quoteattr.Extractor) -> None:
    texts = [*QUOTED_TEXTS, f"« {fresh_words(1, 40)} », a affirmé Zorvalène Kitrupa."]
    before = list(extractor.pipe(texts))
    assert all(before)
    old = extractor.parser.nlp
    extractor.reset()
    assert extractor.parser.nlp is not old
    assert extractor.parser.vocab_growth == 0
    assert list(extractor.pipe(texts)) == before


@pytest.mark.model
@pytest.mark.parametrize(("n_process", "count"), [(1, 2), (2, 6)])
def test_spacy_backend_reloads_when_the_vocabulary_outgrows_its_limit_and_keeps_the_quotes(
        extractor: quoteattr.Extractor, monkeypatch: pytest.MonkeyPatch, n_process: int, count: int) -> None:
    texts = [f"{QUOTED_TEXTS[seed % len(QUOTED_TEXTS)]} {fresh_words(seed, 30)}." for seed in range(count)]
    expected = list(extractor.pipe(texts))
    assert all(expected)
    backend = extractor.parser
    monkeypatch.setattr(backend, "max_vocab_growth", 20)
    reloads = backend.reloads
    assert list(extractor.pipe(texts, batch_size=1, n_process=n_process)) == expected
    # One reload before the first text (the run above taught the vocabulary the invented words)
    # and at least one more in the middle of the stream.
    assert backend.reloads - reloads >= 2


@pytest.mark.model
@pytest.mark.skipif(not budgets_available(), reason="time budgets need SIGALRM and the main thread")
def test_spacy_backend_reset_completes_when_a_time_budget_runs_out_meanwhile(
        extractor: quoteattr.Extractor) -> None:
    backend = extractor.parser
    reloads = backend.reloads
    with pytest.raises(BudgetExceeded), time_budget(0.05):
        backend.reset()
    assert backend.reloads == reloads + 1
    assert backend.nlp is not None
    assert [p.text for p in backend.parse_many(["Un texte."])] == ["Un texte."]
