"""Speaker mentions: the noun phrase around a subject, its name, role, kind and gender.

Parsers attach names and appositions inconsistently ("Le porte-parole du Kremlin, Dmitri
Peskov" may come out as a conjunction, "Vladimir Poutine" as two subjects), so mentions are
read off the token sequence: a run of name tokens, a role noun phrase before or after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from quoteattr.lexicons import active_lexicon
from quoteattr.parse.base import Parse

_ROLE_POS = {"NOUN", "ADJ", "DET", "ADP", "PROPN", "NUM"}


@dataclass(frozen=True)
class Mention:
    """A speaker mention in a parse.

    Attributes:
        start, end: character span of the mention.
        name: the person or body named inside the mention, or the mention itself.
        role: a role given in the mention ("porte-parole du Kremlin"), or None.
        kind: person, organization, pronoun or description.
        gender: "Masc", "Fem" or "" when unknown.
        named: True when ``name`` is a proper name found in the mention.
    """

    start: int
    end: int
    name: str
    role: str | None
    kind: str
    gender: str
    named: bool


def is_time_word(parse: Parse, index: int) -> bool:
    """Return True for days, months and times of day ("mardi", "soir")."""
    return parse.tokens[index].text.lower() in active_lexicon().time_words


def _glued(parse: Parse, left: int, right: int) -> bool:
    """Return True when tokens ``left`` and ``right`` touch with no space between them."""
    return parse.tokens[left].end == parse.tokens[right].start and not (
        parse.tokens[left].text.isspace() or parse.tokens[right].text.isspace())


def is_name_token(parse: Parse, index: int) -> bool:
    """Return True for a token that can be part of a person's or body's name.

    A capitalised common noun after a lowercase article ("la République", "l'État") is an
    institution's noun, not a name, whatever entity the tagger gives it.
    """
    token = parse.tokens[index]
    initial = token.text[:1]
    if token.text in active_lexicon().honorifics or token.text in active_lexicon().capitalised_titles or not (initial.isupper() and initial.isalpha()):
        return False
    lowered = token.text.lower()
    if lowered in active_lexicon().speech_nouns or is_person_noun(lowered):
        return False
    previous = parse.tokens[index - 1] if index > 0 else None
    if token.pos == "NOUN" and previous is not None and previous.pos == "DET" and previous.text.islower():
        return False
    if token.pos == "PROPN" or token.ent in {"PER", "MISC"}:
        return True
    if previous is not None and previous.sent == token.sent and previous.pos == "PROPN" \
            and token.pos == "DET" and previous.text[:1].isupper():
        return True
    return token.pos in {"NOUN", "X"} and index + 1 < len(parse.tokens) and index > 0 \
        and parse.tokens[index - 1].pos not in {"DET", "ADP"} \
        and parse.tokens[index - 1].sent == token.sent and parse.tokens[index + 1].pos == "PROPN"


def is_person_noun(word: str) -> bool:
    """Return True for a noun naming a person by role ("ministre", "vice-ministre", "ex-député")."""
    lowered = word.lower()
    for prefix in active_lexicon().person_noun_prefixes:
        if lowered.startswith(prefix) and lowered[len(prefix):] in active_lexicon().person_nouns:
            return True
    return lowered in active_lexicon().person_nouns


def _acronym_in_phrase(parse: Parse, index: int) -> bool:
    """Return True for an acronym inside a prepositional phrase ("à l'AFP"), never a name part."""
    token = parse.tokens[index]
    if not (token.text.isupper() and 2 <= len(token.text) <= 6) or index == 0:
        return False
    return parse.tokens[index - 1].pos in {"DET", "ADP"}


def _entity_boundary(parse: Parse, left: int, right: int) -> bool:
    """Return True between a place and a person ("au Mali Jacques Lemaire")."""
    kinds = {parse.tokens[left].ent, parse.tokens[right].ent}
    return "LOC" in kinds and "PER" in kinds


def name_run(parse: Parse, index: int) -> list[int] | None:
    """Return the tokens of the name around ``index`` ("Kim Jong-un"), or None."""
    if not is_name_token(parse, index):
        return None
    sentence = parse.tokens[index].sent
    first = last = index
    while first > 0 and parse.tokens[first - 1].sent == sentence and not _acronym_in_phrase(parse, first - 1) \
            and not _entity_boundary(parse, first - 1, first) and (
            is_name_token(parse, first - 1) or (_glued(parse, first - 1, first)
            and parse.tokens[first - 1].text not in active_lexicon().honorifics
            and parse.tokens[first - 1].text[-1:].isalnum()
            and parse.tokens[first - 1].pos not in {"PUNCT", "ADP", "DET", "SCONJ", "PRON"})):
        first -= 1
    while last + 1 < len(parse.tokens) and parse.tokens[last + 1].sent == sentence:
        following = parse.tokens[last + 1]
        if _entity_boundary(parse, last, last + 1):
            break
        if is_name_token(parse, last + 1) or (
                _glued(parse, last, last + 1) and following.text not in {",", ".", "»", ")", ":", ";"}):
            last += 1
        elif following.text in active_lexicon().name_particles:
            k = last + 1
            while k < len(parse.tokens) and parse.tokens[k].text in active_lexicon().name_particles and k - last <= 2:
                k += 1
            if k < len(parse.tokens) and is_name_token(parse, k) and parse.tokens[k].sent == sentence:
                last = k
            else:
                break
        else:
            break
    while first >= 2 and parse.tokens[first - 1].text == "-" and _glued(parse, first - 2, first - 1) \
            and _glued(parse, first - 1, first) and parse.tokens[first - 2].text[:1].isupper():
        first -= 2
    while first >= 2 and parse.tokens[first - 1].text in active_lexicon().name_particles:
        k = first - 1
        while k > 0 and parse.tokens[k].text in active_lexicon().name_particles and first - k <= 2:
            k -= 1
        if is_name_token(parse, k) and parse.tokens[k].sent == sentence:
            first = k
        else:
            break
    while last > first and not parse.tokens[last].text[:1].isalnum():
        last -= 1
    return list(range(first, last + 1))


def _span_text(parse: Parse, first: int, last: int) -> str:
    """Return the text from token ``first`` to token ``last`` inclusive."""
    return parse.text[parse.tokens[first].start:parse.tokens[last].end]


def _np_right(parse: Parse, index: int) -> int:
    """Return the last token of a role noun phrase that starts at ``index``."""
    sentence = parse.tokens[index].sent
    last = index
    j = index + 1
    while j < len(parse.tokens) and parse.tokens[j].sent == sentence:
        token = parse.tokens[j]
        if token.pos in {"ADJ", "NOUN", "NUM"} or (token.pos == "PROPN" and parse.tokens[j - 1].pos in {"ADP", "DET", "PROPN"}) or (token.pos == "VERB" and token.morph.get("VerbForm") == "Part" and token.morph.get("Tense") == "Past" \
                and j + 1 < len(parse.tokens) and parse.tokens[j + 1].text.lower() in active_lexicon().de_forms):
            last = j
        elif (token.pos in {"ADP", "DET"} and token.text.lower() in active_lexicon().role_connectors) or (token.text == "-" and _glued(parse, j - 1, j)) or (token.text in active_lexicon().honorifics and parse.tokens[j - 1].pos == "ADP"):
            pass
        else:
            break
        j += 1
    return last


def _role_before(parse: Parse, run_first: int) -> int | None:
    """Return the first token of a role noun phrase just before a name ("le président russe").

    The walk stops at a cue preposition ("le ministère d'après
    Reuters": Reuters has no role)."""
    j = run_first - 1
    while j >= 0 and parse.tokens[j].text in active_lexicon().honorifics:
        j -= 1
    if j >= 0 and parse.tokens[j].text == ",":
        j -= 1
    sentence = parse.tokens[run_first].sent
    first = None
    while j >= 0 and parse.tokens[j].sent == sentence and (
            parse.tokens[j].pos in _ROLE_POS or parse.tokens[j].text in active_lexicon().honorifics
            or parse.tokens[j].text == "-") and parse.tokens[j].text.lower() not in active_lexicon().source_cue_words:
        if parse.tokens[j].text.lower() in active_lexicon().articles and not (
                j > 0 and parse.tokens[j - 1].text.lower() in active_lexicon().de_forms):
            first = j
            break
        j -= 1
    if first is None or (first > 0 and parse.tokens[first - 1].pos == "ADP"):
        return None
    if not any(parse.tokens[k].pos == "NOUN" for k in range(first, run_first)):
        return None
    return first


def _role_after(parse: Parse, run_last: int) -> tuple[int, int] | None:
    """Return the (first, last) tokens of an apposition after a name (", le porte-parole …")."""
    j = run_last + 1
    if j + 2 >= len(parse.tokens) or parse.tokens[j].text != ",":
        return None
    article = parse.tokens[j + 1]
    if article.text.lower() not in active_lexicon().articles or parse.tokens[j + 2].pos not in {"NOUN", "ADJ"}:
        return None
    last = _np_right(parse, j + 2)
    following = parse.tokens[last + 1] if last + 1 < len(parse.tokens) else None
    closed = following is None or following.text in {",", ".", ";", ":", ")", "»", "!", "?"} \
        or following.sent != parse.tokens[last].sent
    return (j + 1, last) if closed else None


def _role_text(parse: Parse, first: int, last: int) -> str | None:
    """Return a role phrase without its article, honorifics and edge punctuation."""
    while first <= last and (parse.tokens[first].text.lower() in active_lexicon().articles
                             or parse.tokens[first].text in active_lexicon().honorifics
                             or parse.tokens[first].pos == "PUNCT"):
        first += 1
    while last >= first and (parse.tokens[last].pos in {"PUNCT", "ADP", "DET"}
                             or parse.tokens[last].text in active_lexicon().honorifics):
        last -= 1
    return _span_text(parse, first, last) if first <= last else None


def _gender(parse: Parse, indices: range) -> str:
    """Return the gender that honorifics or a person's role noun show ("la ministre"), or ""."""
    for index in indices:
        token = parse.tokens[index]
        if token.text in {"Mme", "Mlle"}:
            return "Fem"
        if token.text == "M.":
            return "Masc"
    for index in indices:
        token = parse.tokens[index]
        if token.pos == "NOUN" and is_person_noun(token.text):
            article = parse.tokens[index - 1] if index > 0 else None
            if article is not None and article.pos == "DET" and article.morph.get("Gender"):
                return article.morph["Gender"]
            if token.morph.get("Gender"):
                return token.morph["Gender"]
    return ""


def pronoun_mention(parse: Parse, index: int) -> Mention:
    """Return the mention of a subject pronoun, without its "-t-" or hyphen."""
    token = parse.tokens[index]
    match = active_lexicon().pronoun_pattern.match(token.text)
    word = match.group(1) if match else token.text
    start = token.end - len(word)
    gender = "Fem" if word.lower().startswith("elle") else "Masc"
    return Mention(start, token.end, word, None, "pronoun", gender, named=False)


def _is_organization(parse: Parse, indices: list[int]) -> bool:
    """Return True when a name or description designates an organisation."""
    words = active_lexicon().organization_nouns
    return any(parse.tokens[i].ent in {"ORG", "LOC"} or parse.tokens[i].lemma.lower() in words
               or parse.tokens[i].text.lower() in words for i in indices)


def _named(parse: Parse, run: list[int], role_first: int | None,
           role_after: tuple[int, int] | None) -> Mention:
    """Return the mention of a name with its role before or after it."""
    first = run[0]
    while first > 0 and parse.tokens[first - 1].text in active_lexicon().honorifics:
        first -= 1
    start_token, end_token = first, run[-1]
    role = None
    if role_first is not None:
        role = _role_text(parse, role_first, run[0] - 1)
        start_token = role_first
    elif role_after is not None:
        role = _role_text(parse, role_after[0], role_after[1])
        end_token = role_after[1]
    organization = all(parse.tokens[i].ent in {"ORG", "LOC"} for i in run)
    return Mention(parse.tokens[start_token].start, parse.tokens[end_token].end,
                   _span_text(parse, run[0], run[-1]), role,
                   "organization" if organization else "person",
                   _gender(parse, range(start_token, end_token + 1)), named=True)


def _one_person(parse: Parse, run: list[int]) -> bool:
    """Return True when a name is one person's (a plural description cannot stand for it)."""
    return all(parse.tokens[i].ent == "PER" for i in run) and \
        all(parse.tokens[i].morph.get("Number") != "Plur" for i in run)


def _name_before_apposition(parse: Parse, first: int) -> list[int] | None:
    """Return the name that a description at ``first`` stands in apposition to ("X, le …")."""
    if first < 2 or parse.tokens[first - 1].text != ",":
        return None
    if parse.tokens[first - 2].sent != parse.tokens[first].sent:
        return None
    run = name_run(parse, first - 2)
    if run is None or all(parse.tokens[i].ent == "LOC" for i in run):
        return None
    if parse.tokens[first].morph.get("Number") == "Plur" and _one_person(parse, run):
        return None
    before = run[0] - 1
    while before >= 0 and parse.tokens[before].text[:1].isupper() and parse.tokens[before].pos in {"NOUN", "X", "ADJ"} \
            and parse.tokens[before].ent == parse.tokens[run[0]].ent:
        before -= 1
    if before >= 0 and parse.tokens[before].pos == "DET":
        before -= 1
    if before >= 0 and (parse.tokens[before].pos == "ADP"
                        or parse.tokens[before].text.lower() in active_lexicon().prepositions):
        return None
    if _after_source_cue(parse, run[0]):
        return None
    return run


def _after_source_cue(parse: Parse, first: int) -> bool:
    """Return True when a name ends a "selon …" phrase ("Selon l'agence de presse russe Tass"):
    it is a source, never the apposition of the subject that follows it."""
    for k in range(first - 1, max(-1, first - 7), -1):
        token = parse.tokens[k]
        if token.text.lower() in active_lexicon().source_cue_words:
            return True
        if token.pos not in {"DET", "NOUN", "ADJ", "ADP"} or token.text[:1].isupper():
            return False
    return False


def describe(parse: Parse, head: int) -> Mention:
    """Return the mention whose head (or any name token) is ``head``.

    An organisation keeps the acronym in brackets that follows it ("La Confédération générale
    du travail (CGT)").
    """
    mention = _describe(parse, head)
    if mention.kind != "organization":
        return mention
    k = parse.token_at(mention.end)
    if k >= 0 and _bracketed_acronym(parse, k) and parse.text[mention.end:parse.tokens[k].start].strip() == "":
        return Mention(mention.start, parse.tokens[k + 2].end, mention.name, mention.role, mention.kind,
                       mention.gender, mention.named)
    return mention


def _bracketed_acronym(parse: Parse, index: int) -> bool:
    """Return True when an acronym in brackets starts at token ``index`` ("(Ufip)")."""
    return index + 2 < len(parse.tokens) and parse.tokens[index].text == "(" \
        and parse.tokens[index + 2].text == ")" and parse.tokens[index + 1].text[:1].isupper()


def _describe(parse: Parse, head: int) -> Mention:
    """Return the mention around ``head``, before any bracketed acronym; a description keeps
    the name in apposition after it, past an acronym ("le président de l'Union française des
    industries pétrolières (Ufip), Jean Louis Schilansky")."""
    token = parse.tokens[head]
    if active_lexicon().pronoun_pattern.match(token.text) and token.pos == "PRON":
        return pronoun_mention(parse, head)
    run = name_run(parse, head)
    if run is not None:
        return _named(parse, run, _role_before(parse, run[0]), _role_after(parse, run[-1]))
    first = head
    while first > 0 and parse.tokens[first - 1].sent == token.sent:
        if parse.tokens[first - 1].pos in {"DET", "ADJ", "NUM"}:
            first -= 1
        elif first > 1 and parse.tokens[first - 1].text == "-" and _glued(parse, first - 2, first - 1) \
                and _glued(parse, first - 1, first):
            first -= 2
        else:
            break
    last = _np_right(parse, head)
    name_before = _name_before_apposition(parse, first)
    if name_before is not None:
        mention = _named(parse, name_before, None, None)
        return Mention(mention.start, parse.tokens[last].end, mention.name,
                       _role_text(parse, first, last), mention.kind,
                       _gender(parse, range(first, last + 1)), named=True)
    after = last + 1
    if _bracketed_acronym(parse, after):
        after += 3
    comma = after < len(parse.tokens) and parse.tokens[after].text == ","
    if comma:
        after += 1
    if after < len(parse.tokens) and parse.tokens[after].text in active_lexicon().honorifics:
        after += 1
    person_role = any(is_person_noun(parse.tokens[i].text) for i in range(first, last + 1))
    if after < len(parse.tokens) and parse.tokens[after].sent == token.sent:
        run = name_run(parse, after)
        if run is not None and not comma and not person_role:
            return Mention(parse.tokens[first].start, parse.tokens[run[-1]].end,
                           _span_text(parse, run[0], run[-1]), _role_text(parse, first, last),
                           "organization", "", named=True)
        if run is not None:
            mention = _named(parse, run, None, None)
            return Mention(parse.tokens[first].start, mention.end, mention.name,
                           _role_text(parse, first, last), mention.kind,
                           _gender(parse, range(first, run[-1] + 1)), named=True)
    kind = "organization" if _is_organization(parse, [head]) else "description"
    return Mention(parse.tokens[first].start, parse.tokens[last].end, _span_text(parse, first, last),
                   None, kind, _gender(parse, range(first, last + 1)), named=False)
