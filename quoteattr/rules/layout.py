"""Paragraphs and page furniture: where a text's paragraphs are and which lines are not prose.

Scraped news pages carry timestamps, "Mis à jour à …" lines, photo captions and navigation
lists around the article. These functions find them so that quotes are not read into them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

WHITESPACE = "".join(filter(regex.compile(r"\s").match, map(chr, range(0x3001))))
"""The characters ``\\s`` matches in the ``regex`` module (Unicode White_Space)."""
# Plain character-class scans use the standard ``re`` module, twice as fast as ``regex`` on
# them; they cannot backtrack, so they need no timeout. Its ``\s`` differs from ``regex``'s
# (it takes U+001C..U+001F too), hence the explicit class.
_PARAGRAPH_BREAK = re.compile(f"\n[ \t\u00a0\u202f\r\f\v]*\n[{WHITESPACE}]*|\r[ \t]*\r[{WHITESPACE}]*")
_LINE = re.compile(r"[^\n\r]+")
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
_TIMESTAMP_INITIALS = "iImMpPdD"
_SEPARATOR_MARKS = "-–—•|·*"
_CLOSERS = "»”\"" + WHITESPACE
_FINAL_PUNCTUATION = tuple(".!?…:;")
_CODE_HINTS = ("script", "window.", "document.", "function", "var", "=>", "({", "});", "dataLayer")
_HINT_CHARACTERS = {"script": "<", "var": "=", "=>": "=", "({": "{", "});": "}"}
"""A character ``_CODE`` needs beside a hint: ``</?script``, ``var x =``, ``=>``, ``({``, ``});``."""
_BARS = "|·•"
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
    for match in _PARAGRAPH_BREAK.finditer(text):
        _append_stripped(text, position, match.start(), result)
        position = match.end()
    _append_stripped(text, position, len(text), result)
    return result


def _append_stripped(text: str, start: int, end: int, out: list[Paragraph]) -> None:
    """Append ``text[start:end]`` without its surrounding whitespace (``str.isspace``), when not empty."""
    piece = text[start:end]
    kept = piece.lstrip()
    if kept:
        start += len(piece) - len(kept)
        out.append(Paragraph(start, start + len(kept.rstrip())))


def is_timestamp_line(line: str) -> bool:
    """Return True for live-blog furniture: "07h42 CEST", "Mis à jour à 07h42", "il y a 10 min"."""
    if len(line) >= 120:
        return False
    first = line.lstrip(WHITESPACE)[:1]
    maybe = first in _TIMESTAMP_INITIALS or "0" <= first <= "9" or not first.isascii()
    return maybe and _TIMESTAMP.match(line) is not None


def _ends_sentence(line: str) -> bool:
    """Return True when ``line`` ends with final punctuation, maybe before closing marks."""
    return line.rstrip(_CLOSERS)[-1:] in _FINAL_PUNCTUATION


def _is_separator(line: str) -> bool:
    """Return True for a line made of dashes, bullets or bars only ("-----", "•")."""
    if line[:1] not in _SEPARATOR_MARKS and line[-1:] not in _SEPARATOR_MARKS and not line[:1].isspace():
        return False
    core = line.strip(WHITESPACE)
    return bool(core) and not core.strip(_SEPARATOR_MARKS)


class _LineTests:
    """The rarer furniture tests of one text's lines, skipped where the whole text rules them out.

    ``_RELATED`` cannot match without "lire aussi", "voir aussi", "lisez notre", "savoir plus"
    or a line that starts with "plus" (it ignores case, so these cues are looked up once in the
    casefolded text, :func:`_related_cues`); ``_CODE`` cannot match without one of its literal words, ``_MENU_BARS`` without a
    bar. These patterns run only on the lines that hold those words, and not at all when the
    whole text lacks them, so ordinary prose costs a few string operations per line.
    """

    def __init__(self, text: str) -> None:
        folded = text.casefold()
        self.folded = folded if len(folded) == len(text) else None
        self.cues = sorted(_related_cues(folded)) if self.folded is not None else None
        self._next_cue = 0
        self.code_hints = tuple(hint for hint in _CODE_HINTS if _may_hold(text, hint) and hint in text)
        self.bars = tuple(bar for bar in _BARS if bar in text)

    def _cue_within(self, start: int, end: int) -> bool:
        """Return True when a cue word starts in ``[start, end)``; lines come in text order."""
        cues = self.cues
        assert cues is not None
        k = self._next_cue
        while k < len(cues) and cues[k] < start:
            k += 1
        self._next_cue = k
        return k < len(cues) and cues[k] < end

    def related(self, line: str, start: int) -> regex.Match[str] | None:
        """Return the "Lire aussi" (or "Voir aussi", "En savoir plus") cue of a line, if any."""
        if self.cues is not None and not self._cue_within(start, start + len(line)):
            return None
        folded = line.casefold() if self.folded is None else self.folded[start:start + len(line)]
        if not (("aussi" in folded and ("lire" in folded or "voir" in folded))
                or ("notre" in folded and "lisez" in folded)
                or ("plus" in folded and ("savoir" in folded or folded.lstrip(WHITESPACE).startswith("plus")))):
            return None
        return _RELATED.search(line)

    def code_end(self, line: str) -> int | None:
        """Return where the script code on a line ends, or None when the line holds no code."""
        if not any(hint in line for hint in self.code_hints) or not _CODE.search(line):
            return None
        ends = [m.end() for m in _CODE_END.finditer(line)]
        return max(ends) if ends else len(line)

    def menu(self, line: str) -> bool:
        """Return True for a line of items separated by bars ("Politique | Monde | Sport")."""
        return any(bar in line for bar in self.bars) and len(_MENU_BARS.findall(line)) >= 2


def _related_cues(folded: str) -> list[int]:
    """Return where a "Lire aussi" cue may start in a casefolded text: every "aussi" after
    "lire" or "voir", "lisez" before "notre", "savoir" before "plus", and "plus" opening a line."""
    found = [at for at in _positions(folded, "aussi") if _word_before(folded, at).endswith(("lire", "voir"))]
    found += [at for at in _positions(folded, "lisez") if _word_after(folded, at + 5).startswith("notre")]
    found += [at for at in _positions(folded, "savoir") if _word_after(folded, at + 6).startswith("plus")]
    return found + _line_starts(folded, "plus")


def _positions(text: str, word: str) -> list[int]:
    """Return where ``word`` occurs in ``text``."""
    found = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _word_before(text: str, position: int) -> str:
    """Return the few characters before ``position`` and the white space before it."""
    end = position
    while end > 0 and text[end - 1] in WHITESPACE:
        end -= 1
    return text[max(0, end - 4):end] if end < position else ""


def _word_after(text: str, position: int) -> str:
    """Return the few characters after ``position`` and the white space after it."""
    start = position
    while start < len(text) and text[start] in WHITESPACE:
        start += 1
    return text[start:start + 5] if start > position else ""


def _line_starts(text: str, word: str) -> list[int]:
    """Return where ``word`` occurs in ``text`` with nothing but white space before it on its line."""
    found = []
    at = text.find(word)
    while at >= 0:
        before = at
        while before > 0 and text[before - 1] in WHITESPACE and text[before - 1] not in "\n\r":
            before -= 1
        if before == 0 or text[before - 1] in "\n\r":
            found.append(at)
        at = text.find(word, at + 1)
    return found


def _may_hold(text: str, hint: str) -> bool:
    """Return False when ``text`` lacks the rare character a code hint's pattern needs."""
    needed = _HINT_CHARACTERS.get(hint)
    return needed is None or needed in text


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """Return the character ranges of lines that are page furniture, not article prose.

    Furniture is a timestamp or update line, a line of script code, what follows "Lire aussi"
    on its line (and the lines under a "Lire aussi" heading, up to a blank line), a line of
    items separated by bars ("Politique | Monde | Sport"), or a run of at least three short
    lines with no sentence-final punctuation (a navigation menu or a list of headlines), separator lines
    ("-", "•") included.

    Every line is read once; the costly patterns run only on lines that hold one of their
    literal words (:class:`_LineTests`).
    """
    ranges: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    tests = _LineTests(text)
    check_related = tests.cues is None or bool(tests.cues)
    check_code = bool(tests.code_hints)
    check_menu = bool(tests.bars)
    for match in _LINE.finditer(text):
        line = match.group()
        if line.isspace():
            continue
        start, end = match.span()
        related = tests.related(line, start) if check_related else None
        if related is not None:
            related_end = min(end, start + related.start() + _RELATED_SPAN)
            if not line[related.end():].strip(" \t:\u00a0"):
                related_end = _block_end(text, end)
            ranges.append((start + related.start(), related_end))
        code_end = tests.code_end(line) if check_code else None
        if code_end is not None:
            ranges.append((start, start + code_end))
        short = end - start <= _LIST_MAX_LINE
        if (short and is_timestamp_line(line)) or (check_menu and tests.menu(line)):
            ranges.append((start, end))
            continue
        if (short and not _ends_sentence(line)) or _is_separator(line):
            run.append((start, end))
            continue
        if run:
            _close_run(run, ranges)
            run = []
    _close_run(run, ranges)
    return _merge(sorted(ranges))


def _block_end(text: str, position: int) -> int:
    """Return the end of the lines that follow ``position`` up to the next blank line.

    At most ``_RELATED_BLOCK`` characters: a related-links box holds a few headlines.
    """
    limit = min(len(text), position + _RELATED_BLOCK)
    found = _PARAGRAPH_BREAK.search(text, position, limit)
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
