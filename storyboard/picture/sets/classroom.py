"""A classroom: a blackboard and a clock on the front wall, the teacher's desk, rows of pupils' desks and chairs."""

from __future__ import annotations

from storyboard.picture.props.tones import WOOD, shade
from storyboard.picture.sets.rooms import ceiling_panels, room, window
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (232, 222, 190)
ROWS = (0.8, 0.9, 1.02)  # world y of each row of desks
FOCUS = Focus(close=0.89, insert=(0.5, 0.8))


def draw(s: Scene) -> None:
    """The classroom for the framing; offers the blackboard and the desk tops."""
    wall = room(s, wall=WALL, floor=shade(WOOD, 1.1))
    ceiling_panels(s, wall)
    s.stand("blackboard", wall.at(0.5), wall.bottom, 1.3, lift=0.9)
    s.stand("clock", wall.at(0.5), wall.bottom, 0.35, lift=2.4)
    for a in (0.03, 0.83):
        window(s, wall.at(a), wall.up(s, 2.5), wall.at(a + 0.14), wall.up(s, 1.0))
    s.stand("plant", wall.at(0.25), wall.bottom, 0.9)
    s.stand("desk", wall.at(0.78), 0.76, 0.75)
    s.stand("book", wall.at(0.74), 0.76, 0.2, lift=0.75)
    for floor_y in ROWS:
        x = 0.2
        while x < 1.7:
            s.stand("chair", x + 0.03, floor_y + 0.01, 0.8)
            s.stand("table", x, floor_y - 0.02, 0.7)
            x += 0.38
