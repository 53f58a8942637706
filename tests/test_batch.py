"""``storyboard batch``: parallel renders, isolated failures, up-to-date skips, a Dask cluster."""

from __future__ import annotations

import json
import os
import shutil
import socket
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import comparable, load_report, run_cli
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
    assert again.summary["wall_seconds"] < 1.0
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
