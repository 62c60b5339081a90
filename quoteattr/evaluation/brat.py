"""Loading brat standoff annotations (``.txt`` + ``.ann``) as gold documents.

Entity types are read case-insensitively:

- quotes: ``Quote``, ``Citation``, ``Direct``, ``Indirect``, ``Mixed``, ``Block`` (the last four
  also give the kind; otherwise an attribute ``Kind`` on the quote, else "direct");
- speakers: ``Speaker``, ``Source``, ``Locuteur``, ``Author``;
- cues: ``Cue``, ``Verb``, ``Verbe``, ``Introducteur``;
- outlets: ``Outlet``, ``Media``, ``Média``, ``Relay``.

Any relation (``R``) or event argument that links a speaker, cue or outlet to a quote attaches
it to that quote. An ``AnnotatorNotes`` comment on a speaker gives its full name, on a cue its
lemma, on an outlet its canonical name. Discontinuous spans are read from their first start to
their last end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from quoteattr.errors import InputFormatError
from quoteattr.evaluation.gold import GoldDocument

_QUOTE_TYPES = {"quote": None, "citation": None, "direct": "direct", "indirect": "indirect",
                "mixed": "mixed", "block": "block"}
_SPEAKER_TYPES = {"speaker", "source", "locuteur", "author"}
_CUE_TYPES = {"cue", "verb", "verbe", "introducteur"}
_OUTLET_TYPES = {"outlet", "media", "média", "relay"}


@dataclass
class _Entity:
    """A text-bound annotation of a brat file."""

    kind: str
    start: int
    end: int
    note: str | None = None
    links: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)


def _parse_entity(line: str, where: str) -> tuple[str, _Entity]:
    """Parse a ``T`` line: ``T1<TAB>Type start end[;start end]<TAB>text``."""
    try:
        ident, middle, _ = line.split("\t", 2)
        label, offsets = middle.split(" ", 1)
        numbers = [int(n) for part in offsets.split(";") for n in part.split()]
    except ValueError:
        raise InputFormatError(f"{where}: malformed text-bound annotation {line!r}") from None
    return ident, _Entity(label.lower(), min(numbers), max(numbers))


def _read_ann(path: Path) -> dict[str, _Entity]:
    """Read the entities of an ``.ann`` file with their notes, attributes and links."""
    entities: dict[str, _Entity] = {}
    links: list[list[str]] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip("\n")
        where = f"{path}, line {number}"
        if line.startswith("T"):
            ident, entity = _parse_entity(line, where)
            entities[ident] = entity
        elif line.startswith(("R", "E")) and "\t" in line:
            arguments = line.split("\t")[1].split()
            links.append([a.split(":", 1)[1] for a in arguments if ":" in a])
        elif line.startswith("A") and "\t" in line:
            parts = line.split("\t")[1].split()
            if len(parts) >= 2 and parts[1] in entities:
                entities[parts[1]].attributes[parts[0].lower()] = parts[2] if len(parts) > 2 else "true"
        elif line.startswith("#") and line.count("\t") >= 2:
            _, target, note = line.split("\t", 2)
            ident = target.split()[-1]
            if ident in entities:
                entities[ident].note = note.strip()
    for group in links:
        for ident in group:
            if ident in entities:
                entities[ident].links.extend(g for g in group if g != ident)
    return entities


def _quote_record(text: str, ident: str, entity: _Entity, entities: dict[str, _Entity]) -> dict:
    """Return the gold quote record of a brat quote entity."""
    kind = _QUOTE_TYPES[entity.kind] or entity.attributes.get("kind", "direct").lower()
    record: dict = {"kind": kind, "cue": entity.attributes.get("cue", "none"),
                    "text": text[entity.start:entity.end], "start": entity.start,
                    "end": entity.end, "speaker": None, "verb": None, "relayed_by": []}
    for other_id in entity.links:
        other = entities.get(other_id)
        if other is None:
            continue
        span = {"text": text[other.start:other.end], "start": other.start, "end": other.end}
        if other.kind in _SPEAKER_TYPES and record["speaker"] is None:
            record["speaker"] = {**span, "name": other.note or span["text"]}
        elif other.kind in _CUE_TYPES and record["verb"] is None:
            record["verb"] = {**span, "lemma": other.note or span["text"]}
            if record["cue"] == "none":
                record["cue"] = "verb"
        elif other.kind in _OUTLET_TYPES:
            record["relayed_by"].append({**span, "name": other.note or span["text"]})
    return record


def load_brat(folder: str | Path) -> list[GoldDocument]:
    """Return the gold documents of a folder of brat ``.txt`` / ``.ann`` pairs, by file name."""
    documents = []
    for text_path in sorted(Path(folder).glob("*.txt")):
        ann_path = text_path.with_suffix(".ann")
        if not ann_path.exists():
            raise InputFormatError(f"{text_path}: no annotation file {ann_path.name} beside it")
        text = text_path.read_text(encoding="utf-8")
        entities = _read_ann(ann_path)
        quotes = [_quote_record(text, ident, e, entities) for ident, e in entities.items()
                  if e.kind in _QUOTE_TYPES]
        quotes.sort(key=lambda q: q["start"])
        documents.append(GoldDocument.model_validate(
            {"id": text_path.stem, "text": text, "quotes": quotes}))
    return documents
