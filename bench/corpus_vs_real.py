"""Shapes of quoteattr's own corpus against real articles: does the corpus mirror the rules?

    .venv/bin/python bench/corpus_vs_real.py             # markdown table on stdout
    .venv/bin/python bench/corpus_vs_real.py --shared DIR  # another folder instead of ../shared

No model is loaded; the whole run takes a few seconds. Columns: ``corpora/dev.jsonl``,
``corpora/test.jsonl``, both together, the real tune split ``../shared/realdev/tune.jsonl``
(never check.jsonl) and the raw pages of ``../shared/seeds/*.txt`` (no annotations). When
``../shared`` is absent the script says so and prints those columns as ``missing``.

Each shape is measured twice where it can be: ``gold`` reads the annotations (so it follows the
annotation convention of each corpus), ``pattern`` is a regular expression over the raw text
(convention-free, and the only measure the seeds allow). A cell is ``k/n (share)``; ``n/a``
means the measure needs annotations the corpus does not have. The verb forms the patterns know
are the fixed list ``VERB_FORMS`` below (common reporting verbs, their participle and present
and imperfect third-person forms), not the extractor's lexicon, so the two lexicon rows of the
comparison (outlets and verb lemmas covered by quoteattr's data files) are left to
``bench/lexicon_coverage.py``.

Rows:

- **incise after a closing mark with no comma** ("» a-t-il souligné" vs "», a-t-il
  souligné"). gold: direct and mixed quotes whose reporting verb comes right after the closing
  mark (at most two words between, such as "a-t-il" or "a encore") and whose speaker is after
  the quote; k counts those with no comma between the mark and the verb. pattern: a closing
  mark (», ”, or " after a non-space) then an optional comma then a known verb form (auxiliary
  plus participle, a present or imperfect form, an inverted pronoun "-t-il"), not followed by
  "que" or a colon; k counts the matches with no comma.
- **direct quotes of three words or fewer**. gold: quotes of kind direct whose span has at most
  three whitespace-separated words. pattern: quoted segments (« », “ ”, paired straight
  quotes) that a known verb form precedes in the same sentence (within 80 characters) or that
  an incise follows; k counts those of at most three words — fragments inside mixed quotes
  count here, which is why it differs from gold.
- **words between the reporting verb and the opening mark** ("a déclaré mardi à la presse :
  « … »"). gold, two rows over the direct quotes that have a verb: k counts those whose verb
  precedes the quote, then those where at least one word other than "que"/"qu'" also stands
  between the verb and the opening mark (the corpus mostly puts the verb in an incise after
  or inside the quote, so both numbers matter). pattern: a known verb
  form, then up to 120 characters with no sentence end and no quote mark, then a colon and an
  opening mark; k counts those with at least one word between the verb and the colon.
- **"X, citant Y" where Y is not an outlet**. gold: every "citant"; Y is an outlet when an
  annotated relayed_by span starts in the noun phrase after it (up to the next comma, full
  stop, colon or semicolon, at most 80 characters). pattern: the same noun phrase is an outlet
  when it holds a mention of quoteattr's outlet list or starts with an outlet noun ("agence",
  "journal", "chaîne", …). k counts the non-outlets.
- **reports nested inside a direct quote**. gold: quotes whose span lies inside the span of
  another direct or block quote, over the direct and block quotes. pattern: quoted segments of
  four words or more that hold a known verb form followed by "que"/"qu'", over all quoted
  segments of four words or more.
- **pronoun speakers standing for an organisation** ("L'association … Elle affirme que").
  gold: quotes whose speaker mention is il/elle/ils/elles; k counts those whose speaker is an
  organisation: kind ``organization`` where the corpus annotates speaker kinds, else (realdev
  leaves every kind ``unknown``) a name holding one of quoteattr's organisation nouns or an
  acronym. No pattern: a pronoun's antecedent needs the annotation.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from quoteattr.evaluation import load_gold
from quoteattr.evaluation.gold import GoldDocument, GoldQuote
from quoteattr.lexicons import OutletMatcher, default_outlets, organization_nouns

ROOT = Path(__file__).resolve().parent.parent
CORPORA_DIR = ROOT / "corpora"

# Reporting verbs the patterns know: the participle, then irregular finite forms. A participle
# in -é also yields the present (-e, -ent) and imperfect (-ait, -aient) forms of its -er verb.
VERB_FORMS: tuple[tuple[str, ...], ...] = (
    ("dit", "dit", "disent", "disait", "disaient"),
    ("écrit", "écrit", "écrivent", "écrivait"),
    ("conclu", "conclut", "concluent"),
    ("reconnu", "reconnaît", "reconnait", "reconnaissent", "reconnaissait"),
    ("admis", "admet", "admettent", "admettait"),
    ("promis", "promet", "promettent", "promettait"),
    ("prévenu", "prévient", "préviennent", "prévenait"),
    ("poursuivi", "poursuit", "poursuivent", "poursuivait"),
    ("averti", "avertit", "avertissent", "avertissait"),
    ("soutenu", "soutient", "soutiennent", "soutenait"),
    ("répondu", "répond", "répondent", "répondait"),
    ("démenti", "dément", "démentent", "démentait"),
    ("rappelé", "rappelle", "rappellent"),
    ("relevé", "relève", "relèvent"),
    ("martelé", "martèle", "martèlent"),
    ("répété", "répète", "répètent"),
    ("concédé", "concède", "concèdent"),
    *((participle,) for participle in (
        "déclaré", "affirmé", "ajouté", "précisé", "souligné", "indiqué", "expliqué", "assuré",
        "estimé", "confié", "raconté", "insisté", "noté", "lancé", "observé", "regretté",
        "dénoncé", "déploré", "jugé", "commenté", "tranché", "ironisé", "annoncé", "résumé",
        "protesté", "plaidé", "rétorqué", "répliqué", "confirmé", "glissé", "lâché", "rapporté",
        "témoigné", "détaillé", "avancé", "signalé", "tonné", "fustigé", "analysé", "nuancé",
        "relaté", "raillé", "tempêté",
    )),
)
AUXILIARIES = (r"(?:a(?:-t-(?:il|elle|on))?|ont(?:-(?:ils|elles))?|avait(?:-(?:il|elle))?"
               r"|avaient(?:-(?:ils|elles))?|aurait(?:-(?:il|elle))?|auraient(?:-(?:ils|elles))?)")
SPACE = r"[ \u00a0\u202f]"
OUTLET_NOUNS = regex.compile(
    r"(?:l['’]|le |la |les |un |une |des )?(?:agence|agences|journal|quotidien|hebdomadaire|"
    r"magazine|chaîne|chaînes|télévision|radio|médias?|site|presse)\b", regex.IGNORECASE)
PRONOUNS = {"il", "elle", "ils", "elles"}


def _forms() -> tuple[list[str], list[str]]:
    """Return the known participles and the known finite forms, longest first."""
    participles, finite = [], []
    for participle, *irregular in VERB_FORMS:
        participles.append(participle)
        if irregular:
            finite.extend(irregular)
        elif participle.endswith("é"):
            stem = participle[:-1]
            finite.extend([stem + "e", stem + "ent", stem + "ait", stem + "aient"])
    return (sorted(set(participles), key=len, reverse=True),
            sorted(set(finite), key=len, reverse=True))


_PARTICIPLES, _FINITE = _forms()
_PART = "(?:" + "|".join(map(regex.escape, _PARTICIPLES)) + ")"
_FIN = "(?:" + "|".join(map(regex.escape, _FINITE)) + ")"
# A reporting verb form anywhere: auxiliary (+ one adverb) + participle, or a finite form.
VERB = (rf"(?:\b{AUXILIARIES}{SPACE}+(?:\w+{SPACE}+)?{_PART}\b"
        rf"|\b{_FIN}(?:-t-(?:il|elle|on)|-(?:il|elle|ils|elles))?\b)")
INCISE = regex.compile(
    rf"(?:»|”|(?<=\S)\")(?P<gap>{SPACE}*(?P<comma>,)?{SPACE}*)(?={VERB})(?P<verb>{VERB})"
    rf"(?!{SPACE}*(?:que\b|qu['’]|:))", regex.IGNORECASE)
INCISE_START = regex.compile(rf"{SPACE}*,?{SPACE}*{VERB}(?!{SPACE}*(?:que\b|qu['’]|:))",
                             regex.IGNORECASE)
VERB_RE = regex.compile(VERB, regex.IGNORECASE)
VERB_QUE = regex.compile(rf"{VERB}{SPACE}+(?:\S+{SPACE}+){{0,3}}(?:que\b|qu['’])", regex.IGNORECASE)
COLON_QUOTE = regex.compile(
    rf"(?P<verb>{VERB})(?P<gap>[^.!?«»“”\"\n:]{{0,120}}?){SPACE}*:{SPACE}*(?:«|“|\")",
    regex.IGNORECASE)
SEGMENT = regex.compile(r"«(?P<a>[^«»]*)»|“(?P<b>[^“”]*)”"
                        r"|(?<![\w\"])\"(?P<c>[^\"\n]{1,600}?)\"(?![\w\"])")
SENTENCE_END = regex.compile(r"[.!?]\s")
CITANT = regex.compile(r"\bcitant\b", regex.IGNORECASE)
NP_END = regex.compile(r"[,.;:\n]")


@dataclass(frozen=True)
class Corpus:
    """One column: raw texts, and gold documents when the corpus is annotated."""

    name: str
    texts: list[str]
    gold: list[GoldDocument] | None
    annotates_kinds: bool = True


@dataclass(frozen=True)
class Count:
    """``k`` of ``n`` cases have the shape; None when the measure does not apply."""

    k: int
    n: int

    def cell(self) -> str:
        """Return ``k/n (p %)``."""
        if self.n == 0:
            return f"{self.k}/0"
        return f"{self.k}/{self.n} ({100 * self.k / self.n:.0f} %)"


def _words(text: str) -> list[str]:
    """Return the whitespace-separated words of ``text`` that hold a letter or digit."""
    return [w for w in text.split() if regex.search(r"\w", w)]


def _segments(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, inner text)`` of each quoted segment, marks outside."""
    found = []
    for match in SEGMENT.finditer(text):
        group = next(g for g in ("a", "b", "c") if match.group(g) is not None)
        found.append((match.start(), match.end(), match.group(group)))
    return found


