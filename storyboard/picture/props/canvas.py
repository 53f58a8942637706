"""Drawing in a box's own coordinates with the panel's pencil and marker.

A :class:`Canvas` maps (u, v) to pixels by an offset and a scale, so a prop is
drawn in its box's unit square ((0, 0) top left, (1, 1) bottom right) and a set
in its world's units; every shape is a pencil outline over a flat marker fill
(see :class:`~storyboard.picture.sketch.Pen`). Lines thin out on small boxes so
a prop far away in a wide shot does not turn into a blot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from storyboard.picture.props.tones import LINE, Tone
from storyboard.picture.sketch import Pen
from storyboard.picture.surface import SUBJECT, Box, Surface

Point = tuple[float, float]

FULL_WEIGHT_AT = 0.25  # boxes whose short side is this fraction of the frame's get full-weight lines
THINNEST = 0.35  # the lightest line weight on tiny boxes
CORNER_STEPS = 4  # points per rounded corner


def polar(cx: float, cy: float, r: float, degrees: float) -> Point:
    """The point ``r`` from (``cx``, ``cy``) at ``degrees`` (0 = right, 90 = down)."""
    return cx + r * math.cos(math.radians(degrees)), cy + r * math.sin(math.radians(degrees))


def arc(cx: float, cy: float, rx: float, ry: float, start: float, end: float, steps: int = 12) -> list[Point]:
    """Points on an ellipse from angle ``start`` to ``end`` (degrees, 0 = right, 90 = down)."""
    angles = [math.radians(start + (end - start) * i / steps) for i in range(steps + 1)]
    return [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in angles]


def ring(cx: float, cy: float, outer: float, inner: float, start: float, end: float, steps: int = 12) -> list[Point]:
    """The outline of a band between two circles' arcs from ``start`` to ``end`` degrees (a handle, a hook)."""
    return [*arc(cx, cy, outer, outer, start, end, steps), *arc(cx, cy, inner, inner, end, start, steps)]


def rounded(u0: float, v0: float, u1: float, v1: float, ru: float, rv: float) -> list[Point]:
    """The outline of a rectangle with corners rounded by ``ru`` across and ``rv`` down."""
    return [*arc(u1 - ru, v0 + rv, ru, rv, 270, 360, CORNER_STEPS), *arc(u1 - ru, v1 - rv, ru, rv, 0, 90, CORNER_STEPS),
            *arc(u0 + ru, v1 - rv, ru, rv, 90, 180, CORNER_STEPS), *arc(u0 + ru, v0 + rv, ru, rv, 180, 270, CORNER_STEPS)]


class Canvas:
    """A pen drawing in coordinates ``(u, v)`` -> ``(left + u * sx, top + v * sy)`` pixels."""

    def __init__(self, pen: Pen, left: float, top: float, sx: float, sy: float, depth: int = SUBJECT) -> None:
        self.pen = pen
        self.left, self.top, self.sx, self.sy = left, top, sx, sy
        self.depth = depth
        self.weight = max(THINNEST, min(1.0, min(abs(sx), abs(sy)) / (FULL_WEIGHT_AT * pen.unit)))

    @classmethod
    def of_box(cls, pen: Pen, box: Box) -> Canvas:
        """A canvas whose unit square is ``box``."""
        return cls(pen, box[0], box[1], box[2] - box[0], box[3] - box[1])

    def at(self, u: float, v: float) -> Point:
        """The pixel point of ``(u, v)``."""
        return self.left + u * self.sx, self.top + v * self.sy

    def box(self, u0: float, v0: float, u1: float, v1: float) -> Box:
        """The pixel box of the rectangle ``(u0, v0)``-``(u1, v1)``."""
        (x0, y0), (x1, y1) = self.at(u0, v0), self.at(u1, v1)
        return round(min(x0, x1)), round(min(y0, y1)), round(max(x0, x1)), round(max(y0, y1))

    def shape(self, points: Sequence[Point], tone: Tone | None, weight: float = 1.0) -> None:
        """A closed polygon: a marker fill of ``tone`` (none when None) under a pencil outline."""
        self.pen.shape([self.at(*p) for p in points], None if tone is None else (*tone, 255), weight * self.weight)

    def fill(self, points: Sequence[Point], tone: Tone, alpha: int = 255) -> None:
        """A polygon of marker only, no outline."""
        self.pen.fill_polygon([self.at(*p) for p in points], (*tone, alpha))

    def rect(self, u0: float, v0: float, u1: float, v1: float, tone: Tone | None, weight: float = 1.0) -> None:
        """A rectangle, filled and outlined."""
        self.shape([(u0, v0), (u1, v0), (u1, v1), (u0, v1)], tone, weight)

    def round_rect(self, u0: float, v0: float, u1: float, v1: float, radius: float, tone: Tone | None,
                   weight: float = 1.0) -> None:
        """A rectangle with rounded corners; ``radius`` in pixels of the shorter side's fraction."""
        r = radius * min(abs(u1 - u0) * abs(self.sx), abs(v1 - v0) * abs(self.sy))
        self.shape(rounded(u0, v0, u1, v1, r / abs(self.sx), r / abs(self.sy)), tone, weight)

    def oval(self, u0: float, v0: float, u1: float, v1: float, tone: Tone | None, weight: float = 1.0) -> None:
        """An ellipse in the rectangle ``(u0, v0)``-``(u1, v1)``."""
        x0, y0, x1, y1 = self.box(u0, v0, u1, v1)
        self.pen.oval((x0, y0, max(x1, x0 + 1), max(y1, y0 + 1)), None if tone is None else (*tone, 255), weight * self.weight)

    def line(self, points: Sequence[Point], weight: float = 1.0, color: Tone = LINE) -> None:
        """A pencil line through ``points``."""
        self.pen.line([self.at(*p) for p in points], weight * self.weight, color)

    def band(self, a: Point, b: Point, width: float, tone: Tone, weight: float = 1.0) -> None:
        """A straight band from ``a`` to ``b``, ``width`` wide (in u units), filled and outlined (a pole, a strap)."""
        (ax, ay), (bx, by) = self.at(*a), self.at(*b)
        length = math.hypot(bx - ax, by - ay) or 1.0
        half = width * abs(self.sx) / 2
        nx, ny = -(by - ay) / length * half, (bx - ax) / length * half
        self.pen.shape([(ax + nx, ay + ny), (bx + nx, by + ny), (bx - nx, by - ny), (ax - nx, ay - ny)], (*tone, 255),
                       weight * self.weight)

    def surface(self, kind: str, u0: float, v0: float, u1: float, v1: float) -> Surface:
        """A :class:`Surface` of ``kind`` over the rectangle ``(u0, v0)``-``(u1, v1)``."""
        return Surface(kind, self.box(u0, v0, u1, v1), self.depth)
