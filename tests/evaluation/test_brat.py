"""Loading brat standoff annotations as gold documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr import InputFormatError
from quoteattr.evaluation import load_gold
from quoteattr.evaluation.brat import load_brat

TEXT = "« Le pont rouvrira lundi », a annoncé la maire, Sophie Garnier, selon l'AFP.\n"


def offsets(part: str) -> str:
    """Return "start end" of ``part`` in TEXT."""
    start = TEXT.index(part)
    return f"{start} {start + len(part)}"


ANN = "\n".join([
    f"T1\tQuote {offsets('Le pont rouvrira lundi')}\tLe pont rouvrira lundi",
    f"T2\tSpeaker {offsets('la maire, Sophie Garnier')}\tla maire, Sophie Garnier",
    f"T3\tCue {offsets('a annoncé')}\ta annoncé",
    f"T4\tOutlet {offsets('AFP')}\tAFP",
    "R1\tSaid Arg1:T2 Arg2:T1",
    "R2\tCue Arg1:T3 Arg2:T1",
    "R3\tRelay Arg1:T4 Arg2:T1",
    "A1\tKind T1 direct",
    "#1\tAnnotatorNotes T2\tSophie Garnier",
    "#2\tAnnotatorNotes T3\tannoncer",
]) + "\n"


def write_pair(folder: Path, stem: str, text: str, ann: str) -> None:
    """Write ``stem.txt`` and ``stem.ann`` into ``folder``."""
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / f"{stem}.ann").write_text(ann, encoding="utf-8")


def test_brat_loads_quote_speaker_cue_and_outlet(tmp_path: Path) -> None:
    write_pair(tmp_path, "article", TEXT, ANN)
    (document,) = load_brat(tmp_path)
    assert (document.id, document.text) == ("article", TEXT)
    (quote,) = document.quotes
    assert (quote.kind, quote.cue, quote.text) == ("direct", "verb", "Le pont rouvrira lundi")
    assert TEXT[quote.start:quote.end] == quote.text
    assert (quote.speaker.text, quote.speaker.name) == ("la maire, Sophie Garnier", "Sophie Garnier")
    assert (quote.verb.text, quote.verb.lemma) == ("a annoncé", "annoncer")
    assert [(r.text, r.name) for r in quote.relayed_by] == [("AFP", "AFP")]


@pytest.mark.parametrize(("label", "kind"), [("Indirect", "indirect"), ("Mixed", "mixed"),
                                              ("Block", "block"), ("Citation", "direct")])
def test_brat_quote_type_gives_the_kind(tmp_path: Path, label: str, kind: str) -> None:
    write_pair(tmp_path, "a", TEXT, f"T1\t{label} {offsets('Le pont rouvrira lundi')}\tLe pont rouvrira lundi\n")
    (quote,) = load_brat(tmp_path)[0].quotes
    assert quote.kind == kind and quote.speaker is None and quote.cue == "none"


def test_brat_documents_are_read_by_file_name(tmp_path: Path) -> None:
    write_pair(tmp_path, "b", TEXT, ANN)
    write_pair(tmp_path, "a", "Rien à signaler.\n", "")
    assert [d.id for d in load_gold(tmp_path)] == ["a", "b"]
    assert load_gold(tmp_path)[0].quotes == []


def test_brat_missing_ann_file_is_an_input_format_error(tmp_path: Path) -> None:
    (tmp_path / "seul.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(InputFormatError, match="seul.ann"):
        load_brat(tmp_path)


def test_brat_malformed_entity_line_reports_its_line_number(tmp_path: Path) -> None:
    write_pair(tmp_path, "a", TEXT, ANN + "T9\tQuote deux trois\tLe pont\n")
    with pytest.raises(InputFormatError, match="line 11"):
        load_brat(tmp_path)
