"""A content-addressed store for work that can be reused between renders.

An entry's address is a hash of everything that changes it (the caller's key
parts plus the tool version), so an entry is never stale: it is either the
right bytes or absent. Each file carries a checksum of its kind, its key and
its payload: a corrupt or truncated entry, or a valid entry copied under
another key, is deleted and rebuilt, never used. Only data is kept here: the
cache never names a program to run.

The folder is private (0700), and anything in it that is not a regular file
(a FIFO, a link to a device) is skipped without being opened for reading.
Writes are atomic, so concurrent renders (a batch, a cluster sharing the
folder) can share a cache. Its size is capped (``STORYBOARD_CACHE_MAX``, bytes
or ``K``/``M``/``G``, default 4G): past the cap the entries used least recently
are removed, along with temporaries that killed processes left behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from storyboard import __version__
from storyboard.errors import InputError
from storyboard.outputs import atomic_file, atomic_write, remove_dead_temporaries

T = TypeVar("T")

MAGIC = b"SBC2"
DIGEST_SIZE = 32
HEAD_SIZE = len(MAGIC) + DIGEST_SIZE  # an entry's head: the magic, then the checksum
COPY_BYTES = 2**20  # large entries (films, their sound) are read and copied this much at a time
ENV_VAR = "STORYBOARD_CACHE_DIR"
MAX_ENV_VAR = "STORYBOARD_CACHE_MAX"
DEFAULT_MAX_BYTES = 4 * 1024**3
EVICT_TO = 0.8  # of the cap: what an eviction frees down to, so the next one is not at the next write
ENTRY_MODE = 0o600
FOLDER_MODE = 0o700
LEDGER = "size"  # the cache's running total of bytes, kept in a file at its top
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}
_READ_FLAGS = getattr(os, "O_READ_FLAGS", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def default_cache_dir() -> Path:
    """``$STORYBOARD_CACHE_DIR``, else the user's cache directory."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "storyboard"


def open_cache(setting: bool | str | os.PathLike[str]) -> Cache:
    """The cache a caller asks for: True the default folder (:func:`default_cache_dir`), False none, else that folder."""
    if isinstance(setting, bool):
        return Cache(default_cache_dir() if setting else None)
    return Cache(Path(setting))


def max_cache_bytes() -> int:
    """``$STORYBOARD_CACHE_MAX`` in bytes (``500M``, ``4G``, ``1073741824``), else DEFAULT_MAX_BYTES."""
    text = os.environ.get(MAX_ENV_VAR, "").strip()
    if not text:
        return DEFAULT_MAX_BYTES
    match = re.fullmatch(r"(\d{1,15})\s*([KMGT]?)i?B?", text, re.IGNORECASE)
    if not match:
        raise InputError(MAX_ENV_VAR, 0, f"'{text}' is not a size such as 500M, 4G or a number of bytes")
    return int(match[1]) * _UNITS[match[2].upper()]


def content_key(kind: str, *parts: Any) -> str:
    """A stable hex address for ``parts`` (JSON-able values, or bytes or a view of them) of ``kind``."""
    digest = hashlib.sha256(f"{kind}\0{__version__}\0".encode())
    for part in parts:
        is_bytes = isinstance(part, (bytes, memoryview))
        data = part if is_bytes else json.dumps(part, sort_keys=True, default=repr).encode()
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def file_key(kind: str, path: Path) -> str:
    """``content_key(kind, the file's bytes)``, the file read a piece at a time (a film need not be held)."""
    digest = hashlib.sha256(f"{kind}\0{__version__}\0".encode())
    with path.open("rb") as handle:
        digest.update(os.fstat(handle.fileno()).st_size.to_bytes(8, "little"))
        while piece := handle.read(COPY_BYTES):
            digest.update(piece)
    return digest.hexdigest()


def _checksum(kind: str, key: str, payload: bytes) -> bytes:
    """What an entry carries: a hash of where it belongs and what it holds."""
    digest = _hasher(kind, key)
    digest.update(payload)
    return digest.digest()


def _hasher(kind: str, key: str):  # -> hashlib's sha256 object
    """The entry's checksum before its payload is added (a large payload is added a piece at a time)."""
    return hashlib.sha256(f"{kind}/{key}\0".encode())


