"""Build the annotated corpus (dev.jsonl, test.jsonl) from the hand-written sources.

Each file in ``corpora/sources/`` holds one document: its text and its quotations, where every
span is written as the words it covers rather than as offsets. This script finds the offsets,
checks them and writes one JSON Lines file per split, so annotators never count characters.

A quote span is searched at or after the end of the previous quote (quotes are listed in
document order); a quote marked ``"nested": true`` is a report inside the previous quote that is
not itself nested ("« Le préfet m'a assuré que la digue tiendrait », a raconté le maire") and is
searched inside that quote's span. A speaker, verb or outlet span is the whole-word occurrence nearest to its
quote, preferring occurrences outside the quote; ``"context"`` narrows the search to the
nearest occurrence of a longer string that contains the mention ("a-t-il dit" for "il"), and
``"nth"`` (1-based) picks an occurrence in the whole document.

Usage::

    python corpora/build.py            # write corpora/dev.jsonl and corpora/test.jsonl
    python corpora/build.py --check    # fail if the written files are out of date
    python corpora/build.py --show ID  # print a document's spans in context
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import regex

CORPUS_DIR = Path(__file__).resolve().parent
SOURCES_DIR = CORPUS_DIR / "sources"
SPLITS = ("dev", "test")
KINDS = {"direct", "block", "indirect", "mixed"}
CUES = {"verb", "selon", "colon", "noun", "none"}
SPEAKER_KINDS = {"person", "organization", "pronoun", "description", "unknown"}
OUTLET_NAMES = {
    "AFP", "AP", "Reuters", "Bloomberg", "Tass", "Ria Novosti", "Interfax", "KCNA", "Yonhap",
    "Kyodo", "Xinhua", "BBC", "CNN", "Le Monde", "Le Figaro", "Libération", "Les Echos",
    "Le Parisien", "Ouest-France", "franceinfo", "France Inter", "Europe 1", "RTL", "BFMTV",
    "TF1", "France 2", "Mediapart", "The Guardian", "The New York Times", "The Washington Post",
    "Global Times", "Suspilne", "Telegram", "X", "Facebook", "agences de presse russes",
    "télévision d'État russe", "médias d'État nord-coréens", "médias russes",
}
# Outlets that quoteattr's outlet list (quoteattr/data/outlets.tsv) does not hold: real articles
# cite many such outlets, so the corpus does too (see GUIDELINES.md, "Canonical outlet names").
OTHER_OUTLET_NAMES = {
    "Midi Libre", "La Montagne", "France Télévisions", "RTBF", "L'Équipe", "RMC", "La Provence",
    "Le Progrès", "Al-Jazira", "Anadolu", "télévision d'État soudanaise", "France Bleu",
    "Télérama", "Les Inrocks", "Le Temps", "Le Soir", "Der Spiegel", "MDR",
    "Süddeutsche Zeitung", "Le Télégramme", "La Tribune", "LCP", "Public Sénat", "Le Point",
}


class SourceError(ValueError):
    """A source document whose annotations cannot be anchored or break a guideline."""


def _occurrences(text: str, needle: str) -> list[int]:
    """Return the start offsets of whole-word occurrences of ``needle`` in ``text``."""
    pattern = regex.compile(r"(?<!\w)" + regex.escape(needle) + r"(?!\w)")
    return [match.start() for match in pattern.finditer(text, overlapped=True)]


def _distance(start: int, end: int, quote: tuple[int, int]) -> int:
    """Return the gap in characters between ``[start, end)`` and the quote span."""
    if end <= quote[0]:
        return quote[0] - end
    if start >= quote[1]:
        return start - quote[1]
    return 0


def _nearest(text: str, needle: str, quote: tuple[int, int], where: str) -> int:
    """Return the start of the occurrence of ``needle`` nearest to ``quote``."""
    starts = _occurrences(text, needle)
    if not starts:
        raise SourceError(f"{where}: {needle!r} does not occur in the text")
    outside = [s for s in starts if s + len(needle) <= quote[0] or s >= quote[1]]
    candidates = outside or starts
    return min(candidates, key=lambda s: (_distance(s, s + len(needle), quote), s))


def _anchor(text: str, span: dict[str, Any], quote: tuple[int, int], where: str) -> dict[str, Any]:
    """Return ``span`` with ``start`` and ``end`` found in ``text``."""
    needle = span["text"]
    if "nth" in span:
        starts = _occurrences(text, needle)
        if len(starts) < span["nth"]:
            raise SourceError(f"{where}: {needle!r} occurs {len(starts)} times, not {span['nth']}")
        start = starts[span["nth"] - 1]
    elif "context" in span:
        context_start = _nearest(text, span["context"], quote, where)
        inner = _occurrences(span["context"], needle)
        if not inner:
            raise SourceError(f"{where}: {needle!r} is not inside context {span['context']!r}")
        start = context_start + inner[0]
    else:
        start = _nearest(text, needle, quote, where)
    anchored = {k: v for k, v in span.items() if k not in {"nth", "context"}}
    anchored.update(start=start, end=start + len(needle))
    return anchored


def _check_quote(quote: dict[str, Any], where: str) -> None:
    """Raise SourceError when a quote's labels are not those of the guidelines."""
    if quote["kind"] not in KINDS:
        raise SourceError(f"{where}: kind {quote['kind']!r} is not one of {sorted(KINDS)}")
    if quote["cue"] not in CUES:
        raise SourceError(f"{where}: cue {quote['cue']!r} is not one of {sorted(CUES)}")
    speaker = quote.get("speaker")
    if speaker is not None and speaker.get("kind") not in SPEAKER_KINDS:
        raise SourceError(f"{where}: speaker kind {speaker.get('kind')!r} is not valid")
    for outlet in quote.get("relayed_by", []):
        if outlet["name"] not in OUTLET_NAMES | OTHER_OUTLET_NAMES:
            raise SourceError(f"{where}: outlet {outlet['name']!r} is not a canonical name")


