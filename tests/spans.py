"""Assertions shared by the tests that check results against their input text."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from quoteattr import Extractor, Quote


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


def _is_unclean(char: str) -> bool:
    """Return True for a control character (C0, DEL, C1) or a lone surrogate."""
    return unicodedata.category(char) in {"Cc", "Cs"}


def assert_clean_names(quotes: Sequence[Quote]) -> None:
    """Assert that no speaker or outlet name holds a control character or a lone surrogate.

    Spans are cut from the input as it is; names are what a reader sees and must not carry
    characters that cannot be printed or encoded.
    """
    for quote in quotes:
        names = [quote.speaker.name] if quote.speaker is not None else []
        names += [source.name for source in quote.relayed_by]
        for name in names:
            assert not any(_is_unclean(c) for c in name), (name, quote)


def extract(extractor: Extractor, text: str, **options: object) -> list[Quote]:
    """Return the quotes of ``text``, after checking every span against the text."""
    quotes = extractor.extract(text, **options)  # type: ignore[arg-type]
    assert_spans_match(text, quotes)
    return quotes


def only_quote(extractor: Extractor, text: str, **options: object) -> Quote:
    """Return the one quote of ``text``, failing when there is none or more than one."""
    quotes = extract(extractor, text, **options)
    assert len(quotes) == 1, [(q.kind, q.text) for q in quotes]
    return quotes[0]


def quote_of(extractor: Extractor, text: str, words: str) -> Quote:
    """Return the one quote of ``text`` whose words are ``words``."""
    quotes = extract(extractor, text)
    found = [q for q in quotes if q.text == words]
    assert len(found) == 1, [(q.kind, q.text) for q in quotes]
    return found[0]
