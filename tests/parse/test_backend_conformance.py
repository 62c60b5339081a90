"""What every parse backend must deliver: the neutral parse the attribution layer relies on.

Each test runs on every backend: spaCy with its French model (marker ``model``), the stanza
conversion on the CoNLL-U passages of :mod:`tests.parse.stanza_docs` (needs stanza, no model)
and the stanza backend with its French models (skips, saying why, when they are not on disk).
The real backends parse the CoNLL-U passages' texts plus one whose tokenizer sentences cut a
quotation and run over line breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

import quoteattr
from quoteattr.parse.base import Parse, ParserBackend
from quoteattr.rules.marks import find_quotes
from tests.parse.stanza_docs import PARSED, TOKENIZED, ConllBackend, needs_stanza, passage_text
from tests.spans import assert_spans_match

UNIVERSAL_POS = frozenset({"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
                           "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"})
ENTITY_TYPES = frozenset({"", "PER", "ORG", "LOC", "MISC"})


@dataclass(frozen=True)
class Subject:
    """A backend under test: the backend, the texts it can parse, whether it splits contractions."""

    name: str
    backend: ParserBackend
    texts: tuple[str, ...]
    splits_contractions: bool

    def parses(self) -> list[Parse]:
        """Return the backend's parses of its texts, checking they come back in order."""
        parses = list(self.backend.parse_many(self.texts))
        assert [p.text for p in parses] == list(self.texts)
        return parses


def _spacy(request: pytest.FixtureRequest) -> Subject:
    """Return the spaCy backend of the session's extractor."""
    extractor: quoteattr.Extractor = request.getfixturevalue("extractor")
    texts = tuple(passage_text(name) for name in (*PARSED, TOKENIZED))
    return Subject("spacy", extractor.parser, texts, splits_contractions=False)


def _stanza_conllu(request: pytest.FixtureRequest) -> Subject:
    """Return the stanza conversion replaying the parsed CoNLL-U passages."""
    return Subject("stanza-conllu", ConllBackend(PARSED), tuple(passage_text(name) for name in PARSED),
                   splits_contractions=True)


def _stanza(request: pytest.FixtureRequest) -> Subject:
    """Return the stanza backend on the local French models (skips when there are none)."""
    extractor: quoteattr.Extractor = request.getfixturevalue("stanza_extractor")
    texts = tuple(passage_text(name) for name in (*PARSED, TOKENIZED))
    return Subject("stanza", extractor.parser, texts, splits_contractions=True)


SUBJECTS: dict[str, Callable[[pytest.FixtureRequest], Subject]] = {
    "spacy": _spacy, "stanza-conllu": _stanza_conllu, "stanza": _stanza,
}


@pytest.fixture(scope="module", params=[pytest.param("spacy", marks=pytest.mark.model),
                                        pytest.param("stanza-conllu", marks=needs_stanza),
                                        pytest.param("stanza", marks=needs_stanza)])
def subject(request: pytest.FixtureRequest) -> Subject:
    """Return each backend under test in turn."""
    return SUBJECTS[request.param](request)


@pytest.fixture(scope="module")
def parses(subject: Subject) -> list[Parse]:
    """Return the subject backend's parses of its texts."""
    return subject.parses()


def test_backend_conformance_tokens_point_at_their_written_text(parses: list[Parse]) -> None:
    for parse in parses:
        previous_end = 0
        for index, token in enumerate(parse.tokens):
            assert token.i == index
            assert 0 <= token.start < token.end <= len(parse.text), token
            written = parse.text[token.start:token.end]
            assert written.strip() == written and written, token
            if token.mwt is None:
                assert written == token.text, token
            if token.mwt is None or token.mwt[0] == index:
                assert token.start >= previous_end, token
                previous_end = token.end


