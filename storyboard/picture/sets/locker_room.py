"""A locker room: a row of tall steel lockers along a tiled wall, a long bench in front, a tactics board, strip lights."""

from __future__ import annotations

from storyboard.picture.props.tones import BLUE, DARK, METAL, WHITE, WOOD, shade
from storyboard.picture.sets.rooms import ceiling_panels, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (214, 222, 226)
LOCKERS = (0.0, 0.62)  # the lockers' run across the back wall, of its width
LOCKER_COUNT = 9
FOCUS = Focus(close=0.7, insert=(0.5, 0.78))


def draw(s: Scene) -> None:
    """The locker room for the framing; offers the tactics board, the lockers' doors and the wall over them."""
    wall = room(s, wall=WALL, floors="tiles")
    ceiling_panels(s, wall)
    width = (wall.at(LOCKERS[1]) - wall.at(LOCKERS[0])) / LOCKER_COUNT
    for i in range(LOCKER_COUNT):
        x = wall.at(LOCKERS[0]) + i * width
        s.rect(x, wall.up(s, 2.0), x + width, wall.bottom, shade(BLUE, 1.15), 0.9)
        for v in (1.85, 1.75, 1.65):
            s.line([(x + width * 0.3, wall.up(s, v)), (x + width * 0.7, wall.up(s, v))], 0.5, DARK)
        s.rect(x + width * 0.78, wall.up(s, 1.1), x + width * 0.86, wall.up(s, 0.9), METAL, 0.5)
    s.offer("door", wall.at(LOCKERS[0]) + width * 0.1, wall.up(s, 1.5), wall.at(LOCKERS[0]) + width * 0.9, wall.up(s, 1.2))
    s.offer("wall", wall.at(0.05), wall.up(s, 2.7), wall.at(0.55), wall.up(s, 2.15))
    board = (wall.at(0.68), wall.up(s, 2.2), wall.at(0.96), wall.up(s, 0.9))
    s.rect(*board, WHITE, 1.2)
    for a, b in (((0.72, 1.9), (0.8, 1.5)), ((0.84, 1.3), (0.9, 1.7))):
        s.line([(wall.at(a[0]), wall.up(s, a[1])), (wall.at(b[0]), wall.up(s, b[1]))], 0.6, BLUE)
    s.offer("board", board[0] + 0.01, board[1] + 0.01, board[2] - 0.01, board[3] - 0.01)
    s.rect(wall.at(0.04), wall.up(s, 0.42), wall.at(0.6), wall.up(s, 0.36), WOOD, 0.9)
    for u in (0.08, 0.32, 0.56):
        s.rect(wall.at(u) - 0.005, wall.up(s, 0.36), wall.at(u) + 0.005, wall.bottom, shade(WOOD, 0.7), 0.6)
