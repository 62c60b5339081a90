"""An HTML view of an article with its quotes, speakers, verbs and outlets highlighted.

``render(text, quotes)`` returns a self-contained page fragment (styles and a legend
included). The text is cut at every span boundary into segments, and each segment is wrapped
in one element per span that covers it, so overlapping spans (an outlet that is also the
speaker) still give well-formed HTML. Hovering a quote shows its speaker, verb, outlets,
confidence and evidence. In Jupyter the result displays itself.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from quoteattr.models import Quote

_STYLE = """<style>
.qa-article{font-family:Georgia,serif;line-height:1.6;white-space:pre-wrap;max-width:48em}
.qa-quote{background:#fff3b0}
.qa-quote.qa-low{background:#eeeeee}
.qa-speaker{background:#cde8ff;border-bottom:2px solid #1f6fb2}
.qa-verb{background:#d8f5d0;border-bottom:2px dotted #2e7d32}
.qa-outlet{background:#f9d5e5;border-bottom:2px dashed #ad1457}
.qa-legend{font-family:sans-serif;font-size:.85em;margin:.5em 0}
.qa-legend span{padding:0 .4em;margin-right:.6em}
</style>"""
_LEGEND = ('<div class="qa-legend"><span class="qa-quote">quote</span><span class="qa-speaker">speaker</span>'
           '<span class="qa-verb">reporting verb</span><span class="qa-outlet">outlet</span>'
           '<span class="qa-quote qa-low">below the threshold</span></div>')


class HtmlView(str):
    """An HTML string that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        """Return the HTML itself, for Jupyter's rich display."""
        return str(self)


@dataclass(frozen=True)
class _Mark:
    """One highlighted span: where it is, its CSS class and its hover text."""

    start: int
    end: int
    css: str
    title: str
    quote: int


def _describe(quote: Quote) -> str:
    """Return the hover text of a quote."""
    speaker = quote.speaker.name if quote.speaker else "no speaker"
    role = f" ({quote.speaker.role})" if quote.speaker and quote.speaker.role else ""
    parts = [f"{quote.kind} quote — {speaker}{role}"]
    if quote.verb is not None:
        parts.append(f"verb: {quote.verb.lemma} ({quote.verb.stance})")
    if quote.relayed_by:
        parts.append("relayed by: " + " ← ".join(s.name for s in quote.relayed_by))
    parts.append(f"confidence: {quote.confidence:.2f}")
    if quote.evidence:
        parts.append("evidence: " + ", ".join(quote.evidence))
    return "\n".join(parts)


def _marks(quotes: Sequence[Quote], threshold: float) -> list[_Mark]:
    """Return the highlighted spans of every quote."""
    marks = []
    for number, quote in enumerate(quotes):
        low = " qa-low" if quote.confidence < threshold else ""
        marks.append(_Mark(quote.start, quote.end, f"qa-quote{low}", _describe(quote), number))
        if quote.speaker is not None:
            marks.append(_Mark(quote.speaker.start, quote.speaker.end, "qa-speaker",
                               f"speaker: {quote.speaker.name} ({quote.speaker.kind})", number))
        if quote.verb is not None:
            marks.append(_Mark(quote.verb.start, quote.verb.end, "qa-verb", f"verb: {quote.verb.lemma}", number))
        for source in quote.relayed_by:
            marks.append(_Mark(source.start, source.end, "qa-outlet", f"outlet: {source.name}", number))
    return [m for m in marks if m.start < m.end]


def render(text: str, quotes: Sequence[Quote], *, threshold: float = 0.5) -> HtmlView:
    """Return ``text`` as HTML with ``quotes`` highlighted, with a legend.

    Args:
        text: the text the quotes were extracted from (their offsets point into it).
        quotes: the quotes, e.g. ``quoteattr.extract(text)``.
        threshold: quotes below this confidence are shown greyed.

    Raises:
        ValueError: a span does not fit in ``text`` (the quotes are of another text).
    """
    marks = _marks(quotes, threshold)
    for mark in marks:
        if mark.end > len(text):
            raise ValueError(f"a span ends at {mark.end}, past the end of the text ({len(text)} characters): "
                             "were these quotes extracted from this text?")
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    waiting = sorted(marks, key=lambda m: m.start)
    taken = 0
    active: list[_Mark] = []
    pieces = [_STYLE, _LEGEND, '<div class="qa-article">']
    for start, end in zip(cuts, cuts[1:]):
        while taken < len(waiting) and waiting[taken].start <= start:
            active.append(waiting[taken])
            taken += 1
        active = [m for m in active if m.end > start]
        segment = html.escape(text[start:end])
        for mark in sorted(active, key=lambda m: (m.end - m.start, m.css)):
            title = html.escape(mark.title, quote=True)
            segment = f'<span class="{mark.css}" data-quote="{mark.quote}" title="{title}">{segment}</span>'
        pieces.append(segment)
    pieces.append("</div>")
    return HtmlView("".join(pieces))
