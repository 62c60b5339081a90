"""Reported speech without quote marks, and mixed quotes.

Finds: a reporting verb with a "que" clause ("a déclaré que …"), with an infinitive
complement ("a dit voir …"), "selon X, …" / "d'après X, …" / "pour X, …" and an inverted
incise after unquoted words ("…, a indiqué le ministère"). A clause that holds a « quoted
fragment » is a mixed quote; a relaying verb whose clause holds another report ("Reuters
rapporte qu'Ouchakov a déclaré que …") gives one quote, the relay's outlet leading its chain.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from quoteattr.attribution.completion import complete, recent_speakers
from quoteattr.attribution.context import DocumentContext
from quoteattr.attribution.findings import Finding
from quoteattr.attribution.mentions import is_person_noun, is_time_word, name_run
from quoteattr.attribution.speakers import find_subject, main_clause_verb, resolve, selon_head, subject_of
from quoteattr.attribution.verbs import VerbMatch, negated, reporting_verb_at
from quoteattr.lexicons import active_lexicon
from quoteattr.parse.base import Parse, Token

CueFound = tuple[str, int, tuple[int, int]]
"""A cue without a verb: the rule that found it, the speaker's head token, the clause span."""

_SENTENCE_BREAK = regex.compile(r"(?<!\b[A-Z])[.!?…][»”\"]?\s+(?=[«“\"\p{Lu}])")
_COLON_BREAK = regex.compile(r"\s*:\s*(?=[«“\"\n])")
_QUE_AHEAD = regex.compile(r"\bqu(?:e\b|['’])", regex.IGNORECASE)
_CLAUSE_PUNCT = " \t\n\r\u00a0\u202f.;:!?,…"
_DASHES = {"-", "–", "—"}
_ADVERBIAL_WORDS = 8
_NESTING_WINDOW = 8
_OBJECT_MIN_WORDS = 4


def _window(parse: Parse, index: int, size: int) -> list[Token]:
    """Return up to ``size`` tokens after token ``index``, never past the end of its sentence."""
    sentence = parse.tokens[index].sent
    return [t for t in parse.tokens[index + 1:index + 1 + size] if t.sent == sentence]


def _trim(ctx: DocumentContext, start: int, end: int) -> tuple[int, int]:
    """Cut a trailing relay or incise off a clause and strip its final punctuation."""
    for cue in active_lexicon().trailing_cue_pattern.finditer(ctx.text, start, end):
        if not _QUE_AHEAD.search(ctx.text, cue.end(), end):
            end = cue.start()
            break
    while end > start and ctx.text[end - 1] in _CLAUSE_PUNCT:
        end -= 1
    while start < end and ctx.text[start] in _CLAUSE_PUNCT:
        start += 1
    return start, end


def _first_break(ctx: DocumentContext, start: int, end: int) -> int:
    """Return where a clause must end at the latest: a sentence end the parser missed, or a
    colon that opens a quotation.
    """
    for pattern in (_SENTENCE_BREAK, _COLON_BREAK):
        found = pattern.search(ctx.text, start, end)
        if found is not None:
            end = found.start() + 1 if pattern is _SENTENCE_BREAK else found.start()
    return end


def _paragraph_bound(ctx: DocumentContext, start: int, end: int) -> int:
    """Return ``end``, or the end of the paragraph holding ``start`` when that comes first."""
    paragraph = ctx.paragraphs[ctx.paragraph_index(start)]
    return min(end, paragraph.end) if paragraph.start <= start else end


def _subtree_end(ctx: DocumentContext, head: int, sentence: int) -> int:
    """Return the end offset of ``head``'s subtree, within its sentence."""
    parse = ctx.parse
    last = max(i for i in parse.subtree(head) if parse.tokens[i].sent == sentence)
    return parse.tokens[last].end


def _cut_coordination(ctx: DocumentContext, first: int, end: int) -> int:
    """Return where a reported clause ends, before what is no longer reported.

    Cuts before a second report coordinated to the first ("… et annoncé que"), once the
    clause already has its own finite verb, and before a participial or adverbial tail
    (", se contentant de …", ", renvoyant …", ", alors que …").
    """
    parse = ctx.parse
    has_predicate = False
    k = first
    while k < len(parse.tokens) and parse.tokens[k].start < end:
        token = parse.tokens[k]
        if token.pos in {"VERB", "AUX"} and token.morph.get("VerbForm") == "Fin":
            has_predicate = True
        if token.text in {"et", ","} and token.pos in {"CCONJ", "PUNCT"}:
            j = k + 1
            while j < len(parse.tokens) and (parse.tokens[j].pos in {"AUX", "ADV"} or parse.tokens[j].text in {"et", "a"}):
                j += 1
            if has_predicate and j < len(parse.tokens) and parse.tokens[j].pos == "VERB" \
                    and reporting_verb_at(parse, j) is not None and parse.tokens[j].start < end \
                    and any(t.text.lower() in active_lexicon().que_tokens for t in _window(parse, j, 3)):
                return token.start
            if token.text == "," and _tail_starts(parse, k + 1) and not ctx.in_quote(token.start):
                return token.start
        k += 1
    return end


