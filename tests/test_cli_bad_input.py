"""The command line on bad input, run in-process: what ``tests/test_cli.py`` does not cover yet.

Already covered there (not repeated here): a missing file alone (status 2) and among good
ones (status 1), a truncated JSON line in a .jsonl, an invalid UTF-8 .txt file alone
(status 2) and decoded with ``--errors replace``, ``-o`` into a missing folder, an unknown
model.

The contract (README, quoteattr/cli.py): an unreadable or failed document is reported on
stderr in ONE line, listed in the errors file, and skipped; exit status 0 when everything was
processed, 1 when some documents were skipped, 2 on a usage error, an output that cannot be
written or when nothing could be processed, 128 + the signal when interrupted; ``-o`` writes
the whole file or nothing; argument problems are found before the model loads. The few cases
that need a real process (a closed file descriptor, a closed pipe, SIGTERM) run one.
"""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

import pytest

try:
    import resource
except ImportError:  # not on Windows
    resource = None

import quoteattr
import quoteattr.extractor
from quoteattr import Quote
from quoteattr.cli import main
from tests.interruptions import stop_pipe_after_first
from tests.test_pipe_isolation import FAILING, STALLING, MarkedBackend

TEXT = "« Nous lancerons les travaux dès septembre », a déclaré Paul Girard."
WORDS = "Nous lancerons les travaux dès septembre"
OTHER = "« Le budget est prêt », a affirmé Marie Dupont."
OTHER_WORDS = "Le budget est prêt"




