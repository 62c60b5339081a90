"""The exceptions quoteattr raises; all derive from :class:`QuoteattrError`."""


class QuoteattrError(Exception):
    """Base class of every error raised on purpose by quoteattr."""


class ModelNotFoundError(QuoteattrError):
    """A parse model was asked for that is neither an installed package nor a local path."""


class BackendUnavailableError(QuoteattrError):
    """A parse backend was asked for whose library is not installed."""


class InputFormatError(QuoteattrError):
    """An input file or record cannot be read as the format it claims to be."""
