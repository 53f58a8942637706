"""A source file -> a :class:`~storyboard.model.Scene`, by its kind, with command-line overrides."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from storyboard.errors import InputError

if TYPE_CHECKING:
    from storyboard.model import Scene

# The loader (and YAML) is imported only when a scene is read: a render that
# replays its film from the cache never needs it.
IMPORT_SUFFIXES = (".txt", ".fountain")


class Overrides(NamedTuple):
    """``--resolution`` and ``--fps``, applied over what the scene says."""

    resolution: str | None = None
    fps: int | None = None

    def apply(self, scene: Scene) -> Scene:
        """``scene`` with these overrides; InputError for a bad value."""
        from storyboard.loader import MAX_FPS, check_resolution

        if self.resolution:
            try:
                width, height = check_resolution(self.resolution)
            except ValueError as error:
                raise InputError("--resolution", 0, str(error)) from None
            scene = scene._replace(width=width, height=height)
        if self.fps is not None:
            if not 1 <= self.fps <= MAX_FPS:
                raise InputError("--fps", 0, f"{self.fps} is out of range (1 to {MAX_FPS})")
            scene = scene._replace(fps=self.fps)
        return scene


def read_source(path: Path, display: str | None = None) -> bytes:
    """The source file's bytes; InputError if it is missing or cannot be read."""
    name = display or str(path)
    if not path.is_file():
        raise InputError(name, 0, "no such file")
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(name, 0, f"cannot read: {error.strerror or error}") from None


def load_source(path: Path, display: str | None = None) -> Scene:
    """A shot list, or a prompt / screenplay imported on the fly; ``display`` names it in messages."""
    from storyboard.loader import SCENE_SUFFIXES, load_scene

    name = display or str(path)
    if not path.is_file():
        raise InputError(name, 0, "no such file")
    suffix = path.suffix.lower()
    if suffix in SCENE_SUFFIXES:
        return load_scene(path, display=name)
    if suffix in IMPORT_SUFFIXES:
        return import_file(path, name)[1]
    raise InputError(name, 0, f"unknown kind of file '{suffix}': use .yaml, .yml, .json, .txt or .fountain")


def import_file(path: Path, display: str | None = None) -> tuple[str, Scene]:
    """A prompt or screenplay as shot-list YAML, and the scene that YAML reads as (``NAME (imported)`` in messages).

    A source that cannot be imported (unreadable, no shot in it) is an InputError.
    """
    from storyboard.importers import SourceError, import_source
    from storyboard.loader import load_scene

    try:
        text = import_source(path)
    except SourceError as error:
        raise InputError(display or error.path, error.line, error.message) from None
    return text, load_scene(path, text=text, display=f"{display or path} (imported)")
