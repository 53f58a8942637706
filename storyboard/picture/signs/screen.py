"""A monitor screen: dark bezel, bright screen, dark text, a stand below."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from storyboard.picture.icons import draw_icon
from storyboard.picture.inputs import SIGN_SHAPES
from storyboard.picture.signs.base import Finish, SignArt, text_and_icon_boxes
from storyboard.picture.text import draw_text, fit_text

ASPECT = SIGN_SHAPES["screen"].aspect
STAND = 0.16  # of the art height
BEZEL = 0.045  # of the screen height
CASE = (38, 40, 46, 255)
GLASS = (226, 238, 248, 255)
TITLE_BAR = (70, 110, 170, 255)
INK = (16, 30, 60, 255)
MARGIN = (0.08, 0.16)  # text inset inside the glass, of its width and height


GLASS_SURFACES = frozenset({"screen", "phone-screen"})  # a screen sign on these is the device's own glass
MOUNTED = frozenset({"facade", "wall", "billboard", "board", "sign", "window"})  # on these: a wall screen, no stand


def _content(draw: ImageDraw.ImageDraw, glass: tuple[int, int, int, int], text: str, icon: str | None, ink: tuple[int, ...]) -> tuple[int, int, int, int]:
    """The glass, a title bar, the text (and icon) inside ``glass``; returns the text's box."""
    draw.rectangle(glass, fill=GLASS)
    gw, gh = glass[2] - glass[0], glass[3] - glass[1]
    draw.rectangle([glass[0], glass[1], glass[2], glass[1] + round(gh * 0.08)], fill=TITLE_BAR)
    inner = (glass[0] + round(gw * MARGIN[0]), glass[1] + round(gh * MARGIN[1]), glass[2] - round(gw * MARGIN[0]),
             glass[3] - round(gh * MARGIN[1] * 0.6))
    text_area, icon_area = text_and_icon_boxes(inner, icon)
    if icon_area is not None:
        draw_icon(draw, icon, icon_area, ink, GLASS)
    fitted = fit_text(text, text_area[2] - text_area[0], text_area[3] - text_area[1], "mono")
    return draw_text(draw, fitted, text_area, ink)


def render(width: int, height: int, text: str, icon: str | None, rng: random.Random, finish: Finish = Finish()) -> SignArt:
    """The monitor ``width`` x ``height`` px displaying ``text`` (and ``icon``) in ``finish``'s colour.

    On a device's own screen (a phone, a laptop) the art is only the glass;
    on a wall or a facade it is a screen hung there, without the desk stand.
    """
    art = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(art)
    ink = INK if finish.color is None else (*finish.color, 255)
    if finish.on in GLASS_SURFACES:
        return SignArt(art, _content(draw, (0, 0, width - 1, height - 1), text, icon, ink))
    screen_h = height - 1 if finish.on in MOUNTED else round(height * (1 - STAND))
    if finish.on not in MOUNTED:
        draw.polygon([(width * 0.44, screen_h - 2), (width * 0.56, screen_h - 2), (width * 0.6, height * 0.97),
                      (width * 0.4, height * 0.97)], fill=CASE)
        draw.rectangle([width * 0.3, min(height * 0.95, height - 2), width * 0.7, height - 1], fill=CASE)
    draw.rounded_rectangle([0, 0, width - 1, screen_h], radius=max(1, round(screen_h * 0.03)), fill=CASE)
    bezel = round(screen_h * BEZEL)
    return SignArt(art, _content(draw, (bezel, bezel, width - 1 - bezel, screen_h - bezel), text, icon, ink))
