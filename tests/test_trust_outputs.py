"""Outputs: never over a source, a device, a folder or another output; film and report land together or not at all."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import run_cli
from media import frames

SCENE = '{"resolution": "160x90", "fps": 6, "shots": [{"description": "A desk.", "duration": 0.5, "signs": ["OPEN"]}]}\n'


def folder_with_scene(tmp_path: Path, name: str = "shots.json") -> Path:
    """A working folder holding the scene ``name``; returns the folder."""
    work = tmp_path / "work"
    work.mkdir()
    (work / name).write_text(SCENE)
    return work


def assert_refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    """Exit 2 and exactly one line, the one expected."""
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"storyboard: {message}\n"


def listing(folder: Path) -> list[str]:
    """Every path under ``folder``, relative and sorted."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize(("args", "message"), [
    (["render", "shots.json", "-o", "shots.mp4"],
     "shots.json: the report would be written over the source shots.json; choose another path"),
    (["render", "shots.json", "-o", "shots.json"],
     "shots.json: the film would be written over the source shots.json; choose another path"),
    (["render", "shots.json", "--report", "shots.json"],
     "shots.json: the report would be written over the source shots.json; choose another path"),
    (["render", "shots.json", "-o", "film.json"],
     "film.json: the report would be written over the film; choose another path"),
    (["render", "shots.json", "-o", "./sub/../shots.json"],
     "sub/../shots.json: the film would be written over the source shots.json; choose another path"),
    (["render", "shots.json", "-o", "."],
     ".: the film would be written over a folder; give a file name"),
    (["render", "shots.json", "-o", "shots.json/film.mp4"],
     "shots.json/film.mp4: the film cannot be written there: Not a directory"),
    (["render", "missing.json"], "missing.json: no such file"),
    (["import", "shots.json", "-o", "shots.json"],
     "shots.json: the shot list would be written over the source shots.json; choose another path"),
])
def test_an_output_over_the_source_or_a_folder_is_refused_before_any_work(
        tmp_path: Path, args: list[str], message: str) -> None:
    work = folder_with_scene(tmp_path)
    (work / "sub").mkdir()
    cache = tmp_path / "cache"
    result = run_cli(*args, cwd=work, env={"STORYBOARD_CACHE_DIR": str(cache)})
    assert_refused(result, message)
    assert (work / "shots.json").read_text() == SCENE
    assert listing(work) == ["shots.json", "sub"]
    assert not cache.exists()  # before any work: not even the cache was opened


def test_the_same_file_through_a_link_is_refused(tmp_path: Path) -> None:
    work = folder_with_scene(tmp_path)
    os.link(work / "shots.json", work / "hard.json")
    (work / "soft.mp4").symlink_to(work / "shots.json")
    assert_refused(run_cli("render", "shots.json", "--report", "hard.json", cwd=work),
                   "hard.json: the report would be written over the source shots.json; choose another path")
    assert_refused(run_cli("render", "shots.json", "-o", "soft.mp4", cwd=work),
                   "soft.mp4: the film would be written over the source shots.json; choose another path")
    assert (work / "shots.json").read_text() == SCENE and (work / "soft.mp4").is_symlink()


def special_file(path: Path) -> None:
    """A device node like /dev/null at ``path`` (as root), else a FIFO: either is not a regular file."""
    if os.geteuid() == 0:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    else:
        os.mkfifo(path)


@pytest.mark.parametrize("flag", ["-o", "--report"])
def test_a_device_is_never_replaced_by_a_file(tmp_path: Path, flag: str) -> None:
    """As root a rename replaces a device node with a file (``/dev/null`` once became one): refused instead."""
    work = folder_with_scene(tmp_path)
    device = work / "null"
    special_file(device)
    before = device.lstat()
    result = run_cli("render", "shots.json", flag, "null", "-o" if flag == "--report" else "--report",
                     "elsewhere.mp4" if flag == "--report" else "elsewhere.json", cwd=work)
    what = "film" if flag == "-o" else "report"
    assert_refused(result, f"null: the {what} would be written over a device or other special file; "
                           "give a regular file's path")
    after = device.lstat()
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)
    assert listing(work) == ["null", "shots.json"]


def test_batch_outputs_over_a_source_or_the_summary_are_refused(tmp_path: Path) -> None:
    work = folder_with_scene(tmp_path)
    assert_refused(run_cli("batch", "shots.json", "--out", ".", cwd=work),
                   f"{work / 'shots.json'}: the report of shots.json would be written over the source "
                   f"{work / 'shots.json'}; choose another path")
    (work / "batch.json").write_text(SCENE)
    assert_refused(run_cli("batch", "batch.json", "--out", "out", cwd=work),
                   f"{work / 'out' / 'batch.json'}: the batch summary would be written over the report of "
                   "batch.json; choose another path")
    assert listing(work) == ["batch.json", "shots.json"]


def test_a_report_that_cannot_be_written_leaves_no_film(tmp_path: Path) -> None:
    """Film and report land together or not at all (/proc refuses new files, even to root)."""
    if not Path("/proc/self").is_dir():
        pytest.skip("needs /proc")
    work = folder_with_scene(tmp_path)
    result = run_cli("render", "shots.json", "-o", "film.mp4", "--report", "/proc/storyboard-report.json",
                     cwd=work, env={"STORYBOARD_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "/proc/storyboard-report.json" in result.stderr
    assert listing(work) == ["shots.json"]


def test_a_replayed_film_is_written_where_output_is_missing(tmp_path: Path) -> None:
    work = folder_with_scene(tmp_path)
    env = {"STORYBOARD_CACHE_DIR": str(tmp_path / "cache")}
    assert run_cli("render", "shots.json", cwd=work, env=env).returncode == 0
    first = (work / "output" / "shots.mp4").read_bytes()
    for path in (work / "output").iterdir():
        path.unlink()
    (work / "output").rmdir()
    again = run_cli("render", "shots.json", cwd=work, env=env)
    assert again.returncode == 0, again.stderr
    assert (work / "output" / "shots.mp4").read_bytes() == first
    assert json.loads((work / "output" / "shots.json").read_text())["output"] == "output/shots.mp4"
    assert listing(work) == ["output", "output/shots.json", "output/shots.mp4", "shots.json"]


HOST = f"{zlib.crc32(os.uname().nodename.encode()):08x}"  # docs/commands.md: how temporaries are named


def dead_pid() -> int:
    """The id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_killed_render_leaves_temporaries_that_the_next_render_removes(tmp_path: Path) -> None:
    """Only those of dead processes: a live process's temporary is about to be renamed."""
    work = folder_with_scene(tmp_path)
    out = work / "output"
    out.mkdir()
    dead = [out / f".shots.mp4.{HOST}.{dead_pid()}.0.tmp", out / f".shots.json.{HOST}.{dead_pid()}.3.tmp"]
    live = out / f".shots.mp4.{HOST}.{os.getpid()}.0.tmp"
    other = out / f".notes.txt.{HOST}.{dead_pid()}.0.tmp"  # not one of this render's outputs: not its business
    elsewhere = out / f".shots.mp4.00000000.{dead_pid()}.0.tmp"  # another machine's: its processes are not ours
    for path in (*dead, live, other, elsewhere):
        path.write_bytes(b"half a film")
    result = run_cli("render", "shots.json", cwd=work, env={"STORYBOARD_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    assert not any(path.exists() for path in dead)
    assert live.exists() and other.exists() and elsewhere.exists()
    assert len(frames(out / "shots.mp4")) == 3
