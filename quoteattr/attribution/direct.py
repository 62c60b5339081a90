"""Attribution of direct quotes (« … ») and colon-introduced block quotes.

Cues are tried in this order: an incise after the quote ("», a déclaré X", "», a-t-il dit"),
"selon X" after it, a colon cue before it ("X a déclaré : « … »", "Kim a dit :" + block),
"selon X, « … »", a verb before it whose object it is ("a dénoncé un « scandale »", see
``fragments``), an incise in the middle ("« A, a-t-il dit, B »"), the incise of the quote
just before when the sentence goes on ("« A » a-t-il dit, « B »"), and last the speaker of
the quote just before (a cue-less continuation).
"""

from __future__ import annotations

import regex

from quoteattr.attribution.completion import complete, recent_speakers
from quoteattr.attribution.context import DocumentContext
from quoteattr.attribution.evidence import RULES_BY_NAME
from quoteattr.attribution.findings import Finding
from quoteattr.attribution.fragments import looks_like_title, object_verb
from quoteattr.attribution.mentions import name_run
from quoteattr.attribution.relays import find_broadcast
from quoteattr.attribution.speakers import (
    clause_subject,
    find_subject,
    resolve,
    selon_head,
    subject_of,
)
from quoteattr.attribution.verbs import VerbMatch, reporting_verb_at
from quoteattr.lexicons import VerbEntry, active_lexicon
from quoteattr.models import CueKind, QuoteKind
from quoteattr.parse.base import Parse

_INCISE_FILLERS = {"AUX", "ADV", "PART"}
_RESUMES = regex.compile(r"[,—–.!?…][\s\u00a0\u202f]*\w")
_PADDING = " \t\u00a0\u202f"
_OBJECT_CONFIDENCE = 0.75
_ANNOUNCED_CONFIDENCE = 0.6
_ANNOUNCER_SUBJECTS = {"subject_clitic", "subject_relative", "subject_before", "subject_dependency"}
_FRAGMENT_WORDS = 8
_FRAGMENT_CONFIDENCE = 0.6
_FRAGMENT_SUBJECTS = {"subject_clitic", "subject_relative", "subject_before", "subject_dependency"}
_RESOLVED = {"named", "organization", "pronoun_antecedent", "description_to_name"}
_NAMES_SOURCE = regex.compile(r"\b(?:selon|d['’]après|citant|cité(?:e|s|es)?\s+par)\b|\G\s*pour\s[^,]{1,60},",
                              regex.IGNORECASE)
_CONTINUATION_PARAGRAPHS = 2
_COLON_PHRASE_TOKENS = 9
_SHARED_INCISE_CHARS = 120
_SENTENCE_BREAK = regex.compile(r"[.!?…]")
_GOES_ON = regex.compile(r"(?:,|\bet)[\s\u00a0\u202f]*$")


def _verb_finding(ctx: DocumentContext, start: int, end: int, kind: QuoteKind, cue: CueKind, rule: str,
                  verb: VerbMatch, excluded: tuple[int, int]) -> Finding:
    """Return a finding found by ``rule`` whose speaker is the subject of ``verb``."""
    head = find_subject(ctx.parse, verb, excluded)
    if head is None:
        return Finding(start, end, kind, cue, None, verb, confidence=0.6).cite(rule)
    speaker = resolve(ctx.parse, head.index, ctx.table, recent_speakers(ctx, start))
    return Finding(start, end, kind, cue, speaker, verb, confidence=0.9).cite(rule, head.rule, speaker.rule)


def _head_finding(ctx: DocumentContext, start: int, end: int, kind: QuoteKind, cue: CueKind, rule: str,
                  head: int | None, head_rule: str, confidence: float) -> Finding:
    """Return a finding found by ``rule`` whose speaker is the noun phrase at ``head``."""
    if head is None:
        return Finding(start, end, kind, cue, None, None, confidence=confidence).cite(rule)
    speaker = resolve(ctx.parse, head, ctx.table, [])
    return Finding(start, end, kind, cue, speaker, None, confidence=confidence).cite(rule, head_rule, speaker.rule)


