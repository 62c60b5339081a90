"""Quote marks: find the spans of text inside « … », “ … ” and " … ".

The scanner reads each mark once, keeps a stack of open marks and so runs in time linear in
the length of the text, whatever the marks' balance. It follows French usage:

- « … » with a space, a no-break space (U+00A0), a narrow no-break space (U+202F) or nothing
  inside; “ … ”; straight " … " (AFP style); quotes nested in quotes give one outer quote;
- a quote continued in the next paragraph reopens with « and only its last paragraph closes it:
  that is ONE quote; so is « A. « B. » where a scrape has merged those paragraphs;
- an unbalanced mark never loses the rest of the document: marks still open at the end of a
  paragraph that the next paragraph does not continue are dropped, and the quotes completed
  inside them are kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from quoteattr.rules.layout import Paragraph, paragraphs

_MARKS = re.compile(r"[«»“”\"]")  # a character class: the standard module is faster, no timeout needed
_PADDING = " \t\n\r\u00a0\u202f\u2009\u2007\ufeff"
_SENTENCE_FINAL = ".!?…"
_CLOSING_FOR = {"«": "»", "“": "”", '"': '"', "”": "”"}
_STYLE = {"«": "guillemets", "“": "curly", "”": "curly", '"': "straight"}


@dataclass(frozen=True)
class QuoteCandidate:
    """Text between matching quote marks.

    Attributes:
        start: offset of the first quoted character (after the mark and its padding).
        end: offset just after the last quoted character (before the padding and the mark).
        open_start: offset of the opening mark.
        close_end: offset just after the closing mark.
        style: "guillemets", "curly" or "straight".
        paragraphs: how many paragraphs the quote runs over.
    """

    start: int
    end: int
    open_start: int
    close_end: int
    style: str
    paragraphs: int = 1


class _Frame:
    """An open mark on the scanner's stack, with the quotes completed inside it."""

    __slots__ = ("children", "mark", "paragraph", "position")

    def __init__(self, mark: str, position: int, paragraph: int) -> None:
        self.mark = mark
        self.position = position
        self.paragraph = paragraph
        self.children: list[QuoteCandidate] = []


def _previous_visible(text: str, position: int, floor: int) -> str:
    """Return the last non-padding character before ``position`` (not before ``floor``)."""
    index = position - 1
    while index >= floor and text[index] in _PADDING:
        index -= 1
    return text[index] if index >= floor else ""


def _is_reopening(text: str, position: int, paragraph_start: int, stack: list[_Frame]) -> bool:
    """Return True when a « continues an open « instead of nesting a new quote."""
    if not stack or stack[0].mark != "«":
        return False
    if position == paragraph_start:
        return True
    return _previous_visible(text, position, paragraph_start) in _SENTENCE_FINAL


def _straight_role(text: str, position: int, open_straight: bool) -> str:
    """Return "open", "close" or "none" for a straight double quote at ``position``."""
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if open_straight and not before.isspace():
        return "close"
    if not after.isspace() and (before.isspace() or before in "([{«“:'’-—–/"):
        return "open"
    if open_straight:
        return "close"
    return "none"


def _candidate(text: str, frame: _Frame, close_start: int, paragraph: int) -> QuoteCandidate | None:
    """Return the candidate between ``frame``'s mark and a closing mark, or None if empty."""
    start = frame.position + 1
    end = close_start
    while start < end and text[start] in _PADDING:
        start += 1
    while frame.mark == "«" and paragraph > frame.paragraph and start < end and text[start] in "«“\"":
        following = start + 1
        while following < end and text[following] in _PADDING:
            following += 1
        reopening = text[start] == "«" and "\n" in text[frame.position:start]
        if not (reopening or "\n" in text[start:following]):
            break
        start = following
    while end > start and text[end - 1] in _PADDING:
        end -= 1
    if start >= end:
        return None
    return QuoteCandidate(
        start=start,
        end=end,
        open_start=frame.position,
        close_end=close_start + 1,
        style=_STYLE[frame.mark],
        paragraphs=paragraph - frame.paragraph + 1,
    )


