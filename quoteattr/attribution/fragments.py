"""Quotations that are the object of a reporting verb before them, with words in between.

"a dénoncé un « véritable scandale »", "a promis mardi dans un communiqué un « tournant »",
"a qualifié la décision d'« historique »", "a relevé que « … »", "déclare en recevant la coupe
que « … »": the speaker is the verb's subject. The words between the verb and the opening mark
are read right to left and must all be bridge words: the determiners, adjectives and
preposition that open the quoted noun phrase, adverbs and times, whole prepositional phrases
("dans un communiqué", "à l'AFP"), a gerund phrase ("en quittant la salle"), "que" right before
the mark (when the quote ends the clause), and, after a verb that qualifies ("juger",
"qualifier") or directs ("appeler"), its object ("la situation « préoccupante »"). Anything
else (another verb, a comma, a conjunction, the noun a quote complements: "la fin du
« bouclier tarifaire »", a noun in a prepositional phrase the quote qualifies: "appelle à
l'ouverture « immédiate » de couloirs", a title right after its noun: "le documentaire
« Icarus »") means
the quote is not the verb's object, so a scare quote or a title stays cue-less. Neither a bare
participle ("la loi dite « … »") nor a reflexive use ("s'annonce comme un « … »") reports, and
a short capitalised fragment that is no sentence ("a salué « Le Grand Bleu »") is a title.
"""

from __future__ import annotations

from quoteattr.attribution.mentions import is_time_word
from quoteattr.attribution.verbs import VerbMatch, reporting_verb_at
from quoteattr.lexicons import active_lexicon
from quoteattr.parse.base import Parse

MAX_BRIDGE = 12
TITLE_WORDS = 5
_MODIFIERS = {"DET", "ADJ", "ADV", "NUM", "PART"}
_CLAUSE_ENDS = ".!?…,;:)\n"
_SENTENCE_END = ".!?…"


def _verbal(parse: Parse, index: int) -> VerbMatch | None:
    """Return the reporting verb at ``index`` when the token is used as a verb."""
    token = parse.tokens[index]
    if token.pos not in {"VERB", "AUX"}:
        return None
    match = reporting_verb_at(parse, index)
    return match if match is not None and match.last == index else None


def _gerund_start(parse: Parse, index: int) -> int | None:
    """Return the index of "en" when token ``index`` is the participle of "en quittant"."""
    token = parse.tokens[index]
    if token.pos not in {"VERB", "AUX"} or token.morph.get("VerbForm") != "Part" \
            or token.morph.get("Tense") != "Pres":
        return None
    before = index - 1
    if before >= 0 and parse.tokens[before].text.lower() in active_lexicon().gerund_marks:
        return before
    return None


def _phrase_start(parse: Parse, index: int, sentence: int) -> tuple[int, bool]:
    """Return where the noun phrase ending at noun ``index`` starts, and whether a
    preposition introduces it ("dans un communiqué")."""
    k = index
    while k > 0 and parse.tokens[k - 1].sent == sentence and (
            parse.tokens[k - 1].pos in {"DET", "ADJ", "NUM"}
            or (parse.tokens[k - 1].pos in {"NOUN", "PROPN"} and parse.tokens[k].pos in {"PROPN", "ADJ"})):
        k -= 1
    introduced = k > 0 and parse.tokens[k - 1].sent == sentence and parse.tokens[k - 1].pos == "ADP"
    return (k - 1 if introduced else k), introduced


def looks_like_title(words: str) -> bool:
    """Return True for quoted words that read as a title: capitalised, short, no sentence."""
    words = words.strip(" \t\n\u00a0\u202f")
    return not words[:1].islower() and len(words.split()) < TITLE_WORDS and words[-1:] not in _SENTENCE_END


def ends_clause(text: str, close_end: int) -> bool:
    """Return True when nothing of the sentence follows a closing mark but punctuation."""
    index = close_end
    while index < len(text) and text[index] in " \t\u00a0\u202f":
        index += 1
    return index >= len(text) or text[index] in _CLAUSE_ENDS


