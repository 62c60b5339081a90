"""Making an extraction stop after its first document, as a crash or Ctrl-C would."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pytest

import quoteattr.extractor


def stop_pipe_after_first(monkeypatch: pytest.MonkeyPatch, interruption: BaseException) -> None:
    """Make ``Extractor.pipe`` yield one document's result, then raise ``interruption``."""
    real_pipe = quoteattr.extractor.Extractor.pipe

    def pipe(self: quoteattr.extractor.Extractor, texts: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        """Yield the first result of the real pipe, then raise."""
        results = real_pipe(self, texts, **kwargs)
        yield next(results)
        raise interruption

    monkeypatch.setattr(quoteattr.extractor.Extractor, "pipe", pipe)