def _incise_after(ctx: DocumentContext, close_end: int) -> VerbMatch | None:
    """Return the reporting verb of an incise right after a closing mark."""
    parse = ctx.parse
    j = parse.token_at(close_end)
    if j < 0 or "\n\n" in ctx.text[close_end:parse.tokens[j].start]:
        return None
    for k in range(j, min(j + 9, len(parse.tokens))):
        token = parse.tokens[k]
        first_word = all(parse.tokens[i].text == "," for i in range(j, k))
        match = reporting_verb_at(parse, k)
        if match is None and first_word:
            match = _mistagged_verb(parse, k)
        verbal = token.pos != "NOUN" or (k > 0 and (parse.tokens[k - 1].pos == "AUX"
                                                    or parse.tokens[k - 1].text.startswith("-"))) \
            or (first_word and _inverted_subject_follows(parse, k))
        if match is not None and verbal:
            comma = "," in ctx.text[close_end:token.start]
            subject = subject_of(parse, match, (0, close_end))
            inverted = subject is not None and (subject > match.last or parse.tokens[subject].text.startswith("-"))
            return match if comma or inverted else None
        if token.text in {",", "-t", "ne", "n'", "s'", "s’", "se", "de", "d'", "d’", "à"} \
                or token.pos in _INCISE_FILLERS or token.lemma in active_lexicon().light_verbs \
                or (token.text.startswith("-") and active_lexicon().pronoun_pattern.match(token.text)):
            continue
        return None
    return None


def _inverted_subject_follows(parse: Parse, index: int) -> bool:
    """Return True when an inverted subject starts right after token ``index`` ("juge le
    syndicat", "note l'association", "estime-t-on")."""
    following = index + 1
    if following >= len(parse.tokens) or parse.tokens[following].sent != parse.tokens[index].sent:
        return False
    token = parse.tokens[following]
    return token.pos in {"DET", "PROPN"} or (token.text.startswith("-") and token.pos == "PRON")


def _mistagged_verb(parse: Parse, index: int) -> VerbMatch | None:
    """Return the reporting verb of a present form the tagger took for another word class
    ("», estime-t-on" tagged as an adverb): the form plus "r" is a lexicon verb and an
    inverted subject clitic follows it."""
    token = parse.tokens[index]
    form = token.text.split("-")[0].lower()
    following = parse.tokens[index + 1] if index + 1 < len(parse.tokens) else None
    if not form.endswith("e") or following is None or not (following.text.startswith("-") and following.pos == "PRON"):
        return None
    entry = active_lexicon().reporting_verbs.get(form + "r")
    return None if entry is None else VerbMatch(index, index, index, entry)


def _joins_sentence(ctx: DocumentContext, end: int, close_end: int, cue: int) -> bool:
    """Return True when a cue after a closing mark belongs to the quote's sentence."""
    between = ctx.text[close_end:cue]
    if "," in between:
        return True
    return "\n" not in between and ctx.text[end - 1] not in ".!?…"


def _selon_speaker(ctx: DocumentContext, selon_start: int) -> int | None:
    """Return the head of the noun phrase that follows "selon" / "d'après" at ``selon_start``."""
    parse = ctx.parse
    k = parse.token_at(selon_start)
    if k < 0:
        return None
    if parse.tokens[k].text.lower() in {"d'", "d’"}:
        k += 1
    return selon_head(parse, k, parse.sentences[parse.tokens[k].sent].last)


def _colon_position(ctx: DocumentContext, open_start: int) -> int:
    """Return the offset of a colon that ends the text just before ``open_start``, or -1."""
    index = open_start - 1
    while index >= 0 and (ctx.text[index] in _PADDING or ctx.text[index] in "\n\r"):
        index -= 1
    return index if index >= 0 and ctx.text[index] == ":" else -1


