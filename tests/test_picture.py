"""The picture stage: framing, signs, depth of field, determinism."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageChops, ImageDraw

from storyboard.model import FRAMINGS, Line, Shot, Sign
from storyboard.picture import ICONS, SIGN_STYLES, draw_panel
from storyboard.picture.inputs import resolve_style
from storyboard.picture.text import draw_text, fit_text

W, H = 480, 270
CONCRETE_STYLES = [s for s in SIGN_STYLES if s != "auto"]
EXIT = Shot(
    "exit",
    "A man walks out of a sleek glass office building. A brushed-metal sign on the facade reads 'Tech Corp'. "
    "Shallow depth of field on the man.",
    "wide",
    signs=(Sign("Tech Corp", "plaque"),),
)
DESK = Shot(
    "desk",
    "The man sits at a desk facing a holographic AI interface.",
    "medium",
    signs=(Sign("ACCESS DENIED", "hologram", "padlock"),),
)
PROTEST = Shot("sign", "A protest sign held by a blurred crowd.", "close-up", signs=(Sign("AI LAYOFFS GOT TO GO!", "placard"),))


def pixels(shot: Shot, width: int = W, height: int = H) -> np.ndarray:
    """The panel for ``shot`` as an int array (height, width, 3)."""
    return np.asarray(draw_panel(shot, width, height).image, dtype=np.int16)


def digest(shot: Shot, width: int = W, height: int = H) -> str:
    """A hash of the panel's pixels."""
    return hashlib.sha256(draw_panel(shot, width, height).image.tobytes()).hexdigest()


def grow(box: tuple[int, int, int, int], dx: int, dy: int) -> tuple[int, int, int, int]:
    """``box`` widened by ``dx`` and ``dy`` on every side."""
    return box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy


def inside(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int]) -> bool:
    """Whether ``inner`` lies within ``outer``."""
    return inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


@pytest.mark.parametrize("size", [(320, 180), (480, 270), (180, 320), (333, 211)])
def test_panel_is_rgb_at_exactly_the_requested_size(size):
    panel = draw_panel(DESK, *size)
    assert panel.image.mode == "RGB"
    assert panel.image.size == size
    assert len(panel.sign_boxes) == 1


def test_every_framing_gives_a_different_picture():
    shots = [EXIT._replace(framing=f, signs=()) for f in FRAMINGS]
    assert len({digest(s) for s in shots}) == len(FRAMINGS)


def test_framing_changes_how_big_the_figure_is():
    """The darkest marker (the figure's limbs, hair) covers more of a close-up than of a wide."""
    shot = Shot("f", "A woman stands still.", "wide")
    ink = {f: (pixels(shot._replace(framing=f)).mean(axis=2) < 150).mean() for f in ("wide", "medium", "close-up")}
    assert ink["wide"] < ink["medium"] and ink["wide"] < ink["close-up"]


