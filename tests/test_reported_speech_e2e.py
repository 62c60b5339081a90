"""End to end: reported speech, mixed quotes, relaying outlets, relay chains and modality.

Every passage here was written for these tests (issue "Reported speech and relay chains").
Expected spans follow corpora/GUIDELINES.md: an indirect quote excludes "que"/"qu'" and the
sentence's final punctuation; a mixed quote is one record holding its « fragments »;
``relayed_by`` lists outlets nearest the reader first. Every test also checks that each
returned span (quote, speaker, verb, relays) is cut from the input at its offsets.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

import quoteattr
from quoteattr import Quote
from quoteattr.api import default_extractor
from tests.spans import extract, only_quote

pytestmark = pytest.mark.model


class Expected(NamedTuple):
    """What one quote must look like: words, kind, cue, speaker, verb lemma, relays, modality."""

    words: str
    kind: str
    cue: str
    name: str | None
    speaker_kind: str | None
    lemma: str | None
    relays: list[tuple[str, str]]
    negated: bool = False
    hedged: bool = False


def observed(quote: Quote) -> Expected:
    """Return ``quote`` in the shape of :class:`Expected`, for one comparison."""
    return Expected(
        words=quote.text,
        kind=quote.kind,
        cue=quote.cue,
        name=quote.speaker.name if quote.speaker else None,
        speaker_kind=quote.speaker.kind if quote.speaker else None,
        lemma=quote.verb.lemma if quote.verb else None,
        relays=[(r.text, r.name) for r in quote.relayed_by],
        negated=quote.negated,
        hedged=quote.hedged,
    )


def assert_only_quote(extractor: quoteattr.Extractor, text: str, expected: Expected) -> Quote:
    """Assert that ``text`` gives exactly one quote, and that it is ``expected``."""
    quote = only_quote(extractor, text)
    assert observed(quote) == expected
    return quote


# --- indirect speech: "que" clauses ------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La ministre de la Culture, Hélène Dufour, a déclaré que le musée rouvrirait ses portes "
         "au printemps.",
         Expected("le musée rouvrirait ses portes au printemps", "indirect", "verb",
                  "Hélène Dufour", "person", "déclarer", [])),
        ("Le porte-parole du gouvernement, Olivier Martel, a affirmé qu'aucune décision n'avait "
         "été prise.",
         Expected("aucune décision n'avait été prise", "indirect", "verb",
                  "Olivier Martel", "person", "affirmer", [])),
        ("Le maire de Lyon, Pierre Vidal, a déclaré que les travaux commenceraient en septembre.",
         Expected("les travaux commenceraient en septembre", "indirect", "verb",
                  "Pierre Vidal", "person", "déclarer", [])),
    ],
)
def test_que_clause_is_indirect_quote_without_que(extractor: quoteattr.Extractor, text: str,
                                                  expected: Expected) -> None:
    assert_only_quote(extractor, text, expected)


# --- indirect speech: infinitive complement ----------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le négociateur européen Paul Lambert a dit voir des perspectives d'accord avant la fin "
         "du mois.",
         Expected("voir des perspectives d'accord avant la fin du mois", "indirect", "verb",
                  "Paul Lambert", "person", "dire", [])),
        ("Le maire de Nantes, Julien Caradec, affirme être prêt à rouvrir le dialogue avec les "
         "syndicats.",
         Expected("être prêt à rouvrir le dialogue avec les syndicats", "indirect", "verb",
                  "Julien Caradec", "person", "affirmer", [])),
        ("Le président de la Fédération, Alain Mercier, a démenti avoir reçu la moindre offre du club.",
         Expected("avoir reçu la moindre offre du club", "indirect", "verb",
                  "Alain Mercier", "person", "démentir", [])),
        ("L'opposante Maria Kovalenko a déclaré à la BBC n'avoir reçu aucune menace directe.",
         Expected("n'avoir reçu aucune menace directe", "indirect", "verb",
                  "Maria Kovalenko", "person", "déclarer", [("BBC", "BBC")])),
    ],
)
def test_infinitive_complement_is_indirect_quote_from_the_infinitive(
        extractor: quoteattr.Extractor, text: str, expected: Expected) -> None:
    assert_only_quote(extractor, text, expected)


# --- indirect speech: "selon X", "d'après X", "pour X" ------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon Claire Vasseur, la réforme des retraites sera présentée en conseil des ministres "
         "avant l'été.",
         Expected("la réforme des retraites sera présentée en conseil des ministres avant l'été",
                  "indirect", "selon", "Claire Vasseur", "person", None, [])),
        ("La réforme des retraites sera présentée avant l'été, selon la ministre du Travail, "
         "Claire Vasseur.",
         Expected("La réforme des retraites sera présentée avant l'été", "indirect", "selon",
                  "Claire Vasseur", "person", None, [])),
        ("D'après Thomas Berger, l'inflation devrait ralentir nettement au second semestre.",
         Expected("l'inflation devrait ralentir nettement au second semestre", "indirect", "selon",
                  "Thomas Berger", "person", None, [])),
        ("D'après le maire de Brest, François Kerhervé, le port accueillera deux fois plus de "
         "navires l'an prochain.",
         Expected("le port accueillera deux fois plus de navires l'an prochain", "indirect", "selon",
                  "François Kerhervé", "person", None, [])),
        ("Pour Isabelle Renaud, cette décision marque un tournant dans la politique énergétique "
         "du pays.",
         Expected("cette décision marque un tournant dans la politique énergétique du pays",
                  "indirect", "selon", "Isabelle Renaud", "person", None, [])),
        ("Pour l'économiste Thomas Berger, la hausse des taux est arrivée trop tard.",
         Expected("la hausse des taux est arrivée trop tard", "indirect", "selon",
                  "Thomas Berger", "person", None, [])),
    ],
)
def test_selon_dapres_pour_give_indirect_quote_with_selon_cue(
        extractor: quoteattr.Extractor, text: str, expected: Expected) -> None:
    assert_only_quote(extractor, text, expected)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        pytest.param(
            "Selon Claire Vasseur, la réforme des retraites sera présentée en conseil des "
            "ministres avant l'été.", "Claire Vasseur",
        ),
        pytest.param(
            "D'après Thomas Berger, l'inflation devrait ralentir nettement au second semestre.",
            "Thomas Berger",
        ),
        ("Selon la ministre Claire Vasseur, la réforme des retraites sera présentée avant l'été.",
         "la ministre Claire Vasseur"),
        ("Pour Isabelle Renaud, cette décision marque un tournant dans la politique énergétique "
         "du pays.", "Isabelle Renaud"),
    ],
)
def test_selon_speaker_mention_stops_before_reported_clause(
        extractor: quoteattr.Extractor, text: str, mention: str) -> None:
    quote = only_quote(extractor, text)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.start) == (mention, text.index(mention))
    assert quote.speaker.end <= quote.start


@pytest.mark.parametrize(
    "text",
    [
        "Pour la troisième année consécutive, le chômage a baissé dans la région.",
        "Pour Marseille, la saison a été difficile sur le plan sportif.",
        "Pour ce projet, la mairie a débloqué une enveloppe de deux millions d'euros.",
    ],
)
def test_pour_without_a_person_is_not_a_quote(extractor: quoteattr.Extractor, text: str) -> None:
    assert extract(extractor, text, min_confidence=0.0) == []


# --- indirect speech: inverted incise after unquoted words -------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le calme est revenu dans la ville, a indiqué le ministère.",
         Expected("Le calme est revenu dans la ville", "indirect", "verb",
                  "le ministère", "organization", "indiquer", [])),
        ("Tous les habitants du quartier ont été évacués, a indiqué la préfecture.",
         Expected("Tous les habitants du quartier ont été évacués", "indirect", "verb",
                  "la préfecture", "organization", "indiquer", [])),
        ("Les négociations reprendront dès lundi matin, a indiqué le ministre du Travail, "
         "Bernard Lemaire.",
         Expected("Les négociations reprendront dès lundi matin", "indirect", "verb",
                  "Bernard Lemaire", "person", "indiquer", [])),
    ],
)
def test_inverted_incise_after_unquoted_words_is_indirect_quote(
        extractor: quoteattr.Extractor, text: str, expected: Expected) -> None:
    assert_only_quote(extractor, text, expected)


# --- indirect speech: headlines ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lavrov affirme que Moscou reste ouvert au dialogue\n\nLe chef de la diplomatie russe, "
         "Sergueï Lavrov, s'est exprimé mardi à Moscou lors d'une conférence de presse.",
         Expected("Moscou reste ouvert au dialogue", "indirect", "verb",
                  "Sergueï Lavrov", "person", "affirmer", [])),
        ("Tusk déclare que la Pologne renforcera sa frontière orientale\n\nLe Premier ministre "
         "polonais Donald Tusk a présenté mardi un plan de défense.",
         Expected("la Pologne renforcera sa frontière orientale", "indirect", "verb",
                  "Donald Tusk", "person", "déclarer", [])),
        ("La Commission européenne annonce que les droits de douane seront relevés dès janvier",
         Expected("les droits de douane seront relevés dès janvier", "indirect", "verb",
                  "La Commission européenne", "organization", "annoncer", [])),
    ],
)
def test_headline_report_is_indirect_quote_to_line_end(extractor: quoteattr.Extractor, text: str,
                                                       expected: Expected) -> None:
    quote = assert_only_quote(extractor, text, expected)
    headline = text.split("\n", 1)[0]
    assert quote.end == len(headline)


# --- mixed quotes ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected", "fragments"),
    [
        ("Le ministre des Finances, Bruno Caron, a estimé que la croissance restait « solide "
         "malgré les turbulences ».",
         Expected("la croissance restait « solide malgré les turbulences »", "mixed", "verb",
                  "Bruno Caron", "person", "estimer", []),
         ["solide malgré les turbulences"]),
        ("La sénatrice Lucie Marchal a affirmé que le gouvernement avait « perdu toute crédibilité » "
         "sur ce dossier.",
         Expected("le gouvernement avait « perdu toute crédibilité » sur ce dossier", "mixed", "verb",
                  "Lucie Marchal", "person", "affirmer", []),
         ["perdu toute crédibilité"]),
        ("La porte-parole Julie Martin a affirmé être « très confiante » quant à l'issue du vote.",
         Expected("être « très confiante » quant à l'issue du vote", "mixed", "verb",
                  "Julie Martin", "person", "affirmer", []),
         ["très confiante"]),
        ("D'après le ministre Paul Girard, ce budget est « le plus ambitieux depuis dix ans ».",
         Expected("ce budget est « le plus ambitieux depuis dix ans »", "mixed", "selon",
                  "Paul Girard", "person", None, []),
         ["le plus ambitieux depuis dix ans"]),
        ("Reuters rapporte :\n\nLe ministre de l'Économie, Hugo Tessier, a déclaré que les marchés "
         "avaient « réagi avec calme » à l'annonce.",
         Expected("les marchés avaient « réagi avec calme » à l'annonce", "mixed", "verb",
                  "Hugo Tessier", "person", "déclarer", [("Reuters", "Reuters")]),
         ["réagi avec calme"]),
    ],
)
def test_mixed_clause_is_one_quote_holding_its_fragments(
        extractor: quoteattr.Extractor, text: str, expected: Expected, fragments: list[str]) -> None:
    quotes = extract(extractor, text, min_confidence=0.0)
    assert [observed(q) for q in quotes] == [expected]
    assert all(f"« {fragment} »" in quotes[0].text for fragment in fragments)


# --- relaying outlets ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministère russe de la Défense a affirmé que ses troupes avaient pris le contrôle "
         "d'un village, rapporte l'agence de presse russe Tass.",
         Expected("ses troupes avaient pris le contrôle d'un village", "indirect", "verb",
                  "Le ministère russe de la Défense", "organization", "affirmer", [("Tass", "Tass")])),
        ("Le gouverneur de la région de Koursk, Viktor Orlov, a déclaré que deux civils avaient "
         "été blessés, a rapporté Interfax.",
         Expected("deux civils avaient été blessés", "indirect", "verb",
                  "Viktor Orlov", "person", "déclarer", [("Interfax", "Interfax")])),
        ("Reuters rapporte que la ministre japonaise de la Défense, Yoko Tanaka, a affirmé que le "
         "budget militaire serait relevé.",
         Expected("le budget militaire serait relevé", "indirect", "verb",
                  "Yoko Tanaka", "person", "affirmer", [("Reuters", "Reuters")])),
        ("Le vice-ministre Andreï Roudine a déclaré que Moscou était prêt à reprendre les "
         "pourparlers, selon Interfax.",
         Expected("Moscou était prêt à reprendre les pourparlers", "indirect", "verb",
                  "Andreï Roudine", "person", "déclarer", [("Interfax", "Interfax")])),
        ("Le ministre kazakh de l'Énergie, Erlan Akenov, cité par Reuters, a assuré que la "
         "production de pétrole serait maintenue.",
         Expected("la production de pétrole serait maintenue", "indirect", "verb",
                  "Erlan Akenov", "person", "assurer", [("Reuters", "Reuters")])),
        ("Le maire de Kherson, Ivan Petrenko, a déclaré à l'AFP que l'électricité avait été "
         "rétablie dans la nuit.",
         Expected("l'électricité avait été rétablie dans la nuit", "indirect", "verb",
                  "Ivan Petrenko", "person", "déclarer", [("AFP", "AFP")])),
        ("L'ancien Premier ministre britannique David Hale a dit à la BBC qu'il ne se "
         "représenterait pas aux prochaines élections.",
         Expected("il ne se représenterait pas aux prochaines élections", "indirect", "verb",
                  "David Hale", "person", "dire", [("BBC", "BBC")])),
        ("La ministre de l'Agriculture, Sandrine Morel, a assuré sur Europe 1 que les aides "
         "seraient versées avant la fin du mois.",
         Expected("les aides seraient versées avant la fin du mois", "indirect", "verb",
                  "Sandrine Morel", "person", "assurer", [("Europe 1", "Europe 1")])),
        ("Le chef de la diplomatie russe, Sergueï Lavrov, a déclaré à la télévision d'État russe "
         "que l'Occident cherchait à isoler Moscou.",
         Expected("l'Occident cherchait à isoler Moscou", "indirect", "verb",
                  "Sergueï Lavrov", "person", "déclarer",
                  [("télévision d'État russe", "télévision d'État russe")])),
        ("Le gouverneur de la région, Oleg Sinitsyne, a écrit sur Telegram que trois drones "
         "avaient été abattus dans la nuit.",
         Expected("trois drones avaient été abattus dans la nuit", "indirect", "verb",
                  "Oleg Sinitsyne", "person", "écrire", [("Telegram", "Telegram")])),
        ("Le gouverneur Oleg Sinitsyne a écrit sur Telegram : « Trois drones ont été abattus "
         "cette nuit. »",
         Expected("Trois drones ont été abattus cette nuit.", "direct", "colon",
                  "Oleg Sinitsyne", "person", "écrire", [("Telegram", "Telegram")])),
        ("« Nous ne négocierons pas sous la menace », a dit à la BBC la ministre Sarah Collins.",
         Expected("Nous ne négocierons pas sous la menace", "direct", "verb",
                  "Sarah Collins", "person", "dire", [("BBC", "BBC")])),
    ],
)
def test_relaying_outlet_is_listed_in_relayed_by(extractor: quoteattr.Extractor, text: str,
                                                 expected: Expected) -> None:
    assert_only_quote(extractor, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministère, dans un communiqué : « Les frontières resteront fermées jusqu'à nouvel "
         "ordre. »",
         Expected("Les frontières resteront fermées jusqu'à nouvel ordre.", "direct", "noun",
                  "Le ministère", "organization", None, [])),
        ("Le parquet de Paris, dans un communiqué : « Une enquête a été ouverte pour homicide "
         "involontaire. »",
         Expected("Une enquête a été ouverte pour homicide involontaire.", "direct", "noun",
                  "Le parquet de Paris", "organization", None, [])),
        pytest.param(
            "Dans un communiqué, le ministère de la Santé : « Aucun cas n'a été détecté à ce jour. »",
            Expected("Aucun cas n'a été détecté à ce jour.", "direct", "noun",
                     "le ministère de la Santé", "organization", None, []),
        ),
    ],
)
def test_communique_before_colon_is_noun_cue(extractor: quoteattr.Extractor, text: str,
                                             expected: Expected) -> None:
    assert_only_quote(extractor, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reuters rapporte :\n\nLe ministre de l'Économie, Hugo Tessier, a déclaré que les "
         "marchés resteraient stables cette semaine.",
         [("les marchés resteraient stables cette semaine", ["Reuters"])]),
        ("Reuters rapporte :\n\nLe ministre de l'Économie, Hugo Tessier, a déclaré que les "
         "marchés resteraient stables. « Nous restons vigilants », a-t-il ajouté.",
         [("les marchés resteraient stables", ["Reuters"]), ("Nous restons vigilants", ["Reuters"])]),
        ("L'agence Reuters rapporte :\n\nSelon le ministre de l'Économie, Hugo Tessier, « les "
         "marchés ont réagi avec calme ».",
         [("les marchés ont réagi avec calme", ["Reuters"])]),
        ("Reuters rapporte :\n\nHugo Tessier, ministre de l'Économie, a déclaré : « Les marchés "
         "ont réagi avec calme. »",
         [("Les marchés ont réagi avec calme.", ["Reuters"])]),
        pytest.param(
            "Reuters rapporte :\n\n« Les marchés ont réagi avec calme », a déclaré le ministre de "
            "l'Économie, Hugo Tessier, devant les députés.",
            [("Les marchés ont réagi avec calme", ["Reuters"])],
        ),
    ],
)
def test_block_announcer_relays_every_quote_of_its_passage(
        extractor: quoteattr.Extractor, text: str, expected: list[tuple[str, list[str]]]) -> None:
    quotes = extract(extractor, text)
    assert [(q.text, [r.name for r in q.relayed_by]) for q in quotes] == expected
    assert all(q.speaker is not None and q.speaker.name == "Hugo Tessier" for q in quotes)


# --- relay chains ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le conseiller diplomatique du Kremlin, Anatoli Sorokine, a reçu mardi l'émissaire "
         "américain.\n\nReuters, citant Tass, rapporte que Sorokine a déclaré que les discussions "
         "avaient été constructives.",
         Expected("les discussions avaient été constructives", "indirect", "verb",
                  "Anatoli Sorokine", "person", "déclarer", [("Reuters", "Reuters"), ("Tass", "Tass")])),
        ("Reuters, citant Interfax, rapporte que Sorokine a déclaré que les discussions avaient été "
         "constructives.",
         Expected("les discussions avaient été constructives", "indirect", "verb",
                  "Sorokine", "person", "déclarer", [("Reuters", "Reuters"), ("Interfax", "Interfax")])),
        ("Reuters, citant Tass, rapporte que le ministre de la Défense, Andreï Belov, a déclaré que "
         "l'armée avait atteint ses objectifs.",
         Expected("l'armée avait atteint ses objectifs", "indirect", "verb",
                  "Andreï Belov", "person", "déclarer", [("Reuters", "Reuters"), ("Tass", "Tass")])),
        ("Le vice-ministre Sergueï Ivanov a déclaré à l'agence Tass que les discussions se "
         "poursuivraient la semaine prochaine, rapporte Reuters.",
         Expected("les discussions se poursuivraient la semaine prochaine", "indirect", "verb",
                  "Sergueï Ivanov", "person", "déclarer", [("Reuters", "Reuters"), ("Tass", "Tass")])),
        ("« Les discussions se poursuivront la semaine prochaine », a déclaré Sergueï Ivanov à "
         "l'agence Tass, rapporte Reuters.",
         Expected("Les discussions se poursuivront la semaine prochaine", "direct", "verb",
                  "Sergueï Ivanov", "person", "déclarer", [("Reuters", "Reuters"), ("Tass", "Tass")])),
        pytest.param(
            "« Les discussions se poursuivront la semaine prochaine », a déclaré à l'agence Tass "
            "le vice-ministre Sergueï Ivanov, rapporte Reuters.",
            Expected("Les discussions se poursuivront la semaine prochaine", "direct", "verb",
                     "Sergueï Ivanov", "person", "déclarer", [("Reuters", "Reuters"), ("Tass", "Tass")]),
        ),
        pytest.param(
            "« Les discussions se poursuivront la semaine prochaine », a déclaré le vice-ministre "
            "Sergueï Ivanov à l'agence Tass, rapporte Reuters.",
            Expected("Les discussions se poursuivront la semaine prochaine", "direct", "verb",
                     "Sergueï Ivanov", "person", "déclarer", [("Reuters", "Reuters"), ("Tass", "Tass")]),
        ),
    ],
)
def test_relay_chain_is_ordered_nearest_reader_first(extractor: quoteattr.Extractor, text: str,
                                                     expected: Expected) -> None:
    assert_only_quote(extractor, text, expected)


# --- an outlet as the only attribution -----------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon l'agence KCNA, le dirigeant nord-coréen a inspecté une nouvelle usine de munitions.",
         Expected("le dirigeant nord-coréen a inspecté une nouvelle usine de munitions", "indirect",
                  "selon", "KCNA", "organization", None, [("KCNA", "KCNA")])),
        ("Selon Interfax, les deux délégations se retrouveront mercredi à Istanbul.",
         Expected("les deux délégations se retrouveront mercredi à Istanbul", "indirect", "selon",
                  "Interfax", "organization", None, [("Interfax", "Interfax")])),
        ("Pyongyang a procédé à un nouveau tir de missile, selon l'agence Yonhap.",
         Expected("Pyongyang a procédé à un nouveau tir de missile", "indirect", "selon",
                  "Yonhap", "organization", None, [("Yonhap", "Yonhap")])),
        ("Selon les agences de presse russes, le président a signé le décret mardi soir.",
         Expected("le président a signé le décret mardi soir", "indirect", "selon",
                  "agences de presse russes", "organization", None,
                  [("agences de presse russes", "agences de presse russes")])),
        ("Les forces ukrainiennes ont repoussé une attaque près de Koupiansk, a rapporté l'agence "
         "Interfax.",
         Expected("Les forces ukrainiennes ont repoussé une attaque près de Koupiansk", "indirect",
                  "verb", "Interfax", "organization", "rapporter", [("Interfax", "Interfax")])),
        pytest.param(
            "Selon l'agence officielle nord-coréenne KCNA, Kim Jong Un a supervisé un exercice "
            "d'artillerie.",
            Expected("Kim Jong Un a supervisé un exercice d'artillerie", "indirect", "selon",
                     "KCNA", "organization", None, [("KCNA", "KCNA")]),
        ),
    ],
)
def test_outlet_as_only_attribution_is_speaker_and_relay(extractor: quoteattr.Extractor, text: str,
                                                         expected: Expected) -> None:
    assert_only_quote(extractor, text, expected)


# --- modality: negation, hearsay, stance ----------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre de la Santé, Paul Chevalier, n'a pas dit que les hôpitaux fermeraient cet été.",
         Expected("les hôpitaux fermeraient cet été", "indirect", "verb",
                  "Paul Chevalier", "person", "dire", [], negated=True)),
        ("La sénatrice Lucie Marchal n'a jamais affirmé que le projet serait abandonné.",
         Expected("le projet serait abandonné", "indirect", "verb",
                  "Lucie Marchal", "person", "affirmer", [], negated=True)),
        ("Le chef d'état-major, le général Marc Duval, aurait déclaré que l'offensive était terminée.",
         Expected("l'offensive était terminée", "indirect", "verb",
                  "Marc Duval", "person", "déclarer", [], hedged=True)),
        ("Le ministre Paul Girard aurait dit en privé que la réforme était enterrée.",
         Expected("la réforme était enterrée", "indirect", "verb",
                  "Paul Girard", "person", "dire", [], hedged=True)),
        ("Le maire de Lyon, Pierre Vidal, a déclaré que les travaux commenceraient en septembre.",
         Expected("les travaux commenceraient en septembre", "indirect", "verb",
                  "Pierre Vidal", "person", "déclarer", [])),
    ],
)
def test_negated_and_hedged_reports_are_flagged(extractor: quoteattr.Extractor, text: str,
                                                expected: Expected) -> None:
    assert_only_quote(extractor, text, expected)


@pytest.mark.parametrize(
    ("text", "words", "verb", "lemma", "stance"),
    [
        ("Le porte-parole du gouvernement, Olivier Martel, a démenti que l'exécutif prépare une "
         "hausse de la TVA.",
         "l'exécutif prépare une hausse de la TVA", "a démenti", "démentir", "refuting"),
        ("La directrice de l'hôpital, Nathalie Roy, a reconnu que les délais d'attente étaient trop "
         "longs.",
         "les délais d'attente étaient trop longs", "a reconnu", "reconnaître", "concessive"),
        ("La ministre du Travail, Amélie Roux, a reconnu avoir sous-estimé l'ampleur du mouvement.",
         "avoir sous-estimé l'ampleur du mouvement", "a reconnu", "reconnaître", "concessive"),
        ("Le médiateur Karl Jensen a exhorté les deux camps à respecter le cessez-le-feu.",
         "respecter le cessez-le-feu", "a exhorté", "exhorter", "directive"),
        ("Le président du Sénat, Gérard Lanvin, a exhorté le gouvernement à retirer son projet de loi.",
         "retirer son projet de loi", "a exhorté", "exhorter", "directive"),
        ("La ministre Anne Leclerc a affirmé que le texte serait voté avant l'été.",
         "le texte serait voté avant l'été", "a affirmé", "affirmer", "assertive"),
        ("Le maire de Lyon, Pierre Vidal, a déclaré que les travaux commenceraient en septembre.",
         "les travaux commenceraient en septembre", "a déclaré", "déclarer", "neutral"),
    ],
)
def test_reporting_verb_stance_comes_from_lexicon(extractor: quoteattr.Extractor, text: str,
                                                  words: str, verb: str, lemma: str,
                                                  stance: str) -> None:
    quote = only_quote(extractor, text)
    assert quote.verb is not None
    assert (quote.text, quote.kind, quote.cue) == (words, "indirect", "verb")
    assert (quote.verb.text, quote.verb.lemma, quote.verb.stance) == (verb, lemma, stance)
    assert (quote.negated, quote.hedged) == (False, False)


# --- outlets given by the user ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def user_outlet_extractor() -> quoteattr.Extractor:
    """Return an extractor that knows "Fontanka" (not in the shipped list), sharing the loaded parser."""
    return quoteattr.Extractor(parser=default_extractor().parser, outlets=["Fontanka"])


USER_OUTLET_TEXTS = [
    ("Le vice-ministre des Finances, Alexeï Morozov, a déclaré que le budget serait révisé, selon "
     "le site Fontanka.",
     Expected("le budget serait révisé", "indirect", "verb",
              "Alexeï Morozov", "person", "déclarer", [("Fontanka", "Fontanka")])),
    ("Selon le site Fontanka, le gouvernement russe a décidé de relever le taux "
     "d'imposition des banques.",
     Expected("le gouvernement russe a décidé de relever le taux d'imposition des banques",
              "indirect", "selon", "Fontanka", "organization", None,
              [("Fontanka", "Fontanka")])),
]


@pytest.mark.parametrize(("text", "expected"), USER_OUTLET_TEXTS)
def test_user_outlet_is_recognised_as_relay(user_outlet_extractor: quoteattr.Extractor, text: str,
                                            expected: Expected) -> None:
    assert_only_quote(user_outlet_extractor, text, expected)


def test_user_outlet_is_unknown_to_default_extractor(extractor: quoteattr.Extractor) -> None:
    text, expected = USER_OUTLET_TEXTS[0]
    assert_only_quote(extractor, text, expected._replace(relays=[]))
