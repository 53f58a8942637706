"""A log cabin or chalet inside: log walls, a stone fireplace with a fire, an armchair and a rug, a window on the snow."""

from __future__ import annotations

from storyboard.picture.props.tones import WOOD, WOOD_DARK, shade
from storyboard.picture.sets.rooms import room, window
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

LOGS = (176, 132, 92)
STONE = (168, 160, 150)
RUG = (150, 70, 62)
FOCUS = Focus(close=0.7, insert=(0.89, 0.82))
HAS = ("fireplace",)


def draw(s: Scene) -> None:
    """The cabin for the framing; offers the log wall above the fireplace, the window and the mantel."""
    wall = room(s, wall=LOGS, floor=shade(WOOD, 0.9), height=3.2)
    metre = s.metre(wall.bottom)
    y = wall.top
    while y < wall.bottom:
        s.line([(wall.left, y), (wall.right, y)], 0.5, shade(LOGS, 0.75))
        y += 0.3 * metre
    window(s, wall.at(0.72), wall.up(s, 2.3), wall.at(0.92), wall.up(s, 1.0), view=(236, 240, 246))
    s.stand("fireplace", wall.at(0.4), wall.bottom, 1.5)
    s.rect(wall.at(0.4) - 0.5 * metre, wall.up(s, 3.2), wall.at(0.4) + 0.5 * metre, wall.up(s, 1.5), STONE, 1.0)
    s.offer("wall", wall.at(0.04), wall.up(s, 2.6), wall.at(0.26), wall.up(s, 1.6))
    s.fill([(0.5, 0.8), (1.3, 0.8), (1.42, 0.96), (0.38, 0.96)], RUG)
    s.stand("chair", 1.25, 0.86, 1.0)
    s.rect(0.05, 0.78, 0.14, 0.84, WOOD_DARK, 0.8)
    s.stand("lamp", 0.1, 0.78, 0.5)
