"""Relaying outlets: which agencies, papers or platforms a quote reached the reader through.

Outlets are found by gazetteer (parsers tag agency names badly) inside the cue's own stretch
of text, and ordered from the outlet nearest the reader to the one nearest the speaker:
relaying subjects ("rapporte Reuters", "selon Interfax", "cité par Reuters") first, then
outlets that are cited ("citant Tass"), then the outlets the speaker spoke to ("a déclaré à
l'AFP", "sur Europe 1").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quoteattr.attribution.findings import Finding
from quoteattr.lexicons import active_lexicon
from quoteattr.outlets import OutletMatcher, OutletMention
from quoteattr.parse.base import Parse

_ADJACENT = 3


def _rank(text: str, start: int) -> int:
    """Return 0 for a relaying outlet, 1 for a cited one, 2 for the speaker's addressee."""
    before = text[max(0, start - 60):start]
    if active_lexicon().relaying_pattern.search(before):
        return 0
    if active_lexicon().citing_pattern.search(before):
        return 1
    if active_lexicon().addressee_pattern.search(before):
        return 2
    return 0


def _named_outlets(text: str, matcher: OutletMatcher, regions: Sequence[tuple[int, int]],
                   excluded: Sequence[tuple[int, int]]) -> list[OutletMention]:
    """Return the outlet hits of ``regions``, without a generic mention that a name follows.

    "la télévision publique ukrainienne Suspilne" is Suspilne, not a second outlet.
    """
    hits = []
    for region_start, region_end in regions:
        for hit in matcher.find(text, region_start, region_end):
            if any(s <= hit.start < e for s, e in excluded):
                continue
            if matcher.kind(hit.name) == "platform" and not active_lexicon().platform_cue_pattern.search(text[max(0, hit.start - 40):hit.start]):
                continue
            hits.append(hit)
    kept = []
    for number, hit in enumerate(hits):
        following = hits[number + 1] if number + 1 < len(hits) else None
        named_next = following is not None and following[2] != hit[2] and 0 <= following[0] - hit[1] <= _ADJACENT
        if not (named_next and matcher.kind(hit[2]) == "generic"):
            kept.append(hit)
    return kept


def find_relays(text: str, matcher: OutletMatcher, regions: Sequence[tuple[int, int]],
                excluded: Sequence[tuple[int, int]] = ()) -> list[OutletMention]:
    """Return ``(start, end, name)`` of the outlets in ``regions``, ordered as a relay chain.

    Each outlet comes once; one described then named ("l'agence officielle iranienne Irna")
    takes the span of its name. A platform needs a platform cue ("sur X", "son compte
    Instagram").

    Args:
        text: the document.
        matcher: the outlet gazetteer.
        regions: character ranges of the cue (outside the quoted words).
        excluded: ranges to ignore inside the regions (the quoted words themselves).
    """
    chosen: dict[str, tuple[int, int, int]] = {}
    for start, end, name in _named_outlets(text, matcher, regions, excluded):
        earlier = chosen.get(name)
        if earlier is None:
            chosen[name] = (_rank(text, start), start, end)
        elif start - earlier[2] <= _ADJACENT:
            chosen[name] = (earlier[0], start, end)
    found = sorted((rank, start, end, name) for name, (rank, start, end) in chosen.items())
    return [OutletMention(start, end, name) for _, start, end, name in found]


def find_broadcast(text: str, matcher: OutletMatcher, start: int, end: int) -> list[OutletMention]:
    """Return the outlets that broadcast a speech, named just before its cue.

    "… réunion retransmise à la télévision d'État russe. Le président a déclaré :" — the
    speech that follows reached the reader through that broadcaster.
    """
    found = []
    for outlet in matcher.find(text, start, end):
        if active_lexicon().broadcast_pattern.search(text, max(start, outlet.start - 80), outlet.start):
            found.append(outlet)
    return found


def carry_relays(text: str, parse: Parse, paragraph_of: Callable[[int], int],
                 findings: Sequence[Finding]) -> list[Finding]:
    """Return the findings, a quote given the relaying outlets of the quote just before it when they share a speaker.

    "Selon l'agence Tass, le ministre a expliqué que …. Il a ajouté que …": the second report
    reached the reader through Tass too. Only an outlet that frames the previous quote, named
    before it by "selon" or "d'après", carries (not "…, rapporte Kyodo" after it, nor an outlet
    the speaker spoke to, "a dit à l'AFP"); it carries to a quote with a cue of its own ("Il a ajouté") and no relays, in the
    same or the next sentence of the same paragraph, whose speaker is a pronoun or has the
    previous speaker's name, when the previous speaker is not the outlet itself (a cue-less
    continuation keeps the relays its own sentence names). ``paragraph_of`` gives the paragraph index
    of an offset.
    """
    carried = list(findings[:1])
    for finding in findings[1:]:
        previous = carried[-1]
        carried.append(finding)
        framing = active_lexicon().framing_pattern
        relaying = tuple(r for r in previous.relays
                         if r.end <= previous.start and framing.search(text[max(0, r.start - 60):r.start]))
        if finding.relays or finding.cue == "none" or not relaying or previous.speaker is None \
                or finding.speaker is None:
            continue
        if previous.speaker.name in {r.name for r in relaying} \
                or paragraph_of(previous.start) != paragraph_of(finding.start):
            continue
        gap = parse.tokens[parse.token_at(finding.start)].sent - parse.tokens[parse.token_at(previous.start)].sent
        same = finding.speaker.kind == "pronoun" or finding.speaker.name == previous.speaker.name
        if same and 0 <= gap <= 1:
            carried[-1] = finding.but(relays=relaying).cite("relay_carried")
    return carried
