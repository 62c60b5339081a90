"""Adversarial inputs: huge runs of marks, deep nesting, endless sentences, invisible characters.

Every case must return (no exception, no hang) and give valid spans: each span of each quote is
cut from the input at its offsets. Each call runs under a generous bound (``tests.guards``:
an alarm that stops the call and fails the test) that only turns a hang into a failure;
nothing here asserts how fast the extractor is: see ``bench/adversarial.py`` for timings and
growth ratios.

The model cases are marked ``model``; the rule cases at the end run ``quoteattr.rules`` alone,
on inputs ten times larger.
"""

from __future__ import annotations

import itertools
import random

import pytest

import quoteattr
from quoteattr import Quote
from quoteattr.rules.blocks import find_blocks
from quoteattr.rules.layout import furniture_ranges, paragraphs
from quoteattr.rules.marks import QuoteCandidate, find_quotes
from tests.guards import DEFAULT_LIMIT, within_limit
from tests.inputs import C1_CONTROLS, UPPERCASE_SYMBOLS, surname
from tests.spans import assert_clean_names, assert_spans_match

MARKS = "«»“”\""
PADDING = " \t\n\r\u00a0\u202f\u2009\u2007\ufeff"
# Follows the junk in its own paragraph; it does not open with «, so it does not continue
# (README: multi-paragraph quotes) a « left open by the paragraph before.
QUOTE = "Dmitri Peskov a déclaré : « Nous ne céderons pas. »"


def extract_all(extractor: quoteattr.Extractor, text: str, limit: float = DEFAULT_LIMIT) -> list[Quote]:
    """Return every candidate of ``text`` (min_confidence 0), checked for valid, ordered spans
    and printable names; fail if the extractor runs past ``limit`` seconds."""
    quotes = within_limit(extractor.extract, text, min_confidence=0.0, limit=limit)
    assert isinstance(quotes, list), type(quotes)
    assert_spans_match(text, quotes)
    assert_clean_names(quotes)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    return quotes


def confident(quotes: list[Quote]) -> list[Quote]:
    """Return the quotes the default threshold (0.5) keeps."""
    return [q for q in quotes if q.confidence >= 0.5]


def speaker_name(quote: Quote) -> str | None:
    """Return the resolved speaker name of a quote, or None."""
    return quote.speaker.name if quote.speaker is not None else None


def nested_opening(depth: int, word: str = "") -> str:
    """Return ``depth`` opening marks alternating « and “, each followed by a space and ``word``."""
    return "".join("«“"[i % 2] + " " + word for i in range(depth))


def nested_closing(depth: int) -> str:
    """Return the closing marks matching :func:`nested_opening`, innermost first."""
    return "".join(" " + "»”"[i % 2] for i in reversed(range(depth)))


# --------------------------------------------------------------------------------------------
# Quote marks: huge unbalanced runs and deep nesting


@pytest.mark.model
def test_adversarial_100000_unclosed_guillemets_do_not_lose_the_next_paragraph(
        extractor: quoteattr.Extractor) -> None:
    # One whitespace-free run: spaCy's tokenizer was quadratic on it (about a minute per
    # 20,000-character piece); '« ' * n spaced runs are covered by the rule tests below.
    text = "Le ministre a parlé " + "«" * 100_000 + "\n\n" + QUOTE
    quotes = extract_all(extractor, text)
    assert [(q.text, speaker_name(q)) for q in confident(quotes)] == [("Nous ne céderons pas.", "Dmitri Peskov")]


@pytest.mark.model
@pytest.mark.parametrize("before", ["«", "« " * 10_000,
                                    "« “ " * 5_000],
                         ids=["one", "10000-spaced", "5000-alternating"])
def test_adversarial_unclosed_marks_before_a_paragraph_that_reopens_with_a_guillemet(
        extractor: quoteattr.Extractor, before: str) -> None:
    # Regression: the quote began at the reopening mark ('« Nous ne céderons pas').
    text = f"Le ministre a parlé {before}\n\n« Nous ne céderons pas », a déclaré Dmitri Peskov."
    quotes = extract_all(extractor, text)
    assert [(q.text, speaker_name(q)) for q in confident(quotes)] == [("Nous ne céderons pas", "Dmitri Peskov")]