def _tail_starts(parse: Parse, index: int) -> bool:
    """Return True when a participial or adverbial tail starts at ``index``."""
    if index >= len(parse.tokens):
        return False
    j = index
    if parse.tokens[j].text.lower() in {"se", "s'", "s’", "en"}:
        j += 1
    if j < len(parse.tokens):
        token = parse.tokens[j]
        if token.pos in {"VERB", "AUX"} and token.morph.get("VerbForm") == "Part" \
                and token.morph.get("Tense") == "Pres":
            return True
    words = parse.text[parse.tokens[index].start:parse.tokens[index].start + 20].lower()
    if words.startswith("mais ") and not words.startswith(("mais qu", "mais que")):
        return _finite_before_comma(parse, index + 1)
    return words.startswith(("alors qu", "tandis qu", "ni ", "avant de", "avant d'", "sans ", "afin de",
                             "tout en ", "contrairement", "au moment où", "pendant qu"))


def _finite_before_comma(parse: Parse, index: int) -> bool:
    """Return True when a finite verb comes before the next comma or sentence end."""
    k = index
    while k < len(parse.tokens) and parse.tokens[k].text not in {",", ".", ";", ":"}:
        if parse.tokens[k].pos in {"VERB", "AUX"} and parse.tokens[k].morph.get("VerbForm") == "Fin":
            return True
        k += 1
    return False


def _infinitive_after(parse: Parse, verb: VerbMatch, sentence: int) -> int | None:
    """Return the first token of an infinitive that follows the verb past adverbs and a
    phrase like "à la BBC" ("a contesté mardi avoir favorisé", "a dit à la BBC n'avoir").

    A determiner outside such a phrase opens the verb's object, and an infinitive after it
    belongs to that noun ("indiquent leur peu d'intérêt à participer").
    """
    k = verb.last + 1
    in_phrase = False
    while k < len(parse.tokens) and k <= verb.last + 7 and parse.tokens[k].sent == sentence:
        token = parse.tokens[k]
        if token.morph.get("VerbForm") == "Inf" and token.pos in {"VERB", "AUX"}:
            start = k
            while start - 1 > verb.last and parse.tokens[start - 1].text.lower() in active_lexicon().infinitive_clitics:
                start -= 1
            return start
        in_phrase = in_phrase or token.pos == "ADP"
        if token.pos == "DET" and not in_phrase:
            return None
        if token.pos in {"ADV", "ADP", "DET", "PROPN"} or token.text == "," or is_time_word(parse, k) \
                or token.text.lower() in {"n'", "n’", "ne", "s'", "s’", "se"} \
                or (token.pos == "NOUN" and k > 0 and parse.tokens[k - 1].pos in {"DET", "ADP"}):
            k += 1
            continue
        return None
    return None


def _directive_clause(ctx: DocumentContext, verb: VerbMatch) -> tuple[int, int] | None:
    """Return the span after "à" / "de" of a directive ("a appelé les Français à « … »")."""
    parse = ctx.parse
    if verb.entry.stance != "directive" and verb.entry.lemma not in active_lexicon().infinitive_verbs:
        return None
    sentence = parse.tokens[verb.head].sent
    for k in range(verb.last + 1, min(verb.last + 8, len(parse.tokens))):
        token = parse.tokens[k]
        if token.sent != sentence or token.text in {".", ";", ":", ","} or token.pos == "VERB":
            return None
        if token.text.lower() in {"à", "de", "d'", "d’"} and k + 1 < len(parse.tokens):
            j = k + 1
            while j < len(parse.tokens) and (parse.tokens[j].text in {"«", "“", '"'} or parse.tokens[j].pos in {"ADV", "PRON"}):
                j += 1
            if j < len(parse.tokens) and parse.tokens[j].pos in {"VERB", "AUX"} \
                    and parse.tokens[j].morph.get("VerbForm") == "Inf":
                end = _cut_coordination(ctx, j + 1, parse.sentences[sentence].end)
                return _trim(ctx, parse.tokens[k + 1].start, end)
            return None
    return None


def _complementiser(parse: Parse, k: int, verb: VerbMatch) -> bool:
    """Return True when the "que" at token ``k`` opens the verb's complement clause.

    It does not after a comparative ("plus … que", but "plus tard que" is a time), inside a
    conjunction ("ainsi que", "alors que", "bien que", "pour que", "afin que", "vu que"), after
    "le fait" or "ce", nor as the relative pronoun of the verb's object ("présente des
    activités qu'il entend organiser"; "a dit à des proches que", "a averti Kiev que" are
    addressees).
    """
    token = parse.tokens[k]
    previous = parse.tokens[k - 1].text.lower()
    if previous in active_lexicon().conjunction_heads:
        return False
    if token.pos == "PRON" and parse.tokens[token.head].dep.startswith("acl") and any(
            _thing_object(parse, j, verb) for j in range(verb.last + 1, k)):
        return False
    for j in range(max(verb.last + 1, k - 3), k):
        word = parse.tokens[j].text.lower()
        following = parse.tokens[j + 1].text.lower()
        if word in active_lexicon().comparatives and parse.tokens[j - 1].text.lower() != "pour" \
                and not (word == "plus" and following in {"tard", "tôt"}):
            return False
    return True


