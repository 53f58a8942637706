"""Shared helpers: run the real CLI and measure what it wrote from the outside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import media

ROOT = Path(__file__).resolve().parents[1]
# A film whose one-frame shots put IDR pictures in a row (tests/test_h264_*.py decode it).
ONE_FRAME_SHOTS = """\
title: One-frame shots
resolution: {resolution}
fps: 10  # the shortest duration, 0.1 s, is one frame
shots:
  - {{id: street, framing: wide, description: A city street at night., duration: 1.2}}
  - {{id: clock, framing: close-up, description: A clock on a wall., duration: 0.1}}
  - {{id: door, framing: medium, description: A red door., duration: 0.1}}
  - {{id: hand, framing: close-up, description: A hand on a handle., duration: 0.1}}
  - {{id: hall, framing: wide, description: An empty hall., duration: 2.4}}
"""


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``storyboard ARGS`` in a subprocess, as a user or a pipeline runs it."""
    return subprocess.run(
        [sys.executable, "-m", "storyboard", *args],
        cwd=cwd or ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def rendered_film(name: str, scene: str, args: list[str], tmp_path_factory: pytest.TempPathFactory,
                  ) -> tuple[Path, list[str]]:
    """``storyboard render`` of ``scene`` (a path under ROOT ending in .yaml, or YAML text), and ffmpeg's frame digests.

    The film is written to a fresh folder called ``name``; every frame in
    the file must decode strictly (``media.frame_digests``).
    """
    folder = tmp_path_factory.mktemp(name)
    if scene.endswith(".yaml"):
        source = ROOT / scene
    else:
        source = folder / "scene.yaml"
        source.write_text(scene)
    out = folder / "film.mp4"
    result = run_cli("render", str(source), "-o", str(out), *args,
                     env={"STORYBOARD_CACHE_DIR": str(tmp_path_factory.getbasetemp() / "cache")})
    assert result.returncode == 0, result.stderr
    ffmpeg = media.frame_digests(out)
    assert len(ffmpeg) == len(media.video_packets(out))  # every frame of the file, decoded without error
    return out, ffmpeg


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty cache for one test."""
    path = tmp_path / "cache"
    monkeypatch.setenv("STORYBOARD_CACHE_DIR", str(path))
    return path


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One cache for a module's renders (their bytes must not depend on it), also seen by the CLI and workers."""
    path = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STORYBOARD_CACHE_DIR", str(path))
        yield path


def load_report(path: Path) -> dict:
    """A render's JSON report."""
    return json.loads(path.read_text())


def comparable(report: dict) -> dict:
    """A report without what may differ between runs: where it was written and how long it took."""
    return {key: value for key, value in report.items() if key not in ("output", "render_seconds")}
