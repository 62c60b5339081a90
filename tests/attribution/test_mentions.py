"""Speaker mentions read off hand-built token sequences: pronouns, names, roles, genders."""

from __future__ import annotations

import pytest

from quoteattr.attribution.mentions import (
    describe,
    is_name_token,
    name_run,
    pronoun_mention,
)
from quoteattr.parse.base import Parse
from tests.builders import W, make_parse


def mention_text(parse: Parse, mention) -> str:
    """Return the text a mention spans."""
    return parse.text[mention.start:mention.end]


@pytest.mark.parametrize(
    ("clitic", "word", "gender"),
    [
        ("-t-il", "il", "Masc"),
        ("-il", "il", "Masc"),
        ("-t-elle", "elle", "Fem"),
        ("-elle", "elle", "Fem"),
        ("-ils", "ils", "Masc"),
        ("-elles", "elles", "Fem"),
        ("elle", "elle", "Fem"),
    ],
)
def test_mentions_pronoun_mention_strips_t_and_hyphen(clitic: str, word: str, gender: str) -> None:
    parse = make_parse(W("a", "AUX", head=2), W(clitic, "PRON", head=2, dep="nsubj", glue=True),
                       W("dit", "VERB", dep="ROOT"))
    mention = pronoun_mention(parse, 1)
    assert mention_text(parse, mention) == word
    assert mention.name == word
    assert (mention.kind, mention.gender, mention.named, mention.role) == ("pronoun", gender, False, None)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        (W("Peskov", "PROPN"), True),
        (W("Kremlin", "NOUN", ent="PER"), True),
        (W("M.", "PROPN"), False),
        (W("Mme", "NOUN", ent="PER"), False),
        (W("peskov", "PROPN"), False),
        (W("Ministre", "NOUN"), False),
    ],
)
def test_mentions_is_name_token(word: W, expected: bool) -> None:
    parse = make_parse(W("selon", "ADP"), word)
    assert is_name_token(parse, 1) is expected


@pytest.mark.parametrize(
    ("words", "index", "expected"),
    [
        # "a déclaré Dmitri Peskov ." : the run stops before the full stop
        ((W("a", "AUX"), W("déclaré", "VERB"), W("Dmitri", "PROPN", ent="PER"),
          W("Peskov", "PROPN", ent="PER"), W(".", "PUNCT", glue=True)), 3, "Dmitri Peskov"),
        # hyphenated first name split into glued tokens
        ((W("Jean", "PROPN"), W("-", "PUNCT", glue=True), W("Philippe", "PROPN", glue=True),
          W("Magnen", "PROPN"), W(",", "PUNCT", glue=True)), 0, "Jean-Philippe Magnen"),
        # a particle between two name words
        ((W("selon", "ADP"), W("Charles", "PROPN"), W("de", "ADP"), W("Gaulle", "PROPN")), 1,
         "Charles de Gaulle"),
        # an honorific is not part of the name
        ((W("M.", "PROPN"), W("Dupont", "PROPN")), 1, "Dupont"),
    ],
)
def test_mentions_name_run_covers_the_whole_name(words: tuple[W, ...], index: int, expected: str) -> None:
    parse = make_parse(*words)
    run = name_run(parse, index)
    assert run is not None
    assert parse.text[parse.tokens[run[0]].start:parse.tokens[run[-1]].end] == expected


def test_mentions_name_run_is_none_for_a_common_word() -> None:
    parse = make_parse(W("le", "DET"), W("ministre", "NOUN"))
    assert name_run(parse, 1) is None


@pytest.mark.parametrize(
    ("words", "head", "text", "name", "role", "gender"),
    [
        # apposition after the role: "le porte-parole du Kremlin, Dmitri Peskov"
        ((W("le", "DET", head=1, morph={"Gender": "Masc"}), W("porte-parole", "NOUN", morph={"Gender": "Masc"}),
          W("du", "ADP"), W("Kremlin", "PROPN", ent="LOC"), W(",", "PUNCT", glue=True),
          W("Dmitri", "PROPN", ent="PER"), W("Peskov", "PROPN", ent="PER")),
         1, "le porte-parole du Kremlin, Dmitri Peskov", "Dmitri Peskov", "porte-parole du Kremlin", "Masc"),
        # role before the name: "le président russe Vladimir Poutine"
        ((W("le", "DET"), W("président", "NOUN", morph={"Gender": "Masc"}), W("russe", "ADJ"),
          W("Vladimir", "PROPN", ent="PER"), W("Poutine", "PROPN", ent="PER")),
         4, "le président russe Vladimir Poutine", "Vladimir Poutine", "président russe", "Masc"),
        # name then apposition: "Dmitri Peskov, le porte-parole du Kremlin"
        ((W("Dmitri", "PROPN", ent="PER"), W("Peskov", "PROPN", ent="PER"), W(",", "PUNCT", glue=True),
          W("le", "DET"), W("porte-parole", "NOUN", morph={"Gender": "Masc"}), W("du", "ADP"),
          W("Kremlin", "PROPN", ent="LOC")),
         4, "Dmitri Peskov, le porte-parole du Kremlin", "Dmitri Peskov", "porte-parole du Kremlin", "Masc"),
        # honorifics are kept in the mention, dropped from the name, and give the gender
        ((W("M.", "PROPN"), W("Dupont", "PROPN", ent="PER")), 1, "M. Dupont", "Dupont", None, "Masc"),
        ((W("Mme", "NOUN"), W("Anne", "PROPN", ent="PER"), W("Leclerc", "PROPN", ent="PER")),
         2, "Mme Anne Leclerc", "Anne Leclerc", None, "Fem"),
    ],
)
def test_mentions_describe_named_speaker(words: tuple[W, ...], head: int, text: str, name: str,
                                         role: str | None, gender: str) -> None:
    parse = make_parse(*words)
    mention = describe(parse, head)
    assert mention_text(parse, mention) == text
    assert (mention.name, mention.role, mention.kind, mention.gender, mention.named) == (
        name, role, "person", gender, True)