class Cache:
    """Get and put byte payloads by ``kind`` and key; ``root=None`` disables it.

    ``max_bytes`` caps the folder's size (default: :func:`max_cache_bytes`).
    """

    def __init__(self, root: Path | None, max_bytes: int | None = None) -> None:
        self.root = root
        self.max_bytes = max_cache_bytes() if max_bytes is None and root is not None else (max_bytes or 0)
        self._private = False  # the folder was made (or found) private by this process

    def _path(self, kind: str, key: str) -> Path:
        assert self.root is not None
        return self.root / kind / key[:2] / key

    def get(self, kind: str, key: str) -> bytes | None:
        """The payload stored under ``key``, or None if absent, damaged, misplaced or not a regular file."""
        opened = self._open_entry(kind, key)
        if opened is None:
            return None
        path, handle, size = opened
        with handle:
            data = handle.read(size)
        payload = data[HEAD_SIZE:]
        if data[: len(MAGIC)] != MAGIC or _checksum(kind, key, payload) != data[len(MAGIC) : HEAD_SIZE]:
            path.unlink(missing_ok=True)
            return None
        _touch(path)
        return payload

    def open(self, kind: str, key: str) -> tuple[BinaryIO, int] | None:
        """The entry under ``key`` opened for reading, its checksum checked, and where its payload starts.

        For entries too large to hold (films, their sound): the checksum is
        read through a piece at a time, and the payload runs from the offset
        returned to the file's end. The caller closes the file. None if
        absent, damaged, misplaced or not a regular file, as :meth:`get`.
        """
        opened = self._open_entry(kind, key)
        if opened is None:
            return None
        path, handle, _ = opened
        digest = _hasher(kind, key)
        head = handle.read(HEAD_SIZE)
        while piece := handle.read(COPY_BYTES):
            digest.update(piece)
        if head != MAGIC + digest.digest():
            handle.close()
            path.unlink(missing_ok=True)
            return None
        _touch(path)
        return handle, HEAD_SIZE

    def _open_entry(self, kind: str, key: str) -> tuple[Path, BinaryIO, int] | None:
        """The entry's path, the entry opened and its size; None if absent or not a regular file (never read)."""
        if self.root is None:
            return None
        path = self._path(kind, key)
        try:
            fd = os.open(path, os.O_RDONLY | _READ_FLAGS)
        except OSError:
            return None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            return None
        return path, os.fdopen(fd, "rb"), info.st_size

    def load(self, kind: str, key: str, decode: Callable[[bytes], T]) -> T | None:
        """``decode`` of the payload under ``key``; None (and the entry dropped) if absent or undecodable.

        An entry written by an older format of the same version decodes badly
        rather than failing its checksum: it is a miss too, never an error.
        """
        payload = self.get(kind, key)
        if payload is None:
            return None
        try:
            return decode(payload)
        except Exception:  # any way the bytes fail to make sense: rebuild them
            self._path(kind, key).unlink(missing_ok=True)
            return None

    def put(self, kind: str, key: str, payload: bytes) -> None:
        """Store ``payload`` under ``key`` atomically; a failure to write is not an error."""
        if self.root is None:
            return
        path = self._path(kind, key)
        entry = MAGIC + _checksum(kind, key, payload) + payload
        try:
            self._make_private()
            path.parent.mkdir(parents=True, exist_ok=True)
            remove_dead_temporaries(path.parent, path.name)
            atomic_write(path, entry, ENTRY_MODE)
            if self._count(lambda total: total + len(entry)) > self.max_bytes:
                self.evict()
        except OSError:
            pass  # a cache that cannot be written only costs time

    def put_stream(self, kind: str, key: str, write: Callable[[BinaryIO], None]) -> None:
        """Store under ``key`` what ``write(file)`` writes to the file it is given, never holding it whole.

        As :meth:`put`: atomic, counted against the cap, and a failure to
        write is not an error.
        """
        if self.root is None:
            return
        path = self._path(kind, key)
        try:
            self._make_private()
            path.parent.mkdir(parents=True, exist_ok=True)
            remove_dead_temporaries(path.parent, path.name)
            with atomic_file(path, ENTRY_MODE) as handle:
                handle.write(bytes(HEAD_SIZE))  # the head, written again once the checksum is known
                hashing = _Hashing(handle, _hasher(kind, key))
                write(hashing)
                handle.seek(0)
                handle.write(MAGIC + hashing.digest.digest())
                size = HEAD_SIZE + hashing.size
            if self._count(lambda total: total + size) > self.max_bytes:
                self.evict()
        except OSError:
            pass  # a cache that cannot be written only costs time

    def fetch(self, kind: str, key: str, build: Callable[[], bytes]) -> bytes:
        """The cached payload, or ``build()``'s result, stored for next time."""
        payload = self.get(kind, key)
        if payload is None:
            payload = build()
            self.put(kind, key, payload)
        return payload

    def _make_private(self) -> None:
        """Make the folder (0700), or make an existing one of ours private."""
        if self._private:
            return
        assert self.root is not None
        self.root.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        info = self.root.stat()
        if stat.S_IMODE(info.st_mode) & 0o077 and info.st_uid == getattr(os, "getuid", lambda: info.st_uid)():
            self.root.chmod(FOLDER_MODE)
        self._private = True

    def _count(self, change: Callable[[int], int]) -> int:
        """Set the ledger to ``change(total)`` and return it (a missing or unreadable ledger holds 0).

        The ledger is locked while it is read and written, where the platform
        can lock; elsewhere two writers may lose a count, which only delays an
        eviction.
        """
        assert self.root is not None
        fd = os.open(self.root / LEDGER, os.O_RDWR | os.O_CREAT | _READ_FLAGS, ENTRY_MODE)
        with os.fdopen(fd, "r+b") as ledger, _locked(fd):
            text = ledger.read(32)
            total = change(int(text) if text.strip().isdigit() else 0)
            ledger.seek(0)
            ledger.write(b"%d\n" % total)
            ledger.truncate()
        return total

    def evict(self) -> None:
        """Remove the least recently used entries until the cache holds at most EVICT_TO of its cap.

        Temporaries that dead processes left are removed first; anything that
        is not a regular file is left alone and not counted (it is never an entry).
        """
        assert self.root is not None
        entries = []
        for folder in self.root.glob("*/*"):
            if folder.is_dir() and not folder.is_symlink():
                remove_dead_temporaries(folder)
                entries += _entries(folder)
        entries.sort()
        total = sum(size for _, size, _ in entries)
        for _, size, path in entries:
            if total <= self.max_bytes * EVICT_TO:
                break
            with contextlib.suppress(OSError):
                os.unlink(path)
                total -= size
        self._count(lambda _: total)  # what the folder holds now


