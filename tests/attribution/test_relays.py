"""Relaying outlets: gazetteer matches in the cue, ordered from the reader to the speaker."""

from __future__ import annotations

import pytest

from quoteattr.attribution.relays import find_relays
from quoteattr.lexicons import default_outlets
from quoteattr.outlets import OutletMatcher

MATCHER = OutletMatcher(default_outlets())


def relays(text: str, excluded: list[tuple[int, int]] | None = None) -> list[tuple[str, str]]:
    """Return ``(text, name)`` of each relay found in the whole of ``text``."""
    found = find_relays(text, MATCHER, [(0, len(text))], excluded or [])
    for start, end, _ in found:
        assert 0 <= start < end <= len(text)
    return [(text[s:e], name) for s, e, name in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (", rapporte l'agence de presse russe Tass.", [("Tass", "Tass")]),
        (", a-t-il déclaré à l'AFP.", [("AFP", "AFP")]),
        (", a affirmé Sergueï Lavrov, selon Interfax.", [("Interfax", "Interfax")]),
        (", rapportent les agences de presse russes.", [("agences de presse russes", "agences de presse russes")]),
        (", a déclaré la porte-parole sur France Inter.", [("France Inter", "France Inter")]),
        (", a déclaré Ouchakov, cité par l'Agence France-Presse.", [("Agence France-Presse", "AFP")]),
        (", a confié au Parisien la secrétaire générale.", [("Parisien", "Le Parisien")]),
        (", a indiqué l'agence Anadolu.", [("Anadolu", "Anadolu")]),
        (", rapporte la télévision d'Etat russe.", [("télévision d'Etat russe", "télévision d'État russe")]),
        # a generic mention followed by the outlet's name is that outlet
        (", rapporte la télévision publique ukrainienne Suspilne.", [("Suspilne", "Suspilne")]),
        (", a rapporté l'agence de presse russe Tass.", [("Tass", "Tass")]),
        # a description then the name of the same outlet: the name's span
        (", selon l'agence officielle iranienne Irna.", [("Irna", "IRNA")]),
        # a relaying subject first, then the outlet it cites, then the speaker's addressee
        (", a déclaré Ouchakov à l'AFP, rapporte Reuters, citant Tass.",
         [("Reuters", "Reuters"), ("Tass", "Tass"), ("AFP", "AFP")]),
    ],
)
def test_relays_found_and_ordered_from_reader_to_speaker(text: str, expected: list[tuple[str, str]]) -> None:
    assert relays(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (", a-t-il écrit sur X.", [("X", "X")]),
        (", a-t-elle écrit sur son compte Telegram.", [("Telegram", "Telegram")]),
        # the name the text gives: Twitter is not rewritten to X
        (", a-t-il écrit sur Twitter.", [("Twitter", "Twitter")]),
        (", a-t-elle écrit sur son compte Instagram.", [("Instagram", "Instagram")]),
        (", a déclaré le ministre sur la plateforme X.", [("X", "X")]),
        (", selon la chaîne Telegram Baza.", [("Telegram", "Telegram")]),
        # a platform name that is only a letter or a word of the sentence is no outlet
        (", a dit X Dupont.", []),
        (", a déclaré le ministre dans un long message.", []),
        (", a annoncé Facebook.", []),
    ],
)
def test_relays_platforms_need_a_platform_cue(text: str, expected: list[tuple[str, str]]) -> None:
    assert relays(text) == expected


@pytest.mark.parametrize(
    "text",
    [", a dit Marc à l'AFPX.", ", a dit le journal TassNews.", ", a dit un reuters.",
     ", a dit Michael Bloomberg.", ", a dit Marianne Dupont."],
)
def test_relays_match_whole_words_only(text: str) -> None:
    assert relays(text) == []


def test_relays_each_outlet_once() -> None:
    assert relays(", selon Reuters, qui cite une source proche de Reuters.") == [("Reuters", "Reuters")]


def test_relays_excluded_ranges_are_ignored() -> None:
    text = "« Tass ment », a-t-il dit à Reuters."
    assert relays(text, [(2, 11)]) == [("Reuters", "Reuters")]


def test_relays_selon_outlet_leads_the_speakers_addressee() -> None:
    text = ", a déclaré le ministre à Europe 1 selon Le Monde."
    assert relays(text) == [("Le Monde", "Le Monde"), ("Europe 1", "Europe 1")]
