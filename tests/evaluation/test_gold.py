"""The gold JSON Lines format and its loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from quoteattr import InputFormatError
from quoteattr.evaluation import GoldDocument, load_gold
from quoteattr.evaluation.gold import iter_gold

TEXT = "« Le pont rouvrira lundi », a annoncé la maire, Sophie Garnier."


def span(part: str, shift: int = 0) -> dict:
    """Return ``{text, start, end}`` of ``part`` in TEXT, its offsets moved by ``shift``."""
    start = TEXT.index(part) + shift
    return {"text": part, "start": start, "end": start + len(part)}


def record(ident: str = "doc-1", quote_shift: int = 0, speaker_shift: int = 0) -> dict:
    """Return a gold document record; offsets are right unless shifted."""
    return {
        "id": ident, "text": TEXT, "split": "dev", "genre": "news", "topic": "ignored",
        "quotes": [{
            "kind": "direct", "cue": "verb", **span("Le pont rouvrira lundi", quote_shift),
            "speaker": {**span("la maire, Sophie Garnier", speaker_shift), "name": "Sophie Garnier",
                        "kind": "person", "aliases": ["Garnier"]},
            "verb": {**span("a annoncé"), "lemma": "annoncer"},
        }],
    }


def write_lines(path: Path, lines: list[str]) -> Path:
    """Write ``lines`` as a JSON Lines file and return its path."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_gold_record_offsets_are_right() -> None:
    document = GoldDocument.model_validate(record())
    quote = document.quotes[0]
    for span in (quote, quote.speaker, quote.verb):
        assert TEXT[span.start:span.end] == span.text
    assert quote.speaker.aliases == ["Garnier"]


def test_gold_load_reads_every_document(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "gold.jsonl",
                       [json.dumps(record("a"), ensure_ascii=False), "",
                        json.dumps(record("b"), ensure_ascii=False)])
    documents = load_gold(path)
    assert [d.id for d in documents] == ["a", "b"]
    assert [len(d.quotes) for d in documents] == [1, 1]


@pytest.mark.parametrize(
    "changes",
    [{"quote_shift": 1}, {"speaker_shift": -1}],
)
def test_gold_document_rejects_a_span_whose_offsets_do_not_match(changes: dict) -> None:
    with pytest.raises(ValidationError, match="does not match"):
        GoldDocument.model_validate(record(**changes))


@pytest.mark.parametrize(
    "bad_line",
    [
        json.dumps(record(quote_shift=1), ensure_ascii=False),   # offsets do not match
        '{"id": "x", "text": ',                                  # not JSON
        json.dumps({"id": "x"}),                                 # no text
    ],
)
def test_gold_load_reports_the_line_number_of_a_bad_record(tmp_path: Path, bad_line: str) -> None:
    path = write_lines(tmp_path / "gold.jsonl",
                       [json.dumps(record("a"), ensure_ascii=False), bad_line])
    with pytest.raises(InputFormatError, match="line 2") as caught:
        load_gold(path)
    assert str(path) in str(caught.value)


def test_gold_load_error_says_which_span_does_not_match(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "gold.jsonl", [json.dumps(record(quote_shift=1), ensure_ascii=False)])
    with pytest.raises(InputFormatError, match="line 1") as caught:
        load_gold(path)
    assert "does not match" in str(caught.value)


def test_gold_iter_gold_streams_until_the_bad_line(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "gold.jsonl", [json.dumps(record("a"), ensure_ascii=False), "{"])
    documents = iter_gold(path)
    assert next(documents).id == "a"
    with pytest.raises(InputFormatError, match="line 2"):
        next(documents)


def test_gold_load_missing_file_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_gold(tmp_path / "absent.jsonl")