def _colon_cue(ctx: DocumentContext, colon: int, start: int, end: int,
               kind: QuoteKind) -> Finding | None:
    """Attribute a quote introduced by a colon through the verb or noun before the colon."""
    parse = ctx.parse
    paragraph = ctx.paragraphs[ctx.paragraph_index(colon)]
    colon_token = parse.token_at(colon)
    if colon_token < 0:
        return None
    sentence = parse.sentences[parse.tokens[colon_token].sent]
    region_start = max(sentence.start, paragraph.start)
    for previous in ctx.findings[-3:]:
        if region_start <= previous.end <= colon:
            region_start = previous.end
    indices = [i for i in parse.tokens_between(region_start, colon)]
    for i in reversed(indices):
        match = reporting_verb_at(parse, i)
        if match is not None and parse.tokens[i].pos != "NOUN":
            finding = _verb_finding(ctx, start, end, kind, "colon", "colon_verb", match, (start, end))
            finding = complete(ctx, finding, [(region_start, colon)])
            return _add_broadcast(ctx, finding, paragraph.start, region_start)
    for i in reversed(indices):
        if parse.tokens[i].lemma.lower() in active_lexicon().speech_nouns or parse.tokens[i].text.lower() in active_lexicon().speech_nouns:
            head = _noun_cue_speaker(ctx, i, indices)
            finding = _head_finding(ctx, start, end, kind, "noun", "colon_noun", head, "colon_subject", 0.8)
            return complete(ctx, finding, [(region_start, colon)])
    found = _speaker_before_colon(parse, indices)
    if found is None:
        if not _topic_before_colon(parse, indices):
            return None
        return Finding(start, end, kind, "colon", None, None, confidence=0.3).cite("colon_name")
    head, introduced = found
    if introduced:
        finding = _head_finding(ctx, start, end, kind, "selon", "selon_before", head, "selon_head", 0.85)
    else:
        finding = _head_finding(ctx, start, end, kind, "colon", "colon_name", head, "colon_subject", 0.7)
    return complete(ctx, finding, [(region_start, colon)])


def _topic_before_colon(parse: Parse, indices: list[int]) -> bool:
    """Return True for a short phrase with a name and no verb before a colon ("Grève à la SNCF :"):
    the topic of a headline, whose quote is nobody's continuation."""
    return len(indices) <= _COLON_PHRASE_TOKENS and any(parse.tokens[i].pos == "PROPN" for i in indices) \
        and not any(parse.tokens[i].pos in {"VERB", "AUX"} for i in indices)


def _speaker_before_colon(parse: Parse, indices: list[int]) -> tuple[int, bool] | None:
    """Return the head of the speaker a colon cue consists of, and whether "pour" opens it.

    A short noun phrase headed by a name and nothing else: "Claire Vasseur :", "La CGT :",
    "Pour X, son secrétaire général :". A phrase headed by a common noun ("Grève à la SNCF
    :", "Énergie :") is a topic, not a speaker.
    """
    if not indices or len(indices) > _COLON_PHRASE_TOKENS \
            or any(parse.tokens[i].pos in {"VERB", "AUX"} for i in indices):
        return None
    introduced = parse.tokens[indices[0]].text.lower() == "pour"
    for i in indices[1:] if introduced else indices:
        token = parse.tokens[i]
        if token.pos in {"DET", "ADJ", "NUM"}:
            continue
        named = token.pos == "PROPN" and name_run(parse, i) is not None
        return (i, introduced) if named else None
    return None


def _add_broadcast(ctx: DocumentContext, finding: Finding, start: int, end: int) -> Finding:
    """Return a finding with the broadcaster named just before its colon cue ("retransmise à la télévision …")."""
    names = {r.name for r in finding.relays}
    added = []
    for outlet in find_broadcast(ctx.text, ctx.outlets, max(start, end - 300), end):
        if outlet.name not in names:
            added.append(outlet)
            names.add(outlet.name)
    return finding.but(relays=finding.relays + tuple(added)).cite("broadcast") if added else finding


