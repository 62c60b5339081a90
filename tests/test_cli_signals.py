"""Signals in the command line: Ctrl-C, SIGTERM and SIGHUP interrupt, never in the middle of a write."""

from __future__ import annotations

import signal

import pytest

from quoteattr.cli_signals import Interrupted, catch_signals, deferred

SIGNALS = [getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)]


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda number: signal.Signals(number).name)
def test_cli_signals_raise_interrupted_with_the_signal(signum: int) -> None:
    with pytest.raises(Interrupted) as caught, catch_signals():
        signal.raise_signal(signum)
    assert caught.value.signum == signum


def test_cli_signals_inside_deferred_are_held_until_the_block_ends() -> None:
    steps = []
    with pytest.raises(Interrupted) as caught, catch_signals():
        with deferred():
            signal.raise_signal(signal.SIGINT)
            steps.append("after the signal")
            with deferred():
                steps.append("nested")
            steps.append("still inside")
        steps.append("never")
    assert steps == ["after the signal", "nested", "still inside"]
    assert caught.value.signum == signal.SIGINT


def test_cli_signals_handlers_are_restored() -> None:
    before = [signal.getsignal(number) for number in SIGNALS]
    with catch_signals():
        pass
    assert [signal.getsignal(number) for number in SIGNALS] == before
