"""Mission control: a wall of big screens over tiers of consoles with their monitors."""

from __future__ import annotations

from storyboard.picture.props.tones import BLACK, DARK, GREEN, MID, RED, SCREEN, YELLOW
from storyboard.picture.props.canvas import arc
from storyboard.picture.sets.rooms import ceiling_panels, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

SLATE = (150, 158, 172)
FLOOR = (118, 122, 132)
TIERS = (0.8, 0.94)  # world y of each console row's foot
FOCUS = Focus(close=0.89, insert=(0.7, 0.76))
HAS = ("desk", "monitor", "keyboard")  # the consoles


def _console(s: Scene, left: float, right: float, floor_y: float) -> None:
    """A long console: monitors (their backs to us), a sloping desk, a front panel."""
    metre = s.metre(floor_y)
    top = floor_y - 0.8 * metre
    x = left + 0.08
    while x < right - 0.05:
        s.rect(x - 0.25 * metre, top - 0.45 * metre, x + 0.25 * metre, top - 0.05 * metre, BLACK, 0.9)
        s.line([(x - 0.2 * metre, top - 0.43 * metre), (x + 0.2 * metre, top - 0.43 * metre)], 0.6, SCREEN)
        x += 0.16
    s.shape([(left + 0.02, top - 0.06 * metre), (right - 0.02, top - 0.06 * metre), (right, top), (left, top)], MID, 1.1)
    s.rect(left, top, right, floor_y, DARK, 1.2)
    for i in range(1, 6):
        s.line([(left + (right - left) * i / 6, top + 0.1 * metre),
                (left + (right - left) * i / 6, floor_y - 0.05 * metre)], 0.4, MID)
    s.offer("desk", left + 0.02, top - 0.06 * metre, right - 0.02, top)


def draw(s: Scene) -> None:
    """The control room for the framing; offers the big screens and the console desks."""
    wall = room(s, wall=SLATE, floor=FLOOR, floors="carpet", height=4.0)
    ceiling_panels(s, wall)
    screens = ((0.04, 0.3), (0.34, 0.66), (0.7, 0.96))
    for i, (a, b) in enumerate(screens):
        u0, u1, v0, v1 = wall.at(a), wall.at(b), wall.up(s, 3.6), wall.up(s, 1.6)
        s.rect(u0 - 0.01, v0 - 0.01, u1 + 0.01, v1 + 0.01, BLACK, 1.2)
        s.rect(u0, v0, u1, v1, SCREEN, 0.6)
        s.glow("screen", u0, v0, u1, v1)
        s.offer("screen", u0, v0, u1, v1)
        if i == 1:
            s.line(arc((u0 + u1) / 2, v1, (u1 - u0) * 0.4, (v1 - v0) * 0.8, 180, 300, 10), 1.2, RED)
            s.oval(u0 + (u1 - u0) * 0.68, v0 + (v1 - v0) * 0.2, u0 + (u1 - u0) * 0.72, v0 + (v1 - v0) * 0.27, YELLOW, 0.5)
            for j in range(5):
                s.line([(u0 + (u1 - u0) * j / 5, v0 + 0.01), (u0 + (u1 - u0) * j / 5, v1 - 0.01)], 0.3, MID)
        else:
            s.line([(u0 + 0.02, v1 - 0.03), (u0 + (u1 - u0) * 0.3, v0 + 0.1), (u0 + (u1 - u0) * 0.6, v1 - 0.08),
                    (u1 - 0.02, v0 + 0.05)], 1.0, GREEN)
    s.rect(wall.at(0.4), wall.up(s, 3.95), wall.at(0.6), wall.up(s, 3.7), BLACK, 0.8)
    s.offer("sign", wall.at(0.4), wall.up(s, 3.95), wall.at(0.6), wall.up(s, 3.7))
    for floor_y in TIERS:
        _console(s, 0.1, 1.68, floor_y)
