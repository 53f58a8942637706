"""``storyboard batch``: parallel renders, isolated failures, up-to-date skips, a Dask cluster."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, comparable, load_report, run_cli
from media import frames, streams

GOOD = {
    "hello": """\
title: Hello
resolution: 160x90
fps: 12
shots:
  - id: desk
    description: A man sits at a desk.
    signs: [Tech Corp]
    lines:
      - Man: Hello there.
""",
    "goodbye": """\
title: Goodbye
resolution: 160x90
fps: 12
shots:
  - id: door
    framing: wide
    description: A man walks out of an office building.
    lines:
      - Man: Goodbye.
  - id: sign
    framing: insert
    duration: 1
    signs: [EXIT]
""",
}
BROKEN = """\
title: Broken
resolution: 160x90
shots:
  - description: A desk.
    colour: red
"""
BROKEN_LINE = 5
HANG_GUARD_POLLS = 6000  # 0.05 s apart: only there so a process that never ends fails the test instead of hanging it


@dataclass(frozen=True)
class Batch:
    """A finished ``storyboard batch`` run."""

    code: int
    stderr: str
    out: Path

    @property
    def summary(self) -> dict:
        """``batch.json``."""
        return json.loads((self.out / "batch.json").read_text())

    def statuses(self) -> dict[str, str]:
        """Scene file name -> status."""
        return {Path(row["scene"]).name: row["status"] for row in self.summary["scenes"]}


def write_scenes(folder: Path, broken: bool = True) -> list[Path]:
    """The good scenes (and the broken one) as files in ``folder``, in command-line order."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = {**GOOD, **({"broken": BROKEN} if broken else {})}
    for stem, text in texts.items():
        (folder / f"{stem}.yaml").write_text(text)
    return [folder / f"{stem}.yaml" for stem in ("hello", "broken", "goodbye") if stem in texts]


def batch(scenes: list[Path], out: Path, *flags: str, cache: Path) -> Batch:
    """Run ``storyboard batch`` on ``scenes`` into ``out``."""
    result = run_cli("batch", *map(str, scenes), "--out", str(out), *flags,
                     env={"STORYBOARD_CACHE_DIR": str(cache)})
    assert "Traceback" not in result.stderr, result.stderr
    return Batch(result.returncode, result.stderr, out)


def snapshot(out: Path) -> dict[str, tuple[int, bytes]]:
    """(mtime_ns, bytes) of every film and report in ``out``."""
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(out.glob("*.*")) if p.name != "batch.json"}


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory, cache: Path) -> tuple[list[Path], Batch]:
    """The three scenes and their batch, rendered locally with two worker processes."""
    root = tmp_path_factory.mktemp("local")
    scenes = write_scenes(root / "scenes")
    return scenes, batch(scenes, root / "out", "--jobs", "2", cache=cache)


def test_broken_scene_fails_alone(local: tuple[list[Path], Batch]) -> None:
    scenes, run = local
    assert run.code == 1
    assert run.statuses() == {"hello.yaml": "rendered", "broken.yaml": "failed", "goodbye.yaml": "rendered"}
    summary = run.summary
    assert [row["scene"] for row in summary["scenes"]] == [str(scene) for scene in scenes]
    assert (summary["rendered"], summary["skipped"], summary["failed"]) == (2, 0, 1)
    assert summary["wall_seconds"] > 0
    broken = summary["scenes"][1]
    assert broken["error"].startswith(f"{scenes[1]}:{BROKEN_LINE}: unknown key 'colour'")
    assert (broken["output"], broken["report"], broken["duration"]) == (None, None, None)
    assert run.stderr.strip().splitlines() == [f"storyboard: {broken['error']}"]
    assert not any(run.out.glob("broken*")) and not any(run.out.glob(".broken*"))
    for row in (summary["scenes"][0], summary["scenes"][2]):
        film, report = Path(row["output"]), load_report(Path(row["report"]))
        assert row["error"] is None and row["render_seconds"] > 0
        assert report["output"] == str(film) and report["duration"] == row["duration"]
        assert streams(film).width == 160 and streams(film).height == 90
        assert len(frames(film)) == round(row["duration"] * 12)


