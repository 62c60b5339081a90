"""The exceptions quoteattr raises; all derive from :class:`QuoteattrError`."""

from __future__ import annotations


class QuoteattrError(Exception):
    """Base class of every error raised on purpose by quoteattr."""


class ModelNotFoundError(QuoteattrError):
    """A parse model was asked for that is neither an installed package nor a local path."""


class BackendUnavailableError(QuoteattrError):
    """A parse backend was asked for whose library is not installed."""


class InputFormatError(QuoteattrError):
    """An input file or record cannot be read as the format it claims to be."""


class DocumentError(QuoteattrError):
    """One document of a stream could not be processed; the other documents were.

    ``Extractor.pipe(..., on_error="return")`` yields it in place of that document's quotes.

    Attributes:
        index: the document's position in the input stream, from 0.
        reason: what went wrong, in one line.
    """

    def __init__(self, index: int, reason: str) -> None:
        """Record which document failed and why."""
        super().__init__(f"document {index}: {reason}")
        self.index = index
        self.reason = reason

    def __reduce__(self) -> tuple[type[DocumentError], tuple[int, str]]:
        """Pickle as the index and the reason, so that the error crosses processes (Dask workers)."""
        return type(self), (self.index, self.reason)


class DocumentTimeoutError(DocumentError):
    """A document took longer than the time budget it was given."""
