"""A plain room: painted walls, a window, a door, a wooden floor; for an interior the description does not name."""

from __future__ import annotations

from storyboard.picture.props.tones import WOOD, shade
from storyboard.picture.sets.rooms import pendant, room, window
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (226, 222, 214)
FOCUS = Focus(close=1.0, insert=(0.47, 0.58))


def draw(s: Scene) -> None:
    """The room for the framing; offers its walls, window and floor."""
    wall = room(s, wall=WALL, floor=shade(WOOD, 1.15))
    window(s, wall.at(0.55), wall.up(s, 2.3), wall.at(0.8), wall.up(s, 1.0))
    s.stand("door", wall.at(0.16), wall.bottom, 2.2)
    s.stand("chair", wall.at(0.92), wall.bottom + 0.02, 0.9)
    pendant(s, wall.at(0.5), wall.top + 0.08, 0.1)
