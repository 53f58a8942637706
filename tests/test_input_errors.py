"""Bad shot lists: one line naming file and line, exit 2, no traceback, no output."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from storyboard.errors import InputError
from storyboard.sources import load_source

BAD = sorted(p for p in (ROOT / "tests" / "bad_scenes").iterdir() if p.suffix in (".yaml", ".json"))


def expectation(path: Path) -> tuple[str, str]:
    """(line, message fragment) the scene's first comment or sidecar promises."""
    sidecar = path.with_name(path.name + ".expect")
    text = sidecar.read_text() if sidecar.exists() else path.read_text().splitlines()[0].removeprefix("# expect:")
    line, message = text.strip().split(":", 1)
    return line.strip(), message.strip()


def test_corpus_is_large() -> None:
    assert len(BAD) >= 25


@pytest.mark.parametrize("scene", BAD, ids=lambda p: p.name)
def test_the_loader_reports_file_line_and_problem(scene: Path) -> None:
    """The same corpus in this process: quick enough to run for every mutant of the loader."""
    line, message = expectation(scene)
    name = str(scene.relative_to(ROOT))
    with pytest.raises(InputError) as caught:
        load_source(scene, name)
    assert str(caught.value).startswith(f"{name}:{line}: ") and message in caught.value.message
    assert str(caught.value).isprintable()


@pytest.mark.parametrize("scene", BAD, ids=lambda p: p.name)
def test_check_reports_file_line_and_problem(scene: Path) -> None:
    line, message = expectation(scene)
    result = run_cli("check", str(scene.relative_to(ROOT)))
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].isprintable(), lines[0]  # no control character reaches the terminal
    assert lines[0].startswith(f"storyboard: tests/bad_scenes/{scene.name}:{line}: "), lines[0]
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_render_of_bad_scene_writes_nothing(tmp_path: Path, cache_dir: Path) -> None:
    out = tmp_path / "bad.mp4"
    result = run_cli("render", "tests/bad_scenes/bad_framing.yaml", "-o", str(out))
    assert result.returncode == 2
    assert not out.exists() and not out.with_suffix(".json").exists()
    assert list(tmp_path.iterdir()) == [cache_dir] or not list(tmp_path.iterdir())


def test_missing_file_and_unknown_kind(tmp_path: Path) -> None:
    missing = run_cli("check", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    odd = tmp_path / "scene.doc"
    odd.write_text("shots: []")
    unknown = run_cli("check", str(odd))
    assert unknown.returncode == 2 and "unknown kind of file" in unknown.stderr


def test_usage_error_exits_2() -> None:
    assert run_cli("render").returncode == 2
    assert run_cli("frobnicate", "x").returncode == 2


def test_debug_shows_traceback() -> None:
    result = run_cli("check", "tests/bad_scenes/bad_framing.yaml", "--debug")
    assert result.returncode == 2 and "Traceback" in result.stderr
