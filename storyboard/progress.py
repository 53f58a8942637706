"""Progress: what the API reports as it works, and the bar the command line draws from it (on a terminal only)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 24
Progress = Callable[[str, float], None]  # what is being done, and the fraction of the work done (0 to 1)


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
