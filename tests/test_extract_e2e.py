"""End to end: one test per construction of French news reporting, on the real model.

Every passage here was written for these tests. Every test also checks that each returned
span (quote, speaker, verb, relays) is cut from the input at its offsets.
"""

from __future__ import annotations

import pytest

import quoteattr
from tests.spans import assert_spans_match, extract, only_quote, quote_of

pytestmark = pytest.mark.model


# --- incise after the quote -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "speaker", "name", "verb", "lemma"),
    [
        ("« Les négociations n'avanceront pas sans garanties sérieuses », a déclaré Dmitri Peskov "
         "lors de son point presse quotidien.",
         "Les négociations n'avanceront pas sans garanties sérieuses", "Dmitri Peskov",
         "Dmitri Peskov", "a déclaré", "déclarer"),
        ("Le ministre de l'Économie, Hugo Ferrand, a présenté son plan jeudi. « Nous devons "
         "réduire le déficit dès cette année », a-t-il affirmé.",
         "Nous devons réduire le déficit dès cette année", "il", "Hugo Ferrand", "affirmé", "affirmer"),
        pytest.param(
            "La maire de Rennes, Sophie Garnier, a visité le chantier mardi. « Ce quartier mérite "
            "mieux que des promesses », affirme-t-elle.",
            "Ce quartier mérite mieux que des promesses", "elle", "Sophie Garnier", "affirme", "affirmer",
        ),
        ("« Nous ne voterons pas ce budget en l'état » déclare à l'AFP Jean-Philippe Magnen, "
         "le porte-parole du parti.",
         "Nous ne voterons pas ce budget en l'état", "Jean-Philippe Magnen, le porte-parole du parti",
         "Jean-Philippe Magnen", "déclare", "déclarer"),
    ],
)
def test_extract_incise_after_quote(extractor: quoteattr.Extractor, text: str, words: str,
                                    speaker: str, name: str, verb: str, lemma: str) -> None:
    quote = only_quote(extractor, text)
    assert (quote.text, quote.kind, quote.cue) == (words, "direct", "verb")
    assert quote.speaker is not None and quote.verb is not None
    assert (quote.speaker.text, quote.speaker.name, quote.speaker.kind) == (speaker, name, "person")
    assert (quote.verb.text, quote.verb.lemma) == (verb, lemma)
    assert quote.confidence >= 0.5


# --- speaker before the quote, with a colon ---------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "speaker", "name", "verb"),
    [
        ("Dmitri Peskov a déclaré : « Le Kremlin n'a reçu aucune proposition concrète de Washington. »",
         "Le Kremlin n'a reçu aucune proposition concrète de Washington.", "Dmitri Peskov",
         "Dmitri Peskov", "a déclaré"),
        ("La sénatrice Lucie Marchal a prévenu :\u00a0«\u00a0Nous ne voterons pas ce texte.\u00a0»",
         "Nous ne voterons pas ce texte.", "La sénatrice Lucie Marchal", "Lucie Marchal", "a prévenu"),
    ],
)
def test_extract_speaker_before_with_colon(extractor: quoteattr.Extractor, text: str, words: str,
                                           speaker: str, name: str, verb: str) -> None:
    quote = only_quote(extractor, text)
    assert (quote.text, quote.kind, quote.cue) == (words, "direct", "colon")
    assert quote.speaker is not None and quote.verb is not None
    assert (quote.speaker.text, quote.speaker.name, quote.verb.text) == (speaker, name, verb)


# --- block quote after "X a déclaré :" --------------------------------------------------------

BLOCK = "La Russie ne reculera pas devant les pressions occidentales et ira jusqu'au bout de ses objectifs."


@pytest.mark.parametrize(
    "text",
    [
        f"Le président russe a déclaré :\n\n{BLOCK}\n\nMis à jour à 10h15 CEST\n\n"
        "Les combats se poursuivent dans la région de Donetsk.",
        f"Le président russe a déclaré :\n{BLOCK}\nMis à jour à 10h15 CEST\n"
        "Les combats se poursuivent dans la région de Donetsk.",
        f"09h12 CEST\nLe président russe a déclaré :\n\n{BLOCK}\n\n09h40 CEST\n"
        "Les combats se poursuivent dans la région de Donetsk.",
    ],
)
def test_extract_block_after_colon_ends_before_timestamp(extractor: quoteattr.Extractor, text: str) -> None:
    quote = only_quote(extractor, text)
    assert (quote.text, quote.kind, quote.cue) == (BLOCK, "block", "colon")
    assert quote.start == text.index(BLOCK)
    assert quote.speaker is not None and quote.verb is not None
    assert quote.speaker.text == "Le président russe"
    assert (quote.verb.text, quote.verb.lemma) == ("a déclaré", "déclarer")


