"""Signals for ``quoteattr``: Ctrl-C, SIGTERM and SIGHUP stop the command where it is, never mid-write.

Inside :func:`catch_signals` the three signals raise :class:`Interrupted` (a
``KeyboardInterrupt``) so that the clean-up code runs as for Ctrl-C. Inside :func:`deferred`
a signal that arrives is held and raised when the block ends, so that a record, or the closing
of an output file, is written whole.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType

_held: list[int] = []
_depth = 0


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, SIGTERM or SIGHUP, raised where the program is so that clean-up runs."""

    def __init__(self, signum: int) -> None:
        """Remember which signal arrived."""
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """Signal handler: raise :class:`Interrupted`, or hold the signal inside :func:`deferred`."""
    if _depth:
        _held.append(signum)
        return
    raise Interrupted(signum)


@contextlib.contextmanager
def catch_signals() -> Iterator[None]:
    """Make SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` inside the block, then restore them."""
    previous = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
                previous[number] = signal.signal(number, _interrupt)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold the signals that arrive inside the block; raise the first as :class:`Interrupted` at its end."""
    global _depth
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if not _depth and _held:
            signum = _held[0]
            _held.clear()
            raise Interrupted(signum)
