"""The Lexicon: every packaged file loads, every bad line is an error naming its file and line,
and a user's directory extends or replaces the packaged lists."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from quoteattr import InputFormatError
from quoteattr.lexicon_files import packaged_names
from quoteattr.lexicons import Lexicon, active_lexicon, default_lexicon, load_lexicon, using_lexicon


def _write(directory: Path, name: str, text: str) -> Path:
    """Write a lexicon file into ``directory`` and return the directory."""
    (directory / name).write_text(text, encoding="utf-8")
    return directory


def test_lexicon_default_is_loaded_once_with_every_list() -> None:
    lexicon = default_lexicon()
    assert lexicon is default_lexicon()
    for spec in fields(Lexicon):
        assert getattr(lexicon, spec.name), spec.name


def test_lexicon_every_packaged_file_is_read() -> None:
    read = {spec.metadata["file"] for spec in fields(Lexicon) if "file" in spec.metadata}
    assert packaged_names() - {"calibration.tsv"} == read | {"reporting_verbs.tsv", "outlets.tsv"}


def test_lexicon_patterns_spell_the_words_of_the_lists() -> None:
    lexicon = default_lexicon()
    assert lexicon.selon_after_pattern.match(", d’après l'AFP", 0).group("word") == "d’après"
    assert lexicon.pronoun_pattern.match("-t-il") and not lexicon.pronoun_pattern.match("lui")
    assert lexicon.trailing_cue_pattern.search("le chantier reprendra, a encore indiqué le maire")


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("reporting_verbs.tsv", "# header\ngrommeler\tneutral\n", "expected 3 tab-separated field"),
        ("reporting_verbs.tsv", "persifler\tironic\tspeech\n", "unknown stance 'ironic'"),
        ("reporting_verbs.tsv", "persifler\tneutral\twrite\n", "unknown role 'write'"),
        ("reporting_verbs.tsv", "\tneutral\tspeech\n", "empty lemma"),
        ("reporting_verbs.tsv", "persifler\tneutral\tspeech\npersifler\tassertive\tspeech\n", "duplicate lemma"),
        ("person_nouns.txt", "# header\n\nsherpa\nsherpa\n", "duplicate entry 'sherpa'"),
        ("person_nouns.txt", "sherpa \n", "white space around it"),
        ("person_nouns.txt", "sherpa\tnoun\n", "without tabs"),
        ("outlets.tsv", "Le Progrès\tnewspaper\n", "expected 3 tab-separated field"),
        ("outlets.tsv", "Le Progrès\t\tLe Progrès\n", "empty kind"),
    ],
)
def test_lexicon_a_bad_line_names_its_file_and_line(tmp_path: Path, name: str, text: str, problem: str) -> None:
    bad_line = len(text.rstrip("\n").split("\n"))
    with pytest.raises(InputFormatError, match=problem) as raised:
        load_lexicon(_write(tmp_path, name, text))
    assert f"{tmp_path / name}, line {bad_line}:" in str(raised.value)


def test_lexicon_rejects_a_file_of_unknown_name(tmp_path: Path) -> None:
    with pytest.raises(InputFormatError, match="person_noun.txt: no lexicon file has this name"):
        load_lexicon(_write(tmp_path, "person_noun.txt", "sherpa\n"))


def test_lexicon_rejects_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(InputFormatError, match="not a directory"):
        load_lexicon(tmp_path / "absent")


def test_lexicon_user_files_extend_the_packaged_ones(tmp_path: Path) -> None:
    _write(tmp_path, "reporting_verbs.tsv", "persifler\tassertive\tspeech\ndire\tassertive\tspeech\n")
    _write(tmp_path, "person_nouns.txt", "sherpa\nministre\n")
    lexicon = load_lexicon(tmp_path)
    packaged = default_lexicon()
    assert lexicon.reporting_verbs["persifler"].stance == "assertive"
    assert lexicon.reporting_verbs["dire"].stance == "assertive" != packaged.reporting_verbs["dire"].stance
    assert set(packaged.reporting_verbs) < set(lexicon.reporting_verbs)
    assert lexicon.person_nouns == packaged.person_nouns | {"sherpa"}
    assert lexicon.speech_nouns == packaged.speech_nouns
    assert "persifler" not in packaged.reporting_verbs


def test_lexicon_user_files_can_replace_the_packaged_ones(tmp_path: Path) -> None:
    _write(tmp_path, "reporting_verbs.tsv", "persifler\tneutral\tspeech\n")
    _write(tmp_path, "hearsay_prepositions.txt", "selon\nsuivant\n")
    lexicon = load_lexicon(tmp_path, replace=True)
    assert list(lexicon.reporting_verbs) == ["persifler"]
    assert lexicon.selon_after_pattern.match(", suivant lui", 0) is not None
    assert default_lexicon().selon_after_pattern.match(", suivant lui", 0) is None
    assert lexicon.person_nouns == default_lexicon().person_nouns


def test_lexicon_using_sets_the_active_lexicon_for_the_block_only(tmp_path: Path) -> None:
    own = load_lexicon(_write(tmp_path, "person_nouns.txt", "sherpa\n"))
    assert active_lexicon() is default_lexicon()
    with using_lexicon(own):
        assert active_lexicon() is own
    assert active_lexicon() is default_lexicon()