def _thing_object(parse: Parse, index: int, verb: VerbMatch) -> bool:
    """Return True when token ``index`` is the verb's object and names a thing, not someone
    told ("présente des activités", but "a averti Kiev", "a prévenu les habitants")."""
    token = parse.tokens[index]
    if verb.entry.lemma in active_lexicon().addressee_verbs:
        return False
    return token.dep == "obj" and token.head in {verb.head, verb.first, verb.last} and token.pos == "NOUN" \
        and token.ent != "PER" and not is_person_noun(token.lemma) and not is_person_noun(token.text) \
        and not is_time_word(parse, index) and token.lemma.lower() not in active_lexicon().content_nouns


def _que_clause(ctx: DocumentContext, verb: VerbMatch) -> tuple[int, int] | None:
    """Return the span of the "que" clause governed by ``verb``."""
    parse = ctx.parse
    sentence = parse.tokens[verb.head].sent
    sentence_end = parse.sentences[sentence].end
    for k in range(verb.last + 1, min(verb.last + 16, len(parse.tokens))):
        token = parse.tokens[k]
        if token.sent != sentence or token.text in {".", "«", ";", ":"}:
            return None
        if token.text.lower() in active_lexicon().que_tokens and token.pos in {"SCONJ", "PRON", "ADV"}:
            after = k + 1
            if token.text.lower() == "qu" and after < len(parse.tokens) and parse.tokens[after].text in {"'", "’"}:
                after += 1
            if after >= len(parse.tokens) or parse.tokens[after].sent != sentence \
                    or not _complementiser(parse, k, verb):
                return None
            start = parse.tokens[after].start
            end = _first_break(ctx, start, _paragraph_bound(ctx, start, sentence_end))
            end = _cut_coordination(ctx, after + 1, _participle_clause_end(ctx, verb, end))
            return _trim(ctx, start, end)
        if token.pos == "VERB" and token.morph.get("VerbForm") != "Part" and reporting_verb_at(parse, k) is None:
            return None
        if token.pos == "VERB" and reporting_verb_at(parse, k) is not None \
                and ((token.morph.get("Tense") != "Pres" and not _bare_participle(parse, k))
                     or token.morph.get("VerbForm") == "Part"):
            return None
    return None


def _participle_clause_end(ctx: DocumentContext, verb: VerbMatch, end: int) -> int:
    """Return where the clause of a participle report ends, before the main clause it
    qualifies: "Estimant que la loi est injuste, le député a voté contre" ends at "injuste",
    "Les riverains, affirmant que …, ont déposé plainte" before ", ont".

    The cut is at the first comma outside quotes followed by a finite verb with at most a
    subject noun phrase or clitic before it; any other verb keeps ``end``.
    """
    parse = ctx.parse
    token = parse.tokens[verb.head]
    if token.pos != "VERB" or token.morph.get("VerbForm") != "Part" or token.morph.get("Tense") != "Pres":
        return end
    k = verb.last + 1
    while k < len(parse.tokens) and parse.tokens[k].start < end:
        if parse.tokens[k].text == "," and not ctx.in_quote(parse.tokens[k].start) \
                and main_clause_verb(parse, k + 1) is not None:
            return parse.tokens[k].start
        k += 1
    return end


def _infinitive_clause(ctx: DocumentContext, verb: VerbMatch) -> tuple[int, int] | None:
    """Return the span of an infinitive complement ("a dit voir des perspectives")."""
    parse = ctx.parse
    if verb.entry.lemma not in active_lexicon().infinitive_verbs:
        return None
    sentence = parse.tokens[verb.head].sent
    following = _infinitive_after(parse, verb, sentence)
    if following is not None:
        end = _cut_coordination(ctx, following + 1, parse.sentences[sentence].end)
        return _trim(ctx, parse.tokens[following].start, end)
    for child in parse.children[verb.head]:
        token = parse.tokens[child]
        infinitive = token.morph.get("VerbForm") == "Inf" or any(
            parse.tokens[c].pos == "AUX" and parse.tokens[c].morph.get("VerbForm") == "Inf"
            for c in parse.children[child])
        if token.dep == "xcomp" and token.pos == "VERB" and infinitive \
                and child > verb.last and child - verb.last <= 5:
            pieces = [i for i in parse.subtree(child) if (parse.tokens[i].sent == sentence
                      and parse.tokens[i].text.lower() not in {"de", "d'", "d’"}) or i >= child]
            first = min(i for i in pieces if i > verb.last)
            end = _cut_coordination(ctx, child + 1, _subtree_end(ctx, child, sentence))
            return _trim(ctx, parse.tokens[first].start, end)
    return None


