"""An interrogation room: bare grey walls, a one-way mirror, a metal table and two chairs under a hanging lamp."""

from __future__ import annotations

from storyboard.picture.props.tones import BLACK, DARK, METAL, shade
from storyboard.picture.sets.rooms import pendant, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (176, 178, 174)
MIRROR = (70, 80, 92)
TABLE = (0.89, 0.86)  # x, floor y
FOCUS = Focus(close=0.6, insert=(0.89, 0.68))


def draw(s: Scene) -> None:
    """The interrogation room for the framing; offers the mirror and the table top."""
    wall = room(s, wall=WALL, floor=shade(WALL, 0.75), floors="concrete", height=2.8)
    mirror = (wall.at(0.12), wall.up(s, 2.2), wall.at(0.58), wall.up(s, 1.0))
    s.rect(mirror[0] - 0.01, mirror[1] - 0.01, mirror[2] + 0.01, mirror[3] + 0.01, METAL, 1.1)
    s.rect(*mirror, MIRROR, 1.0)
    s.line([(mirror[0] + 0.05, mirror[3] - 0.05), (mirror[0] + 0.15, mirror[1] + 0.05)], 1.2, shade(MIRROR, 1.4))
    s.offer("window", *mirror)
    s.rect(wall.at(0.72), wall.up(s, 2.1), wall.at(0.86), wall.bottom, shade(METAL, 0.85), 1.2)
    s.rect(wall.right - 0.08, wall.top + 0.01, wall.right - 0.02, wall.top + 0.05, BLACK, 0.8)
    x, floor_y = TABLE
    metre = s.metre(floor_y)
    for dx in (-0.9, 0.9):
        s.stand("chair", x + dx * metre, floor_y - 0.01, 0.9)
    s.stand("table", x, floor_y, 0.75)
    s.stand("folder", x - 0.3 * metre, floor_y, 0.1, lift=0.75)
    s.stand("mug", x + 0.35 * metre, floor_y, 0.1, lift=0.75)
    pendant(s, x, floor_y - 1.9 * metre, 0.12, DARK)
