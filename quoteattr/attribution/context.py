"""Everything the attribution of one document needs, computed once."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from quoteattr.attribution.entities import EntityTable, build_table
from quoteattr.attribution.findings import Finding
from quoteattr.outlets import OutletMatcher
from quoteattr.parse.base import Parse
from quoteattr.rules.layout import Paragraph, furniture_ranges, paragraphs
from quoteattr.rules.marks import QuoteCandidate, find_quotes


@dataclass
class DocumentContext:
    """A document with its parse, quote candidates, layout and entity table."""

    text: str
    parse: Parse
    outlets: OutletMatcher
    candidates: list[QuoteCandidate]
    paragraphs: list[Paragraph]
    furniture: list[tuple[int, int]]
    table: EntityTable
    findings: list[Finding] = field(default_factory=list)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False)
    _furniture_starts: list[int] = field(default_factory=list, repr=False)
    _quote_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self._furniture_starts = [s for s, _ in self.furniture]
        self._quote_starts = [c.open_start for c in self.candidates]

    @classmethod
    def build(cls, text: str, parse: Parse, outlets: OutletMatcher) -> DocumentContext:
        """Compute the candidates, layout and entities of a parsed text."""
        blocks = paragraphs(text)
        return cls(
            text=text,
            parse=parse,
            outlets=outlets,
            candidates=find_quotes(text, blocks),
            paragraphs=blocks,
            furniture=furniture_ranges(text),
            table=build_table(parse, outlets),
        )

    def paragraph_index(self, offset: int) -> int:
        """Return the index of the paragraph that holds (or precedes) ``offset``."""
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def in_quote(self, offset: int) -> bool:
        """Return True when ``offset`` lies between the marks of a quote candidate."""
        index = bisect_right(self._quote_starts, offset) - 1
        return index >= 0 and offset < self.candidates[index].close_end

    def in_furniture(self, start: int, end: int) -> bool:
        """Return True when ``[start, end)`` lies on a furniture line (menu, timestamp)."""
        index = bisect_right(self._furniture_starts, start) - 1
        return index >= 0 and end <= self.furniture[index][1] + 1
