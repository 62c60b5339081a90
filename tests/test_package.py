"""The public surface of the package: exported names, version and result models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import tomllib
from pydantic import ValidationError

import quoteattr
from quoteattr import Quote, ReportingVerb, Source, Span, Speaker

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"

PUBLIC_NAMES = [
    "BackendUnavailableError",
    "DocumentError",
    "DocumentTimeoutError",
    "Extractor",
    "HtmlView",
    "InputFormatError",
    "Lexicon",
    "ModelNotFoundError",
    "Quote",
    "QuoteattrError",
    "ReportingVerb",
    "Source",
    "Span",
    "Speaker",
    "SpeakerSummary",
    "__version__",
    "extract",
    "load_lexicon",
    "render",
    "speakers",
    "to_dataframe",
]

# "« Nous ne céderons pas », a déclaré Jean Dupont, selon l'AFP." with hand-counted offsets.
SAMPLE_TEXT = "« Nous ne céderons pas », a déclaré Jean Dupont, selon l'AFP."


def _sample_quote() -> Quote:
    """Return a valid quote on SAMPLE_TEXT, every span cut at its offsets."""
    return Quote(
        text="Nous ne céderons pas", start=2, end=22, kind="direct", cue="verb",
        speaker=Speaker(text="Jean Dupont", start=36, end=47, name="Jean Dupont", kind="person"),
        verb=ReportingVerb(text="a déclaré", start=26, end=35, lemma="déclarer"),
        relayed_by=[Source(text="AFP", start=57, end=60, name="AFP")],
        confidence=0.9,
    )


def test_package_sample_quote_offsets_are_those_of_its_text() -> None:
    quote = _sample_quote()
    for span in (quote, quote.speaker, quote.verb, *quote.relayed_by):
        assert SAMPLE_TEXT[span.start:span.end] == span.text


def test_package_all_is_pinned() -> None:
    assert sorted(quoteattr.__all__) == PUBLIC_NAMES
    for name in quoteattr.__all__:
        assert hasattr(quoteattr, name), name


def test_package_version_matches_pyproject() -> None:
    with PYPROJECT.open("rb") as handle:
        project = tomllib.load(handle)["project"]
    assert quoteattr.__version__ == project["version"]


@pytest.mark.parametrize(
    "error",
    [
        quoteattr.BackendUnavailableError,
        quoteattr.InputFormatError,
        quoteattr.ModelNotFoundError,
        quoteattr.DocumentError,
        quoteattr.DocumentTimeoutError,
    ],
)
def test_package_errors_derive_from_one_base(error: type[Exception]) -> None:
    assert issubclass(error, quoteattr.QuoteattrError)


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Quote, ["text", "start", "end", "kind", "cue", "speaker", "verb", "relayed_by",
                 "negated", "hedged", "confidence", "evidence"]),
        (Speaker, ["text", "start", "end", "name", "role", "kind"]),
        (ReportingVerb, ["text", "start", "end", "lemma", "stance"]),
        (Source, ["text", "start", "end", "name"]),
    ],
)
def test_package_models_have_the_documented_fields(model: type, fields: list[str]) -> None:
    assert list(model.model_fields) == fields


def test_package_model_dump_has_exactly_the_documented_keys() -> None:
    dumped = _sample_quote().model_dump()
    assert set(dumped) == {"text", "start", "end", "kind", "cue", "speaker", "verb",
                           "relayed_by", "negated", "hedged", "confidence", "evidence"}
    assert set(dumped["speaker"]) == {"text", "start", "end", "name", "role", "kind"}
    assert set(dumped["verb"]) == {"text", "start", "end", "lemma", "stance"}
    assert [set(r) for r in dumped["relayed_by"]] == [{"text", "start", "end", "name"}]


def test_package_model_dump_round_trips() -> None:
    quote = _sample_quote()
    assert Quote.model_validate(quote.model_dump()) == quote
    assert Quote.model_validate_json(quote.model_dump_json()) == quote


@pytest.mark.parametrize(
    ("target", "field", "value"),
    [
        ("quote", "text", "autre chose"),
        ("quote", "confidence", 0.1),
        ("speaker", "name", "Quelqu'un"),
        ("verb", "lemma", "dire"),
        ("source", "name", "Reuters"),
    ],
)
def test_package_models_are_frozen(target: str, field: str, value: object) -> None:
    quote = _sample_quote()
    objects = {"quote": quote, "speaker": quote.speaker, "verb": quote.verb,
               "source": quote.relayed_by[0]}
    with pytest.raises(ValidationError):
        setattr(objects[target], field, value)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Peskov", 0, 5),      # text longer than its offsets
        ("Peskov", 10, 20),    # text shorter than its offsets
        ("Peskov", 6, 0),      # end before start
        ("Peskov", -1, 5),     # negative offset
    ],
)
def test_package_span_rejects_offsets_that_disagree_with_text(text: str, start: int, end: int) -> None:
    with pytest.raises(ValidationError):
        Span(text=text, start=start, end=end)


def test_package_span_accepts_consistent_offsets() -> None:
    span = Span(text="Peskov", start=4, end=10)
    assert (span.start, span.end, span.text) == (4, 10, "Peskov")


@pytest.mark.parametrize(
    "model",
    [
        lambda: Speaker(text="Peskov", start=0, end=3, name="Peskov"),
        lambda: ReportingVerb(text="a dit", start=0, end=2, lemma="dire"),
        lambda: Source(text="AFP", start=0, end=4, name="AFP"),
        lambda: Quote(text="oui", start=0, end=4, kind="direct", cue="none", confidence=0.5),
    ],
)
def test_package_every_span_model_checks_its_length(model) -> None:
    with pytest.raises(ValidationError):
        model()


@pytest.mark.parametrize(
    ("field", "value"),
    [("confidence", 1.5), ("confidence", -0.1), ("kind", "paraphrase"), ("cue", "colonne"),
     ("unexpected", 1)],
)
def test_package_quote_rejects_invalid_values(field: str, value: object) -> None:
    data = _sample_quote().model_dump()
    data[field] = value
    with pytest.raises(ValidationError):
        Quote.model_validate(data)


def test_package_import_does_not_load_a_parser_library() -> None:
    code = ("import sys, quoteattr, quoteattr.attribution.direct, quoteattr.evaluation; "
            "print(sorted(m for m in ('spacy', 'stanza') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=120)
    assert result.stdout.strip() == "[]"