@pytest.mark.parametrize(
    ("words", "head", "text", "kind"),
    [
        ((W("un", "DET"), W("responsable", "NOUN"), W("américain", "ADJ")), 1,
         "un responsable américain", "description"),
        ((W("le", "DET"), W("ministère", "NOUN"), W("de", "ADP"), W("la", "DET"), W("Défense", "PROPN")), 1,
         "le ministère de la Défense", "organization"),
    ],
)
def test_mentions_describe_unnamed_speaker(words: tuple[W, ...], head: int, text: str, kind: str) -> None:
    parse = make_parse(*words)
    mention = describe(parse, head)
    assert mention_text(parse, mention) == text
    assert (mention.name, mention.kind, mention.named) == (text, kind, False)


def test_mentions_describe_a_subject_pronoun_gives_a_pronoun_mention() -> None:
    parse = make_parse(W("Elle", "PRON", head=2, dep="nsubj"), W("a", "AUX", head=2),
                       W("déclaré", "VERB", dep="ROOT"))
    mention = describe(parse, 0)
    assert (mention_text(parse, mention), mention.kind, mention.gender) == ("Elle", "pronoun", "Fem")


def test_mentions_plural_description_is_no_apposition_of_a_person_name() -> None:
    # … Marc Dupuis , les fédérations ont annoncé : the plural description is the subject on
    # its own; "Marc Dupuis" is the apposition of a noun before it
    parse = make_parse(W("Marc", "PROPN", ent="PER", head=5), W("Dupuis", "PROPN", ent="PER", head=0),
                       W(",", "PUNCT", glue=True, head=5), W("les", "DET", head=4, morph={"Number": "Plur"}),
                       W("fédérations", "NOUN", head=5, dep="nsubj", morph={"Number": "Plur"}),
                       W("annoncé", "VERB", dep="ROOT"))
    mention = describe(parse, 4)
    assert mention_text(parse, mention) == "les fédérations"
    assert not mention.named


def test_mentions_singular_description_after_a_name_stays_its_apposition() -> None:
    parse = make_parse(W("Marc", "PROPN", ent="PER", head=5), W("Dupuis", "PROPN", ent="PER", head=0),
                       W(",", "PUNCT", glue=True, head=5), W("le", "DET", head=4, morph={"Number": "Sing"}),
                       W("directeur", "NOUN", head=5, dep="nsubj", morph={"Number": "Sing"}),
                       W("annoncé", "VERB", dep="ROOT"))
    mention = describe(parse, 4)
    assert mention_text(parse, mention) == "Marc Dupuis, le directeur"
    assert mention.name == "Marc Dupuis"


def test_mentions_organisation_keeps_its_bracketed_acronym() -> None:
    # La Confédération générale ( CGT ) estime
    parse = make_parse(W("La", "DET"), W("Confédération", "NOUN", ent="ORG"), W("générale", "ADJ", ent="ORG"),
                       W("(", "PUNCT"), W("CGT", "PROPN", ent="ORG", glue=True), W(")", "PUNCT", glue=True),
                       W("estime", "VERB"))
    mention = describe(parse, 1)
    assert mention_text(parse, mention) == "La Confédération générale (CGT)"
    assert mention.kind == "organization"


def test_mentions_person_does_not_take_a_bracketed_party() -> None:
    # Jean Dupont ( PS ) a dit
    parse = make_parse(W("Jean", "PROPN", ent="PER"), W("Dupont", "PROPN", ent="PER"), W("(", "PUNCT"),
                       W("PS", "PROPN", ent="ORG", glue=True), W(")", "PUNCT", glue=True), W("a", "AUX"),
                       W("dit", "VERB"))
    assert mention_text(parse, describe(parse, 0)) == "Jean Dupont"
