"""``storyboard render --watch``: a resident render that follows every save of the scene."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

SCENE = (ROOT / "scenes" / "night_shift.yaml").read_text()
SIGN = "text: WARD 7"
SMALL = ["--resolution", "320x180"]
WAIT = 60.0  # seconds for one render, generously


class Watcher:
    """A running ``render --watch``, its stdout and stderr read line by line."""

    def __init__(self, scene: Path, out: Path, cache: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "storyboard", "render", str(scene), "-o", str(out), *SMALL, "--watch"],
            cwd=ROOT, env={**os.environ, "STORYBOARD_CACHE_DIR": str(cache)},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.lines: queue.Queue[tuple[str, str]] = queue.Queue()
        for name in ("stdout", "stderr"):
            stream = getattr(self.process, name)
            threading.Thread(target=self._read, args=(name, stream), daemon=True).start()

    def _read(self, name: str, stream) -> None:
        for line in stream:
            self.lines.put((name, line.rstrip("\n")))

    def next_line(self) -> tuple[str, str]:
        return self.lines.get(timeout=WAIT)

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=WAIT)


@pytest.fixture
def watched(tmp_path: Path):
    scene = tmp_path / "scene.yaml"
    scene.write_text(SCENE)
    watcher = Watcher(scene, tmp_path / "film.mp4", tmp_path / "cache")
    yield scene, watcher
    if watcher.process.poll() is None:
        watcher.process.kill()


def test_each_save_renders_the_same_film_as_a_one_shot_render(tmp_path: Path, watched) -> None:
    scene, watcher = watched
    assert SIGN in SCENE
    stream, line = watcher.next_line()
    assert stream == "stdout" and line.startswith(f"wrote {tmp_path / 'film.mp4'}")
    for word in ("OPEN", "CLOSED"):
        scene.write_text(SCENE.replace(SIGN, f"{SIGN} {word}"))
        assert watcher.next_line()[0] == "stdout"
        watched_film = (tmp_path / "film.mp4").read_bytes()
        reference = tmp_path / f"{word}.yaml"
        reference.write_text(scene.read_text())
        once = run_cli("render", str(reference), "-o", str(tmp_path / f"{word}.mp4"), *SMALL, "--no-cache")
        assert once.returncode == 0, once.stderr
        assert watched_film == (tmp_path / f"{word}.mp4").read_bytes()
    assert watcher.stop() == 0


def test_a_broken_save_is_reported_and_the_watch_goes_on(tmp_path: Path, watched) -> None:
    scene, watcher = watched
    watcher.next_line()
    scene.write_text("shots: [\n")
    stream, line = watcher.next_line()
    assert stream == "stderr" and line.startswith(f"storyboard: {scene}:") and "not valid YAML" in line
    scene.write_text(SCENE)
    assert watcher.next_line()[0] == "stdout"
    assert watcher.process.poll() is None
    assert watcher.stop() == 0
