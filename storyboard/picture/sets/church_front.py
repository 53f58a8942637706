"""A church from outside: a stone nave with a tall spire, an arched door, a rose window, a path through the grass."""

from __future__ import annotations

from storyboard.picture.props.canvas import arc
from storyboard.picture.props.tones import BLUE, CONCRETE, GRASS, RED, WOOD_DARK, YELLOW, shade
from storyboard.picture.sets.outside import ground, sky, tree
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

STONE = (200, 194, 180)
ROOF = (110, 104, 110)
NAVE = (0.5, 0.42, 1.3, 0.76)  # left, eaves, right, base
FOCUS = Focus(close=0.89, insert=(0.89, 0.66))


def draw(s: Scene) -> None:
    """The church for the framing; offers a noticeboard by the door, the wall and the door."""
    sky(s)
    ground(s, GRASS)
    left, eaves, right, base = NAVE
    cx = (left + right) / 2
    s.rect(left, eaves, right, base, STONE, 1.3)
    s.shape([(left - 0.04, eaves), (cx, 0.2), (right + 0.04, eaves)], ROOF, 1.2)
    s.rect(cx - 0.08, 0.08, cx + 0.08, 0.3, STONE, 1.2)
    s.shape([(cx - 0.1, 0.08), (cx, -0.2), (cx + 0.1, 0.08)], ROOF, 1.2)
    s.line([(cx, -0.2), (cx, -0.28)], 1.2)
    s.line([(cx - 0.025, -0.25), (cx + 0.025, -0.25)], 1.2)
    s.oval(cx - 0.06, 0.3, cx + 0.06, 0.42, BLUE, 1.0)
    s.line([(cx - 0.06, 0.36), (cx + 0.06, 0.36)], 0.6)
    s.line([(cx, 0.3), (cx, 0.42)], 0.6)
    door = [(cx - 0.07, base), *arc(cx, 0.58, 0.07, 0.06, 180, 360, 8), (cx + 0.07, base)]
    s.shape(door, WOOD_DARK, 1.3)
    s.offer("door", cx - 0.05, 0.6, cx + 0.05, 0.68)
    for x in (left + 0.08, left + 0.2, right - 0.26, right - 0.14):
        s.shape([(x, 0.66), *arc(x + 0.03, 0.52, 0.03, 0.04, 180, 360, 6), (x + 0.06, 0.66)], (RED, YELLOW)[int(x * 10) % 2], 0.8)
        s.glow("lit window", x, 0.5, x + 0.06, 0.66)
    s.offer("wall", left + 0.04, 0.44, cx - 0.12, 0.5)
    board = (right + 0.08, 0.58, right + 0.3, 0.7)
    s.rect(board[0] + 0.1, board[3], board[0] + 0.12, 0.8, WOOD_DARK, 0.8)
    s.rect(*board, shade(WOOD_DARK, 1.2), 1.1)
    s.offer("board", board[0] + 0.01, board[1] + 0.01, board[2] - 0.01, board[3] - 0.01)
    s.fill([(cx - 0.07, base), (cx + 0.07, base), (cx + 0.3, 1.6), (cx - 0.3, 1.6)], CONCRETE)
    tree(s, 0.18, 0.82, 8.0)
    tree(s, 1.62, 0.8, 7.0)
    for x in (0.3, 0.38, 1.4):
        s.rect(x, 0.8, x + 0.04, 0.86, shade(STONE, 0.85), 0.6)
