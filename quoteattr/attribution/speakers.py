"""Find the subject that utters a reporting verb, and resolve it to a named speaker."""

from __future__ import annotations

from dataclasses import dataclass

from quoteattr.attribution.entities import EntityTable, content_words
from quoteattr.attribution.mentions import PRONOUN, Mention, describe, is_time_word, pronoun_mention
from quoteattr.attribution.verbs import VerbMatch
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

    Tries, in order: an inverted clitic ("a-t-il"), a nominal subject before the verb, an
    inverted nominal after it (parsers often label it ``obj`` or ``dep``), then the first bare
    noun phrase after the verb in its clause.
    """
    clitic = _inverted_pronoun(parse, verb)
    if clitic is not None:
        return clitic
    heads = {verb.head, verb.first, verb.last}
    children = sorted(c for h in heads for c in parse.children[h]
                      if _outside(parse, c, excluded) and c not in heads)
    for child in children:
        token = parse.tokens[child]
        if token.dep in _SUBJECT_DEPS and token.pos in _NOMINAL and child < verb.first \
                and token.text.lower() not in {"ce", "c'", "cela", "ça", "qui", "que"}:
            return child
    for child in children:
        token = parse.tokens[child]
        if child > verb.last and token.dep in _INVERTED_DEPS and token.pos in {"NOUN", "PROPN"} \
                and not _has_preposition(parse, child) and not is_time_word(parse, child):
            return child
    return _first_bare_nominal(parse, verb, excluded)


def _first_bare_nominal(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> int | None:
    """Return the first noun or name after the verb that no preposition introduces."""
    sentence = parse.tokens[verb.head].sent
    j = verb.last + 1
    while j < len(parse.tokens) and parse.tokens[j].sent == sentence and j <= verb.last + 12:
        token = parse.tokens[j]
        if token.text in {".", "«", "»", ";", ":"} or not _outside(parse, j, excluded):
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
