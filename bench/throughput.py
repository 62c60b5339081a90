"""Throughput: words per second of ``Extractor.pipe`` against the spaCy pipeline it runs on.

    .venv/bin/python bench/throughput.py                 # 200 synthetic articles (~60k words)
    .venv/bin/python bench/throughput.py --articles 1000 --batch-size 64 --repeat 3

Both are timed in the same process on the same synthetic French corpus: first the raw spaCy
pipeline (``extractor.parser.nlp.pipe``, i.e. fr_core_news_md plus quoteattr's sentence
guard), then the whole extractor (``extractor.pipe``: sanitising, chunking, the same spaCy
pipeline, then the rules and the attribution). Each is run ``--repeat`` times, alternating,
after a warm-up; the best run of each is kept. The ratio extractor / spaCy says what share of
the parser's speed quoteattr keeps (1.0 = attribution is free; 0.5 = it doubles the time).

This module also holds the synthetic French article generator that ``bench/memory.py`` uses.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable

PEOPLE = [("Dmitri Peskov", "le porte-parole du Kremlin", "il"), ("Marie Dupont", "la ministre de la Santé", "elle"),
          ("Paul Girard", "le maire de Lyon", "il"), ("Sergueï Lavrov", "le ministre russe des Affaires étrangères", "il"),
          ("Anne Martin", "la présidente de la région", "elle"), ("Emmanuel Macron", "le président français", "il"),
          ("Kim Jong-un", "le dirigeant nord-coréen", "il"), ("Olaf Scholz", "le chancelier allemand", "il")]
OUTLETS = ["l'AFP", "Reuters", "l'agence Tass", "Interfax", "Le Monde", "France Info", "l'agence KCNA", "BFMTV"]
VERBS = ["a déclaré", "a affirmé", "a ajouté", "a estimé", "a assuré", "a souligné", "a indiqué", "a rappelé"]
INCISES = ["a-t-{p} déclaré", "a-t-{p} ajouté", "a-t-{p} estimé", "a-t-{p} assuré", "a-t-{p} souligné"]
SAYINGS = ["nous ne céderons pas", "la rencontre aura lieu dans les prochains jours",
           "il y aura des négociations entre les deux délégations", "le budget sera voté au printemps",
           "nous lancerons les travaux dès septembre", "rien n'est exclu à ce stade",
           "les discussions se poursuivent dans un climat constructif", "la situation reste très tendue",
           "nous attendons des garanties claires de nos partenaires", "cette réforme est indispensable"]
CLAUSES = ["la réforme était prête", "les négociations avaient échoué", "le calendrier serait respecté",
           "les troupes se retiraient de la région", "les prix de l'énergie allaient baisser",
           "le gouvernement n'excluait aucune option", "la croissance ralentirait cette année"]
NARRATION = ["La réunion s'est tenue mardi à huis clos dans la capitale.",
             "Les marchés ont légèrement reculé après l'annonce.",
             "Plusieurs centaines de personnes s'étaient rassemblées devant le bâtiment.",
             "Le texte doit être examiné par le Parlement à la fin du mois.",
             "La délégation est arrivée dans la matinée, selon des images diffusées à la télévision.",
             "Aucune date n'a encore été fixée pour la prochaine rencontre."]


def _sentence(rng: random.Random) -> str:
    """Return one sentence of French news prose, with a quotation most of the time."""
    name, role, pronoun = rng.choice(PEOPLE)
    saying = rng.choice(SAYINGS)
    form = rng.randrange(9)
    if form == 0:
        return f"« {saying.capitalize()} », {rng.choice(VERBS)} {name}."
    if form == 1:
        return f"{role.capitalize()}, {name}, {rng.choice(VERBS)} que {rng.choice(CLAUSES)}, rapporte {rng.choice(OUTLETS)}."
    if form == 2:
        return f"« {saying.capitalize()}, {rng.choice(INCISES).format(p=pronoun)}, et {rng.choice(SAYINGS)}. »"
    if form == 3:
        return f"Selon {rng.choice(OUTLETS)}, {rng.choice(CLAUSES)}."
    if form == 4:
        return f"{name} {rng.choice(VERBS)} : « {saying.capitalize()}. »"
    if form == 5:
        return f"{name} {rng.choice(VERBS)} que {rng.choice(CLAUSES)}, un projet qualifié de « {rng.choice(['historique', 'sommet', 'tournant'])} »."
    return rng.choice(NARRATION)


def french_article(rng: random.Random, paragraphs: int | None = None) -> str:
    """Return a synthetic French news article: paragraphs of reporting prose and quotations."""
    count = paragraphs if paragraphs is not None else rng.randint(3, 8)
    return "\n\n".join(" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(count))


def french_corpus(articles: int, seed: int = 0) -> list[str]:
    """Return ``articles`` synthetic articles (seeded)."""
    rng = random.Random(seed)
    return [french_article(rng) for _ in range(articles)]


def _best(function: Callable[[], object], repeat: int) -> list[float]:
    """Return the wall-clock seconds of each of ``repeat`` calls of ``function``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    """Time the raw spaCy pipeline and the extractor on one corpus; print words/s and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="articles in the corpus (default: %(default)s)")
    parser.add_argument("--batch-size", type=int, default=32, help="texts per batch (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs of each, best kept (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    import quoteattr

    corpus = french_corpus(args.articles, args.seed)
    words = sum(len(text.split()) for text in corpus)
    chars = sum(len(text) for text in corpus)
    start = time.perf_counter()
    extractor = quoteattr.Extractor()
    load = time.perf_counter() - start
    nlp = extractor.parser.nlp
    warm = french_corpus(20, args.seed + 1)
    list(extractor.pipe(warm))
    list(nlp.pipe(warm))

    def raw() -> None:
        for _ in nlp.pipe(corpus, batch_size=args.batch_size):
            pass

    quotes: list[int] = []

    def full() -> None:
        quotes[:] = [len(q) for q in extractor.pipe(corpus, batch_size=args.batch_size)]

    raw_times: list[float] = []
    full_times: list[float] = []
    for _ in range(args.repeat):
        raw_times += _best(raw, 1)
        full_times += _best(full, 1)
    raw_best, full_best = min(raw_times), min(full_times)

    print(f"corpus: {args.articles} articles, {words:,} words, {chars:,} characters; "
          f"{sum(quotes):,} quotes found; model loaded in {load:.1f} s; pipeline: {', '.join(nlp.pipe_names)}")
    print(f"runs: {args.repeat} of each, alternating, best kept; batch size {args.batch_size}")
    print()
    print(f"{'':34} {'best s':>8} {'words/s':>10} {'all runs (s)':>20}")
    print(f"{'spaCy pipeline (nlp.pipe)':34} {raw_best:8.2f} {words / raw_best:10,.0f} "
          f"{' '.join(f'{t:.2f}' for t in raw_times):>20}")
    print(f"{'quoteattr Extractor.pipe':34} {full_best:8.2f} {words / full_best:10,.0f} "
          f"{' '.join(f'{t:.2f}' for t in full_times):>20}")
    print()
    print(f"throughput ratio extractor / spaCy: {raw_best / full_best:.2f}  "
          f"(time ratio {full_best / raw_best:.2f}x; attribution and rules take "
          f"{100 * (full_best - raw_best) / full_best:.0f}% of the extractor's time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
