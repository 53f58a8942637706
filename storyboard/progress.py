"""Progress: what the API reports as it works (a render's tally of its lines, shots and seconds), and the bar the
command line draws from it (on a terminal only)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 24
Progress = Callable[[str, float], None]  # what is being done, and the fraction of the work done (0 to 1)
ORDER = ("lines", "shots", "seconds")  # the kinds of a render's work, as they are shown
VERBS = {"lines": "spoke", "shots": "drew", "seconds": "mixed"}
UNITS = {"lines": "lines", "shots": "shots", "seconds": "s"}
# Seconds of a 2-core machine a unit of each kind takes in a cold render (the
# feature benchmark): a line spoken, a 1080p shot drawn and encoded, a second
# of sound mixed and encoded. Only their ratios matter.
COSTS = {"lines": 0.012, "shots": 0.05, "seconds": 0.009}
ESTIMATE_AFTER_SECONDS = 2.0  # no estimate of the time left before the render has run this long


def no_progress(message: str, fraction: float) -> None:
    """A :data:`Progress` that shows nothing."""


class ProgressBar:
    """Draws ``label [#####-----] n/total  message`` on one line of ``stream``.

    Shown only when ``stream`` is a terminal, so pipelines get quiet output.
    """

    def __init__(self, label: str, total: int = 1, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.label, self.total, self.count = label, max(1, total), 0

    def step(self, message: str) -> None:
        """Advance one step of ``total`` and show ``message``."""
        self.count = min(self.total, self.count + 1)
        self._draw(self.count / self.total, f"{self.count}/{self.total}  {message}")

    def update(self, message: str, fraction: float) -> None:
        """Show ``message`` with the bar ``fraction`` (0 to 1) full."""
        self.count = max(self.count, 1)
        self._draw(fraction, f"{round(fraction * 100):3d}%  {message}")

    def _draw(self, fraction: float, text: str) -> None:
        if self.enabled:
            filled = round(BAR_WIDTH * min(1.0, max(0.0, fraction)))
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.stream.write(f"\r\x1b[2K{self.label} [{bar}] {text}")
            self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self.count:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()

    def done(self, message: str) -> None:
        """A closing summary line, on a terminal only."""
        if self.enabled:
            self.stream.write(message + "\n")


class Tally:
    """How far a render is: each kind of work (lines spoken, shots drawn, seconds mixed) done of its total.

    Each kind has a cost a unit (seconds of this machine's time, measured on
    the feature benchmark), so the fraction done weighs a line, a shot and a
    second of sound as they take; the time left is the time so far scaled by
    the cost still to come. Work found in the cache is not counted at all.
    :meth:`add` may be called from any thread; each call reports to ``show``
    (a :data:`Progress`) as ``spoke 120/800 lines, drew 40/191 shots, mixed
    0/3660 s; about 45 s left``.
    """

    def __init__(self, show: Progress, costs: dict[str, float] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """A tally reporting to ``show``, with no work expected yet; ``costs``: seconds a unit of each kind."""
        import threading

        self.show = show
        self.costs = costs or dict(COSTS)
        self.clock = clock
        self.began = clock()
        self.totals: dict[str, float] = {}
        self.done: dict[str, float] = {}
        self._lock = threading.Lock()

    def expect(self, kind: str, total: float) -> None:
        """There are ``total`` units of ``kind`` to do (replacing an earlier estimate)."""
        with self._lock:
            self.totals[kind] = total
            self.done.setdefault(kind, 0)

    def add(self, kind: str, count: float = 1) -> None:
        """``count`` more units of ``kind`` are done; show where the render is."""
        with self._lock:
            self.done[kind] = min(self.totals.get(kind, 0), self.done.get(kind, 0) + count)
            message, fraction = self._summary()
        self.show(message, fraction)

    def fraction(self) -> float:
        """The part of the expected cost done so far (0 to 1)."""
        with self._lock:
            return self._summary()[1]

    def _summary(self) -> tuple[str, float]:
        cost = sum(self.totals[kind] * self.costs[kind] for kind in self.totals)
        done = sum(self.done[kind] * self.costs[kind] for kind in self.totals)
        fraction = done / cost if cost else 1.0
        parts = [f"{VERBS[kind]} {self.done[kind]:.0f}/{self.totals[kind]:.0f} {UNITS[kind]}"
                 for kind in ORDER if self.totals.get(kind)]
        elapsed = self.clock() - self.began
        if 0 < fraction < 1 and elapsed >= ESTIMATE_AFTER_SECONDS:
            parts[-1] += f"; about {_duration(elapsed * (1 - fraction) / fraction)} left"
        return ", ".join(parts), fraction


def _duration(seconds: float) -> str:
    """``45 s``, ``3 min``, ``1 h 5 min``."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60} min"
