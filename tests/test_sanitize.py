"""Length-preserving clean-up before parsing."""

from __future__ import annotations

import pytest

from quoteattr.sanitize import for_parsing


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
