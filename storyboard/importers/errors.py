"""The one error an import raises: bad input, reported as ``PATH:LINE: message`` with exit code 2."""

from __future__ import annotations

from storyboard.errors import InputError


class SourceError(InputError):
    """A prompt or screenplay that cannot be imported; ``str()`` gives ``PATH:LINE: message``.

    The line is at least 1: every import error points into the source.
    """

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(path, max(line, 1), message)
