"""Block candidates: unmarked speech after a line that ends with a colon."""

from __future__ import annotations

import pytest

from quoteattr.rules.blocks import find_blocks
from quoteattr.rules.marks import find_quotes


def blocks_of(text: str) -> list[str]:
    """Return the text of each unmarked block candidate of ``text``."""
    return [text[b.start:b.end] for b in find_blocks(text, find_quotes(text)) if not b.marked]


def test_blocks_paragraph_opening_with_a_quote_mark_is_marked() -> None:
    text = "Reuters rapporte :\n« Le marché couvert rouvrira au printemps prochain. »"
    (block,) = find_blocks(text, find_quotes(text))
    assert block.marked
    assert text[block.start] == "«"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the block ends before a timestamp line
        ("Kim Jong-un a dit :\nLa Corée ne renoncera jamais à sa dissuasion nucléaire.\n07h42 CEST\nLa suite du direct.",
         ["La Corée ne renoncera jamais à sa dissuasion nucléaire."]),
        # … or before a "Mis à jour à …" line
        ("Le président russe a déclaré :\n\nLa Russie poursuivra ses objectifs jusqu'au bout.\n\nMis à jour à 10h15 CEST\n\nLes combats continuent.",
         ["La Russie poursuivra ses objectifs jusqu'au bout."]),
        ("Le président russe a déclaré :\nLa Russie poursuivra ses objectifs jusqu'au bout.\nMis à jour à 10h15 CEST",
         ["La Russie poursuivra ses objectifs jusqu'au bout."]),
        ("La ministre a déclaré :\nLa réforme entrera en vigueur en janvier.\nil y a 10 min 05.02 HAE\nAutre sujet.",
         ["La réforme entrera en vigueur en janvier."]),
        # … or at the end of its paragraph when the next one is the journalist's prose again
        ("Le maire a dit :\n\nLe marché couvert rouvrira au printemps prochain.\n\nLes commerçants restent sceptiques.",
         ["Le marché couvert rouvrira au printemps prochain."]),
        # a block runs on over lines of the same paragraph
        ("Le maire a dit :\nLe marché couvert rouvrira au printemps prochain.\nLes travaux seront terminés en mars.",
         ["Le marché couvert rouvrira au printemps prochain.\nLes travaux seront terminés en mars."]),
        # a colon with trailing spaces and a no-break space before the line break
        ("Le maire a dit :\u00a0 \nLe marché couvert rouvrira au printemps prochain.",
         ["Le marché couvert rouvrira au printemps prochain."]),
    ],
)
def test_blocks_after_a_colon_line(text: str, expected: list[str]) -> None:
    assert blocks_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the words after the colon are in quote marks: a direct quote, not a block
        "Le maire a dit :\n« Le marché couvert rouvrira au printemps prochain. »",
        "Le maire a dit :\n“Le marché couvert rouvrira au printemps prochain.”",
        # a list, not speech
        "Au programme :\n- la réunion des ministres à Bruxelles\n- le bilan des frappes",
        # too short to be speech
        "Le maire a dit :\nNon merci.",
        # only a timestamp after the colon
        "Le maire a dit :\n07h42 CEST\n",
        # the colon is not at the end of its line
        "Le maire a dit : le marché couvert rouvrira au printemps prochain.",
        # the colon is inside a quotation
        "« Voici notre plan :\nnous rouvrirons le marché couvert au printemps prochain. »",
        # nothing after the colon
        "Le maire a dit :\n",
        "Le maire a dit :\n\n   ",
    ],
)
def test_blocks_none_without_unmarked_speech_after_a_colon(text: str) -> None:
    assert blocks_of(text) == []


def test_blocks_candidate_records_its_colon() -> None:
    text = "Le maire a dit :\nLe marché couvert rouvrira au printemps prochain."
    (block,) = find_blocks(text, find_quotes(text))
    assert text[block.colon] == ":"
    assert block.colon < block.start < block.end <= len(text)


def test_blocks_continue_over_paragraphs_that_still_speak() -> None:
    text = ("Le maire a dit :\n\nNous rouvrirons le marché couvert au printemps prochain.\n\n"
            "Nous voulons que les commerçants reviennent avant l'été.\n\n"
            "07h42 CEST\n\nLes commerçants restent sceptiques.")
    assert blocks_of(text) == [
        "Nous rouvrirons le marché couvert au printemps prochain.\n\n"
        "Nous voulons que les commerçants reviennent avant l'été."
    ]
