"""Reporting verbs: recognise them in a parse, by lemma, and draw their spans."""

from __future__ import annotations

from dataclasses import dataclass

from quoteattr.lexicons import VerbEntry, active_lexicon, reflexive_lemma
from quoteattr.parse.base import Parse, Token

_VERBAL_POS = {"VERB", "AUX"}
_FALLBACK_POS = {"VERB", "AUX", "NOUN", "ADJ", "PROPN"}
_AITRE_ENDINGS = ("aitre", "ait")
_MULTIWORD_LENGTH = 4


@dataclass(frozen=True)
class VerbMatch:
    """A reporting verb found in a parse: its token range (inclusive) and lexicon entry."""

    first: int
    last: int
    head: int
    entry: VerbEntry


def _known(lemma: str) -> bool:
    """Return True when ``lemma`` is in the lexicon as it is or in its reflexive form."""
    lexicon = active_lexicon().reporting_verbs
    return lemma in lexicon or reflexive_lemma(lemma) in lexicon


def _fallback_lemma(form: str) -> str | None:
    """Return the infinitive a mislemmatised form belongs to: an -er verb's participle or
    present, or an -aître verb written without its circumflex ("reconnait", "reconnaitre")."""
    lowered = form.lower()
    for ending in _AITRE_ENDINGS:
        if lowered.endswith(ending) and _known(lowered[: -len(ending)] + "aître"):
            return lowered[: -len(ending)] + "aître"
    for ending in active_lexicon().er_endings:
        if lowered.endswith(ending) and len(lowered) > len(ending) + 2:
            candidate = lowered[: -len(ending)] + "er"
            if _known(candidate):
                return candidate
    return None


def _joined(words: list[str]) -> str:
    """Return words joined by spaces, with none after an elided word ("l'" + "accent")."""
    phrase = words[0]
    for word in words[1:]:
        phrase += word if phrase.endswith("'") else " " + word
    return phrase


def _multiword(parse: Parse, index: int) -> tuple[str, int] | None:
    """Return the multiword lemma starting at ``index`` ("faire valoir") and its last token.

    Up to four words follow the verb ("tirer la sonnette d'alarme"); an inverted subject clitic
    right after it is skipped ("fait-il savoir"). A following verb is read as written and as
    its lemma.
    """
    tokens = parse.tokens
    head = tokens[index]
    if head.lemma not in active_lexicon().multiword_heads:
        return None
    lexicon = active_lexicon().reporting_verbs
    written, lemmas = [head.lemma], [head.lemma]
    j = index + 1
    while j < len(tokens) and len(written) <= _MULTIWORD_LENGTH:
        token = tokens[j]
        if not (len(written) == 1 and token.pos == "PRON" and token.text.startswith("-")):
            word = token.text.lower().replace("’", "'")
            written.append(word)
            lemmas.append(token.lemma.lower() if token.pos == "VERB" else word)
            for phrase in (_joined(written), _joined(lemmas)):
                if phrase in lexicon:
                    return phrase, j
        j += 1
    return None


def _is_reflexive_clitic(token: Token) -> bool:
    """Return True for the reflexive pronoun "se"/"s'"."""
    return token.pos == "PRON" and (token.lemma == "se" or token.text.lower() in active_lexicon().reflexive_clitics)


def reflexive(parse: Parse, index: int) -> int | None:
    """Return the index of the reflexive clitic of the verb at ``index`` ("s'est défendu"), if any.

    The clitic is a child of the verb, or stands before it with only auxiliaries, an inverted
    subject clitic or negation words in between ("ne s'est-il pas").
    """
    for child in parse.children[index]:
        if child < index and _is_reflexive_clitic(parse.tokens[child]):
            return child
    j = index - 1
    while j >= 0 and index - j <= 4:
        token = parse.tokens[j]
        if _is_reflexive_clitic(token):
            return j
        if not (token.pos == "AUX" or token.text.lower() in active_lexicon().negation_words
                or (token.pos == "PRON" and token.text.startswith("-"))):
            return None
        j -= 1
    return None


def _lemma_at(parse: Parse, index: int) -> tuple[str, int] | None:
    """Return the lemma of the reporting verb at ``index`` without its clitic, and its last token."""
    token = parse.tokens[index]
    multi = _multiword(parse, index)
    if multi is not None:
        return multi
    if token.pos in _VERBAL_POS and _known(token.lemma):
        return token.lemma, index
    if token.pos == "ADJ" and _known(token.lemma) and any(
            parse.tokens[j].pos == "AUX" for j in range(max(0, index - 3), index)):
        return token.lemma, index
    determined = index > 0 and parse.tokens[index - 1].pos == "DET"
    if token.pos in _FALLBACK_POS and token.text[:1].islower() and not (token.pos == "NOUN" and determined):
        fallback = _fallback_lemma(token.text.split("-")[0])
        if fallback is not None and (token.pos in _VERBAL_POS or not _known(token.lemma)):
            return fallback, index
    return None


def reporting_verb_at(parse: Parse, index: int) -> VerbMatch | None:
    """Return the reporting verb whose main word is token ``index``, if it is one.

    A verb with a reflexive clitic takes the lexicon's reflexive entry ("s'est défendu" →
    "se défendre"); one whose reflexive form is not listed is no reporting verb ("l'enquête se
    poursuit", "il s'est rendu compte"), and one listed only in its reflexive form needs the
    clitic ("s'insurger").
    """
    found = _lemma_at(parse, index)
    if found is None:
        return None
    lemma, last = found
    if reflexive(parse, index) is not None:
        lemma = reflexive_lemma(lemma)
    entry = active_lexicon().reporting_verbs.get(lemma)
    return None if entry is None else VerbMatch(index, last, index, entry)


def verb_span(parse: Parse, match: VerbMatch) -> tuple[int, int]:
    """Return the token range (inclusive) of the verb with its adjacent auxiliaries and clitic.

    "s'est défendu" and "se sont félicités" keep their reflexive pronoun; in "s'est-il
    défendu" neither it nor the auxiliary is adjacent, so the span is "défendu".
    """
    first = match.first
    while first > 0:
        previous = parse.tokens[first - 1]
        adjacent = parse.text[previous.end:parse.tokens[first].start].strip() == ""
        if adjacent and previous.pos == "AUX" and previous.head in (match.head, match.first, match.last):
            first -= 1
        else:
            break
    clitic = reflexive(parse, match.head) if match.entry.lemma.startswith(("se ", "s'")) else None
    if clitic == first - 1 and parse.text[parse.tokens[clitic].end:parse.tokens[first].start].strip() == "":
        first = clitic
    return first, match.last


def negated(parse: Parse, head: int) -> bool:
    """Return True when the verb at ``head`` is negated ("n'a pas dit")."""
    for child in parse.children[head]:
        word = parse.tokens[child].text.lower()
        if word in active_lexicon().negation_adverbs:
            return True
    return False


def hedged(parse: Parse, head: int) -> bool:
    """Return True when the verb at ``head`` is reported in the conditional ("aurait déclaré")."""
    forms = [head] + [c for c in parse.children[head] if parse.tokens[c].pos == "AUX"]
    return any(parse.tokens[i].morph.get("Mood") == "Cnd" for i in forms)