def _locate(text: str, quote: dict[str, Any], cursor: int, host: tuple[int, int] | None,
            where: str) -> tuple[int, int]:
    """Return the offsets of a quote: after ``cursor``, or inside ``host`` when it is nested."""
    needle = quote["text"]
    if quote.get("nested", False):
        if host is None:
            raise SourceError(f"{where}: a nested quote must follow the quote that holds it")
        start = text.find(needle, host[0], host[1])
        if start < 0:
            raise SourceError(f"{where}: nested {needle[:60]!r} not found inside the previous quote")
    else:
        start = text.find(needle, cursor)
        if start < 0:
            raise SourceError(f"{where}: {needle[:60]!r} not found after offset {cursor}")
    return start, start + len(needle)


def build_document(source: dict[str, Any]) -> dict[str, Any]:
    """Return the corpus record of one source document, with every span anchored."""
    text = source["text"]
    cursor = 0
    host: tuple[int, int] | None = None
    quotes = []
    for number, quote in enumerate(source["quotes"], start=1):
        where = f"{source['id']} quote {number}"
        _check_quote(quote, where)
        start, end = _locate(text, quote, cursor, host, where)
        if not quote.get("nested", False):
            host = (start, end)
        span = (start, end)
        record: dict[str, Any] = {
            "kind": quote["kind"],
            "cue": quote["cue"],
            "text": quote["text"],
            "start": start,
            "end": end,
        }
        speaker = quote.get("speaker")
        record["speaker"] = None if speaker is None else _anchor(text, speaker, span, where)
        if record["speaker"] is not None:
            record["speaker"].setdefault("role", None)
            record["speaker"].setdefault("aliases", [])
        verb = quote.get("verb")
        record["verb"] = None if verb is None else _anchor(text, verb, span, where)
        record["relayed_by"] = [_anchor(text, o, span, where) for o in quote.get("relayed_by", [])]
        record["negated"] = bool(quote.get("negated", False))
        record["hedged"] = bool(quote.get("hedged", False))
        quotes.append(record)
        cursor = max(cursor, end)
    return {
        "id": source["id"],
        "split": source["split"],
        "genre": source["genre"],
        "topic": source["topic"],
        "text": text,
        "quotes": quotes,
    }


def load_sources() -> list[dict[str, Any]]:
    """Read every source document, sorted by id."""
    sources = [json.loads(p.read_text(encoding="utf-8")) for p in SOURCES_DIR.glob("*.json")]
    for source in sources:
        if source.get("split") not in SPLITS:
            raise SourceError(f"{source.get('id')}: split must be one of {SPLITS}")
    return sorted(sources, key=lambda s: s["id"])


def render_split(records: list[dict[str, Any]], split: str) -> str:
    """Return the JSON Lines text of one split."""
    lines = [json.dumps(r, ensure_ascii=False) for r in records if r["split"] == split]
    return "".join(line + "\n" for line in lines)


def show(record: dict[str, Any]) -> str:
    """Return a human-readable view of a record's spans, for checking annotations by eye."""
    text = record["text"]
    rows = [f"# {record['id']} ({record['split']}, {record['genre']}, {record['topic']})"]
    for quote in record["quotes"]:
        rows.append(f"- {quote['kind']}/{quote['cue']} [{quote['start']}:{quote['end']}] "
                    f"{text[quote['start']:quote['end']]!r}")
        speaker, verb = quote["speaker"], quote["verb"]
        if speaker:
            context = text[max(0, speaker["start"] - 30):speaker["end"] + 30].replace("\n", " ")
            rows.append(f"    speaker {speaker['name']!r} via {speaker['text']!r} in …{context}…")
        if verb:
            rows.append(f"    verb {verb['lemma']!r} via {verb['text']!r} at {verb['start']}")
        for outlet in quote["relayed_by"]:
            rows.append(f"    relayed_by {outlet['name']!r} via {outlet['text']!r} at {outlet['start']}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Build, check or show the corpus; return the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the files are stale")
    parser.add_argument("--show", metavar="ID", help="print one document's spans in context")
    args = parser.parse_args(argv)
    try:
        records = [build_document(s) for s in load_sources()]
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.show:
        matching = [r for r in records if r["id"] == args.show]
        if not matching:
            print(f"error: no document with id {args.show!r}", file=sys.stderr)
            return 1
        print(show(matching[0]))
        return 0
    stale = []
    for split in SPLITS:
        path = CORPUS_DIR / f"{split}.jsonl"
        rendered = render_split(records, split)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != rendered:
                stale.append(path.name)
        else:
            path.write_text(rendered, encoding="utf-8")
    if stale:
        print(f"error: out of date: {', '.join(stale)}; run python corpora/build.py", file=sys.stderr)
        return 1
    counts = {s: sum(1 for r in records if r["split"] == s) for s in SPLITS}
    quotes = sum(len(r["quotes"]) for r in records)
    print(f"{len(records)} documents ({counts['dev']} dev, {counts['test']} test), {quotes} quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
