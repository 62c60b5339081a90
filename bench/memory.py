"""Memory: peak RSS of ``quoteattr extract`` on JSON Lines corpora of two sizes.

    .venv/bin/python bench/memory.py                   # small preset: 0.5 MB and 2 MB (~2 min)
    .venv/bin/python bench/memory.py --preset large    # 5 MB and 50 MB (long: see bench/README.md)
    .venv/bin/python bench/memory.py --sizes 1 10      # any sizes, in MB

For each size it writes a JSON Lines file of synthetic French articles ({"id", "text"}; the
generator is the one of bench/throughput.py) into a temporary folder, runs
``quoteattr extract FILE -o OUT`` in a subprocess (the real console entry point, a fresh
process, the model loaded from scratch) and reads that child's peak resident set size.

The peak of each child is read with ``os.wait4`` (the rusage of that one child);
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` is printed too, but it is the largest peak
of all children waited for so far, so after the second run it is max(first, second).

A baseline run on a one-line file gives the memory of the interpreter plus the model. If the
CLI streams its input, the peak does not grow with the corpus: the ratio of the two peaks
stays near 1 (and so does the ratio of the peaks above the baseline, up to the parser's
batch buffers and spaCy's string store, which grows with the vocabulary).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import french_article  # bench/throughput.py, beside this script

PRESETS = {"small": (0.5, 2.0), "large": (5.0, 50.0)}
KB = 1 if sys.platform.startswith("linux") else 1 / 1024  # ru_maxrss: KiB on Linux, bytes on macOS


def write_corpus(path: Path, megabytes: float, seed: int = 0) -> tuple[int, int]:
    """Write synthetic articles as JSON Lines until the file reaches ``megabytes``; return (articles, bytes)."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    size = count = 0
    with path.open("w", encoding="utf-8") as handle:
        while size < target:
            line = json.dumps({"id": f"art-{count:07d}", "text": french_article(rng)}, ensure_ascii=False) + "\n"
            handle.write(line)
            size += len(line.encode("utf-8"))
            count += 1
    return count, size


def quoteattr_command() -> list[str]:
    """Return the command that runs the installed ``quoteattr`` entry point."""
    script = Path(sys.executable).with_name("quoteattr")
    if script.exists():
        return [str(script)]
    found = shutil.which("quoteattr")
    if found:
        return [found]
    return [sys.executable, "-m", "quoteattr"]


def run_extract(source: Path, output: Path, extra: list[str]) -> tuple[int, float, float]:
    """Run ``quoteattr extract SOURCE -o OUTPUT``; return (exit status, peak RSS in MiB, seconds)."""
    start = time.perf_counter()
    process = subprocess.Popen([*quoteattr_command(), "extract", str(source), "-o", str(output), *extra],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode != 0:
        print(f"  quoteattr exited {process.returncode}: {error.strip()[-500:]}", file=sys.stderr)
    return process.returncode, usage.ru_maxrss * KB / 1024, seconds


def main(argv: list[str] | None = None) -> int:
    """Write the corpora, run the CLI on each, print the peaks and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", choices=sorted(PRESETS), default="small",
                        help="small: 0.5 and 2 MB (default); large: 5 and 50 MB")
    parser.add_argument("--sizes", type=float, nargs=2, metavar=("MB1", "MB2"),
                        help="two corpus sizes in MB, instead of a preset")
    parser.add_argument("--keep", metavar="DIR", help="write the corpora and outputs here and keep them")
    parser.add_argument("--seed", type=int, default=0)
    args, extra = parser.parse_known_args(argv)
    sizes = tuple(args.sizes) if args.sizes else PRESETS[args.preset]

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="quoteattr-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        baseline_source = folder / "baseline.jsonl"
        baseline_source.write_text(json.dumps({"id": "b", "text": "« Oui », a-t-il dit."}) + "\n", encoding="utf-8")
        status, baseline, seconds = run_extract(baseline_source, folder / "baseline.out.jsonl", extra)
        print(f"baseline (interpreter + model, one record): peak RSS {baseline:,.0f} MiB in {seconds:.1f} s "
              f"(exit {status})")
        for megabytes in sizes:
            source = folder / f"corpus-{megabytes:g}MB.jsonl"
            articles, size = write_corpus(source, megabytes, args.seed)
            output = folder / f"quotes-{megabytes:g}MB.jsonl"
            status, peak, seconds = run_extract(source, output, extra)
            children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * KB / 1024
            quotes = sum(1 for _ in output.open(encoding="utf-8")) if output.exists() else 0
            rows.append((megabytes, articles, size, status, peak, children, seconds, quotes))
            print(f"{megabytes:g} MB: {articles:,} articles, {size:,} bytes -> {quotes:,} quotes, "
                  f"exit {status}, {seconds:.1f} s, peak RSS {peak:,.0f} MiB", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)

    print()
    print(f"{'corpus':>8} {'articles':>9} {'bytes':>12} {'exit':>4} {'seconds':>8} {'KB/s':>7} "
          f"{'peak RSS MiB':>13} {'above base':>11} {'RUSAGE_CHILDREN':>16}")
    for megabytes, articles, size, status, peak, children, seconds, _ in rows:
        print(f"{megabytes:>6g}MB {articles:>9,} {size:>12,} {status:>4} {seconds:>8.1f} {size / 1000 / seconds:>7.1f} "
              f"{peak:>13,.0f} {peak - baseline:>11,.0f} {children:>16,.0f}")
    if len(rows) == 2:
        (small_mb, *_, small_peak, _, _, _), (large_mb, *_, large_peak, _, _, _) = rows
        above = (large_peak - baseline) / max(small_peak - baseline, 1.0)
        print()
        print(f"input grew {large_mb / small_mb:g}x; peak RSS ratio {large_peak / small_peak:.2f} "
              f"(above the baseline: {above:.2f}); near 1 means memory stays flat")
    return 0 if all(row[3] == 0 for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
