"""The ledger of ``quoteattr extract --resume``: the ids of every document already processed.

A document without any quote leaves no record in the output, so the output alone cannot say
it was done. With ``--resume`` the CLI keeps ``OUT.done`` beside ``-o OUT``: one JSON string
per line, the id of each document processed, with or without quotes. It is written whole or
not at all, like the output, and committed with it.
"""

from __future__ import annotations

import json
from pathlib import Path

from quoteattr.cli_outputs import Sink, read_json_lines
from quoteattr.errors import InputFormatError

SUFFIX = ".done"


def ledger_path(output: str) -> str:
    """Return where the ledger of the output ``output`` is kept."""
    return output + SUFFIX


def read_ledger(path: str) -> set[str]:
    """Return the ids a ledger holds (none when there is no ledger yet).

    Raises:
        InputFormatError: a line is not a JSON string (naming the file and the line).
    """
    if not Path(path).is_file():
        return set()
    ids = set()
    for number, identifier in read_json_lines(path):
        if not isinstance(identifier, str):
            raise InputFormatError(f"{path}, line {number}: not a document id of quoteattr extract --resume")
        ids.add(identifier)
    return ids


class Ledger:
    """The ledger being written: the previous ids, then each document processed now."""

    def __init__(self, path: str, previous: set[str]) -> None:
        """Open the ledger's temporary file and write the ids already known."""
        self.sink = Sink(path, "resume ledger")
        try:
            if previous:
                self.sink.write("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in sorted(previous)))
        except BaseException:
            self.sink.discard()
            raise

    def add(self, identifier: str) -> None:
        """Record that the document ``identifier`` was processed."""
        self.sink.write(json.dumps(identifier, ensure_ascii=False) + "\n")

    def commit(self) -> None:
        """Replace the ledger on disk with the one written now."""
        self.sink.commit()

    def discard(self) -> None:
        """Drop the ledger written now; the one on disk stays as it was."""
        self.sink.discard()
