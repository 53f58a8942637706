"""Shared helpers: run the real CLI and measure what it wrote from the outside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


def load_report(path: Path) -> dict:
    """A render's JSON report."""
    return json.loads(path.read_text())
