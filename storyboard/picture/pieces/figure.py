"""A sketched human figure: head, torso, limbs; standing, walking, seated or reaching.

The body is laid out in units of its own height from the top of the head; the
framing decides how tall it is and where it stands, so a medium shot crops it
at the waist and a close-up leaves only the face.
"""

from __future__ import annotations

import math

from storyboard.picture.pieces.stage import Anchor, Stage
from storyboard.picture.sketch import INK, MARKER_DARK, MARKER_LIGHT, MARKER_MID, Pen

Point = tuple[float, float]

# (centre x, head top y, body height), in fractions of the frame width / height / height.
PLACEMENT = {
    "wide": (0.42, 0.5, 0.36),
    "medium": (0.34, 0.1, 1.9),
    "close-up": (0.5, 0.1, 5.0),
    "insert": (0.5, -0.12, 8.0),
}
WIDE_WITH_BUILDING_X = 0.4  # just out of the door
HEAD = (0.0, 0.066, 0.046, 0.066)  # centre x, centre y, radius x, radius y
TORSO = ((-0.115, 0.17), (0.115, 0.17), (0.085, 0.5), (-0.085, 0.5))
ARM, LEG = 0.042, 0.062  # limb widths
# Each pose: (shoulder, elbow, hand) for the left and right arm, (hip, knee, foot) for each leg.
POSES: dict[str, tuple[tuple[Point, Point, Point], ...]] = {
    "stand": (((-0.11, 0.19), (-0.14, 0.34), (-0.14, 0.48)), ((0.11, 0.19), (0.14, 0.34), (0.14, 0.48)),
              ((-0.05, 0.5), (-0.06, 0.73), (-0.06, 0.97)), ((0.05, 0.5), (0.06, 0.73), (0.06, 0.97))),
    "walk": (((-0.11, 0.19), (-0.17, 0.33), (-0.21, 0.45)), ((0.11, 0.19), (0.17, 0.32), (0.13, 0.45)),
             ((-0.05, 0.5), (-0.03, 0.74), (-0.14, 0.96)), ((0.05, 0.5), (0.13, 0.72), (0.17, 0.97))),
    "reach": (((-0.11, 0.19), (-0.15, 0.34), (-0.08, 0.44)), ((0.11, 0.19), (0.24, 0.27), (0.36, 0.2)),
              ((-0.05, 0.5), (-0.06, 0.73), (-0.06, 0.97)), ((0.05, 0.5), (0.06, 0.73), (0.06, 0.97))),
}
SEATED_LEGS = (((-0.05, 0.5), (-0.09, 0.57), (-0.09, 0.8)), ((0.05, 0.5), (0.09, 0.57), (0.09, 0.8)))  # knees to us
POSES["sit"] = (*POSES["stand"][:2], *SEATED_LEGS)
POSES["sit-reach"] = (*POSES["reach"][:2], *SEATED_LEGS)
# How much lower a seated body's head is, of the body height: in a wide shot the
# feet stay on the floor; closer, the chair and the hunch of the shoulders show it.
SEATED_DROP = {"wide": 0.17, "medium": 0.05, "close-up": 0.0, "insert": 0.0}
CHAIR_BACK = ((-0.16, 0.14), (0.16, 0.14), (0.15, 0.52), (-0.15, 0.52))  # behind the shoulders
TAG = 0.14  # name-tag width on the chest, of the body height
FACE_DETAIL = 0.05  # draw eyes, nose and mouth once the head is this big, of the short side


def _limb(pen: Pen, a: Point, b: Point, width: float, fill: tuple[int, int, int]) -> None:
    """A limb segment from ``a`` to ``b``: a filled band with rounded joints."""
    angle = math.atan2(b[1] - a[1], b[0] - a[0]) + math.pi / 2
    dx, dy = math.cos(angle) * width / 2, math.sin(angle) * width / 2
    pen.shape([(a[0] + dx, a[1] + dy), (b[0] + dx, b[1] + dy), (b[0] - dx, b[1] - dy), (a[0] - dx, a[1] - dy)], fill=(*fill, 255))
    pen.oval((b[0] - width / 2, b[1] - width / 2, b[0] + width / 2, b[1] + width / 2), fill=(*fill, 255), weight=0.6)


