"""The README's Python example prints exactly the output the README shows."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
import regex

README = Path(__file__).resolve().parents[1] / "README.md"
_EXAMPLE = regex.compile(r"## From Python\s+```python\n(?P<code>.*?)```\s+prints \(real output\):\s+```text\n(?P<output>.*?)```",
                         regex.DOTALL)


@pytest.mark.model
def test_readme_python_example_prints_the_documented_output(extractor) -> None:
    found = _EXAMPLE.search(README.read_text(encoding="utf-8"))
    assert found is not None, "the README lost its Python example or its output block"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(found.group("code"), "README example", "exec"), {})
    assert printed.getvalue() == found.group("output")
