"""The stanza backend: stanza's French models, from a local folder, to neutral parses.

Install it with ``pip install 'quoteattr[stanza]'`` and download the French models once with
``stanza.download`` (see :func:`models_not_found`); quoteattr itself never downloads: the
pipeline is built with ``download_method=None``. stanza is imported only when the backend is
created, never by ``import quoteattr``.

A text goes through stanza in two steps. Tokenizing and expanding multi-word tokens ("du" →
"de" + "le") comes first; the sentences of stanza's tokenizer are then regrouped along the
rules of :mod:`~quoteattr.parse.sentence_rules` (a quotation and its incise stay in one
sentence, a line break starts one), and only then are the words tagged, lemmatised and
parsed (and named entities found, when the models are there).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from quoteattr.checks import check_count
from quoteattr.errors import BackendUnavailableError, ModelNotFoundError, QuoteattrError
from quoteattr.parse.base import Parse, Sentence, Token
from quoteattr.parse.sentence_rules import MUST_START, NEVER_STARTS, sentence_starts
from quoteattr.parse.spacy_backend import DEFAULT_MAX_BATCH_CHARS, batches

LANGUAGE = "fr"
TOKENIZE_STEP = ("tokenize", "mwt")
PARSE_STEP = ("pos", "lemma", "depparse")
NER = "ner"
DOWNLOAD_PROCESSORS = ",".join(TOKENIZE_STEP + PARSE_STEP + (NER,))
INSTALL_HINT = (
    "Install it with `pip install 'quoteattr[stanza]'`; stanza needs PyTorch, and installing a "
    "CPU-only build of torch first (see PyTorch's installation guide) keeps the CUDA "
    "libraries out."
)


def import_stanza() -> Any:
    """Return the ``stanza`` module, or raise BackendUnavailableError saying how to install it."""
    try:
        import stanza
    except ImportError as error:
        raise BackendUnavailableError(
            f"the stanza backend needs the stanza package, which cannot be imported ({error}). "
            + INSTALL_HINT) from error
    return stanza


def default_model_dir() -> Path:
    """Return stanza's own resources folder (``$STANZA_RESOURCES_DIR`` when it is set)."""
    import_stanza()
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(DEFAULT_MODEL_DIR)


def models_not_found(folder: Path | str, reason: str) -> ModelNotFoundError:
    """Return the error for a folder without usable French stanza models: why, and what to run."""
    return ModelNotFoundError(
        f"stanza French models not found in {str(folder)!r}: {reason}. Download them once with "
        f"`python -c \"import stanza; stanza.download('{LANGUAGE}', model_dir='{folder}', "
        f"processors='{DOWNLOAD_PROCESSORS}')\"` and give that folder: "
        f"Extractor(backend='stanza', model='{folder}'). quoteattr never downloads models."
    )


def _has_model(folder: Path, processor: str) -> bool:
    """Return True when ``folder`` holds a French model file for ``processor``."""
    directory = folder / LANGUAGE / processor
    return directory.is_dir() and any(directory.glob("*.pt"))


def missing_models(folder: Path, ner: bool | None = None) -> str | None:
    """Return why ``folder`` cannot serve the French parse (``ner`` as for :func:`check_model_dir`), or None."""
    if not folder.is_dir():
        return "no such folder" if not folder.exists() else "this is a file, not a folder"
    if not (folder / "resources.json").is_file():
        return "it holds no resources.json"
    wanted = TOKENIZE_STEP + PARSE_STEP + ((NER,) if ner else ())
    missing = [processor for processor in wanted if not _has_model(folder, processor)]
    if missing:
        return f"no {', '.join(missing)} model in {str(folder / LANGUAGE)!r}"
    return None


def check_model_dir(model: str | Path, ner: bool | None = None) -> tuple[Path, bool]:
    """Return the absolute models folder ``model`` names and whether to find named entities.

    The folder is the ``model_dir`` of ``stanza.download``: ``resources.json`` and a ``fr``
    folder with one folder per processor. ``ner`` None finds entities when the NER model is
    there; True requires it; False never runs it.

    Raises:
        TypeError: ``model`` is neither a string nor a path.
        ModelNotFoundError: a model the parse needs is not in the folder.
    """
    if not isinstance(model, (str, Path)):
        raise TypeError(f"model must be the path of a stanza models folder, got {type(model).__name__}")
    folder = Path(model).expanduser().absolute()
    reason = missing_models(folder, ner)
    if reason is not None:
        raise models_not_found(folder, reason)
    return folder, _has_model(folder, NER) if ner is None else ner


