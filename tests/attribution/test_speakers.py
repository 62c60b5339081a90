"""Finding the subject of a reporting verb on hand-built trees, and resolving it."""

from __future__ import annotations

import pytest

from quoteattr.attribution.entities import EntityTable, PersonMention
from quoteattr.attribution.speakers import resolve, selon_head, subject_of
from quoteattr.attribution.verbs import reporting_verb_at
from tests.builders import W, make_parse


@pytest.mark.parametrize(
    ("words", "verb", "expected"),
    [
        # « … », a-t-il dit
        ((W("»", "PUNCT", head=5), W(",", "PUNCT", glue=True, head=5), W("a", "AUX", head=5),
          W("-t", "PRON", glue=True, head=5, dep="nsubj"), W("-il", "PRON", glue=True, head=5, dep="nsubj"),
          W("dit", "VERB", dep="ROOT", lemma="dire")), 5, "-il"),
        # Peskov a déclaré
        ((W("Peskov", "PROPN", head=2, dep="nsubj", ent="PER"), W("a", "AUX", head=2),
          W("déclaré", "VERB", dep="ROOT", lemma="déclarer")), 2, "Peskov"),
        # « … », a déclaré Peskov (the inverted subject parsed as an object)
        ((W("»", "PUNCT", head=3), W(",", "PUNCT", glue=True, head=3), W("a", "AUX", head=3),
          W("déclaré", "VERB", dep="ROOT", lemma="déclarer"),
          W("Peskov", "PROPN", head=3, dep="obj", ent="PER")), 3, "Peskov"),
    ],
)
def test_speakers_subject_of_reporting_verb(words: tuple[W, ...], verb: int, expected: str) -> None:
    parse = make_parse(*words)
    match = reporting_verb_at(parse, verb)
    assert match is not None
    subject = subject_of(parse, match, (0, 0))
    assert subject is not None and parse.tokens[subject].text == expected


def test_speakers_subject_of_skips_words_inside_the_quote() -> None:
    # « Peskov » a déclaré : the only name lies inside the excluded quote
    parse = make_parse(W("«", "PUNCT", head=1), W("Peskov", "PROPN", head=4, dep="nsubj", ent="PER"),
                       W("»", "PUNCT", head=1), W("a", "AUX", head=4),
                       W("déclaré", "VERB", dep="ROOT", lemma="déclarer"))
    match = reporting_verb_at(parse, 4)
    assert match is not None
    assert subject_of(parse, match, (0, parse.tokens[2].end)) is None


def test_speakers_resolve_pronoun_to_the_person_it_agrees_with() -> None:
    # "a-t-elle dit" after Claire Fontaine then Paul Girard were named: the nearest person
    # is a man, so "elle" goes back to the woman
    parse = make_parse(W("a", "AUX", head=3), W("-t", "PRON", glue=True, head=3),
                       W("-elle", "PRON", glue=True, head=3, dep="nsubj"),
                       W("dit", "VERB", dep="ROOT", lemma="dire"))
    table = EntityTable(persons=[PersonMention(0, 0, "Claire Fontaine", True),
                                 PersonMention(1, 0, "Paul Girard", True)],
                        genders={"Claire Fontaine": "Fem", "Paul Girard": "Masc"},
                        roles=[(0, frozenset({"ministre"}), "ministre", "Claire Fontaine")])
    speaker = resolve(parse, 2, table, [])
    assert parse.text[speaker.mention.start:speaker.mention.end] == "elle"
    assert (speaker.name, speaker.kind, speaker.role) == ("Claire Fontaine", "person", "ministre")


def test_speakers_unresolved_pronoun_stays_a_pronoun() -> None:
    parse = make_parse(W("a", "AUX", head=3), W("-t", "PRON", glue=True, head=3),
                       W("-il", "PRON", glue=True, head=3, dep="nsubj"),
                       W("dit", "VERB", dep="ROOT", lemma="dire"))
    speaker = resolve(parse, 2, EntityTable(), [])
    assert (speaker.name, speaker.kind) == ("il", "pronoun")


def test_speakers_name_mistagged_as_pronoun_is_still_a_name() -> None:
    # the parser sometimes tags "Poutine" PRON: it must stay Poutine, not be resolved to the
    # last person named as if it were "il"
    parse = make_parse(W("Poutine", "PRON", head=2, dep="nsubj", ent="PER"), W("a", "AUX", head=2),
                       W("déclaré", "VERB", dep="ROOT", lemma="déclarer"))
    table = EntityTable(persons=[PersonMention(0, 0, "Arkady Voloj", True)])
    speaker = resolve(parse, 0, table, [])
    assert (speaker.name, speaker.kind) == ("Poutine", "person")


def test_speakers_selon_head_gives_way_from_a_speech_noun_to_its_author() -> None:
    # selon un communiqué de la police .
    parse = make_parse(W("selon", "ADP"), W("un", "DET"), W("communiqué", "NOUN", lemma="communiqué"),
                       W("de", "ADP"), W("la", "DET"), W("police", "NOUN"), W(".", "PUNCT", glue=True))
    head = selon_head(parse, 0, len(parse.tokens) - 1)
    assert head is not None and parse.tokens[head].text == "police"


def test_speakers_selon_head_keeps_a_speech_noun_without_author() -> None:
    parse = make_parse(W("selon", "ADP"), W("le", "DET"), W("communiqué", "NOUN", lemma="communiqué"),
                       W(",", "PUNCT", glue=True))
    head = selon_head(parse, 0, len(parse.tokens) - 1)
    assert head is not None and parse.tokens[head].text == "communiqué"


def test_speakers_relative_qui_resolves_to_the_name_its_role_stands_for() -> None:
    # Paul Martin , ministre , qui a déclaré
    parse = make_parse(W("Paul", "PROPN", ent="PER", head=6, dep="obl:agent"),
                       W("Martin", "PROPN", ent="PER", head=0, dep="flat:name"),
                       W(",", "PUNCT", glue=True, head=3), W("ministre", "NOUN", head=0, dep="appos"),
                       W(",", "PUNCT", glue=True, head=3), W("qui", "PRON", head=7, dep="nsubj"),
                       W("a", "AUX", head=7, dep="aux:tense"),
                       W("déclaré", "VERB", head=3, dep="acl:relcl", lemma="déclarer"))
    match = reporting_verb_at(parse, 7)
    assert match is not None
    subject = subject_of(parse, match, (0, 0))
    assert subject is not None and parse.tokens[subject].text == "Paul"
