"""Completing a finding once its speaker and verb are known: relays, modality, recency."""

from __future__ import annotations

from bisect import bisect_left

from quoteattr.attribution.context import DocumentContext
from quoteattr.attribution.findings import Finding
from quoteattr.attribution.mentions import Mention
from quoteattr.attribution.relays import find_relays
from quoteattr.attribution.speakers import ResolvedSpeaker
from quoteattr.attribution.verbs import hedged, negated
from quoteattr.lexicons import active_lexicon
from quoteattr.outlets import OutletMention

_CONTINUATION_SENTENCES = 4


def _outlet_speaker(ctx: DocumentContext, speaker: ResolvedSpeaker) -> list[OutletMention]:
    """Return the outlet a speaker mention names, if the speaker is an outlet.

    An outlet that starts inside the mention counts even when it runs past it: a parser may
    cut "le Global Times" after "Global". One that complements another noun of the mention
    ("la correspondante de la chaîne France 24", "un porte-parole de Reuters") does not make
    the speaker an outlet; "l'agence de presse russe Tass" does.
    """
    mention = speaker.mention
    found = ctx.outlets.find(ctx.text, mention.start, min(len(ctx.text), mention.end + 20))
    return [o for o in found if o.start < mention.end and not _employer(ctx, speaker, o.start)]


def _employer(ctx: DocumentContext, speaker: ResolvedSpeaker | None, start: int) -> bool:
    """Return True when the outlet at ``start`` complements a noun of the speaker's mention.

    "La correspondante de la chaîne France 24, Sonia Dridi, affirme …": France 24 employs
    the speaker; it neither speaks nor relays.
    """
    if speaker is None or not speaker.mention.start <= start < speaker.mention.end:
        return False
    return active_lexicon().complement_pattern.search(ctx.text, speaker.mention.start, start + 1) is not None


def complete(ctx: DocumentContext, finding: Finding, regions: list[tuple[int, int]]) -> Finding:
    """Add relays, modality and an outlet speaker's kind to a finding, and return it.

    The relays are the outlets found in ``regions`` (the cue's stretch of text). An outlet
    named as the speaker is also the first relay; a cue with no speaker but an outlet takes
    the outlet as its speaker.
    """
    excluded = [(finding.start, finding.end)]
    relays = [relay for relay in find_relays(ctx.text, ctx.outlets, regions, excluded)
              if not _employer(ctx, finding.speaker, relay.start)]
    finding = finding.but(relays=tuple(relays))
    if relays:
        finding = finding.cite("relay_cue")
    if finding.speaker is not None:
        named = [o for o in _outlet_speaker(ctx, finding.speaker) if ctx.outlets.kind(o.name) != "platform"]
        if named:
            outlet = named[0]
            speaker = ResolvedSpeaker(finding.speaker.mention, outlet.name, None, "organization", "outlet_speaker")
            if all(r.name != outlet.name for r in relays):
                relays.insert(0, outlet)
            finding = finding.but(speaker=speaker, relays=tuple(relays)).cite("outlet_speaker")
    if finding.speaker is None and relays and finding.cue != "none":
        start, end, name = relays[0]
        mention = Mention(start, end, name, None, "organization", "", named=True)
        speaker = ResolvedSpeaker(mention, name, None, "organization", "outlet_speaker")
        finding = finding.but(speaker=speaker).cite("outlet_speaker")
    if finding.verb is not None:
        finding = finding.but(negated=negated(ctx.parse, finding.verb.head),
                              hedged=hedged(ctx.parse, finding.verb.head))
    return finding


def recent_speakers(ctx: DocumentContext, position: int) -> list[str]:
    """Return the speaker of the last attributed quote before ``position``, when recent enough.

    Only a quote that starts before ``position`` counts: reported speech is attributed after
    every direct quote of the document is known, and a pronoun's antecedent always comes
    before it.
    """
    parse = ctx.parse
    here = parse.token_at(position)
    before = bisect_left(ctx.findings, position, key=lambda f: f.start)
    if here < 0 or before == 0:
        return []
    last = ctx.findings[before - 1]
    if last.speaker is None or last.speaker.kind != "person":
        return []
    there = parse.token_at(last.start)
    if there < 0 or parse.tokens[here].sent - parse.tokens[there].sent > _CONTINUATION_SENTENCES:
        return []
    return [last.speaker.name]
