"""A starship's bridge: a wide curved viewscreen of stars and a planet, consoles at each side, the captain's chair."""

from __future__ import annotations

from storyboard.picture.props.tones import BLACK, DARK, MID, RED, SCREEN, WHITE, shade
from storyboard.picture.sets.rooms import room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

HULL = (128, 136, 150)
DECK = (92, 96, 108)
VIEW = (40, 44, 64)
FOCUS = Focus(close=0.6, insert=(0.5, 0.8))
HAS = ("desk", "monitor", "chair")  # the consoles, their screens, the captain's chair


def _console(s: Scene, left: float, right: float, floor_y: float) -> None:
    """A console facing the viewscreen: a sloping lit panel over a dark base; offers its top."""
    metre = s.metre(floor_y)
    top = floor_y - 0.9 * metre
    s.rect(left, top, right, floor_y, DARK, 1.2)
    s.shape([(left - 0.01, top - 0.2 * metre), (right + 0.01, top - 0.2 * metre), (right + 0.02, top), (left - 0.02, top)],
            shade(SCREEN, 0.8), 1.0)
    for i in range(4):
        x = left + (right - left) * (0.15 + 0.22 * i)
        s.rect(x, top - 0.16 * metre, x + (right - left) * 0.12, top - 0.05 * metre, (RED, SCREEN, (120, 200, 140), SCREEN)[i], 0.4)
    s.glow("screen", left, top - 0.2 * metre, right, top)
    s.offer("desk", left, top - 0.2 * metre, right, top)


def draw(s: Scene) -> None:
    """The bridge for the framing; offers the viewscreen, the consoles and the wall panels."""
    wall = room(s, wall=HULL, floor=DECK, floors="tiles", height=3.2, ceiling=shade(HULL, 0.8))
    u0, u1, v0, v1 = wall.at(0.08), wall.at(0.92), wall.up(s, 2.8), wall.up(s, 0.9)
    s.round_rect(u0 - 0.02, v0 - 0.02, u1 + 0.02, v1 + 0.02, 0.06, BLACK, 1.3)
    s.round_rect(u0, v0, u1, v1, 0.05, VIEW, 0.6)
    for i in range(26):
        x, y = u0 + (u1 - u0) * ((i * 37) % 100) / 100, v0 + (v1 - v0) * ((i * 61) % 100) / 100
        s.oval(x - 0.003, y - 0.003, x + 0.003, y + 0.003, WHITE, 0.1)
    s.oval(u1 - (u1 - u0) * 0.32, v1 - (v1 - v0) * 0.55, u1 - (u1 - u0) * 0.08, v1 + (v1 - v0) * 0.1, (196, 120, 96), 0.8)
    s.glow("screen", u0, v0, u1, v1)
    s.offer("screen", u0 + 0.04, v0 + 0.04, wall.at(0.6), v1 - 0.04)
    for x in (wall.at(0.02), wall.at(0.95)):
        for k in range(3):
            s.rect(x, wall.up(s, 2.6 - k * 0.7), x + 0.03, wall.up(s, 2.2 - k * 0.7), (RED if k == 0 else MID), 0.5)
            s.glow("lamp" if k == 0 else "screen", x, wall.up(s, 2.6 - k * 0.7), x + 0.03, wall.up(s, 2.2 - k * 0.7))
    s.offer("wall", wall.at(0.02), wall.up(s, 3.1), wall.at(0.5), wall.up(s, 2.85))
    for left, right in ((0.12, 0.62), (1.16, 1.66)):
        _console(s, left, right, 0.82)
    s.stand("chair", 0.89, 0.93, 1.3)
