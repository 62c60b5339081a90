"""Fixtures of the parse tests: an extractor on the stanza backend, loaded once when its models are there."""

from __future__ import annotations

import pytest

import quoteattr
from tests.parse.stanza_docs import models_or_skip


@pytest.fixture(scope="session")
def stanza_extractor() -> quoteattr.Extractor:
    """Return ``Extractor(backend="stanza")`` on the local French models, or skip saying why there are none."""
    return quoteattr.Extractor(models_or_skip(), backend="stanza")
