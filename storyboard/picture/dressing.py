"""Set dressing: where each prop of a staging goes in the drawn frame, on what can hold it.

A prop is as tall as :attr:`~storyboard.picture.props.PropKind.scale` times a
standing adult of the shot, and rests where its kind says: on the floor or the
ground (by the people, not on them), on a table, desk or counter the set or a
piece of furniture offers (a table is brought in when there is none), on a
wall, in the sky, or in the hands of whoever holds it. An insert's object is
drawn large in the middle of the frame, standing on the set's working surface.
Tables and desks stand in front of the people at them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from storyboard.picture.props import PROPS
from storyboard.picture.sketch import Pen
from storyboard.picture.surface import SUBJECT, Box, Surface

TOPS = ("table", "desk", "counter", "bar", "shelf")  # surface kinds a prop can stand on
FRONT = frozenset({"table", "desk", "counter"})  # furniture drawn in front of the people at it
WALLS = ("wall", "board", "window", "facade")
MIN_PROP = 0.05  # of the frame height: smaller would be a speck
MAX_PROP = (0.9, 0.85)  # of the width and the height
INSERT = {"insert": 0.36, "close-up": 0.24}  # an insert's object: its area, of the frame's
INSERT_MAX = (0.8, 0.86)  # ...and at most this much of the width and the height
INSERT_ASIDE = 0.38  # where across the frame an insert's object stands when other things share the frame
SLOTS = (0.5, 0.68, 0.32, 0.82, 0.18, 0.6, 0.4, 0.9, 0.1)  # where along the width a prop may go, best first
MARGIN = 1.08  # a carrier holds its sign with room to spare (rounding, a little border)
FLOOR = {"wide": 0.87, "medium": 0.99, "close-up": 1.0}  # where the floor props stand, of the height


class Placed(NamedTuple):
    """A prop and the box it is drawn in."""

    name: str
    box: Box


def size(name: str, adult: float, width: int, height: int) -> tuple[int, int]:
    """The prop's width and height next to an adult ``adult`` px tall, within the frame."""
    kind = PROPS[name]
    h = max(kind.scale * adult, MIN_PROP * height)
    w = h * kind.aspect
    shrink = min(1.0, MAX_PROP[0] * width / w, MAX_PROP[1] * height / h)
    return max(2, round(w * shrink)), max(2, round(h * shrink))


def _overlap(a: Box, b: Box) -> int:
    return max(0, min(a[2], b[2]) - max(a[0], b[0])) * max(0, min(a[3], b[3]) - max(a[1], b[1]))


def _best_slot(w: int, h: int, bottom: int, taken: Sequence[Box], x0: int, x1: int) -> tuple[int, int, Box]:
    """(how much of ``taken`` it covers, its rank, the box) for the best slot between ``x0`` and ``x1``."""
    options = []
    for rank, slot in enumerate(SLOTS):
        cx = x0 + (x1 - x0) * slot
        left = round(min(max(cx - w / 2, x0), max(x0, x1 - w)))
        box = (left, bottom - h, left + w, bottom)
        options.append((sum(_overlap(box, t) for t in taken), rank, box))
    return min(options)


def free_box(w: int, h: int, bottom: int, taken: Sequence[Box], width: int, within: Box | None = None) -> Box:
    """A ``w`` x ``h`` box standing on ``bottom``, at the slot along the width that covers the least of ``taken``."""
    x0, x1 = (within[0], within[2]) if within else (0, width)
    return _best_slot(w, h, bottom, taken, x0, x1)[2]


