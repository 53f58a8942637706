"""A school from outside: a brick building with rows of windows and a clock, railings with an open gate, the yard."""

from __future__ import annotations

from storyboard.picture.props.tones import ASPHALT, BRICK, CONCRETE, DARK, GLASS, GREEN, WHITE, shade
from storyboard.picture.sets.outside import facade, ground, sky, tree
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import WORLD_WIDTH, Focus

BUILDING = (0.12, 0.2, 1.66, 0.68)
RAILINGS = (0.62, 0.78)  # world y of the railings' top and foot
GATE = (0.66, 1.12)  # the gateway's left and right
FOCUS = Focus(close=1.3, insert=(0.5, 0.72))


def _railings(s: Scene, left: float, right: float) -> None:
    """Green railings: a top and bottom rail, close bars with spear tips."""
    top, foot = RAILINGS
    for y in (top + 0.02, foot - 0.02):
        s.line([(left, y), (right, y)], 1.0, shade(GREEN, 0.7))
    x = left
    while x <= right:
        s.line([(x, top), (x, foot)], 0.9, shade(GREEN, 0.7))
        s.shape([(x - 0.006, top + 0.006), (x, top - 0.01), (x + 0.006, top + 0.006)], shade(GREEN, 0.7), 0.3)
        x += 0.03


def draw(s: Scene) -> None:
    """The school for the framing; offers the name board by the gate and the building's front."""
    sky(s)
    left, top, right, base = BUILDING
    facade(s, left, top, right, base, BRICK, 3, 9, GLASS, 0.25)
    s.shape([(left - 0.02, top), (right + 0.02, top), (right - 0.1, top - 0.1), (left + 0.1, top - 0.1)], shade(DARK, 1.2), 1.1)
    s.oval(WORLD_WIDTH / 2 - 0.05, top - 0.09, WORLD_WIDTH / 2 + 0.05, top + 0.01, WHITE, 1.0)
    s.line([(WORLD_WIDTH / 2, top - 0.04), (WORLD_WIDTH / 2, top - 0.07), (WORLD_WIDTH / 2 + 0.02, top - 0.04)], 0.8)
    door = (WORLD_WIDTH / 2 - 0.08, base - 0.16, WORLD_WIDTH / 2 + 0.08, base)
    s.rect(*door, shade(GREEN, 0.8), 1.2)
    s.line([((door[0] + door[2]) / 2, door[1]), ((door[0] + door[2]) / 2, door[3])], 0.7)
    s.offer("facade", left + 0.2, top + 0.01, left + 0.6, top + 0.05)
    ground(s, shade(ASPHALT, 1.3), base)
    for x in (0.05, 1.74):
        tree(s, x, 0.72, 7.0)
    gate_left, gate_right = GATE
    _railings(s, -0.2, gate_left)
    _railings(s, gate_right, WORLD_WIDTH + 0.2)
    for x in (gate_left, gate_right):
        s.rect(x - 0.015, RAILINGS[0] - 0.04, x + 0.015, RAILINGS[1], shade(GREEN, 0.6), 1.0)
    s.shape([(gate_left, RAILINGS[0]), (gate_left - 0.12, RAILINGS[0] + 0.03), (gate_left - 0.12, RAILINGS[1] + 0.03),
             (gate_left, RAILINGS[1])], None, 1.0)
    board = (gate_right + 0.05, RAILINGS[0] - 0.08, gate_right + 0.4, RAILINGS[0] + 0.01)
    s.rect(*board, WHITE, 1.2)
    s.offer("sign", board[0] + 0.01, board[1] + 0.01, board[2] - 0.01, board[3] - 0.01)
    s.fill([(-2.0, RAILINGS[1]), (4.0, RAILINGS[1]), (4.0, 2.0), (-2.0, 2.0)], shade(CONCRETE, 0.95))
    s.line([(-2.0, RAILINGS[1]), (4.0, RAILINGS[1])], 0.9)
    s.offer("ground", 0.3, 0.84, 1.5, 1.0)
