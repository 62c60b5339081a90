"""Memory: peak RSS on growing corpora, on fresh vocabulary and on one very long text.

    .venv/bin/python bench/memory.py                   # corpus, small preset: 0.5 MB and 2 MB (~2 min)
    .venv/bin/python bench/memory.py --preset large    # corpus, 5 MB and 50 MB (long: see bench/README.md)
    .venv/bin/python bench/memory.py --sizes 1 10      # corpus, any two sizes, in MB
    .venv/bin/python bench/memory.py --vocab           # 2,000 calls of fresh words, with and without the bound (~17 min)
    .venv/bin/python bench/memory.py --vocab --calls 500 --words 100   # a quicker look
    .venv/bin/python bench/memory.py --long-text 1 2   # one text of 1 MB, one of 2 MB (~8 min)
    .venv/bin/python bench/memory.py --long-text 20 --capped-only   # the 20 MB text, default batching only

Corpus (the default). For each size it writes a JSON Lines file of synthetic French articles
({"id", "text"}; the generator is the one of bench/throughput.py) into a temporary folder, runs
``quoteattr extract FILE -o OUT`` in a subprocess (the real console entry point, a fresh
process, the model loaded from scratch) and reads that child's peak resident set size.

The peak of each child is read with ``os.wait4`` (the rusage of that one child);
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` is printed too, but it is the largest peak
of all children waited for so far, so after the second run it is max(first, second).

A baseline run on a one-line file gives the memory of the interpreter plus the model. If the
CLI streams its input, the peak does not grow with the corpus: the ratio of the two peaks
stays near 1 (and so does the ratio of the peaks above the baseline, up to the parser's
batch buffers and spaCy's string store, which grows with the vocabulary).

Vocabulary (``--vocab``). spaCy keeps every string it has seen. Two child processes each
create an ``Extractor`` and call ``extract`` ``--calls`` times on French-like text made of
``--words`` invented words (fresh in every call: the worst case for the vocabulary), one with
the default ``max_vocab_growth`` and one with ``max_vocab_growth=None`` (no bound). Each
prints its RSS above its own level after a warm-up; the ratio bounded / unbounded says how
much of the growth the bound removes, and the time ratio what the reloads cost.

Long text (``--long-text MB ...``). One child per size and per batching: it builds a single
text of that many MB of synthetic articles, calls ``extract`` once and prints its peak RSS
above its level after loading the model. The default batching (at most ``max_batch_chars``
characters per spaCy batch) is compared with ``max_batch_chars`` unlimited, i.e. 32 pieces
of 20,000 characters per batch, as before the cap.
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


SYLLABLES = [c + v for c in "bcdfgjlmnprstvz" for v in ("a", "e", "i", "o", "u", "é", "è", "ou")]
UNLIMITED = 10**12


def rss_mib() -> float:
    """Return this process's current resident set size in MiB (Linux: /proc/self/status)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * KB / 1024


def peak_mib() -> float:
    """Return this process's peak resident set size in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * KB / 1024


def fresh_text(rng: random.Random, words: int) -> str:
    """Return French-like news prose of ``words`` invented words, with a quotation and a speaker."""
    invented = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(words)]
    speaker = f"{invented[0].capitalize()} {invented[1].capitalize()}"
    quoted, rest = invented[2:words // 3], invented[words // 3:]
    sentences = [" ".join(rest[i:i + 12]).capitalize() + "." for i in range(0, len(rest), 12)]
    return f"« {' '.join(quoted).capitalize()} », a déclaré {speaker}. " + " ".join(sentences)


def vocab_child(limit: int | None, calls: int, words: int, every: int, seed: int) -> None:
    """Call ``extract`` on fresh text ``calls`` times; print a JSON line every ``every`` calls."""
    import quoteattr

    extractor = quoteattr.Extractor(max_vocab_growth=limit)
    rng = random.Random(seed)
    for _ in range(5):
        extractor.extract(fresh_text(rng, words))
    base, start = rss_mib(), time.perf_counter()
    backend = extractor.parser
    reloading = 0.0
    for call in range(1, calls + 1):
        reloads, began = backend.reloads, time.perf_counter()
        extractor.extract(fresh_text(rng, words))
        if backend.reloads != reloads:
            reloading += time.perf_counter() - began
        if call % every == 0 or call == calls:
            print(json.dumps({"call": call, "rss": rss_mib() - base, "peak": peak_mib() - base,
                              "strings": backend.vocab_growth, "reloads": backend.reloads,
                              "seconds": time.perf_counter() - start, "reloading": reloading,
                              "base": base}), flush=True)


def long_text_child(megabytes: float, max_batch_chars: int, seed: int) -> None:
    """Extract from one text of ``megabytes`` MB; print a JSON line with its peak RSS."""
    import quoteattr
    from quoteattr.parse.spacy_backend import SpacyBackend

    rng = random.Random(seed)
    articles: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        articles.append(french_article(rng))
        size += len(articles[-1].encode("utf-8")) + 2
    text = "\n\n".join(articles)
    extractor = quoteattr.Extractor(parser=SpacyBackend(max_batch_chars=max_batch_chars))
    extractor.extract("« Oui », a-t-il dit.")
    base, start = rss_mib(), time.perf_counter()
    quotes = extractor.extract(text)
    print(json.dumps({"chars": len(text), "quotes": len(quotes), "seconds": time.perf_counter() - start,
                      "peak": peak_mib() - base, "base": base}), flush=True)


def run_child(arguments: list[str]) -> list[dict[str, float]]:
    """Run this script with ``--child ARGUMENTS``; echo and return the JSON lines it prints."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *arguments]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    rows = []
    assert process.stdout is not None
    for line in process.stdout:
        rows.append(json.loads(line))
    if process.wait() != 0:
        raise SystemExit(f"child {arguments} exited {process.returncode}")
    return rows