def on_a_top(w: int, h: int, standing: Sequence[Surface], taken: Sequence[Box]) -> Box:
    """The place on the tops ``standing`` (nearest first) where a ``w`` x ``h`` thing covers the least of ``taken``.

    On furniture in front of the people (a table brought for them) things may stand before them.
    """
    options = []
    for order, top in enumerate(standing):
        hides = () if top.depth >= SUBJECT else taken
        narrow = top.box[2] - top.box[0] < w  # it stands on the top, overhanging its ends if it must
        middle = (top.box[0] + top.box[2]) // 2
        x0, x1 = (middle - w // 2, middle + w - w // 2) if narrow else (top.box[0], top.box[2])
        cost, rank, box = _best_slot(w, h, round((top.box[1] + top.box[3]) / 2), hides, x0, x1)
        options.append((narrow, cost, order, rank, box))
    return min(options)[4]


def tops(surfaces: Sequence[Surface]) -> list[Surface]:
    """The surfaces a prop can stand on, nearest first."""
    return sorted((s for s in surfaces if s.kind in TOPS), key=lambda s: (-s.depth, -s.box[3]))


def wall_line(surfaces: Sequence[Surface], height: int) -> int:
    """Where a wall prop's bottom goes: in the middle of the set's wall, else a third of the way down."""
    wall = next((s for s in surfaces if s.kind in WALLS), None)
    return round((wall.box[1] + wall.box[3]) / 2) if wall else round(height * 0.42)


def resting_place(name: str, framing: str, adult: float, surfaces: Sequence[Surface], taken: Sequence[Box],
                  width: int, height: int, at_least: tuple[int, int] = (0, 0), exact: bool = False) -> Box:
    """The box of a prop nobody holds: on a top, the floor, a wall or in the sky (at least ``at_least`` big; with
    ``exact``, just that big: a carrier brought for a sign is no bigger than the sign needs)."""
    w, h = at_least if exact else size(name, adult, width, height)
    w, h = max(w, at_least[0]), max(h, at_least[1])
    rests = PROPS[name].rests_on
    standing = tops(surfaces)
    if rests in ("table", "hand") and standing:
        box = on_a_top(w, h, standing, taken)
        # too tall for the top it would stand on (a carrier for a long sign): it stands at the frame's foot instead
        return box if box[1] >= 0 else free_box(w, h, height, taken, width)
    if rests == "wall":
        return free_box(w, h, wall_line(surfaces, height) + h // 2, taken, width)
    if rests == "sky":
        return free_box(w, h, round(height * 0.12) + h, taken, width)
    return free_box(w, h, round(height * FLOOR.get(framing, 1.0)), taken, width)


def insert_box(name: str, framing: str, surfaces: Sequence[Surface], width: int, height: int, others: int = 0,
               at_least: tuple[int, int] = (0, 0)) -> Box:
    """An insert's object: large, centred, standing on the set's working surface when it has one.

    With ``others`` props beside it, it leaves them room; ``at_least`` keeps it big enough for the sign it carries.
    """
    kind = PROPS[name]
    h = (INSERT.get(framing, 0.3) / (1 + 0.6 * others) * width * height / kind.aspect) ** 0.5
    w = h * kind.aspect
    w, h = max(w, at_least[0]), max(h, at_least[1])
    shrink = min(1.0, INSERT_MAX[0] * width / w, INSERT_MAX[1] * height / h)
    w, h = round(w * shrink), round(h * shrink)
    standing = tops(surfaces)
    if kind.rests_on in ("table", "hand") and standing:  # on the desk or counter the insert looks at
        bottom = round((standing[0].box[1] + standing[0].box[3]) / 2)
    else:  # a door, a box on the floor: from the frame's foot; a clock on the wall: in the middle
        bottom = height if kind.rests_on in ("floor", "ground") else 0
    bottom = min(max(bottom, round(height * 0.5 + h / 2)), round(height * (0.93 if kind.rests_on != "floor" else 1.0)))
    centre = INSERT_ASIDE if others else 0.5  # things beside it get the rest of the frame
    left = min(max(round(width * centre - w / 2), 0), width - w)
    return left, bottom - h, left + w, bottom


def beside(name: str, subject: str, subject_box: Box, taken: Sequence[Box], width: int, height: int) -> Box:
    """Another prop of an insert, sized against the insert's object and standing on the same line."""
    ratio = PROPS[name].scale / max(PROPS[subject].scale, 1e-3)
    subject_h = subject_box[3] - subject_box[1]
    h = max(min(round(subject_h * ratio), round(subject_h * 1.1), round(height * 0.6)), round(height * 0.12))
    w = min(round(h * PROPS[name].aspect), width // 3)
    return free_box(w, h, subject_box[3], taken, width)


@lru_cache(maxsize=64)
def offered(name: str) -> dict[str, tuple[float, float, float, float]]:
    """The surfaces prop ``name`` offers, as fractions of its box (learnt by drawing it once, small, off-frame)."""
    from PIL import Image

    side = 400
    pen = Pen(Image.new("RGB", (side, side)), random.Random(0))
    return {s.kind: (s.box[0] / side, s.box[1] / side, s.box[2] / side, s.box[3] / side)
            for s in PROPS[name].draw(pen, (0, 0, side, side))}


def carrier_size(name: str, kind: str, aspect: float, least: int, adult: float, width: int, height: int,
                 above: bool = False, smallest: bool = False) -> tuple[int, int]:
    """The size of prop ``name`` at which its surface ``kind`` holds a sign of ``aspect`` at least ``least`` px tall
    (``above``: the sign stands above the surface, a hologram over its desk: only the surface's width counts); its
    usual size if that is larger, unless ``smallest``."""
    w, h = (PROPS[name].aspect, 1.0) if smallest else size(name, adult, width, height)
    u0, v0, u1, v1 = offered(name).get(kind, (0.0, 0.0, 1.0, 1.0))
    held = (u1 - u0) * w / aspect if above else min((v1 - v0) * h, (u1 - u0) * w / aspect)
    grow = least * MARGIN / max(held, 1e-6)
    grow = grow if smallest else max(1.0, grow)
    return round(w * grow), round(h * grow)


def hand_box(name: str, hands: Sequence[tuple[float, float]], adult: float, width: int, height: int,
             at_least: tuple[int, int] = (0, 0)) -> Box:
    """A held prop, centred between (or at) the hands (at least ``at_least`` big: a badge shown to be read)."""
    w, h = size(name, adult, width, height)
    w, h = max(w, at_least[0]), max(h, at_least[1])
    cx = sum(x for x, _ in hands) / len(hands)
    cy = sum(y for _, y in hands) / len(hands)
    if PROPS[name].rests_on in ("floor", "table"):  # carried in front: the hands hold its lower half
        cy -= h * 0.2
    return round(cx - w / 2), round(cy - h / 2), round(cx + w / 2), round(cy + h / 2)
