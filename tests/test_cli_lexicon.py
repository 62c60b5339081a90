"""The command line's ``--lexicon DIR``: a bad lexicon file is one line, before the model loads."""

from __future__ import annotations

from pathlib import Path

import pytest

import quoteattr.extractor
from tests.test_cli_bad_input import articles, one_line, run


def test_cli_lexicon_a_bad_line_is_reported_before_the_model_loads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def make_backend(*_: object) -> None:
        raise AssertionError("the model was loaded before the lexicon was checked")

    monkeypatch.setattr(quoteattr.extractor, "make_backend", make_backend)
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "reporting_verbs.tsv").write_text("persifler\tironic\tspeech\n", encoding="utf-8")
    (source,) = articles(tmp_path)
    assert run(["extract", str(source), "--lexicon", str(lexicon)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{lexicon / 'reporting_verbs.tsv'}, line 1: unknown stance 'ironic'" in one_line(err)


@pytest.mark.model
def test_cli_lexicon_extends_the_verbs_of_the_run(shared_model, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "reporting_verbs.tsv").write_text("persifler\tassertive\tspeech\n", encoding="utf-8")
    source = tmp_path / "article.txt"
    source.write_text("« C'est une farce », a persiflé le député.", encoding="utf-8")
    assert run(["extract", str(source), "--lexicon", str(lexicon), "--min-confidence", "0"]) == 0
    out, _ = capsys.readouterr()
    assert '"lemma":"persifler"' in out.replace(" ", "")
