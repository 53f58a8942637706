"""A rooftop: a parapet in front of a city skyline, a water tank on legs, air-conditioning boxes, an antenna."""

from __future__ import annotations

from storyboard.picture.props.tones import CONCRETE, DARK, GLASS, LIGHT, METAL, MID, WOOD, shade
from storyboard.picture.sets.outside import facade, ground, sky, skyline
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

ROOF = (120, 118, 120)
PARAPET = 0.84  # world y of the parapet's top
TOWERS = ((0.05, 0.28, 0.1), (0.34, 0.5, -0.05), (1.2, 1.42, 0.2), (1.5, 1.75, 0.02))  # left, right, top
FOCUS = Focus(close=0.6, insert=(0.6, 0.86))


def draw(s: Scene) -> None:
    """The rooftop for the framing; offers the water tank and the parapet."""
    sky(s)
    skyline(s, 0.7, LIGHT)
    for left, right, top in TOWERS:
        facade(s, left, top, right, 0.72, shade(MID, s.rng.uniform(0.95, 1.15)), 8, 3, GLASS)
    ground(s, ROOF, 0.72)
    tank = (0.72, 0.22, 0.98, 0.5)
    for x in (tank[0] + 0.03, tank[2] - 0.03, (tank[0] + tank[2]) / 2):
        s.rect(x - 0.006, tank[3], x + 0.006, 0.74, DARK, 0.6)
    s.rect(*tank, WOOD, 1.2)
    for i in range(1, 4):
        s.line([(tank[0], tank[1] + i * 0.07), (tank[2], tank[1] + i * 0.07)], 0.7, DARK)
    s.shape([(tank[0] - 0.01, tank[1]), ((tank[0] + tank[2]) / 2, tank[1] - 0.08),
             (tank[2] + 0.01, tank[1])], shade(WOOD, 0.8), 1.1)
    s.offer("billboard", tank[0] + 0.02, tank[1] + 0.08, tank[2] - 0.02, tank[3] - 0.02)
    for x in (1.1, 1.3):
        s.rect(x, 0.64, x + 0.14, 0.76, METAL, 1.0)
        s.oval(x + 0.03, 0.66, x + 0.11, 0.74, MID, 0.6)
    s.line([(0.3, 0.73), (0.3, 0.4)], 1.0)
    s.line([(0.26, 0.46), (0.34, 0.46)], 0.8)
    s.rect(-1.0, PARAPET, 3.0, 3.0, CONCRETE, 1.3)
    s.rect(-1.0, PARAPET, 3.0, PARAPET + 0.025, shade(CONCRETE, 1.08), 1.0)
    s.offer("wall", 0.1, PARAPET + 0.04, 1.7, 1.0)
