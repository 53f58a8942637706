"""A content-addressed store for work that can be reused between renders.

An entry's address is a hash of everything that changes it (the caller's key
parts plus the tool version), so an entry is never stale: it is either the
right bytes or absent. Each file carries a checksum of its payload; a corrupt
or truncated entry is deleted and rebuilt, never used. Writes are atomic, so
concurrent renders (a batch, a cluster sharing the folder) can share a cache.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

from storyboard import __version__

MAGIC = b"SBC1"
DIGEST_SIZE = 32
ENV_VAR = "STORYBOARD_CACHE_DIR"
FILE_MODE = 0o644  # less the umask: films are for the rest of the team too
_WRITES = itertools.count()  # tells apart the temporary files of one process


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    while True:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{next(_WRITES)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            break
        except FileExistsError:  # left by a dead process that had our pid
            continue
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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


def open_cache(setting: bool | str | os.PathLike[str]) -> Cache:
    """The cache a caller asks for: True the default folder (:func:`default_cache_dir`), False none, else that folder."""
    if isinstance(setting, bool):
        return Cache(default_cache_dir() if setting else None)
    return Cache(Path(setting))


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
        payload = data[len(MAGIC) + DIGEST_SIZE :]
        if data[: len(MAGIC)] != MAGIC or hashlib.sha256(payload).digest() != data[len(MAGIC) : len(MAGIC) + DIGEST_SIZE]:
            path.unlink(missing_ok=True)
            return None
        return payload

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

    def fetch(self, kind: str, key: str, build: Callable[[], bytes]) -> bytes:
        """The cached payload, or ``build()``'s result, stored for next time."""
        payload = self.get(kind, key)
        if payload is None:
            payload = build()
            self.put(kind, key, payload)
        return payload
