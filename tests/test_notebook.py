"""The notebook runs from top to bottom, so it never rots."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "who_said_what.ipynb"

nbformat = pytest.importorskip("nbformat", reason="executing the notebook needs nbformat (the test extra has it)")
nbclient = pytest.importorskip("nbclient", reason="executing the notebook needs nbclient (the test extra has it)")


@pytest.mark.model
def test_notebook_who_said_what_executes_and_shows_its_results(tmp_path: Path) -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "data" in o and "text/html" in o["data"]]
    assert any('class="qa-quote"' in page for page in html), "the rendered article is missing"
    assert any("<table" in page for page in html), "the DataFrames are missing"
    assert (NOTEBOOK.parent / "who_said_what.png").stat().st_size > 10_000
