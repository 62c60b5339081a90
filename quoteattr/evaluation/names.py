"""Normalising speaker names and verb lemmas so that equivalent forms compare equal."""

from __future__ import annotations

import unicodedata

import regex

_LEADING = regex.compile(
    r"^(?:(?:selon|d'après|pour)\s+)?(?:(?:le|la|les|l'|un|une|des)\s*)?(?:(?:m\.|mme|mlle|me|dr)\s+)?",
    regex.IGNORECASE,
)
_REFLEXIVE = regex.compile(r"^(?:se\s+|s')", regex.IGNORECASE)


def normalise_name(name: str) -> str:
    """Return a comparable form of a speaker name or mention.

    Lowercase, accents kept, typographic apostrophes and dashes unified, articles, "selon" and
    honorifics at the start dropped, punctuation at the ends and repeated spaces removed.
    """
    text = unicodedata.normalize("NFC", name).replace("’", "'").replace("\u00a0", " ")
    text = regex.sub(r"\s+", " ", text).strip(" ,.;:«»\"“”").lower()
    return _LEADING.sub("", text).strip()


def normalise_lemma(lemma: str) -> str:
    """Return a verb lemma without its reflexive pronoun ("s'interroger" → "interroger")."""
    return _REFLEXIVE.sub("", lemma.strip().lower().replace("’", "'"))
