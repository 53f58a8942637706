"""Inside an elevator: brushed steel walls, a handrail, a lit ceiling, the button panel and floor display by the doors."""

from __future__ import annotations

from storyboard.picture.props.tones import BLACK, DARK, METAL, WHITE, shade
from storyboard.picture.sets.rooms import bounds, on_side_wall, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

STEEL = (190, 194, 198)
BACK = (0.56, 1.22)  # the back wall's left and right: a small car
FOCUS = Focus(close=1.0, insert=(1.1, 0.5))


def draw(s: Scene) -> None:
    """The elevator for the framing; offers the back wall, the button panel and the floor display."""
    wall = room(s, wall=STEEL, floor=(96, 92, 90), floors="carpet", height=2.4, back=BACK, ceiling=shade(STEEL, 1.1))
    x = wall.left
    while x < wall.right:
        s.line([(x, wall.top), (x, wall.bottom)], 0.2, shade(STEEL, 0.92))
        x += 0.012
    mirror = (wall.at(0.15), wall.up(s, 2.1), wall.at(0.85), wall.up(s, 1.0))
    s.rect(*mirror, shade(STEEL, 1.12), 1.0)
    s.line([(mirror[0] + 0.02, mirror[3] - 0.02), (mirror[0] + 0.12, mirror[1] + 0.02)], 0.6, WHITE)
    rail = wall.up(s, 0.95)
    s.rect(wall.left, rail - 0.008, wall.right, rail + 0.008, shade(METAL, 1.15), 0.9)
    for right in (False, True):
        near, far_end = on_side_wall(s, wall, right, (1.0, 2.6), (0.95, 0.95))[0::3]
        s.line([near, far_end], 1.6, shade(METAL, 1.15))
    panel = on_side_wall(s, wall, True, (1.05, 1.5), (0.9, 1.7))
    s.shape(panel, shade(METAL, 0.85), 1.0)
    px0, py0, px1, py1 = bounds(panel)
    for row in range(6):
        for col in range(2):
            u = px0 + (px1 - px0) * (0.3 + 0.4 * col)
            v = py0 + (py1 - py0) * (0.18 + 0.13 * row)
            r = (px1 - px0) * 0.09
            s.oval(u - r, v - r, u + r, v + r, WHITE, 0.5)
    display = (wall.at(0.38), wall.top + 0.015, wall.at(0.62), wall.top + 0.065)
    s.rect(*display, BLACK, 0.9)
    s.shape([(wall.at(0.45), wall.top + 0.055), (wall.at(0.5), wall.top + 0.025), (wall.at(0.55), wall.top + 0.055)],
            (214, 80, 60), 0.4)
    s.glow("screen", *display)
    s.offer("screen", *display)
    for a in (0.3, 0.7):
        s.rect(wall.at(a) - 0.06, wall.top - 0.05, wall.at(a) + 0.06, wall.top - 0.035, WHITE, 0.6)
        s.glow("lamp", wall.at(a) - 0.06, wall.top - 0.05, wall.at(a) + 0.06, wall.top - 0.035)
    for x0, x1 in ((-0.3, 0.14), (1.64, 2.1)):
        s.rect(x0, -0.3, x1, 1.6, shade(DARK, 1.25), 1.3)
    s.rect(-0.3, -0.3, 2.1, 0.06, shade(DARK, 1.25), 1.3)
    s.offer("board", px0, py0, px1, py1)
    s.offer("wall", mirror[0], mirror[1], mirror[2], mirror[1] + (mirror[3] - mirror[1]) * 0.4)
