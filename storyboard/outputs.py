"""Where a command writes, and how: never over its source, a device, a folder or another of its outputs; atomically.

Every command that writes files asks :func:`check_outputs` first, before any
work: the film, its report, a batch's summary or an imported shot list must
each be a new or an existing regular file, none the same file as a source
(the scene, its pictures) or as another output. A path is compared by the file
it names (symbolic and hard links followed), so ``-o shots.mp4`` cannot put a
report over ``shots.json``, and ``-o /dev/null`` cannot replace a device node
with a file (as root, a rename would).

Files are written to a temporary sibling ``.NAME.HOST.PID.N.tmp`` (HOST: this
machine's name as 8 hex digits of its CRC-32) and renamed over the target, so
a reader sees the old file or the whole new one. :func:`write_together` lands
a film and its report together, or neither; a killed process's temporaries
are removed by the next write to that folder, only where the process ran on
this machine (a folder may be shared by a cluster).
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from storyboard.errors import InputError

FILE_MODE = 0o644  # less the umask: films are for the rest of the team too
_WRITES = itertools.count()  # tells apart the temporary files of one process
_HOST = f"{zlib.crc32((os.uname().nodename if hasattr(os, 'uname') else os.environ.get('COMPUTERNAME', '')).encode()):08x}"
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<host>[0-9a-f]{8})\.(?P<pid>\d+)\.\d+\.tmp$")


Content = bytes | Callable[[BinaryIO], None]  # a file's bytes, or what writes them to the file it is given


class OutputError(InputError):
    """An output path that may not be written (exit code 2): what is there is not the command's to replace."""


def report_beside(film: Path) -> Path:
    """The report's default path: the film's, ending in ``.json`` (a film path without a name is left to be refused)."""
    return film.with_suffix(".json") if film.name else film


def check_outputs(outputs: Mapping[str, Path], sources: Iterable[Path] = ()) -> None:
    """Refuse (OutputError, exit 2) unless each output can be written as a regular file apart from the rest.

    ``outputs`` maps what each file is ("the film", "the report") to its path;
    ``sources`` are the files the command reads.
    """
    taken = {_identity(source): f"the source {source}" for source in sources if source.exists()}
    for what, path in outputs.items():
        _check_writable(what, path)
        identity = _identity(path)
        if identity in taken:
            raise OutputError(str(path), 0, f"{what} would be written over {taken[identity]}; choose another path")
        taken[identity] = what


def _check_writable(what: str, path: Path) -> None:
    """Refuse a path that is a folder or a special file, or lies under something that is not a folder."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise OutputError(str(path), 0, f"{what} cannot be written there: {error.strerror}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(str(path), 0, f"{what} would be written over a folder; give a file name")
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(str(path), 0, f"{what} would be written over a device or other special file; "
                                       "give a regular file's path")
    folder = path.absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise OutputError(str(path), 0, f"{what} cannot be written: {folder} is not a folder")


def _identity(path: Path) -> tuple[object, ...]:
    """What file ``path`` names: its device and inode if it exists, else its resolved path."""
    try:
        info = path.stat()
    except OSError:
        return ("path", os.path.normcase(path.resolve()))
    return ("inode", info.st_dev, info.st_ino)


def atomic_write(path: Path, data: bytes, mode: int = FILE_MODE) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    tmp = _temporary(path, data, mode)
    try:
        _rename(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_together(files: Mapping[Path, Content]) -> None:
    """Write each file atomically, all or none: every file is written in full before the first is renamed.

    A file's content is its bytes, or a function that writes them to the
    file it is given (a film too large to hold).

    Their folders are made first. If a file cannot be written, none is
    renamed; if a rename fails, the files already renamed are removed. Files
    are renamed in the order given (put the film last: a film on disk then
    always has its report). Dead processes' temporaries in those folders go.
    """
    staged: list[tuple[Path, Path]] = []
    landed: list[Path] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            remove_dead_temporaries(path.parent, path.name)
            staged.append((_temporary(path, data, FILE_MODE), path))
        for tmp, path in staged:
            _rename(tmp, path)
            landed.append(path)
    except BaseException:
        for tmp, path in staged:
            tmp.unlink(missing_ok=True)
            if path in landed:
                path.unlink(missing_ok=True)
        raise


def _rename(tmp: Path, path: Path) -> None:
    """Put ``tmp`` in place of ``path``; an error names ``path``, the file the user asked for."""
    try:
        os.replace(tmp, path)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None


def _temporary(path: Path, content: Content, mode: int) -> Path:
    """A new temporary sibling of ``path`` holding ``content``; removed again if writing fails."""
    handle, tmp = _open_temporary(path, mode)
    try:
        with handle:
            if isinstance(content, bytes):
                handle.write(content)
            else:
                content(handle)
    except OSError as error:  # a full disk, say
        tmp.unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(path)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


@contextlib.contextmanager
def atomic_file(path: Path, mode: int = FILE_MODE) -> Iterator[BinaryIO]:
    """A new file for the block to write (and read back), put in place of ``path`` if the block ends without an error.

    Readers see the old file or the whole new one; after an error nothing is left.
    """
    handle, tmp = _open_temporary(path, mode)
    try:
        with handle:
            yield handle
        _rename(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _open_temporary(path: Path, mode: int) -> tuple[BinaryIO, Path]:
    """A new temporary sibling of ``path``, opened to write and read, and its name."""
    while True:
        tmp = path.with_name(f".{path.name}.{_HOST}.{os.getpid()}.{next(_WRITES)}.tmp")
        try:
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, mode)
            break
        except FileExistsError:  # left by a dead process that had our pid
            continue
        except OSError as error:  # named by the file the user asked for, not our temporary
            raise OSError(error.errno, error.strerror, str(path)) from None
    return os.fdopen(fd, "w+b"), tmp


def remove_dead_temporaries(folder: Path, name: str | None = None) -> int:
    """Remove the temporaries in ``folder`` (of ``name`` only, if given) whose process is gone; return their bytes.

    A live process's temporary is never touched: it is about to be renamed;
    nor is another machine's, whose processes cannot be seen from here.
    """
    freed = 0
    pattern = f".{glob.escape(name)}.*.tmp" if name else ".*.tmp"
    for tmp in folder.glob(pattern):
        match = _TEMPORARY.match(tmp.name)
        if match and match["host"] == _HOST and not _alive(int(match["pid"])):
            with contextlib.suppress(OSError):
                size = tmp.lstat().st_size
                tmp.unlink()
                freed += size
    return freed


def _alive(pid: int) -> bool:
    """Whether process ``pid`` may be running on this machine (when in doubt, it is).

    Only POSIX can ask without harm: on Windows ``os.kill`` would end it.
    """
    if os.name != "posix" or pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # not ours to signal, or no such pid number: leave it
        return True
    return True
