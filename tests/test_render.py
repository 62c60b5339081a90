"""The HTML view: well-formed, every span highlighted, and really shown by a browser."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import quoteattr
from quoteattr.cli import main

EXAMPLE_PATH = Path(__file__).resolve().parents[1] / "examples" / "article.txt"
EXAMPLE = EXAMPLE_PATH.read_text(encoding="utf-8")
VOID = {"meta", "br"}


class _Elements(HTMLParser):
    """Collects the classes of the highlighted elements and checks that tags nest."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.classes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.open.append(tag)
        self.classes += [v or "" for k, v in attrs if k == "class"]

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, f"</{tag}> closes another element"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    assert parser.open == [], f"unclosed elements: {parser.open}"
    return parser


@pytest.mark.model
def test_render_highlights_every_quote_speaker_verb_and_outlet(extractor: quoteattr.Extractor) -> None:
    quotes = extractor.extract(EXAMPLE)
    page = quoteattr.render(EXAMPLE, quotes)
    parsed = _parsed(page)
    assert parsed.classes.count("qa-quote") >= len(quotes)
    assert "qa-speaker" in parsed.classes and "qa-verb" in parsed.classes and "qa-outlet" in parsed.classes
    assert EXAMPLE in "".join(parsed.text)
    assert page._repr_html_() == page
    assert "evidence: incise_after" in page


def test_render_escapes_the_text_and_refuses_quotes_of_another_text() -> None:
    quote = quoteattr.Quote(text="<b>", start=2, end=5, kind="direct", cue="none", confidence=0.1)
    page = quoteattr.render("« <b> »", [quote])
    assert "&lt;b&gt;" in page and "<b>" not in page.split('<div class="qa-article">')[1]
    assert 'class="qa-quote qa-low"' in page
    with pytest.raises(ValueError, match="past the end of the text"):
        quoteattr.render("court", [quote.model_copy(update={"start": 10, "end": 13})])


@pytest.mark.model
def test_render_command_writes_a_page_a_browser_shows(shared_model: None, tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    assert main(["render", str(EXAMPLE_PATH), "-o", str(target)]) == 0
    _parsed(target.read_text(encoding="utf-8"))
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("no headless Chromium here (.ci/run installs Debian's chromium): the page was only parsed")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([browser, *flags, "--dump-dom", target.as_uri()], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    assert dom.count('class="qa-speaker"') >= 3 and 'class="qa-outlet"' in dom
    shot = tmp_path / "page.png"
    subprocess.run([browser, *flags, f"--screenshot={shot}", "--window-size=1000,900", target.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_schema_command_prints_the_json_schema_of_a_quote(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Quote" and "evidence" in schema["properties"]