def test_rerun_skips_force_renders_and_an_edit_renders_only_its_scene(tmp_path: Path, cache: Path) -> None:
    scenes = write_scenes(tmp_path / "scenes", broken=False)
    out = tmp_path / "out"
    assert batch(scenes, out, cache=cache).code == 0
    before = snapshot(out)

    again = batch(scenes, out, cache=cache)
    assert again.code == 0 and again.statuses() == {"hello.yaml": "skipped", "goodbye.yaml": "skipped"}
    assert [row["duration"] for row in again.summary["scenes"]] == [
        load_report(out / f"{scene.stem}.json")["duration"] for scene in scenes]
    assert snapshot(out) == before

    forced = batch(scenes, out, "--force", cache=cache)
    assert forced.code == 0 and set(forced.statuses().values()) == {"rendered"}
    after = snapshot(out)
    assert all(after[name][0] != before[name][0] for name in before)  # written again ...
    assert (out / "hello.mp4").read_bytes() == before["hello.mp4"][1]  # ... and the same film

    scenes[1].write_text(GOOD["goodbye"].replace("Goodbye.", "See you tomorrow."))
    edited = batch(scenes, out, cache=cache)
    assert edited.statuses() == {"hello.yaml": "skipped", "goodbye.yaml": "rendered"}
    assert snapshot(out)["hello.mp4"] == after["hello.mp4"]
    assert load_report(out / "goodbye.json")["lines"][0]["text"] == "See you tomorrow."


