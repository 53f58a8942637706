"""Hands for an insert: two forearms reaching in from the bottom edge to the object shown.

The hands reach the points :data:`GRIPS` gives for how the object is used (in
the object box's unit square): on top of a keyboard, at the sides of a thing
held. Sizes are fractions of the object box's width.
"""

from __future__ import annotations

import math

from storyboard.picture.cast.looks import SKIN
from storyboard.picture.sketch import Pen
from storyboard.picture.surface import Box

SLEEVE = (92, 104, 128)
FOREARM = 0.12  # forearm width, of the object's width (at most a fifth of the frame's short side)
GRIPS = {
    "top": ((0.3, 0.35), (0.7, 0.35)),  # fingers on the object's top: keys, a table
    "sides": ((0.04, 0.6), (0.96, 0.6)),  # holding it by its sides
    "one": ((0.9, 0.7),),  # one hand at the object's lower right corner
}
TOP_GRIPS = frozenset({"keyboard", "laptop", "map", "letter", "newspaper", "piano"})
ONE_HAND = frozenset({"door handle", "door", "key", "gun", "knife", "wristwatch", "pen", "cup", "mug", "glass"})


def grip_for(prop: str | None) -> str:
    """How hands meet ``prop``: typing on top, one hand at it, or holding it by the sides."""
    if prop in TOP_GRIPS:
        return "top"
    return "one" if prop in ONE_HAND else "sides"


def _forearm(pen: Pen, start: tuple[float, float], end: tuple[float, float], width: float) -> None:
    """A sleeved forearm from ``start`` (off the bottom edge) to a hand at ``end``."""
    angle = math.atan2(end[1] - start[1], end[0] - start[0]) + math.pi / 2
    dx, dy = math.cos(angle) * width / 2, math.sin(angle) * width / 2
    wrist = (start[0] + (end[0] - start[0]) * 0.8, start[1] + (end[1] - start[1]) * 0.8)
    pen.shape([(start[0] + dx, start[1] + dy), (wrist[0] + dx, wrist[1] + dy), (wrist[0] - dx, wrist[1] - dy),
               (start[0] - dx, start[1] - dy)], fill=(*SLEEVE, 255))
    skin = (*SKIN[1], 255)
    r = width * 0.62
    pen.oval((end[0] - r, end[1] - r * 0.85, end[0] + r, end[1] + r * 0.85), fill=skin, weight=0.8)
    for k in (-0.45, -0.15, 0.15, 0.45):  # knuckles
        x = end[0] + k * r * 1.4 * math.cos(angle) - r * 0.6 * math.sin(angle) * 0
        pen.line([(x, end[1] - r * 0.4), (x, end[1] - r * 0.85)], weight=0.5)


def draw_hands(pen: Pen, box: Box, prop: str | None, frame_height: int) -> None:
    """Hands reaching up from the frame's bottom edge to the object in ``box``."""
    x0, y0, x1, y1 = box
    width = min((x1 - x0) * FOREARM, pen.unit * 0.2)
    for u, v in GRIPS[grip_for(prop)]:
        end = (x0 + u * (x1 - x0), y0 + v * (y1 - y0))
        start = (end[0] + (end[0] - (x0 + x1) / 2) * 0.35, frame_height + width)
        _forearm(pen, start, end, width)
