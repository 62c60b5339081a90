"""Find the subject that utters a reporting verb, and resolve it to a named speaker."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from quoteattr.attribution.entities import EntityTable, content_words
from quoteattr.attribution.mentions import (
    PRONOUN,
    Mention,
    describe,
    is_time_word,
    name_run,
    pronoun_mention,
)
from quoteattr.attribution.verbs import VerbMatch, reporting_verb_at
from quoteattr.parse.base import Parse

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
_INVERTED_DEPS = {"nsubj", "nsubj:pass", "obj", "dep", "conj", "appos", "flat:name", "iobj",
                  "nmod", "obl:agent", "obl:arg", "obl:mod", "obl"}
_NOMINAL = {"NOUN", "PROPN", "PRON"}


@dataclass(frozen=True)
class ResolvedSpeaker:
    """A speaker mention with the name, role and kind it resolves to."""

    mention: Mention
    name: str
    role: str | None
    kind: str


def _outside(parse: Parse, index: int, excluded: tuple[int, int]) -> bool:
    """Return True when token ``index`` lies outside the character range ``excluded``."""
    token = parse.tokens[index]
    return token.end <= excluded[0] or token.start >= excluded[1]


def _has_preposition(parse: Parse, index: int) -> bool:
    """Return True when a nominal is introduced by a preposition ("à l'AFP")."""
    return any(parse.tokens[c].dep == "case" and parse.tokens[c].i < index
               for c in parse.children[index])


def _inverted_pronoun(parse: Parse, verb: VerbMatch) -> int | None:
    """Return the clitic subject after the verb or its auxiliary ("a-t-il dit", "dit-elle")."""
    anchors = [verb.first, verb.last]
    anchors += [c for c in parse.children[verb.head] if parse.tokens[c].pos == "AUX"]
    for anchor in anchors:
        for offset in (1, 2):
            j = anchor + offset
            if j < len(parse.tokens) and PRONOUN.match(parse.tokens[j].text) \
                    and parse.tokens[j].text.startswith("-"):
                if parse.tokens[j].text.lower() in {"-t", "-t-"}:
                    continue
                return j
    return None


def subject_of(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> int | None:
    """Return the head token of the subject of a reporting verb, outside the quote ``excluded``.

    Tries, in order: an inverted clitic ("a-t-il"), the noun phrase right before the verb, a
    nominal subject in the tree, the subject of a verb it is coordinated with, an inverted
    nominal after it (parsers often label it ``obj`` or ``dep``), then the first bare noun
    phrase after the verb in its clause.
    """
    clitic = _inverted_pronoun(parse, verb)
    if clitic is not None:
        return clitic
    before = _subject_before(parse, verb, excluded)
    if before is not None:
        return before
    heads = {verb.head, verb.first, verb.last}
    children = sorted(c for h in heads for c in parse.children[h]
                      if _outside(parse, c, excluded) and c not in heads)
    for child in children:
        token = parse.tokens[child]
        if token.dep in _SUBJECT_DEPS and token.pos in _NOMINAL and child < verb.first \
                and token.text.lower() not in {"ce", "c'", "cela", "ça", "qui", "que"}:
            return child
    if parse.tokens[verb.head].dep == "conj" and parse.tokens[verb.head].head < verb.first:
        coordinated = reporting_verb_at(parse, parse.tokens[verb.head].head)
        if coordinated is not None:
            return subject_of(parse, coordinated, excluded)
    for child in children:
        token = parse.tokens[child]
        if child > verb.last and token.dep in _INVERTED_DEPS and token.pos in {"NOUN", "PROPN"} \
                and not _has_preposition(parse, child) and not is_time_word(parse, child):
            return child
    bare = _first_bare_nominal(parse, verb, excluded)
    if bare is not None:
        return bare
    return _governing_subject(parse, verb, excluded)


def _governing_subject(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> int | None:
    """Return the subject of the verb that governs a non-finite reporting verb.

    "… se bornant à répéter que" and "avant de préciser que" take the subject of the finite
    verb they depend on.
    """
    token = parse.tokens[verb.head]
    if token.morph.get("VerbForm") not in {"Inf", "Part", "Ger"}:
        return None
    current = verb.head
    for _ in range(4):
        dep = parse.tokens[current].dep
        head = parse.tokens[current].head
        if head == current or dep not in {"xcomp", "advcl", "conj", "acl", "obl", "ccomp"}:
            return None
        current = head
        if parse.tokens[current].pos in {"VERB", "AUX"} and parse.tokens[current].morph.get("VerbForm") == "Fin" \
                or any(parse.tokens[c].pos == "AUX" and parse.tokens[c].morph.get("VerbForm") == "Fin"
                       for c in parse.children[current]):
            governing = VerbMatch(current, current, current, verb.entry)
            return subject_of(parse, governing, excluded)
    return None


_ASIDE = regex.compile(
    r"(?:de\s+(?:son|leur)\s+côté|pour\s+(?:sa|leur)\s+part|quant\s+à\s+(?:lui|elle|eux|elles)"
    r"|lui\s+aussi|elle\s+aussi|eux\s+aussi|pour\s+autant|ainsi|aussitôt|également|encore|déjà)"
    r"[\s,]*$",
    regex.IGNORECASE,
)
_NP_CLIMB_DEPS = {"nmod", "flat", "flat:name", "amod"}


def _subject_before(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> int | None:
    """Return the noun phrase right before the verb ("La ministre, Nadia Berthier, a dit").

    Skips auxiliaries, negation, adverbs, asides ("de son côté", "pour sa part") and one
    comma; lands on a name or a noun and climbs to the head of its noun phrase. A phrase
    introduced by a preposition or inside a relative clause is not a subject.
    """
    sentence = parse.tokens[verb.head].sent
    j = verb.first - 1
    commas = 0
    while j >= 0 and parse.tokens[j].sent == sentence:
        token = parse.tokens[j]
        aside = _ASIDE.search(parse.text, max(0, token.end - 40), token.end)
        if aside is not None and aside.start() < token.end:
            j = parse.token_at(aside.start()) - 1
        elif token.pos in {"AUX", "ADV", "PART"} or token.text.lower() in {"ne", "n'", "n’"}:
            j -= 1
        elif token.text == "," and commas == 0:
            commas += 1
            j -= 1
        else:
            break
    if j < 0 or parse.tokens[j].sent != sentence or not _outside(parse, j, excluded):
        return None
    while j > 0 and parse.tokens[j].pos == "ADJ" and parse.tokens[j - 1].sent == sentence:
        j -= 1
    if parse.tokens[j].pos not in {"NOUN", "PROPN"} or is_time_word(parse, j):
        return None
    if name_run(parse, j) is None:
        while parse.tokens[j].dep in _NP_CLIMB_DEPS and parse.tokens[j].head < j \
                and parse.tokens[parse.tokens[j].head].pos in {"NOUN", "PROPN"}:
            j = parse.tokens[j].head
    else:
        j = name_run(parse, j)[0]
    start = parse.token_at(describe(parse, j).start)
    previous = parse.tokens[start - 1] if start > 0 else None
    if previous is not None and previous.sent == sentence and (
            previous.pos == "ADP" or previous.text.lower() in {"qui", "que", "qu'", "dont", "où"}):
        return None
    return j


def _first_bare_nominal(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> int | None:
    """Return the first noun or name after the verb that no preposition introduces."""
    sentence = parse.tokens[verb.head].sent
    j = verb.last + 1
    while j < len(parse.tokens) and parse.tokens[j].sent == sentence and j <= verb.last + 12:
        token = parse.tokens[j]
        if token.text in {".", "«", "»", ";", ":", ","} or token.pos in {"SCONJ", "VERB", "AUX"} \
                or token.text.lower() in {"que", "qu'", "qu’"} or not _outside(parse, j, excluded):
            return None
        if token.pos in {"NOUN", "PROPN"} and not is_time_word(parse, j):
            previous = parse.tokens[j - 1]
            if previous.pos == "ADP" or (previous.pos == "DET" and j >= 2 and parse.tokens[j - 2].pos == "ADP"):
                j += 1
                continue
            return j
        j += 1
    return None


def resolve(parse: Parse, head: int, table: EntityTable, preferred: list[str]) -> ResolvedSpeaker:
    """Return the speaker a subject head refers to, resolving pronouns and descriptions."""
    token = parse.tokens[head]
    if token.pos == "PRON" or PRONOUN.match(token.text):
        mention = pronoun_mention(parse, head) if PRONOUN.match(token.text) else describe(parse, head)
        name = table.resolve_pronoun(mention.start, token.sent, mention.gender, preferred)
        if name is None:
            return ResolvedSpeaker(mention, mention.name, None, "pronoun")
        return ResolvedSpeaker(mention, name, table.role_of(name), "person")
    mention = describe(parse, head)
    if mention.named:
        full = table.full_name(mention.name)
        if mention.kind == "organization":
            return ResolvedSpeaker(mention, mention.name, mention.role, "organization")
        return ResolvedSpeaker(mention, full, mention.role or table.role_of(full), "person")
    if mention.kind == "organization":
        return ResolvedSpeaker(mention, mention.name, None, "organization")
    words = content_words(parse, mention.start, mention.end)
    name = table.resolve_description(words, token.lemma.lower(), mention.start)
    if name is None:
        return ResolvedSpeaker(mention, mention.name, None, "description")
    return ResolvedSpeaker(mention, name, mention.name, "person")
