"""How much of the outlets and reporting verbs of real text do quoteattr's lexicons cover?

For the project's corpus (corpora/dev.jsonl + test.jsonl) and for real journalism read from
../shared at run time (realdev/tune.jsonl, annotated; seeds/*.txt, raw pages), it prints:

- outlets: the share of the gold ``relayed_by`` outlets that the gazetteer finds at their span
  (and with the gold name), and the share of outlets named after an outlet noun in the text
  ("l'agence Kyodo", "la chaîne Telegram", "le quotidien Le Soleil") that it finds;
- reporting verbs: the share of gold verb lemmas (occurrences and distinct lemmas) that the
  verb lexicon holds, a reflexive "se"/"s'" ignored as the scorer ignores it.

No model is loaded. ``--outlets`` and ``--verbs`` measure other data files (for example an
older version: ``git show REV:quoteattr/data/outlets.tsv > /tmp/old.tsv``), matched with
today's matcher. The held-out realdev/check.jsonl is never read.

    .venv/bin/python bench/lexicon_coverage.py
    .venv/bin/python bench/lexicon_coverage.py --outlets /tmp/old_outlets.tsv --verbs /tmp/old_verbs.tsv
    .venv/bin/python bench/lexicon_coverage.py --show          # list the outlet mentions missed
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from quoteattr.evaluation import load_gold
from quoteattr.evaluation.gold import GoldDocument
from quoteattr.evaluation.names import normalise_lemma
from quoteattr.lexicons import (
    OutletEntry,
    default_outlets,
    load_outlets,
    reporting_verbs,
)
from quoteattr.outlets import OutletMatcher

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_NAME = r"\p{Lu}[\p{L}\d'’.&+-]*"
_OUTLET_NOUN = regex.compile(
    r"\b(?:agences?[ \u00a0]de[ \u00a0]presse|agences?(?![ \u00a0](?:spatiale|de[ \u00a0]notation|immobilière|"
    r"parisienne|de[ \u00a0]voyage|de[ \u00a0]communication|d['’]architecture))|journal|quotidien|hebdomadaire|"
    r"magazine|site[ \u00a0]d['’]information|chaîne(?:[ \u00a0]de[ \u00a0]télévision|[ \u00a0]d['’]information)?|"
    r"radio|télévision|réseau[ \u00a0]social|application[ \u00a0]de[ \u00a0]messagerie|messagerie|plateforme)"
    r"(?:[ \u00a0](?:en[ \u00a0]continu|d['’]État|d['’]Etat|(?!(?:de|du|des|la|le|les|en|à|au|aux|et|ou|qui|que)\b)"
    r"\p{Ll}[\p{Ll}-]+)){0,3}"
    rf"[ \u00a0]({_NAME}(?:[ \u00a0](?:{_NAME}|\d+))*)"
)


@dataclass
class Coverage:
    """Counts for one source of text."""

    relays: int = 0
    relays_found: int = 0
    relays_named: int = 0
    named: int = 0
    named_found: int = 0
    verbs: int = 0
    verbs_known: int = 0
    lemmas: set[str] = field(default_factory=set)
    lemmas_known: set[str] = field(default_factory=set)
    misses: list[str] = field(default_factory=list)


def _hits(matcher: OutletMatcher, text: str, start: int, end: int) -> list[str]:
    """Return the names of the outlets the matcher finds overlapping ``[start, end)``."""
    return [name for s, e, name in matcher.find(text, max(0, start - 30), min(len(text), end + 30))
            if s < end and e > start]


def _count_text(coverage: Coverage, matcher: OutletMatcher, text: str) -> None:
    """Count the outlets named after an outlet noun in ``text``."""
    for match in _OUTLET_NOUN.finditer(text):
        coverage.named += 1
        if _hits(matcher, text, *match.span(1)):
            coverage.named_found += 1
        else:
            coverage.misses.append(match.group())


def _count_gold(coverage: Coverage, matcher: OutletMatcher, verbs: set[str], documents: Iterable[GoldDocument]) -> None:
    """Count gold relays, outlet nouns and gold verb lemmas of annotated documents."""
    for document in documents:
        _count_text(coverage, matcher, document.text)
        for quote in document.quotes:
            for relay in quote.relayed_by:
                names = _hits(matcher, document.text, relay.start, relay.end)
                coverage.relays += 1
                coverage.relays_found += bool(names)
                coverage.relays_named += relay.name in names
                if relay.name not in names:
                    coverage.misses.append(f"{relay.text} (gold {relay.name})")
            if quote.verb is not None:
                lemma = normalise_lemma(quote.verb.lemma)
                coverage.verbs += 1
                coverage.lemmas.add(lemma)
                if lemma in verbs:
                    coverage.verbs_known += 1
                    coverage.lemmas_known.add(lemma)


def _verb_lemmas(path: Path | None) -> tuple[int, set[str]]:
    """Return the number of lexicon entries and their lemmas without a reflexive pronoun.

    The entries are read from ``path`` (a TSV in the package's format) or the package.
    """
    if path is None:
        lemmas: list[str] = list(reporting_verbs())
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
        lemmas = [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")]
    return len(lemmas), {normalise_lemma(lemma) for lemma in lemmas}


def _outlets(path: Path | None) -> tuple[OutletEntry, ...]:
    """Return the outlets of ``path`` (a TSV in the package's format) or the package's own."""
    if path is None:
        return default_outlets()
    return load_outlets(path)[len(default_outlets()):]


def _share(part: int, whole: int) -> str:
    """Return ``part/whole`` and its percentage, or "–" when there is nothing to count."""
    return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "–"


def main(argv: list[str] | None = None) -> int:
    """Print the coverage table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outlets", type=Path, help="outlets TSV to measure instead of the package's")
    parser.add_argument("--verbs", type=Path, help="reporting-verbs TSV to measure instead of the package's")
    parser.add_argument("--show", action="store_true", help="list the outlet mentions the gazetteer misses")
    args = parser.parse_args(argv)
    outlets = _outlets(args.outlets)
    entries, verbs = _verb_lemmas(args.verbs)
    matcher = OutletMatcher(outlets)
    print(f"outlets: {len(outlets)} ({args.outlets or 'quoteattr/data/outlets.tsv'}); "
          f"verb entries: {entries}, {len(verbs)} lemmas without a reflexive pronoun "
          f"({args.verbs or 'quoteattr/data/reporting_verbs.tsv'})\n")
    rows: list[tuple[str, Coverage]] = []
    corpus = Coverage()
    _count_gold(corpus, matcher, verbs,
                [doc for split in ("dev", "test") for doc in load_gold(ROOT / "corpora" / f"{split}.jsonl")])
    rows.append(("corpora/ dev+test (written for the project)", corpus))
    tune = SHARED / "realdev" / "tune.jsonl"
    if tune.is_file():
        real = Coverage()
        _count_gold(real, matcher, verbs, load_gold(tune))
        rows.append(("../shared/realdev/tune.jsonl (Wikinews)", real))
    else:
        print(f"{tune} is absent: no realdev row.")
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if seeds:
        pages = Coverage()
        for path in seeds:
            _count_text(pages, matcher, path.read_text(encoding="utf-8"))
        rows.append((f"../shared/seeds/*.txt ({len(seeds)} pages, no annotation)", pages))
    else:
        print(f"{SHARED / 'seeds'} holds no page: no seeds row.")
    print("| text | gold relays found | with the gold name | outlets named after an outlet noun, found "
          "| gold verb occurrences in the lexicon | distinct gold lemmas in the lexicon |")
    print("|---|---|---|---|---|---|")
    for label, c in rows:
        print(f"| {label} | {_share(c.relays_found, c.relays)} | {_share(c.relays_named, c.relays)} "
              f"| {_share(c.named_found, c.named)} | {_share(c.verbs_known, c.verbs)} "
              f"| {_share(len(c.lemmas_known), len(c.lemmas))} |")
    missing = sorted(set().union(*(c.lemmas - c.lemmas_known for _, c in rows)))
    print(f"\ngold lemmas not in the lexicon: {', '.join(missing) or 'none'}")
    if args.show:
        for label, c in rows:
            print(f"\noutlets missed in {label}:", *([f"  {miss!r}" for miss in c.misses] or ["  none"]), sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
