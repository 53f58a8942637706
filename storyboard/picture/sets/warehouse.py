"""A warehouse: a high corrugated shed, a strip of high windows, steel racks of boxes, stacked crates, a loading door."""

from __future__ import annotations

from storyboard.picture.props.tones import CONCRETE, METAL, ORANGE, shade
from storyboard.picture.sets.rooms import on_side_wall, pendant, roller_door, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (178, 186, 190)
LEVELS = (0.2, 1.6, 3.0)  # rack shelves, metres above the floor
FOCUS = Focus(close=0.6, insert=(0.9, 0.86))


def _rack(s: Scene, left: float, right: float, bottom: float, metre: float) -> None:
    """A steel rack: orange beams on grey uprights, each level loaded with boxes."""
    for x in (left, right):
        s.rect(x - 0.008, bottom - 4.2 * metre, x + 0.008, bottom, METAL, 0.8)
    for level in LEVELS:
        y = bottom - level * metre
        s.rect(left, y - 0.1 * metre, right, y, ORANGE, 0.8)
        x = left + 0.6 * metre
        while x < right - 0.5 * metre:
            s.place("box", x - 0.5 * metre, y - 0.1 * metre - 0.8 * metre, x + 0.5 * metre, y - 0.1 * metre)
            x += 1.15 * metre


def draw(s: Scene) -> None:
    """The warehouse for the framing; offers the back wall, the loading door and the floor."""
    wall = room(s, wall=WALL, floor=shade(CONCRETE, 0.92), floors="concrete", height=7.0, ceiling=(170, 172, 170))
    x = wall.left
    while x < wall.right:
        s.line([(x, wall.top), (x, wall.bottom)], 0.3, shade(WALL, 0.85))
        x += 0.03
    s.rect(wall.left + 0.02, wall.up(s, 6.5), wall.right - 0.02, wall.up(s, 5.8), (206, 218, 224), 1.0)
    s.glow("window", wall.left + 0.02, wall.up(s, 6.5), wall.right - 0.02, wall.up(s, 5.8))
    roller_door(s, wall, 0.38, 0.62, 4.0)
    s.offer("wall", wall.at(0.38), wall.up(s, 5.6), wall.at(0.62), wall.up(s, 4.3))
    for x in (wall.at(0.25), wall.at(0.5), wall.at(0.75)):
        pendant(s, x, wall.up(s, 4.6), 0.1, METAL)
    metre = s.metre(wall.bottom)
    _rack(s, wall.at(0.03), wall.at(0.34), wall.bottom, metre)
    _rack(s, wall.at(0.66), wall.at(0.97), wall.bottom, metre)
    for right in (False, True):
        for near in ((1.15, 1.4), (1.6, 2.0)):
            s.shape(on_side_wall(s, wall, right, near, (0.0, 4.5)), shade(METAL, 0.9), 0.8)
    for x, floor_y in ((0.7, 0.82), (0.78, 0.86), (1.3, 0.9)):
        s.stand("crate", x, floor_y, 0.8)
    s.stand("crate", 0.74, 0.82, 0.7, lift=0.8)
    s.offer("floor", 0.4, 0.78, 1.4, 1.0)
