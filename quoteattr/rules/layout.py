"""Paragraphs and page furniture: where a text's paragraphs are and which lines are not prose.

Scraped news pages carry timestamps, "Mis à jour à …" lines, photo captions and navigation
lists around the article. These functions find them so that quotes are not read into them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from quoteattr.rules import scan_timeout

_PARAGRAPH_BREAK = regex.compile(r"\n[ \t\u00a0\u202f\r\f\v]*\n\s*|\r[ \t]*\r\s*")
_LINE = regex.compile(r"[^\n\r]+")
_TIMESTAMP = regex.compile(
    r"""^\s*(?:
        (?:il\ y\ a\ \d+\s*(?:min|h|heures?|minutes?)\b.*)
      | (?:Mis\ à\ jour\b.*)
      | (?:Publié\ le\b.*)
      | (?:\d{1,2}\s*[h.:]\s*\d{2}(?:\s*[A-Z]{2,5})?)
      | (?:Depuis\ \d+\s*h\b.*)
    )\s*$""",
    regex.VERBOSE | regex.IGNORECASE,
)
_RELATED = regex.compile(r"(?:(?<!\w)(?:à\s+)?lire\s+aussi|(?<!\w)voir\s+aussi|^\s*plus\s*:|lisez\s+notre|en\s+savoir\s+plus)\b",
                         regex.IGNORECASE)
_CODE = regex.compile(r"</?script|\bwindow\.|\bdocument\.|\bfunction\s*\(|\bvar\s+\w+\s*=|=>|\w\(\{|\}\);|\bdataLayer\b")
_CODE_END = regex.compile(r"[;>]")
_MENU_BARS = regex.compile(r"\s[|·•]\s")
_SEPARATOR = regex.compile(r"^\s*[-–—•|·*]+\s*$")
_SENTENCE_END = regex.compile(r"[.!?…:;][»”\"\s]*$")
_LIST_MIN_LINES = 3
_RELATED_SPAN = 160
_RELATED_BLOCK = 800
_LIST_MAX_LINE = 160


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the text: ``text[start:end]``, with no leading or trailing blank."""

    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """Return the paragraphs of ``text`` (blocks separated by blank lines), in order."""
    result: list[Paragraph] = []
    position = 0
    for match in list(_PARAGRAPH_BREAK.finditer(text, timeout=scan_timeout(text))):
        _append_stripped(text, position, match.start(), result)
        position = match.end()
    _append_stripped(text, position, len(text), result)
    return result


def _append_stripped(text: str, start: int, end: int, out: list[Paragraph]) -> None:
    """Append ``text[start:end]`` without its surrounding whitespace, when not empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Paragraph(start, end))


def is_timestamp_line(line: str) -> bool:
    """Return True for live-blog furniture: "07h42 CEST", "Mis à jour à 07h42", "il y a 10 min"."""
    return len(line) < 120 and _TIMESTAMP.match(line) is not None


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """Return the character ranges of lines that are page furniture, not article prose.

    Furniture is a timestamp or update line, a line of script code, what follows "Lire aussi"
    on its line (and the lines under a "Lire aussi" heading, up to a blank line), a line of
    items separated by bars ("Politique | Monde | Sport"), or a run of at least three short
    lines with no sentence-final punctuation (a navigation menu or a list of headlines), separator lines
    ("-", "•") included.
    """
    ranges: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for match in list(_LINE.finditer(text, timeout=scan_timeout(text))):
        line = match.group()
        if not line.strip():
            continue
        related = _RELATED.search(line)
        if related is not None:
            related_end = min(match.end(), match.start() + related.start() + _RELATED_SPAN)
            if not line[related.end():].strip(" \t:\u00a0"):
                related_end = _block_end(text, match.end())
            ranges.append((match.start() + related.start(), related_end))
        if _CODE.search(line):
            code_end = max(m.end() for m in _CODE_END.finditer(line)) if _CODE_END.search(line) else len(line)
            ranges.append((match.start(), match.start() + code_end))
        if is_timestamp_line(line) or len(_MENU_BARS.findall(line)) >= 2:
            ranges.append(match.span())
            continue
        if _SEPARATOR.match(line) or (
            len(line) <= _LIST_MAX_LINE and not _SENTENCE_END.search(line)
        ):
            run.append(match.span())
            continue
        _close_run(run, ranges)
        run = []
    _close_run(run, ranges)
    return _merge(sorted(ranges))


def _block_end(text: str, position: int) -> int:
    """Return the end of the lines that follow ``position`` up to the next blank line.

    At most ``_RELATED_BLOCK`` characters: a related-links box holds a few headlines.
    """
    limit = min(len(text), position + _RELATED_BLOCK)
    found = _PARAGRAPH_BREAK.search(text, position, limit, timeout=scan_timeout(text))
    return found.start() if found is not None else limit


def _close_run(run: list[tuple[int, int]], ranges: list[tuple[int, int]]) -> None:
    """Add a run of short lines to ``ranges`` when it is long enough to be a list."""
    if len(run) >= _LIST_MIN_LINES:
        ranges.extend(run)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return sorted ranges with overlapping ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
