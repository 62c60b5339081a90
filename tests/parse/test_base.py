"""The neutral parse records: children index, offset lookups and subtrees."""

from __future__ import annotations

import pytest

from tests.builders import W, make_parse

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
