"""Calibrated confidence: the measured precision of each combination of rules.

A quote's confidence is read from ``quoteattr/data/calibration.tsv``: how often, on annotated
real and project-written text, a quote found by the same combination of rules had both its
span and its speaker right. A combination seen fewer than ``MIN_OBSERVATIONS`` times backs
off to a coarser key: without its relay rules; without the rule that found the subject; with
the family of its span rule instead of the rule; how its speaker was resolved (or that none
was found) whatever the span rule; its span rules alone; their family alone. How the
speaker was resolved outranks the span rule: a quote with no speaker is rarely right. Modifiers such as
``page_furniture`` are kept at every level. When even the family is too rare, the rule's own
uncalibrated estimate stays. ``python -m quoteattr.evaluation.calibration`` regenerates the
table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from quoteattr.attribution.evidence import RULES, RULES_BY_NAME
from quoteattr.errors import InputFormatError

MIN_OBSERVATIONS = 10
_ORDER = {rule.name: position for position, rule in enumerate(RULES)}
_HEADER = "key\tobserved\tcorrect\tprecision"


def _names(evidence: Sequence[str], *stages: str) -> list[str]:
    """Return the known names of ``evidence`` of the given stages, in rule-table order."""
    known = [n for n in evidence if n in RULES_BY_NAME and RULES_BY_NAME[n].stage in stages]
    return sorted(set(known), key=_ORDER.__getitem__)


def _family(evidence: Sequence[str]) -> str:
    """Return the family of a quote's span rules ("mixed" for a report holding a quote)."""
    spans = _names(evidence, "span")
    if "mixed_fragment" in spans:
        return "mixed"
    return RULES_BY_NAME[spans[0]].family if spans else "none"


def backoff_keys(evidence: Sequence[str]) -> list[str]:
    """Return the calibration keys of a quote's evidence, finest first."""
    spans = _names(evidence, "span")
    modifiers = _names(evidence, "modifier")
    speakers = _names(evidence, "speaker")
    coreference = [n for n in speakers if RULES_BY_NAME[n].family != "subject"]
    relays = _names(evidence, "relay")
    family = [f"family:{_family(evidence)}"]
    levels = [
        spans + speakers + relays + modifiers,
        spans + speakers + modifiers,
        spans + coreference + modifiers,
        family + coreference + modifiers,
        ["any"] + coreference + modifiers,
        spans + modifiers,
        family + modifiers,
    ]
    keys: list[str] = []
    for level in levels:
        key = "+".join(level)
        if key not in keys:
            keys.append(key)
    return keys


@dataclass(frozen=True)
class CalibrationTable:
    """Observed and correct counts per calibration key.

    Attributes:
        counts: ``key -> (observed, correct)``.
        min_observations: the fewest observations a key needs to be trusted.
    """

    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    min_observations: int = MIN_OBSERVATIONS

    def confidence(self, evidence: Sequence[str]) -> float | None:
        """Return the measured precision for ``evidence``, or None when nothing is trusted."""
        for key in backoff_keys(evidence):
            observed, correct = self.counts.get(key, (0, 0))
            if observed >= self.min_observations:
                return correct / observed
        return None

    def to_tsv(self) -> str:
        """Return the table as TSV text, keys sorted, with a header line."""
        lines = [_HEADER]
        for key in sorted(self.counts):
            observed, correct = self.counts[key]
            lines.append(f"{key}\t{observed}\t{correct}\t{correct / observed:.3f}")
        return "\n".join(lines) + "\n"


def parse_calibration(text: str, source: str) -> CalibrationTable:
    """Return the table written by :meth:`CalibrationTable.to_tsv`, checking every line.

    Raises:
        InputFormatError: a line is not ``key, observed, correct, precision`` with
            ``0 <= correct <= observed``; the message names ``source`` and the line.
    """
    counts: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line == _HEADER:
            continue
        fields = line.split("\t")
        try:
            if len(fields) != 4:
                raise ValueError(f"expected 4 tab-separated fields, got {len(fields)}")
            observed, correct = int(fields[1]), int(fields[2])
            if not 0 <= correct <= observed or observed == 0:
                raise ValueError(f"counts must satisfy 0 <= correct <= observed > 0, got {correct}/{observed}")
        except ValueError as error:
            raise InputFormatError(f"{source}, line {number}: {error}") from None
        counts[fields[0]] = (observed, correct)
    return CalibrationTable(counts)


def load_calibration(path: str | Path | None = None) -> CalibrationTable:
    """Return the calibration table at ``path``, or the one shipped with quoteattr."""
    if path is None:
        text = resources.files("quoteattr.data").joinpath("calibration.tsv").read_text(encoding="utf-8")
        return parse_calibration(text, "quoteattr/data/calibration.tsv")
    return parse_calibration(Path(path).read_text(encoding="utf-8"), str(path))
