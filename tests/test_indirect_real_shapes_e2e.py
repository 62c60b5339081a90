"""End to end: reported speech in the shapes real articles use (issue "Accuracy on real journalism").

Every passage was written for these tests, in the shapes of the misses found on real news:
reports whose content is a noun phrase, cues that are not a verb before "que", words that
look like a complementiser but are not, outlets against speakers, organisations as speakers.
Each test checks that every returned span is cut from the input at its offsets.
"""

from __future__ import annotations

import pytest

import quoteattr
from tests.spans import extract, only_quote

pytestmark = pytest.mark.model


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


# --- cues that are not a verb before "que" --------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # "selon X" between commas after a fronted adverbial: the clause after it is reported
        ("En mars 2010, selon le Groupe La Poste, le réseau de distribution comptait encore "
         "17 000 points de contact sur le territoire.",
         "le réseau de distribution comptait encore 17 000 points de contact sur le territoire",
         "le Groupe La Poste"),
        # "Selon X" right after a dateline's dash
        ("Drame à Lyon\n\n12 mars 2014. - Selon la préfecture, trois personnes ont été blessées "
         "dans l'incendie d'un entrepôt de la banlieue est.",
         "trois personnes ont été blessées dans l'incendie d'un entrepôt de la banlieue est",
         "la préfecture"),
        # "selon un communiqué de X": the speaker is X; a passive verb in the clause is no report
        ("Trois hommes ont été interpellés dans la nuit à Marseille pour des soupçons de trafic "
         "d'armes, selon un communiqué de la gendarmerie nationale.",
         "Trois hommes ont été interpellés dans la nuit à Marseille pour des soupçons de trafic d'armes",
         "la gendarmerie nationale"),
        # "X pour qui …"
        ("Les salaires augmenteront de 2 %, ni les organisations patronales tel le Medef pour qui "
         "seule une hausse liée aux prix pourrait être acceptée.",
         "seule une hausse liée aux prix pourrait être acceptée", "Medef"),
        # "X, pour qui, selon ses sources, …": the speaker is X, not the sources
        ("C'est aussi l'avis du député Paul Lemoine, pour qui, selon ses propres sources, les "
         "négociations ont échoué la semaine dernière.",
         "les négociations ont échoué la semaine dernière", "Paul Lemoine"),
        # "Comme l'a rappelé X, …"
        ("Comme l'a rappelé la ministre de la Santé, Claire Dumas, les hôpitaux manquent de "
         "personnel depuis des années.",
         "les hôpitaux manquent de personnel depuis des années", "Claire Dumas"),
        # "… comme le précise X", after a fronted subordinate clause
        ("Cependant, si la sécurité est confiée à la police locale, l'armée ne va pas quitter "
         "entièrement la région comme le précise le ministre de la Défense, Hervé Morin.",
         "l'armée ne va pas quitter entièrement la région", "Hervé Morin"),
        # "X s'est dit inquiet de …"
        ("Le président du club, Marc Olivier, s'est dit inquiet de la baisse des affluences au "
         "stade depuis le début de la saison.",
         "inquiet de la baisse des affluences au stade depuis le début de la saison", "Marc Olivier"),
    ],
)
def test_cues_that_are_not_a_verb_before_que(extractor: quoteattr.Extractor, text: str, words: str,
                                             speaker: str) -> None:
    quote = only_quote(extractor, text)
    assert (quote.text, quote.kind) == (words, "indirect")
    assert quote.speaker is not None and speaker in (quote.speaker.name, quote.speaker.text)


def test_headline_with_selon_at_its_end(extractor: quoteattr.Extractor) -> None:
    text = ("Emploi : Le nombre de postes supprimés atteint 12 000 selon la FSU\n\n"
            "12 mars 2014. - La fédération a publié mardi son bilan annuel.")
    quote = extract(extractor, text)[0]
    assert (quote.text, quote.cue) == ("Le nombre de postes supprimés atteint 12 000", "selon")
    assert quote.speaker is not None and quote.speaker.name == "FSU"


@pytest.mark.parametrize(
    "text",
    [
        # "selon" meaning "depending on", after a conjunction or a relative pronoun
        "Ces délits sont punis de dix ans de prison ou, selon les tribunaux, d'une amende très lourde.",
        "La statue représente la déesse qui, selon la légende, aurait fondé la ville au cinquième siècle.",
        # after a que-clause has begun
        "Rappelons qu'au Sénat, selon les premiers résultats, la gauche garde une courte majorité.",
        # "Pour X, <apposition> :" only introduces a quotation
        "Pour Jean Dufresne, le secrétaire général du syndicat : « Nous attendons des actes du "
        "gouvernement dès la rentrée ».",
    ],
)
def test_selon_and_pour_that_attribute_no_reported_clause(extractor: quoteattr.Extractor,
                                                         text: str) -> None:
    assert [q for q in extract(extractor, text) if q.kind == "indirect"] == []


