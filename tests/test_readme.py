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


def _doctest_blocks() -> list[str]:
    """Return the README's ```python blocks written as interactive sessions (>>>)."""
    blocks = regex.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=regex.DOTALL)
    return [block for block in blocks if block.lstrip().startswith(">>>")]


@pytest.mark.model
@pytest.mark.parametrize("block", _doctest_blocks())
def test_readme_interactive_examples_give_the_documented_results(extractor, block: str) -> None:
    import doctest

    import quoteattr

    test = doctest.DocTestParser().get_doctest(block, {"quoteattr": quoteattr}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0 and runner.tries > 0


@pytest.mark.model
def test_readme_first_command_runs_on_a_file_the_repository_ships(shared_model, capsys) -> None:
    from quoteattr.cli import main

    first = regex.search(r"```bash\n(.*?)\n```", README.read_text(encoding="utf-8"), flags=regex.DOTALL).group(1)
    target = first.rsplit("quoteattr extract ", 1)[1].strip()
    assert (README.parent / target).is_file(), f"the README's first command reads {target}, which is not in the repository"
    assert main(["extract", str(README.parent / target)]) == 0
    assert capsys.readouterr().out.count('"document"') >= 5