def _noun_cue_speaker(ctx: DocumentContext, noun: int, indices: list[int]) -> int | None:
    """Return the head of who issued a communiqué or message.

    Its "de X" complement, else the clause subject, else the last name or organisation named
    before the noun ("réaction de la CPME dans un communiqué :").
    """
    parse = ctx.parse
    cue_nouns = active_lexicon().speech_nouns | active_lexicon().statement_nouns
    for i in indices:
        head = parse.tokens[parse.tokens[i].head]
        if parse.tokens[i].dep in {"nmod", "det:poss"} and parse.tokens[i].pos in {"PROPN", "NOUN"} \
                and head.lemma.lower() in cue_nouns:
            return i
    earlier = [i for i in indices if i < noun]
    for i in earlier:
        if parse.tokens[i].dep in {"nsubj", "nsubj:pass"} and parse.tokens[i].pos in {"PROPN", "NOUN"}:
            return i
    for i in reversed(earlier):
        token = parse.tokens[i]
        acronym = token.text.isupper() and len(token.text) >= 2
        if token.pos == "PROPN" or token.ent == "ORG" or acronym or token.lemma.lower() in active_lexicon().organization_nouns:
            return i
    later = [i for i in indices if i > noun]
    for position, i in enumerate(later):
        token = parse.tokens[i]
        previous = parse.tokens[later[position - 1]] if position else None
        if token.pos in {"NOUN", "PROPN"} and (previous is None or previous.pos != "ADP") \
                and (previous is None or previous.pos == "DET" or previous.text == ","):
            return i
    return None


def _mid_incise(ctx: DocumentContext, start: int, end: int) -> VerbMatch | None:
    """Return the verb of an incise inside the quote ("« A, a-t-il dit, B »").

    The quoted words resume after the incise, past a comma, a dash or a sentence end ("« A,
    a-t-elle ajouté. Mais B »"): an incise at the very end of a quote is no mid-quote incise.
    """
    parse = ctx.parse
    for i in parse.tokens_between(start, end):
        if parse.tokens[i].text != ",":
            continue
        for k in range(i + 1, min(i + 6, len(parse.tokens))):
            if parse.tokens[k].start >= end:
                break
            match = reporting_verb_at(parse, k)
            if match is not None and parse.tokens[k].pos != "NOUN":
                subject = subject_of(parse, match, (0, 0))
                inverted = subject is not None and (subject > match.last
                                                    or parse.tokens[subject].text.startswith("-"))
                resumed = _RESUMES.search(ctx.text, parse.tokens[match.last].end, end)
                if inverted and resumed is not None:
                    return match
                break
            if not (parse.tokens[k].pos in _INCISE_FILLERS or active_lexicon().pronoun_pattern.match(parse.tokens[k].text)
                    or parse.tokens[k].text == "-t"):
                break
    return None


def _shared_incise(ctx: DocumentContext, start: int, end: int, kind: QuoteKind, open_start: int) -> Finding | None:
    """Return a quote that goes on after the incise of the quote before it ("« A » a-t-il
    dit, « B »"): same sentence, same speaker, same verb and relays.

    Only the incise may stand between the two quotes (no sentence end, no relative clause),
    and a title after it ("…, dont le film « Les Voisins »") is not the speaker's words.
    """
    if not ctx.findings:
        return None
    last = ctx.findings[-1]
    if last.verb is None or last.cue != "verb" or last.kind != "direct":
        return None
    verb_start = ctx.parse.tokens[last.verb.first].start
    between = ctx.text[last.end:open_start]
    if not last.end < verb_start < open_start or len(between) > _SHARED_INCISE_CHARS \
            or _SENTENCE_BREAK.search(between) is not None or "\n" in between \
            or _GOES_ON.search(between) is None or active_lexicon().relative_pattern.search(between) is not None \
            or looks_like_title(ctx.text[start:end]):
        return None
    speaker_rules = [n for n in last.evidence if RULES_BY_NAME[n].stage == "speaker"]
    relays = [n for n in last.evidence if RULES_BY_NAME[n].stage == "relay"]
    finding = Finding(start, end, kind, "verb", last.speaker, last.verb, last.relays,
                      last.negated, last.hedged, confidence=last.confidence)
    return finding.cite("incise_shared", *speaker_rules, *relays)


def _sentence_start(ctx: DocumentContext, offset: int) -> bool:
    """Return True when the quote mark at ``offset`` opens a sentence or a paragraph."""
    index = offset - 1
    while index >= 0 and ctx.text[index] in _PADDING:
        index -= 1
    return index < 0 or ctx.text[index] in ".!?…:\n\r»”\""


