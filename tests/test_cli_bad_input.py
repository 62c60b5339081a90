"""The command line on bad input, run in-process: what ``tests/test_cli.py`` does not cover yet.

Already covered there (not repeated here): a missing file alone (status 2) and among good
ones (status 1), a truncated JSON line in a .jsonl, an invalid UTF-8 .txt file alone
(status 2) and decoded with ``--errors replace``, ``-o`` into a missing folder, an unknown
model.

The contract (README, quoteattr/cli.py): an unreadable input is reported on stderr in ONE
line and skipped; exit status 0 when everything was processed, 1 when some inputs were
skipped, 2 on a usage error or when nothing could be processed; ``-o`` writes the whole file
or nothing.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

import quoteattr
import quoteattr.extractor
from quoteattr import Quote
from quoteattr.cli import main

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
    real_pipe = quoteattr.extractor.Extractor.pipe

    def pipe(self, texts, **kwargs):
        results = real_pipe(self, texts, **kwargs)
        yield next(results)
        raise interruption

    monkeypatch.setattr(quoteattr.extractor.Extractor, "pipe", pipe)
    sources = []
    for number in range(3):
        sources.append(tmp_path / f"article{number}.txt")
        sources[-1].write_text(TEXT, encoding="utf-8")
    target = tmp_path / "out" / "quotes.jsonl"
    target.parent.mkdir()
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
