"""The outlet matcher: accent-insensitive whole-word mentions, safe case variants and guards."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr.lexicons import OutletEntry, default_outlets, load_outlets
from quoteattr.outlets import OutletMatcher, OutletMention, fold

MATCHER = OutletMatcher(default_outlets())


def found(text: str) -> list[tuple[str, str]]:
    """Return ``(text as written, canonical name)`` of each outlet mention in ``text``."""
    hits = MATCHER.find(text)
    for start, end, _ in hits:
        assert 0 <= start < end <= len(text)
    return [(text[s:e], name) for s, e, name in hits]


@pytest.mark.parametrize("text", ["d'État", "télévision d’État russe", "Les Échos", "Agence\u00a0France", "œuvre"])
def test_outlets_fold_keeps_the_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(("text", "expected"),
                         [("d'État", "d'Etat"), ("l’AFP", "l'AFP"), ("Ouest\u2011France", "Ouest-France")])
def test_outlets_fold_drops_accents_and_plain_marks(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("selon l'Agence France-Presse", [("Agence France-Presse", "AFP")]),
        ("selon l'agence France Presse", [("agence France Presse", "AFP")]),
        ("citant Itar-Tass et Reuters", [("Itar-Tass", "Tass"), ("Reuters", "Reuters")]),
        ("la télévision d'État russe", [("télévision d'État russe", "télévision d'État russe")]),
        ("un reportage de TassNews", []),
    ],
)
def test_outlets_longest_whole_mentions_win(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # accents, curly apostrophes and no-break spaces do not matter; offsets stay exact
        ("la télévision d'Etat russe", [("télévision d'Etat russe", "télévision d'État russe")]),
        ("la télévision d’État russe", [("télévision d’État russe", "télévision d'État russe")]),
        ("selon Les Échos", [("Les Échos", "Les Echos")]),
        ("selon Liberation", [("Liberation", "Libération")]),
        ("selon l'agence\u00a0France-Presse", [("agence\u00a0France-Presse", "AFP")]),
        # a lower-case mention at the start of a sentence
        ("Agences de presse russes : Poutine", [("Agences de presse russes", "agences de presse russes")]),
        # a one-word name in capitals
        ("MOSCOU (REUTERS) -", [("REUTERS", "Reuters")]),
        # a "Le"/"Les" title after "au"/"aux": the span is the rest of the title
        ("a-t-elle déclaré au Parisien", [("Parisien", "Le Parisien")]),
        ("a confié aux Echos", [("Echos", "Les Echos")]),
    ],
)
def test_outlets_variants_are_matched_at_their_offsets(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "dans le monde entier",
        "la finale de la Coupe du Monde",
        "à la Libération de Paris",
        "depuis la Libération",
        "Marianne Dupont a pris la parole",
        "une Marianne en plâtre",
        "Michael Bloomberg, maire de New York",
        "le vaccin Sputnik V",
        "L'Équipe de France a gagné",
        "les vents du Sud Ouest",
        "dans le Sud Ouest",
        "dans 20 minutes",
        "les échos de la réunion",
        "le point de vue du ministre",
        "l'AP-HP a annoncé",
        "la TVA augmente",
        "le régime se défend",
    ],
)
def test_outlets_look_alike_words_and_names_are_no_outlets(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a déclaré à Libération.", [("Libération", "Libération")]),
        ("selon l'hebdomadaire Marianne.", [("Marianne", "Marianne")]),
        ("Selon Bloomberg, les prix", [("Bloomberg", "Bloomberg")]),
        ("L'agence Reuters rapporte", [("Reuters", "Reuters")]),
        ("D'après Reuters, les prix", [("Reuters", "Reuters")]),
        ("une libre opinion publiée sur Bloomberg View.", [("Bloomberg View", "Bloomberg View")]),
        ("selon Le Monde", [("Le Monde", "Le Monde")]),
        ("a-t-il dit à L'Équipe", [("L'Équipe", "L'Équipe")]),
        ("selon Sud Ouest,", [("Sud Ouest", "Sud Ouest")]),
        ("a indiqué 20 Minutes", [("20 Minutes", "20 Minutes")]),
        ("selon l'agence Sputnik,", [("Sputnik", "Sputnik")]),
        # a platform may be followed by the name of a channel
        ("selon la chaîne Telegram Baza", [("Telegram", "Telegram")]),
    ],
)
def test_outlets_the_outlets_themselves_are_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "name"),
                         [("sur Twitter", "Twitter"), ("sur X", "X"), ("sur son compte Instagram", "Instagram")])
def test_outlets_a_platform_keeps_the_name_the_text_gives(text: str, name: str) -> None:
    assert [n for _, n in found(text)] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("selon l'agence Belga", "Belga"), ("a indiqué Keystone-ATS", "ATS"), ("selon l'APS", "APS"),
        ("selon la MAP", "MAP"), ("selon Xinhua", "Xinhua"), ("selon Anadolu", "Anadolu"),
        ("selon l'agence Kyodo", "Kyodo"), ("selon Yonhap", "Yonhap"), ("selon Ria Novosti", "Ria Novosti"),
        ("selon l'Ansa", "ANSA"), ("selon EFE", "EFE"), ("selon la DPA", "DPA"), ("selon l'IRNA", "IRNA"),
        ("a dit à Jeune Afrique", "Jeune Afrique"), ("a dit à RFI", "RFI"), ("selon Le Soleil", "Le Soleil"),
        ("selon L'Observateur Paalga", "L'Observateur Paalga"), ("a dit à Radio-Canada", "Radio-Canada"),
        ("selon Le Devoir", "Le Devoir"), ("selon La Presse canadienne", "La Presse canadienne"),
        ("selon Le Soir", "Le Soir"), ("a dit à la RTBF", "RTBF"), ("selon Le Temps", "Le Temps"),
        ("a dit à la RTS", "RTS"), ("sur Truth Social", "Truth Social"), ("sur YouTube", "YouTube"),
        ("sur TikTok", "TikTok"),
    ],
)
def test_outlets_agencies_and_papers_of_the_french_speaking_world(text: str, name: str) -> None:
    assert [n for _, n in found(text)] == [name]


def test_outlets_an_exclusion_comes_from_a_user_file(tmp_path: Path) -> None:
    path = tmp_path / "outlets.tsv"
    path.write_text("Le Phare\tnewspaper\tLe Phare|!Le Phare du Bout\n", encoding="utf-8")
    matcher = OutletMatcher(load_outlets(path))
    text = "selon Le Phare, qui visitait Le Phare du Bout"
    assert [(text[s:e], n) for s, e, n in matcher.find(text)] == [("Le Phare", "Le Phare")]


def test_outlets_find_reads_only_the_given_range() -> None:
    text = "Reuters et l'AFP, puis Tass"
    assert [n for _, _, n in MATCHER.find(text, 8, 20)] == ["AFP"]


def test_outlets_a_matcher_with_no_outlet_finds_nothing() -> None:
    assert OutletMatcher([]).find("selon Reuters") == []


def test_outlets_kind_of_each_canonical_name() -> None:
    assert (MATCHER.kind("AFP"), MATCHER.kind("Twitter"), MATCHER.kind("Le Monde"), MATCHER.kind("inconnu")) == (
        "agency", "platform", "newspaper", "")


def test_outlets_default_list_is_at_the_size_of_the_language() -> None:
    outlets = default_outlets()
    names = [o.name for o in outlets]
    assert len(names) >= 300 and len(set(names)) == len(names)
    assert {o.kind for o in outlets} <= {"agency", "newspaper", "magazine", "broadcaster", "website", "platform", "generic"}
    assert all(o.mentions and all(m.strip() == m and m.lstrip("!") for m in o.mentions) for o in outlets)


def test_outlets_every_mention_finds_its_own_outlet() -> None:
    missed = []
    for outlet in default_outlets():
        for mention in outlet.mentions:
            if mention.startswith("!"):
                continue
            alone = OutletMatcher([OutletEntry(outlet.name, outlet.kind, (mention,))])
            names = [n for _, _, n in alone.find(f"selon {mention}.")]
            if names != [outlet.name]:
                missed.append(mention)
    assert missed == []


def test_outlets_find_returns_named_records() -> None:
    text = "Selon l'agence Tass, le sommet aura lieu."
    [mention] = MATCHER.find(text)
    assert isinstance(mention, OutletMention)
    assert (text[mention.start:mention.end], mention.name) == ("Tass", "Tass")