def test_backend_conformance_multiword_token_words_share_one_span_and_name_each_other(
        subject: Subject, parses: list[Parse]) -> None:
    groups = 0
    for parse in parses:
        for token in parse.tokens:
            if token.mwt is None:
                continue
            first, last = token.mwt
            assert first <= token.i <= last and last > first, token
            words = parse.tokens[first:last + 1]
            assert {(w.start, w.end, w.mwt) for w in words} == {(token.start, token.end, token.mwt)}
            assert parse.token_at(token.start) == parse.token_at(token.end - 1) == first
            assert list(parse.tokens_between(token.start, token.end)) == list(range(first, last + 1))
            groups += token.i == first
    assert (groups > 0) == subject.splits_contractions


def test_backend_conformance_contractions_map_back_to_their_written_form(
        subject: Subject, parses: list[Parse]) -> None:
    if not subject.splits_contractions:
        for parse in parses:
            assert all(t.mwt is None for t in parse.tokens)
        return
    for parse in parses:
        for token in parse.tokens:
            if parse.text[token.start:token.end] in {"du", "au"}:
                first, last = token.mwt or (token.i, token.i)
                assert [w.pos for w in parse.tokens[first:last + 1]] == ["ADP", "DET"], token
                assert parse.tokens[last].lemma == "le"


def test_backend_conformance_sentences_partition_the_tokens(parses: list[Parse]) -> None:
    for parse in parses:
        assert parse.sentences, parse.text
        expected_first = 0
        for number, sentence in enumerate(parse.sentences):
            assert sentence.first == expected_first and sentence.last >= sentence.first
            assert {t.sent for t in parse.tokens[sentence.first:sentence.last + 1]} == {number}
            assert sentence.start == parse.tokens[sentence.first].start
            assert sentence.end == parse.tokens[sentence.last].end
            expected_first = sentence.last + 1
        assert expected_first == len(parse.tokens)


def test_backend_conformance_sentences_keep_quote_and_incise_and_stop_at_line_breaks(parses: list[Parse]) -> None:
    for parse in parses:
        for sentence in parse.sentences:
            assert "\n" not in parse.text[sentence.start:sentence.end]
        for quote in find_quotes(parse.text):
            inside = parse.tokens_between(quote.open_start, quote.close_end)
            follower = inside.stop
            if follower < len(parse.tokens) and parse.tokens[follower].text == ",":
                inside = range(inside.start, min(follower + 2, len(parse.tokens)))
            assert len({parse.tokens[k].sent for k in inside}) == 1, parse.text[quote.open_start:quote.close_end]


def test_backend_conformance_heads_stay_inside_their_sentence_and_reach_a_root(parses: list[Parse]) -> None:
    for parse in parses:
        for token in parse.tokens:
            assert 0 <= token.head < len(parse.tokens)
            assert parse.tokens[token.head].sent == token.sent, token
            if token.dep == "ROOT":
                assert token.head == token.i
            walked, current = 0, token.i
            while parse.tokens[current].head != current:
                current = parse.tokens[current].head
                walked += 1
                assert walked <= len(parse.tokens), f"head cycle from {token}"
            assert token.i in parse.subtree(current)
        for sentence in parse.sentences:
            members = range(sentence.first, sentence.last + 1)
            assert any(parse.tokens[k].head == k for k in members)
        for index, children in enumerate(parse.children):
            assert all(parse.tokens[child].head == index and child != index for child in children)


def test_backend_conformance_lemmas_tags_features_and_entities_are_well_formed(parses: list[Parse]) -> None:
    for parse in parses:
        for token in parse.tokens:
            assert isinstance(token.lemma, str) and token.lemma.strip(), token
            assert token.pos in UNIVERSAL_POS, token
            assert token.dep, token
            assert token.ent in ENTITY_TYPES, token
            assert all(isinstance(k, str) and isinstance(v, str) for k, v in token.morph.items())
    verbs = {t.text: t.lemma for p in parses for t in p.tokens}
    assert verbs.get("déclaré") == "déclarer"


def test_backend_conformance_attribution_offsets_hold(subject: Subject) -> None:
    extractor = quoteattr.Extractor(parser=subject.backend)
    for text, quotes in zip(subject.texts, extractor.pipe(subject.texts)):
        assert quotes, text
        assert_spans_match(text, quotes)
