"""Length-preserving clean-up of text before parsing.

Every replacement maps one character to one character, so offsets computed on the cleaned
text are offsets into the original input.
"""

from __future__ import annotations

import regex

MAX_RUN = 100
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\p{Cf}]")
_SURROGATE = regex.compile(r"\p{Cs}")
REPLACEMENT = "\ufffd"
_LONG_RUN = regex.compile(r"\S{%d,}" % (MAX_RUN + 1))


def for_parsing(text: str) -> str:
    """Return ``text`` ready for the parser, with the same length.

    Control characters (C0 and C1) and format characters (zero-width, bidirectional marks,
    byte-order marks) become spaces, lone carriage returns newlines, and lone surrogates
    (valid in a Python ``str``, not encodable as UTF-8) the replacement character U+FFFD.
    """
    cleaned = _SURROGATE.sub(REPLACEMENT, _CONTROL.sub(" ", text))
    return cleaned.replace("\r\n", " \n").replace("\r", "\n")


def _cut_run(match: regex.Match[str]) -> str:
    """Return a run of non-space characters with every ``MAX_RUN``-th one turned into a space."""
    run = match.group()
    return "".join(" " if (i + 1) % MAX_RUN == 0 else char for i, char in enumerate(run))


def break_long_runs(text: str) -> str:
    """Return ``text`` with a space every ``MAX_RUN`` characters inside longer unbroken runs.

    No word is that long; such runs (100,000 « in a row, minified script, base64) make the
    parser's tokenizer quadratic. The result has the same length, so offsets are unchanged.
    Only the parser sees it: quote marks are read from the text itself.
    """
    return _LONG_RUN.sub(_cut_run, text)
