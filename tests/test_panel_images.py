"""The director's own pictures (``image:``): drawn as the panel, checked at validation, re-encoded alone when changed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import media
from conftest import load_report, run_cli

SCENE = """\
title: Boards
resolution: 320x180
shots:
  - id: own
    duration: 1
    image: {image}
    signs:
      - {{text: ACCESS DENIED, style: hologram, color: red}}
  - id: drawn
    duration: 1
    description: A woman at a desk.
"""
COLOUR = (40, 120, 220)


def board(folder: Path, name: str, size: tuple[int, int] = (400, 300), colour: tuple[int, int, int] = COLOUR,
          mode: str = "RGB") -> Path:
    """A picture of one colour saved as ``name`` (the format by its suffix)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    Image.new(mode, size, colour if mode == "RGB" else 1).save(path)
    return path


def scene(folder: Path, image: str) -> Path:
    path = folder / "boards.yaml"
    path.write_text(SCENE.format(image=image))
    return path


@pytest.mark.parametrize("name", ["01.png", "01.jpg", "01.webp"])
def test_the_directors_picture_is_the_panel_fitted_with_its_aspect(tmp_path: Path, name: str) -> None:
    board(tmp_path / "boards", name)
    out = tmp_path / "out.mp4"
    result = run_cli("render", str(scene(tmp_path, f"boards/{name}")), "-o", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    frame = media.frames(out)[0].astype(np.int16)
    assert np.abs(frame[90, 160] - COLOUR).max() < 16  # the picture's colour fills the middle...
    picture_width = round(400 * 180 / 300)  # 4:3 fitted into 320x180: 240 px wide, centred
    left = (320 - picture_width) // 2
    assert np.abs(frame[90, left + 4] - COLOUR).max() < 16 and np.abs(frame[90, left - 8] - COLOUR).max() > 60
    panel = load_report(out.with_suffix(".json"))["shots"][0]["panel"]
    assert panel["image"] == str((tmp_path / "boards" / name).resolve())
    assert panel["cast"] == [] and panel["set"] is None
    (sign,) = panel["signs"]  # the sign is drawn over the picture, in its own colour
    x0, y0, x1, y1 = sign["text_box"]
    letters = frame[y0:y1, x0:x1].reshape(-1, 3)
    lit = letters[letters.max(axis=1) > 150]
    assert lit[:, 0].mean() > lit[:, 2].mean() + 40


def bad(folder: Path, kind: str) -> str:
    """A picture that must be refused, written into ``folder``; returns its path relative to ``folder``."""
    boards = folder / "boards"
    boards.mkdir(parents=True, exist_ok=True)
    if kind == "corrupt":
        whole = board(boards, "whole.png").read_bytes()
        (boards / "corrupt.png").write_bytes(whole[: len(whole) // 2])
        return "boards/corrupt.png"
    if kind == "text":
        (boards / "notes.png").write_text("not a picture at all\n")
        return "boards/notes.png"
    if kind == "gif":
        board(boards, "anim.gif")
        return "boards/anim.gif"
    board(boards, "bomb.png", (8001, 5000), mode="1")  # 40.005 MP: one column over the limit
    return "boards/bomb.png"


@pytest.mark.parametrize("kind", ["corrupt", "text", "gif", "bomb"])
@pytest.mark.parametrize("command", ["check", "plan", "render"])
def test_a_bad_picture_is_one_line_naming_the_image_line_and_exit_2(tmp_path: Path, kind: str, command: str) -> None:
    path = scene(tmp_path, bad(tmp_path, kind))
    out = tmp_path / "out.mp4"
    extra = ["-o", str(out)] if command == "render" else []
    result = run_cli(command, str(path), *extra, "--no-cache")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"storyboard: {path}:6: image '")  # the `image:` line
    assert not out.exists()


def test_the_largest_picture_is_40_megapixels(tmp_path: Path) -> None:
    board(tmp_path / "boards", "big.png", (8000, 5000), mode="1")
    assert run_cli("check", str(scene(tmp_path, "boards/big.png"))).returncode == 0


def test_an_image_root_admits_pictures_kept_elsewhere(tmp_path: Path) -> None:
    board(tmp_path / "art", "01.png")
    folder = tmp_path / "scenes"
    folder.mkdir()
    path = scene(folder, "01.png")
    refused = run_cli("check", str(path))
    assert refused.returncode == 2 and ":6: image '01.png'" in refused.stderr
    for command in ("check", "plan"):
        assert run_cli(command, str(path), "--image-root", str(tmp_path / "art")).returncode == 0
    escaping = scene(folder, "../scenes/boards.yaml")
    assert run_cli("check", str(escaping), "--image-root", str(tmp_path / "art")).returncode == 2
    missing_root = run_cli("check", str(path), "--image-root", str(tmp_path / "nowhere"))
    assert missing_root.returncode == 2 and "--image-root" in missing_root.stderr


def test_a_changed_picture_re_encodes_only_its_shot(tmp_path: Path) -> None:
    picture = board(tmp_path / "boards", "01.png")
    path = scene(tmp_path, "boards/01.png")
    cache = tmp_path / "cache"
    env = {"STORYBOARD_CACHE_DIR": str(cache)}

    def stills() -> int:
        return sum(1 for entry in (cache / "shot").rglob("*") if entry.is_file())

    assert run_cli("render", str(path), "-o", str(tmp_path / "a.mp4"), env=env).returncode == 0
    before = stills()
    board(tmp_path / "boards", "01.png", colour=(230, 60, 40))  # same file name, new picture
    assert run_cli("render", str(path), "-o", str(tmp_path / "b.mp4"), env=env).returncode == 0
    assert stills() - before == 1  # only the shot showing it is drawn and encoded again
    first, second = media.frames(tmp_path / "a.mp4"), media.frames(tmp_path / "b.mp4")
    assert np.abs(second[0][90, 160].astype(int) - (230, 60, 40)).max() < 16  # not the film of the old picture
    assert np.array_equal(first[-1], second[-1])  # the drawn shot is untouched
    assert picture.exists()
