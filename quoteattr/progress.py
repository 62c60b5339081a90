"""A one-line progress bar on a terminal: documents done, documents per second, time left.

It is drawn only on a stream that is a terminal (``isatty``), at most a few times a second,
and erased before any message is printed (:func:`clear_line`), so that messages and the bar
never share a line. The total may be unknown, or become known later (counted meanwhile).
"""

from __future__ import annotations

import time
from typing import TextIO

_REDRAW = 0.2
_WIDTH = 24
_showing: list[Progress] = []


def _duration(seconds: float) -> str:
    """Return ``seconds`` as ``1h02m``, ``3m05s`` or ``12s``."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def progress_line(done: int, total: int | None, rate: float | None) -> str:
    """Return the text of the bar: ``[####....] 120/500 documents 24% | 8.1 docs/s | ETA 47s``."""
    if total:
        share = min(done / total, 1.0)
        filled = int(share * _WIDTH)
        head = f"[{'#' * filled}{'.' * (_WIDTH - filled)}] {done}/{total} documents {share:4.0%}"
    else:
        head = f"{done} documents"
    if rate is None:
        return head
    line = f"{head} | {rate:.1f} docs/s"
    if total and rate > 0 and done < total:
        line += f" | ETA {_duration((total - done) / rate)}"
    return line


def clear_line() -> None:
    """Erase the bar being shown, if any, so that a message can be printed on a line of its own."""
    for bar in _showing:
        bar.erase()


class Progress:
    """The progress of a run over documents, drawn on ``stream`` when it is a terminal.

    Args:
        stream: where to draw (stderr); nothing is drawn unless it is a terminal.
        total: how many documents there are, if known (it may be set later).
    """

    def __init__(self, stream: TextIO | None, total: int | None = None) -> None:
        """Start the clock; draw nothing yet."""
        try:
            self.enabled = stream is not None and stream.isatty()
        except (OSError, ValueError):
            self.enabled = False
        self.stream = stream
        self.total = total
        self.done = 0
        self.timed = 0
        self.first_at: float | None = None
        self.drawn_at = 0.0
        self.width = 0

    def __enter__(self) -> Progress:
        """Show the bar while the block runs."""
        if self.enabled:
            _showing.append(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Draw the final state and end the line."""
        if self.enabled:
            self.draw()
            self._put("\n")
            _showing.remove(self)

    def advance(self, *, instant: bool = False) -> None:
        """Count one document; ``instant`` ones (skipped at once) do not count in the rate."""
        self.done += 1
        if not instant:
            self.timed += 1
            if self.first_at is None:
                self.first_at = time.monotonic()
        if self.enabled and time.monotonic() - self.drawn_at >= _REDRAW:
            self.draw()

    def rate(self) -> float | None:
        """Return documents per second since the first one was done (None before the second).

        The clock starts at the first document so that loading the model does not count.
        """
        if self.first_at is None or self.timed < 2:
            return None
        elapsed = time.monotonic() - self.first_at
        return (self.timed - 1) / elapsed if elapsed > 0 else None

    def draw(self) -> None:
        """Redraw the bar in place."""
        line = progress_line(self.done, self.total, self.rate())
        self._put("\r" + line.ljust(self.width))
        self.width = len(line)
        self.drawn_at = time.monotonic()

    def erase(self) -> None:
        """Blank the bar's line; the next draw puts it back."""
        if self.width:
            self._put("\r" + " " * self.width + "\r")
            self.width = 0

    def _put(self, text: str) -> None:
        """Write to the stream; a broken stream is ignored."""
        if self.stream is None:
            return
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False