def _continuation(ctx: DocumentContext, start: int, end: int, kind: QuoteKind,
                  opens_sentence: bool) -> Finding:
    """Attribute a cue-less quote to the previous quote's speaker, or leave it unattributed."""
    words = len(ctx.text[start:end].split())
    if ctx.findings and opens_sentence:
        last = ctx.findings[-1]
        close = ctx.paragraph_index(start) - ctx.paragraph_index(last.end) <= _CONTINUATION_PARAGRAPHS
        if last.speaker is not None and close and last.kind in {"direct", "block", "mixed"}:
            announced = last.cue == "colon" and last.verb is not None and last.verb.entry.relay
            relays = last.relays if announced else ()
            finding = Finding(start, end, kind, "none", last.speaker, None, relays, confidence=0.65)
            return finding.cite("continuation", "previous_speaker", *(["passage_announcer"] if relays else []))
    before = _announced_before(ctx, start, end) if opens_sentence and words > 3 else None
    if before is not None:
        return before
    if not opens_sentence and kind == "direct" and words >= _FRAGMENT_WORDS:
        fragment = _long_fragment(ctx, start, end)
        if fragment is not None:
            return fragment
    if not opens_sentence or words <= 3:
        return Finding(start, end, kind, "none", None, None, confidence=0.15).cite("no_cue")
    return Finding(start, end, kind, "none", None, None, confidence=0.3).cite("no_cue")


def _announced_before(ctx: DocumentContext, start: int, end: int) -> Finding | None:
    """Attribute a cue-less quote that opens a sentence to the subject of the sentence before,
    when that sentence announces it with a reporting verb and holds no quote of its own ("La
    députée Claire Vasseur a réagi. « … »"), at a lower confidence than a cue of its own.
    """
    parse = ctx.parse
    mark = parse.token_at(start) - 1
    if mark < 1:
        return None
    sentence = parse.tokens[mark].sent
    if sentence == 0 or parse.tokens[mark - 1].sent == sentence:
        return None
    before = parse.sentences[sentence - 1]
    if ctx.paragraph_index(before.start) != ctx.paragraph_index(start) \
            or any(f.end > before.start for f in ctx.findings) or ctx.in_quote(before.start):
        return None
    roots = [i for i in range(before.first, before.last + 1) if parse.tokens[i].head == i]
    verb = reporting_verb_at(parse, roots[0]) if len(roots) == 1 else None
    if verb is None or verb.entry.relay:
        return None
    head = clause_subject(parse, verb, (start, end))
    if head is None or head.rule not in _ANNOUNCER_SUBJECTS:
        return None
    speaker = resolve(parse, head.index, ctx.table, recent_speakers(ctx, start))
    finding = Finding(start, end, "direct", "none", speaker, verb, confidence=_ANNOUNCED_CONFIDENCE)
    return finding.cite("announced_before", head.rule, speaker.rule)


def _long_fragment(ctx: DocumentContext, start: int, end: int) -> Finding | None:
    """Attribute a long quoted fragment that a clause with no reporting verb holds to the
    subject of that clause ("La chaîne met « tout en œuvre pour assurer la sécurité … »",
    "le pape l'a nommée « patronne de l'environnement … »").

    The clause's verb is the nearest verb before the opening mark in its sentence, outside
    other quotes, and its subject stands before it; a sentence that names a source before the
    mark ("Pour X, Y veut « … »", "selon X", "citant X") leaves it to the rules of
    reported speech. The subject must resolve to a name, an organisation or a person a
    pronoun or description stands for; otherwise the quote stays cue-less.
    """
    parse = ctx.parse
    mark = parse.token_at(start) - 1
    if mark < 0 or looks_like_title(ctx.text[start:end]):
        return None
    sentence = parse.tokens[mark].sent
    first = parse.token_at(parse.sentences[sentence].start)
    if _NAMES_SOURCE.search(ctx.text, parse.tokens[first].start, parse.tokens[mark].start):
        return None
    for j in range(mark - 1, first - 1, -1):
        token = parse.tokens[j]
        if token.pos == "VERB" and not ctx.in_quote(token.start):
            clause_verb = VerbMatch(j, j, j, VerbEntry(token.lemma, "neutral", relay=False))
            head = clause_subject(parse, clause_verb, (start, end))
            if head is None or head.rule not in _FRAGMENT_SUBJECTS:
                return None
            speaker = resolve(parse, head.index, ctx.table, recent_speakers(ctx, start))
            if speaker.rule not in _RESOLVED:
                return None
            finding = Finding(start, end, "direct", "none", speaker, None, confidence=_FRAGMENT_CONFIDENCE)
            return finding.cite("long_fragment", head.rule, speaker.rule)
    return None


