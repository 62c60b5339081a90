"""End to end, on the real model: direct quotes in the shapes real articles give them.

Quoted fragments as objects of a reporting verb, incises with no comma, verbs the tagger
takes for nouns, headlines, reports inside quotations and speakers from the sentence before.
Every passage was written for these tests; every span is checked against the input.
"""

from __future__ import annotations

import pytest

import quoteattr
from tests.spans import extract, quote_of

pytestmark = pytest.mark.model


# --- quoted fragments as the object of a reporting verb -----------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "name", "verb"),
    [
        ("Le sénateur Paul Girard a dénoncé un « véritable scandale d'État ».",
         "véritable scandale d'État", "Paul Girard", "a dénoncé"),
        (("La ministre de la Culture, Anne Roux, a promis mardi dans un communiqué un « tournant "
          "décisif »."), "tournant décisif", "Anne Roux", "a promis"),
        ("Le président de la fédération, Marc Lenoir, a jugé la situation « très préoccupante ».",
         "très préoccupante", "Marc Lenoir", "a jugé"),
        ("Le syndicat a qualifié la décision d'« historique ».", "historique", "Le syndicat", "a qualifié"),
        ("L'ONG a dénoncé une « mascarade ».", "mascarade", "L'ONG", "a dénoncé"),
        (("Interrogée par la presse, Sophie Marin a déclaré en quittant la salle que « rien n'était "
          "encore joué »."), "rien n'était encore joué", "Sophie Marin", "a déclaré"),
    ],
)
def test_direct_fragment_object_of_reporting_verb_is_reported(
        extractor: quoteattr.Extractor, text: str, words: str, name: str, verb: str) -> None:
    quote = quote_of(extractor, text, words)
    assert (quote.kind, quote.cue) == ("direct", "verb")
    assert quote.speaker is not None and quote.speaker.name == name
    assert quote.verb is not None and quote.verb.text == verb
    assert quote.confidence >= 0.5


def test_direct_scare_quote_inside_an_announced_noun_phrase_is_part_of_the_report(
        extractor: quoteattr.Extractor) -> None:
    quotes = extract(extractor, "Le ministre a annoncé la fin du « bouclier tarifaire ».")
    assert [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        ("mixed", "la fin du « bouclier tarifaire »", "Le ministre")]


@pytest.mark.parametrize(
    "text",
    [
        "Un « sommet » très discret s'est tenu à Genève.",
        "La série « Les Revenants » revient sur les écrans.",
        "La loi dite « Toit pour tous » entre en vigueur lundi.",
        "Le match s'annonce comme un « choc des titans ».",
        "L'affaire rappelle celle racontée dans le documentaire « Icarus ».",
        "Le juge a qualifié « Les Misérables » de chef-d'œuvre.",
        "Le ministre a salué « Le Grand Bleu », le film de son enfance.",
    ],
)
def test_direct_scare_quotes_and_titles_stay_below_threshold(extractor: quoteattr.Extractor, text: str) -> None:
    assert extract(extractor, text) == []
    candidates = extract(extractor, text, min_confidence=0)
    assert len(candidates) == 1 and candidates[0].cue == "none" and candidates[0].confidence < 0.5


def test_direct_fragment_opening_a_directive_clause_stays_mixed(extractor: quoteattr.Extractor) -> None:
    text = "La porte-parole, Inès Caron, a appelé à « ne rien lâcher » jusqu'au vote."
    quotes = extract(extractor, text)
    assert [(q.kind, q.text) for q in quotes] == [("mixed", "« ne rien lâcher » jusqu'au vote")]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Inès Caron"


def test_direct_clause_ending_with_a_fragment_before_an_incise_is_one_mixed_quote(
        extractor: quoteattr.Extractor) -> None:
    text = ("Le comédien Paul Varenne est mort dans la nuit de vendredi à samedi à Marseille « des "
            "suites d'une longue maladie », a révélé son avocate à l'AFP.")
    quotes = extract(extractor, text)
    assert len(quotes) == 1, [(q.kind, q.text) for q in quotes]
    quote = quotes[0]
    assert quote.kind == "mixed" and quote.text.startswith("Le comédien Paul Varenne est mort")
    assert quote.text.endswith("« des suites d'une longue maladie »")
    assert quote.speaker is not None and quote.speaker.text == "son avocate"
    assert quote.verb is not None and quote.verb.text == "a révélé"


def test_direct_headline_topic_before_a_colon_leaves_the_incise_its_quote(
        extractor: quoteattr.Extractor) -> None:
    text = "Grippe : « Le pic n'est pas encore atteint », prévient l'épidémiologiste Anne Morel."
    quote = quote_of(extractor, text, "Le pic n'est pas encore atteint")
    assert (quote.kind, quote.cue) == ("direct", "verb")
    assert quote.speaker is not None and quote.speaker.name == "Anne Morel"
    assert len(extract(extractor, text)) == 1