# --- que-clauses: what opens one and what does not -------------------------------------------------

def test_que_glued_to_an_opening_guillemet_opens_the_reported_clause(extractor: quoteattr.Extractor) -> None:
    text = "Le syndicat SUD-Rail a relevé qu'« aucune mesure de sécurité n'avait été prise sur le chantier »."
    quote = only_quote(extractor, text)
    assert quote.text.strip("« »") == "aucune mesure de sécurité n'avait été prise sur le chantier"
    assert quote.speaker is not None and quote.speaker.name == "SUD-Rail"
    assert quote.verb is not None and quote.verb.lemma == "relever"


@pytest.mark.parametrize(
    "text",
    [
        "Le maire a tout fait pour qu'un accord soit trouvé avant la fin du mois de juin.",
        "Les élus ont voté le texte afin qu'il entre en vigueur dès le premier janvier prochain.",
        "La police a multiplié les patrouilles, bien que le nombre d'incidents dans le quartier soit en baisse.",
        "Le préfet a renforcé les contrôles vu que les accidents se sont multipliés sur cette route.",
        "Force ouvrière espérait une hausse de 3 % ainsi que la prime exceptionnelle réclamée par tous.",
        "Le gouvernement a expliqué alors que la crise s'aggravait de jour en jour dans le pays.",
        "Le ministre a regretté le fait que les négociations aient échoué une nouvelle fois cette semaine.",
        # relative "que" whose antecedent is the verb's object
        "Le musée présente aussi quelques-unes des expositions qu'il entend organiser pour son centenaire.",
        # a negated report of a noun phrase is no report
        "La police n'a pas confirmé le lien entre ces arrestations et les prochains Jeux olympiques.",
    ],
)
def test_que_that_is_no_complementiser_gives_no_report(extractor: quoteattr.Extractor, text: str) -> None:
    assert [q for q in extract(extractor, text) if q.kind in {"indirect", "mixed"}] == []


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the addressee is the verb's object: its "que" is still a complementiser
        ("Moscou a averti les Occidentaux qu'une livraison de missiles à longue portée serait une "
         "escalade.", "une livraison de missiles à longue portée serait une escalade", "Moscou"),
        # "plus tard" is a time, not a comparative
        ("Le porte-parole de l'armée a rapporté plus tard que trois soldats avaient été blessés lors "
         "de l'attaque.", "trois soldats avaient été blessés lors de l'attaque", "Le porte-parole de l'armée"),
        # a "ni" inside quote marks does not cut the clause
        ("La ministre de l'Industrie, Ana Reyes, a affirmé que son pays ne voulait « dépendre d'aucune "
         "puissance, ni à l'est ni au nord ».",
         "son pays ne voulait « dépendre d'aucune puissance, ni à l'est ni au nord »", "Ana Reyes"),
    ],
)
def test_que_clauses_that_are_reports(extractor: quoteattr.Extractor, text: str, words: str,
                                      speaker: str) -> None:
    quote = only_quote(extractor, text)
    assert quote.text == words
    assert quote.speaker is not None and speaker in (quote.speaker.name, quote.speaker.text)


def test_report_before_a_colon_quote_keeps_both(extractor: quoteattr.Extractor) -> None:
    text = ("Le député Nock Kader, élu du nord, a précisé que les milices armées ne représentaient pas "
            "la population : « Au nord, toutes les communautés vivent ensemble. »")
    quotes = extract(extractor, text)
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "les milices armées ne représentaient pas la population"),
        ("direct", "Au nord, toutes les communautés vivent ensemble.")]
    assert all(q.speaker is not None and q.speaker.name == "Nock Kader" for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        "Le trafic reprendra normalement dans la matinée, a indiqué la direction. Rester prudent sur "
        "les routes demeure la consigne.",
        "Le calme est revenu dans le quartier, a précisé la préfecture. Qu'en pensent les habitants ?",
    ],
)
def test_incise_check_stops_at_the_sentence_end(extractor: quoteattr.Extractor, text: str) -> None:
    quote = only_quote(extractor, text)
    assert quote.text == text.split(",")[0]


# --- the subject finder: "qui" as the subject of a report ------------------------------------------