def object_verb(parse: Parse, text: str, open_start: int, close_end: int) -> VerbMatch | None:
    """Return the reporting verb whose object is the quotation opening at ``open_start``.

    Args:
        parse: the document's parse.
        text: the document's text.
        open_start: offset of the opening mark.
        close_end: offset just after the closing mark.
    """
    mark = parse.token_at(open_start)
    if mark <= 0:
        return None
    sentence = parse.tokens[mark].sent
    words = text[open_start + 1:close_end - 1]
    named = not words.strip(" \u00a0\u202f")[:1].islower()
    title = looks_like_title(words)
    k = mark - 1
    crossed_object = complement = False
    opening = bare = True
    while k >= 0 and mark - k <= MAX_BRIDGE and parse.tokens[k].sent == sentence:
        token, index = parse.tokens[k], k
        match = _verbal(parse, k)
        if match is not None:
            if title:
                return None
            return match if _takes_fragment(parse, match, named and k == mark - 1, crossed_object) else None
        if token.text.lower() in active_lexicon().que_forms and k == mark - 1:
            if not ends_clause(text, close_end):
                return None
            title = False
            k -= 1
        elif token.pos in _MODIFIERS or is_time_word(parse, k):
            k -= 1
        elif token.pos == "ADP" and opening:
            complement = True
            k -= 1
            while k >= 0 and parse.tokens[k].pos == "ADP" and parse.tokens[k].end == parse.tokens[k + 1].start:
                k -= 1
        elif token.pos in {"NOUN", "PROPN"}:
            start, introduced = _phrase_start(parse, k, sentence)
            if bare and token.pos == "NOUN" and token.text[:1].islower():
                if named or introduced or crossed_object:
                    return None
                crossed_object = True
                opening = False
                k = start - 1
                continue
            gerund = _gerund_start(parse, start - 1) if start > 0 else None
            if gerund is not None and not complement:
                start = gerund
            elif complement or not introduced:
                if introduced or crossed_object:
                    return None
                crossed_object = True
            complement = False
            k = start - 1
        else:
            gerund = _gerund_start(parse, k)
            if gerund is None:
                return None
            k = gerund - 1
        opening = opening and token.pos in _MODIFIERS and not is_time_word(parse, index)
        bare = opening and token.pos in {"ADJ", "ADV"}
    return None


def _takes_fragment(parse: Parse, match: VerbMatch, names_it: bool, crossed_object: bool) -> bool:
    """Return True when a reporting verb can govern a quotation after it.

    A bare past participle ("la loi dite « … »", "condamné pour « … »") and a reflexive use of
    a verb that is not reflexive ("s'annonce comme un « … »") do not report speech; a verb
    that names or qualifies ("qualifier", "juger") names a capitalised quotation right after
    it (``names_it``: "a qualifié « Les Misérables » de …") rather than uttering it; an object
    between verb and quote is allowed only after a verb that qualifies it ("juger la situation
    « … »") or directs it ("appeler les Français à « … »").
    """
    head = parse.tokens[match.head]
    lemma = match.entry.lemma
    if head.morph.get("VerbForm") == "Part" and head.morph.get("Tense") == "Past" and not any(
            parse.tokens[c].pos == "AUX" for c in parse.children[match.head]) \
            and not (match.first > 0 and parse.tokens[match.first - 1].pos == "AUX"):
        return False
    reflexive = lemma.startswith(("se ", "s'", "s’"))
    before = parse.tokens[match.first - 1].text.lower() if match.first > 0 else ""
    if before in {"se", "s'", "s’"} and not reflexive:
        return False
    if names_it and lemma in active_lexicon().naming_verbs:
        return False
    return not crossed_object or lemma in active_lexicon().qualifying_verbs or match.entry.stance == "directive"
