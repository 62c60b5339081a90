"""Reported-speech rules on hand-built trees: one rule, one tree, no parser."""

from __future__ import annotations

from quoteattr.attribution.context import DocumentContext
from quoteattr.attribution.indirect import find_reported
from quoteattr.lexicons import load_outlets
from quoteattr.outlets import OutletMatcher
from quoteattr.parse.base import Parse
from tests.builders import W, make_parse

PARTICIPLE = {"VerbForm": "Part", "Tense": "Past"}


def reported(parse: Parse) -> list[tuple[str, str | None]]:
    """Return (reported words, speaker mention) of each finding of ``parse``."""
    ctx = DocumentContext.build(parse.text, parse, OutletMatcher(load_outlets()))
    return [(parse.text[f.start:f.end],
             None if f.speaker is None else parse.text[f.speaker.mention.start:f.speaker.mention.end])
            for f in find_reported(ctx)]


def test_object_of_confirmer_past_a_day_word_is_the_reported_content() -> None:
    # La direction a confirmé mardi un plan de départs volontaires .
    parse = make_parse(
        W("La", "DET", head=1, dep="det"), W("direction", "NOUN", head=3, dep="nsubj"),
        W("a", "AUX", head=3, dep="aux:tense", morph={"VerbForm": "Fin"}),
        W("confirmé", "VERB", dep="ROOT", lemma="confirmer", morph=PARTICIPLE),
        W("mardi", "NOUN", head=3, dep="obl:mod"), W("un", "DET", head=6, dep="det"),
        W("plan", "NOUN", head=3, dep="obj"), W("de", "ADP", head=8, dep="case"),
        W("départs", "NOUN", head=6, dep="nmod"), W("volontaires", "ADJ", head=8, dep="amod"),
        W(".", "PUNCT", head=3, dep="punct", glue=True))
    assert reported(parse) == [("un plan de départs volontaires", "La direction")]


def test_object_of_a_verb_outside_the_object_list_is_not_reported() -> None:
    # Le collectif réclame des garanties écrites sur la fin .
    parse = make_parse(
        W("Le", "DET", head=1, dep="det"), W("collectif", "NOUN", head=2, dep="nsubj"),
        W("réclame", "VERB", dep="ROOT", lemma="réclamer", morph={"VerbForm": "Fin"}),
        W("des", "DET", head=4, dep="det"), W("garanties", "NOUN", head=2, dep="obj"),
        W("écrites", "ADJ", head=4, dep="amod"), W("sur", "ADP", head=8, dep="case"),
        W("la", "DET", head=8, dep="det"), W("fin", "NOUN", head=4, dep="nmod"),
        W(".", "PUNCT", head=2, dep="punct", glue=True))
    assert reported(parse) == []


def test_object_clause_needs_a_subject_before_the_verb() -> None:
    # Annonce un plan de départs volontaires . : the only noun phrase after the verb is its
    # object, which cannot also be its speaker.
    parse = make_parse(
        W("Annonce", "VERB", dep="ROOT", lemma="annoncer", morph={"VerbForm": "Fin"}),
        W("un", "DET", head=2, dep="det"), W("plan", "NOUN", head=0, dep="obj"),
        W("de", "ADP", head=4, dep="case"), W("départs", "NOUN", head=2, dep="nmod"),
        W("volontaires", "ADJ", head=4, dep="amod"), W(".", "PUNCT", head=0, dep="punct", glue=True))
    assert reported(parse) == []


FINITE = {"VerbForm": "Fin"}


def test_selon_between_commas_after_an_adverbial_reports_the_clause_after_it() -> None:
    # En 2009 , selon le groupe , le réseau comptait dix mille points .
    parse = make_parse(
        W("En", "ADP", head=1, dep="case"), W("2009", "NUM", head=9, dep="obl:mod"),
        W(",", "PUNCT", glue=True, head=9), W("selon", "ADP", head=5, dep="case"),
        W("le", "DET", head=5, dep="det"), W("groupe", "NOUN", head=9, dep="obl:mod"),
        W(",", "PUNCT", glue=True, head=9), W("le", "DET", head=8, dep="det"),
        W("réseau", "NOUN", head=9, dep="nsubj"),
        W("comptait", "VERB", dep="ROOT", lemma="compter", morph=FINITE),
        W("dix", "NUM", head=12, dep="nummod"), W("mille", "NUM", head=12, dep="nummod"),
        W("points", "NOUN", head=9, dep="obj"), W(".", "PUNCT", glue=True, head=9))
    assert reported(parse) == [("le réseau comptait dix mille points", "le groupe")]


def test_selon_between_commas_after_a_conjunction_reports_nothing() -> None:
    # Une amende ou , selon les juges , la prison sera requise . ("selon" = "depending on")
    parse = make_parse(
        W("Une", "DET", head=1, dep="det"), W("amende", "NOUN", head=11, dep="nsubj:pass"),
        W("ou", "CCONJ", head=9, dep="cc"), W(",", "PUNCT", glue=True, head=11),
        W("selon", "ADP", head=6, dep="case"), W("les", "DET", head=6, dep="det"),
        W("juges", "NOUN", head=11, dep="obl:mod"), W(",", "PUNCT", glue=True, head=11),
        W("la", "DET", head=9, dep="det"), W("prison", "NOUN", head=1, dep="conj"),
        W("sera", "AUX", head=11, dep="aux:pass", morph=FINITE),
        W("requise", "VERB", dep="ROOT", lemma="requérir", morph=PARTICIPLE),
        W(".", "PUNCT", glue=True, head=11))
    assert reported(parse) == []


def _que_sentence(before_que: tuple[W, ...], que_pos: str = "SCONJ") -> Parse:
    """Return "Le maire a dit <before_que> que la ville paiera ." with the given words before "que"."""
    n = len(before_que)
    words = (W("Le", "DET", head=1, dep="det"), W("maire", "NOUN", head=3, dep="nsubj"),
             W("a", "AUX", head=3, dep="aux:tense", morph=FINITE),
             W("dit", "VERB", dep="ROOT", lemma="dire", morph=PARTICIPLE), *before_que,
             W("que", que_pos, head=7 + n, dep="mark"), W("la", "DET", head=6 + n, dep="det"),
             W("ville", "NOUN", head=7 + n, dep="nsubj"),
             W("paiera", "VERB", head=3, dep="ccomp", lemma="payer", morph=FINITE),
             W(".", "PUNCT", glue=True, head=3))
    return make_parse(*words)


def test_que_after_a_reporting_verb_is_a_complementiser() -> None:
    assert reported(_que_sentence(())) == [("la ville paiera", "Le maire")]


def test_que_inside_a_conjunction_is_no_complementiser() -> None:
    # Le maire a dit ainsi que la ville paiera .
    assert reported(_que_sentence((W("ainsi", "ADV", head=3, dep="advmod"),))) == []


def test_plus_tard_before_que_is_a_time_not_a_comparative() -> None:
    # Le maire a dit plus tard que la ville paiera .
    words = (W("plus", "ADV", head=5, dep="advmod"), W("tard", "ADV", head=3, dep="advmod"))
    assert reported(_que_sentence(words)) == [("la ville paiera", "Le maire")]
