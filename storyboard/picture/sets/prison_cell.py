"""A prison cell: bare block walls, a high barred window, a steel bunk, a toilet, and a front of bars onto the corridor."""

from __future__ import annotations

from storyboard.picture.props.tones import CONCRETE, DARK, GLASS, METAL, WHITE, shade
from storyboard.picture.sets.rooms import room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (200, 200, 190)
FOCUS = Focus(close=1.1, insert=(0.5, 0.72))


def _blocks(s: Scene, left: float, top: float, right: float, bottom: float, metre: float) -> None:
    """Courses of cinder blocks: a line every 0.2 m, joints staggered."""
    y, row = bottom, 0
    while y > top:
        s.line([(left, y), (right, y)], 0.3, shade(WALL, 0.85))
        x = left + (0.2 * metre if row % 2 else 0.0)
        while x < right:
            s.line([(x, y), (x, y - 0.2 * metre)], 0.3, shade(WALL, 0.85))
            x += 0.4 * metre
        y -= 0.2 * metre
        row += 1


def draw(s: Scene) -> None:
    """The cell for the framing; offers the back wall and the barred door."""
    wall = room(s, wall=WALL, floor=shade(CONCRETE, 0.85), floors="concrete", height=2.8)
    metre = s.metre(wall.bottom)
    _blocks(s, wall.left, wall.top, wall.at(0.62), wall.bottom, metre)
    pane = (wall.at(0.3), wall.up(s, 2.5), wall.at(0.42), wall.up(s, 2.05))
    s.rect(*pane, GLASS, 1.1)
    s.glow("window", *pane)
    for i in range(1, 4):
        x = pane[0] + (pane[2] - pane[0]) * i / 4
        s.line([(x, pane[1]), (x, pane[3])], 1.2, DARK)
    bunk = (wall.at(0.03), wall.up(s, 0.55), wall.at(0.36), wall.up(s, 0.4))
    s.rect(bunk[0], bunk[1] - 0.02, bunk[2], bunk[1], shade(WHITE, 0.9), 0.9)
    s.rect(*bunk, METAL, 1.1)
    for x in (bunk[0] + 0.02, bunk[2] - 0.02):
        s.rect(x - 0.005, bunk[3], x + 0.005, wall.bottom, DARK, 0.6)
    s.rect(wall.at(0.45), wall.up(s, 0.45), wall.at(0.53), wall.bottom, METAL, 1.0)
    s.oval(wall.at(0.44), wall.up(s, 0.5), wall.at(0.54), wall.up(s, 0.4), shade(METAL, 1.1), 0.9)
    front = (wall.at(0.62), wall.top, wall.right, wall.bottom)
    s.rect(*front, shade(WALL, 0.55), 1.2)
    s.glow("lamp", wall.at(0.75), wall.up(s, 2.6), wall.at(0.85), wall.up(s, 2.5))
    bar = front[0]
    while bar <= front[2]:
        s.band((bar, front[1]), (bar, front[3]), 0.01, DARK, 0.6)
        bar += (front[2] - front[0]) / 12
    for height in (0.15, 1.1, 2.6):
        s.rect(front[0], wall.up(s, height) - 0.008, front[2], wall.up(s, height) + 0.008, DARK, 0.8)
    s.rect(wall.at(0.76), wall.up(s, 1.15), wall.at(0.8), wall.up(s, 0.95), METAL, 0.8)
    s.offer("door", wall.at(0.66), wall.up(s, 2.3), wall.at(0.96), wall.up(s, 1.8))
    s.offer("wall", wall.at(0.05), wall.up(s, 1.9), wall.at(0.3), wall.up(s, 1.3))
