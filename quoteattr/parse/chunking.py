"""Split long texts into pieces a parser can take, and join the pieces' parses back.

Parsers have length limits and parse time grows with sentence length, so a text is parsed in
pieces of at most ``max_chars`` characters, cut at paragraph breaks where possible, then at
whitespace, then anywhere. Offsets of the joined parse point into the whole text.
"""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr.parse.base import Parse, Sentence, Token

DEFAULT_MAX_CHARS = 20_000


def _cut(text: str, start: int, limit: int) -> int:
    """Return where to end the piece that starts at ``start`` and may not pass ``limit``."""
    window = text[start:limit]
    for separator in ("\n\n", "\n", ". ", " "):
        position = window.rfind(separator)
        if position > len(window) // 4:
            return start + position + len(separator)
    return limit


def split_for_parsing(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[tuple[int, str]]:
    """Return ``(offset, piece)`` pairs covering ``text`` in order, each piece ≤ ``max_chars``.

    Raises:
        ValueError: ``max_chars`` is less than 1.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    pieces = []
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= max_chars else _cut(text, start, start + max_chars)
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def join_parses(text: str, pieces: Sequence[tuple[int, Parse]]) -> Parse:
    """Return one parse of ``text`` from the parses of its pieces at their offsets."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for offset, parse in pieces:
        base = len(tokens)
        sentence_base = len(sentences)
        for t in parse.tokens:
            tokens.append(
                Token(t.i + base, t.text, t.start + offset, t.end + offset, t.lemma, t.pos,
                      t.morph, t.head + base, t.dep, t.ent, t.sent + sentence_base,
                      None if t.mwt is None else (t.mwt[0] + base, t.mwt[1] + base))
            )
        for s in parse.sentences:
            sentences.append(Sentence(s.first + base, s.last + base, s.start + offset, s.end + offset))
    return Parse.build(text, tokens, sentences, all(parse.entities for _, parse in pieces))
