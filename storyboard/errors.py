"""Errors a user can act on: each names the file, the line and the problem."""

from __future__ import annotations


def printable(text: str) -> str:
    """``text`` on one line, each character Unicode calls unprintable shown as its escape (``\\n``, ``\\x1b``...).

    What a user wrote must not reach a terminal as it is: a newline would
    forge a second error line, an escape sequence retitle the terminal, and
    invisible format characters hide what is wrong.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class StoryboardError(Exception):
    """A problem reported to the user as one line; ``exit_code`` is the CLI's."""

    exit_code = 1


class InputError(StoryboardError):
    """Bad input or usage: ``FILE:LINE: message``, exit code 2 (the path and message made printable)."""

    exit_code = 2

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path, self.line, self.message = printable(str(path)), line, printable(message)
        super().__init__(f"{self.path}:{line}: {self.message}" if line else f"{self.path}: {self.message}")


class RenderError(StoryboardError):
    """A render that failed after its input was accepted (exit code 1)."""


def error_message(error: BaseException) -> str:
    """The one-line, printable message for ``error``, without the ``storyboard:`` prefix."""
    if isinstance(error, StoryboardError):
        return printable(str(error))
    if isinstance(error, OSError):  # the disk, not the input: the render failed
        return printable(f"{error.filename or 'output'}: {error.strerror or error}")
    return printable(f"internal error: {type(error).__name__}: {error}")
