"""A restaurant dining room: wood panelling, framed pictures, tables laid with white cloths, candles, chairs."""

from __future__ import annotations

from storyboard.picture.props.tones import WHITE, WOOD, WOOD_DARK, shade
from storyboard.picture.sets.rooms import curtains, pendant, room, window
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (214, 190, 160)
TABLES = ((0.45, 0.8), (1.3, 0.8), (0.9, 0.96))  # x, floor y
FOCUS = Focus(close=0.89, insert=(0.9, 0.79))


def _laid_table(s: Scene, x: float, floor_y: float) -> None:
    """A table with a white cloth, two chairs, plates, glasses and a candle."""
    metre = s.metre(floor_y)
    for dx in (-0.55, 0.55):
        s.stand("chair", x + dx * metre, floor_y - 0.02, 0.95)
    half = 0.5 * metre
    top = floor_y - 0.75 * metre
    s.shape([(x - half * 0.9, top - 0.12 * metre), (x + half * 0.9, top - 0.12 * metre),
             (x + half, top), (x - half, top)], WHITE, 1.1)
    s.shape([(x - half, top), (x + half, top), (x + half * 1.02, floor_y - 0.25 * metre),
             (x - half * 1.02, floor_y - 0.25 * metre)],
            WHITE, 1.1)
    s.offer("table", x - half * 0.9, top - 0.12 * metre, x + half * 0.9, top)
    s.stand("plate", x - 0.22 * metre, floor_y, 0.06, lift=0.78)
    s.stand("wine glass", x + 0.25 * metre, floor_y, 0.2, lift=0.75)
    s.stand("candle", x, floor_y, 0.16, lift=0.75)


def draw(s: Scene) -> None:
    """The restaurant for the framing; offers the wall, the windows and the tables."""
    wall = room(s, wall=WALL, floor=shade(WOOD, 0.9))
    s.rect(wall.left, wall.up(s, 1.1), wall.right, wall.bottom, WOOD_DARK, 1.0)
    x = wall.left
    while x < wall.right:
        s.line([(x, wall.up(s, 1.05)), (x, wall.bottom)], 0.5)
        x += 0.12
    for a, b in ((0.05, 0.22), (0.78, 0.95)):
        window(s, wall.at(a), wall.up(s, 2.5), wall.at(b), wall.up(s, 1.2))
        curtains(s, wall.at(a), wall.up(s, 2.6), wall.at(b), wall.up(s, 1.2), (140, 60, 60))
    for a in (0.36, 0.58):
        s.stand("photo", wall.at(a), wall.bottom, 0.6, lift=1.6)
    s.offer("wall", wall.at(0.3), wall.up(s, 2.9), wall.at(0.7), wall.up(s, 2.4))
    for x, floor_y in TABLES:
        pendant(s, x, wall.top + 0.06, 0.07)
        _laid_table(s, x, floor_y)