def _face(pen: Pen, cx: float, cy: float, rx: float, ry: float) -> None:
    """Hair, eyes, brows, nose, mouth and ears on a head centred at (``cx``, ``cy``)."""
    pen.shape([(cx - rx * 1.02, cy - ry * 0.2), (cx - rx * 0.9, cy - ry * 0.85), (cx, cy - ry * 1.08),
               (cx + rx * 0.9, cy - ry * 0.85), (cx + rx * 1.02, cy - ry * 0.2), (cx + rx * 0.6, cy - ry * 0.55),
               (cx - rx * 0.5, cy - ry * 0.6)], fill=(*MARKER_DARK, 255))
    for side in (-1, 1):
        ex = cx + side * rx * 0.38
        pen.oval((ex - rx * 0.12, cy - ry * 0.1, ex + rx * 0.12, cy + ry * 0.04), fill=(*INK, 255), weight=0.5)
        pen.line([(ex - rx * 0.2, cy - ry * 0.24), (ex + rx * 0.2, cy - ry * 0.26)], weight=1.2)
        pen.oval((cx + side * rx * 0.96 - rx * 0.1, cy - ry * 0.12, cx + side * rx * 0.96 + rx * 0.1, cy + ry * 0.22), weight=0.6)
    pen.line([(cx, cy - ry * 0.02), (cx - rx * 0.1, cy + ry * 0.3), (cx + rx * 0.06, cy + ry * 0.34)], weight=0.8)
    pen.line([(cx - rx * 0.28, cy + ry * 0.56), (cx, cy + ry * 0.52), (cx + rx * 0.28, cy + ry * 0.56)], weight=1.0)


def _placement(stage: Stage) -> tuple[float, float, float]:
    """Centre x, head top y and height of the body, in pixels."""
    x, top, height = PLACEMENT[stage.framing]
    if stage.framing == "wide" and "building" in stage.pieces:
        x = WIDE_WITH_BUILDING_X
    if stage.framing == "wide" and "desk" in stage.pieces:
        top = 0.4
    if stage.pose.startswith("sit"):
        top += SEATED_DROP[stage.framing] * height
    return stage.x(x), stage.y(top), stage.y(height)


def draw(pen: Pen, stage: Stage) -> tuple[Anchor, ...]:
    """The figure as the framing shows it; offers a name-tag anchor on the chest."""
    cx, top, size = _placement(stage)

    def at(p: Point) -> Point:
        return cx + p[0] * size, top + p[1] * size

    limbs = POSES[stage.pose]
    if stage.pose.startswith("sit"):
        pen.shape([at(p) for p in CHAIR_BACK], fill=(*MARKER_DARK, 255), weight=1.2)
    for joints in limbs[2:]:
        for a, b in zip(joints, joints[1:]):
            _limb(pen, at(a), at(b), LEG * size, MARKER_DARK)
    pen.shape([at((-0.03, 0.12)), at((0.03, 0.12)), at((0.03, 0.18)), at((-0.03, 0.18))], fill=(*MARKER_LIGHT, 255))
    pen.shape([at(p) for p in TORSO], fill=(*MARKER_MID, 255), weight=1.2)
    pen.line([at((0.0, 0.175)), at((0.0, 0.5))], weight=0.5)  # jacket opening
    for joints in limbs[:2]:
        for a, b in zip(joints, joints[1:]):
            _limb(pen, at(a), at(b), ARM * size, MARKER_MID)
    hx, hy = at(HEAD[:2])
    rx, ry = HEAD[2] * size, HEAD[3] * size
    pen.oval((hx - rx, hy - ry, hx + rx, hy + ry), fill=(*MARKER_LIGHT, 255), weight=1.3)
    if rx > FACE_DETAIL * pen.unit:
        _face(pen, hx, hy, rx, ry)
    chest = at((0.02, 0.24))
    tag_w = TAG * size
    return (Anchor(frozenset({"name-tag"}), (round(chest[0]), round(chest[1]), round(chest[0] + tag_w), round(chest[1] + tag_w * 0.6))),)
