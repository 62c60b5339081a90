"""Tables for analysis: one row per quote (pandas), and who said what per article.

``to_dataframe`` needs pandas (``pip install 'quoteattr[pandas]'``); ``speakers`` does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from quoteattr.errors import BackendUnavailableError
from quoteattr.models import Quote

COLUMNS = ("doc_id", "kind", "cue", "text", "start", "end", "speaker", "speaker_text", "speaker_role",
           "speaker_kind", "verb", "verb_lemma", "verb_stance", "relayed_by", "negated", "hedged",
           "confidence", "evidence")
COLUMN_KINDS = {**dict.fromkeys(COLUMNS, "str"), "start": "int", "end": "int", "negated": "bool", "hedged": "bool",
                "confidence": "float", "relayed_by": "list", "evidence": "list"}
"""The type of each column: "str" (may be None), "int", "bool", "float" or "list" (of str)."""


def arrow_schema() -> Any:
    """Return the pyarrow schema of the flat rows (Parquet output, Dask dataframes); needs pyarrow."""
    import pyarrow

    kinds = {"str": pyarrow.string(), "int": pyarrow.int64(), "bool": pyarrow.bool_(),
             "float": pyarrow.float64(), "list": pyarrow.list_(pyarrow.string())}
    return pyarrow.schema([(name, kinds[COLUMN_KINDS[name]]) for name in COLUMNS])


def quote_row(doc_id: str | None, quote: Quote) -> dict[str, Any]:
    """Return the flat row of one quote, keyed by ``COLUMNS`` (what ``to_dataframe`` puts in a row)."""
    speaker, verb = quote.speaker, quote.verb
    return {
        "doc_id": doc_id, "kind": quote.kind, "cue": quote.cue, "text": quote.text,
        "start": quote.start, "end": quote.end,
        "speaker": speaker.name if speaker else None, "speaker_text": speaker.text if speaker else None,
        "speaker_role": speaker.role if speaker else None, "speaker_kind": speaker.kind if speaker else None,
        "verb": verb.text if verb else None, "verb_lemma": verb.lemma if verb else None,
        "verb_stance": verb.stance if verb else None,
        "relayed_by": [source.name for source in quote.relayed_by],
        "negated": quote.negated, "hedged": quote.hedged, "confidence": quote.confidence,
        "evidence": list(quote.evidence),
    }


def _documents(results: Sequence[Quote] | Iterable[tuple[str, Sequence[Quote]]],
               doc_id: str | None) -> Iterable[tuple[str | None, Sequence[Quote]]]:
    """Return ``(doc_id, quotes)`` pairs from the quotes of one document or from pairs."""
    items = list(results)
    if all(isinstance(item, Quote) for item in items):
        return [(doc_id, items)]  # type: ignore[list-item]
    pairs = []
    for item in items:
        if not (isinstance(item, tuple) and len(item) == 2 and all(isinstance(q, Quote) for q in item[1])):
            raise TypeError("to_dataframe takes the quotes of one document, or (doc_id, quotes) pairs; "
                            f"got an item of type {type(item).__name__}")
        pairs.append((item[0], item[1]))
    return pairs


def to_dataframe(results: Sequence[Quote] | Iterable[tuple[str, Sequence[Quote]]], *,
                 doc_id: str | None = None) -> Any:
    """Return a pandas DataFrame with one row per quote and flat columns (see ``COLUMNS``).

    Args:
        results: the quotes of one document (``extract(text)``), or ``(doc_id, quotes)``
            pairs for many (``zip(ids, extractor.pipe(texts))``).
        doc_id: the id to put in the ``doc_id`` column for the quotes of one document.

    ``relayed_by`` and ``evidence`` hold lists of names (``df.explode("relayed_by")`` gives
    one row per outlet).

    Raises:
        BackendUnavailableError: pandas is not installed.
        TypeError: ``results`` is neither of the two accepted shapes.
    """
    try:
        import pandas
    except ImportError:
        raise BackendUnavailableError(
            "to_dataframe needs pandas: pip install 'quoteattr[pandas]' (or pip install pandas)") from None
    rows = [quote_row(identifier, quote) for identifier, quotes in _documents(results, doc_id) for quote in quotes]
    return pandas.DataFrame(rows, columns=list(COLUMNS))


class SpeakerSummary(BaseModel):
    """Who said what in one article: one person or body, with everything quoted of them."""

    model_config = ConfigDict(frozen=True)

    name: str
    kind: str
    quotes: int
    words: int
    mentions: list[str]
    roles: list[str]
    outlets: list[str]


def _key(name: str, full_names: dict[str, str]) -> str:
    """Return the name a speaker's mentions are merged under."""
    return full_names.get(name.casefold(), name)


def speakers(quotes: Sequence[Quote]) -> list[SpeakerSummary]:
    """Merge the quotes of one article by speaker: one row per person or body, most quoted first.

    Mentions of one person are merged: the resolved names ("il" resolved to Vladimir Poutine
    counts for him), and a name that is the last word(s) of a fuller one ("Poutine" and
    "Vladimir Poutine"). Unresolved pronouns and descriptions are kept as their own rows
    (kind ``pronoun`` or ``description``), so nothing is silently dropped; quotes with no
    speaker are left out.
    """
    named = [(q, q.speaker) for q in quotes if q.speaker is not None]
    full_names: dict[str, str] = {}
    for name in sorted({speaker.name for _, speaker in named if speaker.kind == "person"}, key=len, reverse=True):
        words = name.split()
        for size in range(1, len(words)):
            full_names.setdefault(" ".join(words[-size:]).casefold(), name)
    grouped: dict[str, list[Quote]] = {}
    for quote, speaker in named:
        grouped.setdefault(_key(speaker.name, full_names), []).append(quote)
    rows = []
    for name, mine in grouped.items():
        rows.append(SpeakerSummary(
            name=name,
            kind=next((q.speaker.kind for q in mine if q.speaker and q.speaker.kind in {"person", "organization"}),
                      mine[0].speaker.kind if mine[0].speaker else "unknown"),
            quotes=len(mine),
            words=sum(len(q.text.split()) for q in mine),
            mentions=_unique(q.speaker.text for q in mine if q.speaker),
            roles=_unique(q.speaker.role for q in mine if q.speaker and q.speaker.role),
            outlets=_unique(source.name for q in mine for source in q.relayed_by),
        ))
    return sorted(rows, key=lambda row: (-row.quotes, -row.words, row.name))


def _unique(values: Iterable[str]) -> list[str]:
    """Return the distinct values in first-seen order."""
    return list(dict.fromkeys(values))