def attribute_quote(ctx: DocumentContext, start: int, end: int, open_start: int,
                    close_end: int, kind: QuoteKind) -> Finding:
    """Return the attribution of a quote whose words are ``[start, end)``.

    ``open_start`` and ``close_end`` bound the quote with its marks (for a block quote, its
    paragraph).
    """
    text = ctx.text
    verb = _incise_after(ctx, close_end) if kind == "direct" else None
    if verb is not None:
        finding = _verb_finding(ctx, start, end, kind, "verb", "incise_after", verb, (open_start, close_end))
        sentence_end = _clause_end(ctx, close_end)
        return complete(ctx, finding, [(close_end, sentence_end)])
    after = active_lexicon().selon_after_pattern.match(text, close_end, min(len(text), close_end + 40))
    if after is not None and kind == "direct" and _joins_sentence(ctx, end, close_end, after.start("word")):
        head = _selon_speaker(ctx, after.start("word"))
        finding = _head_finding(ctx, start, end, kind, "selon", "selon_after", head, "selon_head", 0.85)
        return complete(ctx, finding, [(close_end, _clause_end(ctx, close_end))])
    colon = _colon_position(ctx, open_start)
    if colon >= 0:
        found = _colon_cue(ctx, colon, start, end, kind)
        if found is not None:
            return found
    before = active_lexicon().selon_before_pattern.search(text, max(0, open_start - 120), open_start)
    if before is not None and kind == "direct":
        head = _selon_speaker(ctx, before.start())
        finding = _head_finding(ctx, start, end, kind, "selon", "selon_before", head, "selon_head", 0.85)
        return complete(ctx, finding, [(before.start(), open_start)])
    verb = object_verb(ctx.parse, text, open_start, close_end) if kind == "direct" else None
    if verb is not None:
        finding = _verb_finding(ctx, start, end, kind, "verb", "verb_before", verb, (open_start, close_end))
        finding = finding.but(confidence=min(finding.confidence, _OBJECT_CONFIDENCE))
        sentence = ctx.parse.sentences[ctx.parse.tokens[verb.head].sent]
        return complete(ctx, finding, [(sentence.start, open_start), (close_end, _clause_end(ctx, close_end))])
    verb = _mid_incise(ctx, start, end) if kind == "direct" else None
    if verb is not None:
        finding = _verb_finding(ctx, start, end, kind, "verb", "incise_inside", verb, (0, 0))
        return complete(ctx, finding, [(ctx.parse.tokens[verb.first].start, ctx.parse.tokens[verb.last].end + 40)])
    shared = _shared_incise(ctx, start, end, kind, open_start) if kind == "direct" else None
    if shared is not None:
        return shared
    return _continuation(ctx, start, end, kind, _sentence_start(ctx, open_start))


def _clause_end(ctx: DocumentContext, offset: int) -> int:
    """Return the end of the sentence (or paragraph) holding ``offset``."""
    parse = ctx.parse
    j = parse.token_at(offset)
    paragraph = ctx.paragraphs[ctx.paragraph_index(offset)]
    if j < 0:
        return paragraph.end
    sentence_end = parse.sentences[parse.tokens[j].sent].end
    next_quote = ctx.text.find("«", offset, sentence_end)
    limit = min(sentence_end, paragraph.end if paragraph.end > offset else sentence_end)
    return next_quote if next_quote >= 0 else limit
