"""Errors a user can act on: each names the file, the line and the problem."""

from __future__ import annotations


class StoryboardError(Exception):
    """A problem reported to the user as one line; ``exit_code`` is the CLI's."""

    exit_code = 1


class InputError(StoryboardError):
    """Bad input or usage: ``FILE:LINE: message``, exit code 2."""

    exit_code = 2

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


class RenderError(StoryboardError):
    """A render that failed after its input was accepted (exit code 1)."""


def error_message(error: Exception) -> str:
    """The one-line message for ``error``, without the ``storyboard:`` prefix."""
    if isinstance(error, StoryboardError):
        return str(error)
    if isinstance(error, OSError):  # the disk, not the input: the render failed
        return f"{error.filename or 'output'}: {error.strerror or error}"
    return f"internal error: {type(error).__name__}: {error}"
