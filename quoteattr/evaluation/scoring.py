"""Metrics: quote-span precision/recall/F1, speaker and verb accuracy, attribution and relays."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from quoteattr.evaluation.gold import GoldDocument, GoldQuote
from quoteattr.evaluation.matching import match
from quoteattr.evaluation.names import normalise_lemma, normalise_name
from quoteattr.models import Quote

KINDS = ("direct", "block", "indirect", "mixed")
THRESHOLDS = {"overlap": 0.5, "exact": 1.0}
_CONTEXT = 60


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the derived rates."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are right (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items found (1.0 when there is nothing to find)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Return the counts and rates as plain data."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    """Correct out of total."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """The accuracy (1.0 when there was nothing to judge)."""
        return self.correct / self.total if self.total else 1.0

    def as_dict(self) -> dict[str, float | int]:
        """Return the counts and the rate as plain data."""
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass(frozen=True)
class ErrorCase:
    """A missed, spurious or misattributed quote, with its context for reading."""

    category: str
    document: str
    text: str
    start: int
    gold_speaker: str | None
    predicted_speaker: str | None
    context: str


@dataclass
class Scores:
    """Every metric of one evaluation run."""

    documents: int = 0
    spans: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: {t: {k: Counts() for k in (*KINDS, "all")} for t in THRESHOLDS})
    kind: Accuracy = field(default_factory=Accuracy)
    speaker: Accuracy = field(default_factory=Accuracy)
    verb: Accuracy = field(default_factory=Accuracy)
    attribution: Counts = field(default_factory=Counts)
    relays: Counts = field(default_factory=Counts)
    errors: list[ErrorCase] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Return the scores as plain data (for ``--json``)."""
        return {
            "documents": self.documents,
            "spans": {t: {k: c.as_dict() for k, c in kinds.items()} for t, kinds in self.spans.items()},
            "kind_accuracy": self.kind.as_dict(),
            "speaker_accuracy": self.speaker.as_dict(),
            "verb_accuracy": self.verb.as_dict(),
            "attribution": self.attribution.as_dict(),
            "relayed_by": self.relays.as_dict(),
        }


def speaker_forms(quote: GoldQuote) -> set[str]:
    """Return the normalised forms that count as naming a gold quote's speaker."""
    if quote.speaker is None:
        return set()
    forms = {quote.speaker.name, quote.speaker.text, *quote.speaker.aliases}
    return {normalise_name(f) for f in forms if f.strip()}


def speaker_correct(gold: GoldQuote, predicted: Quote) -> bool:
    """Return True when the predicted speaker is one of the gold forms (or both are absent)."""
    if gold.speaker is None:
        return predicted.speaker is None
    if predicted.speaker is None:
        return False
    forms = speaker_forms(gold)
    return normalise_name(predicted.speaker.name) in forms or normalise_name(predicted.speaker.text) in forms


def _context(text: str, start: int, end: int) -> str:
    """Return the quote with some text on each side, on one line."""
    left = text[max(0, start - _CONTEXT):start]
    right = text[end:end + _CONTEXT]
    return f"…{left}[[{text[start:end]}]]{right}…".replace("\n", " ")


def _score_spans(scores: Scores, gold: Sequence[GoldQuote], predicted: Sequence[Quote]) -> None:
    """Add the span counts of one document, per threshold, per kind and overall."""
    for label, threshold in THRESHOLDS.items():
        table = scores.spans[label]
        for kind in (*KINDS, "all"):
            g = [q for q in gold if kind in ("all", q.kind)]
            p = [q for q in predicted if kind in ("all", q.kind)]
            pairs = match(g, p, threshold)
            table[kind].tp += len(pairs)
            table[kind].fp += len(p) - len(pairs)
            table[kind].fn += len(g) - len(pairs)


def _speaker_label(speaker: Any) -> str | None:
    """Return a printable speaker name, or None."""
    return None if speaker is None else speaker.name


def score_document(scores: Scores, document: GoldDocument, predicted: Sequence[Quote]) -> None:
    """Add one document's counts to ``scores``."""
    scores.documents += 1
    gold = document.quotes
    _score_spans(scores, gold, predicted)
    pairs = match(gold, predicted, THRESHOLDS["overlap"])
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    for i, j in pairs:
        g, p = gold[i], predicted[j]
        scores.kind.total += 1
        scores.kind.correct += g.kind == p.kind
        scores.speaker.total += 1
        right = speaker_correct(g, p)
        scores.speaker.correct += right
        scores.attribution.tp += right
        if not right:
            scores.errors.append(ErrorCase("misattributed", document.id, g.text, g.start,
                                           _speaker_label(g.speaker), _speaker_label(p.speaker),
                                           _context(document.text, g.start, g.end)))
        if g.verb is not None:
            scores.verb.total += 1
            scores.verb.correct += p.verb is not None and normalise_lemma(p.verb.lemma) == normalise_lemma(g.verb.lemma)
        gold_relays = {r.name for r in g.relayed_by}
        pred_relays = {r.name for r in p.relayed_by}
        scores.relays.tp += len(gold_relays & pred_relays)
        scores.relays.fp += len(pred_relays - gold_relays)
        scores.relays.fn += len(gold_relays - pred_relays)
    scores.attribution.fp += len(predicted) - sum(1 for i, j in pairs if speaker_correct(gold[i], predicted[j]))
    scores.attribution.fn += len(gold) - sum(1 for i, j in pairs if speaker_correct(gold[i], predicted[j]))
    for i, g in enumerate(gold):
        if i not in matched_gold:
            scores.relays.fn += len({r.name for r in g.relayed_by})
            scores.errors.append(ErrorCase("missed", document.id, g.text, g.start,
                                           _speaker_label(g.speaker), None,
                                           _context(document.text, g.start, g.end)))
    for j, p in enumerate(predicted):
        if j not in matched_pred:
            scores.relays.fp += len({r.name for r in p.relayed_by})
            scores.errors.append(ErrorCase("spurious", document.id, p.text, p.start, None,
                                           _speaker_label(p.speaker),
                                           _context(document.text, p.start, p.end)))


def score(pairs: Iterable[tuple[GoldDocument, Sequence[Quote]]]) -> Scores:
    """Return the scores of predictions against gold documents.

    Args:
        pairs: each gold document with the quotes predicted for its text.
    """
    scores = Scores()
    for document, predicted in pairs:
        score_document(scores, document, predicted)
    return scores