def _touch(path: Path) -> None:
    """Mark an entry used now: the last to be evicted."""
    with contextlib.suppress(OSError):
        os.utime(path)


class _Hashing:
    """A file that adds what is written to it to a checksum."""

    def __init__(self, handle: BinaryIO, digest: Any) -> None:
        self.handle, self.digest, self.size = handle, digest, 0

    def write(self, data: bytes) -> int:
        """Write ``data`` and add it to the checksum."""
        self.digest.update(data)
        self.size += len(data)
        return self.handle.write(data)


def copy_payload(source: BinaryIO, start: int, out: BinaryIO) -> None:
    """Copy the bytes of ``source`` from ``start`` to its end into ``out``, a piece at a time."""
    source.seek(start)
    while piece := source.read(COPY_BYTES):
        out.write(piece)


def _entries(folder: Path) -> list[tuple[int, int, str]]:
    """(last used, size, path) of each entry in ``folder``: its regular files, not the temporaries being written."""
    found = []
    with contextlib.suppress(OSError), os.scandir(folder) as items:
        for item in items:
            with contextlib.suppress(OSError):  # removed meanwhile by another process
                info = item.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and not item.name.startswith("."):
                    found.append((info.st_mtime_ns, info.st_size, item.path))
    return found


@contextlib.contextmanager
def _locked(fd: int):
    """Hold an exclusive lock on the open file ``fd`` (where the platform has ``fcntl``)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
