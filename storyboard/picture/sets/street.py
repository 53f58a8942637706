"""A city street: shopfronts with awnings across the road, pavements, a parked car, street lights."""

from __future__ import annotations

from storyboard.picture.props.tones import BRICK, GLASS, RED, WALL, WHITE, Tone, shade
from storyboard.picture.sets.outside import facade, sidewalk, sky, street_across
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

SHOPS: tuple[tuple[float, float, float, Tone, Tone], ...] = (  # left, right, top, wall, awning
    (-0.1, 0.5, 0.05, BRICK, RED),
    (0.5, 1.1, -0.1, WALL, (90, 130, 110)),
    (1.1, 1.9, 0.1, (190, 170, 150), (80, 100, 150)),
)
BASE = 0.74  # world y of the far pavement's back
FOCUS = Focus(close=0.8, insert=(0.8, 0.7))


def draw(s: Scene) -> None:
    """The street for the framing; offers each shop's sign band and window."""
    sky(s)
    for left, right, top, wall, awning in SHOPS:
        facade(s, left, top, right, BASE - 0.2, wall, 3, 4)
        s.rect(left, BASE - 0.2, right, BASE, shade(wall, 0.9), 1.2)
        s.rect(left + 0.05, BASE - 0.19, right - 0.05, BASE - 0.155, WHITE, 0.8)
        s.offer("facade", left + 0.05, BASE - 0.19, right - 0.05, BASE - 0.155)
        s.rect(left + 0.06, BASE - 0.12, right - 0.2, BASE - 0.01, GLASS, 1.0)
        s.glow("lit window", left + 0.06, BASE - 0.12, right - 0.2, BASE - 0.01)
        s.offer("window", left + 0.06, BASE - 0.12, right - 0.2, BASE - 0.01)
        s.rect(right - 0.16, BASE - 0.13, right - 0.07, BASE, shade(wall, 0.6), 1.0)
        s.shape([(left + 0.04, BASE - 0.155), (right - 0.04, BASE - 0.155), (right - 0.02, BASE - 0.125),
                 (left + 0.02, BASE - 0.125)],
                awning, 0.9)
    sidewalk(s, BASE, 0.78)
    street_across(s, 0.78, 0.92)
    sidewalk(s, 0.92, 1.6)
    s.stand("car", 0.35, 0.87, 1.5)
    for x in (0.95, 1.65):
        s.stand("street lamp", x, 0.77, 5.5)
    s.stand("fire hydrant", 1.3, 0.96, 0.8)
    s.stand("sign post", 0.08, 0.97, 3.0)
    s.offer("ground", 0.0, 0.92, 1.78, 1.0)
