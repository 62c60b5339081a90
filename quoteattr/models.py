"""Public result models: quotes and the spans that attribute them.

Every span carries character offsets into the ORIGINAL input string, so that
``text[span.start:span.end] == span.text`` holds for every span of every result.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

QuoteKind = Literal["direct", "block", "indirect", "mixed"]
CueKind = Literal["verb", "selon", "colon", "noun", "none"]
SpeakerKind = Literal["person", "organization", "pronoun", "description", "unknown"]
Stance = Literal["neutral", "assertive", "concessive", "refuting", "directive"]


class Span(BaseModel):
    """A stretch of the input text: ``input[start:end] == text``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _check_bounds(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"span [{self.start}:{self.end}] has length {self.end - self.start} "
                f"but its text has length {len(self.text)}"
            )
        return self


class Speaker(Span):
    """The mention that attributes a quote, with the person or body it resolves to."""

    name: str
    role: str | None = None
    kind: SpeakerKind = "unknown"


class ReportingVerb(Span):
    """The reporting verb of a quote ("a déclaré"), with its lemma ("déclarer")."""

    lemma: str
    stance: Stance = "neutral"


class Source(Span):
    """An outlet that relays a quote ("l'agence de presse russe Tass" → "Tass")."""

    name: str


class Quote(BaseModel):
    """One quotation: the quoted or reported words and who said them, through whom."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: QuoteKind
    cue: CueKind
    speaker: Speaker | None = None
    verb: ReportingVerb | None = None
    relayed_by: list[Source] = Field(default_factory=list)
    negated: bool = False
    hedged: bool = False
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[str] = Field(
        default_factory=list,
        description="names of the rules that found the span and cue, the speaker and the relays, in the order they fired",
    )

    @model_validator(mode="after")
    def _check_bounds(self) -> Quote:
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"quote [{self.start}:{self.end}] has length {self.end - self.start} "
                f"but its text has length {len(self.text)}"
            )
        return self
