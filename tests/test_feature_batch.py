"""Batch at scale: fifty scenes give the same files locally and on Dask; a killed worker loses only its scene.

The scenes are tiny (one short shot, drafts) so that fifty stay quick; the
real fifty-scene figures are in ``make bench`` (benchmarks/feature_length.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, load_report
from test_batch import HANG_GUARD_POLLS, Batch, alive, batch, cmdline, comparable, processes_under

SCENES = 50


def tiny_scenes(folder: Path, count: int, lines: int = 0) -> list[Path]:
    """``count`` different one-shot scenes (with ``lines`` spoken lines each)."""
    folder.mkdir(parents=True, exist_ok=True)
    said = "".join(f"      - Ann: Scene {{n}} says line {k} out loud for a while.\n" for k in range(lines))
    scenes = []
    for n in range(count):
        scenes.append(folder / f"scene{n:02}.yaml")
        spoken = f"    lines:\n{said.format(n=n)}" if lines else "    duration: 0.5\n"
        scenes[-1].write_text(f"title: Scene {n}\nresolution: 64x36\nfps: 6\n"
                              f"shots:\n  - description: Room number {n}.\n{spoken}")
    return scenes


def test_fifty_scenes_are_the_same_files_locally_and_on_dask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    scenes = tiny_scenes(tmp_path / "scenes", SCENES)
    local = batch(scenes, tmp_path / "local", "--jobs", "2", "--draft", cache=tmp_path / "local-cache")
    monkeypatch.setenv("STORYBOARD_CACHE_DIR", str(tmp_path / "dask-cache"))  # the workers start with an empty cache
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = batch(scenes, tmp_path / "dask", "--scheduler", cluster.scheduler_address, "--draft",
                       cache=tmp_path / "dask-cache")
    assert local.code == remote.code == 0
    for run in (local, remote):
        assert (run.summary["rendered"], run.summary["skipped"], run.summary["failed"]) == (SCENES, 0, 0)
        assert [row["scene"] for row in run.summary["scenes"]] == [str(scene) for scene in scenes]
    for scene in scenes:
        assert (remote.out / f"{scene.stem}.mp4").read_bytes() == (local.out / f"{scene.stem}.mp4").read_bytes()
        assert comparable(load_report(remote.out / f"{scene.stem}.json")) == comparable(
            load_report(local.out / f"{scene.stem}.json"))


def test_a_worker_killed_mid_batch_loses_only_its_scene_which_the_resumed_batch_renders(tmp_path: Path) -> None:
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc")
    scenes = tiny_scenes(tmp_path / "scenes", 8, lines=6)  # about a second each: long enough to be caught rendering
    out, cache = tmp_path / "out", tmp_path / "cache"
    command = [sys.executable, "-m", "storyboard", "batch", *map(str, scenes), "--out", str(out), "--jobs", "2"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "STORYBOARD_CACHE_DIR": str(cache)})
    killed = None
    for _ in range(HANG_GUARD_POLLS):  # a worker with a child (its drawing process, speech) is rendering a scene
        workers = [pid for pid in processes_under(process.pid) if "multiprocessing" in cmdline(pid)]
        busy = [pid for pid in workers if processes_under(pid)]
        if busy or process.poll() is not None:
            killed = busy[0] if busy else None
            break
        time.sleep(0.01)
    assert killed is not None, "no worker was seen rendering"
    os.kill(killed, signal.SIGKILL)
    _, stderr = process.communicate()
    run = Batch(process.returncode, stderr, out)
    failed = [row for row in run.summary["scenes"] if row["status"] == "failed"]
    assert run.code == 1 and len(failed) == 1
    assert failed[0]["error"].endswith("its worker process died (killed, or out of memory)")
    assert run.summary["rendered"] == len(scenes) - 1
    assert not alive(killed)
    resumed = batch(scenes, out, "--jobs", "2", cache=cache)
    assert resumed.code == 0
    assert {name: status for name, status in resumed.statuses().items() if status != "skipped"} == {
        Path(failed[0]["scene"]).name: "rendered"}
