"""A source file -> a :class:`~storyboard.model.Scene`, by its kind, with command-line overrides."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from storyboard.errors import InputError

if TYPE_CHECKING:
    from storyboard.model import Scene

# The loader (and YAML) is imported only when a scene is read: a render that
# replays its film from the cache never needs it.
IMPORT_SUFFIXES = (".txt", ".fountain")
MAX_SOURCE_BYTES = 1024 * 1024  # a shot list, prompt or screenplay


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


def load_source(path: Path, display: str | None = None, image_root: Path | None = None) -> Scene:
    """A shot list, or a prompt / screenplay imported on the fly; ``display`` names it in messages.

    Shots' ``image:`` paths must lie inside ``image_root`` (default: the source's folder).
    """
    from storyboard.loader import SCENE_SUFFIXES, load_scene

    name = display or str(path)
    suffix = path.suffix.lower()
    if suffix in SCENE_SUFFIXES:
        return load_scene(path, display=name, image_root=image_root)
    if suffix in IMPORT_SUFFIXES:
        return import_file(path, name, image_root)[1]
    if not path.exists():
        raise InputError(name, 0, "no such file")
    raise InputError(name, 0, f"unknown kind of file '{suffix}': use .yaml, .yml, .json, .txt or .fountain")


def import_file(path: Path, name: str, image_root: Path | None = None) -> tuple[str, Scene]:
    """A prompt or screenplay as shot-list YAML, and the scene that YAML reads as (``NAME (imported)`` in messages)."""
    from storyboard.loader import load_scene

    text = import_text(path, name)
    return text, load_scene(path, text=text, display=f"{name} (imported)", image_root=image_root)


def import_text(path: Path, name: str) -> str:
    """The shot-list YAML imported from the prompt (.txt) or screenplay (.fountain) at ``path``."""
    from storyboard.importers import import_source

    if path.suffix.lower() not in IMPORT_SUFFIXES:
        raise InputError(name, 0, "import reads a prompt (.txt) or a screenplay (.fountain)")
    read_source(path, name)  # a regular file, not too large: before the importer reads it
    return import_source(path)


def read_source(path: Path, name: str) -> bytes:
    """The bytes of the source file at ``path`` (``name`` in messages): a regular file of at most MAX_SOURCE_BYTES."""
    try:
        with path.open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError(name, 0, "is not a regular file")
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except FileNotFoundError:
        raise InputError(name, 0, "no such file") from None
    except OSError as error:
        raise InputError(name, 0, f"cannot read: {error.strerror or error}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise InputError(name, 0, f"is larger than {MAX_SOURCE_BYTES // 1024} KB, the most storyboard reads")
    return data
