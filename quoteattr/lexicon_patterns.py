"""The patterns that spell words of the lexicon, compiled from its word lists.

Each pattern keeps its shape (spaces, commas, anchors) here; the French words it spells come
from the lexicon's files, so adding "d'après"-like cue words is a line in a data file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from quoteattr.lexicons import Lexicon


def alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words``, in their order.

    Each word is escaped; a space matches any run of white space (``\\s+``) and an apostrophe
    either apostrophe (``['’]``), so "d'après" also matches "d’après".
    """
    return "|".join(r"\s+".join(regex.escape(part, special_only=True).replace("'", "['’]")
                                for part in word.split(" "))
                    for word in words)


def build_patterns(lexicon: Lexicon) -> dict[str, regex.Pattern[str]]:
    """Return the lexicon's compiled patterns, keyed by the name of their field."""
    hearsay = alternation(lexicon.hearsay_prepositions)
    citing = alternation(lexicon.citing_words)
    cited_by = alternation(lexicon.cited_by_phrases)
    compound = (rf"(?:{alternation(lexicon.incise_auxiliaries)})\s+(?:\w+\s+)?"
                rf"(?:{alternation(lexicon.incise_participles)})")
    genitive = "|".join(alternation([word]) + ("" if word.endswith("'") else r"\s+")
                        for word in lexicon.genitive_articles)
    sources = {
        "pronoun_pattern": rf"^-?(?:t-)?({alternation(lexicon.subject_pronouns)})$",
        "leading_article_pattern": rf"^(?:{alternation(lexicon.leading_articles)})\s*",
        "relative_pattern": rf"\b(?:{alternation(lexicon.relative_words)})",
        "selon_after_pattern": rf"[\s\u00a0\u202f]*,?[\s\u00a0\u202f]*(?P<word>{hearsay})\s",
        "selon_before_pattern": rf"(?:{hearsay})\s+(?:[^,«»“”\"\n]{{1,80}},){{1,3}}[\s\u00a0\u202f]*$",
        "framing_pattern": rf"\b(?:{hearsay})\s+(?:[^\s,.;:]+\s+){{0,3}}$",
        "relaying_pattern": rf"\b(?:{hearsay}|{cited_by}|{alternation(lexicon.relay_verb_forms)})"
                            rf"\s+(?:[^\s,.;:]+\s+){{0,3}}$",
        "citing_pattern": rf"(?:{citing})\s+(?:[^\s,.;:]+\s+){{0,6}}$",
        "citing_aside_pattern": rf",\s*(?:(?:{citing}|{cited_by})\s+[^,;:.]{{1,60}}"
                                rf"|(?:âgée?s?\s+de\s+)?\d{{1,3}}\s+ans)$",
        "trailing_cue_pattern": rf"[\s\u00a0]*,[\s\u00a0]*(?:{hearsay}|{citing}|{cited_by}|{compound}"
                                rf"|{alternation(lexicon.incise_present_forms)})\b",
        "aside_pattern": rf"(?:{alternation(lexicon.aside_words)})[\s,]*$",
        "addressee_pattern": rf"(?:\b(?:{alternation(lexicon.addressee_prepositions)})\s+(?:[^\s,.;:]+\s+){{0,6}}"
                             rf"|\b[àa]\s*l['’](?:[^\s,.;:]+\s+){{0,6}})$",
        "platform_cue_pattern": rf"(?:\b(?:{alternation(lexicon.platform_prepositions)})\s+"
                                rf"(?:(?:{alternation(lexicon.platform_accounts)})\s+)?"
                                rf"|\b(?:{alternation(lexicon.platform_nouns)})(?:\s+officiel(?:le)?)?\s+)$",
        "broadcast_pattern": rf"\b(?:{alternation(lexicon.broadcast_participles)})\s+"
                             rf"(?:(?:{alternation(lexicon.broadcast_manners)})\s+)?"
                             rf"(?:{alternation(lexicon.broadcast_prepositions)})\s+[^.;:]{{0,40}}$",
        "complement_pattern": rf"\b(?:{genitive})(?!(?:{alternation(lexicon.media_words)})\b)\w",
        "speaking_person_pattern": rf"(?<!\w)(?:{alternation(lexicon.speaking_person_words)})(?!\w)",
    }
    return {name: regex.compile(source, regex.IGNORECASE) for name, source in sources.items()}
