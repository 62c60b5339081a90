"""Build the calibration table from annotated corpora.

    python -m quoteattr.evaluation.calibration                 # tune split + corpora dev
    python -m quoteattr.evaluation.calibration --real GOLD … --written GOLD … -o table.tsv

Every candidate (``min_confidence=0``) of every document is judged against the gold, and
each of its back-off keys (see :mod:`quoteattr.calibration`) counts one observation, right
when the quote's span and speaker are both right, on real articles (``--real``) or on
project-written text (``--written``). By default the observations come from the tune split
of the real corpus (``../shared/realdev/tune.jsonl``) and ``corpora/dev.jsonl``; the check
split and corpora test are never used, so they can measure the result.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from quoteattr.calibration import CalibrationTable, Counts, backoff_keys
from quoteattr.evaluation.outcomes import Outcome

_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_REAL = (_ROOT.parent / "shared" / "realdev" / "tune.jsonl",)
DEFAULT_WRITTEN = (_ROOT / "corpora" / "dev.jsonl",)
DEFAULT_OUTPUT = _ROOT / "quoteattr" / "data" / "calibration.tsv"


def build_calibration(real: Sequence[Outcome], written: Sequence[Outcome] = ()) -> CalibrationTable:
    """Return the table of observations for every back-off key, from real and from written text."""
    counts: dict[str, Counts] = {}
    for outcomes_of, is_real in ((real, True), (written, False)):
        for outcome in outcomes_of:
            for key in backoff_keys(outcome.evidence):
                counts[key] = counts.get(key, Counts()).add(outcome.attribution_right, real=is_real)
    return CalibrationTable(counts)


def main(argv: list[str] | None = None) -> int:
    """Regenerate the calibration table from gold corpora and write it."""
    from quoteattr.evaluation.gold import load_gold
    from quoteattr.evaluation.outcomes import outcomes
    from quoteattr.extractor import Extractor

    parser = argparse.ArgumentParser(prog="python -m quoteattr.evaluation.calibration",
                                     description="Regenerate quoteattr/data/calibration.tsv.")
    parser.add_argument("--real", nargs="+", type=Path, default=list(DEFAULT_REAL), metavar="GOLD",
                        help="annotated real articles (default: ../shared/realdev/tune.jsonl)")
    parser.add_argument("--written", nargs="*", type=Path, default=list(DEFAULT_WRITTEN), metavar="GOLD",
                        help="annotated project-written text (default: corpora/dev.jsonl)")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    missing = [str(p) for p in [*args.real, *args.written] if not p.exists()]
    if missing:
        parser.error(f"gold corpus not found: {', '.join(missing)}")
    extractor = Extractor(min_confidence=0.0, calibration=False)

    def judged(paths: Sequence[Path]) -> list[Outcome]:
        """Return the outcome of every candidate of every document of ``paths``."""
        found: list[Outcome] = []
        for path in paths:
            gold = load_gold(path)
            found += outcomes(zip(gold, extractor.pipe(doc.text for doc in gold), strict=True))
        return found

    real, written = judged(args.real), judged(args.written)
    table = build_calibration(real, written)
    sources = ", ".join(p.name if p.parent.name != "realdev" else f"realdev/{p.name}"
                        for p in [*args.real, *args.written])
    args.output.write_text(f"# {len(real)} candidates on real articles, {len(written)} on written text, "
                           f"from {sources}; regenerate: python -m quoteattr.evaluation.calibration\n"
                           + table.to_tsv(), encoding="utf-8")
    print(f"wrote {args.output}: {len(table.counts)} keys from {len(real)} + {len(written)} candidates")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