# --- incise inside the quote ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "speaker", "name", "lemma"),
    [
        ("Le chef de la diplomatie, Marc Delorme, s'est montré ferme. « Nous sommes prêts à "
         "discuter, a-t-il dit, mais pas sous la menace des sanctions. »",
         "Nous sommes prêts à discuter, a-t-il dit, mais pas sous la menace des sanctions.",
         "il", "Marc Delorme", "dire"),
        ("« Le dialogue reste ouvert, a déclaré le ministre Paul Girard, mais nos exigences n'ont "
         "pas changé. »",
         "Le dialogue reste ouvert, a déclaré le ministre Paul Girard, mais nos exigences n'ont pas changé.",
         "le ministre Paul Girard", "Paul Girard", "déclarer"),
    ],
)
def test_extract_mid_quote_incise_gives_one_quote(extractor: quoteattr.Extractor, text: str, words: str,
                                                  speaker: str, name: str, lemma: str) -> None:
    quote = only_quote(extractor, text)
    assert (quote.text, quote.kind, quote.cue) == (words, "direct", "verb")
    assert quote.speaker is not None and quote.verb is not None
    assert (quote.speaker.text, quote.speaker.name, quote.verb.lemma) == (speaker, name, lemma)


# --- "selon X" / "d'après X" ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "speaker", "name"),
    [
        ("Selon Dmitri Peskov, « aucune rencontre n'est prévue à ce stade ».",
         "aucune rencontre n'est prévue à ce stade", "Dmitri Peskov", "Dmitri Peskov"),
        ("D'après Anne Leclerc, « le texte sera voté avant l'été ».",
         "le texte sera voté avant l'été", "Anne Leclerc", "Anne Leclerc"),
        ("« La piscine rouvrira avant les vacances », selon le maire de Grenoble, Éric Vallet.",
         "La piscine rouvrira avant les vacances", "le maire de Grenoble, Éric Vallet", "Éric Vallet"),
        ("« Aucune rencontre n'est prévue à ce stade », d'après le porte-parole du Kremlin.",
         "Aucune rencontre n'est prévue à ce stade", "le porte-parole du Kremlin",
         "le porte-parole du Kremlin"),
        ("Selon le maire de Grenoble, Éric Vallet, « la piscine rouvrira avant les vacances ».",
         "la piscine rouvrira avant les vacances", "le maire de Grenoble, Éric Vallet", "Éric Vallet"),
    ],
)
def test_extract_selon_around_quote(extractor: quoteattr.Extractor, text: str, words: str,
                                    speaker: str, name: str) -> None:
    quote = only_quote(extractor, text)
    assert (quote.text, quote.kind, quote.cue) == (words, "direct", "selon")
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name) == (speaker, name)
    assert quote.verb is None


# --- cue-less quote after a quote of the same speaker ----------------------------------------

@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("« Nous ne céderons rien », a déclaré la ministre Anne Leclerc. « Les Français "
         "attendent des résultats. »", "Les Français attendent des résultats."),
        ("« Nous ne céderons rien », a déclaré la ministre Anne Leclerc.\n\n« Les Français "
         "attendent des résultats concrets. »", "Les Français attendent des résultats concrets."),
    ],
)
def test_extract_cueless_quote_goes_to_previous_speaker(extractor: quoteattr.Extractor, text: str,
                                                        second: str) -> None:
    quotes = extract(extractor, text)
    assert [q.text for q in quotes] == ["Nous ne céderons rien", second]
    first, following = quotes
    assert first.speaker is not None and following.speaker is not None
    assert (first.cue, first.speaker.name) == ("verb", "Anne Leclerc")
    assert (following.kind, following.cue, following.verb) == ("direct", "none", None)
    assert following.speaker.name == "Anne Leclerc"
    assert following.speaker.text == first.speaker.text
    assert following.confidence < first.confidence


