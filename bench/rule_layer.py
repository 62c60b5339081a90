"""Rule layer speed: megabytes per second of the regex layer alone, no parser, no model.

    .venv/bin/python bench/rule_layer.py               # 3 MB of news, best of 5 runs (~1 min)
    .venv/bin/python bench/rule_layer.py --mb 10 --repeat 3

The corpus is :func:`news_texts.news_corpus` (real articles of ``../shared`` and the passages
of ``corpora/``). Each part of the rule layer runs over every text, as the extractor runs it
on each document: ``for_parsing`` (the text as the parser sees it), ``paragraphs``,
``find_quotes`` (given the paragraphs), ``find_blocks`` (given the quotes) and
``furniture_ranges``; then all of them together. The baseline, timed in the same process on
the same texts, is ``str.split`` (one pass that looks at every character): the ratio
part / baseline says how many such passes a part costs, which compares across machines where
megabytes per second do not.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from news_texts import news_corpus  # bench/news_texts.py, beside this script

from quoteattr.rules.blocks import find_blocks
from quoteattr.rules.layout import furniture_ranges, paragraphs
from quoteattr.rules.marks import find_quotes
from quoteattr.sanitize import for_parsing


def whole_layer(text: str) -> None:
    """Run the whole rule layer on one text, as the extractor does."""
    cleaned = for_parsing(text)
    blocks = paragraphs(cleaned)
    quotes = find_quotes(cleaned, blocks)
    find_blocks(cleaned, quotes)
    furniture_ranges(cleaned)


PARTS: dict[str, Callable[[str], object]] = {
    "str.split (baseline)": str.split,
    "for_parsing": for_parsing,
    "paragraphs": paragraphs,
    "find_quotes": lambda text: find_quotes(text, paragraphs(text)),
    "find_blocks": lambda text: find_blocks(text, find_quotes(text, paragraphs(text))),
    "furniture_ranges": furniture_ranges,
    "whole rule layer": whole_layer,
}
"""What is timed; ``find_quotes`` and ``find_blocks`` include the steps they need."""


def _seconds(function: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Return the best wall-clock seconds of ``repeat`` runs of ``function`` over ``texts``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    """Time every part of the rule layer; print MB/s and the ratio to the baseline."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=3.0, help="corpus size in MB of text (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each part, best kept (default: %(default)s)")
    args = parser.parse_args(argv)
    texts = news_corpus(int(args.mb * 1_000_000))
    megabytes = sum(map(len, texts)) / 1_000_000
    print(f"corpus: {len(texts):,} texts, {megabytes:.2f} million characters; best of {args.repeat} runs")
    print()
    print(f"{'':24} {'best s':>8} {'MB/s':>8} {'x baseline':>11}")
    baseline = _seconds(str.split, texts, args.repeat)
    for name, function in PARTS.items():
        seconds = baseline if function is str.split else _seconds(function, texts, args.repeat)
        print(f"{name:24} {seconds:8.3f} {megabytes / seconds:8.1f} {seconds / baseline:11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
