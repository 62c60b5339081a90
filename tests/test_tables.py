"""One row per quote (pandas) and who said what per article."""

from __future__ import annotations

from pathlib import Path

import pytest

import quoteattr
from quoteattr.models import Quote, Source, Speaker
from quoteattr.tables import COLUMNS

EXAMPLE = (Path(__file__).resolve().parents[1] / "examples" / "article.txt").read_text(encoding="utf-8")


def _quote(text: str, start: int, name: str, mention: str, kind: str = "person",
           role: str | None = None, outlets: tuple[str, ...] = ()) -> Quote:
    """Return a quote with a speaker; offsets are arbitrary but consistent."""
    return Quote(text=text, start=start, end=start + len(text), kind="direct", cue="verb",
                 speaker=Speaker(text=mention, start=0, end=len(mention), name=name, role=role, kind=kind),
                 relayed_by=[Source(text=o, start=0, end=len(o), name=o) for o in outlets], confidence=0.9)


def test_tables_speakers_merges_a_surname_into_the_full_name() -> None:
    quotes = [_quote("Nous ne céderons pas", 10, "Vladimir Poutine", "le président russe Vladimir Poutine",
                     role="président russe", outlets=("Tass",)),
              _quote("La paix est possible", 40, "Poutine", "Poutine", outlets=("Tass", "Reuters")),
              _quote("Non", 70, "Emmanuel Macron", "Emmanuel Macron")]
    rows = quoteattr.speakers(quotes)
    assert [(r.name, r.quotes, r.words) for r in rows] == [("Vladimir Poutine", 2, 8), ("Emmanuel Macron", 1, 1)]
    assert rows[0].roles == ["président russe"]
    assert rows[0].outlets == ["Tass", "Reuters"]
    assert rows[0].mentions == ["le président russe Vladimir Poutine", "Poutine"]


def test_tables_speakers_keeps_unresolved_pronouns_and_leaves_out_quotes_with_no_speaker() -> None:
    no_speaker = Quote(text="sommet", start=0, end=6, kind="direct", cue="none", confidence=0.01)
    rows = quoteattr.speakers([_quote("Jamais", 0, "il", "il", kind="pronoun"), no_speaker])
    assert [(r.name, r.kind) for r in rows] == [("il", "pronoun")]


pandas = pytest.importorskip("pandas", reason="to_dataframe needs pandas (the test extra installs it)")


@pytest.mark.model
def test_tables_to_dataframe_has_one_flat_row_per_quote(extractor: quoteattr.Extractor) -> None:
    quotes = extractor.extract(EXAMPLE)
    frame = quoteattr.to_dataframe(quotes, doc_id="example")
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(quotes) > 0
    assert set(frame["doc_id"]) == {"example"}
    assert list(frame["speaker"]) == [q.speaker.name if q.speaker else None for q in quotes]
    for row, quote in zip(frame.itertuples(), quotes, strict=True):
        assert EXAMPLE[row.start:row.end] == row.text == quote.text
        assert row.relayed_by == [s.name for s in quote.relayed_by]
        assert row.evidence == quote.evidence


@pytest.mark.model
def test_tables_to_dataframe_takes_many_documents_as_pairs(extractor: quoteattr.Extractor) -> None:
    texts = {"a": EXAMPLE, "b": "« Nous verrons », a dit Paul Girard.", "c": ""}
    frame = quoteattr.to_dataframe(zip(texts, extractor.pipe(texts.values())))
    assert frame.groupby("doc_id").size().to_dict() == {"a": len(extractor.extract(EXAMPLE)), "b": 1}


def test_tables_to_dataframe_refuses_another_shape() -> None:
    with pytest.raises(TypeError, match=r"\(doc_id, quotes\) pairs"):
        quoteattr.to_dataframe(["not a quote"])
