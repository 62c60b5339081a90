"""Reading and checking the lines of lexicon data files.

A lexicon file is UTF-8 text; lines that are blank or start with ``#`` are comments. Every
other line is one entry, checked as it is read: a bad line raises
:class:`~quoteattr.errors.InputFormatError` naming the file and its line number. The same
rules apply to the packaged files in ``quoteattr/data`` and to a user's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from quoteattr.errors import InputFormatError


@dataclass(frozen=True)
class Line:
    """One entry line of a data file: where it comes from and its text."""

    origin: str
    number: int
    text: str

    def error(self, problem: str) -> InputFormatError:
        """Return the error that reports ``problem`` on this line."""
        return InputFormatError(f"{self.origin}, line {self.number}: {problem}, found {self.text!r}")

    def fields(self, names: tuple[str, ...]) -> list[str]:
        """Return the tab-separated fields of the line, checking their count and that none is empty."""
        fields = self.text.split("\t")
        if len(fields) != len(names):
            raise self.error(f"expected {len(names)} tab-separated field(s) ({'<TAB>'.join(names)}), "
                             f"got {len(fields)}")
        for name, value in zip(names, fields, strict=True):
            check_word(self, value, name)
        return fields


def check_word(line: Line, word: str, what: str = "word") -> None:
    """Raise unless ``word`` is non-empty and has no surrounding white space."""
    if not word:
        raise line.error(f"empty {what}")
    if word != word.strip():
        raise line.error(f"{what} {word!r} has white space around it")


def packaged_text(filename: str) -> str:
    """Return the text of a data file shipped in ``quoteattr/data``."""
    return resources.files("quoteattr.data").joinpath(filename).read_text(encoding="utf-8")


def packaged_names() -> frozenset[str]:
    """Return the names of the lexicon files shipped in ``quoteattr/data``."""
    return frozenset(entry.name for entry in resources.files("quoteattr.data").iterdir()
                     if entry.name.endswith((".txt", ".tsv")))


def entry_lines(text: str, origin: str) -> Iterator[Line]:
    """Yield the entry lines of a data file's text, numbered as in the file."""
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.strip() and not raw.startswith("#"):
            yield Line(origin, number, raw)


def read_lines(filename: str, directory: Path | None = None) -> list[Line]:
    """Return the entry lines of ``filename``, from ``directory`` or from the package."""
    if directory is None:
        return list(entry_lines(packaged_text(filename), filename))
    path = directory / filename
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputFormatError(f"{path}: not UTF-8 text ({error})") from error
    return list(entry_lines(text, str(path)))


def word_list(lines: list[Line]) -> tuple[str, ...]:
    """Return the words of a one-word-a-line file in file order, rejecting bad and repeated lines.

    An entry may hold spaces ("conférence de presse") but no tab.
    """
    seen: set[str] = set()
    words = []
    for line in lines:
        if "\t" in line.text:
            raise line.error("expected one entry a line, without tabs")
        check_word(line, line.text, "entry")
        if line.text in seen:
            raise line.error(f"duplicate entry {line.text!r}")
        seen.add(line.text)
        words.append(line.text)
    return tuple(words)
