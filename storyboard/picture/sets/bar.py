"""A bar: shelves of bottles against a mirror, a dark wood counter with stools, low hanging lamps, a neon sign."""

from __future__ import annotations

from storyboard.picture.props.tones import GLASS, WOOD_DARK, shade
from storyboard.picture.sets.rooms import counter, pendant, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (120, 96, 86)
FLOOR = (110, 86, 70)
SHELVES = (1.0, 1.4, 1.8)  # metres up the wall
FOCUS = Focus(close=0.89, insert=(0.6, 0.61))


def draw(s: Scene) -> None:
    """The bar for the framing; offers the wall for a neon sign, the mirror and the bar top."""
    wall = room(s, wall=WALL, floor=FLOOR, floors="boards")
    left, right = wall.at(0.12), wall.at(0.88)
    s.rect(left, wall.up(s, 2.2), right, wall.up(s, 1.0), GLASS, 1.1)
    s.offer("window", left, wall.up(s, 2.2), right, wall.up(s, 1.95))
    for metres in SHELVES:
        s.rect(left, wall.up(s, metres), right, wall.up(s, metres - 0.05), WOOD_DARK, 0.8)
        x = left + 0.03
        while x < right - 0.02:
            s.stand("bottle", x, wall.bottom, s.rng.uniform(0.22, 0.32), lift=metres)
            x += 0.045
    s.offer("wall", wall.at(0.3), wall.up(s, 2.9), wall.at(0.7), wall.up(s, 2.3))
    top = counter(s, 0.2, 1.58, 0.8, 1.1, shade(WOOD_DARK, 0.9), shade(WOOD_DARK, 1.2), "counter")
    s.stand("wine glass", 0.6, 0.8, 0.18, lift=1.1)
    s.stand("bottle", 1.1, 0.8, 0.3, lift=1.1)
    x = 0.3
    while x < 1.58:
        s.stand("stool", x, 0.92, 0.8)
        x += 0.22
    for x in (0.5, 0.89, 1.28):
        pendant(s, x, top - 0.28, 0.07)
