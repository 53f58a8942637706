"""A gas station: pumps under a lit canopy, a kiosk with a glowing window, a tall price sign by the road."""

from __future__ import annotations

from storyboard.picture.props.tones import ASPHALT, BRICK, CONCRETE, DARK, GLASS, METAL, RED, WHITE, shade
from storyboard.picture.sets.outside import ground, sky
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

CANOPY = (0.2, 0.34, 1.22, 0.42)  # the canopy's roof band
PUMPS = (0.46, 0.96)  # world x of the pump islands
KIOSK = (1.3, 0.46, 1.9, 0.74)
FOCUS = Focus(medium=0.8, close=0.75, insert=(0.46, 0.66))


def draw(s: Scene) -> None:
    """The gas station for the framing; offers the canopy's band, the price sign, the kiosk's sign and window."""
    sky(s)
    ground(s, shade(ASPHALT, 1.15))
    left, top, right, bottom = KIOSK
    s.rect(left, top, right, bottom, shade(BRICK, 1.1), 1.2)
    s.rect(left, top - 0.04, right, top + 0.01, RED, 1.0)
    s.offer("facade", left + 0.02, top - 0.035, right - 0.02, top + 0.005)
    s.rect(left + 0.04, top + 0.06, right - 0.2, bottom - 0.02, GLASS, 1.0)
    s.glow("lit window", left + 0.04, top + 0.06, right - 0.2, bottom - 0.02)
    s.offer("window", left + 0.04, top + 0.06, right - 0.2, bottom - 0.02)
    s.rect(right - 0.16, top + 0.08, right - 0.06, bottom, GLASS, 1.0)
    c0, c1, c2, c3 = CANOPY
    for x in PUMPS:
        s.shape([(x - 0.16, 0.78), (x + 0.16, 0.78), (x + 0.18, 0.81), (x - 0.18, 0.81)], CONCRETE, 0.9)
        s.rect(x - 0.012, c3, x + 0.012, 0.78, METAL, 0.8)
        s.stand("gas pump", x - 0.09, 0.79, 1.8)
        s.stand("gas pump", x + 0.09, 0.79, 1.8)
    s.rect(c0, c1, c2, c3, WHITE, 1.3)
    s.rect(c0, c1 + 0.03, c2, c1 + 0.05, RED, 0.6)
    s.offer("sign", c0 + 0.3, c1 + 0.005, c2 - 0.3, c3 - 0.005)
    s.fill([(c0, c3), (c2, c3), (c2 - 0.02, c3 + 0.012), (c0 + 0.02, c3 + 0.012)], shade(WHITE, 0.8))
    for x in (0.33, 0.71, 1.09):
        s.rect(x - 0.05, c3, x + 0.05, c3 + 0.008, WHITE, 0.4)
        s.glow("lamp", x - 0.05, c3, x + 0.05, c3 + 0.02)
    s.band((0.06, 0.3), (0.06, 0.78), 0.014, DARK, 0.8)
    board = (-0.04, 0.14, 0.16, 0.32)
    s.rect(*board, RED, 1.2)
    s.rect(board[0] + 0.015, board[1] + 0.06, board[2] - 0.015, board[3] - 0.015, DARK, 0.7)
    s.glow("screen", board[0] + 0.015, board[1] + 0.06, board[2] - 0.015, board[3] - 0.015)
    s.offer("ground", 0.1, 0.84, 1.6, 1.0)
