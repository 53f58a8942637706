"""Neon sign: glowing tube letters on a dark backing board."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from storyboard.picture.icons import draw_icon
from storyboard.picture.inputs import SIGN_SHAPES
from storyboard.picture.signs.base import Finish, SignArt, glow, mix, text_and_icon_boxes
from storyboard.picture.text import draw_text, fit_text

ASPECT = SIGN_SHAPES["neon"].aspect
BOARD = (28, 22, 34, 255)
TUBE = (255, 96, 200, 255)
CORE = (255, 236, 250, 255)
PAD = 0.06  # of the height
CORNER = 0.1  # of the height
GLOW = 0.05  # of the height
MARGIN = (0.07, 0.16)  # of the width and the height


def render(width: int, height: int, text: str, icon: str | None, rng: random.Random, finish: Finish = Finish()) -> SignArt:
    """The neon sign ``width`` x ``height`` px spelling ``text`` (and ``icon``), its tubes in ``finish``'s colour."""
    tube = TUBE if finish.color is None else (*finish.color, 255)
    core = CORE if finish.color is None else (*mix(finish.color, (255, 255, 255), 0.45), 255)
    pad = round(height * PAD)
    board = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(board).rounded_rectangle((pad, pad, width - pad, height - pad), radius=round(height * CORNER), fill=BOARD)
    tubes = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(tubes)
    inner = (round(width * MARGIN[0]), round(height * MARGIN[1]), width - round(width * MARGIN[0]), height - round(height * MARGIN[1]))
    text_area, icon_area = text_and_icon_boxes(inner, icon)
    if icon_area is not None:
        draw_icon(draw, icon, icon_area, tube, BOARD)
    fitted = fit_text(text, text_area[2] - text_area[0], text_area[3] - text_area[1], "bold")
    draw_text(draw, fitted, text_area, tube)
    lit = glow(tubes, height * GLOW)
    lit_draw = ImageDraw.Draw(lit)
    text_box = draw_text(lit_draw, fitted, text_area, core)  # the white-hot tube inside the halo
    return SignArt(Image.alpha_composite(board, lit), text_box)
