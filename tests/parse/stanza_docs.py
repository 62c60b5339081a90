"""French passages as stanza would analyse them, in CoNLL-U, and where stanza's models lie.

Each passage is a ``.conllu`` file in ``tests/parse/conllu/`` (character offsets in MISC,
``start_char``/``end_char``, as stanza writes them) with its raw text beside it in a ``.txt``
file, so that tests without stanza (the spaCy backend's) can read the texts too. stanza's
CoNLL-U reader builds a ``Document`` from them without any model.

``tokenized`` is a passage as stanza's tokenizer and multi-word token expansion leave it,
before tagging and parsing: its first sentence is cut inside a quotation and its last runs
over a line break. The other passages are fully parsed.

The French models for the end-to-end tests are looked for in ``$QUOTEATTR_STANZA_DIR``, else
in stanza's own resources folder (``$STANZA_RESOURCES_DIR`` or stanza's default).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quoteattr.parse.base import Parse
from quoteattr.parse.stanza_backend import to_parse

CONLLU = Path(__file__).parent / "conllu"
PARSED = ("incise", "reported", "relay")
TOKENIZED = "tokenized"
MODELS_VARIABLE = "QUOTEATTR_STANZA_DIR"
STANZA_MISSING = "stanza is not installed here (pip install -e '.[test,stanza]' after CPU torch)"
HAS_STANZA = importlib.util.find_spec("stanza") is not None

needs_stanza = pytest.mark.skipif(not HAS_STANZA, reason=STANZA_MISSING)


def passage_text(name: str) -> str:
    """Return the raw text of the passage ``name``."""
    return (CONLLU / f"{name}.txt").read_text(encoding="utf-8")


def read_document(name: str) -> Any:
    """Return the stanza ``Document`` of the passage ``name``, its text rebuilt by stanza."""
    from stanza.utils.conll import CoNLL

    return CoNLL.conll2doc(input_file=str(CONLLU / f"{name}.conllu"), reconstruct_text=True)


def document_of(conllu: str, text: str) -> Any:
    """Return the stanza ``Document`` of a CoNLL-U string whose offsets point into ``text``."""
    from stanza.utils.conll import CoNLL

    doc = CoNLL.conll2doc(input_str=conllu)
    doc.text = text
    return doc


def models_dir() -> Path:
    """Return the folder where the French stanza models are looked for."""
    given = os.environ.get(MODELS_VARIABLE)
    if given:
        return Path(given).expanduser()
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(DEFAULT_MODEL_DIR)


def models_or_skip() -> Path:
    """Return the French models folder, or skip the test saying why there is none."""
    if not HAS_STANZA:
        pytest.skip(STANZA_MISSING)
    from quoteattr.parse.stanza_backend import missing_models

    folder = models_dir()
    reason = missing_models(folder)
    if reason is not None:
        pytest.skip(f"no French stanza models in {folder} ({reason}); set {MODELS_VARIABLE} to the folder "
                    "stanza.download wrote them to")
    return folder


class ConllBackend:
    """A parse backend that hands out the parses of CoNLL-U passages, looked up by their text."""

    name = "conllu"

    def __init__(self, names: Iterable[str]) -> None:
        """Read the passages."""
        self.parses = {passage_text(name): to_parse(read_document(name)) for name in names}

    def parse_many(self, texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Parse]:
        """Yield the parse of each text."""
        for text in texts:
            yield self.parses[text]
