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
from quoteattr.attribution.mentions import is_time_word, name_run
from quoteattr.attribution.speakers import find_subject, resolve, selon_head, subject_of
from quoteattr.attribution.verbs import VerbMatch, reporting_verb_at
from quoteattr.lexicons import organization_nouns, person_nouns
from quoteattr.parse.base import Parse

_QUE = {"que", "qu'", "qu’"}
_INFINITIVE_VERBS = {"dire", "affirmer", "assurer", "estimer", "déclarer", "reconnaître",
                     "admettre", "nier", "démentir", "contester", "prétendre", "avouer", "espérer",
                     "juger", "promettre", "jurer", "certifier", "confier", "regretter", "reprocher",
                     "accuser"}
_INFINITIVE_PREFIX = {"n'", "n’", "ne", "s'", "s’", "se", "pas", "plus", "jamais", "rien", "me", "m'", "m’", "l'", "l’", "le", "la", "les", "y", "en", "lui", "leur"}
_SENTENCE_BREAK = regex.compile(r"(?<!\b[A-Z])[.!?…][»”\"]?\s+(?=[«“\"\p{Lu}])")
_COLON_BREAK = regex.compile(r"\s*:\s*(?=[«“\"\n])")
_TRAILING_CUE = regex.compile(
    r"[\s\u00a0]*,[\s\u00a0]*(?:selon|d['’]après|citant|cité(?:e|s|es)?\s+par|rapporte|relate|"
    r"(?:a|ont|avait|aurait)\s+(?:\w+\s+)?(?:rapporté|indiqué|précisé|ajouté|affirmé|déclaré|"
    r"annoncé|assuré|souligné|expliqué|dit|écrit)|indique|précise|ajoute|affirme|déclare|"
    r"annonce|assure|souligne|explique|écrit)\b",
    regex.IGNORECASE,
)
_QUE_AHEAD = regex.compile(r"\bqu(?:e\b|['’])", regex.IGNORECASE)
_CLAUSE_PUNCT = " \t\n\r\u00a0\u202f.;:!?,…"
_COMPARATIVES = {"plus", "moins", "autant", "aussi", "davantage", "mieux", "pire", "même", "tel", "telle", "si"}
_SELON_WORDS = {"selon", "après", "pour"}
_NESTING_WINDOW = 8


