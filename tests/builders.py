"""Hand-built neutral parses for pure unit tests of code that walks tokens and trees.

They stand in for a parser only where a test checks how a function reads a given tree; tests
of what the extractor finds in real text use the real model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quoteattr.parse.base import Parse, Sentence, Token


@dataclass(frozen=True)
class W:
    """One word of a hand-built parse.

    Attributes:
        text: the word as written.
        pos: universal part of speech.
        head: index of the head word; None makes the word its own head (a root).
        dep: dependency relation.
        lemma: dictionary form; the lowercased text when None.
        ent: named-entity type or "".
        glue: True when no space separates the word from the previous one.
        sent: sentence number (sentences must be consecutive).
        morph: morphological features.
    """

    text: str
    pos: str = "X"
    head: int | None = None
    dep: str = "dep"
    lemma: str | None = None
    ent: str = ""
    glue: bool = False
    sent: int = 0
    morph: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class M:
    """A multi-word token of a hand-built parse: ``form`` is written, ``words`` are parsed.

    "du" is ``M("du", W("de", "ADP", ...), W("le", "DET", ...))``; each word counts as one
    index for the ``head`` of the other words.
    """

    form: str
    words: tuple[W, ...]
    glue: bool = False

    def __init__(self, form: str, *words: W, glue: bool = False) -> None:
        """Record the written form and the syntactic words."""
        object.__setattr__(self, "form", form)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "glue", glue)


def make_parse(*units: W | M, entities: bool = True) -> Parse:
    """Return the parse of the units joined by single spaces (none before glued units).

    A multi-word token's words all get the span of its written form. ``entities`` False
    makes a parse as a backend without an entity tagger returns it.
    """
    text = ""
    tokens: list[Token] = []
    for number, unit in enumerate(units):
        if number and not unit.glue:
            text += " "
        start = len(text)
        text += unit.form if isinstance(unit, M) else unit.text
        words = unit.words if isinstance(unit, M) else (unit,)
        first = len(tokens)
        mwt = (first, first + len(words) - 1) if isinstance(unit, M) else None
        for word in words:
            i = len(tokens)
            tokens.append(Token(i=i, text=word.text, start=start, end=len(text),
                                lemma=word.lemma if word.lemma is not None else word.text.lower(),
                                pos=word.pos, morph=dict(word.morph),
                                head=i if word.head is None else word.head, dep=word.dep,
                                ent=word.ent, sent=word.sent, mwt=mwt))
    sentences = []
    for number in sorted({t.sent for t in tokens}):
        members = [t for t in tokens if t.sent == number]
        sentences.append(Sentence(members[0].i, members[-1].i, members[0].start, members[-1].end))
    return Parse.build(text, tokens, sentences, entities)
