"""Reporting verbs on hand-built parses: lexicon lookup, multiword verbs, spans, modality."""

from __future__ import annotations

import pytest

from quoteattr.attribution.verbs import (
    hedged,
    negated,
    reflexive,
    reporting_verb_at,
    verb_span,
)
from tests.builders import W, make_parse


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        (W("déclaré", "VERB", lemma="déclarer"), "déclarer"),
        (W("affirme", "VERB", lemma="affirmer"), "affirmer"),
        (W("dit", "VERB", lemma="dire"), "dire"),
        # a participle the tagger took for an adjective and did not lemmatise
        (W("déclaré", "ADJ", lemma="déclaré"), "déclarer"),
        (W("indiquée", "ADJ", lemma="indiquée"), "indiquer"),
    ],
)
def test_verbs_reporting_verb_found_by_lemma(word: W, lemma: str) -> None:
    parse = make_parse(W("il", "PRON"), word)
    match = reporting_verb_at(parse, 1)
    assert match is not None
    assert (match.first, match.last, match.head, match.entry.lemma) == (1, 1, 1, lemma)


@pytest.mark.parametrize(
    "word",
    [W("mangé", "VERB", lemma="manger"), W("maison", "NOUN", lemma="maison"),
     W("Déclaré", "PROPN", lemma="Déclaré")],
)
def test_verbs_other_words_are_not_reporting_verbs(word: W) -> None:
    parse = make_parse(W("il", "PRON"), word)
    assert reporting_verb_at(parse, 1) is None


@pytest.mark.parametrize(
    ("second", "lemma"),
    [("valoir", "faire valoir"), ("savoir", "faire savoir"), ("remarquer", "faire remarquer")],
)
def test_verbs_multiword_verb_keeps_its_words(second: str, lemma: str) -> None:
    parse = make_parse(W("a", "AUX", head=2), W("fait", "VERB", head=2, lemma="faire"),
                       W(second, "VERB", dep="ROOT"))
    match = reporting_verb_at(parse, 1)
    assert match is not None
    assert (match.first, match.last, match.entry.lemma) == (1, 2, lemma)


@pytest.mark.parametrize(
    ("words", "index", "expected"),
    [
        # "a déclaré": the adjacent auxiliary belongs to the span
        ((W("Peskov", "PROPN", head=2), W("a", "AUX", head=2), W("déclaré", "VERB", lemma="déclarer")),
         2, "a déclaré"),
        # "aurait déclaré"
        ((W("il", "PRON", head=2), W("aurait", "AUX", head=2), W("déclaré", "VERB", lemma="déclarer")),
         2, "aurait déclaré"),
        # "a-t-il affirmé": the auxiliary is not adjacent
        ((W("a", "AUX", head=3), W("-t", "PRON", glue=True, head=3), W("-il", "PRON", glue=True, head=3),
          W("affirmé", "VERB", lemma="affirmer")), 3, "affirmé"),
        # "n'a pas dit": negation separates them
        ((W("n'", "ADV", head=3), W("a", "AUX", head=3, glue=True), W("pas", "ADV", head=3),
          W("dit", "VERB", lemma="dire")), 3, "dit"),
        # "a fait valoir"
        ((W("a", "AUX", head=1), W("fait", "VERB", lemma="faire"), W("valoir", "VERB", head=1)),
         1, "a fait valoir"),
    ],
)
def test_verbs_verb_span_takes_adjacent_auxiliaries(words: tuple[W, ...], index: int, expected: str) -> None:
    parse = make_parse(*words)
    match = reporting_verb_at(parse, index)
    assert match is not None
    first, last = verb_span(parse, match)
    assert parse.text[parse.tokens[first].start:parse.tokens[last].end] == expected


@pytest.mark.parametrize(
    ("adverb", "expected"),
    [("pas", True), ("jamais", True), ("nullement", True), ("aussi", False)],
)
def test_verbs_negated_reads_negation_children(adverb: str, expected: bool) -> None:
    parse = make_parse(W("il", "PRON", head=3), W("n'", "ADV", head=3), W(adverb, "ADV", head=3),
                       W("dit", "VERB", lemma="dire"))
    assert negated(parse, 3) is expected


@pytest.mark.parametrize(
    ("auxiliary", "mood", "expected"),
    [("aurait", "Cnd", True), ("a", "Ind", False)],
)
def test_verbs_hedged_reads_the_conditional(auxiliary: str, mood: str, expected: bool) -> None:
    parse = make_parse(W("il", "PRON", head=2), W(auxiliary, "AUX", head=2, morph={"Mood": mood}),
                       W("déclaré", "VERB", lemma="déclarer"))
    assert hedged(parse, 2) is expected


