"""Length-preserving clean-up before parsing."""

from __future__ import annotations

import pytest
import regex

from quoteattr.sanitize import FORMAT_CHARACTERS, for_parsing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un\x00deux\x07trois", "Un deux trois"),
        ("Un\r\nDeux", "Un \nDeux"),
        ("Un\rDeux", "Un\nDeux"),
        ("Un\u2028Deux\u2029Trois", "Un Deux Trois"),
        ("« Texte ordinaire », a-t-il dit.\n\nSuite.", "« Texte ordinaire », a-t-il dit.\n\nSuite."),
        ("", ""),
    ],
)
def test_sanitize_for_parsing_cleans_without_moving_offsets(text: str, expected: str) -> None:
    cleaned = for_parsing(text)
    assert cleaned == expected
    assert len(cleaned) == len(text)


def test_sanitize_fast_path_knows_every_format_character() -> None:
    # for_parsing returns a text unchanged when its quick scan finds nothing to clean; that
    # scan lists the format characters of a few Unicode blocks, which must be all of them
    every = "".join(filter(regex.compile(r"\p{Cf}").match, map(chr, range(0x110000))))
    assert every == FORMAT_CHARACTERS
