"""Errors a user can act on: each names the file, the line (or the key) and the problem."""

from __future__ import annotations


class StoryboardError(Exception):
    """A problem reported to the user as one line; ``exit_code`` is the CLI's."""

    exit_code = 1


class InputError(StoryboardError, ValueError):
    """Bad input or usage: ``FILE:LINE: message`` (``<dict>:KEY: message`` for a dict), exit code 2.

    ``where`` is a line of the file (1-based; 0 when the problem has no line)
    or, for a shot list given as a dict, the key path of the value
    (``shots[1].framing``, indexed as the dict is). It becomes ``line``
    (0 for a key path) and ``key`` (None for a line).
    """

    exit_code = 2

    def __init__(self, path: str, where: int | str, message: str) -> None:
        self.path, self.message = path, message
        self.line = where if isinstance(where, int) else 0
        self.key = where if isinstance(where, str) and where else None
        location = self.key or self.line
        super().__init__(f"{path}:{location}: {message}" if location else f"{path}: {message}" if path else message)

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


def error_message(error: Exception) -> str:
    """The one-line message for ``error``, without the ``storyboard:`` prefix."""
    if isinstance(error, StoryboardError):
        return str(error)
    if isinstance(error, OSError):  # the disk, not the input: the render failed
        # A rename's failure names the file it was to replace, not the temporary file renamed
        return f"{error.filename2 or error.filename or 'output'}: {error.strerror or error}"
    return f"internal error: {type(error).__name__}: {error}"
