"""End to end: speakers and spans in the shapes real articles use (issue "Accuracy on real
journalism").

Every passage was written for these tests, in the shapes of the misses found on the tune split
of real news. Each test checks that every returned span is cut from the input at its offsets.
"""

from __future__ import annotations

import pytest

import quoteattr
from tests.spans import assert_spans_match, quote_of

pytestmark = pytest.mark.model




# --- participle clauses share the main verb's subject ---------------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "speaker", "lemma"),
    [
        ("Le directeur de l'usine a quitté la réunion, ajoutant que le plan social serait "
         "présenté en septembre.",
         "le plan social serait présenté en septembre", "Le directeur de l'usine", "ajouter"),
        ("La Fédération des commerçants a rejeté le projet en estimant que les petites boutiques "
         "seraient les premières touchées.",
         "les petites boutiques seraient les premières touchées", "La Fédération des commerçants",
         "estimer"),
        ("Martine Delorme a cependant écarté l'hypothèse d'une hausse des impôts affirmant : "
         "« nous avons les moyens de tenir nos engagements ».",
         "nous avons les moyens de tenir nos engagements", "Martine Delorme", "affirmer"),
        ("La mairie a immédiatement réagi et a rejeté toute responsabilité en affirmant que "
         "l'accident était dû à une erreur humaine.",
         "l'accident était dû à une erreur humaine", "La mairie", "affirmer"),
    ],
)
def test_participle_clause_takes_the_subject_of_the_main_verb(
        extractor: quoteattr.Extractor, text: str, words: str, speaker: str, lemma: str) -> None:
    quote = quote_of(extractor, text, words)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.verb is not None and quote.verb.lemma == lemma


def test_participle_after_a_noun_subject_keeps_that_subject(extractor: quoteattr.Extractor) -> None:
    text = ("Les riverains, affirmant que le bruit les empêchait de dormir, ont déposé plainte "
            "contre la discothèque.")
    quote = quote_of(extractor, text, "le bruit les empêchait de dormir")
    assert quote.speaker is not None and quote.speaker.text == "Les riverains"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("Estimant que la réforme était injuste, la sénatrice a voté contre le texte.",
         "la réforme était injuste", "la sénatrice"),
        ("En affirmant que la hausse des loyers resterait limitée, le ministre du Logement a "
         "provoqué la colère des associations.",
         "la hausse des loyers resterait limitée", "le ministre du Logement"),
    ],
)
def test_opening_participle_clause_ends_at_the_main_clause_and_takes_its_subject(
        extractor: quoteattr.Extractor, text: str, words: str, speaker: str) -> None:
    quote = quote_of(extractor, text, words)
    assert quote.speaker is not None and quote.speaker.text == speaker


# --- spellings and words the tagger gets wrong -----------------------------------------------------

@pytest.mark.parametrize("form", ["reconnait", "reconnaît"])
def test_aitre_verb_with_or_without_circumflex_is_a_reporting_verb(
        extractor: quoteattr.Extractor, form: str) -> None:
    text = f"Le maire de Nantes {form} que la tempête a pesé sur sa décision."
    quote = quote_of(extractor, text, "la tempête a pesé sur sa décision")
    assert quote.verb is not None and quote.verb.lemma == "reconnaître"
    assert quote.speaker is not None and quote.speaker.text == "Le maire de Nantes"


# --- subjects before the verb ----------------------------------------------------------------------

def test_object_of_a_participle_in_an_apposition_is_not_the_subject(extractor: quoteattr.Extractor) -> None:
    text = ("Hélène Marchal, autrice du rapport ayant révélé ces chiffres, a déclaré que la "
            "pollution des nappes avait doublé en dix ans.")
    quote = quote_of(extractor, text, "la pollution des nappes avait doublé en dix ans")
    assert quote.speaker is not None and quote.speaker.text == "Hélène Marchal"


def test_name_in_apposition_after_a_bracketed_acronym_is_the_speaker(extractor: quoteattr.Extractor) -> None:
    text = ("« Les stocks ne suffiront pas cet hiver », prévient la présidente de la Fédération "
            "nationale des distributeurs de gaz (FNDG), Claire Aubertin.")
    quote = quote_of(extractor, text, "Les stocks ne suffiront pas cet hiver")
    assert quote.speaker is not None and quote.speaker.name == "Claire Aubertin"