@pytest.mark.model
def test_adversarial_quotes_nested_10000_deep_and_closed_give_one_outer_quote(
        extractor: quoteattr.Extractor) -> None:
    depth = 10_000
    nest = nested_opening(depth) + "nous tiendrons" + nested_closing(depth)
    text = nest + ", a déclaré Paul Girard.\n\n« Oui », a-t-il ajouté."
    quotes = extract_all(extractor, text)
    outer = [q for q in quotes if q.start < len(nest)]
    assert [(q.start, q.end) for q in outer] == [(2, len(nest) - 2)]
    assert "Oui" in [q.text for q in quotes]


@pytest.mark.model
def test_adversarial_quotes_nested_10000_deep_never_closed(extractor: quoteattr.Extractor) -> None:
    text = nested_opening(10_000, "mot ") + "\n\n" + QUOTE
    quotes = extract_all(extractor, text)
    assert [(q.text, speaker_name(q)) for q in confident(quotes)] == [("Nous ne céderons pas.", "Dmitri Peskov")]


# --------------------------------------------------------------------------------------------
# A paragraph with no sentence end


CLAUSES = [
    "le ministre a estimé que la réforme était prête",
    "« nous tiendrons nos engagements », a déclaré Paul Girard",
    "selon l'AFP les discussions se poursuivent",
    "Dmitri Peskov a affirmé que la rencontre aurait lieu « dans les prochains jours »",
    "les syndicats ont répondu qu'ils attendraient le vote",
    "« rien n'est exclu », a-t-il ajouté",
]


@pytest.mark.model
def test_adversarial_300_kb_paragraph_without_sentence_end(extractor: quoteattr.Extractor) -> None:
    rng = random.Random(7)
    parts: list[str] = []
    size = 0
    while size < 300_000:
        parts.append(rng.choice(CLAUSES))
        size += len(parts[-1]) + 2
    text = ", ".join(parts)
    assert not any(mark in text for mark in ".!?…\n")
    quotes = extract_all(extractor, text)
    assert quotes, "a 300 KB paragraph full of reporting verbs gave no candidate at all"


# --------------------------------------------------------------------------------------------
# Control, invisible and bidirectional characters


# C0 controls, DEL, the C1 controls U+0080–U+009F (NEL U+0085 among them), line and paragraph
# separators.
CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\n\r"] + ["\x7f", *C1_CONTROLS, "\u2028", "\u2029"]
BASE = "« Nous lancerons les travaux dès septembre », a déclaré Paul Girard."


@pytest.mark.model
@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_adversarial_control_character_in_place_of_a_space(extractor: quoteattr.Extractor,
                                                           control: str) -> None:
    text = BASE.replace("les travaux", f"les{control}travaux").replace("déclaré Paul", f"déclaré{control}Paul")
    quotes = extract_all(extractor, text)
    assert [(q.text, speaker_name(q), q.verb.text if q.verb else None) for q in confident(quotes)] == [
        (f"Nous lancerons les{control}travaux dès septembre", "Paul Girard", "a déclaré")]


@pytest.mark.model
def test_adversarial_nul_bytes_and_every_control_character_around_a_quote(
        extractor: quoteattr.Extractor) -> None:
    junk = "".join(CONTROLS) + "\x00" * 1_000
    text = junk + "\n\n" + BASE.replace("travaux", "tra\x00vaux") + "\n\n" + junk + "\x00"
    quotes = extract_all(extractor, text)
    assert [(q.text, speaker_name(q)) for q in confident(quotes)] == [
        ("Nous lancerons les tra\x00vaux dès septembre", "Paul Girard")]
    assert extract_all(extractor, "\x00" * 10_000) == []


