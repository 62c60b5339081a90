"""The attribution layer's result for one quotation, before it becomes a public model."""

from __future__ import annotations

from dataclasses import dataclass, field

from quoteattr.attribution.evidence import rule_named
from quoteattr.attribution.speakers import ResolvedSpeaker
from quoteattr.attribution.verbs import VerbMatch
from quoteattr.models import CueKind, QuoteKind
from quoteattr.outlets import OutletMention


@dataclass
class Finding:
    """A quotation with its attribution, in character offsets of the document.

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
    relays: list[OutletMention] = field(default_factory=list)
    negated: bool = False
    hedged: bool = False
    confidence: float = 0.5
    evidence: list[str] = field(default_factory=list)

    def cite(self, *names: str) -> Finding:
        """Record that the rules ``names`` fired on this finding (each once), and return it.

        Raises:
            KeyError: a name is not declared in the rule table.
        """
        for name in names:
            rule_named(name)
            if name not in self.evidence:
                self.evidence.append(name)
        return self
