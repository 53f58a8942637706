"""Open ground: a field under the sky with a far town and a few trees; for an exterior the description does not name."""

from __future__ import annotations

from storyboard.picture.props.tones import GRASS, LEAF_DARK, LIGHT
from storyboard.picture.sets.outside import ground, sky, skyline, tree
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import WORLD_WIDTH, Focus

FOCUS = Focus(close=1.2, insert=(0.89, 0.92))
TUFTS = 60  # blades of grass scattered over the field


def draw(s: Scene) -> None:
    """The open ground for the framing; offers the ground."""
    sky(s)
    skyline(s, tone=LIGHT)
    ground(s, GRASS)
    for x, floor_y in ((0.15, 0.76), (1.35, 0.74), (1.6, 0.8)):
        tree(s, x, floor_y, 7.0)
    for _ in range(TUFTS):
        x, y = s.rng.uniform(0.0, WORLD_WIDTH), s.rng.uniform(0.76, 1.1)
        size = s.metre(y) * 0.12
        s.line([(x - size, y - size), (x, y), (x + size * 0.3, y - size * 1.3), (x + size * 0.5, y), (x + size, y - size)], 0.6,
               LEAF_DARK)
    s.offer("ground", 0.0, 0.86, 1.78, 1.0)
