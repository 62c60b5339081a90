"""Accuracy side by side: the real tune and check splits and the project's own test split.

    .venv/bin/python bench/scores.py                  # tune / check / corpora test
    .venv/bin/python bench/scores.py --json           # the same, as JSON
    .venv/bin/python bench/scores.py dev              # any of: tune check test dev

The model loads once and every corpus is scored with ``quoteattr.evaluation.score``, exactly as
``quoteattr evaluate`` does. ``tune`` and ``check`` are read from ``../shared/realdev/`` (real
Wikinews articles, annotated independently); when that folder is absent they are reported as
missing. Tune on tune; read only the scores of check, never its documents or errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quoteattr import Extractor
from quoteattr.evaluation import load_gold, score

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "tune": ROOT.parent / "shared" / "realdev" / "tune.jsonl",
    "check": ROOT.parent / "shared" / "realdev" / "check.jsonl",
    "test": ROOT / "corpora" / "test.jsonl",
    "dev": ROOT / "corpora" / "dev.jsonl",
}
COLUMNS = [("quote F1", ("spans", "overlap", "all", "f1")), ("speaker acc", ("speaker_accuracy", "accuracy")),
           ("attribution F1", ("attribution", "f1")), ("relayed_by F1", ("relayed_by", "f1"))]


def _get(scores: dict, path: tuple[str, ...]) -> float | None:
    """Return the number at ``path`` in a scores dictionary, or None."""
    value: object = scores
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value if isinstance(value, (int, float)) else None


def main() -> None:
    """Score the chosen corpora and print a table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=["tune", "check", "test"], choices=list(CORPORA))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    extractor = Extractor()
    results: dict[str, dict | None] = {}
    for name in args.names:
        path = CORPORA[name]
        if not path.exists():
            results[name] = None
            continue
        gold = load_gold(path)
        results[name] = score(zip(gold, extractor.pipe(doc.text for doc in gold))).as_dict()
    if args.json:
        json.dump({n: r and {label: _get(r, p) for label, p in COLUMNS} for n, r in results.items()},
                  sys.stdout, indent=1)
        print()
        return
    print(f"{'':16}" + "".join(f"{name:>10}" for name in results))
    for label, path in COLUMNS:
        cells = []
        for result in results.values():
            value = None if result is None else _get(result, path)
            cells.append(f"{'missing' if result is None else ('-' if value is None else f'{value:.3f}'):>10}")
        print(f"{label:16}" + "".join(cells))


if __name__ == "__main__":
    main()
