"""The cache: bound to its keys, never trusted for a program, private, capped, and blind to what is not a file."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import run_cli
from media import frames
from storyboard.cache import Cache, content_key

SCENE = """\
resolution: 160x90
fps: 6
shots:
  - description: A desk in an office.
    duration: 0.5
    signs: [{text: %s}]
"""


def write_scene(folder: Path, word: str) -> Path:
    path = folder / f"{word.lower()}.yaml"
    path.write_text(SCENE % word)
    return path


def render(scene: Path, cache: Path, **env: str) -> bytes:
    """Render ``scene`` with the cache at ``cache``; the film's bytes."""
    out = scene.with_suffix(".mp4")
    result = run_cli("render", str(scene), "-o", str(out), env={"STORYBOARD_CACHE_DIR": str(cache), **env})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return out.read_bytes()


def entries(cache: Path, kind: str) -> list[Path]:
    return sorted(cache.glob(f"{kind}/*/*"))


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """OPEN's and EXIT's films rendered without a cache: what any cache must give back."""
    folder = tmp_path_factory.mktemp("reference")
    films = {}
    for word in ("OPEN", "EXIT"):
        out = folder / f"{word}.mp4"
        assert run_cli("render", str(write_scene(folder, word)), "-o", str(out), "--no-cache").returncode == 0
        films[word] = out.read_bytes()
    return films


def test_a_program_named_in_the_cache_is_never_run(tmp_path: Path, reference: dict[str, bytes]) -> None:
    """The old ``tool`` entry named the ffmpeg binary: whoever could write the cache ran code in every render."""
    marker = tmp_path / "pwned"
    fake = tmp_path / "fake-ffmpeg"
    fake.write_text(f"#!/bin/sh\ntouch {marker}\nexit 1\n")
    fake.chmod(0o755)
    cache = tmp_path / "cache"
    payload = str(fake).encode()
    key = content_key("tool", "ffmpeg")
    for magic, digest in ((b"SBC1", hashlib.sha256(payload).digest()),
                          (b"SBC2", hashlib.sha256(f"tool/{key}\0".encode() + payload).digest())):
        entry = cache / "tool" / key[:2] / key
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_bytes(magic + digest + payload)
        assert render(write_scene(tmp_path, "OPEN"), cache) == reference["OPEN"]
        assert not marker.exists()


def test_an_entry_copied_over_another_is_a_miss(tmp_path: Path, reference: dict[str, bytes]) -> None:
    cache = tmp_path / "cache"
    open_scene, exit_scene = write_scene(tmp_path, "OPEN"), write_scene(tmp_path, "EXIT")
    render(open_scene, cache)
    opened = {path.name: path.read_bytes() for path in cache.glob("*/*/*") if path.is_file()}
    render(exit_scene, cache)
    films = entries(cache, "film")
    assert len(films) == 2
    open_film = next(path for path in films if path.name in opened)
    exit_film = next(path for path in films if path.name not in opened)
    exit_film.write_bytes(open_film.read_bytes())  # a valid entry, under the wrong key
    assert render(exit_scene, cache) == reference["EXIT"]


def test_the_cache_folder_is_private(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o755)
    cache.chmod(0o755)
    render(write_scene(tmp_path, "OPEN"), cache)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    for entry in cache.glob("*/*/*"):
        assert stat.S_IMODE(entry.stat().st_mode) == 0o600, entry


