"""Language data read from the package's data files, gathered into one :class:`Lexicon`.

Every French word the attribution rules know lives in a file of ``quoteattr/data``: reporting
verbs, outlets, nouns, pronouns, prepositions, cue words. The files are read through
:mod:`importlib.resources`, so they work from a wheel, a zip or a source checkout alike, and
each line is checked as it is read (see :mod:`quoteattr.lexicon_files`). :func:`load_lexicon`
adds a user's own files; ``Extractor(lexicon=...)`` takes the result, so extractors with
different word lists can live in one process. The rules read the lexicon of the extraction in
progress through :func:`active_lexicon`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path

import regex

from quoteattr.errors import InputFormatError
from quoteattr.lexicon_files import Line, entry_lines, packaged_names, read_lines, word_list
from quoteattr.lexicon_patterns import build_patterns


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


STANCES = ("neutral", "assertive", "concessive", "refuting", "directive")
_ROLES = ("speech", "relay")
VERBS_FILE = "reporting_verbs.tsv"
OUTLETS_FILE = "outlets.tsv"


def _file(filename: str, *, lower: bool = False, ordered: bool = False) -> dict[str, object]:
    """Return the field metadata of a :class:`Lexicon` word list read from ``filename``.

    ``lower``: the words are matched in lower case, so they are lowered at load.
    ``ordered``: the list keeps the file's order (a tuple), else it is a frozenset.
    """
    return {"file": filename, "lower": lower, "ordered": ordered}


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Every word list the rules read, loaded and checked once.

    Build one with :func:`default_lexicon` (the packaged files) or :func:`load_lexicon` (the
    packaged files and a directory of your own). Each word-list field is read from the file
    of ``quoteattr/data`` its declaration names; the file's header says what it holds. The
    patterns that spell these words are compiled from the lists when the lexicon is built.
    """

    reporting_verbs: dict[str, VerbEntry]
    outlets: tuple[OutletEntry, ...]
    # nouns
    speech_nouns: frozenset[str] = field(metadata=_file("speech_nouns.txt"))
    person_nouns: frozenset[str] = field(metadata=_file("person_nouns.txt"))
    organization_nouns: frozenset[str] = field(metadata=_file("organization_nouns.txt", lower=True))
    content_nouns: frozenset[str] = field(metadata=_file("content_nouns.txt"))
    anaphoric_nouns: frozenset[str] = field(metadata=_file("anaphoric_nouns.txt"))
    statement_nouns: frozenset[str] = field(metadata=_file("statement_nouns.txt"))
    person_noun_prefixes: tuple[str, ...] = field(metadata=_file("person_noun_prefixes.txt", ordered=True))
    time_words: frozenset[str] = field(metadata=_file("time_words.txt"))
    honorifics: frozenset[str] = field(metadata=_file("honorifics.txt"))
    capitalised_titles: frozenset[str] = field(metadata=_file("capitalised_titles.txt"))
    name_particles: frozenset[str] = field(metadata=_file("name_particles.txt"))
    places: frozenset[str] = field(metadata=_file("places.txt"))
    place_nouns: frozenset[str] = field(metadata=_file("place_nouns.txt"))
    place_prepositions: frozenset[str] = field(metadata=_file("place_prepositions.txt"))
    organization_determiners: frozenset[str] = field(metadata=_file("organization_determiners.txt"))
    title_articles: frozenset[str] = field(metadata=_file("title_articles.txt"))
    conjunctions: frozenset[str] = field(metadata=_file("conjunctions.txt"))
    # verbs
    addressee_verbs: frozenset[str] = field(metadata=_file("addressee_verbs.txt"))
    infinitive_verbs: frozenset[str] = field(metadata=_file("infinitive_verbs.txt"))
    object_verbs: frozenset[str] = field(metadata=_file("object_verbs.txt"))
    light_verbs: frozenset[str] = field(metadata=_file("light_verbs.txt"))
    qualifying_verbs: frozenset[str] = field(metadata=_file("qualifying_verbs.txt"))
    naming_verbs: frozenset[str] = field(metadata=_file("naming_verbs.txt"))
    er_endings: tuple[str, ...] = field(metadata=_file("er_endings.txt", ordered=True))
    citing_forms: frozenset[str] = field(metadata=_file("citing_forms.txt"))
    # function words
    que_forms: frozenset[str] = field(metadata=_file("que_forms.txt"))
    que_tokens: frozenset[str] = field(metadata=_file("que_tokens.txt"))
    conjunction_heads: frozenset[str] = field(metadata=_file("conjunction_heads.txt"))
    comparatives: frozenset[str] = field(metadata=_file("comparatives.txt"))
    opinion_prepositions: frozenset[str] = field(metadata=_file("opinion_prepositions.txt"))
    source_cue_words: frozenset[str] = field(metadata=_file("source_cue_words.txt"))
    prepositions: frozenset[str] = field(metadata=_file("prepositions.txt"))
    articles: frozenset[str] = field(metadata=_file("articles.txt"))
    infinitive_clitics: frozenset[str] = field(metadata=_file("infinitive_clitics.txt"))
    comme_clitics: frozenset[str] = field(metadata=_file("comme_clitics.txt"))
    not_before_parenthetical: frozenset[str] = field(metadata=_file("not_before_parenthetical.txt"))
    skipped_before_verb: frozenset[str] = field(metadata=_file("skipped_before_verb.txt"))
    relative_clitics: frozenset[str] = field(metadata=_file("relative_clitics.txt"))
    reflexive_clitics: frozenset[str] = field(metadata=_file("reflexive_clitics.txt"))
    told_clitics: frozenset[str] = field(metadata=_file("told_clitics.txt"))
    gerund_marks: frozenset[str] = field(metadata=_file("gerund_marks.txt"))
    first_and_second_person: frozenset[str] = field(metadata=_file("first_and_second_person.txt"))
    negation_words: frozenset[str] = field(metadata=_file("negation_words.txt"))
    negation_adverbs: frozenset[str] = field(metadata=_file("negation_adverbs.txt"))
    de_forms: frozenset[str] = field(metadata=_file("de_forms.txt"))
    role_connectors: frozenset[str] = field(metadata=_file("role_connectors.txt"))
    non_referring_subjects: frozenset[str] = field(metadata=_file("non_referring_subjects.txt"))
    stressed_pronouns: frozenset[str] = field(metadata=_file("stressed_pronouns.txt"))
    outlet_function_words: frozenset[str] = field(metadata=_file("outlet_function_words.txt"))
    # words the patterns spell
    subject_pronouns: tuple[str, ...] = field(metadata=_file("subject_pronouns.txt", ordered=True))
    leading_articles: tuple[str, ...] = field(metadata=_file("leading_articles.txt", ordered=True))
    relative_words: tuple[str, ...] = field(metadata=_file("relative_words.txt", ordered=True))
    hearsay_prepositions: tuple[str, ...] = field(metadata=_file("hearsay_prepositions.txt", ordered=True))
    citing_words: tuple[str, ...] = field(metadata=_file("citing_words.txt", ordered=True))
    cited_by_phrases: tuple[str, ...] = field(metadata=_file("cited_by_phrases.txt", ordered=True))
    relay_verb_forms: tuple[str, ...] = field(metadata=_file("relay_verb_forms.txt", ordered=True))
    incise_auxiliaries: tuple[str, ...] = field(metadata=_file("incise_auxiliaries.txt", ordered=True))
    incise_participles: tuple[str, ...] = field(metadata=_file("incise_participles.txt", ordered=True))
    incise_present_forms: tuple[str, ...] = field(metadata=_file("incise_present_forms.txt", ordered=True))
    aside_words: tuple[str, ...] = field(metadata=_file("aside_words.txt", ordered=True))
    addressee_prepositions: tuple[str, ...] = field(metadata=_file("addressee_prepositions.txt", ordered=True))
    platform_prepositions: tuple[str, ...] = field(metadata=_file("platform_prepositions.txt", ordered=True))
    platform_accounts: tuple[str, ...] = field(metadata=_file("platform_accounts.txt", ordered=True))
    platform_nouns: tuple[str, ...] = field(metadata=_file("platform_nouns.txt", ordered=True))
    broadcast_participles: tuple[str, ...] = field(metadata=_file("broadcast_participles.txt", ordered=True))
    broadcast_manners: tuple[str, ...] = field(metadata=_file("broadcast_manners.txt", ordered=True))
    broadcast_prepositions: tuple[str, ...] = field(metadata=_file("broadcast_prepositions.txt", ordered=True))
    genitive_articles: tuple[str, ...] = field(metadata=_file("genitive_articles.txt", ordered=True))
    media_words: tuple[str, ...] = field(metadata=_file("media_words.txt", ordered=True))
    speaking_person_words: tuple[str, ...] = field(metadata=_file("speaking_person_words.txt", ordered=True))
    # derived
    multiword_heads: frozenset[str] = field(init=False, repr=False)
    pronoun_pattern: regex.Pattern[str] = field(init=False, repr=False)
    leading_article_pattern: regex.Pattern[str] = field(init=False, repr=False)
    relative_pattern: regex.Pattern[str] = field(init=False, repr=False)
    selon_after_pattern: regex.Pattern[str] = field(init=False, repr=False)
    selon_before_pattern: regex.Pattern[str] = field(init=False, repr=False)
    framing_pattern: regex.Pattern[str] = field(init=False, repr=False)
    relaying_pattern: regex.Pattern[str] = field(init=False, repr=False)
    citing_pattern: regex.Pattern[str] = field(init=False, repr=False)
    citing_aside_pattern: regex.Pattern[str] = field(init=False, repr=False)
    trailing_cue_pattern: regex.Pattern[str] = field(init=False, repr=False)
    aside_pattern: regex.Pattern[str] = field(init=False, repr=False)
    addressee_pattern: regex.Pattern[str] = field(init=False, repr=False)
    platform_cue_pattern: regex.Pattern[str] = field(init=False, repr=False)
    broadcast_pattern: regex.Pattern[str] = field(init=False, repr=False)
    complement_pattern: regex.Pattern[str] = field(init=False, repr=False)
    speaking_person_pattern: regex.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        """Compute the derived fields: multiword heads and the patterns built from the lists."""
        derived = {
            "multiword_heads": frozenset(lemma.split()[0] for lemma in self.reporting_verbs
                                         if " " in lemma and not lemma.startswith("se ")),
            **build_patterns(self),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)


