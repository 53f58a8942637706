"""A diner: a long counter with stools, a menu board over the kitchen hatch, pendant lamps, a checkered floor."""

from __future__ import annotations

from storyboard.picture.props.tones import CHALKBOARD, DARK, METAL, RED, WHITE
from storyboard.picture.sets.rooms import counter, pendant, room, window
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

MINT = (206, 226, 212)
FLOOR = (236, 232, 222)
COUNTER = (0.3, 1.48, 0.8)  # left, right, floor y
FOCUS = Focus(close=0.9, insert=(0.9, 0.62))


def draw(s: Scene) -> None:
    """The diner for the framing; offers the menu board, the hatch and the counter top."""
    wall = room(s, wall=MINT, floor=FLOOR, floors="checker")
    s.rect(wall.left, wall.up(s, 1.0), wall.right, wall.up(s, 0.9), RED, 0.8)
    window(s, wall.at(0.03), wall.up(s, 2.4), wall.at(0.25), wall.up(s, 1.2))
    hatch = (wall.at(0.36), wall.up(s, 1.9), wall.at(0.64), wall.up(s, 1.2))
    s.rect(*hatch, DARK, 1.2)
    s.rect(hatch[0], hatch[3] - 0.01, hatch[2], hatch[3] + 0.005, METAL, 0.8)
    s.offer("window", *hatch)
    board = (wall.at(0.34), wall.up(s, 2.75), wall.at(0.66), wall.up(s, 2.05))
    s.rect(*board, CHALKBOARD, 1.2)
    for i in range(4):
        y = board[1] + (board[3] - board[1]) * (0.25 + i * 0.18)
        s.line([(board[0] + 0.02, y), (board[0] + (board[2] - board[0]) * 0.45, y)], 0.5, WHITE)
        s.line([(board[0] + (board[2] - board[0]) * 0.55, y), (board[2] - 0.02, y)], 0.5, WHITE)
    s.offer("board", *board)
    s.stand("clock", wall.at(0.85), wall.bottom, 0.45, lift=2.1)
    s.stand("coffee", wall.at(0.8), wall.bottom, 0.35, lift=1.0)
    left, right, floor_y = COUNTER
    top = counter(s, left, right, floor_y, 1.05, WHITE, RED)
    metre = s.metre(floor_y)
    s.rect(left, top + 0.2 * metre, right, top + 0.3 * metre, RED, 0.6)
    s.stand("mug", left + 0.2, floor_y, 0.12, lift=1.05)
    s.stand("plate", left + 0.55, floor_y, 0.08, lift=1.05)
    x = left + 0.1
    while x < right:
        s.stand("stool", x, 0.9, 0.8)
        x += 0.2
    for x in (wall.at(0.2), wall.at(0.5), wall.at(0.8)):
        pendant(s, x, wall.up(s, 2.95), 0.08, RED)
