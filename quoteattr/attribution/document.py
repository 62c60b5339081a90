"""The document-level attribution algorithm: every quotation of a parsed document, in order.

Direct quotes and blocks are attributed first (:mod:`quoteattr.attribution.direct`), then
reported speech (:mod:`quoteattr.attribution.indirect`); :mod:`quoteattr.attribution.combine`
merges the two; passages announced by an outlet ("Reuters rapporte :") pass it on to their
quotes; relays carry over (:mod:`quoteattr.attribution.relays`).
"""

from __future__ import annotations

from bisect import bisect_left

from quoteattr.attribution.combine import combine
from quoteattr.attribution.context import DocumentContext
from quoteattr.attribution.direct import attribute_quote
from quoteattr.attribution.findings import Finding
from quoteattr.attribution.indirect import find_reported
from quoteattr.attribution.relays import carry_relays
from quoteattr.attribution.verbs import reporting_verb_at
from quoteattr.lexicons import active_lexicon
from quoteattr.models import QuoteKind
from quoteattr.outlets import OutletMention
from quoteattr.rules.blocks import find_blocks
from quoteattr.rules.layout import is_timestamp_line

_FURNITURE_FACTOR = 0.3
_PASSAGE_PARAGRAPHS = 3


def find_findings(ctx: DocumentContext) -> list[Finding]:
    """Return every quotation of a document, attributed, in document order."""
    blocks = find_blocks(ctx.text, ctx.candidates)
    spans: list[tuple[int, int, int, int, QuoteKind]] = [
        (c.start, c.end, c.open_start, c.close_end, "direct") for c in ctx.candidates]
    spans += [(b.start, b.end, b.start, b.end, "block") for b in blocks if not b.marked]
    announcers: list[tuple[int, int, tuple[OutletMention, ...]]] = []
    for block in (b for b in blocks if b.marked):
        cue = attribute_quote(ctx, block.start, block.end, block.start, block.end, "block")
        if cue.verb is not None and cue.verb.entry.relay and cue.relays:
            announcers.append((block.start, _passage_end(ctx, block.end), cue.relays))
    for start, end, open_start, close_end, kind in sorted(spans):
        finding = attribute_quote(ctx, start, end, open_start, close_end, kind)
        if kind == "block" and (finding.cue not in {"colon", "noun"} or _narrates(ctx, start, end)):
            if finding.verb is not None and finding.verb.entry.relay and finding.relays:
                announcers.append((start, _passage_end(ctx, end), finding.relays))
            continue
        if ctx.in_furniture(open_start, close_end):
            finding = finding.but(confidence=finding.confidence * _FURNITURE_FACTOR).cite("page_furniture")
        ctx.findings.append(finding)
    direct = list(ctx.findings)
    reported = [r for r in find_reported(ctx) if not ctx.in_furniture(r.start, r.end)]
    findings = combine(ctx, direct, reported)
    starts = [f.start for f in findings]
    for start, end, relays in announcers:
        for index in range(bisect_left(starts, start), bisect_left(starts, end)):
            if findings[index].end <= end:
                findings[index] = _announced(findings[index], relays)
    findings = carry_relays(ctx.text, ctx.parse, ctx.paragraph_index, findings)
    return [f.cite("no_speaker") if f.speaker is None else f for f in findings]


def _announced(finding: Finding, relays: tuple[OutletMention, ...]) -> Finding:
    """Return a finding of a passage announced by ``relays`` ("Reuters rapporte :"), with them first."""
    names = {r.name for r in finding.relays}
    carried = tuple(r for r in relays if r.name not in names)
    return finding.but(relays=carried + finding.relays).cite("passage_announcer")


def _passage_end(ctx: DocumentContext, end: int) -> int:
    """Return where a passage announced by "Reuters rapporte :" ends.

    It runs over the following paragraphs up to the next timestamp or update line (a live
    blog's next post), at most a few paragraphs.
    """
    index = ctx.paragraph_index(end)
    for paragraph in ctx.paragraphs[index + 1:index + 1 + _PASSAGE_PARAGRAPHS]:
        if is_timestamp_line(ctx.text[paragraph.start:paragraph.end].split("\n", 1)[0]):
            break
        end = paragraph.end
    return end


def _narrates(ctx: DocumentContext, start: int, end: int) -> bool:
    """Return True when a block holds quote marks or a report: it is prose, not speech."""
    if any(start <= c.open_start < end for c in ctx.candidates):
        return True
    parse = ctx.parse
    for i in parse.tokens_between(start, end):
        if parse.tokens[i].pos == "VERB" and reporting_verb_at(parse, i) is not None:
            following = parse.tokens[i + 1:i + 4]
            if any(t.text.lower() in active_lexicon().que_forms for t in following):
                return True
    return False
