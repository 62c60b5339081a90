"""The neutral parse every backend produces and the attribution layer reads.

Attribution code never sees a spaCy or stanza object: only these records, whose character
offsets point into the text that was parsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Token:
    """One syntactic word.

    Most words are written as one token of their own. A multi-word token ("du" = "de" + "le",
    "au", "des", "auquel") is several syntactic words written as one: each of its words is a
    :class:`Token` with its own form, lemma and relation, and all of them carry the character
    span of the written token, so that ``parse.text[start:end]`` is always text that is there.

    Attributes:
        i: index of the token in its parse.
        text: the word; as written (``parse.text[start:end]``) unless it is part of a
            multi-word token, where it is the syntactic word ("de" in "du").
        start: character offset of the word (of its multi-word token) in the parsed text.
        end: offset just after the word (after its multi-word token).
        lemma: dictionary form.
        pos: universal part of speech (NOUN, VERB, PROPN, …).
        morph: morphological features ("Gender": "Fem", …).
        head: index of the syntactic head (the token's own index for a root).
        dep: universal dependency relation to the head.
        ent: named-entity type (PER, ORG, LOC, MISC) or "".
        sent: index of the token's sentence.
        mwt: for a word of a multi-word token, the indices of the token's first and last
            words (inclusive); None for a word written on its own.
    """

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    morph: dict[str, str]
    head: int
    dep: str
    ent: str
    sent: int
    mwt: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: tokens ``first`` to ``last`` inclusive, characters ``start`` to ``end``."""

    first: int
    last: int
    start: int
    end: int


@dataclass(frozen=True)
class Parse:
    """A parsed text: its tokens, sentences and the children of every token.

    ``entities`` says whether the tokens' ``ent`` types come from a named-entity tagger; when
    False they are all "" and the attribution layer guesses them
    (:func:`quoteattr.attribution.names.label_names`).
    """

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    children: tuple[tuple[int, ...], ...] = field(default=(), repr=False)
    entities: bool = True

    @classmethod
    def build(cls, text: str, tokens: Sequence[Token], sentences: Sequence[Sentence],
              entities: bool = True) -> Parse:
        """Return a parse with the children index computed from the tokens' heads."""
        children: list[list[int]] = [[] for _ in tokens]
        for token in tokens:
            if token.head != token.i:
                children[token.head].append(token.i)
        return cls(text, tuple(tokens), tuple(sentences), tuple(tuple(c) for c in children), entities)

    def token_at(self, offset: int) -> int:
        """Return the index of the token covering or following character ``offset``, or -1.

        Inside a multi-word token it is the token's first word.
        """
        low, high = 0, len(self.tokens)
        while low < high:
            middle = (low + high) // 2
            if self.tokens[middle].end <= offset:
                low = middle + 1
            else:
                high = middle
        return low if low < len(self.tokens) else -1

    def tokens_between(self, start: int, end: int) -> range:
        """Return the indices of the tokens lying within characters ``[start, end)``.

        A multi-word token is in or out with all its words.
        """
        first = self.token_at(start)
        if first < 0:
            return range(0)
        last = first
        while last < len(self.tokens) and self.tokens[last].start < end:
            last += 1
        return range(first, last)

    def subtree(self, index: int) -> list[int]:
        """Return the sorted indices of ``index`` and all its descendants."""
        seen = [index]
        queue = [index]
        while queue:
            for child in self.children[queue.pop()]:
                seen.append(child)
                queue.append(child)
        return sorted(seen)


class ParserBackend(Protocol):
    """What a parse backend offers: a stream of texts to neutral parses, in order.

    A backend should keep a quotation and its incise ("« … », a-t-il dit") in one sentence.
    """

    name: str

    def parse_many(
        self, texts: Iterable[str], batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Parse]:
        """Parse a stream of texts, yielding one parse per text in input order."""
        ...