def test_cluster_gives_the_same_films_and_reports(tmp_path: Path, local: tuple[list[Path], Batch],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    scenes, run = local
    monkeypatch.setenv("STORYBOARD_CACHE_DIR", str(tmp_path / "cold"))  # the workers start with an empty cache
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = batch(scenes, tmp_path / "out", "--scheduler", cluster.scheduler_address, cache=tmp_path / "cold")
    assert remote.code == 1 and remote.stderr == run.stderr
    assert remote.statuses() == run.statuses()
    assert remote.summary["scenes"][1]["error"] == run.summary["scenes"][1]["error"]
    for stem in GOOD:
        assert (remote.out / f"{stem}.mp4").read_bytes() == (run.out / f"{stem}.mp4").read_bytes()
        assert comparable(load_report(remote.out / f"{stem}.json")) == comparable(load_report(run.out / f"{stem}.json"))


def free_port() -> int:
    """A local TCP port that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unreachable_scheduler_is_one_line(tmp_path: Path, cache: Path) -> None:
    pytest.importorskip("distributed")
    address = f"tcp://127.0.0.1:{free_port()}"
    run = batch(write_scenes(tmp_path / "scenes", broken=False), tmp_path / "out", "--scheduler", address, cache=cache)
    assert run.code == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"storyboard: --scheduler {address}: cannot reach the scheduler")
    assert not (tmp_path / "out").exists()


def test_scheduler_without_dask_is_a_usage_error(tmp_path: Path, cache: Path) -> None:
    shadow = tmp_path / "no-dask" / "distributed"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('not installed')\n")
    scenes = write_scenes(tmp_path / "scenes", broken=False)
    result = run_cli("batch", *map(str, scenes), "--out", str(tmp_path / "out"), "--scheduler", "tcp://h:8786",
                     env={"PYTHONPATH": os.pathsep.join([str(shadow.parent), os.environ.get("PYTHONPATH", "")])})
    assert result.returncode == 2
    assert result.stderr == "storyboard: --scheduler needs the cluster extra: pip install 'storyboard[cluster]'\n"
    assert not (tmp_path / "out").exists()


def test_usage_errors_render_nothing(tmp_path: Path, cache: Path) -> None:
    scenes = write_scenes(tmp_path / "scenes", broken=False)
    twin = tmp_path / "other" / scenes[0].name
    twin.parent.mkdir()
    shutil.copy(scenes[0], twin)
    same_stem = batch([*scenes, twin], tmp_path / "out", cache=cache)
    assert same_stem.code == 2 and "both would write hello.mp4" in same_stem.stderr
    assert batch(scenes, tmp_path / "out", "--jobs", "0", cache=cache).code == 2
    assert run_cli("batch").returncode == 2
    assert not (tmp_path / "out").exists()


def test_resume_trusts_the_files_bytes_not_their_existence(tmp_path: Path, cache: Path) -> None:
    scenes = write_scenes(tmp_path / "scenes", broken=False)
    out = tmp_path / "out"
    assert batch(scenes, out, cache=cache).code == 0
    films = {stem: (out / f"{stem}.mp4").read_bytes() for stem in GOOD}
    (out / "hello.mp4").write_bytes(b"")  # emptied, as a full disk or a killed copy leaves it
    with (out / "goodbye.json").open("a") as report:
        report.write(" ")  # any change to a report counts too
    again = batch(scenes, out, cache=cache)
    assert again.code == 0 and again.statuses() == {"hello.yaml": "rendered", "goodbye.yaml": "rendered"}
    assert {stem: (out / f"{stem}.mp4").read_bytes() for stem in GOOD} == films
    assert batch(scenes, out, cache=cache).statuses() == {"hello.yaml": "skipped", "goodbye.yaml": "skipped"}


def test_a_scene_edited_to_be_invalid_keeps_no_old_film(tmp_path: Path, cache: Path) -> None:
    scenes = write_scenes(tmp_path / "scenes", broken=False)
    out = tmp_path / "out"
    assert batch(scenes, out, cache=cache).code == 0
    scenes[0].write_text(GOOD["hello"].replace("description:", "colour: red\n    description:"))
    run = batch(scenes, out, cache=cache)
    assert run.code == 1 and run.statuses() == {"hello.yaml": "failed", "goodbye.yaml": "skipped"}
    assert sorted(path.name for path in out.iterdir()) == [".goodbye.fingerprint", "batch.json", "goodbye.json",
                                                           "goodbye.mp4"]


def processes_under(pid: int) -> set[int]:
    """Every live descendant of process ``pid`` (from /proc)."""
    parents = {}
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat_file.parent.name)] = int(fields[1])
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        children = {child for child, its_parent in parents.items() if its_parent == parent}
        todo.extend(children - found)
        found |= children
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` is a process that has not ended (a zombie has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_killing_batch_ends_its_workers_before_they_write_a_film(tmp_path: Path, cache: Path) -> None:
    """``kill -9`` of batch: its workers (and what they started) end too, and no film is written after it."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc")
    folder = tmp_path / "scenes"
    folder.mkdir()
    lines = "\n".join(f"      - Man: This is line number {n} of a scene that takes a while to speak." for n in range(12))
    scenes = []
    for stem in ("first", "second"):
        scenes.append(folder / f"{stem}.yaml")
        scenes[-1].write_text(f"resolution: 160x90\nfps: 6\nshots:\n  - description: A desk.\n    lines:\n{lines}\n")
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "storyboard", "batch", *map(str, scenes), "--out", str(out),
                                "--jobs", "2", "--no-cache"], cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        workers: set[int] = set()
        while len(workers) < 2 and process.poll() is None:  # wait for both workers to be spawned
            time.sleep(0.02)
            workers = {pid for pid in processes_under(process.pid) if "multiprocessing" in cmdline(pid)}
        assert process.poll() is None, "batch ended before its workers started"
        started = processes_under(process.pid)
    finally:
        process.kill()
        process.wait()
    for _ in range(HANG_GUARD_POLLS):  # each ends: a worker left alive would hang the suite without this guard
        if not any(alive(pid) for pid in started):
            break
        time.sleep(0.05)
    assert not any(alive(pid) for pid in started)
    assert not out.exists() or not any(out.glob("*.mp4"))


def cmdline(pid: int) -> str:
    """The command line of ``pid`` ('' once it has ended)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""
