"""A shop counter (a bakery): a glass display case of cakes and bread, shelves of loaves, a till, a chalk menu."""

from __future__ import annotations

from storyboard.picture.props.tones import BLACK, CHALKBOARD, GLASS, METAL, WHITE, WOOD, shade
from storyboard.picture.sets.rooms import counter, pendant, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (236, 220, 196)
CASE = (0.3, 1.48, 0.86)  # left, right, floor y of the display counter
FOCUS = Focus(close=0.89, insert=(0.7, 0.66))


def draw(s: Scene) -> None:
    """The shop for the framing; offers the menu board, the shelves and the counter top."""
    wall = room(s, wall=WALL, floors="tiles", floor=(214, 206, 190))
    for metres in (1.0, 1.5, 2.0):
        s.rect(wall.at(0.05), wall.up(s, metres), wall.at(0.42), wall.up(s, metres - 0.05), WOOD, 0.9)
        x = wall.at(0.08)
        while x < wall.at(0.4):
            s.stand("bread", x, wall.bottom, 0.16, lift=metres)
            x += 0.07
    s.offer("shelf", wall.at(0.05), wall.up(s, 2.4), wall.at(0.42), wall.up(s, 2.05))
    board = (wall.at(0.5), wall.up(s, 2.7), wall.at(0.95), wall.up(s, 1.5))
    s.rect(*board, CHALKBOARD, 1.2)
    s.rect(board[0] - 0.01, board[1] - 0.01, board[2] + 0.01, board[3] + 0.01, None, 1.0)
    s.offer("board", *board)
    for x in (wall.at(0.25), wall.at(0.75)):
        pendant(s, x, wall.top + 0.08, 0.08, WHITE)
    left, right, floor_y = CASE
    metre = s.metre(floor_y)
    top = counter(s, left, right, floor_y, 1.0, shade(WOOD, 0.9), WHITE)
    s.rect(left + 0.03, top + 0.05 * metre, right - 0.03, floor_y - 0.35 * metre, GLASS, 1.0)
    for i, name in enumerate(("cake", "bread", "cake", "bread", "cake")):
        s.stand(name, left + 0.14 + i * 0.23, floor_y - 0.38 * metre, 0.3 if name == "cake" else 0.2)
    s.rect(right - 0.28, top - 0.3 * metre, right - 0.06, top, BLACK, 1.1)
    s.rect(right - 0.26, top - 0.28 * metre, right - 0.08, top - 0.18 * metre, METAL, 0.6)