def _verb_entries(lines: list[Line]) -> dict[str, VerbEntry]:
    """Return the reporting verbs of ``lemma<TAB>stance<TAB>role`` lines, keyed by lemma."""
    entries: dict[str, VerbEntry] = {}
    for line in lines:
        lemma, stance, role = line.fields(("lemma", "stance", "role"))
        if stance not in STANCES:
            raise line.error(f"unknown stance {stance!r} (expected {' | '.join(STANCES)})")
        if role not in _ROLES:
            raise line.error(f"unknown role {role!r} (expected {' | '.join(_ROLES)})")
        if lemma in entries:
            raise line.error(f"duplicate lemma {lemma!r}")
        entries[lemma] = VerbEntry(lemma=lemma, stance=stance, relay=role == "relay")
    return entries


def _outlet_entries(lines: Iterable[Line]) -> list[OutletEntry]:
    """Return the outlets of ``name<TAB>kind<TAB>mention|mention`` lines."""
    entries = []
    for line in lines:
        name, kind, mentions = line.fields(("name", "kind", "mention|mention"))
        entries.append(OutletEntry(name, kind, tuple(m for m in mentions.split("|") if m)))
    return entries


def _merged(packaged: Sequence[str], own: Sequence[str] | None, replace: bool) -> tuple[str, ...]:
    """Return the packaged words followed by the user's new ones, or the user's alone."""
    if own is None:
        return tuple(packaged)
    return tuple(own) if replace else tuple(dict.fromkeys((*packaged, *own)))