def load_pipeline(folder: Path, ner: bool) -> Any:
    """Build the French stanza pipeline from the models of ``folder``, without any download.

    Raises:
        BackendUnavailableError: stanza is not installed.
        ModelNotFoundError: stanza cannot load the models (the error it raised is chained).
    """
    stanza = import_stanza()
    processors = ",".join(TOKENIZE_STEP + PARSE_STEP + ((NER,) if ner else ()))
    try:
        return stanza.Pipeline(LANGUAGE, dir=str(folder), download_method=None, processors=processors,
                               logging_level="WARN")
    except MemoryError:
        raise
    except Exception as error:
        raise models_not_found(folder, f"stanza could not load them ({type(error).__name__}: {error})") from error


def regroup_sentences(doc: Any) -> Any:
    """Return a tokenized stanza ``Document`` whose sentences follow quoteattr's sentence rules.

    ``doc`` has been through stanza's tokenizer (and multi-word token expansion) but not yet
    tagged or parsed. A sentence starts where the rules say one must, and wherever stanza
    started one unless the rules forbid it (inside a quotation, before an incise). The
    document is returned as it is when nothing changes.
    """
    from stanza.models.common.doc import Document

    tokens = [token for sentence in doc.sentences for token in sentence.tokens]
    if not tokens:
        return doc
    rules = sentence_starts(doc.text, [(token.start_char, token.end_char) for token in tokens])
    given = set()
    count = 0
    for sentence in doc.sentences:
        given.add(count)
        count += len(sentence.tokens)
    starts = [index for index, rule in enumerate(rules)
              if rule == MUST_START or (index in given and rule != NEVER_STARTS)]
    if set(starts) == given:
        return doc
    groups: list[list[dict[str, Any]]] = []
    for first, last in zip(starts, starts[1:] + [len(tokens)]):
        entries: list[dict[str, Any]] = []
        words = 0
        for token in tokens[first:last]:
            parts = token.to_dict()
            if len(parts) > 1:
                parts[0]["id"] = (words + 1, words + len(parts) - 1)
            for number, part in enumerate(parts[1:] if len(parts) > 1 else parts, start=words + 1):
                part["id"] = number
            words += max(1, len(parts) - 1)
            entries.extend(parts)
        groups.append(entries)
    regrouped = Document(groups, text=doc.text)
    regrouped.lang = doc.lang
    return regrouped


def _located(text: str, token: Any, cursor: int) -> tuple[int, int]:
    """Return the character span of a stanza token in ``text``, checking its offsets.

    Offsets that do not point at the token's text are replaced by the token's next
    occurrence from ``cursor``, with only whitespace skipped.

    Raises:
        QuoteattrError: the token is not in the text there.
    """
    start, end, written = token.start_char, token.end_char, token.text
    if isinstance(start, int) and isinstance(end, int) and cursor <= start and text[start:end] == written:
        return start, end
    found = text.find(written, cursor)
    if found < 0 or text[cursor:found].strip():
        raise QuoteattrError(f"the stanza token {written!r} (characters {start}-{end}) is not in the text "
                             f"after character {cursor}")
    return found, found + len(written)


def _features(feats: str | None) -> dict[str, str]:
    """Return the features of a CoNLL-U ``feats`` string ("Gender=Masc|Number=Sing") as a dict."""
    if not feats or feats == "_":
        return {}
    pairs = (item.split("=", 1) for item in feats.split("|") if "=" in item)
    return {key: value for key, value in pairs}


def _entity(tag: str | None) -> str:
    """Return the entity type of a BIOES tag ("S-PER" → "PER"; "O" or none → "")."""
    if not tag or tag == "O":
        return ""
    return tag.split("-", 1)[1] if "-" in tag else tag


