"""The named attribution rules: what each one finds, in the order the extractor tries them.

Every finding records, in ``Finding.evidence``, the names of the rules that found its span
and cue, its speaker and its relays, in the order they fired. The names are declared here
once; ``quoteattr evaluate --by-rule`` scores each, and the calibration table
(``quoteattr/data/calibration.tsv``) turns each combination into a measured confidence.

To add a construction: write its rule function where its family lives (``direct.py`` for
quote marks and colons, ``indirect.py`` for reported speech, ``speakers.py`` for subjects),
add one :class:`Rule` line below at its place in the order, record its name on the findings
it makes, and add tests (README, "Development").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Stage = Literal["span", "speaker", "relay", "modifier"]


@dataclass(frozen=True)
class Rule:
    """One named rule of the attribution layer.

    Attributes:
        name: the name recorded in ``evidence``.
        stage: what it decides: the quote span and cue, the speaker, a relay, or a modifier
            that changes how far the other evidence can be trusted.
        family: the group it backs off to when it has too few observations to calibrate.
        description: what it recognises, with an example.
    """

    name: str
    stage: Stage
    family: str
    description: str


RULES: tuple[Rule, ...] = (
    # Spans and cues of quotations in marks, and of colon blocks, in the order tried.
    Rule("incise_after", "span", "direct", "a reporting verb right after the closing mark: « … », a déclaré X"),
    Rule("selon_after", "span", "direct", "« … », selon X"),
    Rule("colon_verb", "span", "direct", "a reporting verb before a colon: X a déclaré : « … »"),
    Rule("colon_noun", "span", "direct", "a speech noun before a colon: dans un communiqué, le ministère : « … »"),
    Rule("colon_name", "span", "direct", "a short name before a colon: Peskov : « … »"),
    Rule("selon_before", "span", "direct", "selon X, « … »"),
    Rule("verb_before", "span", "direct", "the quote as the verb's object, words between: a dénoncé mardi une « … »"),
    Rule("incise_inside", "span", "direct", "an incise inside the quote: « A, a-t-il dit, B »"),
    Rule("incise_shared", "span", "direct", "the incise of the quote before, the sentence goes on: « A » a-t-il dit, « B »"),
    Rule("announced_before", "span", "direct", "a cue-less quote after a sentence that announces it: X a réagi. « … »"),
    Rule("long_fragment", "span", "direct", "a long quoted fragment in a clause with no reporting verb: La chaîne met « tout en œuvre … »"),
    Rule("continuation", "span", "direct", "a cue-less quote after a quote of a known speaker"),
    Rule("no_cue", "span", "direct", "a quoted span with no cue: a scare quote or a title, kept below the threshold"),
    # Reported speech.
    Rule("selon_clause", "span", "indirect", "Selon X, the reported clause"),
    Rule("selon_parenthetical", "span", "indirect", "En février, selon X, the reported clause"),
    Rule("pour_qui", "span", "indirect", "X, pour qui the reported clause"),
    Rule("comme_incise", "span", "indirect", "the reported clause comme le précise X; comme l'a dit X, the clause"),
    Rule("que_clause", "span", "indirect", "X a déclaré que the reported clause"),
    Rule("predicative_report", "span", "indirect", "X s'est dit inquiet de the reported words"),
    Rule("infinitive_complement", "span", "indirect", "X a promis de the reported clause"),
    Rule("directive_clause", "span", "indirect", "X a appelé les habitants à the reported clause"),
    Rule("inverted_incise", "span", "indirect", "the reported clause, a indiqué X"),
    Rule("object_clause", "span", "indirect", "a noun phrase object that is what was said: X a confirmé un plan de …"),
    Rule("mixed_fragment", "span", "mixed", "a report that holds a quoted fragment: X a dit que « … »"),
    # Speakers: where the subject was found, then how it was resolved to a name.
    Rule("subject_clitic", "speaker", "subject", "an inverted clitic: a-t-il dit, dit-elle"),
    Rule("subject_relative", "speaker", "subject", "the antecedent of qui: X, ministre, qui a déclaré; X pour qui"),
    Rule("subject_after_quote", "speaker", "subject", "the noun phrase after an incise verb: », prévient X"),
    Rule("subject_before", "speaker", "subject", "the noun phrase right before the verb: X, ministre, a dit"),
    Rule("subject_dependency", "speaker", "subject", "the nominal subject in the parse tree"),
    Rule("subject_after_verb", "speaker", "subject", "the first bare noun phrase after the verb"),
    Rule("subject_inverted", "speaker", "subject", "an inverted nominal the parser labels obj or dep"),
    Rule("previous_reporter", "speaker", "subject", "the subject of the report before it: a dit que … et ajouté que"),
    Rule("selon_head", "speaker", "subject", "the noun phrase after selon / d'après"),
    Rule("colon_subject", "speaker", "subject", "the speaker of a noun or name cue before a colon"),
    Rule("previous_speaker", "speaker", "coreference", "the speaker of the quote just before"),
    Rule("named", "speaker", "coreference", "the mention holds a person's name"),
    Rule("organization", "speaker", "coreference", "the mention names an organisation"),
    Rule("pronoun_antecedent", "speaker", "coreference", "a pronoun resolved to an earlier person"),
    Rule("description_to_name", "speaker", "coreference", "le président russe → the person the article gave that role"),
    Rule("unresolved", "speaker", "coreference", "a pronoun or description the article does not resolve"),
    Rule("outlet_speaker", "speaker", "relay", "an outlet is the only attribution: selon l'agence KCNA"),
    Rule("no_speaker", "speaker", "coreference", "no rule found a speaker"),
    # Relays and modifiers.
    Rule("relay_cue", "relay", "relay", "an outlet in the cue's stretch of text: rapporte Tass, citant Interfax"),
    Rule("broadcast", "relay", "relay", "a broadcaster before a colon cue: à la télévision d'État :"),
    Rule("passage_announcer", "relay", "relay", "an outlet announcing a passage: Reuters rapporte :"),
    Rule("relay_nesting", "relay", "relay", "an outer relaying report folded into the report it holds"),
    Rule("relay_carried", "relay", "relay", "the relays of the quote before, same speaker: Selon Tass, X a dit …. Il a ajouté …"),
    Rule("page_furniture", "modifier", "modifier", "the quote sits on a menu, timestamp or related-links line"),
    Rule("nested_report", "modifier", "modifier", "a third party's report inside a direct quote: « X m'a dit que … »"),
)

RULE_NAMES: frozenset[str] = frozenset(rule.name for rule in RULES)
RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}


def rule_named(name: str) -> Rule:
    """Return the rule called ``name``.

    Raises:
        KeyError: no rule has that name; the message lists the known ones.
    """
    if name not in RULES_BY_NAME:
        raise KeyError(f"no attribution rule named {name!r}; known: {', '.join(sorted(RULE_NAMES))}")
    return RULES_BY_NAME[name]