def _trim(ctx: DocumentContext, start: int, end: int) -> tuple[int, int]:
    """Cut a trailing relay or incise off a clause and strip its final punctuation."""
    for cue in _TRAILING_CUE.finditer(ctx.text, start, end):
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
                    and any(t.text.lower() in _QUE for t in parse.tokens[j + 1:j + 4]):
                return token.start
            if token.text == "," and _tail_starts(parse, k + 1):
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
    return words.startswith(("alors qu", "tandis qu", "avant de", "avant d'", "sans ", "afin de",
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
    """
    k = verb.last + 1
    while k < len(parse.tokens) and k <= verb.last + 7 and parse.tokens[k].sent == sentence:
        token = parse.tokens[k]
        if token.morph.get("VerbForm") == "Inf" and token.pos in {"VERB", "AUX"}:
            start = k
            while start - 1 > verb.last and parse.tokens[start - 1].text.lower() in _INFINITIVE_PREFIX:
                start -= 1
            return start
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
    if verb.entry.stance != "directive" and verb.entry.lemma not in _INFINITIVE_VERBS:
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


def _que_clause(ctx: DocumentContext, verb: VerbMatch) -> tuple[int, int] | None:
    """Return the span of the "que" clause governed by ``verb``."""
    parse = ctx.parse
    sentence = parse.tokens[verb.head].sent
    sentence_end = parse.sentences[sentence].end
    for k in range(verb.last + 1, min(verb.last + 16, len(parse.tokens))):
        token = parse.tokens[k]
        if token.sent != sentence or token.text in {".", "«", ";", ":"}:
            return None
        if token.text.lower() in _QUE and token.pos in {"SCONJ", "PRON", "ADV"}:
            if k + 1 >= len(parse.tokens) or parse.tokens[k + 1].sent != sentence:
                return None
            window = range(max(verb.last + 1, k - 3), k)
            if any(parse.tokens[j].text.lower() in _COMPARATIVES
                   and parse.tokens[j - 1].text.lower() != "pour" for j in window):
                return None
            start = parse.tokens[k + 1].start
            end = _first_break(ctx, start, _paragraph_bound(ctx, start, sentence_end))
            end = _cut_coordination(ctx, k + 2, end)
            return _trim(ctx, start, end)
        if token.pos == "VERB" and token.morph.get("VerbForm") != "Part" and reporting_verb_at(parse, k) is None:
            return None
        if token.pos == "VERB" and reporting_verb_at(parse, k) is not None \
                and token.morph.get("Tense") != "Pres" and not _bare_participle(parse, k):
            return None
    return None


def _infinitive_clause(ctx: DocumentContext, verb: VerbMatch) -> tuple[int, int] | None:
    """Return the span of an infinitive complement ("a dit voir des perspectives")."""
    parse = ctx.parse
    if verb.entry.lemma not in _INFINITIVE_VERBS:
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
            pieces = [i for i in parse.subtree(child) if parse.tokens[i].sent == sentence
                      and parse.tokens[i].text.lower() not in {"de", "d'", "d’"} or i >= child]
            first = min(i for i in pieces if i > verb.last)
            end = _cut_coordination(ctx, child + 1, _subtree_end(ctx, child, sentence))
            return _trim(ctx, parse.tokens[first].start, end)
    return None


def _inverted_incise(ctx: DocumentContext, verb: VerbMatch) -> tuple[int, int] | None:
    """Return the unquoted words before an inverted incise ("…, a indiqué le ministère")."""
    parse = ctx.parse
    first = verb.first
    while first > 0 and parse.tokens[first - 1].pos == "AUX":
        first -= 1
    if first == 0 or parse.tokens[first - 1].text != ",":
        return None
    following = parse.tokens[verb.last + 1:verb.last + 6]
    if any(t.text.lower() in _QUE or (t.pos == "VERB" and t.morph.get("VerbForm") == "Inf") for t in following):
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
                t.text.lower() in _QUE for t in parse.tokens[i + 1:i + 5]):
            return None
    return _trim(ctx, start, end)


def _selon_clause(ctx: DocumentContext, index: int) -> tuple[int, tuple[int, int]] | None:
    """Return (speaker head, clause span) for "selon X, …" or "…, selon X." at ``index``."""
    parse = ctx.parse
    token = parse.tokens[index]
    word = token.text.lower()
    if word not in _SELON_WORDS or (word == "après" and parse.tokens[index - 1].text.lower() not in {"d'", "d’"}):
        return None
    sentence = parse.sentences[token.sent]
    head = selon_head(parse, index, sentence.last)
    if head is None:
        return None
    first = index - 1 if word == "après" else index
    if word == "pour" and not _personal(ctx, head):
        return None
    if first == sentence.first or _opens_clause(parse, first):
        comma = _np_comma(parse, index, sentence.last)
        if comma is None:
            return None
        comma = _skip_apposition(parse, comma, sentence.last)
        end = _paragraph_bound(ctx, parse.tokens[comma].end, sentence.end)
        end = _first_break(ctx, parse.tokens[comma].end, end)
        if _holds_report(parse, comma + 1, end):
            return None
        return head, _trim(ctx, parse.tokens[comma].end, end)
    if first > sentence.first and parse.tokens[first - 1].text == "," and word != "pour":
        start = max(sentence.start, ctx.paragraphs[ctx.paragraph_index(parse.tokens[first].start)].start)
        if _holds_report(parse, parse.token_at(start), parse.tokens[first - 1].start) or any(
                parse.tokens[i].pos == "VERB" and reporting_verb_at(parse, i) is not None
                for i in parse.tokens_between(start, parse.tokens[first - 1].start)):
            return None
        return head, _trim(ctx, start, parse.tokens[first - 1].start)
    return None


def _holds_report(parse: Parse, first: int, end: int) -> bool:
    """Return True when a clause holds a reporting verb with its own speaker or colon cue."""
    k = first
    while k < len(parse.tokens) and parse.tokens[k].start < end:
        if parse.tokens[k].pos == "VERB" and reporting_verb_at(parse, k) is not None:
            following = parse.tokens[k + 1:k + 6]
            if any(t.text.lower() in _QUE or t.text == ":" for t in following):
                return True
        k += 1
    return False


def _opens_clause(parse: Parse, index: int) -> bool:
    """Return True when ``index`` follows a colon or a line start (a headline "Selon X, …")."""
    previous = parse.tokens[index - 1] if index > 0 else None
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
    if token.pos == "PRON" and token.text.lower() in {"lui", "elle", "eux", "elles"}:
        return True
    if token.pos != "NOUN":
        return False
    return token.lemma.lower() in person_nouns() or token.text.lower() in person_nouns() \
        or token.lemma.lower() in organization_nouns() \
        or ctx.table.has_role_word(token.lemma.lower())


_SPAN_RULES: tuple[tuple[str, Callable[[DocumentContext, VerbMatch], tuple[int, int] | None]], ...] = (
    ("que_clause", _que_clause),
    ("infinitive_complement", _infinitive_clause),
    ("directive_clause", _directive_clause),
    ("inverted_incise", _inverted_incise),
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
    findings = []
    for index in range(len(parse.tokens)):
        selon = _selon_clause(ctx, index)
        if selon is not None:
            head, (start, end) = selon
            if end - start >= 12 and not any(f.start <= start < f.end for f in findings):
                speaker = resolve(parse, head, ctx.table, [])
                finding = Finding(start, end, "indirect", "selon", speaker, None, confidence=0.75)
                finding.cite("selon_clause", "selon_head", speaker.rule)
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
        head = find_subject(parse, verb, (start, end))
        if head is None:
            finding = Finding(start, end, "indirect", "verb", None, verb, confidence=0.45).cite(rule)
        else:
            speaker = resolve(parse, head.index, ctx.table, recent_speakers(ctx, start))
            finding = Finding(start, end, "indirect", "verb", speaker, verb, confidence=0.8)
            finding.cite(rule, head.rule, speaker.rule)
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
            names = {r[2] for r in finding.relays}
            finding.relays = [r for r in outer.relays if r[2] not in names] + finding.relays
            finding.cite("relay_nesting")
            kept.remove(outer)
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)
