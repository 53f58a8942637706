"""The one error an import raises."""

from __future__ import annotations


class SourceError(Exception):
    """A prompt or screenplay that cannot be imported; ``str()`` gives ``PATH:LINE: message``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message
