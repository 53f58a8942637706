"""A garage: a roll-up door, a workbench under a pegboard of tools, shelves of boxes, a parked car, a bare bulb."""

from __future__ import annotations

from storyboard.picture.props.tones import CONCRETE, WOOD, YELLOW, shade
from storyboard.picture.sets.rooms import counter, roller_door, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (196, 196, 190)
FOCUS = Focus(close=1.2, insert=(1.28, 0.56))


def draw(s: Scene) -> None:
    """The garage for the framing; offers the door, the pegboard wall and the workbench."""
    wall = room(s, wall=WALL, floor=shade(CONCRETE, 0.9), floors="concrete")
    roller_door(s, wall, 0.04, 0.46, 2.5)
    board = (wall.at(0.6), wall.up(s, 2.2), wall.at(0.95), wall.up(s, 1.2))
    s.rect(*board, shade(WOOD, 1.15), 1.1)
    s.offer("wall", *board)
    for i, name in enumerate(("hammer", "wrench", "hammer", "wrench")):
        x = board[0] + (board[2] - board[0]) * (0.15 + i * 0.23)
        s.stand(name, x, wall.bottom, 0.45, lift=1.4)
    top = counter(s, wall.at(0.58), wall.at(0.97), wall.bottom, 0.9, WOOD, shade(WOOD, 0.8), "table")
    s.stand("toolbox", wall.at(0.7), wall.bottom, 0.3, lift=0.9)
    s.stand("crate", wall.at(0.88), wall.bottom, 0.4, lift=0.9)
    s.stand("barrel", wall.at(0.52), wall.bottom, 0.9)
    s.stand("car", 0.62, 0.9, 1.45)
    s.stand("box", 1.55, 0.86, 0.5)
    s.stand("ladder", 1.68, 0.8, 2.6)
    s.line([(0.95, -1.0), (0.95, top - 0.3)], 0.6)
    s.oval(0.93, top - 0.3, 0.97, top - 0.26, YELLOW, 0.6)
    s.glow("lamp", 0.93, top - 0.3, 0.97, top - 0.26)
