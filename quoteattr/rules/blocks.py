"""Block quotes: words with no quote marks that follow a cue ending with a colon.

"Kim a dit :" followed by a paragraph (or lines) of speech gives a block candidate covering
that paragraph; it ends at a blank line, a timestamp or "Mis à jour à …" line. Whether the
line before the colon really is a cue is decided later, on the parse.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from quoteattr.lexicons import active_lexicon
from quoteattr.rules import scan_timeout
from quoteattr.rules.layout import is_timestamp_line
from quoteattr.rules.marks import QuoteCandidate

_COLON_AT_LINE_END = regex.compile(r":[ \t\u00a0\u202f]*(?:\r\n|\n|\r)")
_QUOTE_MARKS = "«“\"”"
_OPENING_MARKS = "-–—•"
_MIN_WORDS = 4
_MAX_LINES = 40
_MAX_PARAGRAPHS = 4
_ENDS_WITH_COLON = regex.compile(r":[ \t\u00a0\u202f]*$")
_MARKS = regex.compile(r"[«»“”\"]")


@dataclass(frozen=True)
class BlockCandidate:
    """The paragraph after a colon that ends a line: ``text[start:end]``, the colon at ``colon``.

    ``marked`` is True when the paragraph opens with a quote mark: it is then no block quote
    itself, but its cue may still announce an outlet for the quotes it holds ("Reuters
    rapporte :").
    """

    colon: int
    start: int
    end: int
    marked: bool = False


def _next_lines(text: str, position: int) -> tuple[int, int] | None:
    """Return the span of the paragraph that starts at or after ``position``, or None.

    The paragraph ends at a blank line, a timestamp line, a line that itself ends with a colon
    (a new cue), or after ``_MAX_LINES`` lines, so that scanning stays linear.
    """
    length = len(text)
    while position < length and text[position].isspace():
        position += 1
    if position >= length:
        return None
    start = position
    end = start
    for _ in range(_MAX_LINES):
        if position >= length:
            break
        line_end = text.find("\n", position)
        line_end = length if line_end < 0 else line_end
        line = text[position:line_end]
        if not line.strip() or (position > start and (is_timestamp_line(line) or _ENDS_WITH_COLON.search(line))):
            break
        end = position + len(line.rstrip())
        position = line_end + 1
        if position < length and text[position:position + 1] in {"\n", "\r"}:
            break
    return (start, end) if end > start else None


def _continued(text: str, start: int, end: int) -> int:
    """Return the end of a block extended over the next paragraphs that still speak.

    A following paragraph continues the speech when it has no quote marks, is no timestamp
    or update line, and speaks in the first or second person ("nous", "notre", "vous").
    """
    for _ in range(_MAX_PARAGRAPHS):
        following = _next_lines(text, end)
        if following is None or "\n" not in text[end:following[0]]:
            return end
        paragraph = text[following[0]:following[1]]
        if _MARKS.search(paragraph) or is_timestamp_line(paragraph) \
                or _ENDS_WITH_COLON.search(paragraph) or not active_lexicon().speaking_person_pattern.search(paragraph):
            return end
        end = following[1]
    return end


def find_blocks(text: str, quotes: list[QuoteCandidate]) -> list[BlockCandidate]:
    """Return block candidates: a line ending with a colon, then unmarked lines of words."""
    found: list[BlockCandidate] = []
    quote_index = 0
    colons = list(_COLON_AT_LINE_END.finditer(text, timeout=scan_timeout(text)))
    for match in colons:
        colon = match.start()
        if found and colon < found[-1].end:
            continue
        while quote_index < len(quotes) and quotes[quote_index].close_end <= colon:
            quote_index += 1
        if quote_index < len(quotes) and quotes[quote_index].open_start < colon:
            continue
        span = _next_lines(text, match.end())
        if span is None:
            continue
        start, end = span
        if text[start] in _QUOTE_MARKS:
            found.append(BlockCandidate(colon, start, end, marked=True))
            continue
        if text[start] in _OPENING_MARKS:
            continue
        block = text[start:end]
        if is_timestamp_line(block) or len(block.split()) < _MIN_WORDS:
            continue
        found.append(BlockCandidate(colon, start, _continued(text, start, end)))
    return found
