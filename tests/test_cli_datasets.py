"""``quoteattr extract`` on datasets: folders with --glob, JSON Lines fields, CSV and Parquet, --resume, --jobs.

Run in-process with the session's model (``shared_model``), like ``tests/test_cli.py``; the
rows expected in CSV and Parquet are those of ``quoteattr.to_dataframe`` for the same texts.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import quoteattr
import quoteattr.extractor
from quoteattr.cli import build_parser, main
from quoteattr.tables import COLUMN_KINDS, COLUMNS, quote_row
from tests.interruptions import stop_pipe_after_first

pq = pytest.importorskip("pyarrow.parquet", reason="Parquet output needs pyarrow (the test extra installs it)")

TEXT = "« Nous lancerons les travaux dès septembre », a déclaré Paul Girard."
WORDS = "Nous lancerons les travaux dès septembre"
OTHER = "« Le budget est prêt », a affirmé Marie Dupont."
OTHER_WORDS = "Le budget est prêt"
THIRD = "« La grève continuera », a prévenu le syndicaliste Jean Morel selon l'AFP."
EXAMPLE = (Path(__file__).resolve().parents[1] / "examples" / "article.txt").read_text(encoding="utf-8")
FORMATS = ["jsonl", "csv", "parquet"]


def run(argv: list[str]) -> int:
    """Run the CLI in-process and return its exit status (argparse exits with SystemExit)."""
    try:
        return main(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2


def one_line(error: str) -> str:
    """Return the single line of an error output, failing if there is not exactly one."""
    lines = error.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def jsonl(*records: dict) -> str:
    """Return JSON Lines text of ``records``."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def expected_rows(extractor: quoteattr.Extractor, documents: dict[str, str]) -> list[dict[str, Any]]:
    """Return the flat rows ``to_dataframe`` gives for the quotes of each document, in order."""
    return [quote_row(name, quote) for name, text in documents.items() for quote in extractor.extract(text)]


def _typed(name: str, cell: str) -> Any:
    """Return a CSV cell as the value of its column."""
    kind = COLUMN_KINDS[name]
    if kind == "list":
        return json.loads(cell)
    if kind == "int":
        return int(cell)
    if kind == "float":
        return float(cell)
    if kind == "bool":
        return {"True": True, "False": False}[cell]
    return cell or None


def read_rows(path: Path, fmt: str) -> list[dict[str, Any]]:
    """Return the flat rows of an output file of any format (JSON Lines rows as ``quote_row`` gives them)."""
    if fmt == "parquet":
        return pq.read_table(path).to_pylist()
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == list(COLUMNS)
            return [{name: _typed(name, row[name]) for name in COLUMNS} for row in reader]
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        rows.append(quote_row(record.pop("document"), quoteattr.Quote.model_validate(record)))
    return rows