# gold measures ---------------------------------------------------------------------------


def _gold_incise(doc: GoldDocument, quote: GoldQuote) -> bool | None:
    """Return whether an after-mark incise has no comma; None when ``quote`` has none."""
    if quote.kind not in ("direct", "mixed") or quote.verb is None or quote.speaker is None:
        return None
    if quote.verb.start < quote.end or quote.speaker.start < quote.end:
        return None
    gap = doc.text[quote.end:quote.verb.start]
    stripped = gap.lstrip(" \u00a0\u202f")
    if quote.kind == "direct":
        if not stripped or stripped[0] not in "»”\"":
            return None
        stripped = stripped[1:]
    elif not doc.text[:quote.end].rstrip(" \u00a0\u202f").endswith(("»", "”", "\"")):
        return None
    if regex.search(r"[.!?;:«“\n]", stripped) or len(_words(stripped)) > 2:
        return None
    return "," not in stripped


def _gold_short(doc: GoldDocument, quote: GoldQuote) -> bool | None:
    """Return whether a direct quote has at most three words; None for other kinds."""
    return len(_words(quote.text)) <= 3 if quote.kind == "direct" else None


def _gold_preceding(doc: GoldDocument, quote: GoldQuote) -> bool | None:
    """Return whether a direct quote's verb precedes it; None for quotes with no verb."""
    if quote.kind != "direct" or quote.verb is None:
        return None
    return quote.verb.end <= quote.start


