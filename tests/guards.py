"""A time bound that fails a test instead of letting it hang.

The bound only turns a hang (an endless loop, a runaway recursion) into a failure: it is set
far above any normal run and is not a measure of speed. Timings and growth ratios are measured
in ``bench/``, never asserted in tests.

It is not ``quoteattr.budget``: the failure it raises is pytest's (a ``BaseException``), which
the extractor's per-document error isolation (``except Exception``) lets through.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import TypeVar

import pytest

T = TypeVar("T")
DEFAULT_LIMIT = 120.0
_REPEAT = 1.0


def _can_interrupt() -> bool:
    """Return True when an alarm signal can interrupt the running code (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _fail_message(function: Callable[..., object], limit: float) -> str:
    """Return the failure message for a call still running after ``limit`` seconds."""
    return f"{getattr(function, '__name__', function)} still running after {limit:g} s"


def _with_alarm(function: Callable[..., T], limit: float, *args, **kwargs) -> T:
    """Run ``function`` under SIGALRM; the alarm stops it and fails the test at ``limit``.

    The alarm repeats every ``_REPEAT`` seconds after the first: a failure raised where Python
    swallows exceptions ("Exception ignored in …": a finaliser, or hypothesis's garbage
    collection callback, which an allocating loop runs often) would otherwise leave the hang
    running with no alarm left.
    """

    def on_alarm(signum: int, frame: object) -> None:
        pytest.fail(_fail_message(function, limit))

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit, _REPEAT)
    try:
        return function(*args, **kwargs)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _in_thread(function: Callable[..., T], limit: float, *args, **kwargs) -> T:
    """Run ``function`` in a daemon thread; fail the test if it is still running at ``limit``.

    The thread cannot be stopped: after a failure it keeps running until the process ends.
    """
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = function(*args, **kwargs)
        except BaseException as error:  # re-raised in the test's thread
            outcome["error"] = error

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(limit)
    if worker.is_alive():
        pytest.fail(_fail_message(function, limit))
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def within_limit(function: Callable[..., T], *args, limit: float = DEFAULT_LIMIT, **kwargs) -> T:
    """Return ``function(*args, **kwargs)``; fail the test if it runs past ``limit`` seconds.

    In the main thread on POSIX an alarm interrupts the call itself, so a hang stops and the
    rest of the session keeps its cores; elsewhere the call runs in a thread that is left
    behind on failure. Either way the bound catches hangs only: keep it generous.
    """
    if _can_interrupt():
        return _with_alarm(function, limit, *args, **kwargs)
    return _in_thread(function, limit, *args, **kwargs)
