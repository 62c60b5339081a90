"""Which of a direct quote and a report keeps a shared reporting verb, on hand-built parses."""

from __future__ import annotations

from quoteattr.attribution.combine import claims_verb
from quoteattr.attribution.findings import Finding
from quoteattr.attribution.verbs import VerbMatch
from quoteattr.lexicons import reporting_verbs
from quoteattr.parse.base import Parse
from tests.builders import W, make_parse


def _incise_parse(opening: tuple[W, ...]) -> Parse:
    """Return the parse of ``opening`` + « pas encore » , a révélé Paul ."""
    words = (*opening, W("«", "PUNCT"), W("pas", "ADV"), W("encore", "ADV"), W("»", "PUNCT"),
             W(",", "PUNCT", glue=True), W("a", "AUX"), W("révélé", "VERB", lemma="révéler"),
             W("Paul", "PROPN"), W(".", "PUNCT", glue=True))
    return make_parse(*words)


def _findings(parse: Parse) -> tuple[Finding, Finding]:
    """Return the direct quote « pas encore » and the report from the text start to its mark."""
    verb_index = next(i for i, t in enumerate(parse.tokens) if t.text == "révélé")
    verb = VerbMatch(verb_index, verb_index, verb_index, reporting_verbs()["révéler"])
    start, end = parse.text.index("pas"), parse.text.index("encore") + len("encore")
    direct = Finding(start, end, "direct", "verb", verb=verb)
    report = Finding(0, parse.text.index("»") + 1, "indirect", "verb", verb=verb)
    return direct, report


def test_combine_clause_ending_with_the_quote_leaves_the_incise_verb_to_the_report() -> None:
    # Le film sort « pas encore », a révélé Paul.
    parse = _incise_parse((W("Le", "DET"), W("film", "NOUN"), W("sort", "VERB")))
    direct, report = _findings(parse)
    assert not claims_verb(parse, direct, report)


def test_combine_headline_before_a_colon_keeps_the_incise_verb_with_the_quote() -> None:
    # Cinéma : « pas encore », a révélé Paul.
    parse = _incise_parse((W("Cinéma", "NOUN"), W(":", "PUNCT", glue=True)))
    direct, report = _findings(parse)
    assert claims_verb(parse, direct, report)


def test_combine_quote_outside_the_report_keeps_its_verb() -> None:
    parse = _incise_parse((W("Le", "DET"), W("film", "NOUN"), W("sort", "VERB")))
    direct, report = _findings(parse)
    shorter = Finding(0, direct.start - 2, "indirect", "verb", verb=report.verb)
    assert claims_verb(parse, direct, shorter)
