"""A generic painted sign: a dark green board, white inset border, white letters."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from storyboard.picture.icons import draw_icon
from storyboard.picture.inputs import SIGN_SHAPES
from storyboard.picture.signs.base import Finish, SignArt, luminance, text_and_icon_boxes
from storyboard.picture.text import draw_text, fit_text

ASPECT = SIGN_SHAPES["sign"].aspect
BOARD = (22, 92, 58, 255)
LETTERS = (250, 250, 246, 255)
CORNER = 0.1  # of the height
BORDER = (0.05, 0.03)  # inset and width of the white border, of the height
MARGIN = (0.07, 0.17)  # text inset, of the width and the height
PRINT = (24, 24, 28)  # letters on a light board, and the edge of letters printed on a shirt
EDGE = 0.06  # the dark edge round printed letters, of the font size


PRINTED_ON = frozenset({"shirt"})  # on these the letters are printed straight on the fabric


def render(width: int, height: int, text: str, icon: str | None, rng: random.Random, finish: Finish = Finish()) -> SignArt:
    """The sign ``width`` x ``height`` px reading ``text`` (and ``icon``): a board of ``finish``'s colour.

    On a T-shirt the letters are printed on the shirt, in the colour asked for (dark by default).
    """
    art = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(art)
    inner = (round(width * MARGIN[0]), round(height * MARGIN[1]), width - round(width * MARGIN[0]), height - round(height * MARGIN[1]))
    text_area, icon_area = text_and_icon_boxes(inner, icon)
    if finish.on in PRINTED_ON:  # light letters edged in dark: readable on any shirt
        ink = (*(finish.color or LETTERS[:3]), 255)
        if icon_area is not None:
            draw_icon(draw, icon, icon_area, ink, (0, 0, 0, 0))
        fitted = fit_text(text, text_area[2] - text_area[0], text_area[3] - text_area[1], "bold")
        edge = max(1, round(fitted.font.size * EDGE))
        for dx, dy in ((-edge, 0), (edge, 0), (0, -edge), (0, edge)):
            draw_text(draw, fitted, text_area, (*PRINT, 255), offset=(dx, dy))
        return SignArt(art, draw_text(draw, fitted, text_area, ink))
    board = BOARD if finish.color is None else (*finish.color, 255)
    letters = LETTERS if luminance(board[:3]) < 0.6 else (*PRINT, 255)
    draw.rounded_rectangle([0, 0, width - 1, height - 1], radius=round(height * CORNER), fill=board)
    inset = round(height * BORDER[0])
    draw.rounded_rectangle([inset, inset, width - 1 - inset, height - 1 - inset], radius=round(height * CORNER * 0.6),
                           outline=letters, width=max(1, round(height * BORDER[1])))
    if icon_area is not None:
        draw_icon(draw, icon, icon_area, letters, board)
    fitted = fit_text(text, text_area[2] - text_area[0], text_area[3] - text_area[1], "bold")
    return SignArt(art, draw_text(draw, fitted, text_area, letters))