@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Cette décision a été critiquée par Paul Martin, ministre de l'Industrie, qui a déclaré au "
         "Sénat que le gouvernement refusait le plan.", "Paul Martin"),
        ("Le patronat a jugé la hausse insuffisante, comme la CGT qui demandait de porter le salaire "
         "minimum à 1 700 euros, ni les autres syndicats.", "CGT"),
    ],
)
def test_relative_qui_gives_its_antecedent_as_speaker(extractor: quoteattr.Extractor, text: str,
                                                      speaker: str) -> None:
    reports = [q for q in extract(extractor, text) if q.kind == "indirect"]
    assert len(reports) == 1
    assert reports[0].speaker is not None and reports[0].speaker.name == speaker


# --- evidence: each new construction is named by its own rule ----------------------------------------

@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("Chez Orange, la direction a confirmé jeudi un plan de suppression de 1 200 emplois.",
         ["object_clause", "subject_before"]),
        ("En mars 2010, selon le Groupe La Poste, le réseau comptait encore 17 000 points de contact.",
         ["selon_parenthetical", "selon_head"]),
        ("Les organisations patronales tel le Medef pour qui seule une hausse liée aux prix serait "
         "acceptable ont quitté la réunion.", ["pour_qui", "subject_relative"]),
        ("Comme l'a rappelé la ministre de la Santé, Claire Dumas, les hôpitaux manquent de personnel.",
         ["comme_incise"]),
        ("Le président du club s'est dit inquiet de la baisse des affluences au stade.",
         ["predicative_report"]),
        ("Cette décision a été critiquée par Paul Martin, ministre de l'Industrie, qui a déclaré que le "
         "gouvernement refusait le plan.", ["que_clause", "subject_relative"]),
    ],
)
def test_new_constructions_name_their_rules_in_evidence(extractor: quoteattr.Extractor, text: str,
                                                        rules: list[str]) -> None:
    quote = only_quote(extractor, text)
    assert quote.evidence[:len(rules)] == rules


# --- outlets against speakers ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "speaker", "relays"),
    [
        # the outlet cites a source: the source speaks, the outlet relays
        ("Les deux pays reprendront leurs pourparlers la semaine prochaine, a rapporté Kyodo, citant "
         "une source diplomatique.", "une source diplomatique", ["Kyodo"]),
        # an outlet's relay cue before the speaker's own incise
        ("Les troupes se retireront de la zone d'ici dimanche, rapporte Reuters, a déclaré le ministre "
         "de la Défense.", "le ministre de la Défense", ["Reuters"]),
        # "Selon l'agence X, le ministre …": X is no apposition of the minister
        ("Selon l'agence Tass, le ministre russe des Affaires étrangères a expliqué que les discussions "
         "se poursuivraient.", "le ministre russe des Affaires étrangères", ["Tass"]),
        # nobody else is named: the outlet is the speaker
        ("Les essais reprendront dans la région, a indiqué l'agence Yonhap.", "l'agence Yonhap", ["Yonhap"]),
    ],
)
def test_outlet_relays_and_the_speaker_is_whoever_else_is_named(
        extractor: quoteattr.Extractor, text: str, speaker: str, relays: list[str]) -> None:
    quote = only_quote(extractor, text)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert [r.name for r in quote.relayed_by] == relays


def test_framing_outlet_carries_to_the_next_report_of_the_same_speaker(extractor: quoteattr.Extractor) -> None:
    text = ("Selon l'agence Tass, le ministre russe des Affaires étrangères a expliqué que les "
            "discussions se poursuivraient. Il a ajouté que Moscou restait ouvert à une médiation.")
    quotes = extract(extractor, text)
    assert [q.text for q in quotes] == ["les discussions se poursuivraient",
                                        "Moscou restait ouvert à une médiation"]
    assert [[r.name for r in q.relayed_by] for q in quotes] == [["Tass"], ["Tass"]]
    assert "relay_carried" in quotes[1].evidence


def test_outlet_after_a_quote_does_not_carry(extractor: quoteattr.Extractor) -> None:
    text = ("« La menace est grave », a dénoncé le porte-parole du gouvernement, Kenji Ota, rapporte "
            "l'agence Kyodo. « Nous avons protesté par la voie diplomatique », a-t-il précisé.")
    quotes = extract(extractor, text)
    assert [[r.name for r in q.relayed_by] for q in quotes] == [["Kyodo"], []]


# --- organisations as speakers keep their whole noun phrase ------------------------------------------

@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("La Confédération générale du travail (CGT) estime que le nombre d'emplois menacés a doublé "
         "depuis mai.", "La Confédération générale du travail (CGT)"),
        ("Le syndicat SUD-PTT a relevé que l'enquête interne avait été retardée par la direction.",
         "Le syndicat SUD-PTT"),
    ],
)
def test_organisation_speaker_keeps_its_whole_noun_phrase(extractor: quoteattr.Extractor, text: str,
                                                          mention: str) -> None:
    quote = only_quote(extractor, text)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.kind) == (mention, "organization")
