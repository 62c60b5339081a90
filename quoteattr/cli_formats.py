"""The output formats of ``quoteattr extract``: JSON Lines, CSV and Parquet, written and read back.

JSON Lines holds whole quotes (a :class:`~quoteattr.Quote` plus ``"document"``); CSV and
Parquet hold the flat rows of :func:`quoteattr.to_dataframe` (``quoteattr.tables.COLUMNS``,
``doc_id`` being the document), lists as JSON arrays in CSV and as lists of strings in
Parquet. Every format is written through a :class:`~quoteattr.cli_outputs.Sink`: whole or
not at all. ``--resume`` reads the ids an existing output holds and copies its records into
the new one before the new documents are added.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quoteattr.cli_outputs import Sink, first_line, json_line, read_json_lines
from quoteattr.errors import BackendUnavailableError, InputFormatError, QuoteattrError
from quoteattr.models import Quote
from quoteattr.tables import COLUMNS, arrow_schema, quote_row

FORMATS = ("jsonl", "csv", "parquet")
_SUFFIXES = {".csv": "csv", ".parquet": "parquet"}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_PARQUET_ROWS = 10_000
_CHUNK = 1 << 20


def output_format(path: str | None, forced: str | None = None) -> str:
    """Return the format ``-o path`` is written in: ``forced``, else by extension (JSON Lines by default)."""
    if forced is not None:
        return forced
    if path in (None, "-"):
        return "jsonl"
    return _SUFFIXES.get(Path(path).suffix.lower(), "jsonl")


def _pyarrow() -> Any:
    """Return ``pyarrow.parquet``, or raise naming the extra that installs it."""
    try:
        import pyarrow.parquet
    except ImportError:
        raise BackendUnavailableError(
            "Parquet output needs pyarrow: pip install 'quoteattr[parquet]' (or pip install pyarrow)") from None
    return pyarrow.parquet


def check_format(fmt: str, path: str | None) -> None:
    """Raise when ``fmt`` cannot be written to ``path``: Parquet needs pyarrow and a file."""
    if fmt == "parquet":
        _pyarrow()
        if path in (None, "-"):
            raise QuoteattrError("Parquet is written to a file: give -o FILE.parquet")


def utf8(value: str) -> str:
    """Return ``value`` with each lone surrogate, which UTF-8 cannot hold, as U+FFFD (lengths are kept)."""
    return _LONE_SURROGATE.sub("\ufffd", value)


class Output:
    """Where the quotes of each document go, in one of :data:`FORMATS`.

    Args:
        path: the file, or None or "-" for stdout.
        previous: when True, the records of the file already at ``path`` are copied first
            (``--resume``).
    """

    binary = False

    def __init__(self, path: str | None, *, previous: bool = False) -> None:
        """Open the sink; copy the existing records when ``previous``."""
        self.sink = Sink(path, "output", binary=self.binary)
        try:
            self.start(previous)
        except BaseException:
            self.discard()
            raise

    def start(self, previous: bool) -> None:
        """Write what comes before the first document: the header, the previous records."""
        if previous:
            with open(self.sink.name, encoding="utf-8", newline="") as handle:
                while chunk := handle.read(_CHUNK):
                    self.sink.write(chunk)

    def key(self, name: str) -> str:
        """Return the id a document named ``name`` has once written and read back."""
        return name

    @classmethod
    def read_ids(cls, path: str) -> set[str]:
        """Return the ids of the documents a file of this format holds."""
        raise NotImplementedError

    def write(self, document: str, quotes: Sequence[Quote]) -> None:
        """Write the quotes of one document."""
        raise NotImplementedError

    def commit(self) -> None:
        """Finish the file: it replaces the target only now."""
        self.sink.commit()

    def discard(self) -> None:
        """Drop what was written: no file, no temporary file."""
        self.sink.discard()


class JsonLinesOutput(Output):
    """One JSON line per quote: ``{"document": …, **quote}``."""

    @classmethod
    def read_ids(cls, path: str) -> set[str]:
        """Return the ``"document"`` of every line."""
        found = set()
        for number, record in read_json_lines(path):
            document = record.get("document") if isinstance(record, dict) else None
            if not isinstance(document, str):
                raise InputFormatError(f"{path}, line {number}: not a quote of quoteattr extract")
            found.add(document)
        return found

    def start(self, previous: bool) -> None:
        """Copy the previous lines, making sure the last one ends."""
        super().start(previous)
        if previous and Path(self.sink.name).stat().st_size:
            with open(self.sink.name, "rb") as handle:
                handle.seek(-1, io.SEEK_END)
                if handle.read() != b"\n":
                    self.sink.write("\n")

    def write(self, document: str, quotes: Sequence[Quote]) -> None:
        """Write one line per quote, all in one write."""
        encoding = self.sink.encoding
        self.sink.write("".join(json_line({"document": document, **quote.model_dump()}, encoding) for quote in quotes))


def _cell(value: Any) -> Any:
    """Return a CSV cell: lists as JSON arrays, None as empty, strings in UTF-8."""
    if isinstance(value, list):
        return json.dumps([utf8(item) for item in value], ensure_ascii=False)
    if value is None:
        return ""
    return utf8(value) if isinstance(value, str) else value


class CsvOutput(Output):
    """One CSV row per quote under a header of ``COLUMNS``."""

    def key(self, name: str) -> str:
        """Return ``name`` as it reads back from the file (lone surrogates as U+FFFD)."""
        return utf8(name)

    @classmethod
    def _header(cls, path: str, reader: Any) -> None:
        """Raise unless ``reader`` starts with the header quoteattr writes."""
        if next(reader, None) != list(COLUMNS):
            raise InputFormatError(f"{path}: not a CSV file of quoteattr extract (its header differs)")

    @classmethod
    def read_ids(cls, path: str) -> set[str]:
        """Return the ``doc_id`` of every row."""
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            cls._header(path, reader)
            return {row[0] for row in reader if row}

    def start(self, previous: bool) -> None:
        """Write the header, or copy the previous file with its own."""
        if previous:
            super().start(previous)
        else:
            self._rows([list(COLUMNS)])

    def _rows(self, rows: list[list[Any]]) -> None:
        """Write rows in one write."""
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(rows)
        self.sink.write(text.getvalue())

    def write(self, document: str, quotes: Sequence[Quote]) -> None:
        """Write one row per quote."""
        self._rows([[_cell(value) for value in quote_row(document, quote).values()] for quote in quotes])


def _parquet_value(value: Any) -> Any:
    """Return a row value Parquet can hold: strings in UTF-8."""
    if isinstance(value, str):
        return utf8(value)
    if isinstance(value, list):
        return [utf8(item) for item in value]
    return value


class ParquetOutput(Output):
    """A Parquet file of the flat rows, one row group per 10,000 quotes (pyarrow)."""

    binary = True

    def __init__(self, path: str | None, *, previous: bool = False) -> None:
        """Open the Parquet writer on the sink."""
        self.parquet = _pyarrow()
        self.schema = arrow_schema()
        self.rows: list[dict[str, Any]] = []
        self.writer: Any = None
        super().__init__(path, previous=previous)

    def key(self, name: str) -> str:
        """Return ``name`` as it reads back from the file (lone surrogates as U+FFFD)."""
        return utf8(name)

    @classmethod
    def _table(cls, path: str) -> Any:
        """Return the open Parquet file at ``path``, checking it holds quoteattr's columns."""
        try:
            found = _pyarrow().ParquetFile(path)
        except (OSError, ValueError) as error:  # pyarrow's ArrowInvalid is a ValueError
            raise InputFormatError(f"{path}: not a Parquet file ({first_line(error)})") from None
        if not found.schema_arrow.equals(arrow_schema()):
            found.close()
            raise InputFormatError(f"{path}: not a Parquet file of quoteattr extract (its columns differ)")
        return found

    @classmethod
    def read_ids(cls, path: str) -> set[str]:
        """Return the ``doc_id`` of every row."""
        found = cls._table(path)
        try:
            return {value for batch in found.iter_batches(columns=["doc_id"])
                    for value in batch.column(0).to_pylist() if value is not None}
        finally:
            found.close()

    def start(self, previous: bool) -> None:
        """Open the writer, then copy the previous row groups."""
        with self.sink.failures():
            self.writer = self.parquet.ParquetWriter(self.sink.handle, self.schema)
        if previous:
            found = self._table(self.sink.name)
            try:
                for batch in found.iter_batches():
                    with self.sink.failures():
                        self.writer.write_batch(batch)
            finally:
                found.close()

    def write(self, document: str, quotes: Sequence[Quote]) -> None:
        """Add the rows of one document; a row group is written every 10,000 rows."""
        rows = [{name: _parquet_value(value) for name, value in quote_row(document, quote).items()} for quote in quotes]
        self.rows.extend(rows)
        if len(self.rows) >= _PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        """Write the rows held as one row group."""
        if self.rows:
            import pyarrow

            with self.sink.failures():
                self.writer.write_batch(pyarrow.RecordBatch.from_pylist(self.rows, schema=self.schema))
                self.rows = []

    def commit(self) -> None:
        """Write the last rows and the file's footer, then the file replaces its target."""
        self._flush()
        with self.sink.failures():
            self.writer.close()
        super().commit()

    def discard(self) -> None:
        """Close the writer on the file being dropped (it would otherwise write to it when collected)."""
        if self.writer is not None:
            with contextlib.suppress(OSError, ValueError):  # the file may already be closed or full
                self.writer.close()
        super().discard()


OUTPUTS: dict[str, type[Output]] = {"jsonl": JsonLinesOutput, "csv": CsvOutput, "parquet": ParquetOutput}
