"""Find the subject that utters a reporting verb, and resolve it to a named speaker."""

from __future__ import annotations

from dataclasses import dataclass

from quoteattr.attribution.entities import EntityTable, content_words
from quoteattr.attribution.mentions import (
    Mention,
    describe,
    is_time_word,
    name_run,
    pronoun_mention,
)
from quoteattr.attribution.verbs import VerbMatch, reporting_verb_at
from quoteattr.lexicons import active_lexicon
from quoteattr.parse.base import Parse

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
_INVERTED_DEPS = {"nsubj", "nsubj:pass", "obj", "dep", "conj", "appos", "flat:name", "iobj",
                  "nmod", "obl:agent", "obl:arg", "obl:mod", "obl"}
_NOMINAL = {"NOUN", "PROPN", "PRON"}
_CHAIN_LOOKBACK = 120
_SUBJECT_CLITICS = {"il", "elle", "ils", "elles", "on"}


@dataclass(frozen=True)
class ResolvedSpeaker:
    """A speaker mention with the name, role and kind it resolves to."""

    mention: Mention
    name: str
    role: str | None
    kind: str
    rule: str = "named"


def _outside(parse: Parse, index: int, excluded: tuple[int, int]) -> bool:
    """Return True when token ``index`` lies outside the character range ``excluded``."""
    token = parse.tokens[index]
    return token.end <= excluded[0] or token.start >= excluded[1]


def _has_preposition(parse: Parse, index: int) -> bool:
    """Return True when a nominal is introduced by a preposition ("à l'AFP", "sur France Inter")."""
    if any(parse.tokens[c].dep == "case" and c < index for c in parse.children[index]):
        return True
    j = index - 1
    while j >= 0 and (parse.tokens[j].pos in {"DET", "ADJ"} or parse.tokens[j].text in {"l'", "l’"}):
        j -= 1
    return j >= 0 and parse.tokens[j].pos == "ADP"


def _inverted_pronoun(parse: Parse, verb: VerbMatch) -> int | None:
    """Return the clitic subject after the verb or its auxiliary ("a-t-il dit", "dit-elle")."""
    for j in (verb.first - 1, verb.first - 2):
        if j > 0 and parse.tokens[j].text.startswith("-") and active_lexicon().pronoun_pattern.match(parse.tokens[j].text) \
                and parse.tokens[j].text.lower() not in {"-t", "-t-"} \
                and (parse.tokens[j - 1].text.lower() in {"-t", "-t-"} or parse.tokens[j - 1].pos == "AUX"):
            return j
    anchors = [verb.first, verb.last]
    anchors += [c for c in parse.children[verb.head] if parse.tokens[c].pos == "AUX"]
    for anchor in anchors:
        for offset in (1, 2):
            j = anchor + offset
            if j < len(parse.tokens) and active_lexicon().pronoun_pattern.match(parse.tokens[j].text) \
                    and parse.tokens[j].text.startswith("-"):
                if parse.tokens[j].text.lower() in {"-t", "-t-"}:
                    continue
                return j
    return None


@dataclass(frozen=True)
class SubjectHead:
    """The head token of a reporting verb's subject and the rule that found it."""

    index: int
    rule: str


