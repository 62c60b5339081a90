"""Documents are isolated in ``Extractor.pipe``: one that fails or stalls never ends the stream.

The failing and stalling documents are made by a thin wrapper around the real spaCy backend
that raises, or sleeps, when a piece of text holds a marker word; every other document is
parsed and attributed by the real model.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

import pytest

import quoteattr
from quoteattr.errors import DocumentError, DocumentTimeoutError
from quoteattr.parse.base import Parse, ParserBackend
from tests.spans import assert_spans_match

pytestmark = pytest.mark.model

GOOD = "« Nous ne céderons pas », a déclaré le maire de Lille, Arnaud Berthet."
FAILING = "Le texte BOOM fait échouer le parseur."
STALLING = "Le texte LENT fait attendre le parseur."


class MarkedBackend:
    """The real backend, except that "BOOM" in a piece raises and "LENT" sleeps two seconds."""

    name = "marked"

    def __init__(self, real: ParserBackend) -> None:
        self.real = real

    def parse_many(self, texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Parse]:
        def checked() -> Iterator[str]:
            for text in texts:
                if "BOOM" in text:
                    raise RuntimeError("marker BOOM")
                if "LENT" in text:
                    time.sleep(2)
                yield text

        yield from self.real.parse_many(checked(), batch_size=batch_size, n_process=n_process)


@pytest.fixture(scope="module")
def marked(extractor: quoteattr.Extractor) -> quoteattr.Extractor:
    return quoteattr.Extractor(parser=MarkedBackend(extractor.parser))


@pytest.mark.parametrize("bad", ["\ud800", "\udfff\ud800 a dit que \udc00", "\x9f\x80\x85"])
def test_pipe_text_the_parser_cannot_encode_does_not_end_the_stream(
        extractor: quoteattr.Extractor, bad: str) -> None:
    results = list(extractor.pipe([GOOD, bad, GOOD]))
    assert len(results) == 3
    assert results[0] == results[2] == extractor.extract(GOOD)
    assert results[0] and results[0][0].speaker is not None
    assert results[1] == []


@pytest.mark.parametrize("batch_size", [1, 4, 32])
def test_pipe_failing_document_is_reported_in_its_place_and_the_others_go_on(
        marked: quoteattr.Extractor, extractor: quoteattr.Extractor, batch_size: int) -> None:
    results = list(marked.pipe([GOOD, FAILING, GOOD, GOOD], batch_size=batch_size, on_error="return"))
    assert [type(r) for r in results] == [list, DocumentError, list, list]
    assert results[1].index == 1 and "BOOM" in results[1].reason
    assert all(r == extractor.extract(GOOD) for r in (results[0], results[2], results[3]))


def test_pipe_failing_document_raises_by_default_after_the_documents_before_it(
        marked: quoteattr.Extractor) -> None:
    stream = marked.pipe([GOOD, FAILING, GOOD], batch_size=1)
    assert next(stream)
    with pytest.raises(DocumentError) as raised:
        next(stream)
    assert raised.value.index == 1


def test_pipe_document_over_its_time_budget_is_reported_and_the_run_goes_on(
        marked: quoteattr.Extractor, extractor: quoteattr.Extractor) -> None:
    results = list(marked.pipe([GOOD, STALLING, GOOD], on_error="return", timeout=0.5))
    assert isinstance(results[1], DocumentTimeoutError)
    assert results[1].index == 1 and "longer than 0.5 s" in results[1].reason
    assert results[0] == results[2] == extractor.extract(GOOD)


def test_pipe_non_str_text_is_a_failed_document_when_errors_are_returned(extractor: quoteattr.Extractor) -> None:
    results = list(extractor.pipe([GOOD, b"bytes", GOOD], on_error="return"))
    assert isinstance(results[1], DocumentError) and "must be str, got bytes" in results[1].reason
    assert results[0] == results[2]
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, got bytes"):
        list(extractor.pipe([GOOD, b"bytes"]))


def test_pipe_on_two_processes_isolates_a_failing_document(
        marked: quoteattr.Extractor, extractor: quoteattr.Extractor) -> None:
    texts = [GOOD, "", FAILING, GOOD]
    results = list(marked.pipe(texts, n_process=2, batch_size=1, on_error="return"))
    assert [type(r) for r in results] == [list, list, DocumentError, list]
    assert results[2].index == 2
    assert results[3] == extractor.extract(GOOD)
    assert_spans_match(GOOD, results[3])


@pytest.mark.parametrize(("arguments", "error", "message"), [
    ({"batch_size": 0}, ValueError, "batch_size must be at least 1, got 0"),
    ({"batch_size": 2.0}, TypeError, "batch_size must be an int, got float"),
    ({"n_process": 0}, ValueError, "n_process must be at least 1, got 0"),
    ({"n_process": True}, TypeError, "n_process must be an int, got bool"),
    ({"timeout": 0}, ValueError, "timeout must be a positive number of seconds, got 0"),
    ({"timeout": float("nan")}, ValueError, "timeout must be a positive number of seconds"),
    ({"timeout": "5"}, TypeError, "timeout must be a number of seconds or None, got str"),
    ({"on_error": "skip"}, ValueError, "on_error must be 'raise' or 'return', got 'skip'"),
])
def test_pipe_bad_arguments_are_refused_before_any_work(
        extractor: quoteattr.Extractor, arguments: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        extractor.pipe([GOOD], **arguments)


@pytest.mark.parametrize(("arguments", "error", "message"), [
    ({"max_chars": 0}, ValueError, "max_chars must be at least 1, got 0"),
    ({"max_chars": 50}, ValueError, "max_chars must be at least 100"),
    ({"max_chars": "big"}, TypeError, "max_chars must be an int, got str"),
    ({"outlets": [""]}, ValueError, "outlet names must not be blank"),
    ({"outlets": ["Meduza", "  "]}, ValueError, "outlet names must not be blank"),
])
def test_extractor_bad_arguments_are_refused_before_the_model_loads(
        arguments: dict, error: type, message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model(backend: str, model: str) -> None:
        raise AssertionError("the model was loaded before the arguments were checked")

    monkeypatch.setattr(quoteattr.extractor, "make_backend", no_model)
    with pytest.raises(error, match=message):
        quoteattr.Extractor(**arguments)
