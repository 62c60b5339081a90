"""What ``quoteattr extract`` reads: text files, folders of them, JSON Lines, stdin.

Folders are read recursively: their ``.txt`` and ``.jsonl`` files, or the files whose name
matches a ``--glob`` pattern. A ``.jsonl`` file (any input, with ``--jsonl``) holds one
record per line, its text and id in the fields ``--text-field`` and ``--id-field``.

Every input is read with a bound (``--max-bytes``): a bigger document, or a JSON line longer
than the bound, is reported and skipped without being read whole. In a folder only regular
files are read (a link to one is fine); FIFOs, devices and sockets are reported and never
opened. A FIFO or a character device named on the command line is read as a stream, bounded
the same way, so that ``quoteattr extract <(zcat a.txt.gz)`` works.
"""

from __future__ import annotations

import codecs
import fnmatch
import io
import json
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, AnyStr, cast

from quoteattr.cli_outputs import Problems, document_name

STDIN = "<stdin>"
SUFFIXES = (".txt", ".jsonl")


@dataclass(frozen=True)
class Document:
    """One text to extract quotes from, and where it comes from."""

    name: str
    """The ``"document"`` of its output lines: the file, the record's id, or ``<stdin>``."""
    source: str
    """The file it was read from, or ``<stdin>``."""
    line: int | None
    """Its line in a JSON Lines file, else None."""
    text: str
    """The decoded text."""
    record_id: str | None = None
    """The id its JSON Lines record gave, if any."""


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are found and decoded, and how much one document may take."""

    encoding: str
    errors: str
    max_bytes: int
    text_field: str = "text"
    """The field of a JSON Lines record that holds its text."""
    id_field: str = "id"
    """The field of a JSON Lines record that holds its id (a record without one is named by its line)."""
    globs: tuple[str, ...] = ()
    """Which files of a folder are read (default: ``*.txt`` and ``*.jsonl``)."""
    jsonl: bool = False
    """Read every input, stdin included, as JSON Lines whatever its name."""

    def is_jsonl(self, path: Path) -> bool:
        """Return True when ``path`` is read as JSON Lines."""
        return self.jsonl or path.suffix == ".jsonl"


_MARK = "\udfff"
_MARK_ERRORS = "quoteattr.mark"


def _mark_undecodable(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: put a lone surrogate, which strict decoding never yields, for bad bytes.

    A decoding reader then goes on past a bad byte, and the line that holds the mark is
    reported and skipped like a bad line of a UTF-8 file.
    """
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return _MARK, error.end


codecs.register_error(_MARK_ERRORS, _mark_undecodable)


def _kind(mode: int) -> str:
    """Return what a file that is not a regular file is, for messages."""
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


@cache
def _cut_into_lines_as_bytes(encoding: str) -> bool:
    """Return True when a file in ``encoding`` can be cut into lines before decoding.

    It can when every ASCII character, the line feed among them, is its own single byte
    (UTF-8, Latin-1, cp1252, Shift-JIS…): then a bad byte costs one line only. UTF-16,
    UTF-32 or EBCDIC files go through a decoding reader instead.
    """
    ascii_bytes = bytes(range(128))
    try:
        return ascii_bytes.decode("ascii").encode(encoding) == ascii_bytes
    except UnicodeError:
        return False


def _bounded_lines(handle: IO[AnyStr], limit: int, newline: AnyStr) -> Iterator[tuple[int, AnyStr | None]]:
    """Yield ``(number, line)`` for each line of ``handle``, None for one longer than ``limit``.

    A long line is read past in pieces of at most ``limit + 1`` units, never held whole.
    """
    number = 0
    while line := handle.readline(limit + 1):
        number += 1
        if len(line) <= limit or line.endswith(newline):
            yield number, line
            continue
        while line and not line.endswith(newline):
            line = handle.readline(limit + 1)
        yield number, None


def _decoded_lines(handle: IO[bytes], path: Path, options: ReadOptions,
                   problems: Problems) -> Iterator[tuple[int, str]]:
    """Yield ``(number, text)`` for each line of a JSON Lines file that decodes and fits the bound."""
    source = str(path)
    too_long = f"longer than --max-bytes {options.max_bytes}"
    if _cut_into_lines_as_bytes(options.encoding):
        for number, raw in _bounded_lines(handle, options.max_bytes, b"\n"):
            if raw is None:
                problems.report(too_long, source, line=number)
                continue
            try:
                yield number, raw.decode(options.encoding, errors=options.errors)
            except UnicodeDecodeError as error:
                problems.report(f"not valid {options.encoding} at byte {error.start} of the line "
                                "(try --encoding or --errors replace)", source, line=number)
        return
    marking = options.errors == "strict"
    reader = io.TextIOWrapper(handle, encoding=options.encoding, newline="\n",
                              errors=_MARK_ERRORS if marking else options.errors)
    try:
        for number, line in _bounded_lines(reader, options.max_bytes, "\n"):
            if line is None:
                problems.report(f"{too_long} characters", source, line=number)
            elif marking and _MARK in line:
                problems.report(f"not valid {options.encoding} (try --encoding or --errors replace)",
                                source, line=number)
            else:
                yield number, line
    finally:
        reader.detach()


def _iter_jsonl(handle: IO[bytes], path: Path, options: ReadOptions,
                problems: Problems) -> Iterator[Document]:
    """Yield the documents of a JSON Lines file of ``{"id", "text"}`` records (or the fields named), streaming.

    A malformed record, a line that does not decode or one over the bound costs that line
    only, and the report names it.
    """
    source = str(path)
    for number, line in _decoded_lines(handle, path, options, problems):
        if number == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record[options.text_field]
            if not isinstance(text, str):
                raise TypeError
        except (ValueError, KeyError, TypeError, RecursionError):
            problems.report(f"not a JSON object with a string {options.text_field!r}", source, line=number)
            continue
        identifier = record.get(options.id_field)
        record_id = None if identifier is None else str(identifier)
        name = record_id if record_id is not None else document_name(source, number)
        yield Document(name, source, number, text, record_id)


