"""Paragraphs, timestamp lines and page furniture, on strings only."""

from __future__ import annotations

import pytest

from quoteattr.rules.layout import furniture_ranges, is_timestamp_line, paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un.\n\nDeux.", ["Un.", "Deux."]),
        ("  Un. \n \n\n Deux.\n", ["Un.", "Deux."]),
        ("Un.\nsuite du même paragraphe.\n\nDeux.", ["Un.\nsuite du même paragraphe.", "Deux."]),
        ("Un.\r\n\r\nDeux.", ["Un.", "Deux."]),
        ("Un.\r\rDeux.", ["Un.", "Deux."]),
        ("Un.\n\u00a0\nDeux.", ["Un.", "Deux."]),
        ("Un seul paragraphe.", ["Un seul paragraphe."]),
        ("", []),
        ("  \n\n \t ", []),
    ],
)
def test_layout_paragraphs_split_at_blank_lines(text: str, expected: list[str]) -> None:
    assert [text[p.start:p.end] for p in paragraphs(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["Un.\n\nDeux.\n\n\nTrois.", "\n\n  Un.\n\n", "Un.\r\n\r\nDeux."],
)
def test_layout_paragraphs_are_stripped_and_in_order(text: str) -> None:
    found = paragraphs(text)
    assert [p.start for p in found] == sorted(p.start for p in found)
    for paragraph in found:
        assert paragraph.start < paragraph.end
        chunk = text[paragraph.start:paragraph.end]
        assert chunk == chunk.strip()
    for left, right in zip(found, found[1:]):
        assert left.end < right.start


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("07h42 CEST", True),
        ("07h42", True),
        ("7:42", True),
        ("Mis à jour à 07h42 CEST", True),
        ("mis à jour le 3 mars à 12h10", True),
        ("il y a 10 min 05.02 HAE", True),
        ("Il y a 2 heures", True),
        ("Publié le 3 mars 2024 à 10h00", True),
        ("  07h42 CEST  ", True),
        ("Le 07h42 est parti en retard de Lyon.", False),
        ("Le ministre a déclaré que la situation était stable.", False),
        ("Mis à jour " + "x" * 130, False),
        ("2024", False),
        ("", False),
    ],
)
def test_layout_is_timestamp_line(line: str, expected: bool) -> None:
    assert is_timestamp_line(line) is expected


PAGE = (
    "Accueil\nPolitique\nÉconomie\nSport\n\n"
    "Le gouvernement a présenté son budget mercredi.\n"
    "07h42 CEST\n"
    "Le texte sera examiné au Parlement en octobre.\n\n"
    "Mis à jour à 08h10 CEST\n"
    "Les députés de l'opposition ont annoncé un recours.\n"
    "Un titre court\nUn autre titre\n"
)


def _covered(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Return True when one range covers ``[start, end)``."""
    return any(s <= start and end <= e for s, e in ranges)


def _touched(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Return True when some range overlaps ``[start, end)``."""
    return any(s < end and start < e for s, e in ranges)


@pytest.mark.parametrize(
    "line",
    ["Accueil", "Politique", "Économie", "Sport", "07h42 CEST", "Mis à jour à 08h10 CEST"],
)
def test_layout_furniture_covers_menus_and_timestamps(line: str) -> None:
    ranges = furniture_ranges(PAGE)
    start = PAGE.index(line)
    assert _covered(ranges, start, start + len(line))


@pytest.mark.parametrize(
    "line",
    [
        "Le gouvernement a présenté son budget mercredi.",
        "Le texte sera examiné au Parlement en octobre.",
        "Les députés de l'opposition ont annoncé un recours.",
        # two short lines are not yet a list
        "Un titre court",
        "Un autre titre",
    ],
)
def test_layout_furniture_leaves_prose_alone(line: str) -> None:
    ranges = furniture_ranges(PAGE)
    start = PAGE.index(line)
    assert not _touched(ranges, start, start + len(line))


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Premier titre\n-\nDeuxième titre\n•\nTroisième titre\n", "-"),
        ("Politique | Monde | Sport | Culture\nLe ministre est arrivé à Lyon mardi.", "Politique | Monde | Sport | Culture"),
        ("Lire aussi : La réforme des retraites expliquée en cinq points\nLe ministre est arrivé à Lyon mardi.",
         "La réforme des retraites expliquée en cinq points"),
    ],
)
def test_layout_furniture_covers_separators_menu_bars_and_related_links(text: str, line: str) -> None:
    start = text.index(line)
    assert _covered(furniture_ranges(text), start, start + len(line))


@pytest.mark.parametrize(
    "text",
    [PAGE, "", "Une seule phrase.", "a\nb\nc\nd\n\ne.\n07h42\n"],
)
def test_layout_furniture_ranges_are_sorted_and_within_text(text: str) -> None:
    ranges = furniture_ranges(text)
    assert ranges == sorted(ranges)
    for start, end in ranges:
        assert 0 <= start < end <= len(text)


def test_layout_furniture_covers_the_lines_under_a_related_links_heading() -> None:
    # a heading alone on its line, then headlines (one ending in "?") up to a blank line
    text = ("Le ministre a visité l'hôpital mardi.\n\nLire aussi\n« Grippe : faut-il remettre le masque ? »\n"
            "Urgences : les soignants dénoncent un « hiver noir »\n\nLa visite a duré deux heures.")
    ranges = furniture_ranges(text)
    headline = text.index("Urgences")
    assert _covered(ranges, headline, text.index("\n\nLa visite"))
    assert not _touched(ranges, text.index("La visite"), len(text))
    assert not _touched(ranges, 0, text.index("\n\nLire"))
