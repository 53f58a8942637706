"""What each panel shows, from the outside: the report's ``panel``, signs on what can carry them, the slate."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import media
from conftest import ROOT, load_report, run_cli

SIZE = (320, 180)
SCENE = """\
title: Facts
resolution: 320x180
characters:
  Nadia: {voice: female, look: "woman, 30s, short dark hair, red jacket"}
  Sam: {voice: male}
  Oven: {voice: female, effect: robot}
shots:
  - id: counter
    framing: wide
    duration: 1
    description: Nadia and Sam at the counter of a small diner.
    signs:
      - {text: OPEN, style: neon, color: red}
      - {text: HOT, style: neon}
  - id: sam
    framing: close-up
    description: Sam, smiling, looks at Nadia.
    lines:
      - Sam: Coming!
  - id: oven
    framing: medium
    description: Nadia at the oven.
    lines:
      - Oven: Ready.
      - {who: Sam, say: Thanks., off: true}
  - id: keys
    framing: insert
    duration: 1
    description: Hands typing on a keyboard while Nadia waits.
"""
# The documented table (docs/picture.md): the surfaces each sign style may be put on.
CARRIES = {
    "plaque": {"facade", "wall", "door", "desk", "counter", "board", "sign"},
    "neon": {"facade", "window", "wall", "sign", "board", "door"},
    "screen": {"phone-screen", "screen", "billboard", "board"},
    "hologram": {"desk", "table", "counter", "bar"},
    "placard": {"placard"},
    "name-tag": {"badge", "shirt"},
    "sign": {"sign", "billboard", "board", "wall", "facade", "door", "window", "vehicle-side", "shirt", "fence", "label", "paper",
             "cover"},
}
ANY_FLAT = {"wall", "facade", "board", "billboard", "sign", "door", "window"}  # plaque, neon, screen, sign: also these


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    """The scene rendered (its film and report) and planned (``plan --json``)."""
    folder = tmp_path_factory.mktemp("facts")
    scene = folder / "facts.yaml"
    scene.write_text(SCENE)
    env = {"STORYBOARD_CACHE_DIR": str(folder / "cache")}
    rendered = run_cli("render", str(scene), "-o", str(folder / "facts.mp4"), env=env)
    assert rendered.returncode == 0, rendered.stderr
    planned = run_cli("plan", str(scene), "--json", env=env)
    assert planned.returncode == 0, planned.stderr
    return folder / "facts.mp4", load_report(folder / "facts.json"), json.loads(planned.stdout)


def panel(report: dict, shot_id: str) -> dict:
    return next(shot["panel"] for shot in report["shots"] if shot["id"] == shot_id)


def names(report: dict, shot_id: str) -> list[str]:
    return [member["name"] for member in panel(report, shot_id)["cast"]]


def test_the_report_names_who_is_in_each_panel(facts) -> None:
    _, report, _ = facts
    assert names(report, "counter") == ["Nadia", "Sam"]  # both named in a wide
    assert names(report, "sam") == ["Sam"]  # a close-up is its speaker's face, not everyone named
    assert names(report, "oven") == ["Nadia"]  # a robot voice and an off-screen line are heard, not drawn
    assert names(report, "keys") == []  # an insert shows the thing, never a face
    assert "keyboard" in panel(report, "keys")["props"]


def test_a_character_keeps_the_look_written_for_them_in_every_shot(facts) -> None:
    _, report, _ = facts
    looks = {m["look"] for shot in report["shots"] for m in shot["panel"]["cast"] if m["name"] == "Nadia"}
    assert len(looks) == 1
    (look,) = looks
    assert look.startswith("woman") and "short" in look and "dark" in look and "red jacket" in look
    sams = {m["look"] for shot in report["shots"] for m in shot["panel"]["cast"] if m["name"] == "Sam"}
    assert len(sams) == 1 and sams.pop().startswith("man")  # guessed from the name


def test_the_report_names_the_set_and_each_signs_box_on_what_carries_it(facts) -> None:
    _, report, _ = facts
    counter = panel(report, "counter")
    assert counter["set"] == "diner" and counter["image"] is None
    width, height = SIZE
    boxes = []
    for sign in counter["signs"]:
        x0, y0, x1, y1 = sign["box"]
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
        tx0, ty0, tx1, ty1 = sign["text_box"]
        assert x0 <= tx0 < tx1 <= x1 and y0 <= ty0 < ty1 <= y1  # the words lie on the sign
        assert sign["on"] in CARRIES["neon"] | ANY_FLAT
        boxes.append(sign["box"])
    (a, b) = boxes
    assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]  # neither covers the other
    for member in counter["cast"]:
        face_top = member["box"][1]
        for box in boxes:  # no sign over a head (the top sixth of a standing body)
            head = (member["box"][0], face_top, member["box"][2], face_top + (member["box"][3] - face_top) // 6)
            assert box[2] <= head[0] or head[2] <= box[0] or box[3] <= head[1] or head[3] <= box[1]


def test_plan_json_says_what_the_render_drew(facts) -> None:
    _, report, planned = facts
    assert [shot["panel"] for shot in planned["shots"]] == [shot["panel"] for shot in report["shots"]]


def test_a_signs_colour_is_the_colour_asked_for(facts) -> None:
    path, report, _ = facts
    frame = media.frames(path)[0].astype(np.int16)
    red, pink = (sign["text_box"] for sign in panel(report, "counter")["signs"])

    def lit(box: list[int]) -> np.ndarray:
        region = frame[box[1] : box[3], box[0] : box[2]].reshape(-1, 3)
        return region[region.max(axis=1) > 150]  # the glowing tubes

    assert lit(red)[:, 0].mean() - lit(red)[:, 2].mean() > 60  # red: #d62828
    assert lit(pink)[:, 2].mean() > 150  # the style's own white-hot pink tubes


def test_the_slate_marks_each_panel_only_when_asked(tmp_path: Path) -> None:
    scene = tmp_path / "slate.yaml"
    scene.write_text(SCENE)
    env = {"STORYBOARD_CACHE_DIR": str(tmp_path / "cache")}
    for name, extra in (("plain", []), ("slated", ["--slate"])):
        result = run_cli("render", str(scene), "-o", str(tmp_path / f"{name}.mp4"), *extra, env=env)
        assert result.returncode == 0, result.stderr
    plain, slated = media.frames(tmp_path / "plain.mp4"), media.frames(tmp_path / "slated.mp4")
    assert plain.shape == slated.shape
    width, height = SIZE
    slate = (round(0.03 * width), round(0.9 * height), round(0.5 * width), round(0.965 * height))  # docs/picture.md
    for index in (0, 24, -1):
        difference = np.abs(plain[index].astype(np.int16) - slated[index].astype(np.int16)).max(axis=2) > 40
        rows, columns = np.nonzero(difference)
        assert rows.size > 50  # the slate is there...
        assert rows.min() >= slate[1] - 2 and rows.max() <= slate[3] + 2  # ...and nowhere else: in its rows,
        outside = (columns < slate[0] - 2) | (columns > slate[2] + 2)  # and its columns but for a few pixels
        assert np.count_nonzero(outside) <= 5  # of coding noise in the macroblocks it shares with the picture
        box = slated[index][slate[1] + 2 : slate[3] - 2, slate[0] + 2 : slate[2] - 2]
        assert np.median(box) < 60  # white letters on a dark box


def test_signs_in_every_review_panel_are_on_something_inside_the_frame_clear_of_faces_and_each_other() -> None:
    from storyboard.picture import draw_backdrop, place_signs, stage_film
    from storyboard.sources import load_source

    scenes = [*ROOT.glob("scenes/*.yaml"), *ROOT.glob("scenes/review/*.yaml")]
    checked = 0
    for path in scenes:
        scene = load_source(path)
        width, height = (320, 180) if scene.width >= scene.height else (180, 320)
        for shot, staging in zip(scene.shots, stage_film(scene, width, height)):
            if not shot.signs:
                continue
            backdrop = draw_backdrop(staging, width, height, shot.signs)
            placed = place_signs(shot, staging, width, height, backdrop)
            faces = [o.box for o in backdrop.obstacles if o.face]
            for i, sign in enumerate(placed):
                x0, y0, x1, y1 = sign.box
                assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height, (path.stem, shot.id)
                style = staging.signs[i]
                assert sign.on in CARRIES[style] | (ANY_FLAT if style not in ("placard", "name-tag", "hologram") else set())
                for other in [*faces, *(p.box for p in placed[:i])]:
                    assert x1 <= other[0] or other[2] <= x0 or y1 <= other[1] or other[3] <= y0, (path.stem, shot.id)
                checked += 1
    assert checked >= 30


def test_a_backdrop_serves_longer_words_only_where_drawing_for_them_gives_the_same_backdrop() -> None:
    """A backdrop drawn for no sign's size serves larger signs that still find a place on it: drawn for them, it is
    the same. A sign that no longer finds a place (a carrier is brought in), or a backdrop drawn for its signs' sizes
    (a placard held up, a monitor for a screen), serves no other sizes."""
    from storyboard.picture import draw_backdrop, fits_signs, stage_film
    from storyboard.picture.inputs import sign_sizes
    from storyboard.sources import load_source

    served = refused = 0
    for path in [*ROOT.glob("scenes/*.yaml"), *ROOT.glob("scenes/review/*.yaml")]:
        scene = load_source(path)
        if scene.width < scene.height:
            continue
        for shot, staging in zip(scene.shots, stage_film(scene, *SIZE)):
            if not shot.signs:
                continue
            drawn = draw_backdrop(staging, *SIZE, shot.signs)
            for more in (" XXXX", " XXXXXXXX YYYYYYYY ZZZZZZZZZZ WWWWWWWWWWW"):
                longer = (shot.signs[0]._replace(text=shot.signs[0].text + more), *shot.signs[1:])
                sizes = sign_sizes(longer, staging.signs)
                again = draw_backdrop(staging, *SIZE, longer)
                same = (again.image.tobytes(), again.surfaces, again.obstacles, again.props, again.people) == (
                    drawn.image.tobytes(), drawn.surfaces, drawn.obstacles, drawn.props, drawn.people)
                if fits_signs(drawn, staging, sizes):
                    assert same and not again.for_sizes, (path.stem, shot.id, more)
                    served += 1
                else:
                    assert drawn.for_sizes or again.for_sizes, (path.stem, shot.id, more)
                    refused += 1
    assert served >= 20 and refused >= 20