def subject_of(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> int | None:
    """Return the head token of the subject of a reporting verb (see :func:`find_subject`)."""
    found = find_subject(parse, verb, excluded)
    return None if found is None else found.index


def find_subject(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> SubjectHead | None:
    """Return the subject of a reporting verb outside the quote ``excluded``, with its rule.

    Tries, in order: an inverted clitic ("a-t-il"), the noun phrase right before the verb, a
    nominal subject in the tree, an inverted nominal after the verb (parsers often label it
    ``obj`` or ``dep``), the subject of a verb it is coordinated with, the first bare noun
    phrase after the verb, and for a non-finite verb ("se bornant à répéter que") the subject
    of the report before it in the sentence.
    """
    own = _own_subject(parse, verb, excluded)
    if own is not None:
        return own
    previous = _previous_reporter_subject(parse, verb, excluded)
    return None if previous is None else SubjectHead(previous, "previous_reporter")


def clause_subject(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> SubjectHead | None:
    """Return the subject ``verb`` has in its own clause, never one of an earlier report."""
    return _own_subject(parse, verb, excluded)


def _own_subject(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> SubjectHead | None:
    """Return the subject a reporting verb has in its own clause, or None.

    Never looks at other reports of the sentence, so its cost does not depend on how many
    reports are chained before the verb.
    """
    clitic = _inverted_pronoun(parse, verb)
    if clitic is not None:
        return SubjectHead(clitic, "subject_clitic")
    antecedent = _relative_antecedent(parse, verb, excluded)
    if antecedent is not None:
        return SubjectHead(antecedent, "subject_relative")
    governing = _governing_verb(parse, verb) or _participle_governor(parse, verb, excluded)
    if governing is not None:
        return _own_subject(parse, governing, excluded)
    if _follows_closing_mark(parse, verb):
        after = _first_bare_nominal(parse, verb, excluded)
        if after is not None:
            return SubjectHead(after, "subject_after_quote")
    before = _subject_before(parse, verb, excluded)
    if before is not None:
        return SubjectHead(before, "subject_before")
    heads = {verb.head, verb.first, verb.last}
    children = sorted(c for h in heads for c in parse.children[h]
                      if _outside(parse, c, excluded) and c not in heads)
    for child in children:
        token = parse.tokens[child]
        if token.dep in _SUBJECT_DEPS and (token.pos in _NOMINAL or name_run(parse, child)) and child < verb.first \
                and token.text.lower() not in active_lexicon().non_referring_subjects:
            return SubjectHead(child, "subject_dependency")
    conjunct = _conjunct_head(parse, verb)
    if conjunct is not None:
        return _own_subject(parse, conjunct, excluded)
    bare = _first_bare_nominal(parse, verb, excluded)
    if bare is not None:
        return SubjectHead(bare, "subject_after_verb")
    for child in children:
        token = parse.tokens[child]
        if child > verb.last and token.dep in _INVERTED_DEPS and token.pos in {"NOUN", "PROPN"} \
                and not _has_preposition(parse, child) and not is_time_word(parse, child):
            return SubjectHead(child, "subject_inverted")
    return None


def _relative_antecedent(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> int | None:
    """Return the antecedent of "qui" when it is the verb's subject ("la CGT qui demandait …");
    a role in apposition gives way to the name before it ("Paul Martin, ministre de
    l'Industrie, qui a déclaré que …" → "Paul Martin")."""
    sentence = parse.tokens[verb.head].sent
    j = verb.first - 1
    while j >= 0 and parse.tokens[j].sent == sentence and (
            parse.tokens[j].pos in {"AUX", "ADV"} or parse.tokens[j].text.lower() in active_lexicon().skipped_before_verb
            or parse.tokens[j].text.lower() in active_lexicon().relative_clitics):
        j -= 1
    if j < 1 or parse.tokens[j].text.lower() != "qui" or parse.tokens[j].sent != sentence:
        return None
    k = j - 1
    if parse.tokens[k].text == ",":
        k -= 1
    if k < 0 or parse.tokens[k].sent != sentence or not _outside(parse, k, excluded):
        return None
    head = _noun_phrase_head(parse, k, sentence)
    if head is None or name_run(parse, head) is not None:
        return head
    first = head
    while first > 0 and parse.tokens[first - 1].pos in {"DET", "ADJ"}:
        first -= 1
    if first >= 2 and parse.tokens[first - 1].text == "," and parse.tokens[first - 2].sent == sentence:
        run = name_run(parse, first - 2)
        if run is not None and not all(parse.tokens[i].ent == "LOC" for i in run):
            return run[0]
    return head


def _governing_verb(parse: Parse, verb: VerbMatch) -> VerbMatch | None:
    """Return the verb an infinitive depends on ("s'est contenté d'indiquer" → "contenté")."""
    token = parse.tokens[verb.head]
    if token.morph.get("VerbForm") != "Inf" or token.dep != "xcomp" or token.head == verb.head:
        return None
    head = token.head
    if parse.tokens[head].pos not in {"VERB", "AUX"} or head > verb.first:
        return None
    return VerbMatch(head, head, head, verb.entry)


def _conjunct_head(parse: Parse, verb: VerbMatch) -> VerbMatch | None:
    """Return the main verb a subjectless verb is coordinated to ("X a réagi et a nié …"):
    the noun after the second verb is its object, the subject is the first verb's. Only a
    verb of a main clause (no "que", "si" or "quand" introduces it) with a conjunction between
    counts, so a verb of a reported clause ("a dit que sa majorité avait subi … et annoncé
    que") is left to the report before it."""
    token = parse.tokens[verb.head]
    head = token.head
    if token.dep != "conj" or head >= verb.first or parse.tokens[head].pos not in {"VERB", "AUX"} \
            or parse.tokens[head].sent != token.sent \
            or any(parse.tokens[c].dep == "mark" for c in parse.children[head]):
        return None
    if not any(head < c < verb.first and parse.tokens[c].dep == "cc" for c in parse.children[verb.head]):
        return None
    return VerbMatch(head, head, head, verb.entry)


def _participle_governor(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> VerbMatch | None:
    """Return the verb whose subject a present participle shares.

    "X a nié toute responsabilité en affirmant que", "X a quitté la salle, ajoutant que",
    "X a réfuté l'idée d'un prêt affirmant :": the noun before the participle is the main
    verb's object, not the speaker. The governor is the participle's head when that is a
    reporting verb, else the sentence's root outside quote marks, else the participle's head,
    when it is an earlier verb that is finite or has an auxiliary, outside the quote; a
    participle after a speech noun ("un message disant") keeps its own subject.
    """
    token = parse.tokens[verb.head]
    if token.pos != "VERB" or token.morph.get("VerbForm") != "Part" or token.morph.get("Tense") != "Pres":
        return None
    if verb.first > 0 and parse.tokens[verb.first - 1].lemma.lower() in active_lexicon().speech_nouns:
        return None
    start = parse.sentences[token.sent].start
    roots = [i for i in range(parse.token_at(start), verb.first) if parse.tokens[i].head == i
             and _marks_open(parse.text[start:parse.tokens[i].start]) == 0]
    reporting_head = [token.head] if reporting_verb_at(parse, token.head) is not None else []
    for j in [*reporting_head, *roots, token.head]:
        candidate = parse.tokens[j]
        if j >= verb.first or candidate.pos != "VERB" or candidate.sent != token.sent \
                or not _outside(parse, j, excluded):
            continue
        if candidate.morph.get("VerbForm") == "Fin" or any(parse.tokens[c].pos == "AUX" for c in parse.children[j]):
            return VerbMatch(j, j, j, verb.entry)
    opening = verb.first == 0 or parse.tokens[verb.first - 1].sent != token.sent or ((
        verb.first == 1 or parse.tokens[verb.first - 2].sent != token.sent) \
        and parse.tokens[verb.first - 1].text.lower() == "en")
    return _main_clause_after_participle(parse, verb, excluded) if opening else None


def _main_clause_after_participle(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> VerbMatch | None:
    """Return the main verb after a sentence-opening participle clause ("Estimant que …, il
    vota contre" → "vota"), found after the first comma outside the quote."""
    sentence = parse.tokens[verb.head].sent
    k = verb.last + 1
    while k < len(parse.tokens) and parse.tokens[k].sent == sentence:
        if parse.tokens[k].text == "," and _outside(parse, k, excluded):
            main = main_clause_verb(parse, k + 1)
            if main is not None:
                return VerbMatch(main, main, main, verb.entry)
        k += 1
    return None


def main_clause_verb(parse: Parse, index: int) -> int | None:
    """Return the finite verb that follows ``index`` with at most a subject noun phrase or a
    subject clitic before it (", le ministre du Logement a dit", ", il vota"), or None."""
    for j in range(index, min(index + 8, len(parse.tokens))):
        token = parse.tokens[j]
        after_clitic = j > index and parse.tokens[j - 1].text.lower() in _SUBJECT_CLITICS
        if token.pos in {"AUX", "VERB"} and (token.morph.get("VerbForm") == "Fin" or after_clitic):
            return j
        noun_complement = token.pos == "ADP" and j > index and parse.tokens[j - 1].pos in {"NOUN", "PROPN"}
        if not (token.pos in {"DET", "NOUN", "PROPN", "ADJ"} or noun_complement
                or token.text.lower() in _SUBJECT_CLITICS):
            return None
    return None


def _marks_open(text: str) -> int:
    """Return how many quote marks ``text`` leaves open."""
    return text.count("«") - text.count("»") + text.count("“") - text.count("”")


def _follows_closing_mark(parse: Parse, verb: VerbMatch) -> bool:
    """Return True for an incise right after a quote ("», prévient X"): its subject follows it."""
    j = verb.first - 1
    while j >= 0 and (parse.tokens[j].pos == "AUX" or parse.tokens[j].text.startswith("-")):
        j -= 1
    if j >= 0 and parse.tokens[j].text == ",":
        j -= 1
    return j >= 0 and parse.tokens[j].text in {"»", "”", '"'}


def _previous_reporter_subject(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> int | None:
    """Return the subject of the report that precedes a subjectless one in its sentence.

    Covers coordination ("a reconnu que … et annoncé que") and non-finite tails ("…, se
    bornant à répéter que", "avant de préciser que"). The earlier reports are read right to
    left, each for a subject of its own, at most ``_CHAIN_LOOKBACK`` tokens back: a chain of
    subjectless reports costs a bounded walk per report, never a search over the chain.
    """
    sentence = parse.tokens[verb.head].sent
    for j in range(verb.first - 1, max(-1, verb.first - 1 - _CHAIN_LOOKBACK), -1):
        token = parse.tokens[j]
        if token.sent != sentence:
            return None
        if not _outside(parse, j, excluded) or token.pos != "VERB":
            continue
        earlier = reporting_verb_at(parse, j)
        if earlier is not None and earlier.head == j:
            subject = _own_subject(parse, earlier, excluded)
            if subject is not None:
                return subject.index
    return None


_NP_CLIMB_DEPS = {"nmod", "flat", "flat:name", "amod"}


def _subject_before(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> int | None:
    """Return the noun phrase right before the verb ("La ministre, Nadia Berthier, a dit").

    Skips auxiliaries, negation, adverbs, asides ("de son côté", "pour sa part") and one
    comma; lands on a name or a noun and climbs to the head of its noun phrase. A phrase
    introduced by a preposition or inside a relative clause is not a subject, but an aside
    between commas (", cité par l'agence Yonhap,") is stepped over.
    """
    sentence = parse.tokens[verb.head].sent
    j: int | None = verb.first - 1
    if parse.tokens[verb.head].morph.get("VerbForm") == "Inf" and verb.first >= 1 \
            and parse.tokens[verb.first - 1].text.lower() in {"de", "d'", "d’"}:
        j = verb.first - 2
    for _ in range(3):
        j = _skip_to_nominal(parse, j, sentence) if j is not None else None
        if j is None or not _outside(parse, j, excluded):
            return None
        head = _noun_phrase_head(parse, j, sentence)
        if head is None:
            return None
        start = parse.token_at(describe(parse, head).start)
        previous = parse.tokens[start - 1] if start > 0 else None
        blocked = previous is not None and previous.sent == sentence and (
            previous.pos in {"ADP", "VERB"} or previous.text.lower() in {"qui", "dont", "où"}
            or (previous.text.lower() in active_lexicon().que_forms and previous.pos == "PRON")
            or _inside_relative(parse, start, sentence))
        if not blocked:
            return head
        j = _comma_before(parse, start, sentence)
        if j is None:
            return None
    return None


def _skip_to_nominal(parse: Parse, j: int, sentence: int) -> int | None:
    """Step left over auxiliaries, negation, adverbs, asides and one comma.

    An aside between commas that cites a source or gives an age (", cité par Tass,", ", 84
    ans,") is stepped over whole.
    """
    commas = 0
    while j >= 0 and parse.tokens[j].sent == sentence:
        token = parse.tokens[j]
        aside = active_lexicon().aside_pattern.search(parse.text, max(0, token.end - 40), token.end)
        if aside is not None and aside.start() < token.end:
            j = parse.token_at(aside.start()) - 1
        elif token.pos in {"AUX", "ADV", "PART"} or token.text.lower() in active_lexicon().skipped_before_verb:
            j -= 1
        elif token.text == "," and commas == 0:
            commas += 1
            j -= 1
            citing = active_lexicon().citing_aside_pattern.search(parse.text, max(0, token.start - 80), token.start)
            if citing is not None:
                j = parse.token_at(citing.start()) - 1
                commas = 0
        else:
            return j
    return None


def _noun_phrase_head(parse: Parse, j: int, sentence: int) -> int | None:
    """Return the head of the noun phrase ending at ``j`` (a name's first token), or None.

    A participle the tagger left a verb but that is a subject after an article ("le prévenu",
    "les élus") is a noun.
    """
    run = name_run(parse, j)
    if run is not None and not _in_prepositional_phrase(parse, run[0]):
        return run[0]
    if run is not None:
        j = run[0] - 1
        while j > 0 and parse.tokens[j].pos in {"ADP", "DET"}:
            j -= 1
    while j > 0 and parse.tokens[j].pos == "ADJ" and parse.tokens[j - 1].sent == sentence:
        j -= 1
    nominalised = parse.tokens[j].pos == "VERB" and parse.tokens[j].dep in _SUBJECT_DEPS \
        and j > 0 and parse.tokens[j - 1].pos == "DET"
    if (parse.tokens[j].pos not in {"NOUN", "PROPN"} and not nominalised) or is_time_word(parse, j):
        return None
    while parse.tokens[j].dep in _NP_CLIMB_DEPS and parse.tokens[j].head < j \
            and parse.tokens[parse.tokens[j].head].pos in {"NOUN", "PROPN"}:
        j = parse.tokens[j].head
    return j


def _in_prepositional_phrase(parse: Parse, first: int) -> bool:
    """Return True when a name is the complement of a noun ("du Kremlin", "de l'ONU")."""
    j = first - 1
    if j >= 0 and parse.tokens[j].pos == "DET":
        j -= 1
    return j >= 1 and parse.tokens[j].pos == "ADP" and parse.tokens[j - 1].pos in {"NOUN", "ADJ", "PROPN"}


def _inside_relative(parse: Parse, start: int, sentence: int) -> bool:
    """Return True when token ``start`` sits in an aside between commas: a relative clause
    (", qui a requis l'anonymat,") or a participle phrase (", chargé de préparer le texte,",
    ", aujourd'hui âgé de 21 ans,")."""
    for k in range(start - 1, max(-1, start - 10), -1):
        token = parse.tokens[k]
        if token.sent != sentence or token.text == ",":
            return False
        if token.text.lower() in {"qui", "dont", "lequel", "laquelle"}:
            return True
        participle = token.morph.get("VerbForm") == "Part" and token.morph.get("Tense") == "Past"
        if participle and k > 0 and parse.tokens[k - 1].text in {",", "aujourd'hui", "désormais", "alors"}:
            return True
    return False


def _comma_before(parse: Parse, start: int, sentence: int) -> int | None:
    """Return the token before the comma that opens the aside holding token ``start``."""
    for k in range(start - 1, max(-1, start - 10), -1):
        if parse.tokens[k].sent != sentence:
            return None
        if parse.tokens[k].text == ",":
            return k - 1
    return None


def _skip_phrase(parse: Parse, j: int, sentence: int) -> int:
    """Return the index after the noun phrase of a prepositional phrase.

    "à l'agence Tass" is skipped whole (a common noun and its name); "à l'AFP" stops after
    the name, so that "à l'AFP Julien Marchal" leaves the speaker's name in place, unless an
    article follows the name run: "sur Public Sénat le vice-président" skips "Public Sénat".
    """
    def inside(k: int) -> bool:
        """Return True while ``k`` is a token of the sentence."""
        return k < len(parse.tokens) and parse.tokens[k].sent == sentence

    while inside(j) and parse.tokens[j].pos == "DET":
        j += 1
    if not inside(j):
        return j
    if parse.tokens[j].pos in {"PROPN", "NUM"}:
        run = name_run(parse, j)
        after = run[-1] + 1 if run is not None else j + 1
        return after if inside(after) and parse.tokens[after].pos == "DET" else j + 1
    while inside(j) and parse.tokens[j].pos in {"NOUN", "ADJ"}:
        j += 1
    while inside(j) and parse.tokens[j].pos in {"PROPN", "NUM"}:
        j += 1
    return j


def _first_bare_nominal(parse: Parse, verb: VerbMatch, excluded: tuple[int, int]) -> int | None:
    """Return the first noun or name after the verb that no preposition introduces."""
    sentence = parse.tokens[verb.head].sent
    j = verb.last + 1
    while j < len(parse.tokens) and parse.tokens[j].sent == sentence and j <= verb.last + 12:
        token = parse.tokens[j]
        if token.text in {".", "«", "»", ";", ":"} or token.pos in {"SCONJ", "VERB", "AUX"} \
                or token.text.lower() in active_lexicon().que_forms or not _outside(parse, j, excluded):
            return None
        if token.pos == "ADP":
            j = _skip_phrase(parse, j + 1, sentence)
            continue
        run = name_run(parse, j)
        if run is not None:
            return run[0]
        if token.pos in {"NOUN", "PROPN"} and not is_time_word(parse, j) and token.text not in active_lexicon().honorifics:
            return j
        j += 1
    return None


def selon_head(parse: Parse, index: int, last: int) -> int | None:
    """Return the head of the noun phrase after "selon" / "après" / "pour" at token ``index``.

    A name is returned by its first token; honorifics are stepped over; a comma before any
    noun means there is no noun phrase. A speech noun gives way to its author ("selon un
    communiqué de la police" → "police"). ``last`` is the last token that may be read.
    """
    for j in range(index + 1, min(index + 8, last + 1)):
        token = parse.tokens[j]
        if token.text == ",":
            return None
        run = name_run(parse, j)
        if run is not None:
            return run[0]
        if token.pos in {"PROPN", "NOUN", "PRON"} and token.text not in active_lexicon().honorifics:
            return _author_of(parse, j, last) if token.lemma.lower() in active_lexicon().speech_nouns else j
    return None


def _author_of(parse: Parse, noun: int, last: int) -> int:
    """Return the head of "de X" after a speech noun ("un communiqué de la police"), or the noun."""
    k = noun + 1
    while k <= last and parse.tokens[k].pos == "ADJ":
        k += 1
    if k > last or parse.tokens[k].text.lower() not in active_lexicon().de_forms:
        return noun
    author = selon_head(parse, k, last)
    return noun if author is None else author


def resolve(parse: Parse, head: int, table: EntityTable, preferred: list[str],
            excluded: frozenset[str] = frozenset()) -> ResolvedSpeaker:
    """Return the speaker a subject head refers to, resolving pronouns and descriptions.

    A pronoun never resolves to a person in ``excluded``.
    """
    token = parse.tokens[head]
    if active_lexicon().pronoun_pattern.match(token.text) or (token.pos == "PRON" and name_run(parse, head) is None):
        mention = pronoun_mention(parse, head) if active_lexicon().pronoun_pattern.match(token.text) else describe(parse, head)
        name = table.resolve_pronoun(mention.start, token.sent, mention.gender, preferred, excluded)
        if name is None:
            return ResolvedSpeaker(mention, mention.name, None, "pronoun", "unresolved")
        return ResolvedSpeaker(mention, name, table.role_of(name), "person", "pronoun_antecedent")
    mention = describe(parse, head)
    if mention.named:
        full = table.full_name(mention.name)
        if mention.kind == "organization":
            return ResolvedSpeaker(mention, mention.name, mention.role, "organization", "organization")
        return ResolvedSpeaker(mention, full, mention.role or table.role_of(full), "person", "named")
    if mention.kind == "organization":
        return ResolvedSpeaker(mention, mention.name, None, "organization", "organization")
    words = content_words(parse, mention.start, mention.end)
    name = table.resolve_description(words, token.lemma.lower(), mention.start)
    if name is None:
        return ResolvedSpeaker(mention, mention.name, None, "description", "unresolved")
    return ResolvedSpeaker(mention, name, active_lexicon().leading_article_pattern.sub("", mention.name), "person", "description_to_name")
