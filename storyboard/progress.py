"""A progress bar on a terminal, silence when piped."""

from __future__ import annotations

import sys
from typing import TextIO

BAR_WIDTH = 24


class ProgressBar:
    """Draws ``label [#####-----] n/total  message`` on one line of ``stream``.

    Shown only when ``stream`` is a terminal, so pipelines get quiet output.
    """

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.label, self.total, self.count = label, max(1, total), 0

    def step(self, message: str) -> None:
        """Advance one step and show ``message``."""
        self.count = min(self.total, self.count + 1)
        if self.enabled:
            filled = BAR_WIDTH * self.count // self.total
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.stream.write(f"\r\x1b[2K{self.label} [{bar}] {self.count}/{self.total}  {message}")
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
