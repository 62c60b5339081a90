"""End to end: an extractor reads the lexicon it was given, beside one that reads the packaged one.

Every passage here was written for these tests. Each test also checks that every returned span
is cut from the input at its offsets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import quoteattr
from quoteattr import Quote
from quoteattr.lexicons import default_lexicon, load_lexicon
from tests.spans import assert_spans_match

pytestmark = pytest.mark.model

MOCKING = "« C'est une farce », a persiflé le député."


def quotes_of(extractor: quoteattr.Extractor, text: str) -> list[Quote]:
    """Return every quote of ``text`` whatever its confidence, checking the spans."""
    quotes = extractor.extract(text, min_confidence=0)
    assert_spans_match(text, quotes)
    return quotes


@pytest.fixture
def own_verbs(tmp_path: Path) -> Path:
    """Return a lexicon directory that adds one reporting verb the packaged list lacks."""
    (tmp_path / "reporting_verbs.tsv").write_text("# lemma\tstance\trole\npersifler\tassertive\tspeech\n",
                                                  encoding="utf-8")
    return tmp_path


def test_custom_lexicon_e2e_an_added_verb_is_a_cue_for_its_extractor_only(extractor: quoteattr.Extractor,
                                                                           own_verbs: Path) -> None:
    assert "persifler" not in default_lexicon().reporting_verbs
    own = quoteattr.Extractor(parser=extractor.parser, lexicon=load_lexicon(own_verbs))
    [mine] = quotes_of(own, MOCKING)
    assert mine.verb is not None and mine.speaker is not None
    assert (mine.verb.lemma, mine.verb.stance, mine.speaker.text) == ("persifler", "assertive", "le député")
    [packaged] = quotes_of(extractor, MOCKING)
    assert packaged.verb is None and packaged.speaker is None


def test_custom_lexicon_e2e_a_directory_path_is_accepted(extractor: quoteattr.Extractor, own_verbs: Path) -> None:
    own = quoteattr.Extractor(parser=extractor.parser, lexicon=own_verbs)
    [quote] = quotes_of(own, MOCKING)
    assert quote.verb is not None and quote.verb.lemma == "persifler"


def test_custom_lexicon_e2e_rejects_another_type(extractor: quoteattr.Extractor) -> None:
    with pytest.raises(TypeError, match="lexicon must be"):
        quoteattr.Extractor(parser=extractor.parser, lexicon=42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "verb", "lemma", "speaker"),
    [
        ("« Nous sommes prêts », s'est dit le ministre.", "s'est dit", "se dire", "le ministre"),
        ("Le maire s'est dit prêt à discuter avec les syndicats.", "s'est dit", "se dire", "Le maire"),
        ("« C'est une victoire », se félicite le syndicat.", "se félicite", "se féliciter", "le syndicat"),
        ("« La situation est grave », s'inquiète la directrice.", "s'inquiète", "s'inquiéter", "la directrice"),
    ],
)
def test_custom_lexicon_e2e_reflexive_verbs_are_lexicon_entries(extractor: quoteattr.Extractor, text: str,
                                                                 verb: str, lemma: str, speaker: str) -> None:
    assert lemma in default_lexicon().reporting_verbs
    [quote] = quotes_of(extractor, text)
    assert quote.verb is not None and quote.speaker is not None
    assert (quote.verb.text, quote.verb.lemma, quote.speaker.text) == (verb, lemma, speaker)