def _gold_gap(doc: GoldDocument, quote: GoldQuote) -> bool | None:
    """Return whether words separate a preceding verb from a direct quote's opening mark.

    None for quotes with no verb; False when the verb does not precede the quote.
    """
    preceding = _gold_preceding(doc, quote)
    if not preceding or quote.verb is None:
        return preceding
    gap = doc.text[quote.verb.end:quote.start]
    words = [w for w in _words(gap.replace("«", " ").replace("“", " ").replace("\"", " "))
             if w.lower() not in {"que", "qu'", "qu’"}]
    return bool(words)


def _gold_citant(doc: GoldDocument) -> list[bool]:
    """Return, for each "citant", whether what it cites is not an annotated outlet."""
    outlet_starts = {r.start for q in doc.quotes for r in q.relayed_by}
    results = []
    for match in CITANT.finditer(doc.text):
        end = match.end() + 80
        stop = NP_END.search(doc.text, match.end(), end)
        end = stop.start() if stop else end
        results.append(not any(match.end() <= s < end for s in outlet_starts))
    return results


def _gold_nested(doc: GoldDocument) -> Count:
    """Return the quotes nested in a direct or block quote, over the direct and block ones."""
    hosts = [q for q in doc.quotes if q.kind in ("direct", "block")]
    nested = sum(1 for q in doc.quotes
                 if any(h is not q and h.start <= q.start and q.end <= h.end and
                        (h.start, h.end) != (q.start, q.end) for h in hosts))
    return Count(nested, len(hosts))


