"""Merging direct and reported findings into one list: mixed quotes, nested reports, drops."""

from __future__ import annotations

from bisect import bisect_left

import regex

from quoteattr.attribution.context import DocumentContext
from quoteattr.attribution.findings import Finding
from quoteattr.attribution.speakers import resolve
from quoteattr.lexicons import active_lexicon
from quoteattr.parse.base import Parse

_CLOSING = " \t\u00a0\u202f»”\".,;!?…"
_CLAUSE_BREAK = regex.compile(r"[.!?…:](?:[\s\u00a0\u202f»”\"]|$)")


def combine(ctx: DocumentContext, direct: list[Finding], reported: list[Finding]) -> list[Finding]:
    """Merge direct and reported findings: a report that holds a quoted fragment is mixed.

    A report is dropped when its verb is a direct quote's incise or the cue of a direct quote
    outside it (not when the report comes before the colon that opens the quote: "X a précisé
    que … : « … »"), when it cuts across a direct quote, or when a direct quote with a cue of
    its own fills most of it. A third party's report to the speaker inside a direct quote ("« Le
    préfet m'a assuré que la digue tiendrait », a raconté le maire") is a quote of its own,
    with no relay; the direct quote stays whole.
    """
    parse = ctx.parse
    direct_verbs: dict[int, list[Finding]] = {}
    for finding in direct:
        if finding.verb is not None:
            direct_verbs.setdefault(finding.verb.head, []).append(finding)
    starts = [d.start for d in direct]
    absorbed: set[int] = set()
    results = []
    for report in reported:
        if report.verb is not None and any(
                claims_verb(parse, d, report) and not (d.cue == "colon" and report.end < d.start)
                for d in direct_verbs.get(report.verb.head, ())):
            continue
        first = bisect_left(starts, report.start)
        inside = []
        crossing = first > 0 and direct[first - 1].end > report.start
        if crossing and _nested_in(parse, direct[first - 1], report):
            results.append(_nested(ctx, direct[first - 1], report))
            continue
        for index in range(first, bisect_left(starts, report.end)):
            if direct[index].end <= report.end:
                inside.append(index)
            else:
                crossing = True
        if crossing:
            continue
        if inside:
            if any(direct[i].cue != "none" and direct[i].end - direct[i].start > 0.8 * (report.end - report.start)
                   for i in inside):
                continue
            report = report.but(kind="mixed", confidence=max(report.confidence, 0.8 if report.speaker else 0.45))
            report = report.cite("mixed_fragment")
            absorbed.update(inside)
        results.append(report)
    kept_direct = [d for i, d in enumerate(direct) if i not in absorbed]
    return sorted(kept_direct + results, key=lambda f: (f.start, f.end))


def _nested_in(parse: Parse, quote: Finding, report: Finding) -> bool:
    """Return True when ``report`` is a third party's report to the speaker inside the direct
    ``quote``: "m'a dit que", "nous avaient assuré que" (the clitic names the speaker as the
    one told; the reporter is someone else)."""
    if not (quote.start <= report.start and _end_inside(parse, quote, report)) or report.verb is None \
            or report.speaker is None:
        return False
    mention = report.speaker.mention
    first = report.verb.first
    while first > 0 and parse.tokens[first - 1].pos == "AUX":
        first -= 1
    told = first > 0 and parse.tokens[first - 1].text.lower() in active_lexicon().told_clitics
    return told and quote.start <= parse.tokens[report.verb.first].start < quote.end \
        and parse.text[mention.start:mention.end].lower() not in active_lexicon().first_and_second_person


def _end_inside(parse: Parse, quote: Finding, report: Finding) -> bool:
    """Return True when a report ends inside a quote, or runs on over its closing mark only."""
    return report.end <= quote.end or not parse.text[quote.end:report.end].strip(_CLOSING)


def _nested(ctx: DocumentContext, quote: Finding, report: Finding) -> Finding:
    """Return a report nested in a direct quote, with no relay and a pronoun subject that is
    not the quote's own speaker ("« Il m'a dit que … », a raconté Odette": "il" is not her)."""
    report = report.but(relays=(), end=min(report.end, quote.end))
    speaker = report.speaker
    if speaker is not None and quote.speaker is not None and speaker.rule == "pronoun_antecedent" \
            and speaker.name == quote.speaker.name:
        head = ctx.parse.token_at(speaker.mention.start)
        other = resolve(ctx.parse, head, ctx.table, [], frozenset({quote.speaker.name}))
        evidence = tuple(n for n in report.evidence if n != speaker.rule)
        report = report.but(speaker=other, evidence=evidence).cite(other.rule)
    return report.cite("nested_report")


def claims_verb(parse: Parse, direct: Finding, report: Finding) -> bool:
    """Return True when a direct quote that shares a report's verb keeps the verb to itself.

    It does when the quote lies outside the report, or when the verb is its incise and the
    report's words before the quote are not one clause with it (a sentence end or a colon
    between them: "Grippe : « … », prévient X"). Otherwise the report is one mixed quote:
    a quoted object ("a appelé à « ne rien lâcher » jusqu'au vote") or a clause that ends
    with a fragment before the incise ("X est mort « des suites d'une maladie », a révélé Y").
    """
    if not (report.start <= direct.start and direct.end <= report.end):
        return True
    incise = direct.verb is not None and parse.tokens[direct.verb.first].start >= direct.end
    return incise and _CLAUSE_BREAK.search(parse.text, report.start, direct.start) is not None
