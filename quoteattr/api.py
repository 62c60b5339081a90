"""The one-call API: :func:`extract` with a default extractor loaded once per process."""

from __future__ import annotations

from functools import cache

from quoteattr.checks import check_confidence, check_text
from quoteattr.extractor import Extractor
from quoteattr.models import Quote


@cache
def default_extractor() -> Extractor:
    """Return the process-wide extractor with the default model, created on first use."""
    return Extractor()


def extract(text: str, *, min_confidence: float = 0.5) -> list[Quote]:
    """Return every quotation of a French text, in document order.

    Args:
        text: the article, clean prose or a noisy scrape.
        min_confidence: candidates below this confidence are left out; 0 returns every
            candidate, scare quotes and titles included.

    Raises:
        TypeError: ``text`` is not a str.
    """
    check_text(text)
    threshold = check_confidence(min_confidence)
    return default_extractor().extract(text, min_confidence=threshold)
