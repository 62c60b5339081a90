"""A time budget for one step of work, enforced with the real-time interval timer.

Used by :meth:`quoteattr.Extractor.pipe` so that one pathological document cannot stall a
batch run: when the budget runs out, the step is interrupted with :class:`BudgetExceeded`.
The timer is a process-wide resource that only the main thread may arm, so a budget can only
be set there, on platforms with ``SIGALRM``.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_REPEAT = 0.5


class BudgetExceeded(Exception):
    """The step ran past its time budget."""


def budgets_available() -> bool:
    """Return True when a time budget can be enforced here (main thread, SIGALRM exists)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """Signal handler: stop the step that runs over its budget."""
    raise BudgetExceeded


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the enclosed block with at most ``seconds`` of wall-clock time (None: no limit).

    Once the budget has run out the interruption repeats every ``_REPEAT`` seconds, so a
    library that catches every exception inside the block cannot swallow it for good.

    Raises:
        BudgetExceeded: the block was still running when the budget ran out.
    """
    if seconds is None:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