# --- incises with no comma, and quotes that go on after the incise -------------------------------

def test_direct_incise_with_no_comma_and_an_inverted_clitic(extractor: quoteattr.Extractor) -> None:
    text = ("La ministre de la Santé, Claire Vasseur, était attendue à Lyon. « Nous ne fermerons "
            "aucune maternité » a-t-elle souligné devant les élus.")
    quote = quote_of(extractor, text, "Nous ne fermerons aucune maternité")
    assert (quote.kind, quote.cue) == ("direct", "verb")
    assert quote.speaker is not None and (quote.speaker.text, quote.speaker.name) == ("elle", "Claire Vasseur")
    assert quote.verb is not None and quote.verb.lemma == "souligner"


@pytest.mark.parametrize(
    ("text", "first", "second", "name"),
    [
        (("Le ministre Paul Renard a présenté le budget. « Le plan est prêt » a-t-il dit, « mais il "
          "faudra du temps »."), "Le plan est prêt", "mais il faudra du temps", "Paul Renard"),
        (("Le maire, Jean Dumas, a répondu aux critiques. « Nous avons tout fait pour éviter cela » "
          "a assuré le maire, « et nous continuerons »."), "Nous avons tout fait pour éviter cela",
         "et nous continuerons", "Jean Dumas"),
    ],
)
def test_direct_quote_after_the_incise_shares_its_speaker_and_verb(
        extractor: quoteattr.Extractor, text: str, first: str, second: str, name: str) -> None:
    before, after = quote_of(extractor, text, first), quote_of(extractor, text, second)
    for quote in (before, after):
        assert (quote.kind, quote.cue) == ("direct", "verb")
        assert quote.speaker is not None and quote.speaker.name == name
        assert quote.confidence >= 0.5
    assert after.verb == before.verb
    assert "incise_shared" in after.evidence


def test_direct_title_after_an_incise_is_not_the_speakers(extractor: quoteattr.Extractor) -> None:
    text = ("« On n'est pas venus pour gagner », a assuré la réalisatrice, dont le précédent film, "
            "« Les Voisins », avait été primé.")
    assert [q.text for q in extract(extractor, text)] == ["On n'est pas venus pour gagner"]


def test_direct_institution_in_a_description_resolves_to_the_person(extractor: quoteattr.Extractor) -> None:
    text = ("Le président François Hollande a visité l'hôpital de Figeac mardi. « Aucun Français ne "
            "doit se trouver à plus de trente minutes des urgences » estime le président de la "
            "République, qui promet des moyens.")
    quote = quote_of(extractor, text, "Aucun Français ne doit se trouver à plus de trente minutes des urgences")
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name) == ("le président de la République", "François Hollande")


# --- verbs the tagger takes for nouns, and headlines --------------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "speaker", "lemma"),
    [
        ("« La réforme va dans le mauvais sens », juge le syndicat dans un communiqué.",
         "La réforme va dans le mauvais sens", "le syndicat", "juger"),
        ("« Les chiffres ne sont pas bons », note l'association, qui demande un audit.",
         "Les chiffres ne sont pas bons", "l'association", "noter"),
        ("« Le calendrier est intenable », estime-t-on à Matignon.", "Le calendrier est intenable",
         "on", "estimer"),
    ],
)
def test_direct_incise_verb_tagged_as_another_word_class(
        extractor: quoteattr.Extractor, text: str, words: str, speaker: str, lemma: str) -> None:
    quote = quote_of(extractor, text, words)
    assert (quote.kind, quote.cue) == ("direct", "verb")
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.verb is not None and quote.verb.lemma == lemma


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Claire Vasseur : « Nous ne reculerons pas »", "Nous ne reculerons pas", "Claire Vasseur"),
        (("La CGT réunit son congrès. Pour Marc Lenoir, son secrétaire général : « C'est un moment "
          "important pour les salariés »."), "C'est un moment important pour les salariés", "Marc Lenoir"),
    ],
)
def test_direct_headline_name_before_a_colon_is_the_speaker(
        extractor: quoteattr.Extractor, text: str, words: str, name: str) -> None:
    quote = quote_of(extractor, text, words)
    assert quote.kind == "direct" and quote.speaker is not None and quote.speaker.name == name


def test_direct_headline_topic_before_a_colon_is_no_speaker(extractor: quoteattr.Extractor) -> None:
    # neither the place named in the topic nor the speaker of the quote before
    text = ("Le ministre Paul Renard a répondu aux grévistes. « Le service sera assuré », a-t-il dit.\n\n"
            "Grève à la SNCF : « Nous irons jusqu'au bout »")
    assert [q.text for q in extract(extractor, text)] == ["Le service sera assuré"]


@pytest.mark.xfail(reason="a description alone before a colon ('Le ministre de l'Intérieur :') is not "
                          "read as a speaker: on the corpus it found no real quote and one headline that is none",
                   strict=True)
