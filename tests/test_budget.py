"""The time budget that stops one document's work in ``Extractor.pipe``."""

from __future__ import annotations

import time

import pytest

from quoteattr.budget import BudgetExceeded, budgets_available, time_budget

pytestmark = pytest.mark.skipif(not budgets_available(), reason="time budgets need SIGALRM and the main thread")


def test_budget_interrupts_a_block_that_runs_too_long() -> None:
    with pytest.raises(BudgetExceeded), time_budget(0.05):
        while True:
            time.sleep(0.01)


def test_budget_interrupts_again_when_the_block_swallows_the_first_interruption() -> None:
    swallowed = 0
    deadline = time.monotonic() + 5
    with pytest.raises(BudgetExceeded), time_budget(0.05):
        while time.monotonic() < deadline:
            try:
                while time.monotonic() < deadline:
                    time.sleep(0.01)
            except Exception:
                swallowed += 1
                if swallowed > 1:
                    raise
    assert swallowed == 2


def test_budget_is_disarmed_after_a_block_that_finishes_in_time() -> None:
    with time_budget(0.2):
        pass
    time.sleep(0.4)


def test_no_budget_runs_the_block_unbounded() -> None:
    with time_budget(None):
        time.sleep(0.01)
