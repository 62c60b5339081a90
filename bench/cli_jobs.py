"""CLI parallelism: documents per second of ``quoteattr extract --jobs N`` against ``--jobs 1``.

    .venv/bin/python bench/cli_jobs.py                  # 1 MB of news, --jobs 1 then 2 (~4 min on 2 cores)
    .venv/bin/python bench/cli_jobs.py --mb 2 --jobs 2 4

The corpus is :func:`news_texts.news_corpus` written as JSON Lines (``{"id", "text"}``, ids
made unique) into a temporary folder. Each run is a fresh ``python -m quoteattr extract FILE -o
OUT --jobs N`` process, as a user starts it. A run on a one-record file first measures what
starting the interpreter and loading the model costs, which is taken out of every run's time
before documents per second are computed (the total is printed too). The ratio to ``--jobs 1``
is only meaningful on free cores: other processes on the machine take the second core first.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from news_texts import news_corpus  # bench/news_texts.py, beside this script


def _run(source: Path, output: Path, jobs: int) -> float:
    """Run the CLI on ``source`` with ``--jobs`` and return its wall-clock seconds."""
    command = [sys.executable, "-m", "quoteattr", "extract", str(source), "-o", str(output), "--jobs", str(jobs)]
    start = time.perf_counter()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Time the CLI with each ``--jobs`` value; print documents per second and the ratio to one job."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB of text (default: %(default)s)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[2], help="--jobs values to compare with 1")
    args = parser.parse_args(argv)
    texts = news_corpus(int(args.mb * 1_000_000))
    with tempfile.TemporaryDirectory() as folder:
        source, single = Path(folder) / "corpus.jsonl", Path(folder) / "one.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for number, text in enumerate(texts):
                out.write(json.dumps({"id": f"doc-{number}", "text": text}, ensure_ascii=False) + "\n")
        single.write_text(json.dumps({"id": "one", "text": texts[0]}, ensure_ascii=False) + "\n", encoding="utf-8")
        startup = _run(single, Path(folder) / "one.out.jsonl", 1)
        print(f"corpus: {len(texts):,} documents, {sum(map(len, texts)):,} characters; "
              f"start-up (interpreter, model, one document): {startup:.1f} s")
        print()
        print(f"{'--jobs':>6} {'seconds':>8} {'docs/s':>8} {'docs/s after start-up':>22} {'ratio to 1':>11}")
        one = None
        for jobs in [1, *args.jobs]:
            seconds = _run(source, Path(folder) / f"out-{jobs}.jsonl", jobs)
            rate = len(texts) / max(seconds - startup, 1e-9)
            one = one or rate
            print(f"{jobs:>6} {seconds:8.1f} {len(texts) / seconds:8.1f} {rate:22.1f} {rate / one:11.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