# --- pronouns: gender agreement --------------------------------------------------------------

FERRAND_FIRST = ("Le ministre de l'Intérieur, Hugo Ferrand, s'est exprimé après la ministre des "
                 "Armées, Léa Morin. « Les effectifs seront renforcés », a-t-{} déclaré.")
MORIN_FIRST = ("La ministre des Armées, Léa Morin, s'est exprimée avant le ministre de "
               "l'Intérieur, Hugo Ferrand. « Les effectifs seront renforcés », a-t-{} déclaré.")


@pytest.mark.parametrize(
    ("text", "pronoun", "name"),
    [
        (FERRAND_FIRST.format("il"), "il", "Hugo Ferrand"),
        (FERRAND_FIRST.format("elle"), "elle", "Léa Morin"),
        pytest.param(
            MORIN_FIRST.format("il"), "il", "Hugo Ferrand",
        ),
        pytest.param(
            MORIN_FIRST.format("elle"), "elle", "Léa Morin",
        ),
    ],
)
def test_extract_pronoun_resolves_with_gender_agreement(extractor: quoteattr.Extractor, text: str,
                                                        pronoun: str, name: str) -> None:
    quote = quote_of(extractor, text, "Les effectifs seront renforcés")
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name, quote.speaker.kind) == (pronoun, name, "person")
    assert quote.speaker.start == text.index("-t-" + pronoun) + 3


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        ("« Nous reviendrons l'an prochain », a-t-elle déclaré.", "elle"),
        ("« Nous reviendrons l'an prochain », promet-elle.", "elle"),
        ("« Le chantier reprendra lundi », a-t-il promis.", "il"),
        pytest.param(
            "La foule s'est dispersée. « Nous reviendrons l'an prochain », a-t-elle promis.", "elle",
        ),
    ],
)
def test_extract_unresolvable_pronoun_stays_a_pronoun(extractor: quoteattr.Extractor, text: str,
                                                      pronoun: str) -> None:
    quote = only_quote(extractor, text)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name, quote.speaker.kind) == (pronoun, pronoun, "pronoun")


# --- descriptions resolved to a named person -------------------------------------------------

DESCRIPTIONS = [
    ("Le président russe Vladimir Poutine s'est exprimé mardi devant le Parlement.\n\n« La Russie "
     "ne cédera à aucune pression », a déclaré le président russe.",
     "La Russie ne cédera à aucune pression", "le président russe", "Vladimir Poutine", "président russe"),
    ("La ministre Claire Fontaine a annoncé lundi la fermeture du site. « Cette décision n'a pas "
     "été prise à la légère », a expliqué la ministre.",
     "Cette décision n'a pas été prise à la légère", "la ministre", "Claire Fontaine", "ministre"),
]


@pytest.mark.parametrize(("text", "words", "speaker", "name", "role"), DESCRIPTIONS)
def test_extract_description_resolves_to_named_person(extractor: quoteattr.Extractor, text: str,
                                                      words: str, speaker: str, name: str,
                                                      role: str) -> None:
    quote = quote_of(extractor, text, words)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name, quote.speaker.kind) == (speaker, name, "person")


@pytest.mark.parametrize(("text", "words", "speaker", "name", "role"), DESCRIPTIONS)
def test_extract_description_role_has_no_article(extractor: quoteattr.Extractor, text: str,
                                                 words: str, speaker: str, name: str, role: str) -> None:
    quote = quote_of(extractor, text, words)
    assert quote.speaker is not None
    assert quote.speaker.role == role


# --- apposition: role and name ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("« La situation reste sous contrôle », a déclaré le porte-parole du Kremlin, Dmitri Peskov.",
         "le porte-parole du Kremlin, Dmitri Peskov"),
        ("Le porte-parole du Kremlin, Dmitri Peskov, a déclaré : « Nous suivons la situation de près. »",
         "Le porte-parole du Kremlin, Dmitri Peskov"),
        ("« Nous attendons une réponse écrite », a déclaré Dmitri Peskov, le porte-parole du Kremlin.",
         "Dmitri Peskov, le porte-parole du Kremlin"),
        pytest.param(
            "Dmitri Peskov, le porte-parole du Kremlin, a déclaré : « Nous attendons une réponse écrite. »",
            "Dmitri Peskov, le porte-parole du Kremlin",
        ),
    ],
)
def test_extract_apposition_gives_name_and_role(extractor: quoteattr.Extractor, text: str,
                                                speaker: str) -> None:
    quote = only_quote(extractor, text)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name, quote.speaker.role, quote.speaker.kind) == (
        speaker, "Dmitri Peskov", "porte-parole du Kremlin", "person")