def run(argv: list[str]) -> int:
    """Run the CLI in-process and return its exit status (argparse exits with SystemExit)."""
    try:
        return main(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2


def records(output: str) -> list[dict]:
    """Parse JSON Lines output."""
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def one_line(error: str) -> str:
    """Return the single line of an error output, failing if there is not exactly one."""
    lines = error.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def quoted(output: str, texts: dict[str, str]) -> list[tuple[str, str]]:
    """Return ``(document, quote text)`` of every output record, checking spans on ``texts``."""
    result = []
    for line in records(output):
        document = line.pop("document")
        quote = Quote.model_validate(line)
        assert texts[document][quote.start:quote.end] == quote.text
        result.append((document, quote.text))
    return result


def jsonl(*lines: str | dict) -> str:
    """Return JSON Lines text: dicts are dumped, strings are written as they are."""
    return "".join((json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else x) + "\n" for x in lines)


def articles(folder: Path, count: int = 1) -> list[Path]:
    """Write ``count`` files of TEXT, ``article0.txt``…, in ``folder``; return their paths."""
    paths = [folder / f"article{number}.txt" for number in range(count)]
    for path in paths:
        path.write_text(TEXT, encoding="utf-8")
    return paths


def output_target(tmp_path: Path) -> Path:
    """Return ``out/quotes.jsonl`` under ``tmp_path``, its folder created and empty."""
    target = tmp_path / "out" / "quotes.jsonl"
    target.parent.mkdir()
    return target


# --------------------------------------------------------------------------------------------
# Unreadable folders


@pytest.mark.model
@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_cli_bad_input_unreadable_folder_is_reported(shared_model, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not make a folder unreadable")
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "article.txt").write_text(TEXT, encoding="utf-8")
    folder.chmod(0)
    try:
        status = run(["extract", str(folder)])
    finally:
        folder.chmod(0o755)
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert str(folder) in one_line(err)


@pytest.fixture
def locked_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a folder that os.scandir refuses to list, as for a non-root user after chmod 000."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "article.txt").write_text(TEXT, encoding="utf-8")
    real = os.scandir

    def scandir(path=".", *args, **kwargs):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    return folder


@pytest.mark.model
def test_cli_bad_input_folder_that_cannot_be_listed_alone_fails_with_status_2(
        shared_model, locked_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = run(["extract", str(locked_folder)])
    out, err = capsys.readouterr()
    assert out == ""
    assert str(locked_folder) in one_line(err)
    assert status == 2


@pytest.mark.model
def test_cli_bad_input_subfolder_that_cannot_be_listed_gives_status_1(
        shared_model, tmp_path: Path, locked_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "article.txt"
    good.write_text(OTHER, encoding="utf-8")
    status = run(["extract", str(tmp_path)])
    out, err = capsys.readouterr()
    assert quoted(out, {str(good): OTHER}) == [(str(good), OTHER_WORDS)]
    assert str(locked_folder) in one_line(err)
    assert status == 1


# --------------------------------------------------------------------------------------------
# Encodings


@pytest.mark.model
def test_cli_bad_input_latin1_file_decoded_with_encoding_latin1(shared_model, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(TEXT.encode("latin-1"))
    assert run(["extract", "--encoding", "latin-1", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert quoted(out, {str(path): TEXT}) == [(str(path), WORDS)]


@pytest.mark.model
def test_cli_bad_input_latin1_jsonl_decoded_with_encoding_latin1(shared_model, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": TEXT}, {"id": "b", "text": OTHER}).encode("latin-1"))
    assert run(["extract", "--encoding", "latin-1", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert quoted(out, {"a": TEXT, "b": OTHER}) == [("a", WORDS), ("b", OTHER_WORDS)]


@pytest.mark.model
def test_cli_bad_input_invalid_utf8_dropped_with_errors_ignore(shared_model, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(TEXT.encode("utf-8").replace(b"septembre", b"sept\xff\xfeembre"))
    assert run(["extract", "--errors", "ignore", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert quoted(out, {str(path): TEXT}) == [(str(path), WORDS)]


@pytest.mark.model
def test_cli_bad_input_invalid_utf8_among_good_files_gives_status_1(shared_model, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "a_latin1.txt"
    bad.write_bytes(TEXT.encode("latin-1"))
    good = tmp_path / "b_good.txt"
    good.write_text(OTHER, encoding="utf-8")
    assert run(["extract", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    message = one_line(err)
    assert str(bad) in message and "utf-8" in message
    assert quoted(out, {str(good): OTHER}) == [(str(good), OTHER_WORDS)]


@pytest.mark.model
def test_cli_bad_input_invalid_utf8_message_gives_the_byte_of_a_text_file(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = ("Le ministre a parlé de la réforme. " * 1_000).encode("utf-8")
    path = tmp_path / "long.txt"
    path.write_bytes(head + b"\xff" + TEXT.encode("utf-8"))
    assert run(["extract", str(path)]) == 2
    assert f"at byte {len(head)}" in one_line(capsys.readouterr().err)


@pytest.mark.model
def test_cli_bad_input_invalid_utf8_message_gives_the_byte_and_line_of_a_jsonl(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blank = " " * 1_000  # blank texts are not parsed: the test stays fast
    good = "".join(jsonl({"id": str(i), "text": blank}) for i in range(40)).encode("utf-8")
    path = tmp_path / "long.jsonl"
    path.write_bytes(good + b'{"id": "x", "t\xffext": "a"}\n')
    run(["extract", str(path)])
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert f"byte {len(good) + 14}" in message or "line 41" in message, message


@pytest.mark.model
def test_cli_bad_input_invalid_utf8_in_one_jsonl_record_skips_only_that_record(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl"
    bad = json.dumps({"id": "b", "text": "« Oui », a-t-il dit."}, ensure_ascii=False).encode("utf-8")
    path.write_bytes(jsonl({"id": "a", "text": TEXT}).encode("utf-8")
                     + bad.replace(b"Oui", b"O\xffui") + b"\n"
                     + jsonl({"id": "c", "text": OTHER}).encode("utf-8"))
    status = run(["extract", str(path)])
    out, err = capsys.readouterr()
    assert "line 2" in one_line(err)
    assert quoted(out, {"a": TEXT, "c": OTHER}) == [("a", WORDS), ("c", OTHER_WORDS)]
    assert status == 1


@pytest.mark.model
def test_cli_bad_input_unknown_encoding_is_a_usage_error(shared_model, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert run(["extract", "--encoding", "bogus", str(path)]) == 2
    assert "bogus" in one_line(capsys.readouterr().err)


# --------------------------------------------------------------------------------------------
# Malformed JSON Lines


@pytest.mark.model
@pytest.mark.parametrize(
    "bad",
    ['[1, 2, 3]', '"just a string"', "null", "42", '{"id": "b"}', '{"id": "b", "text": 42}',
     '{"id": "b", "text": null}', '{"id": "b", "text": ["a"]}', "{'id': 'b', 'text': 'x'}",
     '{"id": "b", "text": "unterminated}', "« Oui », a-t-il dit."],
    ids=["array", "string", "null", "number", "no-text", "text-number", "text-null", "text-list",
         "single-quotes", "unterminated", "raw-text"],
)
def test_cli_bad_input_malformed_jsonl_line_is_reported_with_its_number(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl({"id": "a", "text": TEXT}, "", bad, {"id": "c", "text": OTHER}), encoding="utf-8")
    assert run(["extract", str(path)]) == 1
    out, err = capsys.readouterr()
    message = one_line(err)
    assert str(path) in message and "line 3" in message
    assert quoted(out, {"a": TEXT, "c": OTHER}) == [("a", WORDS), ("c", OTHER_WORDS)]


@pytest.mark.model
def test_cli_bad_input_jsonl_with_only_malformed_lines_fails_with_status_2(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl("{", "[]", '{"text": 1}'), encoding="utf-8")
    assert run(["extract", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert all(f"line {n}:" in line for n, line in zip((1, 2, 3), lines)), lines


@pytest.mark.model
def test_cli_bad_input_deeply_nested_jsonl_line_is_reported_and_skipped(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl({"id": "a", "text": TEXT}, "[" * 100_000, {"id": "c", "text": OTHER}),
                    encoding="utf-8")
    assert run(["extract", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "line 2" in one_line(err)
    assert quoted(out, {"a": TEXT, "c": OTHER}) == [("a", WORDS), ("c", OTHER_WORDS)]


@pytest.mark.model
def test_cli_bad_input_jsonl_with_a_byte_order_mark_keeps_its_first_record(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + jsonl({"id": "a", "text": TEXT}, {"id": "c", "text": OTHER}).encode())
    status = run(["extract", str(path)])
    out, err = capsys.readouterr()
    assert err == ""
    assert quoted(out, {"a": TEXT, "c": OTHER}) == [("a", WORDS), ("c", OTHER_WORDS)]
    assert status == 0


# --------------------------------------------------------------------------------------------
# Output target


@pytest.mark.model
def test_cli_bad_input_output_under_a_file_fails_and_writes_nothing(shared_model, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = source / "quotes.jsonl"
    assert run(["extract", str(source), "-o", str(target)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert str(source) in one_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]


@pytest.mark.model
def test_cli_bad_input_output_naming_a_folder_fails_and_leaves_no_file(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "out"
    target.mkdir()
    try:
        status = run(["extract", str(source), "-o", str(target)])
    finally:
        leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == ["article.txt", "out"]
    assert status == 2
    assert str(target) in one_line(capsys.readouterr().err)


@pytest.mark.model
@pytest.mark.parametrize(("interruption", "status"), [(RuntimeError("boom"), None), (KeyboardInterrupt(), 130)],
                         ids=["crash", "ctrl-c"])
def test_cli_bad_input_run_interrupted_midway_leaves_no_output_file(
        shared_model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        interruption: BaseException, status: int | None) -> None:
    stop_pipe_after_first(monkeypatch, interruption)
    sources = articles(tmp_path, 3)
    target = output_target(tmp_path)
    if status is None:
        with pytest.raises(type(interruption)):
            run(["extract", *map(str, sources), "-o", str(target)])
    else:
        assert run(["extract", *map(str, sources), "-o", str(target)]) == status
    assert list(target.parent.iterdir()) == []  # neither the output nor its temporary file
    assert capsys.readouterr().out == ""


# --------------------------------------------------------------------------------------------
# Usage errors


@pytest.mark.parametrize(
    "argv",
    [["extract"], ["extract", "--errors", "bogus", "a.txt"], ["extract", "--min-confidence", "abc", "a.txt"],
     ["extract", "--batch-size", "x", "a.txt"], ["frobnicate", "a.txt"], []],
    ids=["no-file", "bad-errors", "bad-confidence", "bad-batch-size", "unknown-command", "nothing"],
)
def test_cli_bad_input_argument_errors_exit_with_status_2(argv: list[str],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "error:" in one_line(err)


@pytest.mark.model
@pytest.mark.parametrize("value", ["2", "-0.1", "nan"])
def test_cli_bad_input_min_confidence_out_of_range_is_one_line_status_2(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    source = tmp_path / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run(["extract", f"--min-confidence={value}", str(source)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "min_confidence" in one_line(err)


@pytest.mark.model
def test_cli_bad_input_batch_size_zero_is_refused_or_processes_everything(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    status = run(["extract", "--batch-size", "0", str(source)])
    out, err = capsys.readouterr()
    if status == 2:
        assert out == "" and one_line(err)
    else:
        assert status == 0
        assert quoted(out, {str(source): TEXT}) == [(str(source), WORDS)]


@pytest.mark.model
def test_cli_bad_input_empty_stdin_and_empty_file_give_no_quote(shared_model, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n   \n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert run(["extract", "-", str(empty), str(blank)]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("", "")


# --------------------------------------------------------------------------------------------
# The errors file


def read_errors(path: Path) -> list[dict]:
    """Return the records of an errors file."""
    return records(path.read_text(encoding="utf-8"))


@pytest.fixture
def mixed_jsonl(tmp_path: Path) -> Path:
    """Return a JSON Lines file: good record a, a malformed line 2, good record c."""
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl({"id": "a", "text": TEXT}, '{"id": "b", "text": ', {"id": "c", "text": OTHER}),
                    encoding="utf-8")
    return path


MALFORMED_LINE_2 = {"document": "articles.jsonl:2", "line": 2,
                    "reason": "not a JSON object with a string 'text'"}


@pytest.mark.model
def test_cli_bad_input_errors_file_beside_output_lists_the_failed_record(
        shared_model, tmp_path: Path, mixed_jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = output_target(tmp_path)
    status = run(["extract", str(mixed_jsonl), "-o", str(target)])
    out, err = capsys.readouterr()
    assert out == ""
    assert "line 2" in one_line(err) and str(mixed_jsonl) in err
    assert quoted(target.read_text(encoding="utf-8"), {"a": TEXT, "c": OTHER}) == [("a", WORDS), ("c", OTHER_WORDS)]
    assert read_errors(target.parent / "quotes.jsonl.errors.jsonl") == [
        {**MALFORMED_LINE_2, "source": str(mixed_jsonl)}]
    assert status == 1


@pytest.mark.model
def test_cli_bad_input_errors_file_option_with_stdout_output(shared_model, tmp_path: Path, mixed_jsonl: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "failed.jsonl"
    status = run(["extract", str(mixed_jsonl), "--errors-file", str(log)])
    out, err = capsys.readouterr()
    assert quoted(out, {"a": TEXT, "c": OTHER}) == [("a", WORDS), ("c", OTHER_WORDS)]
    assert "line 2" in one_line(err)
    assert read_errors(log) == [{**MALFORMED_LINE_2, "source": str(mixed_jsonl)}]
    assert status == 1


@pytest.mark.model
def test_cli_bad_input_without_output_file_errors_go_to_stderr_only(shared_model, tmp_path: Path,
                                                                    mixed_jsonl: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["extract", str(mixed_jsonl)]) == 1
    assert "line 2" in one_line(capsys.readouterr().err)
    assert [p.name for p in tmp_path.iterdir()] == ["articles.jsonl"]


@pytest.mark.model
def test_cli_bad_input_run_without_errors_leaves_no_errors_file(shared_model, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    (source,) = articles(tmp_path)
    target = output_target(tmp_path)
    stale = target.parent / "quotes.jsonl.errors.jsonl"
    stale.write_text('{"document": "from an earlier run"}\n', encoding="utf-8")
    assert run(["extract", str(source), "-o", str(target)]) == 0
    assert capsys.readouterr() == ("", "")
    assert sorted(p.name for p in target.parent.iterdir()) == ["quotes.jsonl"]


@pytest.mark.model
def test_cli_bad_input_lone_surrogates_in_texts_and_ids_are_written_escaped(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = TEXT.replace("dès", "\ud800 dès")
    path = tmp_path / "articles.jsonl"  # JSON escapes: the file itself is valid UTF-8
    path.write_text(jsonl(json.dumps({"id": "a", "text": "\ud800"}), json.dumps({"id": "b\udfff", "text": broken})),
                    encoding="utf-8")
    target = tmp_path / "quotes.jsonl"
    assert run(["extract", str(path), "-o", str(target)]) == 0
    assert capsys.readouterr() == ("", "")
    written = target.read_bytes()
    assert b"\\ud800" in written and b"\\udfff" in written
    assert quoted(written.decode("utf-8"), {"b\udfff": broken}) == [("b\udfff", WORDS.replace("dès", "\ud800 dès"))]


@pytest.fixture
def marked_model(extractor: quoteattr.Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI's model the real one, except that "BOOM" in a text fails and "LENT" stalls."""
    backend = MarkedBackend(extractor.parser)
    monkeypatch.setattr(quoteattr.extractor, "make_backend", lambda name, model, *limits: backend)


@pytest.mark.model
@pytest.mark.parametrize(("bad", "options", "reason"),
                         [(FAILING, [], "parser failed: RuntimeError: marker BOOM"),
                          (STALLING, ["--timeout", "0.5"], "parsing took longer than 0.5 s")],
                         ids=["fails", "too-slow"])
def test_cli_bad_input_document_that_fails_in_the_extractor_goes_to_the_errors_file(
        marked_model, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        bad: str, options: list[str], reason: str) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl({"id": "a", "text": TEXT}, {"id": "b", "text": bad}, {"id": "c", "text": OTHER}),
                    encoding="utf-8")
    target = output_target(tmp_path)
    status = run(["extract", str(path), "-o", str(target), *options])
    out, err = capsys.readouterr()
    assert out == ""
    assert one_line(err) == f"quoteattr: {path}, line 2 (id b): {reason}; skipped"
    assert quoted(target.read_text(encoding="utf-8"), {"a": TEXT, "c": OTHER}) == [("a", WORDS), ("c", OTHER_WORDS)]
    assert read_errors(target.parent / "quotes.jsonl.errors.jsonl") == [
        {"document": "b", "source": str(path), "line": 2, "reason": reason}]
    assert status == 1


@pytest.mark.model
def test_cli_bad_input_text_file_that_fails_is_named_in_the_errors_file(marked_model, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "boom.txt"
    bad.write_text(FAILING, encoding="utf-8")
    log = tmp_path / "errors.jsonl"
    assert run(["extract", str(bad), "--errors-file", str(log)]) == 2  # nothing could be processed
    assert capsys.readouterr().out == ""
    assert read_errors(log) == [{"document": str(bad), "source": str(bad), "line": None,
                                 "reason": "parser failed: RuntimeError: marker BOOM"}]


# --------------------------------------------------------------------------------------------
# Arguments checked before the model loads


@pytest.fixture
def model_must_not_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make loading any model fail the test: the command must stop before it."""
    def make_backend(backend: str, model: str):
        raise AssertionError("the model was loaded before the arguments were checked")

    monkeypatch.setattr(quoteattr.extractor, "make_backend", make_backend)


@pytest.mark.parametrize(
    ("options", "named"),
    [(["--outlets", "{tmp}/absent.tsv"], "absent.tsv"),
     (["-o", "{tmp}/absent/quotes.jsonl"], "absent"),
     (["-o", "{tmp}"], "{tmp}"),
     (["-o", "{tmp}/quotes.jsonl", "--errors-file", "{tmp}/absent/errors.jsonl"], "absent"),
     (["-o", "{tmp}/quotes.jsonl", "--errors-file", "{tmp}/quotes.jsonl"], "same file"),
     (["--min-confidence", "3"], "min_confidence")],
    ids=["outlets-missing", "output-folder-missing", "output-is-a-folder", "errors-file-folder-missing",
         "errors-file-is-output", "confidence-out-of-range"],
)
def test_cli_bad_input_argument_problems_are_found_before_the_model_loads(
        model_must_not_load, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        options: list[str], named: str) -> None:
    (source,) = articles(tmp_path)
    argv = ["extract", str(source), *(o.format(tmp=tmp_path) for o in options)]
    assert run(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert named.format(tmp=tmp_path) in one_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article0.txt"]


def test_cli_bad_input_read_only_output_folder_is_one_line_before_the_model_loads(
        model_must_not_load, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (source,) = articles(tmp_path)
    folder = tmp_path / "read-only"
    folder.mkdir()
    real = tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):  # what a non-root user gets in a chmod 555 folder
        if Path(dir) == folder:
            raise PermissionError(13, "Permission denied", str(dir))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    assert run(["extract", str(source), "-o", str(folder / "quotes.jsonl")]) == 2
    assert one_line(capsys.readouterr().err) == (
        f"quoteattr: cannot write the output {folder / 'quotes.jsonl'}: Permission denied")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("model", ["/etc", "pip"], ids=["folder-that-is-not-a-model", "package-that-is-not-a-model"])
def test_cli_bad_input_model_that_cannot_load_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          model: str) -> None:
    (source,) = articles(tmp_path)
    assert run(["extract", "--model", model, str(source)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert model in one_line(err)


# --------------------------------------------------------------------------------------------
# Output that cannot be written


@pytest.mark.model
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("to", ["stdout", "-o"])
def test_cli_bad_input_full_device_is_one_line_status_2(shared_model, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str], to: str) -> None:
    (source,) = articles(tmp_path)
    with open("/dev/full", "w", encoding="utf-8") as full:
        if to == "stdout":
            monkeypatch.setattr(sys, "stdout", full)
            status = run(["extract", str(source)])
        else:
            status = run(["extract", str(source), "-o", "/dev/full"])
    assert status == 2
    message = one_line(capsys.readouterr().err)
    assert "No space left on device" in message and "Traceback" not in message


@pytest.mark.model
@pytest.mark.skipif(resource is None, reason="needs the resource module (POSIX) to cap the file size")
def test_cli_bad_input_output_file_over_the_size_limit_leaves_nothing(shared_model, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    sources = articles(tmp_path, 3)
    target = output_target(tmp_path)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200, hard))  # a disk that is full after 200 bytes
    try:
        status = run(["extract", *map(str, sources), "-o", str(target)])
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert status == 2
    assert one_line(capsys.readouterr().err) == f"quoteattr: cannot write the output {target}: File too large"
    assert list(target.parent.iterdir()) == []


def test_cli_bad_input_closed_stdout_is_one_line_before_the_model_loads(
        model_must_not_load, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdout", None)  # what Python sets when file descriptor 1 is closed
    assert run(["extract", "-"]) == 2
    assert one_line(capsys.readouterr().err) == "quoteattr: stdout is closed; write to a file with -o FILE"


@pytest.mark.model
def test_cli_bad_input_closed_stdin_is_reported_and_skipped(shared_model, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (source,) = articles(tmp_path)
    monkeypatch.setattr(sys, "stdin", None)  # what Python sets when file descriptor 0 is closed
    assert run(["extract", "-", str(source)]) == 1
    out, err = capsys.readouterr()
    assert one_line(err) == "quoteattr: <stdin>: stdin is closed; skipped"
    assert quoted(out, {str(source): TEXT}) == [(str(source), WORDS)]


# --------------------------------------------------------------------------------------------
# The real command in a subprocess: closed file descriptors, signals (each loads the model)


def command(*args: str) -> list[str]:
    """Return the ``python -m quoteattr`` command line for ``args``."""
    return [sys.executable, "-m", "quoteattr", *args]


def environment() -> dict[str, str]:
    """Return the environment of a subprocess that imports this checkout's quoteattr."""
    root = str(Path(__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}


@pytest.mark.skipif(os.name != "posix", reason="closes a file descriptor in the child before exec")
def test_cli_bad_input_really_closed_stdout_is_one_line(tmp_path: Path) -> None:
    (source,) = articles(tmp_path)
    result = subprocess.run(command("extract", str(source)), check=False, env=environment(),
                            stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1), timeout=120)
    assert one_line(result.stderr) == "quoteattr: stdout is closed; write to a file with -o FILE"
    assert result.returncode == 2


@pytest.mark.model
def test_cli_bad_input_closed_pipe_exits_quietly_with_status_1(tmp_path: Path) -> None:
    (source,) = articles(tmp_path)
    process = subprocess.Popen(command("extract", str(source)), env=environment(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    process.stdout.close()  # like `| head -1` once it has its line: nobody reads any more
    _, err = process.communicate(timeout=300)
    assert err == ""
    assert process.returncode == 1


@pytest.mark.model
@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_cli_bad_input_sigterm_leaves_no_partial_output(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text(jsonl("{", *({"id": str(n), "text": TEXT} for n in range(5_000))), encoding="utf-8")
    target = output_target(tmp_path)
    process = subprocess.Popen(command("extract", str(source), "-o", str(target)), env=environment(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = process.stderr.readline()  # the report of line 1: the model is loaded, records flow
    assert "line 1" in first
    assert len(list(target.parent.iterdir())) == 2  # the temporary files of -o and of the errors file
    process.send_signal(signal.SIGTERM)
    out, rest = process.communicate(timeout=300)
    assert (out, rest) == ("", "quoteattr: interrupted by SIGTERM\n")
    assert process.returncode == 128 + signal.SIGTERM
    assert list(target.parent.iterdir()) == []


# --------------------------------------------------------------------------------------------
# Special files and size bounds


@pytest.mark.model
@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="POSIX FIFOs and /dev/zero")
def test_cli_bad_input_fifo_and_device_in_a_folder_are_skipped_unopened(shared_model, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(folder / "b.txt")  # opening it to read would wait for a writer forever
    (folder / "c.txt").symlink_to("/dev/zero")  # reading it whole would never end
    (folder / "d.txt").symlink_to(folder / "a.txt")  # a link to a regular file is read
    target = tmp_path / "quotes.jsonl"
    assert run(["extract", str(folder), "-o", str(target)]) == 1
    a, d = str(folder / "a.txt"), str(folder / "d.txt")
    assert quoted(target.read_text(encoding="utf-8"), {a: TEXT, d: TEXT}) == [(a, WORDS), (d, WORDS)]
    assert [(e["source"], e["reason"]) for e in read_errors(tmp_path / "quotes.jsonl.errors.jsonl")] == [
        (str(folder / "b.txt"), "not a regular file but a FIFO"),
        (str(folder / "c.txt"), "not a regular file but a character device")]
    assert len(capsys.readouterr().err.splitlines()) == 2


@pytest.mark.model
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_cli_bad_input_endless_device_named_on_the_command_line_is_read_up_to_the_bound(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (source,) = articles(tmp_path)
    assert run(["extract", "--max-bytes", "1000", "/dev/zero", str(source)]) == 1
    out, err = capsys.readouterr()
    assert one_line(err) == "quoteattr: /dev/zero: more than --max-bytes 1000; skipped"
    assert quoted(out, {str(source): TEXT}) == [(str(source), WORDS)]


@pytest.mark.model
def test_cli_bad_input_text_file_over_the_bound_is_skipped(shared_model, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "a_big.txt"
    big.write_text(TEXT * 100, encoding="utf-8")
    small = tmp_path / "b_small.txt"
    small.write_text(TEXT, encoding="utf-8")
    limit = len(TEXT.encode("utf-8")) * 10
    assert run(["extract", "--max-bytes", str(limit), str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert one_line(err) == f"quoteattr: {big}: {big.stat().st_size} bytes, more than --max-bytes {limit}; skipped"
    assert quoted(out, {str(small): TEXT}) == [(str(small), WORDS)]


@pytest.mark.model
def test_cli_bad_input_jsonl_line_over_the_bound_is_skipped_without_reading_it_whole(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = "x" * 20_000_000
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl({"id": "a", "text": TEXT}, {"id": "huge", "text": huge}, {"id": "c", "text": OTHER}),
                    encoding="utf-8")
    del huge
    tracemalloc.start()
    try:
        status = run(["extract", "--max-bytes", "100000", str(path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    out, err = capsys.readouterr()
    assert one_line(err) == f"quoteattr: {path}, line 2: longer than --max-bytes 100000; skipped"
    assert quoted(out, {"a": TEXT, "c": OTHER}) == [("a", WORDS), ("c", OTHER_WORDS)]
    assert status == 1
    assert peak < 5_000_000  # the 20 MB line was never held in memory


# --------------------------------------------------------------------------------------------
# JSON Lines in encodings that are not ASCII-compatible


@pytest.mark.model
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "cp037"])
def test_cli_bad_input_jsonl_in_any_encoding(shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             encoding: str) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": TEXT}, "{", {"id": "c", "text": OTHER}).encode(encoding))
    if encoding == "cp037":  # EBCDIC has no « »: same records, quoted with " "
        path.write_bytes(jsonl({"id": "a", "text": TEXT.replace("« ", '"').replace(" »", '"')}, "{",
                               {"id": "c", "text": OTHER.replace("« ", '"').replace(" »", '"')}).encode(encoding))
    assert run(["extract", "--encoding", encoding, str(path)]) == 1
    out, err = capsys.readouterr()
    assert "line 2" in one_line(err)
    assert [(line["document"], line["text"]) for line in records(out)] == [("a", WORDS), ("c", OTHER_WORDS)]


@pytest.mark.model
def test_cli_bad_input_utf16_jsonl_bad_code_unit_costs_one_line(shared_model, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl"
    bad = '{"id": "b", "text": "?"}\n'.encode("utf-16-le").replace("?".encode("utf-16-le"), b"\x00\xdc")
    path.write_bytes(jsonl({"id": "a", "text": TEXT}).encode("utf-16-le") + bad  # a lone low surrogate
                     + jsonl({"id": "c", "text": OTHER}).encode("utf-16-le"))
    assert run(["extract", "--encoding", "utf-16-le", str(path)]) == 1
    out, err = capsys.readouterr()
    assert f"{path}, line 2: not valid utf-16-le" in one_line(err)
    assert quoted(out, {"a": TEXT, "c": OTHER}) == [("a", WORDS), ("c", OTHER_WORDS)]


@pytest.mark.model
def test_cli_bad_input_cp1252_jsonl_bad_byte_costs_one_line(shared_model, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl"
    bad = b'{"id": "b", "text": "\x81"}\n'  # 0x81 is not a cp1252 character
    path.write_bytes(jsonl({"id": "a", "text": TEXT}).encode("cp1252") + bad
                     + jsonl({"id": "c", "text": OTHER}).encode("cp1252"))
    assert run(["extract", "--encoding", "cp1252", str(path)]) == 1
    out, err = capsys.readouterr()
    byte = bad.index(b"\x81")
    assert f"{path}, line 2: not valid cp1252 at byte {byte} of the line" in one_line(err)
    assert quoted(out, {"a": TEXT, "c": OTHER}) == [("a", WORDS), ("c", OTHER_WORDS)]


# --------------------------------------------------------------------------------------------
# Signals in-process, file modes


@pytest.mark.model
@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_cli_bad_input_sighup_midway_leaves_no_output_file(shared_model, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    real_pipe = quoteattr.extractor.Extractor.pipe

    def pipe(self, texts, **kwargs):
        results = real_pipe(self, texts, **kwargs)
        yield next(results)
        handler = signal.getsignal(signal.SIGHUP)  # deliver SIGHUP to the CLI's handler
        assert callable(handler), "the CLI installed no SIGHUP handler"
        handler(signal.SIGHUP, None)

    monkeypatch.setattr(quoteattr.extractor.Extractor, "pipe", pipe)
    source = tmp_path / "articles.jsonl"
    source.write_text(jsonl("{", {"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}), encoding="utf-8")
    target = output_target(tmp_path)
    before = signal.getsignal(signal.SIGHUP)
    assert run(["extract", str(source), "-o", str(target)]) == 128 + signal.SIGHUP
    assert capsys.readouterr().err.splitlines()[-1] == "quoteattr: interrupted by SIGHUP"
    assert list(target.parent.iterdir()) == []
    assert signal.getsignal(signal.SIGHUP) == before  # the CLI's handler is gone once it returns


@pytest.mark.model
@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_cli_bad_input_output_files_follow_the_umask(shared_model, tmp_path: Path, mixed_jsonl: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "quotes.jsonl"
    previous = os.umask(0o027)
    try:
        assert run(["extract", str(mixed_jsonl), "-o", str(target)]) == 1
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "quotes.jsonl.errors.jsonl").stat().st_mode) == 0o640
