"""Who is who in a document: person names, their roles and genders, and reference resolution.

Built once per document from its parse, the table resolves a pronoun to the nearest preceding
compatible person, a description ("le président russe") to the person the document links it
to (by apposition or an earlier title), and a surname ("Peskov") to the fullest name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from quoteattr.attribution.mentions import Mention, describe, name_run
from quoteattr.outlets import OutletMatcher
from quoteattr.parse.base import Parse

_SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
_CONTENT_POS = {"NOUN", "ADJ"}
_LOOKBACK_SENTENCES = 8
_MAX_PART_WORDS = 6


@dataclass(frozen=True)
class PersonMention:
    """A named person mentioned in the document."""

    start: int
    sentence: int
    name: str
    subject: bool


@dataclass
class EntityTable:
    """The persons of one document and the facts that link mentions to them.

    Lookups go through indexes (persons by sentence, roles by word and by person), so
    resolving every mention of a long document stays linear in its length.
    """

    persons: list[PersonMention] = field(default_factory=list)
    roles: list[tuple[int, frozenset[str], str, str]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    full_names: dict[str, str] = field(default_factory=dict)
    _by_sentence: dict[int, list[PersonMention]] = field(default_factory=dict, repr=False)
    _roles_by_word: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _last_role: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        persons, roles = self.persons, self.roles
        self.persons, self.roles = [], []
        for person in persons:
            self.add_person(person)
        for role in roles:
            self.add_role(*role)

    def add_person(self, person: PersonMention) -> None:
        """Record a named person's mention."""
        self.persons.append(person)
        self._by_sentence.setdefault(person.sentence, []).append(person)

    def add_role(self, start: int, words: frozenset[str], role: str, person: str) -> None:
        """Record that the document gives ``person`` the role ``role`` at ``start``."""
        index = len(self.roles)
        self.roles.append((start, words, role, person))
        for word in words:
            self._roles_by_word.setdefault(word, []).append(index)
        self._last_role[person] = role

    def full_name(self, name: str) -> str:
        """Return the fullest known name that ``name`` is a part of ("Peskov" → "Dmitri Peskov")."""
        return self.full_names.get(name, name)

    def gender_of(self, name: str) -> str:
        """Return the known gender of a person, or ""."""
        return self.genders.get(self.full_name(name), "")

    def role_of(self, name: str) -> str | None:
        """Return the last role the document gives a person, or None."""
        return self._last_role.get(self.full_name(name))

    def has_role_word(self, word: str) -> bool:
        """Return True when some person's role in the document holds ``word``."""
        return word in self._roles_by_word

    def resolve_pronoun(self, position: int, sentence: int, gender: str,
                        preferred: list[str], excluded: frozenset[str] = frozenset()) -> str | None:
        """Return the person a pronoun at ``position`` most likely refers to.

        Recent speakers in ``preferred`` come first when compatible; then subjects, then
        other named persons, sentence by sentence backwards. Persons in ``excluded`` (full
        names) are never the referent.
        """
        for name in preferred:
            if _compatible(self.gender_of(name), gender) and self.full_name(name) not in excluded:
                return self.full_name(name)
        for distance in range(_LOOKBACK_SENTENCES):
            current = sentence - distance
            candidates = [p for p in self._by_sentence.get(current, ()) if p.start < position]
            candidates.sort(key=lambda p: (not p.subject, -p.start))
            for person in candidates:
                if _compatible(self.gender_of(person.name), gender) and self.full_name(person.name) not in excluded:
                    return self.full_name(person.name)
        return None

    def resolve_description(self, words: frozenset[str], head: str, position: int) -> str | None:
        """Return the person a description names, from the roles the document gives.

        A role that holds every content word of the description wins; failing that, a role
        with the description's head noun ("président" for "le président russe").
        """
        if not words:
            return None
        pivot = head if head in self._roles_by_word else next(iter(words))
        indices = self._roles_by_word.get(pivot, [])
        matching = [self.roles[i] for i in indices if words <= self.roles[i][1]]
        if not matching and head:
            matching = [self.roles[i] for i in self._roles_by_word.get(head, [])]
        if not matching:
            return None
        before = [r for r in matching if r[0] <= position]
        chosen = before[-1] if before else matching[0]
        return chosen[3]


def _compatible(known: str, wanted: str) -> bool:
    """Return True when two genders do not contradict each other."""
    return not known or not wanted or known == wanted


def content_words(parse: Parse, start: int, end: int) -> frozenset[str]:
    """Return the lowercased lemmas of the nouns and adjectives in characters ``[start, end)``."""
    return frozenset(
        parse.tokens[i].lemma.lower()
        for i in parse.tokens_between(start, end)
        if parse.tokens[i].pos in _CONTENT_POS
    )


def _name_mentions(parse: Parse, outlets: OutletMatcher) -> list[tuple[int, Mention, bool]]:
    """Return ``(sentence, mention, is_subject)`` for every person name in the parse."""
    found = []
    index = 0
    while index < len(parse.tokens):
        run = name_run(parse, index)
        if run is None:
            index += 1
            continue
        index = max(index, run[-1]) + 1
        first, last = parse.tokens[run[0]], parse.tokens[run[-1]]
        if outlets.find(parse.text, first.start, last.end):
            continue
        mention = describe(parse, run[0])
        if mention.kind != "person":
            continue
        subject = any(parse.tokens[i].dep in _SUBJECT_DEPS for i in parse.tokens_between(mention.start, mention.end))
        found.append((first.sent, mention, subject))
    return found


def build_table(parse: Parse, outlets: OutletMatcher) -> EntityTable:
    """Return the entity table of a parsed document."""
    table = EntityTable()
    mentions = _name_mentions(parse, outlets)
    counts = Counter(m.name for _, m, _ in mentions)
    for other in counts:
        for part in _shorter_parts(other.split()):
            if part in counts:
                current = table.full_names.get(part)
                if current is None or counts[other] > counts[current]:
                    table.full_names[part] = other
    votes: dict[str, Counter[str]] = {}
    for sentence, mention, subject in mentions:
        full = table.full_name(mention.name)
        table.add_person(PersonMention(mention.start, sentence, full, subject))
        if mention.gender:
            votes.setdefault(full, Counter())[mention.gender] += 1
        if mention.role:
            words = content_words(parse, mention.start, mention.end) - content_words_of_name(mention)
            table.add_role(mention.start, frozenset(words), mention.role, full)
    table.genders = {name: counter.most_common(1)[0][0] for name, counter in votes.items()}
    return table


def content_words_of_name(mention: Mention) -> frozenset[str]:
    """Return the lowercased lemmas of a mention's name, to keep them out of its role words."""
    return frozenset(word.lower() for word in mention.name.split())


def _shorter_parts(words: list[str]) -> set[str]:
    """Return the names made of a shorter contiguous run of ``words`` ("Peskov" in "Dmitri Peskov").

    Parts have at most ``_MAX_PART_WORDS`` words, so this is linear in the name's length
    (a capitalised headline can make a long "name"): looking every
    shorter name up in this set, instead of comparing every pair of names, keeps the table
    linear in the number of names even when many people share a first name.
    """
    size = len(words)
    longest = min(size - 1, _MAX_PART_WORDS)
    return {" ".join(words[i:i + n]) for n in range(1, longest + 1) for i in range(size - n + 1)}
