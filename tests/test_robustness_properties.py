"""Property-based robustness: whatever the text, results are well-formed.

Two families of inputs: arbitrary Unicode (``st.text()``) and French-like news text built from
fragments of French reporting prose with quote marks (« » “ ” "), colons, line breaks and
no-break spaces inserted between them at random.

For every input, the extractor must not raise; every span (quote, speaker, verb, each relay)
must be cut from the input at its offsets and lie inside it; a quote's speaker and verb lie
outside the quote unless they sit inside it as a mid-quote incise ("« A, a-t-il dit, B »");
quotes come in document order; the same input gives the same output twice.

The rule layer (``quoteattr.rules``) is checked on its own, without the model: offsets in
bounds, candidates in order and not overlapping.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr import Quote
from quoteattr.rules.blocks import find_blocks
from quoteattr.rules.layout import furniture_ranges, paragraphs
from quoteattr.rules.marks import find_quotes
from tests.spans import assert_spans_match

MODEL_SETTINGS = settings(max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
RULE_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MARKS = "«»“”\""
PADDING = " \t\n\r\u00a0\u202f\u2009\u2007\ufeff"

# Pieces of French news prose: reporting verbs and incises, "selon" and relay cues, speakers,
# quoted words, indirect clauses, page furniture. Joined by SEPARATORS below.
FRAGMENTS = [
    "Le porte-parole du Kremlin, Dmitri Peskov, a déclaré",
    "Nous ne céderons pas",
    "a-t-il déclaré",
    "a-t-elle ajouté à l'AFP",
    "a affirmé Marie Dupont",
    "a dit le président russe",
    "selon l'AFP",
    "Selon Interfax",
    "d'après Reuters",
    "rapporte l'agence de presse russe Tass",
    "cité par Le Monde",
    "Reuters, citant Interfax, rapporte que",
    "la rencontre aura lieu dans les prochains jours",
    "Il y aura des négociations entre les deux délégations",
    "Ensuite, les dirigeants poursuivront en tête-à-tête",
    "Emmanuel Macron a estimé que la réforme était prête",
    "Le ministre a assuré qu'il n'y aurait pas de hausse d'impôts",
    "Vladimir Poutine a déclaré que la contre-offensive n'avait fait aucun progrès",
    "Sergueï Lavrov n'a pas dit que Moscou excluait tout accord",
    "il aurait déclaré que les troupes se retiraient",
    "Kim a dit",
    "Dans un communiqué, le ministère",
    "Il a ajouté",
    "Elle a mis en garde contre une escalade",
    "M. Dupont a fait valoir que le budget était tenu",
    "Mme Martin",
    "nous allons baisser vos impôts dès cette année",
    "Notre pays défendra ses intérêts",
    "les relations entraient dans une période de nouvelle prospérité",
    "la série Stranger Things",
    "un sommet très discret",
    "Mis à jour à 07h42",
    "07h42 CEST",
    "Lire aussi",
    "Politique | Monde | Sport",
    "<script>var x = window.dataLayer;</script>",
    "le président",
    "Moscou",
    "Paul Girard",
    "oui",
]

SEPARATORS = [
    " ", " ", " ", ", ", ". ", " : ", ":\n", ".\n", "\n", "\n\n", "\r\n", "\u00a0", "\u202f",
    " « ", " » ", "« ", " »", "«", "»", "«\u00a0", "\u00a0»", "«\u202f", "\u202f»",
    " “", "” ", "“", "”", ' "', '" ', '"', " ? ", " ! ", " — ", ", « ", " », ", ". »\n\n« ",
    " » ?", ";", "…", "\u200b", " \u200e", "\u202b ", "\x00 ", "  ", "\t",
]

french_like = st.lists(
    st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)),
    min_size=1, max_size=10,
).map(lambda parts: "".join(a + b + c for a, b, c in parts))

any_text = st.text(max_size=300)

# Characters the rule layer reacts to, to reach its branches more often than st.text() does.
rule_alphabet = st.sampled_from(list("«»“”\"ab :.,!?|\n\n\r\t") + ["\u00a0", "\u202f", "Nous ", "07h42",
                                                                  "Lire aussi", " | ", "vous "])
rule_text = st.one_of(st.text(max_size=300), st.lists(rule_alphabet, max_size=120).map("".join), french_like)

INCISE_OPENERS = ",—–"
INCISE_CLOSERS = ",—–.!?…"


def _inside(span, quote: Quote) -> bool:
    """Return True when ``span`` lies within the quote's characters."""
    return quote.start <= span.start and span.end <= quote.end


def _disjoint(span, quote: Quote) -> bool:
    """Return True when ``span`` and the quote share no character."""
    return span.end <= quote.start or quote.end <= span.start


def _is_incise(text: str, quote: Quote, span) -> bool:
    """Return True when ``span`` sits inside the quote as an incise: after a comma or dash, with
    the quoted words resuming after a comma, dash or sentence end ("A, a-t-il dit, B",
    "A, a-t-elle ajouté. B")."""
    before = text[quote.start:span.start]
    after = text[span.end:quote.end]
    return any(d in before for d in INCISE_OPENERS) and any(d in after for d in INCISE_CLOSERS)


def check_quotes(text: str, quotes: list[Quote]) -> None:
    """Assert every invariant the results of any input must satisfy."""
    assert_spans_match(text, quotes)
    for quote in quotes:
        for span in [quote.speaker, quote.verb]:
            if span is None or _disjoint(span, quote):
                continue
            assert _inside(span, quote) and _is_incise(text, quote, span), (
                f"{span!r} overlaps quote {quote.text!r} [{quote.start}:{quote.end}] "
                "without being a mid-quote incise")
    starts = [q.start for q in quotes]
    assert starts == sorted(starts), starts


