"""Calibrated confidence: the measured precision of each combination of rules.

A quote's confidence is read from ``quoteattr/data/calibration.tsv``: how often, on annotated
text, a quote found by the same combination of rules had both its span and its speaker
right. Each combination has back-off keys, finest first (see :func:`backoff_keys`): the
combination; without its relay rules; without the rule that found the subject; with the
family of its span rule instead of the rule; how its speaker was resolved (or that none was
found) whatever the span rule; its span rules alone; their family alone. How the speaker was
resolved outranks the span rule: a quote with no speaker is rarely right. Modifiers such as
``page_furniture`` are kept at every level.

The estimate is smoothed from the coarsest key to the finest: each key's precision is its
observations plus ``PRIOR_WEIGHT`` pseudo-observations at the precision of the key above it,
so a rare combination stays near its family and a frequent one speaks for itself. A key that
holds exactly the observations of the key above it adds nothing (the same quotes are not
counted twice).
Observations on real articles (the tune split of ``../shared/realdev``) count
``REAL_WEIGHT`` times those on the project's own corpus, which is easier than the news.
When no key of a quote was ever observed, the rule's own uncalibrated estimate stays.
``python -m quoteattr.evaluation.calibration`` regenerates the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from quoteattr.attribution.evidence import RULES, RULES_BY_NAME
from quoteattr.errors import InputFormatError

PRIOR_WEIGHT = 5.0
REAL_WEIGHT = 3
_PRIOR = 0.5
_ORDER = {rule.name: position for position, rule in enumerate(RULES)}
_HEADER = "key\treal\treal_right\twritten\twritten_right\tprecision"


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
        ["any", *coreference, *modifiers],
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
class Counts:
    """The observations of one calibration key, on real articles and on project-written text."""

    real: int = 0
    real_right: int = 0
    written: int = 0
    written_right: int = 0

    def add(self, right: bool, *, real: bool) -> Counts:
        """Return these counts with one more observation."""
        if real:
            return Counts(self.real + 1, self.real_right + right, self.written, self.written_right)
        return Counts(self.real, self.real_right, self.written + 1, self.written_right + right)

    @property
    def weight(self) -> float:
        """The weighted number of observations (real ones count ``REAL_WEIGHT`` times)."""
        return REAL_WEIGHT * self.real + self.written

    @property
    def right(self) -> float:
        """The weighted number of observations that were right."""
        return REAL_WEIGHT * self.real_right + self.written_right


@dataclass(frozen=True)
class CalibrationTable:
    """The observations per calibration key.

    Attributes:
        counts: ``key -> Counts``.
        prior_weight: how many pseudo-observations the precision of a coarser key is worth.
    """

    counts: dict[str, Counts] = field(default_factory=dict)
    prior_weight: float = PRIOR_WEIGHT

    def confidence(self, evidence: Sequence[str]) -> float | None:
        """Return the smoothed precision for ``evidence``, or None when none of its keys was observed."""
        observed = [self.counts[key] for key in reversed(backoff_keys(evidence)) if key in self.counts]
        if not observed:
            return None
        estimate = _PRIOR
        for coarser, counts in zip([None, *observed], observed):
            if counts == coarser:  # the same observations as the key above: nothing new to learn
                continue
            estimate = (counts.right + self.prior_weight * estimate) / (counts.weight + self.prior_weight)
        return estimate

    def to_tsv(self) -> str:
        """Return the table as TSV text, keys sorted, with a header line."""
        lines = [_HEADER]
        for key in sorted(self.counts):
            c = self.counts[key]
            lines.append(f"{key}\t{c.real}\t{c.real_right}\t{c.written}\t{c.written_right}\t"
                         f"{c.right / c.weight:.3f}")
        return "\n".join(lines) + "\n"


def parse_calibration(text: str, source: str) -> CalibrationTable:
    """Return the table written by :meth:`CalibrationTable.to_tsv`, checking every line.

    Raises:
        InputFormatError: a line is not ``key, real, real_right, written, written_right,
            precision`` with ``0 <= right <= observed`` and at least one observation; the
            message names ``source`` and the line.
    """
    counts: dict[str, Counts] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line == _HEADER:
            continue
        fields = line.split("\t")
        try:
            if len(fields) != 6:
                raise ValueError(f"expected 6 tab-separated fields, got {len(fields)}")
            real, real_right, written, written_right = (int(f) for f in fields[1:5])
            if not (0 <= real_right <= real and 0 <= written_right <= written) or real + written == 0:
                raise ValueError("counts must satisfy 0 <= right <= observed, with one observation or more")
        except ValueError as error:
            raise InputFormatError(f"{source}, line {number}: {error}") from None
        counts[fields[0]] = Counts(real, real_right, written, written_right)
    return CalibrationTable(counts)


def load_calibration(path: str | Path | None = None) -> CalibrationTable:
    """Return the calibration table at ``path``, or the one shipped with quoteattr."""
    if path is None:
        text = resources.files("quoteattr.data").joinpath("calibration.tsv").read_text(encoding="utf-8")
        return parse_calibration(text, "quoteattr/data/calibration.tsv")
    return parse_calibration(Path(path).read_text(encoding="utf-8"), str(path))