@pytest.mark.model
@pytest.mark.parametrize("gap", ["\x00 ", " \x00", "  ", "\t", " \t ", "\x00\x00\x00"],
                         ids=["NUL-space", "space-NUL", "two-spaces", "tab", "space-tab-space", "3-NUL"])
def test_adversarial_control_character_next_to_a_space_keeps_the_attribution(
        extractor: quoteattr.Extractor, gap: str) -> None:
    # Regression: the control character became a space, the double space a spaCy SPACE token,
    # and the incise lost its speaker and verb (confidence 0.3).
    text = BASE.replace("», a déclaré Paul", f"»,{gap}a{gap}déclaré{gap}Paul")
    quotes = extract_all(extractor, text)
    assert [(q.text, speaker_name(q), q.verb.lemma if q.verb else None) for q in confident(quotes)] == [
        ("Nous lancerons les travaux dès septembre", "Paul Girard", "déclarer")]


INVISIBLE = ["\u200b", "\u200d", "\u200e", "\u202b"]
INVISIBLE_IDS = ["ZWSP-200B", "ZWJ-200D", "LRM-200E", "RLE-202B"]


@pytest.mark.model
@pytest.mark.parametrize("mark", INVISIBLE, ids=INVISIBLE_IDS)
def test_adversarial_invisible_mark_inside_a_name_keeps_the_speaker(extractor: quoteattr.Extractor,
                                                                    mark: str) -> None:
    name = f"Dmitri{mark} Peskov"
    text = f"« Nous ne céderons pas », a déclaré {name}."
    where = text.index(name)
    (quote,) = confident(extract_all(extractor, text))
    assert quote.text == "Nous ne céderons pas"
    assert quote.verb is not None and quote.verb.text == "a déclaré"
    assert quote.speaker is not None, "speaker lost"
    assert where <= quote.speaker.start and quote.speaker.end <= where + len(name), quote.speaker
    assert "Peskov" in quote.speaker.text and "Peskov" in quote.speaker.name


@pytest.mark.model
@pytest.mark.parametrize("mark", INVISIBLE, ids=INVISIBLE_IDS)
def test_adversarial_invisible_mark_before_the_period_stays_out_of_the_speaker(
        extractor: quoteattr.Extractor, mark: str) -> None:
    # Regression: spaCy kept 'Peskov<mark>.' as one token, so the speaker was lost (U+200B,
    # U+200D) or its span and name swallowed the period ('Dmitri Peskov\u200e.').
    text = f"« Nous ne céderons pas », a déclaré Dmitri Peskov{mark}."
    (quote,) = confident(extract_all(extractor, text))
    assert quote.speaker is not None
    assert "Peskov" in quote.speaker.text
    assert quote.speaker.end <= text.index(mark) + 1, quote.speaker
    assert not quote.speaker.text.endswith(".") and not quote.speaker.name.endswith("."), quote.speaker


EMOJI_TEXT = ("🔥🔥 Le maire a parlé 👏🏽.\n\n« Nous lancerons les travaux 🚧 dès septembre 👷\u200d♀️ », "
              "a déclaré Paul Girard 🇫🇷. 😀\n\nIl a ajouté : « Le budget est prêt 💶. »")


@pytest.mark.model
def test_adversarial_emoji_keep_offsets_and_attribution(extractor: quoteattr.Extractor) -> None:
    quotes = extract_all(extractor, EMOJI_TEXT)
    assert [(q.text, speaker_name(q)) for q in confident(quotes)] == [
        ("Nous lancerons les travaux 🚧 dès septembre 👷\u200d♀️", "Paul Girard"),
        ("Le budget est prêt 💶.", "Paul Girard"),
    ]


# --------------------------------------------------------------------------------------------
# Line endings


