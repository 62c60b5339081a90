"""Which verb a quotation is the object of, on hand-built parses."""

from __future__ import annotations

from quoteattr.attribution.fragments import ends_clause, object_verb
from quoteattr.parse.base import Parse
from tests.builders import W, make_parse

_AUX = W("a", "AUX", head=3, dep="aux:tense", lemma="avoir")


def _mark_offsets(parse: Parse) -> tuple[int, int]:
    """Return the offset of the first « and the offset just after the first »."""
    return parse.text.index("«"), parse.text.index("»") + 1


def _verb_text(parse: Parse) -> str | None:
    """Return the text of the verb ``object_verb`` finds for the first quote, or None."""
    open_start, close_end = _mark_offsets(parse)
    match = object_verb(parse, parse.text, open_start, close_end)
    return None if match is None else parse.tokens[match.head].text


def test_fragments_object_after_a_determiner_and_a_prepositional_phrase() -> None:
    # Le syndicat a dénoncé dans un communiqué un « scandale ».
    parse = make_parse(W("Le", "DET", head=1), W("syndicat", "NOUN", head=3, dep="nsubj"), _AUX,
                       W("dénoncé", "VERB", dep="ROOT", lemma="dénoncer",
                         morph={"VerbForm": "Part", "Tense": "Past"}),
                       W("dans", "ADP", head=6, dep="case"), W("un", "DET", head=6),
                       W("communiqué", "NOUN", head=3, dep="obl:mod"), W("un", "DET", head=9),
                       W("«", "PUNCT", head=9), W("scandale", "NOUN", head=3, dep="obj"),
                       W("»", "PUNCT", head=9), W(".", "PUNCT", glue=True, head=3))
    assert _verb_text(parse) == "dénoncé"


def test_fragments_subject_scare_quote_has_no_verb() -> None:
    # Un « sommet » s'est tenu : the quote is the subject, nothing governs it from the left
    parse = make_parse(W("Un", "DET", head=2), W("«", "PUNCT", head=2), W("sommet", "NOUN", head=6, dep="nsubj"),
                       W("»", "PUNCT", head=2), W("s'", "PRON", head=6), W("est", "AUX", head=6),
                       W("tenu", "VERB", dep="ROOT", lemma="tenir"))
    assert _verb_text(parse) is None


def test_fragments_bare_participle_names_rather_than_reports() -> None:
    # la loi dite « Toit pour tous »
    parse = make_parse(W("la", "DET", head=1), W("loi", "NOUN", dep="ROOT"),
                       W("dite", "VERB", head=1, dep="acl", lemma="dire",
                         morph={"VerbForm": "Part", "Tense": "Past"}),
                       W("«", "PUNCT", head=4), W("Toit", "NOUN", head=2, dep="xcomp"),
                       W("pour", "ADP", head=6), W("tous", "PRON", head=4), W("»", "PUNCT", head=4))
    assert _verb_text(parse) is None


def test_fragments_noun_complement_is_not_the_verbs_object() -> None:
    # Le ministre a annoncé la fin du « bouclier »: the quote complements "fin"
    parse = make_parse(W("Le", "DET", head=1), W("ministre", "NOUN", head=3, dep="nsubj"), _AUX,
                       W("annoncé", "VERB", dep="ROOT", lemma="annoncer",
                         morph={"VerbForm": "Part", "Tense": "Past"}),
                       W("la", "DET", head=5), W("fin", "NOUN", head=3, dep="obj"),
                       W("du", "ADP", head=8, dep="case"), W("«", "PUNCT", head=8),
                       W("bouclier", "NOUN", head=5, dep="nmod"), W("»", "PUNCT", head=8))
    assert _verb_text(parse) is None


def test_fragments_qualifying_verb_crosses_its_object() -> None:
    # Le syndicat a jugé la situation « grave »
    parse = make_parse(W("Le", "DET", head=1), W("syndicat", "NOUN", head=3, dep="nsubj"), _AUX,
                       W("jugé", "VERB", dep="ROOT", lemma="juger",
                         morph={"VerbForm": "Part", "Tense": "Past"}),
                       W("la", "DET", head=5), W("situation", "NOUN", head=3, dep="obj"),
                       W("«", "PUNCT", head=7), W("grave", "ADJ", head=5, dep="amod"),
                       W("»", "PUNCT", head=7))
    assert _verb_text(parse) == "jugé"


def test_fragments_que_needs_the_quote_to_end_the_clause() -> None:
    # Il a dit que « les prix » baisseraient: the quote is only the clause's subject
    words = (W("Il", "PRON", head=2, dep="nsubj"), W("a", "AUX", head=2),
             W("dit", "VERB", dep="ROOT", lemma="dire", morph={"VerbForm": "Part", "Tense": "Past"}),
             W("que", "SCONJ", head=8, dep="mark"), W("«", "PUNCT", head=6), W("les", "DET", head=6),
             W("prix", "NOUN", head=8, dep="nsubj"), W("»", "PUNCT", head=6))
    cut = make_parse(*words, W("baisseraient", "VERB", head=2, dep="ccomp", lemma="baisser"))
    whole = make_parse(*words, W(".", "PUNCT", glue=True, head=2))
    assert _verb_text(cut) is None
    assert _verb_text(whole) == "dit"
    assert ends_clause(whole.text, whole.text.index("»") + 1)
    assert not ends_clause(cut.text, cut.text.index("»") + 1)
