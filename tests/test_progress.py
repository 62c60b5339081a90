"""The progress bar of ``quoteattr extract``: drawn on a terminal only, erased before messages."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from quoteattr.cli import main
from quoteattr.cli_outputs import say
from quoteattr.progress import Progress, progress_line

TEXT = "« Nous lancerons les travaux dès septembre », a déclaré Paul Girard."


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        """Claim to be a terminal."""
        return True


def test_progress_line_shows_documents_rate_and_time_left() -> None:
    assert progress_line(120, 480, 8.0) == ("[######..................] 120/480 documents  25% | 8.0 docs/s | ETA 45s")
    assert progress_line(10, 9000, 2.0).endswith("ETA 1h14m")
    assert progress_line(5, None, 1.5) == "5 documents | 1.5 docs/s"
    assert progress_line(0, None, None) == "0 documents"
    assert "ETA" not in progress_line(480, 480, 8.0)


def test_progress_draws_nothing_when_the_stream_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with Progress(stream, total=3) as bar:
        for _ in range(3):
            bar.advance()
    assert stream.getvalue() == ""


def test_progress_on_a_terminal_redraws_one_line_and_ends_it() -> None:
    stream = Terminal()
    with Progress(stream, total=2) as bar:
        bar.advance()
        bar.advance(instant=True)
    drawn = stream.getvalue()
    assert drawn.endswith("\n") and drawn.count("\n") == 1
    assert drawn.rstrip().rsplit("\r", 1)[-1].startswith("[########################] 2/2 documents 100%")


def test_progress_rate_starts_at_the_first_document_and_leaves_out_instant_ones() -> None:
    bar = Progress(io.StringIO())
    bar.advance(instant=True)
    bar.advance()
    assert bar.rate() is None  # the first document's time includes loading the model
    bar.first_at -= 2.0
    bar.advance()
    bar.advance()
    assert bar.rate() == pytest.approx(1.0, rel=0.01)


def test_progress_bar_is_erased_before_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = Terminal()
    monkeypatch.setattr(sys, "stderr", stream)
    with Progress(stream, total=5) as bar:
        bar.advance()
        bar.draw()
        say("a.txt: no such file; skipped")
    lines = stream.getvalue().split("\n")
    message = next(line for line in lines if "no such file" in line)
    assert message.rsplit("\r", 1)[-1] == "quoteattr: a.txt: no such file; skipped"


@pytest.mark.model
def test_progress_cli_shows_the_bar_on_a_terminal_stderr_only(shared_model, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": str(n), "text": TEXT}, ensure_ascii=False) + "\n" for n in range(3)),
                    encoding="utf-8")
    stream = Terminal()
    monkeypatch.setattr(sys, "stderr", stream)
    assert main(["extract", str(path), str(tmp_path / "absent.txt")]) == 1
    shown = stream.getvalue()
    assert "documents" in shown and shown.endswith("\n")
    assert "quoteattr: " + str(tmp_path / "absent.txt") + ": no such file; skipped" in shown.replace("\r", "\n").split("\n")
    assert [json.loads(line)["document"] for line in capsys.readouterr().out.splitlines()] == ["0", "1", "2"]
