"""quoteattr: who said what in French news text.

>>> import quoteattr
>>> quotes = quoteattr.extract("« Nous ne céderons pas », a déclaré Jean Dupont.")
"""

from quoteattr.api import extract
from quoteattr.errors import (
    BackendUnavailableError,
    DocumentError,
    DocumentTimeoutError,
    InputFormatError,
    ModelNotFoundError,
    QuoteattrError,
)
from quoteattr.extractor import Extractor
from quoteattr.lexicons import Lexicon, load_lexicon
from quoteattr.models import Quote, ReportingVerb, Source, Span, Speaker
from quoteattr.render import HtmlView, render
from quoteattr.tables import SpeakerSummary, speakers, to_dataframe

__version__ = "0.1.0"

__all__ = [
    "BackendUnavailableError",
    "DocumentError",
    "DocumentTimeoutError",
    "Extractor",
    "HtmlView",
    "InputFormatError",
    "Lexicon",
    "ModelNotFoundError",
    "Quote",
    "QuoteattrError",
    "ReportingVerb",
    "Source",
    "Span",
    "Speaker",
    "SpeakerSummary",
    "__version__",
    "extract",
    "load_lexicon",
    "render",
    "speakers",
    "to_dataframe",
]
