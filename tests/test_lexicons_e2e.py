"""End to end: reflexive and multiword reporting verbs, and outlets from the larger gazetteer.

Every passage here was written for these tests. Each test also checks that every returned span
is cut from the input at its offsets.
"""

from __future__ import annotations

import pytest

import quoteattr
from tests.spans import only_quote

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "verb", "lemma", "stance", "speaker"),
    [
        ("« Je n'ai rien à me reprocher », s'est défendu le ministre.",
         "s'est défendu", "se défendre", "refuting", "le ministre"),
        ("« C'est une victoire », se sont félicités les syndicats.",
         "se sont félicités", "se féliciter", "neutral", "les syndicats"),
        ("« Ce n'est pas la fin », s'insurge la maire de Lille, Martine Dupont.",
         "s'insurge", "s'insurger", "assertive", "Martine Dupont"),
        ("Le ministre s'est défendu d'avoir menti aux députés.",
         "s'est défendu", "se défendre", "refuting", "Le ministre"),
        ("Le porte-parole a fait savoir que le ministre ne viendrait pas.",
         "a fait savoir", "faire savoir", "neutral", "Le porte-parole"),
    ],
)
def test_lexicons_e2e_reflexive_and_multiword_verbs(extractor: quoteattr.Extractor, text: str, verb: str,
                                                    lemma: str, stance: str, speaker: str) -> None:
    quote = only_quote(extractor, text)
    assert quote.verb is not None and quote.speaker is not None
    assert (quote.verb.text, quote.verb.lemma, quote.verb.stance, quote.speaker.name) == (verb, lemma, stance, speaker)


def test_lexicons_e2e_a_reflexive_verb_not_listed_is_no_cue(extractor: quoteattr.Extractor) -> None:
    quote = only_quote(extractor, "L'enquête se poursuit, a indiqué le parquet.")
    assert quote.verb is not None and quote.verb.lemma == "indiquer"


def test_lexicons_e2e_an_emotion_verb_is_a_cue_only_reflexively(extractor: quoteattr.Extractor) -> None:
    assert extractor.extract("Cette situation inquiète les experts, qui redoutent une crise.") == []


@pytest.mark.parametrize(
    ("text", "relays"),
    [
        ("« Nous n'avons pas d'autre choix », a confié au Parisien la secrétaire générale du syndicat, Nadia Martin.",
         [("Parisien", "Le Parisien")]),
        ("« La situation est sous contrôle », a déclaré le ministre à la télévision d'Etat russe.",
         [("télévision d'Etat russe", "télévision d'État russe")]),
        ("« Nous continuerons », a écrit le président sur Twitter.", [("Twitter", "Twitter")]),
        ("« Le texte sera retiré », a déclaré le porte-parole du gouvernement à l'agence Belga.",
         [("Belga", "Belga")]),
    ],
)
def test_lexicons_e2e_outlets_of_the_larger_gazetteer(extractor: quoteattr.Extractor, text: str,
                                                      relays: list[tuple[str, str]]) -> None:
    quote = only_quote(extractor, text)
    assert [(r.text, r.name) for r in quote.relayed_by] == relays


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a person whose name holds an outlet's name
        ("Le maire de New York, Michael Bloomberg, a déclaré que la ville était prête.", "Michael Bloomberg"),
        # an outlet that employs the speaker neither speaks nor relays
        ("La correspondante de la chaîne France 24 en Égypte, Sonia Dridi, affirme qu'elle a été agressée.",
         "Sonia Dridi"),
        ("« Nous sommes prêts », a déclaré le directeur de Radio France, Marc Leroy.", "Marc Leroy"),
    ],
)
def test_lexicons_e2e_an_outlet_in_the_speakers_mention_is_no_relay(extractor: quoteattr.Extractor, text: str,
                                                                    speaker: str) -> None:
    quote = only_quote(extractor, text)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.kind, quote.relayed_by) == (speaker, "person", [])
