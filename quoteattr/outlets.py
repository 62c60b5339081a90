"""Finding outlet mentions in text: accent-insensitive, with guards against look-alike words.

The matcher reads a folded copy of the text (accents removed, curly apostrophes and no-break
spaces made plain) that has exactly the length of the original, so every offset it returns
points into the text it was given: "d'Etat" finds "d'État", "Agence France Presse" finds
"Agence France-Presse" when both are listed. Letter case is kept, except where it is safe
to ignore: a mention that starts in lower case ("télévision d'État russe") also matches with
a capital at the start of a sentence, and a one-word name of four letters or more also
matches in capitals ("REUTERS"). A "Le"/"Les" title also matches after "au"/"aux" ("a
déclaré au Parisien"), the span then being the rest of the title.

Three guards keep common words and names out:

- a mention written with a capital that follows a capitalised word other than a function word
  ("Michael Bloomberg", not "Selon Bloomberg" or "L'agence Reuters") is part of a longer name;
- a one-word name followed by a capitalised word ("Marianne Dupont", "Sputnik V") is part of
  a longer name too, unless it is a platform ("la chaîne Telegram Baza");
- a mention written ``!phrase`` in the data file is an exclusion: a match inside a match of
  that phrase is dropped ("Libération" in "la Libération").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import regex

from quoteattr.lexicons import OutletEntry, default_lexicon
from quoteattr.rules import scan_timeout

_EXTRA_FOLDS = {
    "’": "'", "‘": "'", "ʼ": "'", "′": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
}


def _fold_table() -> dict[int, str]:
    """Return the one-character-for-one-character translation table used by :func:`fold`."""
    table = {ord(k): v for k, v in _EXTRA_FOLDS.items()}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii():
            table[code] = base
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Return ``text`` without accents, with plain apostrophes, hyphens and spaces.

    The result has the same length as ``text``: one character is replaced by one character.
    """
    return text.translate(_FOLD)


_PREVIOUS_WORD = regex.compile(r"(?:^|[^\w'-])(\p{Lu}[\w'-]*) $")
_NEXT_CAPITAL = regex.compile(r" \p{Lu}")
_CONTRACTIONS = (("Le ", "[Aa]u"), ("Les ", "[Aa]ux"))
_CONTEXT = 60
_Trie = dict[str, "_Trie"]


def _case_forms(mention: str) -> set[str]:
    """Return ``mention`` with the case variants that are safe to match."""
    forms = {mention}
    if mention[:1].islower():
        forms.add(mention[0].upper() + mention[1:])
    if " " not in mention and len(mention) >= 4 and not mention.isupper():
        forms.add(mention.upper())
    return forms


def _trie_pattern(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words`` built as a trie, longest match first."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [regex.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class OutletMention(NamedTuple):
    """An outlet named in the text: characters ``start`` to ``end`` and its canonical name."""

    start: int
    end: int
    name: str


class OutletMatcher:
    """Finds outlet mentions in text with one compiled pattern (see the module docstring)."""

    def __init__(self, outlets: Sequence[OutletEntry], function_words: Iterable[str] | None = None) -> None:
        """Compile a matcher for ``outlets``; longer mentions win over shorter ones.

        ``function_words``: the capitalised words that may come right before an outlet without
        making it part of a longer name ("Selon Bloomberg"); by default the lexicon's
        ``outlet_function_words.txt``.
        """
        words = default_lexicon().outlet_function_words if function_words is None else function_words
        self._function_words = frozenset(fold(word) for word in words)
        self._names: dict[str, str] = {}
        self._contracted: dict[str, str] = {}
        self._kinds: dict[str, str] = {}
        exclusions: list[str] = []
        contracted: dict[str, list[str]] = {prefix: [] for _, prefix in _CONTRACTIONS}
        for outlet in outlets:
            self._kinds.setdefault(outlet.name, outlet.kind)
            for mention in outlet.mentions:
                if mention.startswith("!"):
                    exclusions.append(fold(mention[1:]))
                    continue
                for form in _case_forms(mention):
                    self._names.setdefault(fold(form), outlet.name)
                for article, prefix in _CONTRACTIONS:
                    if mention.startswith(article) and len(mention) > len(article):
                        rest = fold(mention[len(article):])
                        self._contracted.setdefault(rest, outlet.name)
                        contracted[prefix].append(rest)
        alternatives = [_trie_pattern(self._names)] if self._names else []
        for prefix, rests in contracted.items():
            if rests:
                alternatives.append(rf"(?<=(?<![\w-]){prefix} ){_trie_pattern(rests)}")
        body = "|".join(f"(?:{a})" for a in alternatives) or r"(?!)"
        self._pattern = regex.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
        self._exclusions = (
            regex.compile(rf"(?<![\w-])(?:{_trie_pattern(exclusions)})(?![\w-])") if exclusions else None
        )
        self._last_text: str | None = None
        self._last_folded = ""

    def kind(self, name: str) -> str:
        """Return the kind of the outlet called ``name`` (agency, platform, …), or ""."""
        return self._kinds.get(name, "")

    def _folded(self, text: str) -> str:
        """Return the folded copy of ``text``, kept for the next call on the same string."""
        if text is not self._last_text:
            self._last_text, self._last_folded = text, fold(text)
        return self._last_folded

    def _excluded_spans(self, folded: str, start: int, stop: int) -> list[tuple[int, int]]:
        """Return the spans of exclusion phrases around ``[start, stop)``."""
        if self._exclusions is None:
            return []
        low, high = max(0, start - _CONTEXT), min(len(folded), stop + _CONTEXT)
        return [m.span() for m in self._exclusions.finditer(folded, low, high, timeout=scan_timeout(folded))]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[OutletMention]:
        """Return the outlet mentions of ``text[start:end]``, in text order."""
        folded = self._folded(text)
        stop = len(text) if end is None else end
        excluded = self._excluded_spans(folded, start, stop)
        found = []
        for match in self._pattern.finditer(folded, start, stop, timeout=scan_timeout(folded)):
            first, last = match.span()
            surface = match.group()
            name = self._names.get(surface) or self._contracted[surface]
            if any(s <= first and last <= e for s, e in excluded) \
                    or _inside_longer_name(folded, first, last, self._kinds[name] == "platform",
                                            self._function_words):
                continue
            found.append(OutletMention(first, last, name))
        return found


def _inside_longer_name(folded: str, start: int, end: int, platform: bool,
                        function_words: frozenset[str]) -> bool:
    """Return True when the capitalised mention at ``[start, end)`` belongs to a longer name.

    A platform may be followed by a name: that of a channel or an account ("la chaîne Telegram
    Baza"). ``function_words`` are the folded words that may precede a mention on their own.
    """
    surface = folded[start:end]
    if not surface[:1].isupper():
        return False
    previous = _PREVIOUS_WORD.search(folded, max(0, start - _CONTEXT), start)
    if previous is not None:
        word = previous.group(1)
        after_elision = word.rsplit("'", 1)[-1]
        if after_elision[:1].isupper() and not word.isupper() and word.lower() not in function_words:
            return True
    single = " " not in surface and not surface.isupper() and not platform
    return single and _NEXT_CAPITAL.match(folded, end) is not None