def _comme_incise(ctx: DocumentContext, verb: VerbMatch) -> tuple[int, int] | None:
    """Return the clause that a "comme" incise attributes.

    "Comme l'a rappelé X, les hôpitaux manquent …" attributes the clause after the incise;
    "l'armée ne va pas quitter la région comme le précise X" the clause before "comme",
    from its sentence start or, after a fronted subordinate clause, from the last comma.
    """
    parse = ctx.parse
    j = verb.first - 1
    while j >= 0 and (parse.tokens[j].pos == "AUX" or parse.tokens[j].text.lower() in active_lexicon().comme_clitics):
        j -= 1
    if j < 0 or parse.tokens[j].text.lower() != "comme" or j == verb.first - 1:
        return None
    sentence = parse.tokens[verb.head].sent
    bounds = parse.sentences[sentence]
    if j == bounds.first or _opens_clause(parse, j):
        comma = _np_comma(parse, verb.last, bounds.last)
        if comma is None:
            return None
        span = _clause_after(ctx, _skip_apposition(parse, comma, bounds.last), bounds.end)
    else:
        end = parse.tokens[j - 1].start if parse.tokens[j - 1].text == "," else parse.tokens[j].start
        start = max(bounds.start, ctx.paragraphs[ctx.paragraph_index(parse.tokens[j].start)].start)
        for k in reversed(parse.tokens_between(start, end)):
            if parse.tokens[k].text == "," and _main_clause(parse, (parse.tokens[k].end, end)):
                start = parse.tokens[k].end
                break
        span = _trim(ctx, start, end)
    if span is None or not _has_finite_verb(parse, span):
        return None
    return span


def _main_clause(parse: Parse, span: tuple[int, int]) -> bool:
    """Return True when ``span`` opens with a noun phrase and holds a finite verb ("l'armée ne
    va pas …"): a clause that can stand on its own after a fronted subordinate one."""
    indices = list(parse.tokens_between(*span))
    if len(indices) < _OBJECT_MIN_WORDS or parse.tokens[indices[0]].pos not in {"DET", "PROPN", "NOUN"}:
        return False
    return _has_finite_verb(parse, span)


def _predicative_report(ctx: DocumentContext, verb: VerbMatch) -> tuple[int, int] | None:
    """Return the adjective phrase of "X s'est dit inquiet de …", "se disent prêts à …"."""
    parse = ctx.parse
    if verb.entry.lemma not in {"se dire", "se déclarer"}:
        return None
    sentence = parse.tokens[verb.head].sent
    k = verb.last + 1
    while k < len(parse.tokens) and parse.tokens[k].pos == "ADV" and k <= verb.last + 3:
        k += 1
    if k >= len(parse.tokens) or parse.tokens[k].sent != sentence:
        return None
    token = parse.tokens[k]
    if not (token.pos == "ADJ" or (token.pos == "VERB" and token.morph.get("VerbForm") == "Part")):
        return None
    first = verb.last + 1
    start = parse.tokens[first].start
    end = _first_break(ctx, start, _paragraph_bound(ctx, start, parse.sentences[sentence].end))
    return _trim(ctx, start, _cut_coordination(ctx, k + 1, end))


def _finite_report(parse: Parse, verb: VerbMatch) -> bool:
    """Return True for a finite reporting verb or a participle with its auxiliary."""
    token = parse.tokens[verb.head]
    if token.pos != "VERB":
        return False
    if token.morph.get("VerbForm") == "Fin":
        return True
    return token.morph.get("VerbForm") == "Part" and any(
        parse.tokens[c].dep == "aux:tense" for c in parse.children[verb.head])


def _object_start(parse: Parse, verb: VerbMatch, sentence: int) -> int | None:
    """Return the first token of a noun phrase object after the verb, past adverbs and a day.

    "estimer" takes its content as "à <number> <noun phrase>" ("estime à 75 000 le nombre
    de …"); the span starts at "à".
    """
    k = verb.last + 1
    while k < len(parse.tokens) and parse.tokens[k].sent == sentence and k <= verb.last + 4 and (
            parse.tokens[k].pos == "ADV" or is_time_word(parse, k)):
        k += 1
    if k >= len(parse.tokens) or parse.tokens[k].sent != sentence:
        return None
    if verb.entry.lemma == "estimer":
        following = parse.tokens[k + 1] if k + 1 < len(parse.tokens) else None
        if parse.tokens[k].text.lower() == "à" and following is not None and following.text[:1].isdigit():
            return k
        return None
    if parse.tokens[k].pos not in {"DET", "NOUN", "PROPN", "NUM", "ADJ"}:
        return None
    for j in range(k, min(k + 5, len(parse.tokens))):
        token = parse.tokens[j]
        if token.pos in {"NOUN", "PROPN"}:
            governed = token.dep == "obj" and token.head in {verb.head, verb.first, verb.last}
            lemma = token.lemma.lower()
            content = lemma not in active_lexicon().speech_nouns and lemma not in active_lexicon().anaphoric_nouns \
                and not is_time_word(parse, j)
            return k if governed and content else None
        if token.pos not in {"DET", "NUM", "ADJ", "ADV"}:
            return None
    return None


