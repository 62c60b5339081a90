"""The neutral parse records: children index, offset lookups and subtrees."""

from __future__ import annotations

import pytest

from tests.builders import M, W, make_parse

# "Peskov a déclaré hier" : déclaré is the root.
PARSE = make_parse(
    W("Peskov", "PROPN", head=2, dep="nsubj"),
    W("a", "AUX", head=2, dep="aux:tense"),
    W("déclaré", "VERB", dep="ROOT", lemma="déclarer"),
    W("hier", "ADV", head=2, dep="advmod"),
)


def test_base_builder_offsets_match_text() -> None:
    assert PARSE.text == "Peskov a déclaré hier"
    for token in PARSE.tokens:
        assert PARSE.text[token.start:token.end] == token.text


def test_base_build_computes_children_from_heads() -> None:
    assert PARSE.children == ((), (), (0, 1, 3), ())


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(0, 0), (3, 0), (6, 1), (7, 1), (9, 2), (17, 3), (20, 3), (21, -1), (100, -1)],
)
def test_base_token_at_returns_covering_or_following_token(offset: int, expected: int) -> None:
    assert PARSE.token_at(offset) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(0, 6, [0]), (0, 21, [0, 1, 2, 3]), (7, 16, [1, 2]), (9, 12, [2]), (21, 30, [])],
)
def test_base_tokens_between_returns_tokens_in_range(start: int, end: int, expected: list[int]) -> None:
    assert list(PARSE.tokens_between(start, end)) == expected


@pytest.mark.parametrize(("index", "expected"), [(2, [0, 1, 2, 3]), (0, [0]), (3, [3])])
def test_base_subtree_is_sorted_descendants(index: int, expected: list[int]) -> None:
    assert PARSE.subtree(index) == expected


# "Il parle du projet" : "du" is written once and parsed as "de" + "le".
CONTRACTED = make_parse(
    W("Il", "PRON", head=1, dep="nsubj"),
    W("parle", "VERB", dep="ROOT"),
    M("du", W("de", "ADP", head=4, dep="case"), W("le", "DET", head=4, dep="det")),
    W("projet", "NOUN", head=1, dep="obl:arg"),
)


def test_base_multiword_token_words_carry_its_written_span() -> None:
    assert CONTRACTED.text == "Il parle du projet"
    de, le = CONTRACTED.tokens[2], CONTRACTED.tokens[3]
    assert (de.text, le.text) == ("de", "le")
    assert (de.start, de.end) == (le.start, le.end) == (9, 11)
    assert de.mwt == le.mwt == (2, 3)
    assert CONTRACTED.tokens[4].mwt is None and CONTRACTED.tokens[4].start == 12


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(9, 11, [2, 3]), (9, 18, [2, 3, 4]), (10, 18, [2, 3, 4]), (12, 18, [4]), (3, 8, [1])],
)
def test_base_tokens_between_takes_a_multiword_token_whole(start: int, end: int, expected: list[int]) -> None:
    assert list(CONTRACTED.tokens_between(start, end)) == expected


@pytest.mark.parametrize("offset", [9, 10])
def test_base_token_at_inside_a_multiword_token_is_its_first_word(offset: int) -> None:
    assert CONTRACTED.token_at(offset) == 2
