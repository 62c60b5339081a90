"""corpora/build.py anchors nested reports inside their quote and checks outlet names."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BUILD_SCRIPT = Path(__file__).resolve().parents[1] / "corpora" / "build.py"


def _load_build() -> ModuleType:
    """Import corpora/build.py, which is a script rather than a package module."""
    spec = importlib.util.spec_from_file_location("corpus_build", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build()

TEXT = ("« Le préfet m'a assuré que la digue tiendrait et que tout irait bien », a raconté "
        "le maire. Le préfet assure que tout irait bien.")


def _source(quotes: list[dict[str, Any]]) -> dict[str, Any]:
    """Return a one-document source holding ``quotes``."""
    return {"id": "x-01", "split": "dev", "genre": "dispatch", "topic": "environment",
            "text": TEXT, "quotes": quotes}


OUTER = {"kind": "direct", "cue": "verb",
         "text": "Le préfet m'a assuré que la digue tiendrait et que tout irait bien",
         "speaker": {"text": "le maire", "name": "le maire", "kind": "description"},
         "verb": {"text": "a raconté", "lemma": "raconter"}}
INNER = {"kind": "indirect", "cue": "verb", "nested": True, "text": "la digue tiendrait",
         "speaker": {"text": "Le préfet", "name": "Le préfet", "kind": "description"},
         "verb": {"text": "a assuré", "lemma": "assurer"}}


def test_corpus_build_nested_quote_is_anchored_inside_the_previous_quote() -> None:
    record = build.build_document(_source([OUTER, INNER]))
    outer, inner = record["quotes"]
    assert outer["start"] <= inner["start"] and inner["end"] <= outer["end"]
    assert TEXT[inner["start"]:inner["end"]] == "la digue tiendrait"
    assert outer["start"] <= inner["speaker"]["start"] < outer["end"]
    assert "nested" not in inner


def test_corpus_build_quote_after_a_nested_one_is_searched_after_the_host() -> None:
    later = {"kind": "indirect", "cue": "verb", "text": "tout irait bien",
             "speaker": {"text": "Le préfet", "name": "Le préfet", "kind": "description"},
             "verb": {"text": "assure", "lemma": "assurer"}}
    record = build.build_document(_source([OUTER, INNER, later]))
    assert record["quotes"][2]["start"] > record["quotes"][0]["end"]


@pytest.mark.parametrize("first", [True, False])
def test_corpus_build_nested_quote_outside_its_host_is_an_error(first: bool) -> None:
    stray = dict(INNER, text="a raconté le maire")
    quotes = [stray] if first else [OUTER, stray]
    with pytest.raises(build.SourceError, match="nested"):
        build.build_document(_source(quotes))


@pytest.mark.parametrize(("name", "accepted"), [("Le Soir", True), ("Reuters", True),
                                                ("Le Sior", False)])
def test_corpus_build_outlet_names_come_from_the_two_lists(name: str, accepted: bool) -> None:
    quote = dict(OUTER, relayed_by=[{"text": "maire", "name": name}])
    if accepted:
        assert build.build_document(_source([quote]))["quotes"][0]["relayed_by"][0]["name"] == name
    else:
        with pytest.raises(build.SourceError, match="canonical"):
            build.build_document(_source([quote]))
