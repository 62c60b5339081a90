"""The hang bound of the robustness tests (``tests.guards``) stops runaway code and fails."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from tests.guards import within_limit


def _endless() -> None:
    """Loop forever."""
    while True:
        pass


def _swallows_first_interrupt() -> str:
    """Loop for about 10 s, swallowing the first exception raised into it, as a finaliser would."""
    swallowed = False
    for _ in range(1_000):
        try:
            time.sleep(0.01)
        except BaseException:
            if swallowed:
                raise
            swallowed = True
    return "finished"


def test_guards_within_limit_returns_the_result_and_clears_the_alarm() -> None:
    assert within_limit(sorted, [3, 1, 2], limit=5.0) == [1, 2, 3]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_guards_within_limit_stops_an_endless_loop() -> None:
    with pytest.raises(pytest.fail.Exception, match=r"_endless still running after 0\.2 s"):
        within_limit(_endless, limit=0.2)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_guards_within_limit_fails_again_when_the_first_failure_is_swallowed() -> None:
    with pytest.raises(pytest.fail.Exception):
        within_limit(_swallows_first_interrupt, limit=0.2)


def test_guards_within_limit_off_the_main_thread_fails_after_the_limit() -> None:
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            within_limit(time.sleep, 1.0, limit=0.1)
        except BaseException as error:  # inspected below
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(5.0)
    assert len(outcome) == 1 and isinstance(outcome[0], pytest.fail.Exception), outcome
