"""Splitting long texts for the parser and joining the pieces' parses."""

from __future__ import annotations

import pytest

from quoteattr.parse.chunking import join_parses, split_for_parsing
from tests.builders import M, W, make_parse

PARAGRAPHS = ("Premier paragraphe assez long.\n\n"
              "Deuxième paragraphe un peu plus long encore.\n\n"
              "Troisième.")
NO_BREAKS = "mot " * 40
NO_SPACES = "x" * 95


def assert_covers(text: str, pieces: list[tuple[int, str]], max_chars: int) -> None:
    """Assert the pieces are consecutive, in order, cover ``text`` and are short enough."""
    position = 0
    for offset, piece in pieces:
        assert offset == position
        assert text[offset:offset + len(piece)] == piece
        assert 0 < len(piece) <= max_chars
        position += len(piece)
    assert position == len(text)


@pytest.mark.parametrize(
    ("text", "max_chars"),
    [(PARAGRAPHS, 20), (PARAGRAPHS, 40), (PARAGRAPHS, 60), (PARAGRAPHS, 1000),
     (NO_BREAKS, 25), (NO_SPACES, 20), ("a", 1), ("é" * 7, 3)],
)
def test_chunking_pieces_cover_text_in_order(text: str, max_chars: int) -> None:
    assert_covers(text, split_for_parsing(text, max_chars), max_chars)


def test_chunking_short_text_is_one_piece() -> None:
    assert split_for_parsing(PARAGRAPHS, 1000) == [(0, PARAGRAPHS)]


def test_chunking_empty_text_has_no_piece() -> None:
    assert split_for_parsing("", 10) == []


@pytest.mark.parametrize("max_chars", [40, 60])
def test_chunking_cuts_at_paragraph_breaks_when_possible(max_chars: int) -> None:
    pieces = split_for_parsing(PARAGRAPHS, max_chars)
    assert pieces[0] == (0, "Premier paragraphe assez long.\n\n")


def test_chunking_cuts_at_whitespace_without_paragraph_breaks() -> None:
    pieces = split_for_parsing(NO_BREAKS, 25)
    for _, piece in pieces[:-1]:
        assert piece.endswith(" ")


def test_chunking_cuts_anywhere_without_whitespace() -> None:
    assert [len(piece) for _, piece in split_for_parsing(NO_SPACES, 20)] == [20, 20, 20, 20, 15]


def test_chunking_join_parses_shifts_offsets_indices_and_heads() -> None:
    first = make_parse(W("Il", "PRON", head=1, dep="nsubj"), W("parle", "VERB", dep="ROOT"),
                       W(".", "PUNCT", head=1, dep="punct", glue=True))
    second = make_parse(W("Elle", "PRON", head=1, dep="nsubj"), W("répond", "VERB", dep="ROOT"),
                        W(".", "PUNCT", head=1, dep="punct", glue=True))
    text = first.text + "\n\n" + second.text
    offset = len(first.text) + 2
    joined = join_parses(text, [(0, first), (offset, second)])

    assert joined.text == text
    assert [t.text for t in joined.tokens] == ["Il", "parle", ".", "Elle", "répond", "."]
    assert [t.i for t in joined.tokens] == list(range(6))
    for token in joined.tokens:
        assert text[token.start:token.end] == token.text
    assert [t.head for t in joined.tokens] == [1, 1, 1, 4, 4, 4]
    assert [t.sent for t in joined.tokens] == [0, 0, 0, 1, 1, 1]
    assert [(s.first, s.last, s.start, s.end) for s in joined.sentences] == [
        (0, 2, 0, len(first.text)), (3, 5, offset, len(text))]
    assert joined.children[4] == (3, 5)
    assert joined.token_at(offset) == 3


def test_chunking_join_parses_shifts_multiword_token_indices() -> None:
    first = make_parse(W("Il", "PRON", head=1, dep="nsubj"), W("parle", "VERB", dep="ROOT"))
    second = make_parse(W("Elle", "PRON", head=1, dep="nsubj"), W("répond", "VERB", dep="ROOT"),
                        M("au", W("à", "ADP", head=4, dep="case"), W("le", "DET", head=4, dep="det")),
                        W("maire", "NOUN", head=1, dep="obl:arg"))
    text = first.text + " " + second.text
    joined = join_parses(text, [(0, first), (len(first.text) + 1, second)])

    assert [t.mwt for t in joined.tokens] == [None, None, None, None, (4, 5), (4, 5), None]
    assert {text[t.start:t.end] for t in joined.tokens[4:6]} == {"au"}
    assert [t.head for t in joined.tokens[4:]] == [6, 6, 3]


def test_chunking_join_parses_of_nothing_is_empty() -> None:
    joined = join_parses("", [])
    assert joined.tokens == () and joined.sentences == ()