# --- honorifics -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "speaker", "name", "role"),
    [
        ("« Nous attendons des actes », a déclaré M. Dupont.", "M. Dupont", "Dupont", None),
        ("« Nous attendons des actes », a déclaré Mme Anne Leclerc.", "Mme Anne Leclerc", "Anne Leclerc", None),
        pytest.param(
            "La ministre de la Santé, Mme Anne Leclerc, a déclaré : « Les hôpitaux sont prêts. »",
            "La ministre de la Santé, Mme Anne Leclerc", "Anne Leclerc", "ministre de la Santé",
        ),
    ],
)
def test_extract_honorifics_dropped_from_names(extractor: quoteattr.Extractor, text: str, speaker: str,
                                               name: str, role: str | None) -> None:
    quote = only_quote(extractor, text)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name, quote.speaker.role) == (speaker, name, role)


# --- reporting verbs --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("« Le calendrier sera tenu », a déclaré la ministre Amélie Roux.", "déclarer"),
        ("La ministre Anne Leclerc a fait valoir que le texte constituait une avancée majeure "
         "pour les patients.", "faire valoir"),
        ("« Ce texte est une avancée majeure », a fait valoir la ministre Anne Leclerc.", "faire valoir"),
        ("« Cette décision est une erreur », a reconnu la sénatrice Lucie Marchal.", "reconnaître"),
        ("« Le nouveau stade sera livré en 2026 », a souligné le président de la région, Gilles Roussel.",
         "souligner"),
        ("« Le chantier reprendra lundi », a-t-il promis.", "promettre"),
    ],
)
def test_extract_reporting_verb_lemma(extractor: quoteattr.Extractor, text: str, lemma: str) -> None:
    quote = only_quote(extractor, text)
    assert quote.verb is not None
    assert quote.verb.lemma == lemma


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("« Le calendrier sera tenu », a déclaré la ministre Amélie Roux.", "a déclaré"),
        ("La ministre Anne Leclerc a fait valoir que le texte constituait une avancée majeure "
         "pour les patients.", "a fait valoir"),
        ("« Le chantier reprendra lundi », a-t-il promis.", "promis"),
        ("Le ministre Paul Girard aurait déclaré que la réforme serait abandonnée.", "aurait déclaré"),
        pytest.param(
            "« Ce texte est une avancée majeure », a fait valoir la ministre Anne Leclerc.", "a fait valoir",
        ),
    ],
)
def test_extract_reporting_verb_span_takes_adjacent_auxiliary(extractor: quoteattr.Extractor, text: str,
                                                              verb: str) -> None:
    quote = only_quote(extractor, text)
    assert quote.verb is not None
    assert quote.verb.text == verb


