"""Length-preserving clean-up of text before parsing.

Every replacement maps one character to one character, so offsets computed on the cleaned
text are offsets into the original input.
"""

from __future__ import annotations

import regex

_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")


def for_parsing(text: str) -> str:
    """Return ``text`` with control characters as spaces and lone carriage returns as newlines."""
    cleaned = _CONTROL.sub(" ", text)
    return cleaned.replace("\r\n", " \n").replace("\r", "\n")
