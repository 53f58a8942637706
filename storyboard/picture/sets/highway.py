"""An open road: a two-lane highway to the horizon, fields either side, telephone poles, a road sign, far hills."""

from __future__ import annotations

from storyboard.picture.props.tones import DARK, GRASS, LEAF_DARK, WOOD_DARK, shade
from storyboard.picture.sets.outside import ground, road, sky
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import FLOOR_LINE, WORLD_WIDTH, Focus

HILLS = ((-0.2, 0.7), (0.2, 0.6), (0.6, 0.68), (1.1, 0.58), (1.5, 0.66), (2.0, 0.7))
POLES = (1.0, 1.4, 2.0, 3.2, 5.0)  # distances along the road, in multiples of the nearest
POLE_X = 1.72  # world x of the nearest telephone pole
FOCUS = Focus(close=0.5, insert=(0.89, 0.92))


def draw(s: Scene) -> None:
    """The highway for the framing; offers the road sign and the road."""
    sky(s)
    s.shape([*HILLS, (2.0, 0.72), (-0.2, 0.72)], shade(LEAF_DARK, 1.3), 0.8)
    ground(s, shade(GRASS, 1.05))
    road(s, -1.0, 2.8)
    vx = WORLD_WIDTH / 2
    tops = []
    for t in POLES:
        x, y, height = vx + (POLE_X - vx) / t, FLOOR_LINE + 0.28 / t, 0.5 / t
        s.band((x, y), (x, y - height), 0.014 / t ** 0.5, WOOD_DARK, 0.7)
        s.line([(x - 0.04 / t, y - height * 0.9), (x + 0.04 / t, y - height * 0.9)], 0.8)
        tops.append((x, y - height * 0.9))
    s.line(tops, 0.4, DARK)
    s.stand("sign post", 0.25, 0.8, 3.0)
    s.offer("ground", 0.5, 0.9, 1.3, 1.0)