# --- relaying outlets -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "speaker", "kind", "relays"),
    [
        ("« Les forces russes ont repoussé trois assauts dans la nuit », a déclaré le ministère "
         "de la Défense, rapporte l'agence de presse russe Tass.",
         "Les forces russes ont repoussé trois assauts dans la nuit", "le ministère de la Défense",
         "organization", [("Tass", "Tass")]),
        ("« Nous ne quitterons pas la table des négociations », a déclaré à l'AFP le négociateur "
         "ukrainien Oleg Marchenko.",
         "Nous ne quitterons pas la table des négociations", "le négociateur ukrainien Oleg Marchenko",
         "person", [("AFP", "AFP")]),
        ("« Aucun accord n'a été signé », a affirmé Sergueï Lavrov, selon Interfax.",
         "Aucun accord n'a été signé", "Sergueï Lavrov", "person", [("Interfax", "Interfax")]),
        ("« Nous ne voterons pas ce budget en l'état » déclare à l'AFP Jean-Philippe Magnen, "
         "le porte-parole du parti.",
         "Nous ne voterons pas ce budget en l'état", "Jean-Philippe Magnen, le porte-parole du parti",
         "person", [("AFP", "AFP")]),
        ("« Les négociations reprendront lundi », a indiqué le ministre Paul Girard sur franceinfo.",
         "Les négociations reprendront lundi", "le ministre Paul Girard", "person",
         [("franceinfo", "franceinfo")]),
        pytest.param(
            "La porte-parole de la Commission, Léa Morin, a appelé au calme. « Il faut rouvrir le "
            "dialogue », a-t-elle ajouté, selon l'agence Reuters.",
            "Il faut rouvrir le dialogue", "elle", "person", [("Reuters", "Reuters")],
        ),
    ],
)
def test_extract_relaying_outlet_in_cue_sentence(extractor: quoteattr.Extractor, text: str, words: str,
                                                 speaker: str, kind: str,
                                                 relays: list[tuple[str, str]]) -> None:
    quote = only_quote(extractor, text)
    assert (quote.text, quote.kind, quote.cue) == (words, "direct", "verb")
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.kind) == (speaker, kind)
    assert [(r.text, r.name) for r in quote.relayed_by] == relays


def test_extract_outlet_speaker_is_an_organization(extractor: quoteattr.Extractor) -> None:
    text = "« Les frappes ont visé des installations militaires », a rapporté l'agence Tass."
    quote = only_quote(extractor, text)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.kind) == ("Tass", "organization")
    assert [r.name for r in quote.relayed_by] == ["Tass"]


# --- quote mark styles ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("\"Nous n'avons reçu aucune offre sérieuse\", a affirmé le président du club, Thomas "
         "Richard, à l'issue du match.", "Nous n'avons reçu aucune offre sérieuse", "Thomas Richard"),
        ("“Le calendrier sera tenu”, a assuré la ministre des Sports, Amélie Roux.",
         "Le calendrier sera tenu", "Amélie Roux"),
        ("«\u00a0Le calendrier sera tenu\u00a0», a assuré la ministre des Sports, Amélie Roux.",
         "Le calendrier sera tenu", "Amélie Roux"),
        ("«\u202fLe calendrier sera tenu\u202f», a assuré la ministre des Sports, Amélie Roux.",
         "Le calendrier sera tenu", "Amélie Roux"),
        ("«Le calendrier sera tenu», a assuré la ministre des Sports, Amélie Roux.",
         "Le calendrier sera tenu", "Amélie Roux"),
    ],
)
def test_extract_quote_mark_styles(extractor: quoteattr.Extractor, text: str, words: str, name: str) -> None:
    quote = only_quote(extractor, text)
    assert (quote.text, quote.kind, quote.cue) == (words, "direct", "verb")
    assert quote.speaker is not None and quote.speaker.name == name


# --- nested and multi-paragraph quotes --------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("« Quand j'ai entendu “on ferme”, j'ai compris que c'était fini », a raconté Julien Morel, "
         "ouvrier depuis vingt ans.", "Quand j'ai entendu “on ferme”, j'ai compris que c'était fini"),
        ("« Il m'a répondu « nous verrons » et il est parti », a raconté Julien Morel, ouvrier "
         "depuis vingt ans.", "Il m'a répondu « nous verrons » et il est parti"),
    ],
)
def test_extract_nested_quotes_give_one_quote(extractor: quoteattr.Extractor, text: str, words: str) -> None:
    quote = only_quote(extractor, text)
    assert (quote.text, quote.kind) == (words, "direct")
    assert quote.speaker is not None and quote.speaker.name == "Julien Morel"


def test_extract_multi_paragraph_quote_is_one_quote(extractor: quoteattr.Extractor) -> None:
    first = "Nous avons trop attendu. Les habitants du quartier vivent depuis des années au milieu des chantiers."
    last = "Nous lancerons les travaux dès septembre et ils dureront deux ans"
    text = ("Le maire de Lille, Arnaud Berthet, a pris la parole devant le conseil municipal.\n\n"
            f"« {first}\n\n« {last} », a-t-il promis.")
    quote = only_quote(extractor, text)
    assert quote.text == f"{first}\n\n« {last}"
    assert (quote.kind, quote.cue) == ("direct", "verb")
    assert quote.speaker is not None and quote.verb is not None
    assert (quote.speaker.text, quote.speaker.name, quote.verb.lemma) == ("il", "Arnaud Berthet", "promettre")


