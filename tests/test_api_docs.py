"""Every example in docs/api.md runs as it is written, as a script in a folder of its own."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

DOC = ROOT / "docs" / "api.md"
BLOCKS = re.findall(r"^```(\w*)\n(.*?)^```", DOC.read_text(), re.M | re.S)
EXAMPLES = [body for kind, body in BLOCKS if kind == "python"]
FILES = {body.splitlines()[0].removeprefix("# "): body for kind, body in BLOCKS if kind == "yaml"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the examples run in, holding the files the page shows (a YAML block headed ``# NAME``)."""
    path = tmp_path_factory.mktemp("examples")
    for name, body in FILES.items():
        (path / name).write_text(body)
    return path


def test_the_page_has_its_examples() -> None:
    assert len(EXAMPLES) >= 8 and "scene.yaml" in FILES
    for name in ("load", "plan", "render", "batch", "import_source", "InputError", "RenderError", "LocalCluster"):
        assert any(name in example for example in EXAMPLES), name


@pytest.mark.parametrize("number", range(len(EXAMPLES)))
def test_example_runs(number: int, folder: Path) -> None:
    script = folder / f"example_{number}.py"
    script.write_text(EXAMPLES[number])
    env = {**os.environ, "STORYBOARD_CACHE_DIR": str(folder.parent / "cache")}
    result = subprocess.run([sys.executable, script.name], cwd=folder, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"example {number}:\n{EXAMPLES[number]}\n{result.stderr}"