def _object_clause(ctx: DocumentContext, verb: VerbMatch) -> tuple[int, int] | None:
    """Return the span of a noun phrase that is the report's content.

    "la direction a confirmé mardi un plan de départs", "les syndicats ont annoncé le boycott
    des instances", "la CGT estime à 75 000 le nombre d'emplois menacés": for verbs whose
    object is what was said, the object and the rest of its clause are the reported words.
    """
    parse = ctx.parse
    if verb.entry.lemma not in active_lexicon().object_verbs or not _finite_report(parse, verb) \
            or ctx.in_quote(parse.tokens[verb.head].start) or negated(parse, verb.head):
        return None
    sentence = parse.tokens[verb.head].sent
    first = _object_start(parse, verb, sentence)
    if first is None:
        return None
    start = parse.tokens[first].start
    end = _first_break(ctx, start, _paragraph_bound(ctx, start, parse.sentences[sentence].end))
    end = _cut_coordination(ctx, first + 1, end)
    start, end = _trim(ctx, start, end)
    words = [i for i in parse.tokens_between(start, end) if parse.tokens[i].pos != "PUNCT"]
    if len(words) < _OBJECT_MIN_WORDS or _ends_at_colon_cue(ctx, (start, end), parse.sentences[sentence].end):
        return None
    return start, end


def _incise_first(parse: Parse, verb: VerbMatch) -> int:
    """Return the first token of an incise verb with its auxiliaries ("a indiqué")."""
    first = verb.first
    while first > 0 and parse.tokens[first - 1].pos == "AUX":
        first -= 1
    return first


def _subject_excluded(parse: Parse, rule: str, verb: VerbMatch, span: tuple[int, int]) -> tuple[int, int]:
    """Return the stretch a report's subject may not come from: its words, and for an inverted
    incise everything up to the incise ("…, rapporte Reuters, a déclaré le ministre": the
    minister, not Reuters, utters the words)."""
    if rule != "inverted_incise":
        return span
    return span[0], parse.tokens[_incise_first(parse, verb) - 1].start


def _inverted_incise(ctx: DocumentContext, verb: VerbMatch) -> tuple[int, int] | None:
    """Return the unquoted words before an inverted incise ("…, a indiqué le ministère")."""
    parse = ctx.parse
    first = _incise_first(parse, verb)
    if first == 0 or parse.tokens[first - 1].text != ",":
        return None
    following = _window(parse, verb.last, 5)
    if any(t.text.lower() in active_lexicon().que_tokens or (t.pos == "VERB" and t.morph.get("VerbForm") == "Inf") for t in following):
        return None
    sentence = parse.sentences[parse.tokens[verb.head].sent]
    paragraph = ctx.paragraphs[ctx.paragraph_index(parse.tokens[first].start)]
    start = max(sentence.start, paragraph.start)
    end = parse.tokens[first - 1].start
    subject = subject_of(parse, verb, (start, end))
    if subject is None or (subject < verb.last and not parse.tokens[subject].text.startswith("-")):
        return None
    content = range(parse.token_at(start), first - 1)
    if len(content) < 4 or ctx.text[start] in "«“\"" or not any(
            parse.tokens[i].pos in {"VERB", "AUX"} and parse.tokens[i].morph.get("VerbForm") == "Fin"
            for i in content):
        return None
    for i in content:
        if parse.tokens[i].pos == "VERB" and reporting_verb_at(parse, i) is not None and any(
                t.text.lower() in active_lexicon().que_tokens for t in _window(parse, i, 4)):
            return None
    return _trim(ctx, start, end)


def _selon_clause(ctx: DocumentContext, index: int) -> CueFound | None:
    """Return (rule, speaker head, clause span) for a "selon X" cue at ``index``.

    Three places: opening its clause ("Selon X, …", also after a dateline dash), closing it
    ("…, selon X." and, in a headline, "… selon X"), or between commas inside it ("En février,
    selon X, le réseau …"), where the clause after it is the reported one.
    """
    parse = ctx.parse
    token = parse.tokens[index]
    word = token.text.lower()
    if word not in active_lexicon().opinion_prepositions or (word == "après" and parse.tokens[index - 1].text.lower() not in {"d'", "d’"}):
        return None
    sentence = parse.sentences[token.sent]
    head = selon_head(parse, index, sentence.last)
    if head is None:
        return None
    first = index - 1 if word == "après" else index
    if word == "pour" and not _personal(ctx, head):
        return None
    comma = _np_comma(parse, index, sentence.last)
    if comma is not None:
        comma = _skip_apposition(parse, comma, sentence.last)
    if first == sentence.first or _opens_clause(parse, first):
        if comma is None:
            return None
        span = _clause_after(ctx, comma, sentence.end)
        if span is None or (word == "pour" and _ends_at_colon_cue(ctx, span, sentence.end)
                            and not _has_finite_verb(parse, span)):
            return None
        return "selon_clause", head, span
    if word == "pour":
        return None
    closing = comma is None or _apposition_tail(parse, comma + 1, sentence.last)
    if parse.tokens[first - 1].text == ",":
        start = _clause_start(ctx, first, sentence.start)
        before = (start, parse.tokens[first - 1].start)
        if first > 1 and parse.tokens[first - 2].text.lower() in active_lexicon().not_before_parenthetical:
            return None
        if closing or comma is None:
            return _closing_selon(ctx, head, before)
        parenthetical = _parenthetical_selon(ctx, head, before, comma, sentence.end)
        return None if parenthetical is None else ("selon_parenthetical", *parenthetical)
    if closing and comma is None and _personal(ctx, head):
        return _closing_selon(ctx, head, (_clause_start(ctx, first, sentence.start), parse.tokens[first].start))
    return None


