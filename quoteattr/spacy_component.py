"""quoteattr as a spaCy pipeline component: ``nlp.add_pipe("quoteattr")``.

The factory is registered through the ``spacy_factories`` entry point, so it works after a
plain ``pip install quoteattr``. The component reads the parse the pipeline already made and
sets ``doc._.quotes`` (a list of :class:`~quoteattr.models.Quote`) and
``doc.spans["quotes"]`` (one span per quote, labelled with its kind). Both names can be
changed in the config; the component never overwrites a ``Doc`` extension another package
registered.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from quoteattr.calibration import load_calibration
from quoteattr.checks import check_confidence
from quoteattr.extractor import check_doc, quotes_of_parse
from quoteattr.lexicons import default_lexicon, load_lexicon, load_outlets
from quoteattr.models import Quote
from quoteattr.outlets import OutletMatcher
from quoteattr.parse.spacy_backend import to_parse
from quoteattr.sanitize import for_parsing

FACTORY = "quoteattr"
DEFAULT_CONFIG = {"spans_key": "quotes", "extension": "quotes", "min_confidence": 0.5, "outlets": [],
                  "lexicon": ""}


_registered: set[str] = set()


def _register_extension(name: str) -> None:
    """Register ``Doc._.<name>`` for quoteattr, refusing to take over one it did not register."""
    if name in _registered:
        return
    if Doc.has_extension(name):
        raise ValueError(f"Doc._.{name} is already registered by another package; choose another name with "
                         f'nlp.add_pipe("quoteattr", config={{"extension": "..."}})')
    Doc.set_extension(name, default=None)
    _registered.add(name)


class QuoteattrComponent:
    """Finds the quotations of each ``Doc`` with their speakers, verbs and outlets.

    Args:
        nlp: the pipeline (unused; spaCy passes it to every factory).
        name: the component's name in the pipeline.
        spans_key: the ``doc.spans`` group the quote spans go to.
        extension: the ``Doc._`` attribute the quotes go to.
        min_confidence: quotes below this confidence are left out.
        outlets: extra outlet names, as for ``Extractor(outlets=[...])``.
        lexicon: a folder of lexicon files that extend the packaged ones, as for
            ``Extractor(lexicon=...)``; empty for the packaged lexicon.
    """

    def __init__(self, nlp: Language, name: str, *, spans_key: str, extension: str,
                 min_confidence: float, outlets: list[str], lexicon: str = "") -> None:
        """Check the settings, register the extension and load the lexicons."""
        if not spans_key or not extension or not extension.isidentifier():
            raise ValueError(f"spans_key and extension must be non-empty names, got {spans_key!r}, {extension!r}")
        self.name = name
        self.spans_key = spans_key
        self.extension = extension
        self.min_confidence = check_confidence(min_confidence)
        self.lexicon = load_lexicon(lexicon) if lexicon else default_lexicon()
        self.outlets = OutletMatcher(load_outlets(list(outlets) or None, base=self.lexicon.outlets),
                                     self.lexicon.outlet_function_words)
        self.calibration = load_calibration()
        _register_extension(extension)

    def __call__(self, doc: Doc) -> Doc:
        """Set the quotes of ``doc`` on ``doc._`` and in ``doc.spans``; return ``doc``."""
        check_doc(doc)
        quotes = quotes_of_parse(doc.text, for_parsing(doc.text), to_parse(doc), self.outlets,
                                 self.calibration, self.min_confidence, self.lexicon)
        doc._.set(self.extension, quotes)
        doc.spans[self.spans_key] = [span for span in (_span(doc, q) for q in quotes) if span is not None]
        return doc


def _span(doc: Doc, quote: Quote) -> Any:
    """Return the token span covering a quote, labelled with its kind."""
    return doc.char_span(quote.start, quote.end, label=quote.kind, alignment_mode="expand")


@Language.factory(FACTORY, default_config=DEFAULT_CONFIG, requires=["token.dep", "token.pos", "token.lemma"],
                  assigns=["doc.spans"])
def make_quoteattr(nlp: Language, name: str, spans_key: str, extension: str, min_confidence: float,
                   outlets: list[str], lexicon: str) -> QuoteattrComponent:
    """Return the quoteattr component (spaCy calls this for ``nlp.add_pipe("quoteattr")``)."""
    return QuoteattrComponent(nlp, name, spans_key=spans_key, extension=extension,
                              min_confidence=min_confidence, outlets=outlets, lexicon=lexicon)
