"""The second-wave keys of the shot list: each read into the model as written, or refused with FILE:LINE."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyboard.errors import InputError
from storyboard.loader import load_scene

SCENE = """\
title: Bakery
ambience: rain
characters:
  Nadia: {voice: female, look: "woman, 30s, short dark hair, red jacket", pitch: 210}
  Sam: {voice: male}
music: {style: warm-pad, stop: final-line, level: -6}
shots:
  - id: counter
    image: boards/02.png
    notes: Hold on Nadia.
    tail: 0.4
    sfx:
      - {sound: door-slam, at: 1.2}
      - footsteps
    signs:
      - {text: OPEN, style: neon, color: red}
      - {text: 007, color: "#0F0"}
    lines:
      - {who: Nadia, say: Order up!, pause: 0.2}
      - {who: Sam, say: Coming!, off: true}
  - id: door
    lines:
      - {who: Nadia, say: Now!, prelap: 0.5}
      - {who: Sam, say: On it., pause: -0.25}
"""


def write_scene(folder: Path, text: str = SCENE) -> Path:
    (folder / "boards").mkdir(exist_ok=True)
    (folder / "boards" / "02.png").write_bytes(b"not decoded by the loader")
    path = folder / "bakery.yaml"
    path.write_text(text)
    return path


def test_every_second_wave_key_reaches_the_model(tmp_path: Path) -> None:
    scene = load_scene(write_scene(tmp_path))
    assert scene.ambience == "rain"
    nadia = scene.character("Nadia")
    assert (nadia.look, nadia.pitch) == ("woman, 30s, short dark hair, red jacket", 210)
    assert scene.character("Sam").pitch == 112 and scene.character("Sam").look is None  # the first man's pitch (docs/sound.md)
    assert (scene.music.style, scene.music.level) == ("warm-pad", -6.0)
    counter, door = scene.shots
    assert counter.image == str((tmp_path / "boards" / "02.png").resolve())
    assert (counter.notes, counter.tail) == ("Hold on Nadia.", 0.4)
    assert [(e.sound, e.at) for e in counter.sfx] == [("door-slam", 1.2), ("footsteps", 0.0)]
    assert [(s.text, s.color) for s in counter.signs] == [("OPEN", "#d62828"), ("007", "#00ff00")]
    assert [(l.pause, l.off, l.prelap) for l in counter.lines] == [(0.2, False, 0.0), (None, True, 0.0)]
    assert [(l.pause, l.prelap) for l in door.lines] == [(None, 0.5), (-0.25, 0.0)]
    assert door.image is None and door.notes is None and door.tail is None and door.sfx == ()


def test_defaults_without_the_new_keys(tmp_path: Path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text("shots:\n  - lines:\n      - Ann: Hi.\n")
    scene = load_scene(path)
    assert scene.ambience is None and scene.music.level == 0.0
    assert scene.lines[0].pause is None and scene.lines[0].off is False and scene.lines[0].prelap == 0.0


@pytest.mark.parametrize("key", ["off", "yes", "on", "no", "null", "123"])
def test_keys_are_read_as_written(tmp_path: Path, key: str) -> None:
    path = tmp_path / "names.yaml"
    path.write_text(f"shots:\n  - lines:\n      - {key}: Hi.\n")
    assert load_scene(path).lines[0].who == key


def test_an_image_through_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"x")
    folder = tmp_path / "scene"
    folder.mkdir()
    (folder / "link.png").symlink_to(outside)
    path = folder / "s.yaml"
    path.write_text("shots:\n  - description: A room.\n    image: link.png\n")
    with pytest.raises(InputError) as caught:
        load_scene(path)
    assert caught.value.line == 3 and "leads outside the scene's folder" in caught.value.message


def test_an_image_root_named_elsewhere_admits_its_pictures(tmp_path: Path) -> None:
    (tmp_path / "boards").mkdir()
    (tmp_path / "boards" / "01.png").write_bytes(b"x")
    folder = tmp_path / "scenes"
    folder.mkdir()
    path = folder / "s.yaml"
    path.write_text("shots:\n  - image: boards/01.png\n")
    assert load_scene(path, image_root=tmp_path).shots[0].image == str((tmp_path / "boards" / "01.png").resolve())


def test_a_folder_is_not_an_image(tmp_path: Path) -> None:
    (tmp_path / "boards").mkdir()
    path = tmp_path / "s.yaml"
    path.write_text("shots:\n  - image: boards\n")
    with pytest.raises(InputError, match="is not a file"):
        load_scene(path)


def test_a_sound_effect_just_inside_its_shot_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("shots:\n  - duration: 3\n    sfx:\n      - {sound: glass, at: 2.99}\n")
    assert load_scene(path).shots[0].sfx[0].at == 2.99


def test_an_old_voice_speaks_at_140_unless_a_rate_is_named(tmp_path: Path) -> None:
    path = tmp_path / "rates.yaml"
    path.write_text(
        "characters:\n"
        "  Grandpa: {voice: male, look: old man}\n"
        "  Nana: {voice: female, look: old woman, rate: 165}\n"
        "shots:\n  - lines:\n      - Grandpa: Hello.\n      - Nana: Hi.\n      - Ann: Hey.\n"
    )
    scene = load_scene(path)
    assert [scene.character(name).rate for name in ("Grandpa", "Nana", "Ann")] == [140, 165, 165]