def _apposition_tail(parse: Parse, first: int, last: int) -> bool:
    """Return True when tokens ``first`` to ``last`` only add to a noun phrase before them: an
    apposition (", Claire Vasseur", ", ministre du Travail") or a source (", citant Tass")."""
    if first > last:
        return True
    token = parse.tokens[first]
    if token.pos not in {"DET", "NOUN", "ADJ", "PROPN", "NUM"} and name_run(parse, first) is None \
            and token.text.lower() not in active_lexicon().citing_forms:
        return False
    return not any(parse.tokens[i].pos in {"VERB", "AUX"} and parse.tokens[i].morph.get("VerbForm") == "Fin"
                   for i in range(first, last + 1))


def _clause_after(ctx: DocumentContext, comma: int, sentence_end: int) -> tuple[int, int] | None:
    """Return the reported clause after the comma that closes a "selon X" noun phrase."""
    parse = ctx.parse
    end = _paragraph_bound(ctx, parse.tokens[comma].end, sentence_end)
    end = _first_break(ctx, parse.tokens[comma].end, end)
    if _holds_report(parse, comma + 1, end):
        return None
    return _trim(ctx, parse.tokens[comma].end, end)


def _clause_start(ctx: DocumentContext, first: int, sentence_start: int) -> int:
    """Return where the clause before a cue at token ``first`` starts: its sentence, its
    paragraph, or after a headline's colon ("Chômage : le nombre … selon la CGT")."""
    parse = ctx.parse
    start = max(sentence_start, ctx.paragraphs[ctx.paragraph_index(parse.tokens[first].start)].start)
    colon = ctx.text.rfind(":", start, parse.tokens[first].start)
    if colon >= 0 and not ctx.in_quote(colon):
        start = colon + 1
    return start


def _closing_selon(ctx: DocumentContext, head: int, before: tuple[int, int]) -> CueFound | None:
    """Return the clause that a closing "selon X" attributes, unless it holds its own report."""
    parse = ctx.parse
    start, end = before
    if _holds_report(parse, parse.token_at(start), end) or any(
            _reports_itself(parse, i) for i in parse.tokens_between(start, end)):
        return None
    span = _trim(ctx, start, end)
    return ("selon_clause", head, span) if _has_finite_verb(parse, span) else None


def _reports_itself(parse: Parse, index: int) -> bool:
    """Return True for an active reporting verb with a tense ("a déclaré", "indique"), not a
    passive ("ont été interpellés") or an adjectival participle ("les emplois menacés")."""
    match = reporting_verb_at(parse, index)
    return match is not None and match.head == index and _finite_report(parse, match) \
        and not _passive(parse, index)


def _parenthetical_selon(ctx: DocumentContext, head: int, before: tuple[int, int], comma: int,
                         sentence_end: int) -> tuple[int, tuple[int, int]] | None:
    """Return the clause after ", selon X," when only an adverbial comes before it.

    "En février 2009, selon le groupe, le réseau comptait …" reports the clause after the
    cue. After more than a short adverbial — a relative pronoun, a conjunction, "que" or a
    finite verb ("la déesse qui, selon la légende, …", "… ou, selon les tribunaux, …") — the
    cue qualifies part of a sentence that is no report.
    """
    parse = ctx.parse
    words = [i for i in parse.tokens_between(*before) if parse.tokens[i].pos != "PUNCT"]
    if not words or len(words) > _ADVERBIAL_WORDS or parse.tokens[words[-1]].pos in {"CCONJ", "PRON", "SCONJ"} \
            or any(parse.tokens[i].text.lower() in active_lexicon().not_before_parenthetical for i in words) \
            or _has_finite_verb(parse, before):
        return None
    span = _clause_after(ctx, comma, sentence_end)
    if span is None or not _has_finite_verb(parse, span):
        return None
    return head, span


def _has_finite_verb(parse: Parse, span: tuple[int, int]) -> bool:
    """Return True when a finite verb lies in the character range ``span``."""
    return any(parse.tokens[i].pos in {"VERB", "AUX"} and parse.tokens[i].morph.get("VerbForm") == "Fin"
               for i in parse.tokens_between(*span))


