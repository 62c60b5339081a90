"""Carrying a framing outlet to the next report of the same speaker, on hand-built findings."""

from __future__ import annotations

from quoteattr.attribution.findings import Finding
from quoteattr.attribution.mentions import Mention, describe
from quoteattr.attribution.relays import carry_relays
from quoteattr.attribution.speakers import ResolvedSpeaker
from quoteattr.outlets import OutletMention
from tests.builders import W, make_parse

# Selon Tass , X a dit A . Il a dit B .
WORDS = (W("Selon", "ADP"), W("Tass", "PROPN"), W(",", "PUNCT", glue=True), W("X", "PROPN"),
         W("a", "AUX"), W("dit", "VERB"), W("A", "X"), W(".", "PUNCT", glue=True),
         W("Il", "PRON", sent=1), W("a", "AUX", sent=1), W("dit", "VERB", sent=1), W("B", "X", sent=1),
         W(".", "PUNCT", glue=True, sent=1))


def speaker(name: str, kind: str) -> ResolvedSpeaker:
    """Return a resolved speaker with a placeholder mention."""
    return ResolvedSpeaker(Mention(0, 0, name, None, kind, "", named=kind != "pronoun"), name, None, kind)


def findings(second_kind: str, second_cue: str = "verb") -> list[Finding]:
    """Return the reports of "A" (relayed by Tass) and of "B" by a speaker of ``second_kind``."""
    parse = make_parse(*WORDS)
    a, b = parse.tokens[6], parse.tokens[11]
    tass = parse.tokens[1]
    first = Finding(a.start, a.end, "indirect", "verb", speaker("X", "person"),
                    relays=(OutletMention(tass.start, tass.end, "Tass"),))
    second = Finding(b.start, b.end, "indirect", second_cue,
                     speaker("Il" if second_kind == "pronoun" else "Y", second_kind))
    return [first, second]


def test_framing_outlet_carries_to_a_pronoun_speaker_in_the_next_sentence() -> None:
    parse = make_parse(*WORDS)
    reports = findings("pronoun")
    carried = carry_relays(parse.text, parse, lambda offset: 0, reports)
    assert carried[1].relays == reports[0].relays
    assert carried[1].evidence == ("relay_carried",)
    assert reports[1].relays == (), "the finding given in is left as it was"


def test_framing_outlet_does_not_carry_to_another_speaker_or_paragraph() -> None:
    parse = make_parse(*WORDS)
    other = carry_relays(parse.text, parse, lambda offset: 0, findings("person"))
    assert other[1].relays == ()
    paragraphs = carry_relays(parse.text, parse, lambda offset: 0 if offset < parse.tokens[8].start else 1,
                              findings("pronoun"))
    assert paragraphs[1].relays == ()


def test_framing_outlet_does_not_carry_to_a_cueless_continuation() -> None:
    parse = make_parse(*WORDS)
    reports = carry_relays(parse.text, parse, lambda offset: 0, findings("pronoun", second_cue="none"))
    assert reports[1].relays == ()


def test_name_after_selon_is_no_apposition_of_the_subject_after_it() -> None:
    # Selon l' agence Tass , le ministre a dit
    parse = make_parse(W("Selon", "ADP"), W("l'", "DET"), W("agence", "NOUN", glue=True),
                       W("Tass", "PROPN", ent="ORG"), W(",", "PUNCT", glue=True), W("le", "DET"),
                       W("ministre", "NOUN"), W("a", "AUX"), W("dit", "VERB"))
    mention = describe(parse, 6)
    assert parse.text[mention.start:mention.end] == "le ministre"
    assert not mention.named
