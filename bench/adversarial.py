"""Adversarial growth: does the extractor's time grow linearly with adversarial inputs?

    .venv/bin/python bench/adversarial.py                    # default sizes (~7 min on 2 slow cores)
    .venv/bin/python bench/adversarial.py --full             # the paragraph family up to 5 MB (~15 min)
    .venv/bin/python bench/adversarial.py --family nested-closed --family colon-lines
    .venv/bin/python bench/adversarial.py --list

For each family of adversarial input (those of tests/test_adversarial_inputs.py) the extractor
runs once on inputs of 1x, 2x, 4x and 8x a base size, in one process, after a warm-up. For each
size the table gives the seconds, the time ratio against the 1x run of the same family and the
ratio per character (time ratio / size ratio): near 1 when time is linear in the input, about
the size ratio (2, 4, 8) when it is quadratic. A run that raises prints the exception instead.
Then ``find_quotes`` alone is timed on 100,000 and 1,000,000 marks.

Single runs, wall-clock: expect some noise (say ±30%) on small inputs. spaCy's tokenizer caches
the analysis of strings it has seen, so each size is timed once, on its first sight; only the
chains-* families, milliseconds long and dominated by attribution, keep the best of 5 runs.
Nothing is asserted: read the ratios.

The last four families are issue 12's: subjectless reports chained in one sentence and across
sentences (exponential before the fix: 22 links took 85 s, so on such code run them with
``--multipliers 1``), many people sharing a first name and repeated "Reuters rapporte :"
announcers (both quadratic before the fix).
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

MULTIPLIERS = (1, 2, 4, 8)


def _repeat_to(unit: Callable[[int], str], size: int) -> str:
    """Return ``unit(i)`` for i = 0, 1, … joined until ``size`` characters, cut to ``size``."""
    parts: list[str] = []
    length = 0
    i = 0
    while length < size:
        parts.append(unit(i))
        length += len(parts[-1])
        i += 1
    return "".join(parts)[:size]


def _nested(depth: int, closed: bool) -> str:
    """Return quote marks « and “ nested ``depth`` deep, closed or not."""
    opening = "".join("«“"[i % 2] + " mot " for i in range(depth))
    if not closed:
        return opening
    return opening + "".join(" " + "»”"[i % 2] for i in reversed(range(depth))) + ", a déclaré Paul Girard."


CLAUSES = [
    "le ministre a estimé que la réforme était prête",
    "« nous tiendrons nos engagements », a déclaré Paul Girard",
    "selon l'AFP les discussions se poursuivent",
    "Dmitri Peskov a affirmé que la rencontre aurait lieu « dans les prochains jours »",
    "les syndicats ont répondu qu'ils attendraient le vote",
    "« rien n'est exclu », a-t-il ajouté",
]
ARTICLE = ("Le porte-parole du Kremlin, Dmitri Peskov, a affirmé mardi que la rencontre aurait lieu "
           "« dans les prochains jours », rapporte l'agence de presse russe Tass.\n\n"
           "« Il y aura des négociations entre les deux délégations », a-t-il déclaré à l'AFP.\n"
           "« Ensuite, les dirigeants poursuivront en tête-à-tête. »\n\n")
CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\n\r") + "\x7f\x85\u2028\u2029"
HTML = ('<div class="article"><script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}'
        ' var t = "« Faux », a dit Jean Dupont.";</script>\n<p>« Nous lancerons les travaux dès septembre », a déclaré '
        '<b>Paul Girard</b>.</p> <a href="/politique">Politique</a> | <a href="/monde">Monde</a> | <a href="/s">Sport</a>\n'
        '<p>Le ministre Paul Girard a estimé que la réforme était prête &amp; votée.</p></div>\n\n')
ENGLISH = ('The Kremlin spokesman Dmitry Peskov said on Tuesday that the meeting would take place "in the coming '
           'days", according to Reuters. "There will be negotiations," he told reporters.\n\n')
RUSSIAN = ("Пресс-секретарь Кремля Дмитрий Песков заявил во вторник, что встреча состоится «в ближайшие дни», "
           "сообщает ТАСС. «Будут переговоры», — сказал он журналистам.\n\n")
EMOJI = ("🔥🔥 « Nous lancerons les travaux 🚧 dès septembre 👷\u200d♀️ », a déclaré Paul Girard 🇫🇷. 😀\n\n"
         "Il a ajouté : « Le budget est prêt 💶. » 👏🏽\n\n")


CHAIN_LINKS = ["a dit que ", "a affirmé que ", "a estimé que ", "et ajouté que ", "a déclaré qu'il avait dit que "]
SYLLABLES = ["ba", "co", "da", "fe", "gui", "la", "mo", "ni", "pa", "ro", "sa", "ti", "vu", "zo", "ber", "dal",
             "mar", "nol", "ran", "tel"]


def _chain_in_one_sentence(links: int) -> str:
    """Return ``links`` reports chained with no subject in one sentence ("a dit que a dit que …")."""
    return "".join(CHAIN_LINKS[i % len(CHAIN_LINKS)] for i in range(links)) + "la guerre est finie."


def _chain_across_sentences(links: int) -> str:
    """Return ``links`` subjectless reports, one per sentence, after one sentence with a subject."""
    return "Le ministre a parlé. " + " ".join(
        CHAIN_LINKS[i % len(CHAIN_LINKS)].capitalize() + f"la guerre {i} est finie." for i in range(links))


def _surnames(count: int) -> list[str]:
    """Return ``count`` distinct made-up surnames ("Babada", "Babaco", …), at most 8,000."""
    if count > len(SYLLABLES) ** 3:
        raise ValueError(f"at most {len(SYLLABLES) ** 3:,} surnames (8x the same-first-name base), not {count:,}")
    return ["".join(parts).capitalize() for parts in itertools.islice(itertools.product(SYLLABLES, repeat=3), count)]


def _same_first_name(people: int) -> str:
    """Return one report by each of ``people`` persons who share the first name Jean."""
    return " ".join(f"Jean {name} a dit que la réforme numéro {i} était prête."
                    for i, name in enumerate(_surnames(people)))


def _announcers(count: int) -> str:
    """Return ``count`` "Reuters rapporte :" paragraphs, each followed by a quote paragraph."""
    return "\n\n".join(f"Reuters rapporte :\n\n« Nous tiendrons l'engagement numéro {i}. »" for i in range(count))


@dataclass(frozen=True)
class Family:
    """An adversarial input family: ``make(size)`` builds an input of about ``size`` units.

    ``repeat`` > 1 keeps the best of that many runs per size, for inputs that take milliseconds.
    """

    name: str
    unit: str
    base: int
    make: Callable[[int], str]
    note: str = ""
    repeat: int = 1


def _clean_text(i: int) -> str:
    """Return the ``i``-th copy of a reference article, with a number so no two are identical."""
    return ARTICLE.replace("mardi", f"le {i % 28 + 1} mars")


def families(full: bool) -> list[Family]:
    """Return every family; ``full`` makes the endless paragraph reach 5 MB at 8x."""
    rng = random.Random(0)
    paragraph_base = 655_360 if full else 40_000
    return [
        Family("french-prose", "chars", 40_000, lambda n: _repeat_to(_clean_text, n),
               "reference: clean French article repeated"),
        Family("unclosed-spaced", "marks", 6_250, lambda n: "Le ministre a parlé " + "« " * n,
               "'« ' repeated, never closed"),
        Family("unclosed-nospace", "marks", 1_250, lambda n: "Le ministre a parlé " + "«" * n + f"x{n}",
               "'«' run without whitespace (one string for spaCy's tokenizer; a suffix unique to the size "
               "keeps its cache from serving one size's analysis to the next)"),
        Family("nested-closed", "depth", 1_250, lambda n: _nested(n, closed=True), "« “ « “ … ” » ” »"),
        Family("nested-unclosed", "depth", 1_250, lambda n: _nested(n, closed=False), "« “ « “ … never closed"),
        Family("no-sentence-end", "chars", paragraph_base,
               lambda n: _repeat_to(lambda i: rng.choice(CLAUSES) + ", ", n).rstrip(", "),
               "one paragraph, no . ! ? … nor line break"),
        Family("control-chars", "chars", 20_000,
               lambda n: _repeat_to(lambda i: CONTROLS[i % len(CONTROLS)] + _clean_text(i).replace(" les ", " les\x00 "), n),
               "C0 controls, DEL, NEL, U+2028/9 and NUL bytes"),
        Family("zero-width-bidi", "chars", 20_000,
               lambda n: _repeat_to(lambda i: _clean_text(i).replace("Dmitri Peskov", "Dmitri\u200b\u200d Peskov\u200e")
                                    .replace("Tass", "\u202bTass\u202c"), n),
               "U+200B U+200D U+200E U+202B/C inside names"),
        Family("crlf", "chars", 20_000, lambda n: _repeat_to(lambda i: _clean_text(i).replace("\n", "\r\n"), n),
               "\\r\\n line endings"),
        Family("lone-cr", "chars", 20_000, lambda n: _repeat_to(lambda i: _clean_text(i).replace("\n", "\r"), n),
               "lone \\r line endings"),
        Family("html-js", "chars", 20_000, lambda n: _repeat_to(lambda i: HTML, n), "HTML and script pasted in"),
        Family("english", "chars", 20_000, lambda n: _repeat_to(lambda i: ENGLISH, n), "English news"),
        Family("russian", "chars", 20_000, lambda n: _repeat_to(lambda i: RUSSIAN, n), "Russian news"),
        Family("emoji", "chars", 20_000, lambda n: _repeat_to(lambda i: EMOJI, n), "emoji, ZWJ sequences, flags"),
        Family("colon-lines", "lines", 500, lambda n: "Le ministre a dit :\n" * n,
               "lines ending with ':' and no blank line (block cues)"),
        Family("chains-sentence", "links", 10, _chain_in_one_sentence,
               "'a dit que a affirmé que …' with no subject, in one sentence (best of 5 runs)", repeat=5),
        Family("chains-sentences", "links", 10, _chain_across_sentences,
               "one subjectless 'A dit que …' report per sentence (best of 5 runs)", repeat=5),
        Family("same-first-name", "people", 1_000, _same_first_name,
               "'Jean <surname i> a dit que …', every person a different surname"),
        Family("announcers", "announcers", 500, _announcers,
               "'Reuters rapporte :' paragraph + quote paragraph, repeated"),
    ]


def _table(rows: list[tuple], header: tuple[str, ...]) -> None:
    """Print rows under a header, columns right-aligned."""
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    for row in [header, *rows]:
        print("  ".join(str(x).rjust(w) for x, w in zip(row, widths)))


def bench_extractor(selected: list[Family], multipliers: tuple[int, ...]) -> None:
    """Time the extractor on each family at each multiplier of its base size and print a table."""
    import quoteattr

    extractor = quoteattr.Extractor()
    extractor.extract(ARTICLE + EMOJI + HTML, min_confidence=0.0)  # warm-up
    rows = []
    for family in selected:
        baseline: tuple[float, int] | None = None
        for k in multipliers:
            text = family.make(family.base * k)
            seconds = float("inf")
            for _ in range(family.repeat):
                start = time.perf_counter()
                try:
                    found = len(extractor.extract(text, min_confidence=0.0))
                    error = ""
                except Exception as exc:  # reported in the table
                    found, error = -1, f"{type(exc).__name__}: {exc}"
                seconds = min(seconds, time.perf_counter() - start)
                if error:
                    break
            if baseline is None and not error:
                baseline = (seconds, len(text))
            if baseline is None or error:
                ratio = per_char = "-"
            else:
                time_ratio = seconds / baseline[0]
                ratio, per_char = f"{time_ratio:.2f}", f"{time_ratio / (len(text) / baseline[1]):.2f}"
            rows.append((family.name, f"{k}x", f"{family.base * k:,} {family.unit}", f"{len(text):,}",
                         f"{seconds:.2f}", ratio, per_char, found if not error else error[:60]))
            print(f"  {family.name} {k}x: {len(text):,} chars, {seconds:.2f} s {error}", file=sys.stderr, flush=True)
            if error and k != multipliers[-1]:
                rows.append((family.name, "…", "larger sizes skipped after an exception", "", "", "", "", ""))
                break
    print()
    print("Extractor.extract (min_confidence=0), one run per size; ratios against the family's 1x run")
    _table(rows, ("family", "size", "input", "chars", "seconds", "time ratio", "per char", "quotes"))
    print()
    for family in selected:
        print(f"  {family.name}: {family.note}")


def bench_find_quotes() -> None:
    """Time find_quotes alone on 100,000 and 1,000,000 marks of several shapes (no model, no cache)."""
    from quoteattr.rules.marks import find_quotes

    def random_marks(n: int) -> str:
        rng = random.Random(n)
        return "".join(rng.choices("«»“”\"ab .\n", weights=[5, 5, 3, 3, 3, 4, 4, 6, 1, 1], k=n))

    shapes: list[tuple[str, Callable[[int], str]]] = [
        ("« unclosed", lambda n: "«" * n),
        ("« spaced", lambda n: "« " * n),
        ("» stray", lambda n: "»" * n),
        ("“ unclosed", lambda n: "“" * n),
        ("”a", lambda n: "”a" * (n // 2)),
        ('" straight', lambda n: '"' * n),
        ("« … then \"a", lambda n: "« " * (n // 2) + ' "a' * (n // 2)),
        ("nested closed", lambda n: "".join("«“"[i % 2] for i in range(n // 2)) + "x"
                                    + "".join("»”"[i % 2] for i in reversed(range(n // 2)))),
        ("random marks", random_marks),
    ]
    rows = []
    for name, make in shapes:
        timings = []
        for n, repeat in ((100_000, 3), (1_000_000, 2)):
            text = make(n)
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                found = len(find_quotes(text))
                best = min(best, time.perf_counter() - start)
            timings.append((best, len(text), found))
        (small, small_chars, small_found), (large, large_chars, large_found) = timings
        ratio = large / small if small > 0 else float("nan")
        rows.append((name, f"{small:.3f}", f"{large:.3f}", f"{ratio:.1f}",
                     f"{ratio / (large_chars / small_chars):.2f}", f"{small_found:,} / {large_found:,}"))
    print()
    print("find_quotes alone: 100,000 vs 1,000,000 marks (10x input; best of 3 and of 2 runs)")
    _table(rows, ("shape", "100k s", "1M s", "time ratio", "per char", "candidates"))


def main(argv: list[str] | None = None) -> int:
    """Run the chosen families (all by default) and the find_quotes timings."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true",
                        help="no-sentence-end paragraph up to 5 MB (≈ 640 KB … 5 MB; long)")
    parser.add_argument("--family", action="append", help="run only this family (repeatable)")
    parser.add_argument("--multipliers", type=int, nargs="+", default=list(MULTIPLIERS),
                        help="sizes as multiples of each family's base (default: 1 2 4 8)")
    parser.add_argument("--no-extractor", action="store_true", help="only time find_quotes")
    parser.add_argument("--list", action="store_true", help="list the families and exit")
    args = parser.parse_args(argv)
    available = families(args.full)
    if args.list:
        for family in available:
            print(f"{family.name:18} base {family.base:>9,} {family.unit:6} {family.note}")
        return 0
    names = {f.name for f in available}
    unknown = sorted(set(args.family or []) - names)
    if unknown:
        parser.error(f"unknown family {', '.join(unknown)}; see --list")
    selected = [f for f in available if not args.family or f.name in args.family]
    if not args.no_extractor:
        bench_extractor(selected, tuple(args.multipliers))
    bench_find_quotes()
    return 0


if __name__ == "__main__":
    sys.exit(main())
