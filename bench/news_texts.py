"""The benchmark corpus of French news: real articles first, the project's own passages after.

Real text: the 74 Wikinews articles of ``../shared/realdev/realdev.jsonl`` and the five
scraped pages of ``../shared/seeds/`` (left out, with a note on stderr, when ``../shared`` is
absent). The project's text: ``corpora/dev.jsonl`` and ``corpora/test.jsonl``. Together they
hold about 390,000 characters, so the list is repeated, whole, until it reaches the size asked
for. spaCy's tokenizer caches the words it has seen, which speeds up every copy after the first
a little, for the baseline and for quoteattr alike.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _jsonl_texts(path: Path) -> list[str]:
    """Return the ``text`` field of every line of a JSON Lines file."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def unique_texts(shared: Path = SHARED) -> tuple[list[str], int]:
    """Return the distinct texts of the corpus and how many characters of them are real articles."""
    real: list[str] = []
    if shared.is_dir():
        real += _jsonl_texts(shared / "realdev" / "realdev.jsonl")
        real += [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
    else:
        print(f"note: {shared} is absent; the corpus holds only corpora/ passages", file=sys.stderr)
    own = _jsonl_texts(ROOT / "corpora" / "dev.jsonl") + _jsonl_texts(ROOT / "corpora" / "test.jsonl")
    return real + own, sum(map(len, real))


def news_corpus(min_chars: int, shared: Path = SHARED) -> list[str]:
    """Return the corpus texts, repeated whole until they hold at least ``min_chars`` characters."""
    texts, _ = unique_texts(shared)
    size = sum(map(len, texts))
    copies = max(1, -(-min_chars // size))
    return texts * copies