ARTICLE = (
    "Le porte-parole du Kremlin, Dmitri Peskov, a affirmé mardi que la rencontre aurait lieu "
    "« dans les prochains jours », rapporte l'agence de presse russe Tass.\n\n"
    "« Il y aura des négociations entre les deux délégations », a-t-il déclaré à l'AFP.\n"
    "« Ensuite, les dirigeants poursuivront en tête-à-tête. »\n\n"
    "Le ministre a déclaré :\nNous allons baisser les impôts dès cette année pour tous.\n\n"
    "Reuters, citant Interfax, rapporte que le ministre des Affaires étrangères, Sergueï Lavrov, "
    "a déclaré que Moscou « n'excluait rien ».\n"
)


def _layout(quotes: list[Quote]) -> list[tuple]:
    """Return everything about quotes except their texts: kinds, offsets, names, confidences."""
    return [
        (q.kind, q.cue, q.start, q.end, q.confidence,
         None if q.speaker is None else (q.speaker.start, q.speaker.end, q.speaker.name),
         None if q.verb is None else (q.verb.start, q.verb.end, q.verb.lemma),
         [(r.start, r.end, r.name) for r in q.relayed_by])
        for q in quotes
    ]


@pytest.mark.model
def test_adversarial_crlf_and_lone_cr_give_offsets_into_the_original_string(
        extractor: quoteattr.Extractor) -> None:
    lf = extract_all(extractor, ARTICLE)
    assert len(confident(lf)) >= 4
    lone_cr = extract_all(extractor, ARTICLE.replace("\n", "\r"))
    assert _layout(lone_cr) == _layout(lf)
    crlf = extract_all(extractor, ARTICLE.replace("\n", "\r\n"))
    assert _layout(crlf) == _layout(extract_all(extractor, ARTICLE.replace("\n", " \n")))
    assert [q.text.replace("\r\n", "\n") for q in crlf] == [q.text for q in lf]
    mixed = ARTICLE.replace("\n\n", "\r\n\r\n", 1).replace("\n\n", "\r\r", 1)
    assert len(confident(extract_all(extractor, mixed))) == len(confident(lf))


# --------------------------------------------------------------------------------------------
# HTML and JavaScript pasted into the text


HTML_PAGE = """<!DOCTYPE html><html><head><title>Réforme : « Nous tiendrons » | Le Journal</title>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} var titre = "« Nous ne céderons jamais », a déclaré Jean Dupont.";</script>
</head><body><nav><a href="/politique">Politique</a> | <a href="/monde">Monde</a> | <a href="/sport">Sport</a></nav>
<article><h1>La réforme avance</h1>
<p>« Nous lancerons les travaux dès septembre », a déclaré <b>Paul Girard</b>.</p>
<p>Le ministre Paul Girard a estimé que la réforme était prête &amp; votée.</p>
<script type="text/javascript">document.write("<p>« Faux », a dit Jean Dupont.</p>"); if (a < b && c > d) { f({x: "»"}); }</script>
<p onclick='alert("« »")'>Lire aussi : « Le budget 2025 » | « Les impôts »</p></article></body></html>
"""


@pytest.mark.model
def test_adversarial_html_and_javascript_pasted_into_the_text(extractor: quoteattr.Extractor) -> None:
    quotes = extract_all(extractor, HTML_PAGE)
    texts = [q.text for q in quotes]
    assert "Nous lancerons les travaux dès septembre" in texts  # kept as a candidate, not dropped
    script_quotes = [q for q in quotes if "Jean Dupont" in q.text or q.text in {"Faux", "Nous ne céderons jamais"}]
    assert all(q.confidence < 0.5 for q in script_quotes), script_quotes  # script code is furniture
    inline = "Le maire a parlé. var x = \"« faux »\"; function(){ return '«'; } « Oui », a-t-il dit.\n<br/>\x00"
    extract_all(extractor, inline)


# --------------------------------------------------------------------------------------------
# Other languages: no French reporting cue, no confident quote


ENGLISH = ('The Kremlin spokesman Dmitry Peskov said on Tuesday that the meeting would take place '
           '"in the coming days", according to Reuters. "There will be negotiations between the two '
           'delegations," he told reporters. Officials in Washington declined to comment, saying only '
           'that talks were "ongoing". Markets rose slightly after the announcement.')
