"""Shared helpers: run the real CLI and measure what it wrote from the outside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


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
