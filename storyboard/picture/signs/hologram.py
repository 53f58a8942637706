"""Holographic interface: a translucent cyan panel with scanlines and glowing text."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from storyboard.picture.icons import draw_icon
from storyboard.picture.inputs import SIGN_SHAPES
from storyboard.picture.signs.base import Finish, SignArt, glow, mix, text_and_icon_boxes
from storyboard.picture.text import draw_text, fit_text

ASPECT = SIGN_SHAPES["hologram"].aspect
PANEL = (6, 52, 70, 215)  # translucent deep cyan
EDGE = (90, 232, 255, 255)
GLYPH = (200, 255, 255, 255)
SCANLINE = (120, 240, 255, 34)
PAD = 0.05  # room for the glow around the panel, of the height
BORDER = 0.012  # of the height
CORNER = 0.05  # corner radius, of the height
SCANLINE_STEP = 0.018  # of the height
GLOW = 0.018  # glow radius, of the height
MARGIN = (0.09, 0.12)  # content inset inside the panel, of the width and the height


def _tones(finish: Finish) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Panel, edge, glyph and scanline tones: cyan, or the sign's colour (a red hologram is red throughout)."""
    if finish.color is None:
        return PANEL, EDGE, GLYPH, SCANLINE
    c = finish.color
    return (*mix(c, (0, 0, 0), 0.82), PANEL[3]), (*mix(c, (255, 255, 255), 0.25), 255), (*mix(c, (255, 255, 255), 0.45), 255), (*c, SCANLINE[3])


def render(width: int, height: int, text: str, icon: str | None, rng: random.Random, finish: Finish = Finish()) -> SignArt:
    """The hologram ``width`` x ``height`` px showing ``text`` (and ``icon``), in ``finish``'s colour."""
    panel_tone, edge, glyph, scanline = _tones(finish)
    pad = round(height * PAD)
    panel = (pad, pad, width - pad, height - pad)
    base = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(base).rounded_rectangle(panel, radius=round(height * CORNER), fill=panel_tone)
    scan = ImageDraw.Draw(base)
    step = max(2, round(height * SCANLINE_STEP))
    for y in range(panel[1] + step, panel[3] - step, step):
        scan.line([(panel[0] + pad // 2, y), (panel[2] - pad // 2, y)], fill=scanline, width=max(1, step // 3))

    light = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(light)
    draw.rounded_rectangle(panel, radius=round(height * CORNER), outline=edge, width=max(1, round(height * BORDER)))
    pw, ph = panel[2] - panel[0], panel[3] - panel[1]
    inner = (panel[0] + round(pw * MARGIN[0]), panel[1] + round(ph * MARGIN[1]),
             panel[2] - round(pw * MARGIN[0]), panel[3] - round(ph * MARGIN[1]))
    text_area, icon_area = text_and_icon_boxes(inner, icon, icon_share=0.5)
    if icon_area is not None:
        draw_icon(draw, icon, icon_area, edge, (*panel_tone[:3], 255))
    fitted = fit_text(text, text_area[2] - text_area[0], text_area[3] - text_area[1], "bold")
    text_box = draw_text(draw, fitted, text_area, glyph)
    return SignArt(Image.alpha_composite(base, glow(light, height * GLOW)), text_box)
