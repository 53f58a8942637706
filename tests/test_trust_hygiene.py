"""A fresh clone is enough: every command, flag and report field documented; dependencies are what runs."""

from __future__ import annotations

import argparse
import json
import re
import tomllib

from conftest import ROOT, run_cli
from storyboard.cli import build_parser

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_and_flag_is_in_the_commands_page() -> None:
    page = (ROOT / "docs" / "commands.md").read_text()
    for name, parser in subcommands().items():
        assert f"## {name}" in page, name
        for action in parser._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert re.search(rf"`{re.escape(flag)}[` ]", page), f"{name} {flag}"
    for variable in ("STORYBOARD_CACHE_DIR", "STORYBOARD_CACHE_MAX"):
        assert f"`{variable}`" in page
    for code in ("| 0 |", "| 1 |", "| 2 |"):
        assert code in page


def test_every_report_field_is_in_the_report_page(tmp_path) -> None:
    scene = tmp_path / "s.yaml"
    scene.write_text("shots:\n  - duration: 1\n    signs: [OPEN]\n    lines: [{Ann: Hello.}]\n")
    planned = run_cli("plan", str(scene), "--json", env={"STORYBOARD_CACHE_DIR": str(tmp_path / "cache")})
    assert planned.returncode == 0, planned.stderr
    document = json.loads(planned.stdout)
    page = (ROOT / "docs" / "report.md").read_text()
    fields = {*document, "output", "render_seconds", *document["shots"][0], *document["lines"][0], *document["music"]}
    for field in fields:
        assert f"`{field}`" in page, field


def test_moviepy_is_only_the_benchmarks_baseline() -> None:
    """A run-time dependency must be used at run time: moviepy serves only the benchmark."""
    runtime = " ".join(PYPROJECT["project"]["dependencies"])
    assert "moviepy" not in runtime and "imageio-ffmpeg" in runtime
    assert any(need.startswith("moviepy") for need in PYPROJECT["project"]["optional-dependencies"]["bench"])
    assert not any("moviepy" in path.read_text() for path in (ROOT / "storyboard").rglob("*.py"))
    assert "'.[bench]'" in (ROOT / "Makefile").read_text()


def test_packaging_uses_no_deprecated_setuptools_form() -> None:
    """The licence is an SPDX string (setuptools 77 reads it), and the editable install is not the 'compat' mode."""
    assert PYPROJECT["project"]["license"] == "MIT"
    assert "setuptools>=77" in PYPROJECT["build-system"]["requires"]
    assert "editable_mode=compat" not in (ROOT / "Makefile").read_text()
    for licence in PYPROJECT["project"]["license-files"]:
        assert list(ROOT.glob(licence)), licence


def test_every_shipped_font_has_its_licence() -> None:
    fonts = ROOT / "assets" / "fonts"
    licences = " ".join(path.read_text() for path in fonts.glob("LICENSE-*.txt"))
    for font in [*fonts.glob("*.ttf"), *fonts.glob("*.woff")]:
        assert font.name in licences, font.name
