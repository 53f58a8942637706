"""A farm: a red barn with a white-trimmed door, a wooden fence, fields to the horizon, hay bales, a tree."""

from __future__ import annotations

from storyboard.picture.props.tones import GRASS, RED, WHITE, WOOD, YELLOW, shade
from storyboard.picture.sets.outside import ground, sky, tree
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import FLOOR_LINE, Focus

BARN = (0.95, 0.36, 1.6, 0.78)  # left, eaves, right, base
FIELD = (196, 186, 120)
FENCE = 0.86
FOCUS = Focus(close=0.6, insert=(0.6, 0.9))


def draw(s: Scene) -> None:
    """The farm for the framing; offers the barn's front and the board over its door."""
    sky(s)
    ground(s, GRASS)
    for i, y in enumerate((FLOOR_LINE, 0.72, 0.745)):
        s.fill([(-2.0, y), (0.9, y), (0.9, y + 0.02), (-2.0, y + 0.02)], FIELD if i % 2 else shade(GRASS, 0.9))
    left, eaves, right, base = BARN
    cx = (left + right) / 2
    s.shape([(left, base), (left, eaves), (left + 0.12, 0.22), (cx, 0.14), (right - 0.12, 0.22), (right, eaves),
             (right, base)], RED, 1.3)
    s.line([(left, eaves), (left + 0.12, 0.22), (cx, 0.14), (right - 0.12, 0.22), (right, eaves)], 1.6, WHITE)
    door = (cx - 0.14, 0.5, cx + 0.14, base)
    s.rect(*door, shade(RED, 0.85), 1.1)
    s.line([(door[0], door[1]), (door[2], door[3])], 1.0, WHITE)
    s.line([(door[2], door[1]), (door[0], door[3])], 1.0, WHITE)
    s.rect(door[0] - 0.01, door[1] - 0.01, door[2] + 0.01, door[3], None, 1.6)
    s.rect(cx - 0.12, 0.36, cx + 0.12, 0.45, WHITE, 1.0)
    s.offer("board", cx - 0.11, 0.37, cx + 0.11, 0.44)
    s.offer("facade", left + 0.02, 0.5, door[0] - 0.02, 0.62)
    for x, y in ((0.45, 0.8), (0.62, 0.82)):
        s.round_rect(x - 0.07, y - 0.07, x + 0.07, y, 0.02, YELLOW, 1.0)
        s.line([(x - 0.05, y - 0.035), (x + 0.05, y - 0.035)], 0.4, shade(YELLOW, 0.7))
    tree(s, 0.15, 0.8, 8.0)
    for x in [i * 0.16 - 0.1 for i in range(13)]:
        s.rect(x, FENCE - 0.09, x + 0.02, FENCE, WOOD, 0.7)
    for y in (FENCE - 0.075, FENCE - 0.035):
        s.rect(-0.2, y, 2.0, y + 0.012, WOOD, 0.6)
    s.offer("fence", 0.3, FENCE - 0.085, 0.8, FENCE - 0.02)
    s.offer("ground", 0.0, 0.88, 1.78, 1.0)
