"""Parse layer: backends that turn text into a neutral parse, and the parse records."""

from quoteattr.parse.base import Parse, ParserBackend, Sentence, Token

__all__ = ["Parse", "ParserBackend", "Sentence", "Token"]