@pytest.fixture
def dataset(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Return a JSON Lines file of {url, body} records and the texts by url."""
    texts = {"https://a.example/1": TEXT, "https://a.example/2": EXAMPLE, "https://a.example/3": OTHER}
    path = tmp_path / "dump.jsonl"
    path.write_text(jsonl(*({"url": url, "body": text, "lang": "fr"} for url, text in texts.items())), encoding="utf-8")
    return path, texts


FIELDS = ["--text-field", "body", "--id-field", "url"]


# --------------------------------------------------------------------------------------------
# Inputs


@pytest.mark.model
def test_cli_datasets_folders_are_read_recursively_with_glob(shared_model, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "2023" / "05").mkdir(parents=True)
    (corpus / "2024").mkdir()
    (corpus / "2023" / "05" / "a.md").write_text(TEXT, encoding="utf-8")
    (corpus / "2024" / "b.md").write_text(OTHER, encoding="utf-8")
    (corpus / "2024" / "c.txt").write_text(THIRD, encoding="utf-8")
    (corpus / "notes.md").write_text(THIRD, encoding="utf-8")

    def documents(*options: str) -> list[str]:
        assert run(["extract", str(corpus), *options]) == 0
        return sorted({json.loads(line)["document"] for line in capsys.readouterr().out.splitlines()})

    names = {path.name: str(path) for path in corpus.rglob("*.*")}
    assert documents() == [names["c.txt"]]  # default: .txt and .jsonl
    assert documents("--glob", "*.md") == sorted([names["a.md"], names["b.md"], names["notes.md"]])
    assert documents("--glob", "2023/*") == [names["a.md"]]
    assert documents("--glob", "**/b.md", "--glob", "*.txt") == sorted([names["b.md"], names["c.txt"]])


@pytest.mark.model
def test_cli_datasets_jsonl_text_and_id_fields_are_configurable(shared_model, dataset, extractor,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path, texts = dataset
    assert run(["extract", str(path), *FIELDS]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = [json.loads(line) for line in out.splitlines()]
    assert {line["document"] for line in lines} == set(texts)
    for line in lines:
        assert texts[line["document"]][line["start"]:line["end"]] == line["text"]


@pytest.mark.model
def test_cli_datasets_missing_text_field_is_reported_naming_it_and_a_null_id_names_the_line(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(jsonl({"url": "u1", "text": TEXT}, {"url": None, "body": TEXT}), encoding="utf-8")
    assert run(["extract", str(path), *FIELDS]) == 1
    out, err = capsys.readouterr()
    assert "line 1" in one_line(err) and "'body'" in err
    assert [json.loads(line)["document"] for line in out.splitlines()] == ["dump.jsonl:2"]


@pytest.mark.model
def test_cli_datasets_stdin_as_json_lines(shared_model, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(jsonl({"url": "u1", "body": TEXT}, {"url": "u2", "body": OTHER})))
    assert run(["extract", "--jsonl", "-", *FIELDS]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(line["document"], line["text"]) for line in lines] == [("u1", WORDS), ("u2", OTHER_WORDS)]


# --------------------------------------------------------------------------------------------
# Output formats


@pytest.mark.model
@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_datasets_output_format_follows_the_extension_with_the_rows_of_to_dataframe(
        shared_model, extractor, dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    path, texts = dataset
    target = tmp_path / f"quotes.{fmt}"
    assert run(["extract", str(path), *FIELDS, "-o", str(target)]) == 0
    assert capsys.readouterr() == ("", "")
    rows = read_rows(target, fmt)
    assert rows == expected_rows(extractor, texts)
    assert len(rows) > len(texts)


@pytest.mark.model
def test_cli_datasets_csv_on_stdout_with_format(shared_model, extractor, dataset,
                                                capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path, texts = dataset
    assert run(["extract", str(path), *FIELDS, "--format", "csv"]) == 0
    target = tmp_path / "copy.csv"
    target.write_text(capsys.readouterr().out, encoding="utf-8")
    assert read_rows(target, "csv") == expected_rows(extractor, texts)


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_datasets_lone_surrogates_become_replacement_characters_at_the_same_offsets(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    broken = TEXT.replace("dès", "\ud800 dès")
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"id": "b\udfff", "text": broken}) + "\n", encoding="utf-8")
    target = tmp_path / f"quotes.{fmt}"
    assert run(["extract", str(path), "-o", str(target)]) == 0
    (row,) = read_rows(target, fmt)
    shown = broken.replace("\ud800", "\ufffd")
    assert row["doc_id"] == "b\ufffd"
    assert shown[row["start"]:row["end"]] == row["text"] == WORDS.replace("dès", "\ufffd dès")
    assert run(["extract", str(path), "-o", str(target), "--resume"]) == 0  # read back as already done
    assert len(read_rows(target, fmt)) == 1
    capsys.readouterr()


@pytest.mark.parametrize("argv", [["--format", "parquet"], ["-o", "-", "--format", "parquet"]], ids=["stdout", "dash"])
def test_cli_datasets_parquet_on_stdout_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         argv: list[str]) -> None:
    assert run(["extract", str(tmp_path / "a.txt"), *argv]) == 2
    assert "-o FILE.parquet" in one_line(capsys.readouterr().err)


@pytest.fixture
def model_must_not_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make loading any model fail the test: the command must stop before it."""
    def make_backend(*args: object) -> None:
        raise AssertionError("the model was loaded before the arguments were checked")

    monkeypatch.setattr(quoteattr.extractor, "make_backend", make_backend)


def test_cli_datasets_parquet_without_pyarrow_names_the_extra_before_the_model_loads(
        model_must_not_load, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run(["extract", str(source), "-o", str(tmp_path / "quotes.parquet")]) == 2
    assert "pip install 'quoteattr[parquet]'" in one_line(capsys.readouterr().err)
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_datasets_output_into_a_missing_folder_is_reported_before_the_model_loads(
        model_must_not_load, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run(["extract", str(source), "-o", str(tmp_path / "absent" / f"quotes.{fmt}")]) == 2
    assert "output folder does not exist" in one_line(capsys.readouterr().err)
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


@pytest.mark.model
@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_datasets_csv_and_parquet_follow_the_umask(shared_model, dataset, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    path, _ = dataset
    target = tmp_path / f"quotes.{fmt}"
    previous = os.umask(0o027)
    try:
        assert run(["extract", str(path), *FIELDS, "-o", str(target)]) == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


# --------------------------------------------------------------------------------------------
# --resume


@pytest.fixture
def parsed_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every text the CLI's extractor is given."""
    seen: list[str] = []
    real_pipe = quoteattr.extractor.Extractor.pipe

    def pipe(self, texts, **kwargs):
        def recorded():
            for text in texts:
                seen.append(text)
                yield text

        return real_pipe(self, recorded(), **kwargs)

    monkeypatch.setattr(quoteattr.extractor.Extractor, "pipe", pipe)
    return seen


@pytest.mark.model
@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_datasets_resume_processes_only_the_new_documents_and_writes_the_union(
        shared_model, extractor, parsed_texts: list[str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text(jsonl({"id": "a", "text": TEXT}, {"id": "b", "text": OTHER}), encoding="utf-8")
    both = tmp_path / "both.jsonl"
    both.write_text(jsonl({"id": "a", "text": TEXT}, {"id": "b", "text": OTHER}, {"id": "c", "text": THIRD}),
                    encoding="utf-8")
    target = tmp_path / f"quotes.{fmt}"
    assert run(["extract", str(first), "-o", str(target), "--resume"]) == 0  # no output yet: a plain run
    parsed_texts.clear()
    assert run(["extract", str(both), "-o", str(target), "--resume"]) == 0
    assert parsed_texts == [THIRD]
    assert read_rows(target, fmt) == expected_rows(extractor, {"a": TEXT, "b": OTHER, "c": THIRD})
    parsed_texts.clear()
    assert run(["extract", str(both), "-o", str(target), "--resume"]) == 0  # all done: nothing to parse
    assert parsed_texts == []
    assert len(read_rows(target, fmt)) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["both.jsonl", "first.jsonl", f"quotes.{fmt}",
                                                          f"quotes.{fmt}.done"]
    assert capsys.readouterr().err == ""


@pytest.mark.model
@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_datasets_resume_skips_a_document_without_quotes_through_its_ledger(
        shared_model, parsed_texts: list[str], tmp_path: Path, fmt: str) -> None:
    quiet = "Il a plu toute la journée sur la ville."
    source = tmp_path / "articles.jsonl"
    source.write_text(jsonl({"id": "quiet", "text": quiet}, {"id": "a", "text": TEXT}), encoding="utf-8")
    target = tmp_path / f"quotes.{fmt}"
    assert run(["extract", str(source), "-o", str(target), "--resume"]) == 0
    assert {row["doc_id"] for row in read_rows(target, fmt)} == {"a"}  # no row for the quiet document
    ledger = tmp_path / f"quotes.{fmt}.done"
    assert sorted(ledger.read_text(encoding="utf-8").splitlines()) == ['"a"', '"quiet"']
    parsed_texts.clear()
    assert run(["extract", str(source), "-o", str(target), "--resume"]) == 0
    assert parsed_texts == []


def test_cli_datasets_resume_refuses_a_ledger_it_cannot_read(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "quotes.jsonl"
    (tmp_path / "quotes.jsonl.done").write_text('"a"\nnot json\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert run(["extract", str(tmp_path / "a.txt"), "-o", str(target), "--resume"]) == 2
    assert "quotes.jsonl.done, line 2" in one_line(capsys.readouterr().err)
    assert not target.exists()


@pytest.mark.model
@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_datasets_resume_over_an_empty_file_starts_afresh(shared_model, extractor, three: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    target = tmp_path / f"quotes.{fmt}"
    target.touch()
    assert run(["extract", str(three), "-o", str(target), "--resume"]) == 0
    assert read_rows(target, fmt) == expected_rows(extractor, {"a": TEXT, "b": OTHER, "c": THIRD})


def test_cli_datasets_resume_needs_an_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["extract", str(tmp_path / "a.txt"), "--resume"]) == 2
    assert "--resume needs -o FILE" in one_line(capsys.readouterr().err)


@pytest.mark.parametrize(("fmt", "content"), [("jsonl", b'{"document": "a"}\n{"document\n'),
                                              ("csv", b"id,text\n1,x\n"), ("parquet", b"PAR1 not really"),
                                              ("csv", b"\xff\xfe binary")], ids=["jsonl", "csv", "parquet", "binary"])
def test_cli_datasets_resume_from_a_file_that_is_not_an_output_fails_and_leaves_it(
        model_must_not_load, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, content: bytes) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / f"quotes.{fmt}"
    target.write_bytes(content)
    assert run(["extract", str(source), "-o", str(target), "--resume"]) == 2
    message = one_line(capsys.readouterr().err)
    assert "--resume cannot read the output" in message and str(target) in message
    assert target.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", f"quotes.{fmt}"]


# --------------------------------------------------------------------------------------------
# Interruptions


def interrupt_after_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the extractor yield one document, then Ctrl-C arrives."""
    stop_pipe_after_first(monkeypatch, KeyboardInterrupt())


@pytest.fixture
def three(tmp_path: Path) -> Path:
    """Return a JSON Lines file of three documents a, b, c."""
    path = tmp_path / "three.jsonl"
    path.write_text(jsonl({"id": "a", "text": TEXT}, {"id": "b", "text": OTHER}, {"id": "c", "text": THIRD}),
                    encoding="utf-8")
    return path


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_datasets_interrupted_run_leaves_no_csv_or_parquet_file(
        shared_model, three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    interrupt_after_first(monkeypatch)
    out = tmp_path / "out"
    out.mkdir()
    assert run(["extract", str(three), "-o", str(out / f"quotes.{fmt}")]) == 130
    assert list(out.iterdir()) == []
    assert capsys.readouterr().err.splitlines()[-1] == "quoteattr: interrupted by SIGINT"


@pytest.mark.model
@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_datasets_interrupted_resume_keeps_whole_documents_and_the_next_run_goes_on(
        shared_model, extractor, three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    target = tmp_path / "out" / f"quotes.{fmt}"
    target.parent.mkdir()
    with monkeypatch.context() as patched:
        interrupt_after_first(patched)
        assert run(["extract", str(three), "-o", str(target), "--resume"]) == 130
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name, f"{target.name}.done"]
    assert read_rows(target, fmt) == expected_rows(extractor, {"a": TEXT})
    assert "run the same command to go on" in capsys.readouterr().err
    assert run(["extract", str(three), "-o", str(target), "--resume"]) == 0
    assert read_rows(target, fmt) == expected_rows(extractor, {"a": TEXT, "b": OTHER, "c": THIRD})


# --------------------------------------------------------------------------------------------
# --jobs


def test_cli_datasets_jobs_replaces_n_process_which_still_works() -> None:
    parser = build_parser()
    assert parser.parse_args(["extract", "--jobs", "3", "a.txt"]).jobs == 3
    assert parser.parse_args(["extract", "-j", "2", "a.txt"]).jobs == 2
    assert parser.parse_args(["extract", "--n-process", "4", "a.txt"]).jobs == 4
    assert parser.parse_args(["extract", "a.txt"]).jobs is None


@pytest.mark.model
def test_cli_datasets_two_jobs_write_what_one_writes(shared_model, three: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run(["extract", str(three), "-o", str(one)]) == 0
    assert run(["extract", str(three), "-o", str(two), "--jobs", "2", "--timeout", "0"]) == 0
    assert two.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")
    assert one.read_text(encoding="utf-8").count("\n") == 3


def test_cli_datasets_jobs_with_a_scheduler_is_a_usage_error(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed", reason="--scheduler needs dask (pip install 'quoteattr[dask]')")
    assert run(["extract", str(tmp_path / "a.txt"), "--jobs", "2", "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "--jobs" in one_line(capsys.readouterr().err)


@pytest.mark.model
@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_cli_datasets_sigterm_with_resume_leaves_a_whole_parquet_file_and_the_next_run_completes(
        tmp_path: Path) -> None:
    count = 1500
    source = tmp_path / "articles.jsonl"
    source.write_text("{\n" + jsonl(*({"id": str(n), "text": TEXT} for n in range(count))), encoding="utf-8")
    target = tmp_path / "quotes.parquet"
    argv = [sys.executable, "-m", "quoteattr", "extract", str(source), "-o", str(target), "--resume",
            "--batch-size", "4"]
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert "line 1" in process.stderr.readline()  # the model is loaded and records flow
    time.sleep(1.0)  # let some documents be written (how many does not matter)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert err.splitlines()[-1] == "quoteattr: interrupted by SIGTERM"
    kept = pq.read_table(target).to_pylist()  # a whole Parquet file, with whole documents
    assert len(kept) == len({row["doc_id"] for row in kept}) < count
    assert all(row["text"] == "Nous lancerons les travaux dès septembre" for row in kept)
    finished = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert finished.returncode == 1, finished.stderr  # line 1 is still malformed
    rows = pq.read_table(target).to_pylist()
    assert sorted(int(row["doc_id"]) for row in rows) == list(range(count))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.jsonl", "quotes.parquet",
                                                          "quotes.parquet.done", "quotes.parquet.errors.jsonl"]
