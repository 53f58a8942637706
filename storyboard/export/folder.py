"""An output folder written whole or not at all.

The files go into a new folder beside the target (on the same file system),
which is renamed over the target once everything is written; a failure
removes it and leaves the target as it was. A target that exists must be a
folder that holds only what this command writes (an earlier export), so a
folder of other work, or the one holding the scene, is never replaced.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from storyboard.errors import RenderError

_FOLDERS = itertools.count()  # tells apart the temporary folders of one process


@contextlib.contextmanager
def replaced_folder(target: Path, owned: Callable[[str], bool], source: Path | None = None) -> Iterator[Path]:
    """A fresh folder to write in, renamed over ``target`` when the block ends without an error.

    ``owned(name)`` says whether an entry of an existing ``target`` is one
    this command writes. RenderError (exit code 1, one line naming
    ``target``) if ``target`` is a file, holds anything else or ``source``, or
    cannot be written (no permission, a full disk); nothing is left behind.
    """
    target = Path(os.path.abspath(target))
    _check_target(target, owned, source)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = _new_folder(target, "tmp")
    except OSError as error:
        raise RenderError(f"{target}: cannot write here: {error.strerror or error}") from None
    try:
        yield staging
        _swap(staging, target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise RenderError(f"{target}: could not write the files: {error.strerror or error}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _check_target(target: Path, owned: Callable[[str], bool], source: Path | None) -> None:
    """RenderError unless ``target`` is absent or a folder of ``owned`` entries without ``source`` in it."""
    if target.exists() and not target.is_dir():
        raise RenderError(f"{target}: is a file, not a folder")
    if source is not None and target in Path(os.path.abspath(source)).parents:
        raise RenderError(f"{target}: holds the scene {source}; choose another folder")
    if target.is_dir():
        strangers = sorted(entry.name for entry in target.iterdir() if not owned(entry.name))
        if strangers:
            raise RenderError(f"{target}: holds files this command did not write ({', '.join(strangers[:3])}"
                              f"{', ...' if len(strangers) > 3 else ''}); choose an empty or new folder")


def _new_folder(target: Path, kind: str) -> Path:
    """A new, empty folder beside ``target`` (with the usual permissions, unlike ``mkdtemp``'s)."""
    while True:
        folder = target.with_name(f".{target.name}.{os.getpid()}.{next(_FOLDERS)}.{kind}")
        try:
            folder.mkdir()
            return folder
        except FileExistsError:  # left by a dead process that had our pid
            continue


def _swap(staging: Path, target: Path) -> None:
    """Put ``staging`` where ``target`` is: the old folder is moved aside first and removed after."""
    if not target.exists():
        staging.rename(target)
        return
    old = _new_folder(target, "old")
    old.rmdir()
    target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
