"""Hand-held protest placard: a white board on a wooden stick, gripped by two hands."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from storyboard.picture.icons import draw_icon
from storyboard.picture.inputs import SIGN_SHAPES
from storyboard.picture.signs.base import Box, Finish, SignArt, text_and_icon_boxes
from storyboard.picture.sketch import MARKER_LIGHT, MARKER_MID, Pen, Point
from storyboard.picture.text import draw_text, fit_text

ASPECT = SIGN_SHAPES["placard"].aspect
BOARD_HEIGHT = 0.66  # of the art height
BOARD = (250, 248, 240, 255)
EDGE = (196, 170, 128)  # cardboard showing at the edge
MARKER = (20, 20, 22, 255)
WOOD = (158, 112, 66, 255)
STICK = 0.05  # stick width, of the art width
MARGIN = (0.07, 0.1)  # text inset, of the board width and height
TILT = 2.5  # degrees, at most, either way
PAD = 0.03  # room for the tilted board, of the art width
EDGE_WIDTH = 0.012  # cardboard edge, of the art height
FIST = 0.07  # fist radius, of the art width


def _rotate_box(box: Box, size: tuple[int, int], new_size: tuple[int, int], degrees: float) -> Box:
    """Where ``box`` lands when an image of ``size`` is rotated (expanded) by ``degrees``."""
    cx, cy = size[0] / 2, size[1] / 2
    nx, ny = new_size[0] / 2, new_size[1] / 2
    cos, sin = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    corners = [(x - cx, y - cy) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs = [nx + dx * cos + dy * sin for dx, dy in corners]
    ys = [ny - dx * sin + dy * cos for dx, dy in corners]
    return math.floor(min(xs)), math.floor(min(ys)), math.ceil(max(xs)), math.ceil(max(ys))


def _hands(pen: Pen, width: int, height: int, stick_x: float) -> None:
    """Two arms rising from the bottom edge, their fists round the stick."""
    fist = width * FIST
    board_bottom = height * BOARD_HEIGHT
    for side, grip_y in ((-1, board_bottom + fist * 1.4), (1, board_bottom + fist * 3.2)):
        shoulder = (stick_x + side * width * 0.42, height * 1.02)
        elbow = (stick_x + side * width * 0.2, grip_y + fist * 2.6)
        sleeve = max(2, round(fist * 1.3))
        for a, b in ((shoulder, elbow), (elbow, (stick_x, grip_y))):
            pen.draw.line([a, b], fill=(*MARKER_MID, 255), width=sleeve)
            pen.line([a, b], weight=0.8)
        pen.oval((stick_x - fist, grip_y - fist * 0.8, stick_x + fist, grip_y + fist * 0.8), fill=(*MARKER_LIGHT, 255))
        for k in (-0.4, 0.0, 0.4):  # knuckles
            pen.line([(stick_x + side * fist * 0.2, grip_y + k * fist), (stick_x + side * fist * 0.8, grip_y + k * fist)], weight=0.5)


def _rotate(points: list[Point], centre: Point, degrees: float) -> list[Point]:
    """``points`` turned ``degrees`` counter-clockwise (on screen) about ``centre``."""
    cos, sin = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [(centre[0] + (x - centre[0]) * cos + (y - centre[1]) * sin,
             centre[1] - (x - centre[0]) * sin + (y - centre[1]) * cos) for x, y in points]


def _lettering(text: str, icon: str | None, size: tuple[int, int], degrees: float) -> tuple[Image.Image, Box]:
    """The text (and icon) as a tilted coverage mask, and the text's box in it."""
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    text_area, icon_area = text_and_icon_boxes((0, 0, *size), icon)
    if icon_area is not None:
        draw_icon(draw, icon, icon_area, (255,), (0,))
    fitted = fit_text(text, text_area[2] - text_area[0], text_area[3] - text_area[1], "condensed")
    ink = draw_text(draw, fitted, text_area, (255,))
    tilted = mask.rotate(degrees, resample=Image.Resampling.BILINEAR, expand=True)
    return tilted, _rotate_box(ink, size, tilted.size, degrees)


def render(width: int, height: int, text: str, icon: str | None, rng: random.Random, finish: Finish = Finish()) -> SignArt:
    """The placard art ``width`` x ``height`` px carrying ``text`` (and ``icon``), slightly tilted, in ``finish``'s marker."""
    art = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    pen = Pen(art, rng)
    degrees = rng.uniform(-TILT, TILT)
    pad = round(width * PAD)
    board_h = round(height * BOARD_HEIGHT)
    stick_x = width / 2
    half_stick = width * STICK / 2
    pen.shape([(stick_x - half_stick, board_h * 0.8), (stick_x + half_stick, board_h * 0.8),
               (stick_x + half_stick, height), (stick_x - half_stick, height)], fill=WOOD)
    centre = (width / 2, (pad + board_h) / 2)
    edge = height * EDGE_WIDTH
    for inset, fill, weight in ((0.0, (*EDGE, 255), 0.6), (edge, BOARD, 1.4)):
        corners = [(pad + inset, pad + inset), (width - pad - inset, pad + inset), (width - pad - inset, board_h - inset), (pad + inset, board_h - inset)]
        pen.shape(_rotate(corners, centre, degrees), fill=fill, weight=weight)
    _hands(pen, width, height, stick_x)
    board_w = width - 2 * pad
    inner = (round(board_w * (1 - 2 * MARGIN[0])), round((board_h - pad) * (1 - 2 * MARGIN[1])))
    mask, ink = _lettering(text, icon, inner, degrees)
    left, top = round(centre[0] - mask.width / 2), round(centre[1] - mask.height / 2)
    art.paste(MARKER if finish.color is None else (*finish.color, 255), (left, top), mask)
    return SignArt(art, (ink[0] + left, ink[1] + top, ink[2] + left, ink[3] + top))