RUSSIAN = ("Пресс-секретарь Кремля Дмитрий Песков заявил во вторник, что встреча состоится «в ближайшие "
           "дни», сообщает ТАСС. «Будут переговоры между двумя делегациями», — сказал он журналистам. "
           "Рынки немного выросли после этого объявления.")
ENGLISH_PLAIN = "The Kremlin spokesman said on Tuesday that the meeting would take place soon. Markets rose."
RUSSIAN_PLAIN = "Пресс-секретарь Кремля заявил во вторник, что встреча состоится в ближайшие дни. Рынки выросли."


@pytest.mark.model
@pytest.mark.parametrize("text", [ENGLISH, RUSSIAN], ids=["english", "russian"])
def test_adversarial_foreign_news_gives_only_low_confidence_uncued_candidates(
        extractor: quoteattr.Extractor, text: str) -> None:
    quotes = extract_all(extractor, text)
    assert extractor.extract(text) == []
    # README: a quoted span with no cue and no speaker scores 0.15, or 0.3 as a whole sentence.
    for quote in quotes:
        assert (quote.kind, quote.cue, quote.speaker, quote.verb) == ("direct", "none", None, None), quote
        assert quote.confidence <= 0.3, quote


@pytest.mark.model
@pytest.mark.parametrize("text", [ENGLISH_PLAIN, RUSSIAN_PLAIN], ids=["english", "russian"])
def test_adversarial_foreign_prose_without_marks_gives_nothing(extractor: quoteattr.Extractor,
                                                               text: str) -> None:
    assert extract_all(extractor, text) == []


# --------------------------------------------------------------------------------------------
# Issue 12: inputs that hung, crashed or leaked control characters into names
#
# Each call runs under HANG_LIMIT (tests.guards: an alarm stops the call and fails the test).
# Before the fixes the endless-loop and chained-report cases never returned (the chain of 22
# took 85 s, doubling with each repeat); the bound turns that into a failure instead of a
# hung suite. It is not a check of speed: the growth of these families is measured, as
# ratios, by bench/adversarial.py (chains-*, same-first-name, announcers).

HANG_LIMIT = 60.0
# For the megabyte-sized documents: several times a linear run on 2 slow cores, still a hang bound.
SCALE_LIMIT = 600.0


@pytest.mark.model
@pytest.mark.parametrize("template", ["Marie {}.", "« Oui », a dit Marie {}.",
                                      "Marie Dupont {} a déclaré que la guerre était finie."],
                         ids=["after-a-first-name", "after-an-incise-speaker", "before-a-report"])
def test_adversarial_uppercase_symbols_after_a_name_return(extractor: quoteattr.Extractor,
                                                           template: str) -> None:
    assert "Ⓜ" in UPPERCASE_SYMBOLS and len(UPPERCASE_SYMBOLS) >= 100
    extract_all(extractor, template.format("Ⓜ"), limit=HANG_LIMIT)
    # Every such character, each in its own sentence of one document.
    text = " ".join(template.format(c) for c in UPPERCASE_SYMBOLS)
    extract_all(extractor, text, limit=HANG_LIMIT)


