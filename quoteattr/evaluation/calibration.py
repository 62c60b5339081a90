"""Build the calibration table from annotated corpora.

    python -m quoteattr.evaluation.calibration                 # tune split + corpora dev
    python -m quoteattr.evaluation.calibration GOLD [GOLD …] -o quoteattr/data/calibration.tsv

Every candidate (``min_confidence=0``) of every document is judged against the gold, and
each of its back-off keys (see :mod:`quoteattr.calibration`) counts one observation, right
when the quote's span and speaker are both right. By default the observations come from the
tune split of the real corpus (``../shared/realdev/tune.jsonl``) and ``corpora/dev.jsonl``;
the check split and corpora test are never used, so they can measure the result.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from quoteattr.calibration import CalibrationTable, backoff_keys
from quoteattr.evaluation.outcomes import Outcome

_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCES = (_ROOT.parent / "shared" / "realdev" / "tune.jsonl", _ROOT / "corpora" / "dev.jsonl")
DEFAULT_OUTPUT = _ROOT / "quoteattr" / "data" / "calibration.tsv"


def build_calibration(found: Sequence[Outcome]) -> CalibrationTable:
    """Return the table of observed and correct counts for every back-off key."""
    counts: dict[str, tuple[int, int]] = {}
    for outcome in found:
        for key in backoff_keys(outcome.evidence):
            observed, correct = counts.get(key, (0, 0))
            counts[key] = (observed + 1, correct + outcome.attribution_right)
    return CalibrationTable(counts)


def main(argv: list[str] | None = None) -> int:
    """Regenerate the calibration table from gold corpora and write it."""
    from quoteattr.evaluation.gold import load_gold
    from quoteattr.evaluation.outcomes import outcomes
    from quoteattr.extractor import Extractor

    parser = argparse.ArgumentParser(prog="python -m quoteattr.evaluation.calibration",
                                     description="Regenerate quoteattr/data/calibration.tsv.")
    parser.add_argument("gold", nargs="*", type=Path, default=list(DEFAULT_SOURCES))
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.gold if not p.exists()]
    if missing:
        parser.error(f"gold corpus not found: {', '.join(missing)}")
    extractor = Extractor(min_confidence=0.0, calibration=False)
    found: list[Outcome] = []
    for path in args.gold:
        gold = load_gold(path)
        found += outcomes(zip(gold, extractor.pipe(doc.text for doc in gold)))
    table = build_calibration(found)
    sources = ", ".join(p.name if p.parent.name != "realdev" else f"realdev/{p.name}" for p in args.gold)
    args.output.write_text(f"# {len(found)} candidates from {sources}; "
                           f"regenerate: python -m quoteattr.evaluation.calibration\n" + table.to_tsv(),
                           encoding="utf-8")
    print(f"wrote {args.output}: {len(table.counts)} keys from {len(found)} candidates")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
