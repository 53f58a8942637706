"""The reference prompt, rendered directly, is the reference scene's film."""

from __future__ import annotations

import json
from pathlib import Path

import media
from conftest import ROOT, load_report, run_cli


def essentials(report: dict) -> dict:
    """What the director wrote: shots, signs, lines and the music cue (not ids or exact times)."""
    index = {shot["id"]: shot["index"] for shot in report["shots"]}
    last_line = max((line["start"] for line in report["lines"]), default=None)
    return {
        "shots": [(s["framing"], s["cut"], s["signs"]) for s in report["shots"]],
        "lines": [(line["who"], line["text"], index[line["shot"]]) for line in report["lines"]],
        "music": (report["music"]["style"], report["music"]["stop"] == last_line),
        "captions": report["captions"],
    }


def test_rendering_the_prompt_gives_the_reference_film(tmp_path: Path, cache_dir: Path) -> None:
    film = tmp_path / "tech_corp.mp4"
    result = run_cli("render", "scenes/tech_corp.txt", "-o", str(film), "--resolution", "320x180")
    assert result.returncode == 0, result.stderr
    from_prompt = load_report(film.with_suffix(".json"))
    from_yaml = json.loads(run_cli("plan", "scenes/tech_corp.yaml", "--json").stdout)
    assert essentials(from_prompt) == essentials(from_yaml)
    assert len(from_prompt["shots"]) == 3 and len(from_prompt["lines"]) == 2
    assert media.streams(film).subtitles == []
    frames = media.frames(film)
    assert media.cut_frames(frames) == [round(s["start"] * from_prompt["fps"]) for s in from_prompt["shots"][1:]]


def test_plan_and_check_read_prompts_and_screenplays(cache_dir: Path) -> None:
    screenplay = next((ROOT / "tests" / "import_corpus").glob("*.fountain"))
    for source in ("scenes/tech_corp.txt", str(screenplay)):
        assert run_cli("check", source).returncode == 0
        plan = run_cli("plan", source, "--json")
        assert plan.returncode == 0, plan.stderr
        assert json.loads(plan.stdout)["shots"]


def test_import_writes_an_editable_shot_list(tmp_path: Path) -> None:
    out = tmp_path / "scene.yaml"
    assert run_cli("import", "scenes/tech_corp.txt", "-o", str(out)).returncode == 0
    assert "# guessed" in out.read_text()
    assert run_cli("check", str(out)).returncode == 0