class _Stack:
    """The open marks, with the depths of each kind of mark for constant-time lookups."""

    def __init__(self) -> None:
        self.frames: list[_Frame] = []
        self.depths: dict[str, list[int]] = {"«": [], "“": [], "”": [], '"': []}

    def push(self, frame: _Frame) -> None:
        """Open a mark."""
        self.depths[frame.mark].append(len(self.frames))
        self.frames.append(frame)

    def innermost(self, mark: str) -> int:
        """Return the depth of the innermost open frame with ``mark``, or -1."""
        depths = self.depths[mark]
        return depths[-1] if depths else -1

    def truncate(self, depth: int) -> list[_Frame]:
        """Remove and return the frames at ``depth`` and above."""
        removed = self.frames[depth:]
        del self.frames[depth:]
        for positions in self.depths.values():
            while positions and positions[-1] >= depth:
                positions.pop()
        return removed


def _close(text: str, stack: _Stack, depth: int, position: int, paragraph: int,
           found: list[QuoteCandidate]) -> None:
    """Close the frame at ``depth`` with the mark at ``position``, dropping frames above it."""
    removed = stack.truncate(depth)
    frame = removed[0]
    for dropped in removed[1:]:
        frame.children.extend(dropped.children)
    candidate = _candidate(text, frame, position, paragraph)
    if candidate is None:
        return
    if stack.frames:
        stack.frames[-1].children.append(candidate)
    else:
        found.append(candidate)


def find_quotes(text: str, blocks: list[Paragraph] | None = None) -> list[QuoteCandidate]:
    """Return the outermost quoted spans of ``text``, in document order.

    Args:
        text: any string; unbalanced or stray marks are tolerated.
        blocks: the paragraphs of ``text`` when the caller has them already
            (:func:`~quoteattr.rules.layout.paragraphs`).

    Returns:
        One candidate per outermost quotation; quotes nested inside it are part of it.
    """
    found: list[QuoteCandidate] = []
    stack = _Stack()
    blocks = paragraphs(text) if blocks is None else blocks
    number, end = -1, -1
    for match in _MARKS.finditer(text):
        position = match.start()
        if position >= end:  # every mark lies in a paragraph: a mark is no whitespace
            _end_paragraph(text, blocks, number, stack, found)
            number = bisect_right(blocks, position, key=_start) - 1
            end = blocks[number].end
        _scan_mark(text, match.group(), position, blocks[number].start, number, stack, found)
    _end_paragraph(text, blocks, number, stack, found)
    return sorted(found, key=_start)


def _start(item: QuoteCandidate | Paragraph) -> int:
    """Return where a candidate or a paragraph starts (a sort key)."""
    return item.start


def _end_paragraph(text: str, blocks: list[Paragraph], number: int, stack: _Stack,
                   found: list[QuoteCandidate]) -> None:
    """Drop the marks still open at the end of paragraph ``number`` unless the next one continues them."""
    if stack.frames and not _continues(text, blocks, number, stack.frames):
        for frame in stack.truncate(0):
            found.extend(frame.children)


def _continues(text: str, blocks: list[Paragraph], number: int, stack: list[_Frame]) -> bool:
    """Return True when the next paragraph reopens the « still open at this paragraph's end."""
    if stack[0].mark != "«" or number + 1 >= len(blocks):
        return False
    return text[blocks[number + 1].start] == "«"


def _scan_mark(text: str, mark: str, position: int, paragraph_start: int, paragraph: int,
               stack: _Stack, found: list[QuoteCandidate]) -> None:
    """Update the stack (and ``found``) for one quote mark."""
    if mark == "«":
        if not _is_reopening(text, position, paragraph_start, stack.frames):
            stack.push(_Frame("«", position, paragraph))
    elif mark == "»":
        depth = stack.innermost("«")
        if depth >= 0:
            _close(text, stack, depth, position, paragraph, found)
    elif mark == "“":
        stack.push(_Frame("“", position, paragraph))
    elif mark == "”":
        depth = max(stack.innermost("“"), stack.innermost("”"))
        if depth >= 0:
            _close(text, stack, depth, position, paragraph, found)
        elif position + 1 < len(text) and text[position + 1].isalpha():
            stack.push(_Frame("”", position, paragraph))
    else:
        role = _straight_role(text, position, bool(stack.depths['"']))
        if role == "close":
            _close(text, stack, stack.innermost('"'), position, paragraph, found)
        elif role == "open":
            stack.push(_Frame('"', position, paragraph))
