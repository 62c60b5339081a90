"""Annotated documents: the JSON Lines format of ``corpora/`` and its loader.

One document per line: ``{"id", "text", "quotes": [...]}``; each quote has the fields of
:class:`quoteattr.Quote` (kind, text/start/end, cue, speaker, verb, relayed_by) and the speaker
may list ``aliases``, every other form naming it in the document. See ``corpora/README.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from quoteattr.errors import InputFormatError
from quoteattr.models import (
    CueKind,
    QuoteKind,
    ReportingVerb,
    Source,
    Span,
    SpeakerKind,
)


class GoldSpeaker(Span):
    """An annotated speaker: the attributing mention, the full name and other forms."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    name: str
    role: str | None = None
    kind: SpeakerKind = "unknown"
    aliases: list[str] = Field(default_factory=list)


class GoldQuote(BaseModel):
    """An annotated quotation."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    kind: QuoteKind
    cue: CueKind = "none"
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    speaker: GoldSpeaker | None = None
    verb: ReportingVerb | None = None
    relayed_by: list[Source] = Field(default_factory=list)
    negated: bool = False
    hedged: bool = False


class GoldDocument(BaseModel):
    """An annotated document: its text and every quotation in it."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    text: str
    quotes: list[GoldQuote] = Field(default_factory=list)
    split: str | None = None
    genre: str | None = None

    @model_validator(mode="after")
    def _check_offsets(self) -> GoldDocument:
        for quote in self.quotes:
            spans = [quote, quote.speaker, quote.verb, *quote.relayed_by]
            for span in spans:
                if span is not None and self.text[span.start:span.end] != span.text:
                    raise ValueError(
                        f"span {span.text[:40]!r} does not match text[{span.start}:{span.end}]"
                        f" = {self.text[span.start:span.end][:40]!r}"
                    )
        return self


def iter_gold(path: str | Path) -> Iterator[GoldDocument]:
    """Yield the documents of a gold JSON Lines file, one at a time.

    Raises:
        InputFormatError: a line is not valid JSON or not a valid annotated document; the
            message gives the file and line number.
    """
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield GoldDocument.model_validate(json.loads(line))
            except json.JSONDecodeError as error:
                raise InputFormatError(f"{path}, line {number}: not valid JSON ({error.msg})") from None
            except ValidationError as error:
                problem = error.errors()[0]
                where = ".".join(str(part) for part in problem["loc"]) or "document"
                raise InputFormatError(f"{path}, line {number}: {where}: {problem['msg']}") from None


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Return the documents of a gold corpus: a JSON Lines file or a brat folder."""
    source = Path(path)
    if source.is_dir():
        from quoteattr.evaluation.brat import load_brat

        return load_brat(source)
    if not source.is_file():
        raise FileNotFoundError(f"gold corpus not found: {path}")
    return list(iter_gold(source))