def _is_organization(name: str) -> bool:
    """Return whether a speaker name looks like an organisation (when kinds are not annotated)."""
    nouns = organization_nouns()
    words = regex.findall(r"\w+", name)
    return any(w.lower() in nouns for w in words) or any(
        len(w) >= 2 and w.isupper() for w in words)


def _gold_pronoun_org(corpus: Corpus, quote: GoldQuote) -> bool | None:
    """Return whether a pronoun speaker stands for an organisation; None if not a pronoun."""
    speaker = quote.speaker
    if speaker is None or speaker.text.lower() not in PRONOUNS:
        return None
    if corpus.annotates_kinds:
        return speaker.kind == "organization"
    return _is_organization(speaker.name)


# pattern measures ------------------------------------------------------------------------


def _pattern_incise(text: str) -> list[bool]:
    """Return, for each incise after a closing mark, whether it has no comma."""
    return [match.group("comma") is None for match in INCISE.finditer(text)]


def _attributed(text: str, start: int, end: int) -> bool:
    """Return whether a verb form precedes the segment in its sentence or an incise follows."""
    window = text[max(0, start - 80):start]
    ends = list(SENTENCE_END.finditer(window))
    window = window[ends[-1].end():] if ends else window
    return bool(VERB_RE.search(window)) or bool(INCISE_START.match(text, end))


def _pattern_short(text: str) -> list[bool]:
    """Return, for each attributed quoted segment, whether it has at most three words."""
    return [len(_words(inner)) <= 3 for start, end, inner in _segments(text)
            if _words(inner) and _attributed(text, start, end)]


def _pattern_gap(text: str) -> list[bool]:
    """Return, for each "verb … : «", whether words stand between the verb and the colon."""
    return [bool(_words(match.group("gap"))) for match in COLON_QUOTE.finditer(text)]


def _pattern_citant(text: str, outlets: OutletMatcher) -> list[bool]:
    """Return, for each "citant", whether the cited noun phrase is not an outlet."""
    results = []
    for match in CITANT.finditer(text):
        end = match.end() + 80
        stop = NP_END.search(text, match.end(), end)
        phrase = text[match.end():stop.start() if stop else end].strip()
        is_outlet = bool(outlets.find(phrase)) or bool(OUTLET_NOUNS.match(phrase))
        results.append(not is_outlet)
    return results


def _pattern_nested(text: str) -> list[bool]:
    """Return, for each quoted segment of four words or more, whether it holds a report."""
    return [bool(VERB_QUE.search(inner)) for _, _, inner in _segments(text)
            if len(_words(inner)) >= 4]


# table -------------------------------------------------------------------------------------


def _tally(flags: Iterable[bool | None]) -> Count:
    """Count the True flags among those that are not None."""
    kept = [f for f in flags if f is not None]
    return Count(sum(kept), len(kept))


QuoteMeasure = Callable[[GoldDocument, GoldQuote], bool | None]


def _per_quote(corpus: Corpus, measure: QuoteMeasure) -> Count | None:
    """Apply a per-quote gold measure over a corpus, or None without gold."""
    if corpus.gold is None:
        return None
    return _tally(measure(doc, q) for doc in corpus.gold for q in doc.quotes)


