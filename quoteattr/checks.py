"""Argument checks shared by the public API: each returns a valid value or raises, naming the argument."""

from __future__ import annotations

from quoteattr.budget import budgets_available
from quoteattr.errors import QuoteattrError


def check_text(text: object, name: str = "text") -> str:
    """Return ``text`` if it is a string, else raise a TypeError naming the argument."""
    if not isinstance(text, str):
        raise TypeError(f"{name} must be str, got {type(text).__name__}")
    return text


def check_confidence(value: object) -> float:
    """Return a valid ``min_confidence`` or raise."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"min_confidence must be a number, got {type(value).__name__}")
    if not 0.0 <= float(value) <= 1.0:
        raise ValueError(f"min_confidence must be between 0 and 1, got {value}")
    return float(value)


def check_count(value: object, name: str) -> int:
    """Return ``value`` if it is a whole number of at least 1, else raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return value


def check_timeout(value: object) -> float | None:
    """Return a valid per-document time budget in seconds (None: no limit) or raise."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"timeout must be a number of seconds or None, got {type(value).__name__}")
    if not 0 < float(value) < float("inf"):
        raise ValueError(f"timeout must be a positive number of seconds, got {value}")
    if not budgets_available():
        raise QuoteattrError("a timeout needs the main thread of a platform with SIGALRM; "
                             "call pipe() there or pass timeout=None")
    return float(value)