# --- a quote announced by the sentence before ------------------------------------------------------

def test_quote_after_a_sentence_that_announces_it_takes_that_subject(extractor: quoteattr.Extractor) -> None:
    text = ("La maire de Lille, Martine Aubry, a réagi dans la soirée. « C'est une décision "
            "irresponsable qui pénalise d'abord les familles modestes. »")
    quote = quote_of(extractor, text, "C'est une décision irresponsable qui pénalise d'abord les familles modestes.")
    assert quote.speaker is not None and quote.speaker.name == "Martine Aubry"
    assert "announced_before" in quote.evidence


def test_quote_after_a_sentence_without_a_reporting_verb_stays_unattributed(
        extractor: quoteattr.Extractor) -> None:
    text = ("Le ministre est arrivé à Lyon dans la soirée. « Le Lyonnais du soir » titrait le "
            "lendemain sur sa visite.")
    quotes = extractor.extract(text)
    assert all("announced_before" not in q.evidence for q in quotes)


# --- long quoted fragments in a clause with no reporting verb ----------------------------------------

def test_long_fragment_in_a_clause_takes_the_clause_subject(extractor: quoteattr.Extractor) -> None:
    text = "Le groupe Renault met « tout en œuvre, avec le soutien de l'État, pour sauver le site de Flins »."
    quote = quote_of(extractor, text, "tout en œuvre, avec le soutien de l'État, pour sauver le site de Flins")
    assert quote.speaker is not None and quote.speaker.name == "Renault"
    assert "long_fragment" in quote.evidence


def test_long_fragment_after_a_source_is_left_to_that_source(extractor: quoteattr.Extractor) -> None:
    text = ("Pour la politologue Anne Girard, le gouvernement veut « montrer qu'il peut tenir face "
            "à la rue jusqu'au bout ».")
    quotes = extractor.extract(text)
    assert all("long_fragment" not in q.evidence for q in quotes)
    assert any(q.speaker is not None and q.speaker.name == "Anne Girard" for q in quotes)


def test_long_fragment_with_an_unresolved_subject_stays_cue_less(extractor: quoteattr.Extractor) -> None:
    text = "Le texte prévoit « une hausse progressive des cotisations jusqu'en 2030 pour tous les salariés »."
    quotes = extractor.extract(text)
    assert all("long_fragment" not in q.evidence for q in quotes)


def test_verb_coordinated_to_a_main_verb_takes_its_subject_before_a_colon(extractor: quoteattr.Extractor) -> None:
    text = ("Le député Antoni Pastor vota contre le texte. Il fut exclu de son groupe ces jours-là et "
            "déclara alors : « Quand on affronte une situation limite, il faut savoir quel est le "
            "scénario limite. »")
    quote = quote_of(extractor, text, "Quand on affronte une situation limite, il faut savoir quel "
                                           "est le scénario limite.")
    assert quote.speaker is not None and quote.speaker.name == "Antoni Pastor"


# --- infinitive complements of verbs of saying ---------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "lemma"),
    [
        ("La journaliste Léa Martin raconte avoir été encerclée par une foule d'hommes sur la place.",
         "avoir été encerclée par une foule d'hommes sur la place", "raconter"),
        ("Le suspect Marc Olivier a expliqué aux enquêteurs avoir agi seul et sans complice.",
         "avoir agi seul et sans complice", "expliquer"),
    ],
)
def test_infinitive_after_a_verb_of_saying_is_the_report(
        extractor: quoteattr.Extractor, text: str, words: str, lemma: str) -> None:
    quote = quote_of(extractor, text, words)
    assert quote.kind == "indirect"
    assert quote.verb is not None and quote.verb.lemma == lemma


def test_infinitive_of_the_verbs_object_is_not_the_report(extractor: quoteattr.Extractor) -> None:
    text = "Les associations étudiantes indiquent leur peu d'intérêt à participer au sommet de février."
    quotes = extractor.extract(text)
    assert_spans_match(text, quotes)
    assert all(q.text != "participer au sommet de février" for q in quotes)