@pytest.mark.parametrize(
    ("words", "lemma", "stance", "span"),
    [
        # "s'est défendu": the clitic is a child of the verb
        ((W("il", "PRON", head=3), W("s'", "PRON", head=3, lemma="se", dep="expl:comp"),
          W("est", "AUX", head=3, glue=True), W("défendu", "VERB", lemma="défendre")),
         "se défendre", "refuting", "s'est défendu"),
        # "se sont félicités"
        ((W("ils", "PRON", head=3), W("se", "PRON", head=3, lemma="se"), W("sont", "AUX", head=3),
          W("félicités", "VERB", lemma="féliciter")), "se féliciter", "neutral", "se sont félicités"),
        # "se dit", the clitic attached elsewhere by the parser: found by adjacency
        ((W("elle", "PRON", head=2), W("se", "PRON", head=0, lemma="se"), W("dit", "VERB", lemma="dire")),
         "se dire", "neutral", "se dit"),
        # "s'est dit" (inquiet)
        ((W("il", "PRON", head=3), W("s'", "PRON", head=3, lemma="se"), W("est", "AUX", head=3, glue=True),
          W("dit", "VERB", lemma="dire")), "se dire", "neutral", "s'est dit"),
        # "s'est-il défendu": neither the clitic nor the auxiliary is adjacent
        ((W("s'", "PRON", head=3, lemma="se"), W("est", "AUX", head=3, glue=True),
          W("-il", "PRON", head=3, glue=True), W("défendu", "VERB", lemma="défendre")),
         "se défendre", "refuting", "défendu"),
        # "ne s'est pas inquiété": negation between the clitic and the verb
        ((W("ne", "ADV", head=4), W("s'", "PRON", head=0, lemma="se"), W("est", "AUX", head=4, glue=True),
          W("pas", "ADV", head=4), W("inquiété", "VERB", lemma="inquiéter")), "s'inquiéter", "neutral", "inquiété"),
        # a participle the tagger took for an adjective, listed only in its reflexive form
        ((W("elle", "PRON", head=3), W("s'", "PRON", head=3, lemma="se"), W("est", "AUX", head=3, glue=True),
          W("insurgée", "ADJ", lemma="insurgée")), "s'insurger", "assertive", "s'est insurgée"),
    ],
)
def test_verbs_reflexive_verb_takes_its_reflexive_entry(words: tuple[W, ...], lemma: str, stance: str, span: str) -> None:
    parse = make_parse(*words)
    match = reporting_verb_at(parse, len(words) - 1)
    assert match is not None
    assert (match.entry.lemma, match.entry.stance) == (lemma, stance)
    first, last = verb_span(parse, match)
    assert parse.text[parse.tokens[first].start:parse.tokens[last].end] == span


def test_verbs_defendre_without_clitic_stays_assertive() -> None:
    parse = make_parse(W("il", "PRON", head=2), W("a", "AUX", head=2), W("défendu", "VERB", lemma="défendre"))
    match = reporting_verb_at(parse, 2)
    assert match is not None and (match.entry.lemma, match.entry.stance) == ("défendre", "assertive")


@pytest.mark.parametrize(
    "words",
    [
        # "l'enquête se poursuit": "se poursuivre" is not listed
        (W("enquête", "NOUN", head=2), W("se", "PRON", head=2, lemma="se"), W("poursuit", "VERB", lemma="poursuivre")),
        # "il s'est rendu compte": "se rendre compte" means "to realise"
        (W("il", "PRON", head=3), W("s'", "PRON", head=3, lemma="se"), W("est", "AUX", head=3, glue=True),
         W("rendu", "VERB", lemma="rendre"), W("compte", "NOUN", head=3)),
        # "insurgé" with no clitic: the verb is listed only as "s'insurger"
        (W("il", "PRON", head=2), W("a", "AUX", head=2), W("insurgé", "VERB", lemma="insurger")),
        # "cette situation inquiète les experts": the emotion verb is a speech verb only reflexively
        (W("situation", "NOUN", head=1), W("inquiète", "VERB", lemma="inquiéter")),
    ],
)
def test_verbs_reflexive_form_must_match_the_lexicon(words: tuple[W, ...]) -> None:
    verb = next(i for i, w in enumerate(words) if w.pos == "VERB")
    assert reporting_verb_at(make_parse(*words), verb) is None


@pytest.mark.parametrize(
    ("words", "lemma", "span"),
    [
        ((W("a", "AUX", head=1), W("rappelé", "VERB", lemma="rappeler"), W("à", "ADP", head=3),
          W("l'", "DET", head=3), W("ordre", "NOUN", head=1, glue=True)), "rappeler à l'ordre", "a rappelé à l'ordre"),
        ((W("a", "AUX", head=1), W("mis", "VERB", lemma="mettre"), W("l'", "DET", head=3),
          W("accent", "NOUN", head=1, glue=True)), "mettre l'accent", "a mis l'accent"),
        ((W("a", "AUX", head=1), W("tiré", "VERB", lemma="tirer"), W("la", "DET", head=3), W("sonnette", "NOUN", head=1),
          W("d'", "ADP", head=5), W("alarme", "NOUN", head=3, glue=True)),
         "tirer la sonnette d'alarme", "a tiré la sonnette d'alarme"),
        # "fait-il savoir": the inverted subject clitic is skipped
        ((W("fait", "VERB", lemma="faire"), W("-il", "PRON", head=0, glue=True), W("savoir", "VERB", head=0)),
         "faire savoir", "fait-il savoir"),
        ((W("faisait", "VERB", lemma="faire"), W("grief", "NOUN", head=0)), "faire grief", "faisait grief"),
    ],
)
def test_verbs_longer_multiword_verbs(words: tuple[W, ...], lemma: str, span: str) -> None:
    parse = make_parse(*words)
    index = next(i for i, w in enumerate(words) if w.pos == "VERB")
    match = reporting_verb_at(parse, index)
    assert match is not None and match.entry.lemma == lemma
    first, last = verb_span(parse, match)
    assert parse.text[parse.tokens[first].start:parse.tokens[last].end] == span


def test_verbs_reflexive_clitic_index() -> None:
    parse = make_parse(W("il", "PRON", head=3), W("s'", "PRON", head=3, lemma="se"), W("est", "AUX", head=3, glue=True),
                       W("défendu", "VERB", lemma="défendre"))
    plain = make_parse(W("il", "PRON", head=1), W("dit", "VERB", lemma="dire"))
    assert (reflexive(parse, 3), reflexive(plain, 1)) == (1, None)