CHAIN_LINKS = ["a dit que ", "a affirmé que ", "a estimé que ", "et ajouté que ", "a déclaré qu'il avait dit que "]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [pytest.param("a dit que " * 22 + "la guerre est finie.", id="a-dit-que-x22"),
     *[pytest.param(link * 30 + "la guerre est finie.", id=f"{link.strip().replace(' ', '-')}-x30")
       for link in CHAIN_LINKS],
     pytest.param("".join(CHAIN_LINKS) * 8 + "la guerre est finie.", id="mixed-links-x40"),
     pytest.param("Le ministre " + "a dit que " * 30 + "la guerre est finie.", id="subject-then-x30"),
     pytest.param("Il a dit que la guerre est finie, " + "et ajouté que " * 30 + "la paix revient.",
                  id="subject-report-then-x30-coordinated")],
)
def test_adversarial_chained_reports_without_subject_return(extractor: quoteattr.Extractor, text: str) -> None:
    extract_all(extractor, text, limit=HANG_LIMIT)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [pytest.param("\ud800", id="alone"),
     pytest.param("\udfff" * 1_000, id="1000-low"),
     pytest.param("\ud83d\ude00 « Oui », a dit Marie Dupont.", id="split-pair-before-a-quote"),
     pytest.param("« Nous ne céderons pas\udc80 », a déclaré Marie\ud800 Dupont\udbff.", id="in-quote-and-name"),
     pytest.param("Marie \ud800Dupont a déclaré que la guerre était finie.", id="glued-to-a-name")],
)
def test_adversarial_lone_surrogates_return(extractor: quoteattr.Extractor, text: str) -> None:
    # Lone surrogates are valid Python str but cannot be encoded as UTF-8 (spaCy raised
    # UnicodeEncodeError); spans keep them, names must not.
    extract_all(extractor, text, limit=HANG_LIMIT)


