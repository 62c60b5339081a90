"""Reporting verbs: recognise them in a parse, by lemma, and draw their spans."""

from __future__ import annotations

from dataclasses import dataclass

from quoteattr.lexicons import VerbEntry, reporting_verbs
from quoteattr.parse.base import Parse

_VERBAL_POS = {"VERB", "AUX"}
_FALLBACK_POS = {"VERB", "AUX", "NOUN", "ADJ", "PROPN"}
_ER_ENDINGS = ("ées", "és", "ée", "é", "aient", "ait", "ent", "es", "e", "ant", "era", "erait")
_MULTIWORD_HEADS = {"faire", "mettre", "rendre"}


@dataclass(frozen=True)
class VerbMatch:
    """A reporting verb found in a parse: its token range (inclusive) and lexicon entry."""

    first: int
    last: int
    head: int
    entry: VerbEntry


def _fallback_lemma(form: str) -> str | None:
    """Return the -er infinitive a mislemmatised participle or present form belongs to."""
    lexicon = reporting_verbs()
    lowered = form.lower()
    for ending in _ER_ENDINGS:
        if lowered.endswith(ending) and len(lowered) > len(ending) + 2:
            candidate = lowered[: -len(ending)] + "er"
            if candidate in lexicon:
                return candidate
    return None


def _multiword(parse: Parse, index: int) -> tuple[str, int] | None:
    """Return the multiword lemma starting at ``index`` ("faire valoir") and its last token."""
    tokens = parse.tokens
    head = tokens[index]
    if head.lemma not in _MULTIWORD_HEADS:
        return None
    lexicon = reporting_verbs()
    words = [head.lemma]
    for j in range(index + 1, min(index + 3, len(tokens))):
        words.append(tokens[j].lemma.lower() if tokens[j].pos == "VERB" else tokens[j].text.lower())
        phrase = " ".join(words)
        if phrase in lexicon:
            return phrase, j
    return None


def reporting_verb_at(parse: Parse, index: int) -> VerbMatch | None:
    """Return the reporting verb whose main word is token ``index``, if it is one."""
    token = parse.tokens[index]
    multi = _multiword(parse, index)
    if multi is not None:
        return VerbMatch(index, multi[1], index, reporting_verbs()[multi[0]])
    lexicon = reporting_verbs()
    if token.pos in _VERBAL_POS and token.lemma in lexicon:
        return VerbMatch(index, index, index, lexicon[token.lemma])
    if token.pos == "ADJ" and token.lemma in lexicon and any(
            parse.tokens[j].pos == "AUX" for j in range(max(0, index - 3), index)):
        return VerbMatch(index, index, index, lexicon[token.lemma])
    determined = index > 0 and parse.tokens[index - 1].pos == "DET"
    if token.pos in _FALLBACK_POS and token.text[:1].islower() and not (token.pos == "NOUN" and determined):
        fallback = _fallback_lemma(token.text.split("-")[0])
        if fallback is not None and (token.pos in _VERBAL_POS or token.lemma not in lexicon):
            return VerbMatch(index, index, index, lexicon[fallback])
    return None


def verb_span(parse: Parse, match: VerbMatch) -> tuple[int, int]:
    """Return the token range (inclusive) of the verb with its adjacent auxiliaries."""
    first = match.first
    while first > 0:
        previous = parse.tokens[first - 1]
        adjacent = parse.text[previous.end:parse.tokens[first].start].strip() == ""
        if adjacent and previous.pos == "AUX" and previous.head in (match.head, match.first, match.last):
            first -= 1
        else:
            break
    return first, match.last


def negated(parse: Parse, head: int) -> bool:
    """Return True when the verb at ``head`` is negated ("n'a pas dit")."""
    for child in parse.children[head]:
        word = parse.tokens[child].text.lower()
        if word in {"pas", "jamais", "nullement", "guère", "point"}:
            return True
    return False


def hedged(parse: Parse, head: int) -> bool:
    """Return True when the verb at ``head`` is reported in the conditional ("aurait déclaré")."""
    forms = [head] + [c for c in parse.children[head] if parse.tokens[c].pos == "AUX"]
    return any(parse.tokens[i].morph.get("Mood") == "Cnd" for i in forms)
