"""Printing evaluation scores for people (a table) and for machines (JSON)."""

from __future__ import annotations

import json

from collections.abc import Sequence

from quoteattr.evaluation.outcomes import Outcome, by_rule, reliability
from quoteattr.evaluation.scoring import KINDS, Scores


def format_table(scores: Scores) -> str:
    """Return the scores as an aligned text table."""
    lines = [f"documents: {scores.documents}", "",
             f"{'quote spans':<22}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for label, title in (("overlap", "Jaccard >= 0.5"), ("exact", "exact")):
        lines.append(f"  {title}")
        for kind in (*KINDS, "all"):
            c = scores.spans[label][kind]
            lines.append(f"    {kind:<18}{c.tp + c.fn:>6}{c.tp + c.fp:>6}"
                         f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    a, r = scores.attribution, scores.relays
    lines += [
        "",
        f"kind accuracy (matched):     {scores.kind.value:.3f}  ({scores.kind.correct}/{scores.kind.total})",
        f"speaker accuracy (matched):  {scores.speaker.value:.3f}  ({scores.speaker.correct}/{scores.speaker.total})",
        f"verb-lemma accuracy:         {scores.verb.value:.3f}  ({scores.verb.correct}/{scores.verb.total})",
        f"attribution P/R/F1:          {a.precision:.3f} / {a.recall:.3f} / {a.f1:.3f}",
        f"relayed_by P/R/F1:           {r.precision:.3f} / {r.recall:.3f} / {r.f1:.3f}",
    ]
    return "\n".join(lines)


def format_errors(scores: Scores) -> str:
    """Return one block per missed, spurious or misattributed quote."""
    blocks = []
    for error in sorted(scores.errors, key=lambda e: (e.document, e.start, e.category)):
        head = f"[{error.category}] {error.document} @{error.start}"
        if error.category == "misattributed":
            head += f"  gold={error.gold_speaker!r} predicted={error.predicted_speaker!r}"
        elif error.category == "missed":
            head += f"  gold={error.gold_speaker!r}"
        else:
            head += f"  predicted={error.predicted_speaker!r}"
        blocks.append(f"{head}\n    {error.context}")
    return "\n".join(blocks)


def format_by_rule(found: Sequence[Outcome]) -> str:
    """Return, for each rule, how often it fired and how precise it was, then the bands."""
    lines = [f"{'rule':<24}{'fired':>7}{'span P':>9}{'attribution P':>15}"]
    for stats in by_rule(found):
        if stats.fired:
            lines.append(f"{stats.name:<24}{stats.fired:>7}{stats.span_precision:>9.3f}"
                         f"{stats.attribution_precision:>15.3f}")
    lines += ["", f"{'confidence':<14}{'quotes':>7}{'stated':>8}{'right':>8}"]
    for band in reliability(found):
        if band.quotes:
            lines.append(f"{band.low:.1f}–{band.high:.1f}{'':<7}{band.quotes:>7}{band.stated:>8.3f}{band.accuracy:>8.3f}")
    return "\n".join(lines)


def format_json(scores: Scores, with_errors: bool = False, outcomes: Sequence[Outcome] | None = None) -> str:
    """Return the scores as a JSON document, optionally with the errors and the per-rule scores."""
    data = scores.as_dict()
    if with_errors:
        data["errors"] = [e.__dict__ for e in scores.errors]
    if outcomes is not None:
        data["by_rule"] = [{"rule": s.name, "fired": s.fired, "span_precision": round(s.span_precision, 4),
                            "attribution_precision": round(s.attribution_precision, 4)}
                           for s in by_rule(outcomes) if s.fired]
        data["reliability"] = [{"low": b.low, "high": b.high, "quotes": b.quotes, "stated": round(b.stated, 4),
                                "right": round(b.accuracy, 4)}
                               for b in reliability(outcomes) if b.quotes]
    return json.dumps(data, ensure_ascii=False, indent=2)