def vocab_main(args: argparse.Namespace) -> int:
    """Run the fresh-vocabulary experiment with and without the bound; print both and the ratios."""
    from quoteattr.parse.spacy_backend import DEFAULT_MAX_VOCAB_GROWTH

    runs = {}
    for label, limit in (("bounded", str(DEFAULT_MAX_VOCAB_GROWTH)), ("unbounded", "none")):
        print(f"{label} (max_vocab_growth={limit}): {args.calls:,} calls of {args.words} fresh words", flush=True)
        rows = run_child(["vocab", limit, str(args.calls), str(args.words), str(args.every), str(args.seed)])
        print(f"  RSS after warm-up {rows[0]['base']:,.0f} MiB")
        print(f"  {'call':>6} {'RSS +MiB':>9} {'peak +MiB':>10} {'new strings':>12} {'reloads':>8} {'seconds':>8}")
        for row in rows:
            print(f"  {row['call']:>6,} {row['rss']:>9,.0f} {row['peak']:>10,.0f} {row['strings']:>12,} "
                  f"{row['reloads']:>8} {row['seconds']:>8.0f}")
        runs[label] = rows[-1]
    bounded, unbounded = runs["bounded"], runs["unbounded"]
    print()
    print(f"RSS growth bounded / unbounded: {bounded['rss'] / max(unbounded['rss'], 1.0):.2f} "
          f"(+{bounded['rss']:,.0f} vs +{unbounded['rss']:,.0f} MiB; peaks +{bounded['peak']:,.0f} vs "
          f"+{unbounded['peak']:,.0f}); time ratio {bounded['seconds'] / unbounded['seconds']:.2f} "
          f"with {bounded['reloads']} reloads ({bounded['reloading']:.0f} s in the calls that reloaded)")
    return 0


def long_text_main(args: argparse.Namespace) -> int:
    """Run one long text per size, with the default batch cap and without; print the peaks."""
    from quoteattr.parse.spacy_backend import DEFAULT_MAX_BATCH_CHARS

    batchings = [("capped", DEFAULT_MAX_BATCH_CHARS)] + ([] if args.capped_only else [("uncapped", UNLIMITED)])
    rows = []
    for megabytes in args.long_text:
        for label, cap in batchings:
            row = run_child(["long", str(megabytes), str(cap), str(args.seed)])[0]
            rows.append((megabytes, label, row))
            print(f"{megabytes:g} MB, {label} batches: {row['chars']:,} chars, {row['quotes']:,} quotes, "
                  f"{row['seconds']:.0f} s, peak RSS +{row['peak']:,.0f} MiB above {row['base']:,.0f}", flush=True)
    print()
    print(f"{'text':>7} {'batches':>9} {'seconds':>8} {'peak +MiB':>10}")
    for megabytes, label, row in rows:
        print(f"{megabytes:>5g}MB {label:>9} {row['seconds']:>8.0f} {row['peak']:>10,.0f}")
    if len(args.long_text) > 1:
        for label, _ in batchings:
            (small, first), *_, (large, last) = [(size, row) for size, kind, row in rows if kind == label]
            print(f"{label}: the peak grows {(last['peak'] - first['peak']) / (large - small):,.0f} MiB "
                  f"per added MB of text")
    for megabytes in [] if args.capped_only else args.long_text:
        capped, uncapped = (row for size, _, row in rows if size == megabytes)
        print(f"{megabytes:g} MB: peak capped / uncapped {capped['peak'] / uncapped['peak']:.2f}, "
              f"time ratio {capped['seconds'] / uncapped['seconds']:.2f}")
    return 0


def child_main(arguments: list[str]) -> int:
    """Run one measurement in this (child) process."""
    kind, *values = arguments
    if kind == "vocab":
        limit, calls, words, every, seed = values
        vocab_child(None if limit == "none" else int(limit), int(calls), int(words), int(every), int(seed))
    else:
        megabytes, cap, seed = values
        long_text_child(float(megabytes), int(cap), int(seed))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the experiment asked for (by default: the corpus sizes); print the numbers."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", choices=sorted(PRESETS), default="small",
                        help="small: 0.5 and 2 MB (default); large: 5 and 50 MB")
    parser.add_argument("--sizes", type=float, nargs=2, metavar=("MB1", "MB2"),
                        help="two corpus sizes in MB, instead of a preset")
    parser.add_argument("--keep", metavar="DIR", help="write the corpora and outputs here and keep them")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--vocab", action="store_true", help="fresh vocabulary, with and without the bound")
    parser.add_argument("--calls", type=int, default=2000, help="--vocab: extract calls (default: %(default)s)")
    parser.add_argument("--words", type=int, default=300, help="--vocab: invented words per call (default: %(default)s)")
    parser.add_argument("--every", type=int, default=250, help="--vocab: print every so many calls")
    parser.add_argument("--long-text", type=float, nargs="+", metavar="MB", help="one text of each size, in MB")
    parser.add_argument("--capped-only", action="store_true", help="--long-text: skip the uncapped runs")
    args, extra = parser.parse_known_args(argv)
    if args.vocab:
        return vocab_main(args)
    if args.long_text:
        return long_text_main(args)
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
