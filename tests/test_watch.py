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


def save(scene: Path, text: str) -> None:
    """Save ``text`` as an editor does: whole, by renaming a new file over the old (never seen half-written)."""
    draft = scene.with_name(scene.name + ".saving")
    draft.write_text(text)
    os.replace(draft, scene)


def ignore_sigint() -> None:
    """What a shell does to a job it starts in the background: SIGINT ignored, and inherited so."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Watcher:
    """A running ``render --watch``, its stdout and stderr read line by line."""

    def __init__(self, scene: Path, out: Path, cache: Path, sigint_ignored: bool = False) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "storyboard", "render", str(scene), "-o", str(out), *SMALL, "--watch"],
            cwd=ROOT, env={**os.environ, "STORYBOARD_CACHE_DIR": str(cache)},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            preexec_fn=ignore_sigint if sigint_ignored else None,
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
        save(scene, SCENE.replace(SIGN, f"{SIGN} {word}"))
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
    save(scene, "shots: [\n")
    stream, line = watcher.next_line()
    assert stream == "stderr" and line.startswith(f"storyboard: {scene}:") and "not valid YAML" in line
    save(scene, SCENE)
    assert watcher.next_line()[0] == "stdout"
    assert watcher.process.poll() is None
    assert watcher.stop() == 0


def test_ctrl_c_stops_a_watch_started_with_sigint_ignored(tmp_path: Path) -> None:
    """A watch started from a background job inherits SIGINT ignored; Ctrl-C must still stop it."""
    scene = tmp_path / "scene.yaml"
    scene.write_text(SCENE)
    watcher = Watcher(scene, tmp_path / "film.mp4", tmp_path / "cache", sigint_ignored=True)
    try:
        assert watcher.next_line()[0] == "stdout"
        assert watcher.stop() == 0
    finally:
        if watcher.process.poll() is None:
            watcher.process.kill()