# --- indirect and mixed quotes ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "name", "lemma"),
    [
        ("Le Premier ministre Marc Aubert a déclaré que le gouvernement présenterait un nouveau "
         "projet de loi à l'automne.",
         "le gouvernement présenterait un nouveau projet de loi à l'automne", "Marc Aubert", "déclarer"),
        ("Le porte-parole du gouvernement, Olivier Brun, a affirmé qu'il n'y aurait pas de hausse "
         "d'impôts l'an prochain.",
         "il n'y aurait pas de hausse d'impôts l'an prochain", "Olivier Brun", "affirmer"),
    ],
)
def test_extract_indirect_speech_without_que(extractor: quoteattr.Extractor, text: str, words: str,
                                             name: str, lemma: str) -> None:
    quote = only_quote(extractor, text)
    assert (quote.text, quote.kind, quote.cue) == (words, "indirect", "verb")
    assert quote.speaker is not None and quote.verb is not None
    assert (quote.speaker.name, quote.verb.lemma) == (name, lemma)


@pytest.mark.parametrize(
    ("text", "words", "fragments"),
    [
        ("La ministre Anne Leclerc a estimé que cette réforme était « une erreur historique » pour le pays.",
         "cette réforme était « une erreur historique » pour le pays", ["une erreur historique"]),
        ("Le maire Paul Girard a jugé que le projet était « trop coûteux » et « mal préparé ».",
         "le projet était « trop coûteux » et « mal préparé »", ["trop coûteux", "mal préparé"]),
    ],
)
def test_extract_mixed_quote_is_one_record(extractor: quoteattr.Extractor, text: str, words: str,
                                           fragments: list[str]) -> None:
    quotes = extract(extractor, text, min_confidence=0.0)
    assert [(q.text, q.kind, q.cue) for q in quotes] == [(words, "mixed", "verb")]
    assert all(fragment not in {q.text for q in quotes} for fragment in fragments)


@pytest.mark.parametrize(
    ("text", "negated", "hedged"),
    [
        ("Le ministre Paul Girard n'a pas dit que la réforme serait abandonnée.", True, False),
        ("Le ministre Paul Girard aurait déclaré que la réforme serait abandonnée.", False, True),
        ("Le ministre Paul Girard a déclaré que la réforme serait abandonnée.", False, False),
    ],
)
def test_extract_negated_and_hedged_reports(extractor: quoteattr.Extractor, text: str, negated: bool,
                                            hedged: bool) -> None:
    quote = only_quote(extractor, text)
    assert quote.text == "la réforme serait abandonnée"
    assert (quote.negated, quote.hedged) == (negated, hedged)


# --- scare quotes and titles ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Les deux dirigeants ont tenu un « sommet » très discret dans la capitale.", "sommet"),
        ("La série « Les Dames du lac » connaît un succès inattendu auprès des adolescents.",
         "Les Dames du lac"),
        ("Le journaliste a participé à l'émission “Complément d'enquête” la semaine dernière.",
         "Complément d'enquête"),
    ],
)
def test_extract_scare_quote_only_below_default_confidence(extractor: quoteattr.Extractor, text: str,
                                                           words: str) -> None:
    assert extract(extractor, text) == []
    quote = only_quote(extractor, text, min_confidence=0.0)
    assert (quote.text, quote.cue, quote.speaker, quote.verb) == (words, "none", None, None)
    assert quote.confidence < 0.5


@pytest.mark.model
def test_extract_incise_at_the_end_inside_a_quote_is_no_mid_quote_incise(extractor: quoteattr.Extractor) -> None:
    # found by the property tests: the incise closes a nested quote and no quoted words
    # follow it, so it may not attribute the outer quote from inside
    text = ("Nous ne céderons pas « Le porte-parole du Kremlin, Dmitri Peskov, a déclaré « Le "
            "porte-parole du Kremlin a déclaré », a-t-il déclaré »")
    quotes = extractor.extract(text, min_confidence=0)
    assert_spans_match(text, quotes)
    for quote in quotes:
        if quote.speaker is not None:
            assert quote.speaker.end <= quote.start or quote.speaker.start >= quote.end, quote