def test_direct_headline_description_before_a_colon_is_the_speaker(extractor: quoteattr.Extractor) -> None:
    text = "Le ministre de l'Intérieur : « La sécurité des Français n'est pas négociable »"
    quote = quote_of(extractor, text, "La sécurité des Français n'est pas négociable")
    assert quote.speaker is not None and quote.speaker.text == "Le ministre de l'Intérieur"


# --- reports inside quotations ------------------------------------------------------------------

def test_direct_report_to_the_speaker_inside_a_quote_is_its_own_quote(extractor: quoteattr.Extractor) -> None:
    text = ("« Le directeur m'a promis au téléphone qu'il n'y aurait aucun licenciement. Deux semaines "
            "plus tard, l'usine fermait », a raconté une salariée, Léa Morin, à l'AFP.")
    quotes = extract(extractor, text)
    assert [q.kind for q in quotes] == ["direct", "indirect"]
    outer, inner = quotes
    assert outer.text.startswith("Le directeur m'a promis") and outer.text.endswith("l'usine fermait")
    assert outer.speaker is not None and outer.speaker.name == "Léa Morin"
    assert inner.text == "il n'y aurait aucun licenciement"
    assert inner.speaker is not None and inner.speaker.text == "Le directeur"
    assert outer.start <= inner.start and inner.end <= outer.end
    assert inner.relayed_by == [] and "nested_report" in inner.evidence


def test_direct_pronoun_reporting_to_the_speaker_is_someone_else(extractor: quoteattr.Extractor) -> None:
    text = ("Le prévenu, Marc Dufour, comparaît depuis lundi. À la barre, Odile Martin a raconté : "
            "« Il m'a dit que mon argent serait en sécurité. Je l'ai cru. »")
    quotes = extract(extractor, text)
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("direct", "Odile Martin"), ("indirect", "Marc Dufour")]
    assert quotes[1].text == "mon argent serait en sécurité"


def test_direct_speakers_own_report_inside_a_quote_is_not_split(extractor: quoteattr.Extractor) -> None:
    text = "« Je leur ai dit que nous ne céderions pas », a déclaré Paul Girard."
    assert [q.kind for q in extract(extractor, text)] == ["direct"]


@pytest.mark.xfail(reason="only a report made to the speaker ('m'a dit que', 'nous a assuré que') is "
                          "split out of a quote; a bare third-party report inside one stays part of it",
                   strict=True)
def test_direct_third_party_report_inside_a_quote_is_its_own_quote(extractor: quoteattr.Extractor) -> None:
    text = "« Le ministre a dit que rien ne changerait », a ironisé le député Paul Girard."
    assert [q.kind for q in extract(extractor, text)] == ["direct", "indirect"]


# --- subjects of incises and colon cues ---------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "name"),
    [
        (("Au tribunal, l'un des plaignants, Marcel Roche, 81 ans, a raconté d'une voix émue : « On "
          "m'avait promis des intérêts de 8 %. »"), "Marcel Roche"),
        (("« Nous ne voterons jamais avec eux » a répété sur Public Sénat le vice-président du parti, "
          "Mathieu Bercy."), "Mathieu Bercy"),
    ],
)
def test_direct_subject_past_an_age_or_a_channel_name(extractor: quoteattr.Extractor, text: str, name: str) -> None:
    (quote,) = extract(extractor, text)
    assert quote.kind == "direct" and quote.speaker is not None and quote.speaker.name == name


def test_direct_fragment_qualifying_a_noun_in_a_prepositional_phrase_is_no_object(
        extractor: quoteattr.Extractor) -> None:
    text = "L'organisation appelle à l'ouverture « immédiate » de couloirs humanitaires."
    assert all(q.text != "immédiate" for q in extract(extractor, text))


def test_direct_fragment_after_a_channel_named_in_a_prepositional_phrase(extractor: quoteattr.Extractor) -> None:
    text = ("La ministre de l'Agriculture, Claire Desnoyers, a promis mardi sur Ouest-France « des contrôles "
            "renforcés » dans les centrales d'achat.")
    quote = quote_of(extractor, text, "des contrôles renforcés")
    assert quote.cue == "verb" and quote.speaker is not None and quote.speaker.name == "Claire Desnoyers"


@pytest.mark.xfail(reason="'salue un film « bouleversant »' (any verb, its object, then the quote said of it) is "
                          "not read as a quote: allowing it lowered attribution on the real check split",
                   strict=True)
def test_direct_fragment_said_of_the_verbs_object(extractor: quoteattr.Extractor) -> None:
    text = "Le critique Paul Varenne salue un film « bouleversant », tandis que d'autres hésitent."
    quote = quote_of(extractor, text, "bouleversant")
    assert quote.speaker is not None and quote.speaker.name == "Paul Varenne"
