"""A roadside motel: a long two-storey block of numbered doors along a walkway, a tall sign by the road, a parking lot."""

from __future__ import annotations

from storyboard.picture.props.tones import ASPHALT, DARK, GLASS, METAL, RED, WHITE, shade
from storyboard.picture.sets.outside import ground, sky
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (226, 206, 170)
BLOCK = (0.1, 0.3, 1.44, 0.7)  # the block's left, roof, right, foot
FLOORS = (0.3, 0.5)  # each storey's top
ROOMS = 7  # doors per storey
LIT = (1, 4)  # the upper rooms whose window is lit (at night)
FOCUS = Focus(medium=0.7, close=0.75, insert=(0.6, 0.62))


def draw(s: Scene) -> None:
    """The motel for the framing; offers the fascia over its doors, each door, and the road sign's board."""
    sky(s)
    ground(s, shade(ASPHALT, 1.15))
    left, roof, right, foot = BLOCK
    s.rect(left - 0.02, roof - 0.03, right + 0.02, roof + 0.01, RED, 1.0)
    s.offer("facade", left + 0.3, roof - 0.025, right - 0.3, roof + 0.005)
    s.rect(left, roof + 0.01, right, foot, WALL, 1.2)
    width = (right - left) / ROOMS
    for storey, top in enumerate(FLOORS):
        bottom = top + 0.2
        for i in range(ROOMS):
            x = left + i * width
            s.rect(x + 0.02, top + 0.05, x + 0.07, bottom, shade(RED, 0.8), 0.8)
            s.offer("door", x + 0.02, top + 0.05, x + 0.07, bottom)
            s.rect(x + 0.09, top + 0.07, x + width - 0.02, top + 0.14, GLASS, 0.8)
            if storey == 0 and i in LIT:
                s.glow("lit window", x + 0.09, top + 0.07, x + width - 0.02, top + 0.14)
        s.rect(left - 0.02, bottom - 0.008, right + 0.02, bottom + 0.008, METAL, 0.8)
        if storey == 0:  # the upper walkway's railing
            for i in range(ROOMS * 3 + 1):
                x = left + i * width / 3
                s.line([(x, bottom - 0.06), (x, bottom)], 0.5, DARK)
            s.line([(left - 0.02, bottom - 0.06), (right + 0.02, bottom - 0.06)], 0.8, DARK)
    for x in (0.36, 0.78, 1.2):
        s.glow("lamp", x - 0.02, FLOORS[1] + 0.02, x + 0.02, FLOORS[1] + 0.05)
    s.band((1.62, 0.16), (1.62, 0.8), 0.018, METAL, 0.8)
    board = (1.5, 0.08, 1.74, 0.24)
    s.rect(*board, WHITE, 1.2)
    s.rect(board[0] + 0.01, board[1] + 0.01, board[2] - 0.01, board[3] - 0.01, (40, 60, 90), 0.7)
    s.glow("screen", board[0] + 0.01, board[1] + 0.01, board[2] - 0.01, board[3] - 0.01)
    s.offer("sign", board[0] + 0.01, board[1] + 0.01, board[2] - 0.01, board[3] - 0.01)
    for x in (0.36, 1.2):
        s.stand("car", x, 0.84, 1.2)
    s.offer("ground", 0.1, 0.86, 1.6, 1.0)
