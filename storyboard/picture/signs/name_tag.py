"""A name tag / badge: white card, coloured header band, a clip, bold name."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from storyboard.picture.icons import draw_icon
from storyboard.picture.inputs import SIGN_SHAPES
from storyboard.picture.signs.base import Finish, SignArt, text_and_icon_boxes
from storyboard.picture.text import draw_text, fit_text

ASPECT = SIGN_SHAPES["name-tag"].aspect
CLIP = 0.14  # clip height, of the art height
CARD = (252, 252, 250, 255)
BAND = (200, 40, 48, 255)
EDGE = (60, 60, 66, 255)
INK = (18, 18, 20, 255)
BAND_HEIGHT = 0.22  # of the card height
MARGIN = (0.08, 0.1)  # of the card width and height


def render(width: int, height: int, text: str, icon: str | None, rng: random.Random, finish: Finish = Finish()) -> SignArt:
    """The badge ``width`` x ``height`` px bearing ``text`` (and ``icon``), its band in ``finish``'s colour."""
    art = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(art)
    top = round(height * CLIP)
    draw.rounded_rectangle([width * 0.4, 0, width * 0.6, top * 1.6], radius=max(1, top // 3), fill=EDGE)
    radius = max(1, round(height * 0.06))
    draw.rounded_rectangle([0, top, width - 1, height - 1], radius=radius, fill=CARD, outline=EDGE, width=max(1, height // 60))
    card_h = height - top
    band = top + max(2, round(card_h * BAND_HEIGHT))
    draw.rounded_rectangle([0, top, width - 1, band], radius=radius, fill=BAND if finish.color is None else (*finish.color, 255))
    inner = (round(width * MARGIN[0]), band + round(card_h * MARGIN[1]), width - round(width * MARGIN[0]), height - round(card_h * MARGIN[1]))
    text_area, icon_area = text_and_icon_boxes(inner, icon)
    if icon_area is not None:
        draw_icon(draw, icon, icon_area, INK, CARD)
    fitted = fit_text(text, text_area[2] - text_area[0], text_area[3] - text_area[1], "bold")
    return SignArt(art, draw_text(draw, fitted, text_area, INK))
