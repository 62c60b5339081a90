"""Where ``quoteattr extract`` writes: JSON Lines sinks, the errors report, messages on stderr.

A sink named by a path is written to a hidden temporary file beside it and renamed over it at
the end, so the file is there whole or not at all; stdout and special files (``/dev/null``,
a FIFO) are written as they go.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from quoteattr.cli_signals import deferred
from quoteattr.errors import QuoteattrError
from quoteattr.progress import Progress, clear_line

STDOUT = "<stdout>"


def say(message: str) -> None:
    """Print ``quoteattr: message`` on stderr in one line; a closed or broken stderr is ignored.

    Characters stderr cannot encode (a lone surrogate in a record id) are backslash-escaped.
    """
    stream = sys.stderr
    if stream is None:
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    line = f"quoteattr: {message}".encode(encoding, "backslashreplace").decode(encoding)
    clear_line()
    try:
        print(line, file=stream, flush=True)
    except (OSError, ValueError):
        pass


def first_line(error: BaseException) -> str:
    """Return the first line of an error's message, or its type name when it has none."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def read_json_lines(path: str) -> Iterator[tuple[int, Any]]:
    """Yield the line number and the JSON value of each non-blank line of ``path`` (None where it is not JSON)."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except ValueError:
                yield number, None


def json_line(record: dict[str, Any], encoding: str = "utf-8") -> str:
    """Return ``record`` as one JSON line, with ``\\u`` escapes only where ``encoding`` needs them.

    A lone surrogate (from a JSON ``"\\ud800"`` escape in the input) cannot be written as
    UTF-8; the line then escapes it, and reads back to the very same string and offsets.
    """
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode(encoding)
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line + "\n"


def silence_stdout() -> None:
    """Point the stdout file descriptor at the null device.

    After a write to stdout failed (closed pipe, full disk), the interpreter's last flush at
    exit would fail again and print a traceback-like warning; this makes it write nowhere.
    """
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)


def _umask() -> int:
    """Return the process umask (reading it means setting it, so it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_target(path: str, what: str) -> None:
    """Raise :class:`QuoteattrError` when ``path`` cannot be the file ``what`` is written to."""
    target = Path(path)
    if target.is_dir():
        raise QuoteattrError(f"{what} is a folder, not a file: {path}")
    if not target.exists() and not target.parent.is_dir():
        raise QuoteattrError(f"{what} folder does not exist: {target.parent}")


class Sink:
    """A destination: stdout, a special file, or a regular file written whole.

    Each write, and the closing of the file, is done whole: a signal that arrives meanwhile
    is raised once it is done (see :func:`quoteattr.cli_signals.deferred`).

    Args:
        path: the file to write, or None or "-" for stdout.
        what: what it holds ("output", "errors file"), for messages.
        binary: write bytes (Parquet) instead of UTF-8 text; not to stdout.

    Raises:
        QuoteattrError: stdout is closed, ``path`` is a folder, its folder does not exist, or
            the temporary file cannot be created there (read-only folder).
    """

    def __init__(self, path: str | None, what: str, *, binary: bool = False) -> None:
        """Open the destination; for a regular file, create the temporary file now."""
        self.what = what
        self.binary = binary
        self.name = STDOUT if path is None or path == "-" else path
        self.temporary: str | None = None
        self.target: str | None = None
        self.written = False
        self.committed = False
        self.handle: IO[Any] = self._open()

    def _open(self) -> IO[Any]:
        """Return the handle to write to, creating the temporary file of a regular target."""
        if self.name == STDOUT:
            if sys.stdout is None:
                raise QuoteattrError("stdout is closed; write to a file with -o FILE")
            return sys.stdout
        check_target(self.name, self.what)
        real = os.path.realpath(self.name)
        try:
            if os.path.exists(real) and not stat.S_ISREG(os.stat(real).st_mode):
                return open(real, "wb") if self.binary else open(real, "w", encoding="utf-8", newline="")
            descriptor, temporary = tempfile.mkstemp(
                dir=os.path.dirname(real), prefix=f".{os.path.basename(real)}.", suffix=".tmp")
        except OSError as error:
            raise QuoteattrError(f"cannot write the {self.what} {self.name}: {error.strerror}") from None
        self.temporary, self.target = temporary, real
        with contextlib.suppress(OSError):  # some file systems (FAT, SMB) refuse chmod
            os.chmod(temporary, 0o666 & ~_umask())
        if self.binary:
            return os.fdopen(descriptor, "wb")
        return os.fdopen(descriptor, "w", encoding="utf-8", newline="")

    @property
    def encoding(self) -> str:
        """The encoding the destination writes in."""
        return getattr(self.handle, "encoding", None) or "utf-8"

    @contextlib.contextmanager
    def failures(self) -> Iterator[None]:
        """Run a write whole, signals held; a failure becomes a one-line QuoteattrError.

        A closed pipe stays BrokenPipeError.
        """
        try:
            with deferred():
                yield
        except BrokenPipeError:
            raise
        except OSError as error:
            if self.name == STDOUT:
                silence_stdout()
            self.discard()
            raise QuoteattrError(f"cannot write the {self.what} {self.name}: "
                                 f"{error.strerror or error}") from None

    def write(self, text: str) -> None:
        """Write ``text``; a closed pipe raises BrokenPipeError, other failures QuoteattrError."""
        with self.failures():
            self.handle.write(text)
            self.written = self.written or bool(text)

    def commit(self, *, only_if_written: bool = False) -> None:
        """Flush everything; a regular file is renamed over its target only now.

        With ``only_if_written``, a regular file nothing was written to is not created, and
        one of that name (left by an earlier run) is removed. A second commit does nothing.
        """
        if self.committed:
            return
        self.committed = True
        if only_if_written and not self.written and self.target is not None:
            self.discard()
            with self.failures():
                if os.path.isfile(self.target):
                    os.unlink(self.target)
            return
        with self.failures():
            self.handle.flush()
            if self.name != STDOUT:
                self.handle.close()
            if self.temporary is not None and self.target is not None:
                os.replace(self.temporary, self.target)
                self.temporary = None

    def discard(self) -> None:
        """Drop what was written to a regular file: no temporary file is left behind."""
        if self.temporary is None:
            return
        try:
            self.handle.close()
        except OSError:
            pass
        if os.path.exists(self.temporary):
            os.unlink(self.temporary)
        self.temporary = None


def document_name(source: str, line: int | None = None) -> str:
    """Return the name of a document without an id: its file, or ``file name:line`` for a record."""
    return source if line is None else f"{Path(source).name}:{line}"


class Problems:
    """Reports the inputs that failed or were skipped and counts them.

    Each goes on stderr in one line and, when there is an errors file, into it as a JSON
    line ``{"document", "source", "line", "reason"}``.
    """

    def __init__(self, log: Sink | None = None, progress: Progress | None = None) -> None:
        """Start with no problem; ``log`` is the errors file, ``progress`` the bar that counts them, if any."""
        self.count = 0
        self.log = log
        self.progress = progress

    def report(self, reason: str, source: str, *, line: int | None = None,
               record_id: str | None = None) -> None:
        """Report one skipped input.

        Args:
            reason: what went wrong, without the "skipped".
            source: the file (or folder, or ``<stdin>``) it comes from.
            line: its line in a JSON Lines file.
            record_id: the id of its JSON Lines record, when it has one; the document is
                otherwise named as in the output (see :func:`document_name`).
        """
        self.count += 1
        if self.progress is not None:
            self.progress.advance(instant=True)
        where = source if line is None else f"{source}, line {line}"
        if record_id is not None:
            where += f" (id {record_id})"
        say(f"{where}: {reason}; skipped")
        if self.log is not None:
            document = record_id if record_id is not None else document_name(source, line)
            record = {"document": document, "source": source, "line": line, "reason": reason}
            self.log.write(json_line(record, self.log.encoding))
