"""Relaying outlets: which agencies, papers or platforms a quote reached the reader through.

Outlets are found by gazetteer (parsers tag agency names badly) inside the cue's own stretch
of text, and ordered from the outlet nearest the reader to the one nearest the speaker:
relaying subjects ("rapporte Reuters", "selon Interfax", "cité par Reuters") first, then
outlets that are cited ("citant Tass"), then the outlets the speaker spoke to ("a déclaré à
l'AFP", "sur Europe 1").
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from quoteattr.outlets import OutletMatcher

_CITING = regex.compile(r"citant\s+(?:[^\s,.;:]+\s+){0,6}$", regex.IGNORECASE)
_ADDRESSEE = regex.compile(
    r"(?:\b(?:à|au|aux|sur|dans|devant)\s+(?:[^\s,.;:]+\s+){0,6}|\b[àa]\s*l['’](?:[^\s,.;:]+\s+){0,6})$",
    regex.IGNORECASE,
)
_RELAYING = regex.compile(
    r"\b(?:selon|d['’]après|cité(?:e|s|es)?\s+par|rapporte|a\s+rapporté)\s+(?:[^\s,.;:]+\s+){0,3}$",
    regex.IGNORECASE,
)
_PLATFORM_CUE = regex.compile(
    r"(?:\b(?:sur|via)\s+(?:son\s+compte\s+|sa\s+chaîne\s+|sa\s+page\s+|le\s+réseau\s+social\s+"
    r"|la\s+plateforme\s+|l['’]application\s+)?"
    r"|\b(?:chaîne|canal|compte|page|message|messagerie|publication|vidéo|réseau\s+social|plateforme)"
    r"(?:\s+officiel(?:le)?)?\s+)$",
    regex.IGNORECASE)
_ADJACENT = 3
_BROADCAST = regex.compile(
    r"\b(?:retransmise?s?|diffusée?s?|publiée?s?|relayée?s?)\s+(?:en\s+direct\s+)?(?:à|sur|par|dans)\s+[^.;:]{0,40}$",
    regex.IGNORECASE)


def _rank(text: str, start: int) -> int:
    """Return 0 for a relaying outlet, 1 for a cited one, 2 for the speaker's addressee."""
    before = text[max(0, start - 60):start]
    if _RELAYING.search(before):
        return 0
    if _CITING.search(before):
        return 1
    if _ADDRESSEE.search(before):
        return 2
    return 0


def _named_outlets(text: str, matcher: OutletMatcher, regions: Sequence[tuple[int, int]],
                   excluded: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Return the outlet hits of ``regions``, without a generic mention that a name follows.

    "la télévision publique ukrainienne Suspilne" is Suspilne, not a second outlet.
    """
    hits = []
    for region_start, region_end in regions:
        for start, end, name in matcher.find(text, region_start, region_end):
            if any(s <= start < e for s, e in excluded):
                continue
            if matcher.kind(name) == "platform" and not _PLATFORM_CUE.search(text[max(0, start - 40):start]):
                continue
            hits.append((start, end, name))
    kept = []
    for number, hit in enumerate(hits):
        following = hits[number + 1] if number + 1 < len(hits) else None
        named_next = following is not None and following[2] != hit[2] and 0 <= following[0] - hit[1] <= _ADJACENT
        if not (named_next and matcher.kind(hit[2]) == "generic"):
            kept.append(hit)
    return kept


def find_relays(text: str, matcher: OutletMatcher, regions: Sequence[tuple[int, int]],
                excluded: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
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
    return [(start, end, name) for _, start, end, name in found]


def find_broadcast(text: str, matcher: OutletMatcher, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return the outlets that broadcast a speech, named just before its cue.

    "… réunion retransmise à la télévision d'État russe. Le président a déclaré :" — the
    speech that follows reached the reader through that broadcaster.
    """
    found = []
    for outlet_start, outlet_end, name in matcher.find(text, start, end):
        if _BROADCAST.search(text, max(start, outlet_start - 80), outlet_start):
            found.append((outlet_start, outlet_end, name))
    return found