def _user_files(directory: Path) -> frozenset[str]:
    """Return the lexicon files of a user's directory, refusing names the lexicon does not know."""
    if not directory.is_dir():
        raise InputFormatError(f"{directory}: not a directory of lexicon files")
    known = packaged_names() - {"calibration.tsv"}
    found = frozenset(path.name for path in directory.iterdir() if path.suffix in (".txt", ".tsv"))
    unknown = sorted(found - known)
    if unknown:
        raise InputFormatError(f"{directory / unknown[0]}: no lexicon file has this name "
                               f"(expected one of: {', '.join(sorted(known))})")
    return found


def _build(directory: Path | None, replace: bool) -> Lexicon:
    """Read and check every lexicon file, from the package and from ``directory`` when given."""
    user = _user_files(directory) if directory is not None else frozenset()

    def own(filename: str) -> list[Line] | None:
        """Return the lines of the user's copy of ``filename``, or None when there is none."""
        return read_lines(filename, directory) if directory is not None and filename in user else None

    values: dict[str, object] = {}
    for spec in fields(Lexicon):
        filename = spec.metadata.get("file")
        if filename is None:
            continue
        lines = own(filename)
        words = _merged(word_list(read_lines(filename)), None if lines is None else word_list(lines), replace)
        if spec.metadata.get("lower"):
            words = tuple(dict.fromkeys(word.lower() for word in words))
        values[spec.name] = words if spec.metadata.get("ordered") else frozenset(words)
    verbs = _verb_entries(read_lines(VERBS_FILE))
    own_verbs = own(VERBS_FILE)
    if own_verbs is not None:
        verbs = _verb_entries(own_verbs) if replace else {**verbs, **_verb_entries(own_verbs)}
    outlets = _outlet_entries(read_lines(OUTLETS_FILE))
    own_outlets = own(OUTLETS_FILE)
    if own_outlets is not None:
        outlets = _outlet_entries(own_outlets) if replace else outlets + _outlet_entries(own_outlets)
    return Lexicon(reporting_verbs=verbs, outlets=tuple(outlets), **values)  # type: ignore[arg-type]