def _decode(data: bytes, source: str, options: ReadOptions, problems: Problems) -> Iterator[Document]:
    """Yield the one document of a whole file, or report why it cannot be decoded."""
    try:
        yield Document(source, source, None, data.decode(options.encoding, errors=options.errors))
    except UnicodeDecodeError as error:
        problems.report(f"not valid {options.encoding} at byte {error.start} "
                        "(try --encoding or --errors replace)", source)


def _read_stdin(options: ReadOptions, problems: Problems) -> Iterator[Document]:
    """Yield stdin as one document read up to the bound, or its records with ``--jsonl``."""
    stream = sys.stdin
    if stream is None:
        problems.report("stdin is closed", STDIN)
        return
    reader = getattr(stream, "buffer", stream)
    if options.jsonl:
        if isinstance(reader, io.TextIOBase):  # a text stream without a buffer (tests, IDEs)
            reader = io.BytesIO(reader.read().encode(options.encoding))
        binary = cast("IO[bytes]", reader)
        yield from _iter_jsonl(binary, Path(STDIN), options, problems)
        return
    data = reader.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        problems.report(f"more than --max-bytes {options.max_bytes}", STDIN)
    elif isinstance(data, str):
        yield Document(STDIN, STDIN, None, data)
    else:
        yield from _decode(data, STDIN, options, problems)


def _read_file(path: Path, options: ReadOptions, problems: Problems, *, named: bool) -> Iterator[Document]:
    """Yield the documents of one file; ``named`` files may be FIFOs or character devices."""
    source = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        problems.report("no such file", source)
        return
    except OSError as error:
        problems.report(f"cannot read ({error.strerror})", source)
        return
    mode, size = info.st_mode, info.st_size
    regular = stat.S_ISREG(mode)
    if not regular and not (named and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode))):
        problems.report(f"not a regular file but {_kind(mode)}", source)
        return
    if regular and size > options.max_bytes and not options.is_jsonl(path):
        problems.report(f"{size} bytes, more than --max-bytes {options.max_bytes}", source)
        return
    try:
        with open(path, "rb") as handle:
            if options.is_jsonl(path):
                yield from _iter_jsonl(handle, path, options, problems)
                return
            data = handle.read(options.max_bytes + 1)
    except OSError as error:
        problems.report(f"cannot read ({error.strerror})", source)
        return
    if len(data) > options.max_bytes:
        problems.report(f"more than --max-bytes {options.max_bytes}", source)
    else:
        yield from _decode(data, source, options, problems)


def _selected(relative: str, globs: tuple[str, ...]) -> bool:
    """Return True when a file at ``relative`` (under the folder, with /) is read.

    A pattern matches the file name, or the relative path when it holds a ``/`` (a leading
    ``**/`` matches at any depth; ``*`` may cross folders there).
    """
    if not globs:
        return Path(relative).suffix in SUFFIXES
    name = relative.rsplit("/", 1)[-1]
    for pattern in globs:
        if "/" not in pattern:
            if fnmatch.fnmatch(name, pattern):
                return True
        elif fnmatch.fnmatch(relative, pattern) or (
                pattern.startswith("**/") and _selected(relative, (pattern[3:],))):
            return True
    return False


def _files_under(folder: Path, options: ReadOptions, problems: Problems | None) -> list[Path]:
    """Return the files under ``folder`` that are read, reporting folders that cannot be read."""
    def unreadable(error: OSError) -> None:
        if problems is not None:
            problems.report(f"cannot read folder ({error.strerror})", str(error.filename))

    found: list[Path] = []
    for root, folders, files in os.walk(folder, onerror=unreadable):
        folders.sort()
        base = Path(root).relative_to(folder).as_posix()
        prefix = "" if base == "." else f"{base}/"
        found.extend(Path(root) / name for name in sorted(files) if _selected(prefix + name, options.globs))
    return found


def iter_documents(inputs: list[str], options: ReadOptions, problems: Problems) -> Iterator[Document]:
    """Yield every document of the inputs, in order: files, folders, JSON Lines or ``-`` for stdin."""
    for name in inputs:
        if name == "-":
            yield from _read_stdin(options, problems)
        elif Path(name).is_dir():
            for path in _files_under(Path(name), options, problems):
                yield from _read_file(path, options, problems, named=False)
        else:
            yield from _read_file(Path(name), options, problems, named=True)


def _count_lines(path: Path) -> int:
    """Return the number of lines of a file, counted in bytes."""
    count, last = 0, b"\n"
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def count_documents(inputs: list[str], options: ReadOptions) -> int | None:
    """Return about how many documents the inputs hold, for a progress bar; None when it cannot be told.

    A JSON Lines file counts its lines (blank ones too), a file that will be reported and
    skipped counts one; stdin, and a FIFO or device named on the command line, make the
    count unknown.
    """
    total = 0
    for name in inputs:
        if name == "-":
            return None
        top = Path(name)
        for path in _files_under(top, options, None) if top.is_dir() else [top]:
            try:
                mode = os.stat(path).st_mode
                if not stat.S_ISREG(mode):
                    if path is top and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
                        return None
                    total += 1
                elif not options.is_jsonl(path):
                    total += 1
                elif not _cut_into_lines_as_bytes(options.encoding):
                    return None
                else:
                    total += _count_lines(path)
            except OSError:
                total += 1
    return total
