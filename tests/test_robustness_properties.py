"""Property-based robustness: whatever the text, results are well-formed.

Two families of inputs: arbitrary Unicode (``st.text()``) and French-like news text built from
fragments of French reporting prose with quote marks (« » “ ” "), colons, line breaks and
no-break spaces inserted between them at random.

For every input, the extractor must not raise; every span (quote, speaker, verb, each relay)
must be cut from the input at its offsets and lie inside it; a quote's speaker and verb lie
outside the quote unless they sit inside it as a mid-quote incise ("« A, a-t-il dit, B »");
quotes come in document order; the same input gives the same output twice; no speaker or
outlet name holds a control character or a lone surrogate. Each extraction runs under a hang
bound (``tests.guards``), so an input that never returns fails instead of hanging the suite.

Families aimed at issue 12 (each once hung, crashed or leaked into names): symbols, letterlike
and enclosed alphanumeric characters (Ⓜ, 🅰: uppercase but not alphanumeric) after French
names; lone surrogates anywhere; chains of reporting verbs with and without subjects; repeated
"Reuters rapporte :" announcers; many people sharing a first name. Inputs stay short: time is
measured in ``bench/adversarial.py``, not asserted here.

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
from tests.guards import within_limit
from tests.inputs import UPPERCASE_SYMBOLS, surname
from tests.spans import assert_clean_names, assert_spans_match

MODEL_SETTINGS = settings(max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
RULE_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# The issue-12 families: fewer examples each, to keep the whole file near a minute.
FAMILY_SETTINGS = settings(MODEL_SETTINGS, max_examples=50)
# Seconds one extraction of a short input may take before it counts as a hang (not a speed check).
EXAMPLE_LIMIT = 30.0

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
    " \x9f", "\x80 ", "\x85", " \x8d\x90",  # C1 controls, once kept in names ("\x9fKim")
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

# Symbols (So, Sm), the letterlike block (U+2100–U+214F: ℂ ℵ ℞ …), enclosed alphanumerics
# (U+2460–U+24FF, U+1F100–U+1F1FF) and every uppercase-but-not-alphanumeric character.
symbol_chars = st.one_of(
    st.characters(categories=["So", "Sm"]),
    st.characters(min_codepoint=0x2100, max_codepoint=0x214F),
    st.characters(min_codepoint=0x2460, max_codepoint=0x24FF),
    st.characters(min_codepoint=0x1F100, max_codepoint=0x1F1FF),
    st.sampled_from(UPPERCASE_SYMBOLS),
)
NAMES = ["Marie", "Jean", "Kim", "Marie Dupont", "Paul Girard", "Jean-Pierre Raffarin", "Dmitri Peskov",
         "M. Dupont", "Mme Martin", "Le ministre"]
AFTER_NAME = ["", ".", " a dit.", " a déclaré que la guerre était finie.", ", a-t-il ajouté.", " : « Oui. »"]
# One uppercase symbol right after a name ("Marie Ⓜ.") is the shape that looped; runs of other
# symbols and a second name after them vary it.
name_with_symbols = st.tuples(
    st.sampled_from(NAMES), st.sampled_from(["", " ", " ", "-", "\u00a0"]),
    st.one_of(st.sampled_from(UPPERCASE_SYMBOLS), st.text(symbol_chars, min_size=1, max_size=3)),
    st.sampled_from(["", "", " ", "-"]), st.sampled_from(["", "", *NAMES]), st.sampled_from(AFTER_NAME),
).map("".join)
symbolic_text = st.lists(
    st.tuples(st.one_of(name_with_symbols, st.sampled_from(FRAGMENTS), st.text(symbol_chars, min_size=1, max_size=4)),
              st.sampled_from(SEPARATORS)),
    min_size=1, max_size=8,
).map(lambda parts: "".join(a + b for a, b in parts))

lone_surrogates = st.integers(min_value=0xD800, max_value=0xDFFF).map(chr)


@st.composite
def with_lone_surrogates(draw: st.DrawFn) -> str:
    """Return French-like, symbolic or arbitrary text with lone surrogates inserted anywhere."""
    text = draw(st.one_of(french_like, symbolic_text, any_text))
    insertions = draw(st.lists(st.tuples(st.integers(0, len(text)), st.text(lone_surrogates, min_size=1, max_size=3)),
                               min_size=1, max_size=5))
    for position, surrogates in sorted(insertions, reverse=True):
        text = text[:position] + surrogates + text[position:]
    return text


# Reports chained with no subject between them made the subject search recurse over every
# earlier report, twice per link (exponential: 85 s for 22 links). A sentence is one to three
# runs of one link repeated up to 25 times, each run with or without a subject before it.
CHAIN_LINKS = ["a dit que ", "a affirmé que ", "a estimé que ", "et ajouté que ", "a déclaré qu'il avait dit que ",
               "a assuré qu'elle avait affirmé que ", "a répété qu'", "avant de préciser que "]
CHAIN_SUBJECTS = ["", "", "Le ministre ", "Il ", "Marie Dupont ", "le porte-parole, Dmitri Peskov, "]
CHAIN_ENDS = ["la guerre est finie.", "« la guerre est finie ».", "rien n'était décidé.", "oui", ""]
chain_run = st.tuples(st.sampled_from(CHAIN_SUBJECTS), st.sampled_from(CHAIN_LINKS),
                      st.integers(min_value=1, max_value=25)).map(lambda run: run[0] + run[1] * run[2])
chain_sentence = st.tuples(
    st.sampled_from(CHAIN_SUBJECTS), st.lists(chain_run, min_size=1, max_size=3).map("".join),
    st.sampled_from(CHAIN_ENDS),
).map("".join)
report_chains = st.lists(st.tuples(chain_sentence, st.sampled_from([" ", "\n\n", " ", ". "])),
                         min_size=1, max_size=3).map(lambda parts: "".join(a + b for a, b in parts))

# "Reuters rapporte :" paragraphs, each announcing the quote paragraph after it.
ANNOUNCERS = ["Reuters rapporte :", "L'AFP rapporte :", "Interfax rapporte :", "Reuters rapporte, citant Tass :",
              "Le ministre a déclaré :"]
ANNOUNCED = ["« Nous ne céderons pas. »", "« Oui », a-t-il dit.", "Nous allons baisser vos impôts dès cette année.",
             "« La rencontre aura lieu », a déclaré Dmitri Peskov.", "Mis à jour à 07h42", "Il a dit que tout allait bien."]
announcer_text = st.lists(
    st.tuples(st.sampled_from(ANNOUNCERS), st.sampled_from(["\n\n", "\n", "\r\n\r\n", " "]),
              st.sampled_from(ANNOUNCED), st.sampled_from(["\n\n", "\n\n", "\n"])),
    min_size=1, max_size=8,
).map(lambda parts: "".join("".join(part) for part in parts))

# People sharing a first name ("Jean Belandet", "Jean Corengny"), named in full, by surname,
# by first name alone and by pronoun: (sentence template, surname) pairs.
SHARED_FIRST_NAME_SENTENCES = ["Jean {} a dit que la réforme était prête.", "« Nous tiendrons », a déclaré Jean {}.",
                               "{} a ajouté : « Oui. »", "Selon Jean {}, rien n'est décidé.",
                               "Jean a estimé que le vote aurait lieu.", "Il a dit que tout allait bien.",
                               "« Non », a répondu {}."]
shared_first_name_parts = st.lists(
    st.tuples(st.sampled_from(SHARED_FIRST_NAME_SENTENCES), st.integers(min_value=0, max_value=5_000).map(surname)),
    min_size=1, max_size=12,
)

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
    assert isinstance(quotes, list), type(quotes)
    assert_spans_match(text, quotes)
    assert_clean_names(quotes)
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
    first = within_limit(extractor.extract, text, min_confidence=0.0, limit=EXAMPLE_LIMIT)
    second = within_limit(extractor.extract, text, min_confidence=0.0, limit=EXAMPLE_LIMIT)
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
@example(text="Nous ne céderons pas, le ministère d'après Reuters.")
@example(text="Nous ne céderons pas, le ministère d’après l’agence Tass.")
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


@pytest.mark.model
@FAMILY_SETTINGS
@given(text=symbolic_text)
@example(text="Marie Ⓜ.")
@example(text="« Oui », a dit Jean-Pierre Raffarin 🅰 Ⓑ.")
@example(text="Marie Dupont ℂ a déclaré que la guerre était finie.")
def test_properties_symbols_after_names_give_valid_ordered_stable_quotes(extractor: quoteattr.Extractor,
                                                                        text: str) -> None:
    check_quotes(text, check_deterministic(extractor, text))


@pytest.mark.model
@FAMILY_SETTINGS
@given(text=with_lone_surrogates())
@example(text="\ud800")
@example(text="« Nous ne céderons pas\udc80 », a déclaré Marie\ud800 Dupont.")
def test_properties_lone_surrogates_give_valid_ordered_stable_quotes(extractor: quoteattr.Extractor,
                                                                    text: str) -> None:
    check_quotes(text, check_deterministic(extractor, text))


@pytest.mark.model
@FAMILY_SETTINGS
@given(text=report_chains)
@example(text="a dit que " * 22 + "la guerre est finie.")
@example(text="Le ministre " + "a affirmé que " * 12 + "et ajouté que " * 12 + "rien n'était décidé.")
@example(text=("a estimé que " * 12 + "la guerre est finie. ") * 2)
def test_properties_chained_reports_give_valid_ordered_stable_quotes(extractor: quoteattr.Extractor,
                                                                    text: str) -> None:
    check_quotes(text, check_deterministic(extractor, text))


@pytest.mark.model
@FAMILY_SETTINGS
@given(text=announcer_text)
@example(text="Reuters rapporte :\n\n« Nous ne céderons pas. »\n\n" * 8)
def test_properties_repeated_announcers_relay_each_outlet_once(extractor: quoteattr.Extractor, text: str) -> None:
    quotes = check_deterministic(extractor, text)
    check_quotes(text, quotes)
    for quote in quotes:
        names = [source.name for source in quote.relayed_by]
        assert len(names) == len(set(names)), (text, quote)


@pytest.mark.model
@FAMILY_SETTINGS
@given(parts=shared_first_name_parts)
@example(parts=[(SHARED_FIRST_NAME_SENTENCES[0], surname(i)) for i in range(12)])
def test_properties_people_sharing_a_first_name_are_never_merged(extractor: quoteattr.Extractor,
                                                                 parts: list[tuple[str, str]]) -> None:
    text = " ".join(template.format(name) for template, name in parts)
    quotes = check_deterministic(extractor, text)
    check_quotes(text, quotes)
    surnames = {name for _, name in parts}
    for quote in quotes:
        if quote.speaker is not None:
            named = [word for word in quote.speaker.name.split() if word in surnames]
            assert len(named) <= 1, (text, quote.speaker)


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