def to_parse(doc: Any, text: str | None = None) -> Parse:
    """Convert a parsed stanza ``Document`` into a neutral :class:`Parse`.

    Every syntactic word becomes a :class:`~quoteattr.parse.base.Token`; the words of a
    multi-word token ("du" → "de" + "le") all carry the written token's character span and
    name their siblings in ``mwt``. ``text`` is the text the offsets point into, the
    document's own by default (a document read from CoNLL-U has none). The root's relation
    is "ROOT", as spaCy writes it; a word without a head is its own root.

    Raises:
        ValueError: there is no text to point into.
        QuoteattrError: a token is not in the text where its offsets say.
    """
    source = doc.text if text is None else text
    if source is None:
        raise ValueError("the stanza Document has no text: pass the text its offsets point into")
    strings: dict[str, str] = {}
    shared = strings.setdefault
    features: dict[str, dict[str, str]] = {}
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    cursor = 0
    tagged = False
    for sentence in doc.sentences:
        base = len(tokens)
        number = len(sentences)
        for token in sentence.tokens:
            start, end = _located(source, token, cursor)
            cursor = end
            ent = shared(_entity(token.ner), _entity(token.ner))
            tagged = tagged or token.ner is not None
            first = len(tokens)
            mwt = (first, first + len(token.words) - 1) if len(token.words) > 1 else None
            for word in token.words:
                i = len(tokens)
                head = word.head
                key = word.feats or ""
                morph = features.get(key)
                if morph is None:
                    morph = features[key] = _features(word.feats)
                dep = "ROOT" if word.deprel == "root" else word.deprel or ""
                lemma = word.lemma or word.text
                tokens.append(Token(
                    i=i, text=shared(word.text, word.text), start=start, end=end, lemma=shared(lemma, lemma),
                    pos=shared(word.upos or "", word.upos or ""), morph=morph,
                    head=i if not head else base + head - 1, dep=shared(dep, dep), ent=ent, sent=number, mwt=mwt,
                ))
        if len(tokens) > base:
            sentences.append(Sentence(base, len(tokens) - 1, tokens[base].start, tokens[-1].end))
    return Parse.build(source, tokens, sentences, tagged)


class StanzaBackend:
    """A parse backend running stanza's French pipeline from a local models folder.

    Args:
        model: the folder ``stanza.download`` wrote the models to; stanza's own resources
            folder (``$STANZA_RESOURCES_DIR`` when set) by default.
        ner: find named entities: None when the NER model is in the folder, True (the model
            must be there) or False.
        pipeline: an already built ``stanza.Pipeline`` (French, with at least the tokenize,
            mwt, pos, lemma and depparse processors), instead of ``model`` and ``ner``.
        max_batch_chars: the most characters handed to stanza in one batch.

    Raises:
        BackendUnavailableError: stanza is not installed.
        ModelNotFoundError: the models are not in the folder or cannot be loaded.
    """

    name = "stanza"

    def __init__(
        self,
        model: str | Path | None = None,
        *,
        ner: bool | None = None,
        pipeline: Any = None,
        max_batch_chars: int = DEFAULT_MAX_BATCH_CHARS,
    ) -> None:
        """Check the arguments, then load the pipeline (unless one is given)."""
        self.max_batch_chars = check_count(max_batch_chars, "max_batch_chars")
        import_stanza()
        if pipeline is not None:
            loaded = set(getattr(pipeline, "processors", {}))
            missing = [p for p in TOKENIZE_STEP + PARSE_STEP if p not in loaded]
            if missing:
                raise QuoteattrError(f"the stanza pipeline lacks the {', '.join(missing)} processor(s)")
            self.folder: Path | None = None
            self.ner = NER in loaded
            self.nlp = pipeline
            return
        self.folder, self.ner = check_model_dir(default_model_dir() if model is None else model, ner)
        self.nlp = load_pipeline(self.folder, self.ner)

    def parse_many(self, texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Parse]:
        """Parse a stream of texts, yielding one neutral parse per text, in order.

        Texts go to stanza in batches of at most ``batch_size`` texts and ``max_batch_chars``
        characters. stanza has no worker processes: every text is parsed in this process,
        whatever ``n_process``.
        """
        check_count(batch_size, "batch_size")
        if n_process != -1:
            check_count(n_process, "n_process")
        return self._parse(iter(texts), batch_size)

    def _parse(self, texts: Iterator[str], batch_size: int) -> Iterator[Parse]:
        """Parse ``texts`` batch by batch."""
        for batch in batches(texts, batch_size, self.max_batch_chars):
            yield from self.parse_batch(batch)

    def parse_batch(self, texts: Sequence[str]) -> list[Parse]:
        """Return the parses of ``texts``: tokenize, regroup the sentences, then tag and parse."""
        from stanza.models.common.doc import Document

        visible = [number for number, text in enumerate(texts) if text.strip()]
        parses = [Parse.build(text, [], []) for text in texts]
        if not visible:
            return parses
        docs = self.nlp.process([Document([], text=texts[number]) for number in visible],
                                processors=",".join(TOKENIZE_STEP))
        docs = [regroup_sentences(doc) for doc in docs]
        docs = self.nlp.process(docs, processors=",".join(PARSE_STEP + ((NER,) if self.ner else ())))
        for number, doc in zip(visible, docs):
            parses[number] = to_parse(doc, texts[number])
        return parses
