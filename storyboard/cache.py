"""A content-addressed store for work that can be reused between renders.

An entry's address is a hash of everything that changes it (the caller's key
parts plus the tool version), so an entry is never stale: it is either the
right bytes or absent. Each file carries a checksum of its payload; a corrupt
or truncated entry is deleted and rebuilt, never used. Writes are atomic, so
concurrent renders (a batch, a cluster sharing the folder) can share a cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

T = TypeVar("T")

from storyboard import __version__

MAGIC = b"SBC1"
DIGEST_SIZE = 32
HEAD_SIZE = len(MAGIC) + DIGEST_SIZE  # an entry's head: the magic, then the payload's checksum
COPY_BYTES = 2**20  # large entries are read and copied this much at a time
ENV_VAR = "STORYBOARD_CACHE_DIR"
FILE_MODE = 0o644  # less the umask: films are for the rest of the team too
_WRITES = itertools.count()  # tells apart the temporary files of one process


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    with atomic_file(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A new file, written in the block, that replaces ``path`` when the block ends without an error.

    Readers see the old file or the whole new one; on an error nothing is
    left. The file is written under a temporary name beside ``path``.
    """
    while True:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{next(_WRITES)}.tmp")
        try:
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE)
            break
        except FileExistsError:  # left by a dead process that had our pid
            continue
    try:
        with os.fdopen(fd, "w+b") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def default_cache_dir() -> Path:
    """``$STORYBOARD_CACHE_DIR``, else the user's cache directory."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "storyboard"


def content_key(kind: str, *parts: Any) -> str:
    """A stable hex address for ``parts`` (JSON-able values, or bytes or a view of them) of ``kind``."""
    digest = hashlib.sha256(f"{kind}\0{__version__}\0".encode())
    for part in parts:
        is_bytes = isinstance(part, (bytes, memoryview))
        data = part if is_bytes else json.dumps(part, sort_keys=True, default=repr).encode()
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


class Cache:
    """Get and put byte payloads by ``kind`` and key; ``root=None`` disables it."""

    def __init__(self, root: Path | None) -> None:
        self.root = root

    def _path(self, kind: str, key: str) -> Path:
        assert self.root is not None
        return self.root / kind / key[:2] / key

    def get(self, kind: str, key: str) -> bytes | None:
        """The payload stored under ``key``, or None if absent or damaged."""
        if self.root is None:
            return None
        path = self._path(kind, key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        payload = data[HEAD_SIZE:]
        if data[: len(MAGIC)] != MAGIC or hashlib.sha256(payload).digest() != data[len(MAGIC) : HEAD_SIZE]:
            path.unlink(missing_ok=True)
            return None
        return payload

    def open(self, kind: str, key: str) -> tuple[BinaryIO, int] | None:
        """The entry under ``key`` opened for reading, its checksum checked, and where its payload starts.

        The payload runs from there to the file's end; the caller closes the
        file. None if absent or damaged. For entries too large to hold
        (films, their sound): the payload is read a piece at a time.
        """
        if self.root is None:
            return None
        path = self._path(kind, key)
        try:
            handle = path.open("rb")
        except OSError:
            return None
        digest = hashlib.sha256()
        handle.seek(HEAD_SIZE)
        while piece := handle.read(COPY_BYTES):
            digest.update(piece)
        handle.seek(0)
        head = handle.read(HEAD_SIZE)
        if head[: len(MAGIC)] != MAGIC or head[len(MAGIC) :] != digest.digest():
            handle.close()
            path.unlink(missing_ok=True)
            return None
        return handle, HEAD_SIZE

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
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, MAGIC + hashlib.sha256(payload).digest() + payload)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def put_stream(self, kind: str, key: str, write: Callable[[BinaryIO], None]) -> None:
        """Store under ``key`` what ``write(file)`` writes to the file it is given, without holding it all.

        Like :meth:`put`, atomic, and a failure to write is not an error.
        """
        if self.root is None:
            return
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_file(path) as handle:
                handle.write(bytes(HEAD_SIZE))  # the head, written once the payload's checksum is known
                hashing = _Hashing(handle)
                write(hashing)
                handle.seek(0)
                handle.write(MAGIC + hashing.digest.digest())
        except OSError:
            pass  # a cache that cannot be written only costs time

    def fetch(self, kind: str, key: str, build: Callable[[], bytes]) -> bytes:
        """The cached payload, or ``build()``'s result, stored for next time."""
        payload = self.get(kind, key)
        if payload is None:
            payload = build()
            self.put(kind, key, payload)
        return payload


class _Hashing:
    """A file that hashes what is written to it."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        """Write ``data`` and add it to the digest."""
        self.digest.update(data)
        return self.handle.write(data)


def copy_payload(source: BinaryIO, start: int, out: BinaryIO) -> None:
    """Copy the bytes of ``source`` from ``start`` to its end into ``out``, a piece at a time."""
    source.seek(start)
    while piece := source.read(COPY_BYTES):
        out.write(piece)
