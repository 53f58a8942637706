"""An open road: a two-lane highway to the horizon, fields either side, telephone poles, a road sign, far hills."""

from __future__ import annotations

from storyboard.picture.props.tones import DARK, GRASS, LEAF_DARK, WOOD_DARK, shade
from storyboard.picture.sets.outside import ground, road, sky
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import WORLD_WIDTH, Focus

HILLS = ((-0.2, 0.7), (0.2, 0.6), (0.6, 0.68), (1.1, 0.58), (1.5, 0.66), (2.0, 0.7))
POLES = (1.2, 1.6, 2.3, 3.6)  # distances along the road, in multiples of the nearest
FOCUS = Focus(close=0.5, insert=(0.89, 0.92))


def draw(s: Scene) -> None:
    """The highway for the framing; offers the road sign and the road."""
    sky(s)
    s.shape([*HILLS, (2.0, 0.72), (-0.2, 0.72)], shade(LEAF_DARK, 1.3), 0.8)
    ground(s, shade(GRASS, 1.05))
    road(s, 0.1, 1.68)
    vx = WORLD_WIDTH / 2
    for t in POLES:
        x = vx + (1.5 - vx) / t
        y = 0.7 + 0.3 / t
        height = 0.5 / t
        s.band((x, y), (x, y - height), 0.012 / t ** 0.5, WOOD_DARK, 0.7)
        s.line([(x - 0.04 / t, y - height * 0.9), (x + 0.04 / t, y - height * 0.9)], 0.8)
    s.line([(vx + (1.5 - vx) / t + 0.0, 0.7 + 0.3 / t - 0.45 / t) for t in POLES], 0.4, DARK)
    s.stand("sign post", 0.2, 0.88, 2.8)
    s.offer("ground", 0.5, 0.9, 1.3, 1.0)