def check_deterministic(extractor: quoteattr.Extractor, text: str) -> list[Quote]:
    """Extract twice (every candidate) and assert both runs agree; return the quotes."""
    first = extractor.extract(text, min_confidence=0.0)
    second = extractor.extract(text, min_confidence=0.0)
    assert [q.model_dump() for q in first] == [q.model_dump() for q in second]
    return first


# --------------------------------------------------------------------------------------------
# The whole extractor, with the real model


@pytest.mark.model
@MODEL_SETTINGS
@given(text=any_text)
def test_properties_any_unicode_text_gives_valid_ordered_stable_quotes(extractor: quoteattr.Extractor,
                                                                      text: str) -> None:
    check_quotes(text, check_deterministic(extractor, text))


@pytest.mark.model
@MODEL_SETTINGS
@given(text=french_like)
@example(text="« Nous ne céderons pas, a-t-il déclaré, et nous continuerons. »")
@example(text="« Nous ne céderons pas, a affirmé Marie Dupont, et nous continuerons. »")
@example(text="Kim a dit :\nnous allons baisser vos impôts dès cette année\n\n« Oui », a-t-il déclaré.")
@example(text="Selon Interfax, « la rencontre aura lieu »\r\n\r\n« Oui »,\u00a0a dit le président russe.")
def test_properties_french_like_text_gives_valid_ordered_stable_quotes(extractor: quoteattr.Extractor,
                                                                      text: str) -> None:
    quotes = check_deterministic(extractor, text)
    check_quotes(text, quotes)
    assert all(0.0 <= q.confidence <= 1.0 for q in quotes)


@pytest.mark.model
@MODEL_SETTINGS
@given(text=french_like)
def test_properties_default_threshold_returns_the_confident_subset(extractor: quoteattr.Extractor,
                                                                   text: str) -> None:
    every = extractor.extract(text, min_confidence=0.0)
    confident = extractor.extract(text)
    assert [q.model_dump() for q in confident] == [q.model_dump() for q in every if q.confidence >= 0.5]


# --------------------------------------------------------------------------------------------
# The rule layer alone, no model


@RULE_SETTINGS
@given(text=rule_text)
def test_properties_find_quotes_candidates_are_in_bounds_ordered_and_disjoint(text: str) -> None:
    candidates = find_quotes(text)
    for c in candidates:
        assert 0 <= c.open_start < c.start < c.end < c.close_end <= len(text), (text, c)
        assert text[c.open_start] in MARKS and text[c.close_end - 1] in MARKS, (text, c)
        assert text[c.start] not in PADDING and text[c.end - 1] not in PADDING, (text, c)
        assert c.paragraphs >= 1
    for left, right in itertools.pairwise(candidates):
        assert left.close_end <= right.open_start, (text, left, right)


@RULE_SETTINGS
@given(text=rule_text)
def test_properties_paragraphs_are_stripped_ordered_and_cover_all_visible_text(text: str) -> None:
    found = paragraphs(text)
    for p in found:
        assert 0 <= p.start < p.end <= len(text), (text, p)
        assert not text[p.start].isspace() and not text[p.end - 1].isspace(), (text, p)
    for left, right in itertools.pairwise(found):
        assert left.end < right.start, (text, left, right)
    covered = set()
    for p in found:
        covered.update(range(p.start, p.end))
    lost = [i for i, ch in enumerate(text) if not ch.isspace() and i not in covered]
    assert lost == [], (text, lost)


@RULE_SETTINGS
@given(text=rule_text)
def test_properties_furniture_ranges_are_in_bounds_sorted_and_merged(text: str) -> None:
    ranges = furniture_ranges(text)
    for start, end in ranges:
        assert 0 <= start < end <= len(text), (text, start, end)
    for (_, left_end), (right_start, _) in itertools.pairwise(ranges):
        assert left_end < right_start, (text, ranges)


block_text = st.lists(
    st.sampled_from(["Kim a dit :\n", "Notre ministre a ajouté :\n", "Il a déclaré : \n", "\n\n", "\n",
                     "nous allons baisser vos impôts dès cette année", "Le budget sera voté en mars",
                     "« Oui », a-t-il dit.", "07h42", "vous verrez bien ce que nous ferons", " ", ":"]),
    max_size=12,
).map("".join)


@RULE_SETTINGS
@given(text=st.one_of(rule_text, block_text))
def test_properties_find_blocks_are_in_bounds_and_ordered(text: str) -> None:
    blocks = find_blocks(text, find_quotes(text))
    for b in blocks:
        assert 0 <= b.colon < b.start < b.end <= len(text), (text, b)
        assert text[b.colon] == ":", (text, b)
    assert [b.start for b in blocks] == sorted(b.start for b in blocks), (text, blocks)


@RULE_SETTINGS
@given(text=block_text)
@example(text="Le président a déclaré :\nNous allons construire des routes et des écoles partout.\n\n"
              "Notre ministre a ajouté :\nNous allons aussi baisser vos impôts dès cette année.\n")
def test_properties_find_blocks_do_not_overlap(text: str) -> None:
    # Regression (the @example): a block extended over the next first-person paragraph
    # swallowed that paragraph's own colon cue, whose block was returned too, nested in it.
    blocks = find_blocks(text, find_quotes(text))
    for left, right in itertools.pairwise(blocks):
        assert left.end <= right.colon, (text, left, right)