@pytest.mark.parametrize("style", CONCRETE_STYLES)
def test_changing_sign_text_changes_only_the_sign(style):
    shot = Shot("s", "A man stands in front of an office building.", "medium", signs=(Sign("OPEN", style),))
    other = shot._replace(signs=(Sign("CLOSED NOW", style),))
    a, b = draw_panel(shot, W, H), draw_panel(other, W, H)
    changed = ImageChops.difference(a.image, b.image).getbbox()
    assert changed is not None
    # The whole change lies within the sign object around the two text boxes.
    union = (min(a.sign_boxes[0][0], b.sign_boxes[0][0]), min(a.sign_boxes[0][1], b.sign_boxes[0][1]),
             max(a.sign_boxes[0][2], b.sign_boxes[0][2]), max(a.sign_boxes[0][3], b.sign_boxes[0][3]))
    assert inside(changed, grow(union, W // 6, H // 5))


@pytest.mark.parametrize("style", CONCRETE_STYLES)
@pytest.mark.parametrize("framing", FRAMINGS)
def test_sign_text_is_inside_the_frame_and_high_contrast(style, framing):
    shot = Shot("s", "A quiet street.", framing, signs=(Sign("Quality Jobs", style),))
    panel = draw_panel(shot, W, H)
    (box,) = panel.sign_boxes
    assert inside(box, (0, 0, W, H)) and box[2] > box[0] and box[3] > box[1]
    grey = np.asarray(panel.image.convert("L").crop(box), dtype=np.int16)
    assert np.percentile(grey, 95) - np.percentile(grey, 5) > 110
    assert box[3] - box[1] >= H * 0.03  # legible, not a speck


@pytest.mark.parametrize("second", [Sign("EXIT", "sign"), Sign("Dr. Quigley", "name-tag"), Sign("LOGIN", "hologram")])
def test_a_second_sign_never_covers_the_first(second):
    one = Shot("two", "A woman in a lobby.", "medium", signs=(Sign("OPEN 24H", "neon"),))
    both = one._replace(signs=(*one.signs, second))
    a, b = draw_panel(both, W, H).sign_boxes
    assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_padlock_icon_is_drawn_above_the_hologram_text():
    without = DESK._replace(signs=(Sign("ACCESS DENIED", "hologram"),))
    with_icon = draw_panel(DESK, W, H)
    box = with_icon.sign_boxes[0]
    above = (box[0], max(0, box[1] - (box[3] - box[1]) * 3), box[2], box[1])
    diff = ImageChops.difference(with_icon.image.crop(above), draw_panel(without, W, H).image.crop(above))
    assert diff.getbbox() is not None
    # The padlock is bright cyan on the dark panel.
    cyan = np.asarray(with_icon.image.crop(above), dtype=np.int16)
    assert ((cyan[..., 2] > 200) & (cyan[..., 0] < 150)).sum() > 50


def test_same_shot_same_pixels_whatever_was_drawn_before():
    first = digest(EXIT)
    draw_panel(PROTEST, W, H)
    draw_panel(DESK, 640, 360)
    assert digest(EXIT) == first


def test_same_pixels_in_a_fresh_process():
    code = (
        "import hashlib; from storyboard.model import Shot, Sign; from storyboard.picture import draw_panel;"
        f"s = Shot({EXIT.id!r}, {EXIT.description!r}, {EXIT.framing!r}, signs=(Sign('Tech Corp', 'plaque'),));"
        f"print(hashlib.sha256(draw_panel(s, {W}, {H}).image.tobytes()).hexdigest())"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == digest(EXIT)


def test_id_duration_cut_position_and_what_is_said_do_not_change_the_picture():
    speaking = EXIT._replace(lines=(Line("Man", "They automated my job."),))
    other = speaking._replace(
        id="elsewhere", cut="jump", duration=9.5, source_line=42,
        lines=(Line("Man", "Every word of this must stay off the frame."),),
    )
    assert digest(other) == digest(speaking)


def test_description_wording_is_not_drawn():
    """Two wordings that mean the same picture give the same pixels: no description text on the frame."""
    a = Shot("a", "A man walks out of an office building.", "wide")
    b = Shot("b", "Slowly, the man walks out of the old office building, looking around!", "wide")
    assert digest(a) == digest(b)


def test_shallow_depth_of_field_blurs_the_background():
    sharp = EXIT._replace(description="A man walks out of a glass office building.", signs=())
    region = (int(W * 0.05), int(H * 0.05), int(W * 0.3), int(H * 0.4))  # the facade, away from the man

    def detail(shot: Shot) -> float:
        grey = np.asarray(draw_panel(shot, W, H).image.convert("L").crop(region), dtype=np.float64)
        return float(np.abs(np.diff(grey, axis=1)).mean())

    assert detail(EXIT._replace(signs=())) < detail(sharp) * 0.6


def test_keywords_choose_the_set_pieces():
    plain = digest(Shot("p", "A man stands.", "wide"))
    assert digest(Shot("b", "A man stands by an office building.", "wide")) != plain
    assert digest(Shot("c", "A man stands before a crowd.", "wide")) != plain
    assert digest(Shot("w", "A man walks.", "wide")) != plain


def test_an_unknown_description_still_draws_a_scene():
    image = np.asarray(draw_panel(Shot("u", "Zzyzx.", "wide"), W, H).image.convert("L"))
    assert (image < 120).mean() > 0.01  # a figure on a horizon, not a blank card


@pytest.mark.parametrize(
    ("description", "style"),
    [
        ("A brushed-metal sign on the building facade", "plaque"),
        ("A holographic AI interface", "hologram"),
        ("A protest sign held by a crowd", "placard"),
        ("A flickering neon sign over the bar", "neon"),
        ("He wears a name tag", "name-tag"),
        ("A laptop on the table", "screen"),
        ("A road in the desert", "sign"),
    ],
)
def test_auto_style_is_guessed_from_the_description(description, style):
    assert resolve_style("auto", description) == style


def test_unknown_style_and_icon_are_errors_naming_the_known_ones():
    with pytest.raises(ValueError, match="plaque.*hologram.*placard"):
        draw_panel(Shot("x", "", "wide", signs=(Sign("Hi", "billboard"),)), W, H)
    with pytest.raises(ValueError, match="padlock"):
        draw_panel(Shot("x", "", "wide", signs=(Sign("Hi", "sign", "unicorn"),)), W, H)
    assert {"auto", "plaque", "hologram", "placard", "neon", "screen", "name-tag", "sign"} <= set(SIGN_STYLES)
    assert "padlock" in ICONS


@pytest.mark.parametrize("text", ["gjpqy Quigley", "AI LAYOFFS GOT TO GO!", "W", "A very long sign text that must wrap"])
@pytest.mark.parametrize("box", [(10, 10, 210, 60), (5, 5, 65, 125), (0, 0, 400, 30)])
def test_fitted_text_is_never_clipped(text, box):
    image = Image.new("L", (420, 140), 0)
    fitted = fit_text(text, box[2] - box[0], box[3] - box[1])
    ink = draw_text(ImageDraw.Draw(image), fitted, box, (255,))
    drawn = image.getbbox()
    assert drawn is not None and inside(drawn, box) and inside(drawn, ink)


def test_the_picture_draws_every_name_the_shot_list_allows():
    from storyboard import model, picture

    assert picture.SIGN_STYLES == model.SIGN_STYLES
    assert picture.ICONS == model.ICONS


def test_a_stored_backdrop_draws_the_same_panel():
    from storyboard.picture import Backdrop, draw_backdrop, stage_alone

    shot = Shot(id="s", description="A man walks out of a glass office building.", framing="wide",
                signs=(Sign("Tech Corp", "plaque"),))
    staging = stage_alone(shot, 320, 180)
    drawn = draw_backdrop(staging, 320, 180, shot.signs)
    stored = Backdrop.from_bytes(drawn.to_bytes())
    assert (stored.surfaces, stored.obstacles, stored.props, stored.for_sizes) == (
        drawn.surfaces, drawn.obstacles, drawn.props, drawn.for_sizes)
    assert draw_panel(shot, 320, 180, staging, stored).image.tobytes() == draw_panel(shot, 320, 180).image.tobytes()


def test_a_seated_figure_is_drawn_seated():
    from storyboard.picture.cast.poses import pose_from
    from storyboard.picture.staging.words import words

    assert pose_from(set(words("The man is sitting at a desk."))) == "sit down"
    assert pose_from(set(words("He sits, reaching for a holographic interface."))) == "sit reach"
    assert pose_from(set(words("He walks out of the office."))) == "walk swing"
    seated = Shot(id="s", description="A man sitting at a desk.", framing="medium")
    standing = Shot(id="s", description="A man standing at a desk.", framing="medium")
    assert draw_panel(seated, 320, 180).image.tobytes() != draw_panel(standing, 320, 180).image.tobytes()
