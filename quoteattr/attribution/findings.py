"""The attribution layer's result for one quotation, before it becomes a public model."""

from __future__ import annotations

from dataclasses import dataclass, replace

from quoteattr.attribution.evidence import rule_named
from quoteattr.attribution.speakers import ResolvedSpeaker
from quoteattr.attribution.verbs import VerbMatch
from quoteattr.models import CueKind, QuoteKind
from quoteattr.outlets import OutletMention


@dataclass(frozen=True)
class Finding:
    """A quotation with its attribution, in character offsets of the document.

    Findings are frozen: a rule that adds to one returns a new finding (:meth:`cite`,
    :meth:`but`), so no rule changes a result another rule holds.

    Attributes:
        start, end: the quoted or reported words.
        kind: direct, block, indirect or mixed.
        cue: verb, selon, colon, noun or none.
        speaker: the resolved speaker, or None.
        verb: the reporting verb, or None.
        relays: the relaying outlets, nearest the reader first.
        negated, hedged: modality of the report.
        confidence: how sure the extractor is that this is an attributed quotation.
        evidence: the names of the rules that found it, in the order they fired (declared
            in :mod:`quoteattr.attribution.evidence`).
    """

    start: int
    end: int
    kind: QuoteKind
    cue: CueKind
    speaker: ResolvedSpeaker | None = None
    verb: VerbMatch | None = None
    relays: tuple[OutletMention, ...] = ()
    negated: bool = False
    hedged: bool = False
    confidence: float = 0.5
    evidence: tuple[str, ...] = ()

    def cite(self, *names: str) -> Finding:
        """Return this finding with the rules ``names`` added to its evidence (each once).

        Raises:
            KeyError: a name is not declared in the rule table.
        """
        for name in names:
            rule_named(name)
        added = tuple(name for name in dict.fromkeys(names) if name not in self.evidence)
        return replace(self, evidence=self.evidence + added) if added else self

    def but(self, **changes: object) -> Finding:
        """Return a copy of this finding with the fields in ``changes`` replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]
