"""Length-preserving clean-up of text before parsing.

Every replacement maps one character to one character, so offsets computed on the cleaned
text are offsets into the original input.
"""

from __future__ import annotations

import re

import regex

MAX_RUN = 100
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\p{Cf}]")
_SURROGATE = regex.compile(r"\p{Cs}")
_FORMAT_BLOCKS = ((0, 0x2100), (0xFE00, 0x10000), (0x11000, 0x14000), (0x1BC00, 0x1BD00), (0x1D100, 0x1D200),
                  (0xE0000, 0xE0100))
"""The code point ranges that hold every format character (``\\p{Cf}``) of Unicode 16."""
FORMAT_CHARACTERS = "".join(filter(regex.compile(r"\p{Cf}").match,
                                   (chr(c) for first, last in _FORMAT_BLOCKS for c in range(first, last))))
_BMP_TO_CLEAN = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff%s]" % re.escape(
    "".join(c for c in FORMAT_CHARACTERS if c <= "\uffff")))
_ASTRAL_FORMAT = re.compile("[%s]" % re.escape("".join(c for c in FORMAT_CHARACTERS if c > "\uffff")))
"""The characters :func:`for_parsing` changes, in two patterns of the standard ``re`` module:
it scans a class of the Basic Multilingual Plane's characters several times faster than
``regex``, but slows down on one holding higher code points, which are looked for only in a
text that has such characters (emoji) at all. Most texts hold none, and are returned as they are."""
REPLACEMENT = "\ufffd"
_LONG_RUN = regex.compile(r"\S{%d,}" % (MAX_RUN + 1))


def for_parsing(text: str) -> str:
    """Return ``text`` ready for the parser, with the same length.

    Control characters (C0 and C1) and format characters (zero-width, bidirectional marks,
    byte-order marks) become spaces, lone carriage returns newlines, and lone surrogates
    (valid in a Python ``str``, not encodable as UTF-8) the replacement character U+FFFD.
    """
    if _BMP_TO_CLEAN.search(text) is None and not (_has_astral(text) and _ASTRAL_FORMAT.search(text)):
        return text
    cleaned = _SURROGATE.sub(REPLACEMENT, _CONTROL.sub(" ", text))
    return cleaned.replace("\r\n", " \n").replace("\r", "\n")


def _has_astral(text: str) -> bool:
    """Return True when ``text`` holds a character above U+FFFF (four bytes in UTF-16, not two)."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


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