def _ends_at_colon_cue(ctx: DocumentContext, span: tuple[int, int], sentence_end: int) -> bool:
    """Return True when a colon that opens a quotation follows ``span`` ("Pour X, son chef : « … »")."""
    return _COLON_BREAK.match(ctx.text, span[1], min(len(ctx.text), sentence_end + 1)) is not None \
        or _COLON_BREAK.match(ctx.text, span[1] + 1, min(len(ctx.text), sentence_end + 1)) is not None


def _pour_qui(ctx: DocumentContext, index: int) -> CueFound | None:
    """Return (rule, speaker head, clause span) for "X, pour qui …" at the token "pour" ``index``.

    The speaker is the person or body before "pour"; the clause runs from after "qui" (and a
    ", selon ses sources," right after it) to the end of the sentence.
    """
    parse = ctx.parse
    if index + 2 >= len(parse.tokens) or index == 0 or parse.tokens[index].text.lower() != "pour" \
            or parse.tokens[index + 1].text.lower() != "qui":
        return None
    sentence = parse.tokens[index].sent
    j = index - 1
    if parse.tokens[j].text == ",":
        j -= 1
    if j < 0 or parse.tokens[j].sent != sentence:
        return None
    run = name_run(parse, j)
    head = run[0] if run is not None else j
    if (parse.tokens[head].pos not in {"NOUN", "PROPN"} and run is None) or not _personal(ctx, head):
        return None
    first = index + 2
    if parse.tokens[first].text == ",":
        closing = next((k for k in range(first + 1, min(first + 10, len(parse.tokens)))
                        if parse.tokens[k].text == ","), None)
        if closing is None or _has_finite_verb(parse, (parse.tokens[first].end, parse.tokens[closing].start)):
            return None
        first = closing + 1
    if first >= len(parse.tokens) or parse.tokens[first].sent != sentence:
        return None
    start = parse.tokens[first].start
    sentence_end = parse.sentences[sentence].end
    end = _first_break(ctx, start, _paragraph_bound(ctx, start, sentence_end))
    end = _cut_coordination(ctx, first + 1, end)
    span = _trim(ctx, start, end)
    return ("pour_qui", head, span) if _has_finite_verb(parse, span) else None


def _holds_report(parse: Parse, first: int, end: int) -> bool:
    """Return True when a clause holds a reporting verb with its own speaker or colon cue."""
    k = first
    while k < len(parse.tokens) and parse.tokens[k].start < end:
        if parse.tokens[k].pos == "VERB" and reporting_verb_at(parse, k) is not None:
            following = _window(parse, k, 5)
            if any(t.text.lower() in active_lexicon().que_tokens or t.text == ":" for t in following):
                return True
        k += 1
    return False


def _opens_clause(parse: Parse, index: int) -> bool:
    """Return True when ``index`` follows a colon, a line start (a headline "Selon X, …") or a
    dateline's dash ("5 juillet 2012. - Selon X, …")."""
    previous = parse.tokens[index - 1] if index > 0 else None
    if previous is not None and previous.text in _DASHES and index > 1:
        before = parse.tokens[index - 2]
        if before.text[-1:] in {".", ":"} or "\n" in parse.text[before.end:previous.start]:
            return True
    return previous is None or previous.text[-1:] in {":", "\n", ".", "!", "?", "…", ";", "»"} \
        or "\n" in parse.text[previous.end:parse.tokens[index].start]


def _np_comma(parse: Parse, index: int, last: int) -> int | None:
    """Return the comma that closes the noun phrase after "selon X", within a few words."""
    for j in range(index + 1, min(index + 16, last + 1)):
        if parse.tokens[j].text == ",":
            return j
        if parse.tokens[j].pos in {"VERB", "AUX"} and parse.tokens[j].morph.get("VerbForm") == "Fin":
            return None
    return None


def _skip_apposition(parse: Parse, comma: int, last: int) -> int:
    """Return the comma that ends the appositions after a noun phrase (", économiste à X,").

    A segment between commas is an apposition when it has no finite verb and is a name or a
    noun phrase without a determiner ("politologue à Sciences Po", "à Séoul").
    """
    for _ in range(2):
        j = comma + 1
        if j > last:
            return comma
        first = parse.tokens[j]
        if first.text.lower() in {"qui", "dont"}:
            while j <= last and parse.tokens[j].text != ",":
                j += 1
            if j > last or j - comma > 25:
                return comma
            comma = j
            continue
        bare = first.pos in {"NOUN", "ADJ", "ADP"} or name_run(parse, j) is not None
        if not bare:
            return comma
        while j <= last and parse.tokens[j].text != ",":
            token = parse.tokens[j]
            if token.pos == "AUX" or (token.pos == "VERB" and token.morph.get("VerbForm") != "Part"):
                return comma
            j += 1
        if j > last or j - comma > 20:
            return comma
        comma = j
    return comma


