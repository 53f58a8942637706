"""Brushed-metal plaque on a facade: metal gradient, fine horizontal streaks, engraved text."""

from __future__ import annotations

import random

from PIL import Image, ImageChops, ImageDraw

from storyboard.picture.icons import draw_icon
from storyboard.picture.inputs import SIGN_SHAPES
from storyboard.picture.signs.base import Finish, SignArt, text_and_icon_boxes
from storyboard.picture.sketch import noise
from storyboard.picture.text import draw_text, fit_text

ASPECT = SIGN_SHAPES["plaque"].aspect
METAL_TOP, METAL_MID, METAL_BOTTOM = 222.0, 168.0, 200.0  # grey levels of the gradient
STREAKS = 9.0  # brushed streak strength, in grey levels
STREAK_LENGTH = 24  # px of plaque per streak sample, horizontally
TINT = (1.0, 1.01, 1.04)  # cool steel
INK = (28, 30, 34)
KEYHOLE = (168, 170, 175)  # the metal showing through an icon
HIGHLIGHT = (246, 248, 252)
EDGE = 0.05  # bevel, of the plaque height
MARGIN = (0.07, 0.16)  # text inset, of the width and the height
SCREW = 0.045  # screw radius, of the height


def _gradient(height: int) -> Image.Image:
    """One column of the metal's vertical light: bright top, dark band, lighter bottom."""
    def level(y: float) -> float:
        if y < 0.45:
            return METAL_TOP + (METAL_MID - METAL_TOP) * y / 0.45
        return METAL_MID + (METAL_BOTTOM - METAL_MID) * (y - 0.45) / 0.55

    rows = bytes(round(level(i / max(1, height - 1))) for i in range(height))
    return Image.frombytes("L", (1, height), rows)


def _metal(width: int, height: int, rng: random.Random) -> Image.Image:
    """A brushed-steel gradient with long horizontal streaks."""
    noise_rng = random.Random(rng.getrandbits(64))
    coarse = noise((max(2, width // STREAK_LENGTH), height), STREAKS, noise_rng)
    streaks = coarse.resize((width, height), Image.Resampling.BILINEAR)
    fine = noise((1, height), STREAKS / 3, noise_rng).resize((width, height), Image.Resampling.NEAREST)
    grey = _gradient(height).resize((width, height), Image.Resampling.NEAREST)
    grey = ImageChops.add(ImageChops.add(grey, streaks, 1.0, -128), fine, 1.0, -128)
    bands = [grey.point(lambda v, t=t: min(255, round(v * t))) for t in TINT]
    return Image.merge("RGB", bands).convert("RGBA")


def render(width: int, height: int, text: str, icon: str | None, rng: random.Random, finish: Finish = Finish()) -> SignArt:
    """The plaque ``width`` x ``height`` px with ``text`` engraved (and ``icon``), filled with ``finish``'s colour."""
    ink = INK if finish.color is None else finish.color
    art = _metal(width, height, rng)
    draw = ImageDraw.Draw(art)
    edge = max(1, round(height * EDGE))
    draw.rectangle([0, 0, width - 1, height - 1], outline=(70, 72, 78, 255), width=edge)
    draw.line([(edge, edge), (width - edge, edge)], fill=(*HIGHLIGHT, 255), width=max(1, edge // 2))
    screw = max(2, round(height * SCREW))
    for cx in (edge * 3 + screw, width - edge * 3 - screw):
        for cy in (edge * 3 + screw, height - edge * 3 - screw):
            draw.ellipse([cx - screw, cy - screw, cx + screw, cy + screw], fill=(120, 122, 128, 255), outline=(60, 62, 66, 255))
    inner = (round(width * MARGIN[0]), round(height * MARGIN[1]), width - round(width * MARGIN[0]), height - round(height * MARGIN[1]))
    text_area, icon_area = text_and_icon_boxes(inner, icon)
    if icon_area is not None:
        draw_icon(draw, icon, icon_area, (*ink, 255), (*KEYHOLE, 255))
    fitted = fit_text(text, text_area[2] - text_area[0] - 2, text_area[3] - text_area[1] - 2, "bold")
    depth = max(1, round(fitted.font.size * 0.04))
    draw_text(draw, fitted, text_area, (*HIGHLIGHT, 255), offset=(depth, depth))
    return SignArt(art, draw_text(draw, fitted, text_area, (*ink, 255)))