@pytest.mark.model
@pytest.mark.parametrize("control", C1_CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_adversarial_c1_control_glued_to_a_name_stays_out_of_it(extractor: quoteattr.Extractor,
                                                                control: str) -> None:
    # Regression: '\x9fKim' was the speaker's name.
    text = f"« Nous ne céderons pas », a déclaré {control}Kim."
    quotes = confident(extract_all(extractor, text, limit=HANG_LIMIT))
    assert [(q.text, speaker_name(q)) for q in quotes] == [("Nous ne céderons pas", "Kim")]


@pytest.mark.model
@pytest.mark.parametrize("people", [pytest.param(2_000, id="2000-people-100KB"),
                                    pytest.param(20_000, id="20000-people-1MB", marks=pytest.mark.slow)])
def test_adversarial_many_people_sharing_a_first_name_keep_their_own_names(
        extractor: quoteattr.Extractor, people: int) -> None:
    # The entity table compared every name with every other name sharing its first word
    # (quadratic: 67 s at 0.5 MB, 243 s at 1 MB). The bound is generous, far above a linear
    # run; only bench/adversarial.py (same-first-name) measures the growth.
    surnames = [surname(i) for i in range(people)]
    assert len(set(surnames)) == people
    text = " ".join(f"Jean {s} a dit que la réforme numéro {i} était prête." for i, s in enumerate(surnames))
    quotes = extract_all(extractor, text, limit=SCALE_LIMIT)
    expected = [(f"la réforme numéro {i} était prête", f"Jean {s}") for i, s in enumerate(surnames)]
    assert [(q.text, speaker_name(q)) for q in confident(quotes)] == expected


@pytest.mark.model
@pytest.mark.parametrize("announcers", [pytest.param(1_000, id="1000-announcers-70KB"),
                                        pytest.param(10_000, id="10000-announcers-700KB", marks=pytest.mark.slow)])
def test_adversarial_repeated_announcers_relay_each_quote_once(extractor: quoteattr.Extractor,
                                                               announcers: int) -> None:
    # Every announcer was checked against every finding of the document (announcers ×
    # findings). The bound only catches a hang; bench/adversarial.py (announcers) measures.
    text = "\n\n".join(f"Reuters rapporte :\n\n« Nous tiendrons l'engagement numéro {i}. »" for i in range(announcers))
    quotes = confident(extract_all(extractor, text, limit=SCALE_LIMIT))
    assert [(q.text, [r.name for r in q.relayed_by]) for q in quotes] == [
        (f"Nous tiendrons l'engagement numéro {i}.", ["Reuters"]) for i in range(announcers)]


# --------------------------------------------------------------------------------------------
# Block cues: a document of lines ending with a colon


def test_adversarial_rules_colon_lines_without_blank_line() -> None:
    # Regression: each colon rescanned the rest of the paragraph (quadratic) and the scan's
    # regex timeout then raised TimeoutError('regex timed out') out of the extractor.
    text = "Le ministre a dit :\n" * 100_000
    blocks = within_limit(find_blocks, text, [])
    assert all(0 <= b.colon < b.start < b.end <= len(text) and text[b.colon] == ":" for b in blocks)
    for left, right in itertools.pairwise(blocks):
        assert left.end <= right.colon



# --------------------------------------------------------------------------------------------
# The rule layer alone, no model: ten times larger


def assert_valid_candidates(text: str, candidates: list[QuoteCandidate]) -> None:
    """Assert candidates are in bounds, between marks, ordered and disjoint."""
    for c in candidates:
        assert 0 <= c.open_start < c.start < c.end < c.close_end <= len(text)
        assert text[c.open_start] in MARKS and text[c.close_end - 1] in MARKS
    for left, right in itertools.pairwise(candidates):
        assert left.close_end <= right.open_start


def _random_marks(size: int) -> str:
    """Return ``size`` characters of marks, letters, spaces and line breaks (seeded)."""
    rng = random.Random(1_000_000)
    return "".join(rng.choices("«»“”\"ab .\n\u00a0", weights=[5, 5, 3, 3, 3, 4, 4, 6, 1, 1, 1], k=size))


@pytest.mark.parametrize(
    "text",
    [pytest.param("«" * 1_000_000, id="1M-open-guillemets"),
     pytest.param("”a" * 500_000, id="500k-close-curly-before-letters"),
     pytest.param("« " * 400_000 + " \"a" * 200_000, id="400k-guillemets-then-200k-straight-openers"),
     pytest.param(_random_marks(1_000_000), id="1M-random-marks")],
)
def test_adversarial_rules_find_quotes_on_a_million_marks(text: str) -> None:
    assert_valid_candidates(text, within_limit(find_quotes, text))


@pytest.mark.parametrize(
    "before",
    ["«", "Le ministre a parlé «", "« " * 100_000, "«" * 100_000,
     "« “", '« "',
     "« « “"],
    ids=["one", "after-words", "100000-spaced", "100000-run", "then-curly", "then-straight", "two-then-curly"],
)
def test_adversarial_rules_stray_open_guillemet_before_a_reopened_paragraph(before: str) -> None:
    # Regression: the candidate started AT the reopening mark ('« Nous ne céderons pas.').
    text = before + "\n\n« Nous ne céderons pas. »"
    assert [text[c.start:c.end] for c in within_limit(find_quotes, text)] == ["Nous ne céderons pas."]


def test_adversarial_rules_find_quotes_100000_deep_nesting() -> None:
    depth = 100_000
    closed = nested_opening(depth) + "mot" + nested_closing(depth)
    (outer,) = within_limit(find_quotes, closed)
    assert (outer.start, outer.end, outer.open_start, outer.close_end) == (2, len(closed) - 2, 0, len(closed))
    assert within_limit(find_quotes, nested_opening(depth, "mot ")) == []
    inner_done = nested_opening(depth) + "« oui » " * 10
    candidates = within_limit(find_quotes, inner_done)
    assert_valid_candidates(inner_done, candidates)
    assert [inner_done[c.start:c.end] for c in candidates] == ["oui"] * 10


@pytest.mark.parametrize(
    "text",
    [pytest.param("a\n" * 200_000, id="200k-short-lines"),
     pytest.param("a\n\n" * 200_000, id="200k-paragraphs"),
     pytest.param("Politique | Monde | Sport\n" * 20_000, id="20k-menu-bars"),
     pytest.param("Lire aussi " * 50_000, id="50k-related-links-on-one-line"),
     pytest.param(" " * 1_000_000, id="1M-spaces")],
)
def test_adversarial_rules_layout_on_large_inputs(text: str) -> None:
    found = within_limit(paragraphs, text)
    for left, right in itertools.pairwise(found):
        assert left.end < right.start
    ranges = within_limit(furniture_ranges, text)
    for start, end in ranges:
        assert 0 <= start < end <= len(text)
    for (_, left_end), (right_start, _) in itertools.pairwise(ranges):
        assert left_end < right_start
