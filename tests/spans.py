"""Assertions shared by the tests that check results against their input text."""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr import Quote


def assert_spans_match(text: str, quotes: Sequence[Quote]) -> None:
    """Assert that every span of every quote is cut from ``text`` at its offsets.

    Covers the quote itself, its speaker, its reporting verb and each relaying outlet, and
    checks that every span lies inside the text.
    """
    for quote in quotes:
        assert 0 <= quote.start <= quote.end <= len(text), quote
        assert text[quote.start:quote.end] == quote.text, quote
        spans = [quote.speaker, quote.verb, *quote.relayed_by]
        for span in spans:
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text), span
                assert text[span.start:span.end] == span.text, span
