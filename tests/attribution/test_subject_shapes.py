"""Subjects in shapes the tagger gets wrong, on hand-built parses."""

from __future__ import annotations

from quoteattr.attribution.speakers import find_subject
from quoteattr.attribution.verbs import reporting_verb_at
from tests.builders import W, make_parse


def test_subject_shapes_participle_after_an_article_is_a_noun_subject() -> None:
    # Le prévenu a reconnu « des erreurs »: the tagger leaves "prévenu" a verb
    parse = make_parse(W("Le", "DET", head=1), W("prévenu", "VERB", head=3, dep="nsubj", lemma="prévenir"),
                       W("a", "AUX", head=3), W("reconnu", "VERB", dep="ROOT", lemma="reconnaître"),
                       W("«", "PUNCT", head=6), W("des", "DET", head=6), W("erreurs", "NOUN", head=3, dep="obj"),
                       W("»", "PUNCT", head=6))
    match = reporting_verb_at(parse, 3)
    assert match is not None
    subject = find_subject(parse, match, (parse.text.index("«"), len(parse.text)))
    assert subject is not None and parse.tokens[subject.index].text == "prévenu"


def test_subject_shapes_age_between_commas_is_stepped_over() -> None:
    # Odile Martin, 72 ans, a raconté
    parse = make_parse(W("Odile", "PROPN", head=7, dep="nsubj", ent="PER"),
                       W("Martin", "PROPN", head=0, dep="flat:name", ent="PER"),
                       W(",", "PUNCT", glue=True), W("72", "NUM", head=4), W("ans", "NOUN", head=7, dep="obl:mod"),
                       W(",", "PUNCT", glue=True), W("a", "AUX", head=7),
                       W("raconté", "VERB", dep="ROOT", lemma="raconter"))
    match = reporting_verb_at(parse, 7)
    assert match is not None
    subject = find_subject(parse, match, (0, 0))
    assert subject is not None and parse.tokens[subject.index].text == "Odile"
