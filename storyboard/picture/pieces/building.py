"""A modern glass building: a facade with a window grid, a side receding in perspective, a door."""

from __future__ import annotations

from storyboard.picture.pieces.stage import Anchor, Stage
from storyboard.picture.sketch import MARKER_DARK, MARKER_LIGHT, MARKER_MID, PAPER, Pen

# Facade (left, top, right, base) in fractions of the frame, per framing.
FACADE = {
    "wide": (0.03, -0.05, 0.42, 0.78),
    "medium": (-0.05, -0.05, 1.05, 0.56),
    "close-up": (-0.05, -0.05, 1.05, 0.5),
    "insert": (-0.05, -0.05, 1.05, 0.5),
}
COLUMNS = 6  # window bays across the facade
FLOOR = 0.085  # floor height, of the frame height
SIDE_DEPTH = 0.22  # how far the side face recedes toward the vanishing point (0..1)
DOOR = (0.12, 0.24)  # door width and height, of the frame width / height
DOOR_AT = 0.7  # door centre, across the facade
PLAQUE = (0.31, 0.2)  # plaque anchor width, of the frame width, and height, of the frame height
PLAQUE_GAP = 0.03  # between plaque and door, of the frame height
REFLECTIONS = 3  # diagonal glints across the glass


def _toward(p: tuple[float, float], vp: tuple[float, float], t: float) -> tuple[float, float]:
    """The point a fraction ``t`` of the way from ``p`` to ``vp``."""
    return p[0] + (vp[0] - p[0]) * t, p[1] + (vp[1] - p[1]) * t


def _side(pen: Pen, stage: Stage, right: int, top: int, base: int) -> None:
    """The side face, receding from the facade's right edge to the vanishing point."""
    vp = (stage.vanishing_x, stage.horizon)
    far_top, far_base = _toward((right, top), vp, SIDE_DEPTH), _toward((right, base), vp, SIDE_DEPTH)
    pen.shape([(right, top), far_top, far_base, (right, base)], fill=(*MARKER_MID, 255))
    floors = int((base - top) / stage.y(FLOOR))
    for i in range(1, floors + 1):
        y = base - i * stage.y(FLOOR)
        pen.line([(right, y), _toward((right, y), vp, SIDE_DEPTH)], weight=0.5, color=MARKER_DARK)


def _glass(pen: Pen, stage: Stage, box: tuple[int, int, int, int]) -> None:
    """Window grid and glints over the facade ``box``."""
    left, top, right, base = box
    bay = (right - left) / COLUMNS
    for i in range(1, COLUMNS):
        pen.line([(left + i * bay, top), (left + i * bay, base)], weight=0.7)
    y = base - stage.y(FLOOR)
    while y > top:
        pen.line([(left, y), (right, y)], weight=0.6)
        y -= stage.y(FLOOR)
    for i in range(REFLECTIONS):
        x = left + (right - left) * (0.15 + 0.3 * i) + pen.rng.uniform(-bay, bay) * 0.3
        span = (base - top) * 0.25
        pen.draw.line([(x, top + span * (1.2 + i)), (x + span * 0.6, top + span * (0.6 + i))], fill=(*PAPER, 200), width=pen.px(0.012))


def draw(pen: Pen, stage: Stage) -> tuple[Anchor, ...]:
    """The building for the framing; offers its facade to a plaque, neon or sign."""
    left, top, right, base = stage.box(*FACADE[stage.framing])
    if stage.framing == "wide":
        _side(pen, stage, right, top, base)
    pen.shape([(left, top), (right, top), (right, base), (left, base)], fill=(*MARKER_LIGHT, 255), weight=1.3)
    _glass(pen, stage, (left, top, right, base))
    styles = frozenset({"plaque", "neon", "sign"})
    if stage.framing != "wide":
        return (Anchor(styles, stage.box(0.52, 0.06, 0.94, 0.3)),)
    door_x = round(left + (right - left) * DOOR_AT)
    door = (door_x - stage.x(DOOR[0]) // 2, base - stage.y(DOOR[1]), door_x + stage.x(DOOR[0]) // 2, base)
    pen.shape([(door[0], door[1]), (door[2], door[1]), (door[2], door[3]), (door[0], door[3])], fill=(*MARKER_DARK, 255), weight=1.2)
    pen.line([(door_x, door[1]), (door_x, door[3])], weight=0.8)
    plaque_bottom = door[1] - stage.y(PLAQUE_GAP)
    middle = (left + right) // 2
    plaque = (middle - stage.x(PLAQUE[0]) // 2, plaque_bottom - stage.y(PLAQUE[1]), middle + stage.x(PLAQUE[0]) // 2, plaque_bottom)
    return (Anchor(styles, plaque),)
