"""Language data read from the package's data files: reporting verbs, outlets, nouns.

The files live in ``quoteattr/data`` and are read through :mod:`importlib.resources`, so they
work from a wheel, a zip or a source checkout alike. Users extend the outlet list with
:func:`load_outlets`; :mod:`quoteattr.outlets` finds the outlets in text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from quoteattr.errors import InputFormatError


@dataclass(frozen=True)
class VerbEntry:
    """A reporting verb of the lexicon: its lemma, its stance and whether it relays."""

    lemma: str
    stance: str
    relay: bool


@dataclass(frozen=True)
class OutletEntry:
    """An outlet: its canonical name, its kind and the mentions that refer to it."""

    name: str
    kind: str
    mentions: tuple[str, ...]


def _data_lines(filename: str) -> list[str]:
    """Return the non-empty, non-comment lines of a packaged data file."""
    text = resources.files("quoteattr.data").joinpath(filename).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


STANCES = ("neutral", "assertive", "concessive", "refuting", "directive")
_ROLES = ("speech", "relay")


@cache
def reporting_verbs() -> dict[str, VerbEntry]:
    """Return the reporting-verb lexicon keyed by lemma.

    Multiword lemmas keep their spaces ("faire valoir"); reflexive ones their pronoun ("se
    dire", "s'indigner").
    """
    entries = {}
    for number, line in enumerate(_data_lines("reporting_verbs.tsv"), start=1):
        fields = line.split("\t")
        if len(fields) != 3 or fields[1] not in STANCES or fields[2] not in _ROLES:
            raise InputFormatError(f"reporting_verbs.tsv, entry {number}: expected "
                                   f"'lemma<TAB>{'|'.join(STANCES)}<TAB>speech|relay', found {line!r}")
        lemma, stance, role = fields
        entries[lemma] = VerbEntry(lemma=lemma, stance=stance, relay=role == "relay")
    return entries


_ELIDING = tuple("aeiouyhàâäéèêëîïôöûüœ")


def reflexive_lemma(lemma: str) -> str:
    """Return the reflexive form of a verb lemma as the lexicon lists it ("s'indigner", "se dire")."""
    return f"s'{lemma}" if lemma.startswith(_ELIDING) else f"se {lemma}"


@cache
def multiword_heads() -> frozenset[str]:
    """Return the verbs that begin a multiword lemma of the lexicon ("faire" for "faire valoir")."""
    return frozenset(
        lemma.split()[0] for lemma in reporting_verbs() if " " in lemma and not lemma.startswith("se ")
    )


@cache
def speech_nouns() -> frozenset[str]:
    """Return the nouns that introduce words without a verb ("communiqué", "message")."""
    return frozenset(_data_lines("speech_nouns.txt"))


@cache
def organization_nouns() -> frozenset[str]:
    """Return the head nouns that make a description an organisation ("ministère")."""
    return frozenset(word.lower() for word in _data_lines("organization_nouns.txt"))


@cache
def person_nouns() -> frozenset[str]:
    """Return the nouns that name a person by role ("diplomate", "porte-parole")."""
    return frozenset(_data_lines("person_nouns.txt"))


def _parse_outlet_lines(lines: Iterable[str], origin: str) -> list[OutletEntry]:
    """Parse outlet lines of the form ``name<TAB>kind<TAB>mention|mention``."""
    entries = []
    for number, line in enumerate(lines, start=1):
        fields = line.split("\t")
        if len(fields) != 3:
            raise InputFormatError(
                f"{origin}, line {number}: expected 'name<TAB>kind<TAB>mention|mention', "
                f"found {len(fields)} field(s)"
            )
        name, kind, mentions = fields
        entries.append(OutletEntry(name, kind, tuple(m for m in mentions.split("|") if m)))
    return entries


@cache
def default_outlets() -> tuple[OutletEntry, ...]:
    """Return the outlets shipped with quoteattr."""
    return tuple(_parse_outlet_lines(_data_lines("outlets.tsv"), "outlets.tsv"))


def load_outlets(extra: str | Path | Sequence[str] | None = None) -> tuple[OutletEntry, ...]:
    """Return the shipped outlets plus the user's.

    Args:
        extra: a path to a TSV file in the format of ``quoteattr/data/outlets.tsv``, or a list
            of outlet names (each name is its own only mention), or None.
    """
    outlets = list(default_outlets())
    if extra is None:
        return tuple(outlets)
    if isinstance(extra, (str, Path)) and Path(extra).is_file():
        lines = [
            line
            for line in Path(extra).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        outlets.extend(_parse_outlet_lines(lines, str(extra)))
    elif isinstance(extra, (list, tuple)) and all(isinstance(n, str) for n in extra):
        blank = [n for n in extra if not n.strip()]
        if blank:
            raise ValueError(f"outlet names must not be blank, got {blank[0]!r}")
        outlets.extend(OutletEntry(name.strip(), "user", (name.strip(),)) for name in extra)
    else:
        raise TypeError(
            f"outlets must be a path to an existing TSV file or a list of names, got {extra!r}"
        )
    return tuple(outlets)
