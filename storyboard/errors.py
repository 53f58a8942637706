"""Errors a user can act on: each names the file, the line (or the key) and the problem."""

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
    """Bad input or usage: ``FILE:LINE: message`` (``<dict>:KEY: message`` for a dict), exit code 2.

    ``where`` is a line of the file (1-based; 0 when the problem has no line)
    or, for a shot list given as a dict, the key path of the value
    (``shots[1].framing``, indexed as the dict is). It becomes ``line``
    (0 for a key path) and ``key`` (None for a line). The path, key and
    message are made printable.
    """

    exit_code = 2

    def __init__(self, path: str, where: int | str, message: str) -> None:
        self.path, self.message = printable(str(path)), printable(message)
        self.line = where if isinstance(where, int) else 0
        self.key = printable(where) if isinstance(where, str) and where else None
        location = self.key or self.line
        super().__init__(f"{self.path}:{location}: {self.message}" if location
                         else f"{self.path}: {self.message}" if self.path else self.message)

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        """Pickled with its parts, so it crosses a process or a Dask worker whole."""
        return type(self), (self.path, self.key or self.line, self.message)


class UsageError(InputError):
    """An argument that cannot be used, such as ``jobs=0`` (exit code 2); it names no file."""

    def __init__(self, message: str) -> None:
        super().__init__("", 0, message)

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), (self.message,)


class RenderError(StoryboardError):
    """A render that failed after its input was accepted (exit code 1)."""


def error_message(error: BaseException) -> str:
    """The one-line, printable message for ``error``, without the ``storyboard:`` prefix."""
    if isinstance(error, StoryboardError):
        return printable(str(error))
    if isinstance(error, OSError):  # the disk, not the input: the render failed
        return printable(f"{error.filename or 'output'}: {error.strerror or error}")
    return printable(f"internal error: {type(error).__name__}: {error}")
