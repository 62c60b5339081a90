"""End to end: reported speech in the shapes real articles use (issue "Accuracy on real journalism").

Every passage was written for these tests, in the shapes of the misses found on real news:
reports whose content is a noun phrase, cues that are not a verb before "que", words that
look like a complementiser but are not, outlets against speakers, organisations as speakers.
Each test checks that every returned span is cut from the input at its offsets.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import Quote
from tests.spans import assert_spans_match

pytestmark = pytest.mark.model


def extract(extractor: quoteattr.Extractor, text: str, **options) -> list[Quote]:
    """Return the quotes of ``text``, after checking every span against the text."""
    quotes = extractor.extract(text, **options)
    assert_spans_match(text, quotes)
    return quotes


def only_quote(extractor: quoteattr.Extractor, text: str) -> Quote:
    """Return the one quote of ``text``, failing when there is none or more than one."""
    quotes = extract(extractor, text)
    assert len(quotes) == 1, [(q.kind, q.text) for q in quotes]
    return quotes[0]


# --- reports whose content is a noun phrase -----------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "speaker", "lemma"),
    [
        ("Chez Orange, la direction a confirmé jeudi un plan de suppression de 1 200 emplois sur "
         "15 000 salariés, tandis que Free pourrait fermer trois sites.",
         "un plan de suppression de 1 200 emplois sur 15 000 salariés", "la direction", "confirmer"),
        ("Après la réunion, les syndicats de cheminots ont annoncé le boycott des négociations "
         "salariales jusqu'à la fin du mois.",
         "le boycott des négociations salariales jusqu'à la fin du mois", "les syndicats de cheminots",
         "annoncer"),
        ("Le constructeur coréen promet une recharge plus rapide de sa batterie : 20 minutes contre "
         "45 minutes pour le modèle précédent.",
         "une recharge plus rapide de sa batterie : 20 minutes contre 45 minutes pour le modèle "
         "précédent", "Le constructeur coréen", "promettre"),
        ("La Fédération syndicale unitaire estime à 12 000 le nombre de postes supprimés, contre "
         "8 000 l'an dernier.",
         "à 12 000 le nombre de postes supprimés, contre 8 000 l'an dernier",
         "La Fédération syndicale unitaire", "estimer"),
    ],
)
def test_noun_phrase_object_of_a_reporting_verb_is_the_reported_content(
        extractor: quoteattr.Extractor, text: str, words: str, speaker: str, lemma: str) -> None:
    quote = only_quote(extractor, text)
    assert (quote.text, quote.kind, quote.cue) == (words, "indirect", "verb")
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.verb is not None and quote.verb.lemma == lemma


@pytest.mark.parametrize(
    "text",
    [
        # too short to be content
        "Le ministre de l'Intérieur a annoncé sa démission.",
        # an anaphoric speech noun is no content
        "Le porte-parole de la préfecture a confirmé l'information dans la soirée.",
        # verbs whose object is an aim or a target, not words (kept out for precision)
        "Le collectif réclame des garanties écrites sur la fin des travaux.",
        "L'opposition dénonce une fuite en avant du gouvernement régional.",
        # estimer without "à <number>" is an opinion verb with a small clause
        "Le maire estime la situation très préoccupante pour les commerçants.",
    ],
)
def test_noun_phrase_objects_that_are_not_reported_content(extractor: quoteattr.Extractor,
                                                           text: str) -> None:
    assert extract(extractor, text) == []


def test_plural_description_after_a_name_is_not_its_apposition(extractor: quoteattr.Extractor) -> None:
    text = ("Face au silence du président de la compagnie, Marc Dupuis, les fédérations des "
            "cheminots ont annoncé la suspension des négociations salariales.")
    quote = only_quote(extractor, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "les fédérations des cheminots"


def test_verb_inside_quote_marks_gives_no_noun_phrase_report(extractor: quoteattr.Extractor) -> None:
    text = ("Pour le syndicat des cheminots, cette décision « confirme la fermeture programmée de la "
            "ligne des Causses ».")
    quote = only_quote(extractor, text)
    assert quote.cue == "selon"
    assert quote.text.startswith("cette décision")