@cache
def default_lexicon() -> Lexicon:
    """Return the lexicon of the packaged files, read once."""
    return _build(None, replace=False)


def load_lexicon(directory: str | Path, *, replace: bool = False) -> Lexicon:
    """Return the packaged lexicon extended by the files of ``directory``.

    Each file of ``directory`` must have the name and the format of a file of
    ``quoteattr/data`` ("reporting_verbs.tsv", "person_nouns.txt", …). Its entries are added
    to the packaged ones (a verb listed again takes the user's stance and role), or, with
    ``replace=True``, stand instead of them. Files the directory lacks stay as packaged.

    Raises:
        InputFormatError: the directory is missing, holds a file of no known name, or a line
            of a file is malformed (the message names the file and the line).
    """
    return _build(Path(directory), replace)


_ACTIVE: ContextVar[Lexicon | None] = ContextVar("quoteattr_lexicon", default=None)


def active_lexicon() -> Lexicon:
    """Return the lexicon of the extraction in progress (the packaged one outside any)."""
    lexicon = _ACTIVE.get()
    return default_lexicon() if lexicon is None else lexicon


@contextmanager
def using_lexicon(lexicon: Lexicon) -> Iterator[Lexicon]:
    """Make ``lexicon`` the one the rules read for the duration of the ``with`` block.

    The setting is local to the running thread (a :class:`~contextvars.ContextVar`), so
    extractors with different lexicons can work side by side.
    """
    token = _ACTIVE.set(lexicon)
    try:
        yield lexicon
    finally:
        _ACTIVE.reset(token)


def reporting_verbs() -> dict[str, VerbEntry]:
    """Return the packaged reporting-verb lexicon keyed by lemma.

    Multiword lemmas keep their spaces ("faire valoir"); reflexive ones their pronoun ("se
    dire", "s'indigner").
    """
    return default_lexicon().reporting_verbs


_ELIDING = tuple("aeiouyhàâäéèêëîïôöûüœ")


def reflexive_lemma(lemma: str) -> str:
    """Return the reflexive form of a verb lemma as the lexicon lists it ("s'indigner", "se dire")."""
    return f"s'{lemma}" if lemma.startswith(_ELIDING) else f"se {lemma}"


def multiword_heads() -> frozenset[str]:
    """Return the verbs that begin a multiword lemma of the packaged lexicon ("faire" for "faire valoir")."""
    return default_lexicon().multiword_heads


def speech_nouns() -> frozenset[str]:
    """Return the packaged nouns that introduce words without a verb ("communiqué", "message")."""
    return default_lexicon().speech_nouns


def organization_nouns() -> frozenset[str]:
    """Return the packaged head nouns that make a description an organisation ("ministère")."""
    return default_lexicon().organization_nouns


def person_nouns() -> frozenset[str]:
    """Return the packaged nouns that name a person by role ("diplomate", "porte-parole")."""
    return default_lexicon().person_nouns


def default_outlets() -> tuple[OutletEntry, ...]:
    """Return the outlets shipped with quoteattr."""
    return default_lexicon().outlets


def load_outlets(extra: str | Path | Sequence[str] | None = None,
                 base: Sequence[OutletEntry] | None = None) -> tuple[OutletEntry, ...]:
    """Return the shipped outlets (or ``base``) plus the user's.

    Args:
        extra: a path to a TSV file in the format of ``quoteattr/data/outlets.tsv``, or a list
            of outlet names (each name is its own only mention), or None.
        base: the outlets to extend, by default the shipped ones.
    """
    outlets = list(default_outlets() if base is None else base)
    if extra is None:
        return tuple(outlets)
    if isinstance(extra, (str, Path)) and Path(extra).is_file():
        text = Path(extra).read_text(encoding="utf-8")
        outlets.extend(_outlet_entries(entry_lines(text, str(extra))))
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
