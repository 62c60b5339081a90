"""Language data read from the package: reporting verbs, outlets, nouns."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr import InputFormatError
from quoteattr.lexicons import (
    STANCES,
    default_outlets,
    load_outlets,
    multiword_heads,
    organization_nouns,
    reflexive_lemma,
    reporting_verbs,
    speech_nouns,
)


@pytest.mark.parametrize(
    ("lemma", "relay"),
    [("déclarer", False), ("dire", False), ("affirmer", False), ("faire valoir", False),
     ("rapporter", True)],
)
def test_lexicons_reporting_verbs_hold_common_lemmas(lemma: str, relay: bool) -> None:
    entry = reporting_verbs()[lemma]
    assert entry.lemma == lemma and entry.relay is relay


def test_lexicons_reporting_verbs_have_known_stances() -> None:
    stances = {entry.stance for entry in reporting_verbs().values()}
    assert stances == set(STANCES) == {"neutral", "assertive", "concessive", "refuting", "directive"}


def test_lexicons_reporting_verbs_are_at_the_size_of_the_language() -> None:
    lemmas = reporting_verbs()
    reflexives = [lemma for lemma in lemmas if lemma.startswith(("se ", "s'"))]
    multiwords = [lemma for lemma in lemmas if " " in lemma and lemma not in reflexives]
    assert len(lemmas) >= 300 and len(reflexives) >= 40 and len(multiwords) >= 20


@pytest.mark.parametrize(
    ("lemma", "stance"),
    [("se défendre", "refuting"), ("se féliciter", "neutral"), ("se dire", "neutral"), ("s'inquiéter", "neutral"),
     ("se réjouir", "neutral"), ("s'interroger", "neutral"), ("se montrer", "neutral"), ("s'indigner", "assertive"),
     ("faire savoir", "neutral"), ("faire valoir", "assertive"), ("mettre en garde", "directive"),
     ("rappeler à l'ordre", "directive"), ("démentir", "refuting"), ("reconnaître", "concessive")],
)
def test_lexicons_reporting_verbs_hold_reflexive_and_multiword_entries(lemma: str, stance: str) -> None:
    assert reporting_verbs()[lemma].stance == stance


@pytest.mark.parametrize(("lemma", "reflexive"),
                         [("dire", "se dire"), ("indigner", "s'indigner"), ("habituer", "s'habituer")])
def test_lexicons_reflexive_lemma_elides_before_a_vowel(lemma: str, reflexive: str) -> None:
    assert reflexive_lemma(lemma) == reflexive


def test_lexicons_multiword_heads_are_the_first_words() -> None:
    heads = multiword_heads()
    assert {"faire", "mettre", "rappeler", "laisser"} <= heads and "se" not in heads


@pytest.mark.parametrize(("words", "word"), [(speech_nouns, "communiqué"), (organization_nouns, "ministère")])
def test_lexicons_noun_lists_are_loaded(words, word: str) -> None:
    assert word in words()


def test_lexicons_default_outlets_use_the_canonical_names() -> None:
    names = {outlet.name for outlet in default_outlets()}
    assert {"AFP", "Reuters", "Tass", "Interfax", "agences de presse russes"} <= names


def test_lexicons_load_outlets_adds_a_list_of_names() -> None:
    outlets = load_outlets(["Le Progrès"])
    assert outlets[:len(default_outlets())] == default_outlets()
    assert outlets[-1].name == "Le Progrès" and outlets[-1].mentions == ("Le Progrès",)


def test_lexicons_load_outlets_reads_a_tsv_file(tmp_path: Path) -> None:
    path = tmp_path / "outlets.tsv"
    path.write_text("# name\tkind\tmentions\nLe Progrès\tnewspaper\tLe Progrès|Progrès\n", encoding="utf-8")
    extra = load_outlets(path)[-1]
    assert (extra.name, extra.kind, extra.mentions) == ("Le Progrès", "newspaper", ("Le Progrès", "Progrès"))


def test_lexicons_load_outlets_reports_a_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "outlets.tsv"
    path.write_text("Le Progrès\tnewspaper\tLe Progrès\nSans tabulation\n", encoding="utf-8")
    with pytest.raises(InputFormatError, match="line 2"):
        load_outlets(path)


@pytest.mark.parametrize("extra", [42, "/chemin/qui/n/existe/pas.tsv", ["AFP", 3]])
def test_lexicons_load_outlets_rejects_other_values(extra: object) -> None:
    with pytest.raises(TypeError):
        load_outlets(extra)  # type: ignore[arg-type]