def _per_text(corpus: Corpus, measure: Callable[[str], list[bool]]) -> Count:
    """Apply a raw-text measure over every text of a corpus."""
    return _tally(flag for text in corpus.texts for flag in measure(text))


def rows(corpus: Corpus, outlets: OutletMatcher) -> list[tuple[str, str, Count | None]]:
    """Return ``(shape, method, count)`` for every row of the table, for one corpus."""
    gold = corpus.gold
    citant_gold = None if gold is None else _tally(f for d in gold for f in _gold_citant(d))
    nested_gold = None
    pronoun_gold = None
    if gold is not None:
        parts = [_gold_nested(d) for d in gold]
        nested_gold = Count(sum(c.k for c in parts), sum(c.n for c in parts))
        pronoun_gold = _tally(_gold_pronoun_org(corpus, q) for d in gold for q in d.quotes)
    return [
        ("incise after a closing mark, no comma", "gold", _per_quote(corpus, _gold_incise)),
        ("incise after a closing mark, no comma", "pattern", _per_text(corpus, _pattern_incise)),
        ("direct quotes of ≤ 3 words", "gold", _per_quote(corpus, _gold_short)),
        ("attributed quoted segments of ≤ 3 words", "pattern", _per_text(corpus, _pattern_short)),
        ("direct quotes whose verb precedes the opening mark", "gold",
         _per_quote(corpus, _gold_preceding)),
        ("… and words between verb and opening mark", "gold", _per_quote(corpus, _gold_gap)),
        ("colon quotes \"verb … : «\" with words before the colon", "pattern",
         _per_text(corpus, _pattern_gap)),
        ("\"X, citant Y\", Y not an outlet", "gold", citant_gold),
        ("\"X, citant Y\", Y not an outlet", "pattern",
         _per_text(corpus, lambda t: _pattern_citant(t, outlets))),
        ("reports nested in a direct/block quote", "gold", nested_gold),
        ("quoted segments (≥ 4 words) holding \"verb que\"", "pattern",
         _per_text(corpus, _pattern_nested)),
        ("pronoun speakers that are organisations", "gold", pronoun_gold),
    ]


def load_corpora(shared: Path) -> tuple[list[Corpus], list[str]]:
    """Return the corpora found and the names of those missing."""
    dev = load_gold(CORPORA_DIR / "dev.jsonl")
    test = load_gold(CORPORA_DIR / "test.jsonl")
    found = [Corpus("corpora dev", [d.text for d in dev], dev),
             Corpus("corpora test", [d.text for d in test], test),
             Corpus("corpora dev+test", [d.text for d in dev + test], dev + test)]
    missing = []
    tune_path = shared / "realdev" / "tune.jsonl"
    if tune_path.is_file():
        tune = load_gold(tune_path)
        found.append(Corpus("realdev tune", [d.text for d in tune], tune, annotates_kinds=False))
    else:
        missing.append("realdev tune")
    seeds = sorted((shared / "seeds").glob("*.txt")) if (shared / "seeds").is_dir() else []
    if seeds:
        found.append(Corpus("seeds", [p.read_text(encoding="utf-8") for p in seeds], None))
    else:
        missing.append("seeds")
    return found, missing


def render(corpora: Sequence[Corpus], missing: Sequence[str], outlets: OutletMatcher) -> str:
    """Return the comparison as a markdown table."""
    columns = [rows(c, outlets) for c in corpora]
    header = ["shape", "method", *(c.name for c in corpora), *missing]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    absent = ["missing"] * len(missing)
    for index, (shape, method, _) in enumerate(columns[0]):
        counts = [col[index][2] for col in columns]
        cells = ["n/a" if count is None else count.cell() for count in counts]
        lines.append("| " + " | ".join([shape, method, *cells, *absent]) + " |")
    documents = ["documents", "", *(str(len(c.texts)) for c in corpora), *absent]
    lines.append("| " + " | ".join(documents) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the table; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="folder holding realdev/tune.jsonl and seeds/ (default ../shared)")
    args = parser.parse_args(argv)
    corpora, missing = load_corpora(args.shared)
    if missing:
        print(f"note: {args.shared} does not hold {', '.join(missing)}: shown as missing",
              file=sys.stderr)
    print(render(corpora, missing, OutletMatcher(default_outlets())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