@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero", "folder"])
def test_an_entry_that_is_not_a_regular_file_is_skipped(tmp_path: Path, kind: str,
                                                         reference: dict[str, bytes]) -> None:
    """A FIFO hung the render; a link to /dev/zero read until memory ran out."""
    cache = tmp_path / "cache"
    scene = write_scene(tmp_path, "OPEN")
    render(scene, cache)
    for entry in [path for path in cache.glob("*/*/*") if path.is_file()]:
        entry.unlink()
        if kind == "fifo":
            os.mkfifo(entry)
        elif kind == "folder":
            entry.mkdir()
        else:
            entry.symlink_to("/dev/zero")
    out = tmp_path / "again.mp4"
    result = subprocess.run([sys.executable, "-m", "storyboard", "render", str(scene), "-o", str(out)],
                            env={**os.environ, "STORYBOARD_CACHE_DIR": str(cache)},
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == reference["OPEN"]


def test_the_cache_is_capped_and_keeps_what_was_used_last(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", max_bytes=3500)
    payload = bytes(1000)  # 1036 bytes an entry with its header
    for key in ("a", "b", "c"):
        cache.put("test", key * 64, payload)
    for age, key in enumerate("abc"):  # a, b, c used in that order, long ago
        os.utime(tmp_path / "cache" / "test" / (key * 2) / (key * 64), (1000 + age, 1000 + age))
    assert cache.get("test", "a" * 64) == payload  # a is used again: now the most recent
    cache.put("test", "d" * 64, payload)  # 4 x 1036 > 3500: evict down to 80 % (2800)
    kept = {key for key in "abcd" if cache.get("test", key * 64) is not None}
    assert kept == {"a", "d"}
    assert sum(path.stat().st_size for path in (tmp_path / "cache" / "test").glob("*/*")) == 2 * 1036


def test_a_cache_exactly_at_its_cap_keeps_everything(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", max_bytes=2 * 1036)
    cache.put("test", "a" * 64, bytes(1000))
    cache.put("test", "b" * 64, bytes(1000))
    assert cache.get("test", "a" * 64) is not None and cache.get("test", "b" * 64) is not None
    cache.put("test", "c" * 64, bytes(1))  # one byte over: evicted down to 80 %
    assert cache.get("test", "a" * 64) is None


def test_eviction_removes_dead_temporaries_but_not_live_ones(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", max_bytes=0)
    cache.put("test", "a" * 64, b"x")
    folder = tmp_path / "cache" / "test" / "aa"
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    host = f"{zlib.crc32(os.uname().nodename.encode()):08x}"  # docs/commands.md: how temporaries are named
    dead, live = folder / f".{'b' * 64}.{host}.{process.pid}.0.tmp", folder / f".{'c' * 64}.{host}.{os.getpid()}.0.tmp"
    dead.write_bytes(bytes(100))
    live.write_bytes(bytes(100))
    cache.put("test", "a" * 64, b"y")
    assert not dead.exists() and live.exists()


def test_renders_keep_the_cache_under_its_cap(tmp_path: Path, reference: dict[str, bytes]) -> None:
    cache = tmp_path / "cache"
    cap = 60_000
    for word in ("OPEN", "EXIT", "OPEN"):
        assert render(write_scene(tmp_path, word), cache, STORYBOARD_CACHE_MAX=str(cap)) == reference[word]
        held = sum(path.stat().st_size for path in cache.glob("*/*/*") if path.is_file())
        assert 0 < held <= cap


@pytest.mark.parametrize(("value", "accepted"), [("500K", True), ("2G", True), ("123", True), ("lots", False),
                                                  ("-1", False)])
def test_the_cap_is_a_size(tmp_path: Path, value: str, accepted: bool) -> None:
    result = run_cli("check", str(write_scene(tmp_path, "OPEN")),
                     env={"STORYBOARD_CACHE_DIR": str(tmp_path / "cache"), "STORYBOARD_CACHE_MAX": value})
    if accepted:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode == 2
        assert result.stderr == (f"storyboard: STORYBOARD_CACHE_MAX: '{value}' is not a size such as 500M, 4G "
                                 "or a number of bytes\n")


def test_a_film_comes_from_the_cache_the_same(tmp_path: Path, reference: dict[str, bytes]) -> None:
    cache = tmp_path / "cache"
    scene = write_scene(tmp_path, "OPEN")
    assert render(scene, cache) == reference["OPEN"]
    assert render(scene, cache) == reference["OPEN"]
    assert len(frames(scene.with_suffix(".mp4"))) == 3


def test_a_stored_stagings_shape_is_in_its_key() -> None:
    """The staging is stored as JSON lists: a record that changes shape must change the key (STAGING_FORMAT)."""
    from storyboard.picture.cast.looks import Look
    from storyboard.picture.inputs import STAGING_FORMAT
    from storyboard.picture.records import Light, Person, Staging

    shape = [record._fields for record in (Staging, Person, Look, Light)]
    assert (STAGING_FORMAT, shape) == (2, [
        ("framing", "set", "light", "people", "crowd", "props", "subject", "hands", "signs", "named", "blur"),
        ("name", "look", "pose", "expression", "facing", "x", "top", "height", "holds", "speaking", "wears", "inside"),
        ("kind", "old", "hair", "hair_tone", "clothes", "garment", "skin", "facial", "wears"),
        ("time", "dark", "lamps", "weather"),
    ]), "a staging record changed shape: bump STAGING_FORMAT in picture/inputs.py and update this test"