def _bare_participle(parse: Parse, index: int) -> bool:
    """Return True for a participle with no auxiliary ("Interrogé sur …, il a dit")."""
    token = parse.tokens[index]
    if token.morph.get("VerbForm") != "Part" or token.morph.get("Tense") != "Past":
        return False
    if any(parse.tokens[c].pos == "AUX" for c in parse.children[index]):
        return False
    k = index - 1
    while k >= 0 and k >= index - 5:
        token = parse.tokens[k]
        if token.pos == "AUX":
            return False
        if token.pos not in {"ADV", "PRON", "PART"} and token.text != "-t":
            return True
        k -= 1
    return True


def _passive(parse: Parse, index: int) -> bool:
    """Return True for a passive reporting verb ("sont invités à", "a été prévenu")."""
    return any(parse.tokens[c].dep == "aux:pass" for c in parse.children[index])


def _personal(ctx: DocumentContext, head: int) -> bool:
    """Return True when "pour X" names a person or a known role, so X gives an opinion."""
    token = ctx.parse.tokens[head]
    if token.pos == "PROPN" and token.ent not in {"LOC"}:
        return True
    if token.pos == "PRON" and token.text.lower() in active_lexicon().stressed_pronouns:
        return True
    if token.pos != "NOUN":
        return False
    return token.lemma.lower() in active_lexicon().person_nouns or token.text.lower() in active_lexicon().person_nouns \
        or token.lemma.lower() in active_lexicon().organization_nouns \
        or ctx.table.has_role_word(token.lemma.lower())


_SPAN_RULES: tuple[tuple[str, Callable[[DocumentContext, VerbMatch], tuple[int, int] | None]], ...] = (
    ("comme_incise", _comme_incise),
    ("que_clause", _que_clause),
    ("predicative_report", _predicative_report),
    ("infinitive_complement", _infinitive_clause),
    ("directive_clause", _directive_clause),
    ("inverted_incise", _inverted_incise),
    ("object_clause", _object_clause),
)


def _reported_span(ctx: DocumentContext, verb: VerbMatch) -> tuple[str, tuple[int, int]] | None:
    """Return the reported words of a reporting verb and the rule that found them, in rule order."""
    for name, rule in _SPAN_RULES:
        span = rule(ctx, verb)
        if span is not None:
            return name, span
    return None


def find_reported(ctx: DocumentContext) -> list[Finding]:
    """Return the indirect quotes of a document, in document order."""
    parse = ctx.parse
    findings: list[Finding] = []
    for index in range(len(parse.tokens)):
        selon = _selon_clause(ctx, index) or _pour_qui(ctx, index)
        if selon is not None:
            rule, head, (start, end) = selon
            if end - start >= 12 and not any(f.start <= start < f.end for f in findings):
                speaker = resolve(parse, head, ctx.table, [])
                finding = Finding(start, end, "indirect", "selon", speaker, None, confidence=0.75)
                finding = finding.cite(rule, "subject_relative" if rule == "pour_qui" else "selon_head", speaker.rule)
                sentence = parse.sentences[parse.tokens[index].sent]
                findings.append(complete(ctx, finding, [(sentence.start, sentence.end)]))
            continue
        verb = reporting_verb_at(parse, index)
        if verb is None or verb.head != index or _passive(parse, index):
            continue
        if parse.tokens[index].pos == "NOUN" and (index == 0 or parse.tokens[index - 1].pos != "PROPN"):
            continue
        found = _reported_span(ctx, verb)
        if found is None or found[1][1] - found[1][0] < 8:
            continue
        rule, (start, end) = found
        subject = find_subject(parse, verb, _subject_excluded(parse, rule, verb, (start, end)))
        if rule == "object_clause" and (subject is None or subject.index > verb.first):
            continue
        if subject is None:
            finding = Finding(start, end, "indirect", "verb", None, verb, confidence=0.45).cite(rule)
        else:
            speaker = resolve(parse, subject.index, ctx.table, recent_speakers(ctx, start))
            confidence = 0.65 if rule == "object_clause" else 0.8
            finding = Finding(start, end, "indirect", "verb", speaker, verb, confidence=confidence)
            finding = finding.cite(rule, subject.rule, speaker.rule)
        sentence = parse.sentences[parse.tokens[index].sent]
        region_end = _first_break(ctx, end, sentence.end) if end < sentence.end else sentence.end
        findings.append(complete(ctx, finding, [(sentence.start, max(region_end, end))]))
    return _merge_relays(findings)


def _merge_relays(findings: list[Finding]) -> list[Finding]:
    """Fold a relaying report into the report it contains; drop other nested reports."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        outer = next((k for k in reversed(kept[-_NESTING_WINDOW:])
                      if k.start <= finding.start and finding.end <= k.end), None)
        if outer is None:
            kept.append(finding)
            continue
        relaying = outer.cue == "selon" or (outer.verb is not None and outer.verb.entry.relay) or (
            outer.speaker is not None and outer.speaker.kind == "organization" and outer.relays)
        if relaying and finding.speaker is not None:
            names = {r.name for r in finding.relays}
            relays = tuple(r for r in outer.relays if r.name not in names) + finding.relays
            finding = finding.but(relays=relays).cite("relay_nesting")
            kept.remove(outer)
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)
