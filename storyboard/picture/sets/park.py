"""A park: lawns, a path curving between trees, a bench and a lamp post, a pond with a far treeline."""

from __future__ import annotations

from storyboard.picture.props.tones import GRASS, LEAF_DARK, SAND, WATER, shade
from storyboard.picture.sets.outside import ground, sky, tree
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

FOCUS = Focus(close=0.5, insert=(1.05, 0.86))


def draw(s: Scene) -> None:
    """The park for the framing; offers the lawn and the bench's back."""
    sky(s)
    ground(s, GRASS)
    x = -0.1
    while x < 1.9:
        s.oval(x - 0.1, 0.64, x + 0.1, 0.72, shade(LEAF_DARK, 1.2), 0.6)
        x += 0.14
    s.oval(1.2, 0.72, 1.7, 0.76, WATER, 0.9)
    s.fill([(0.8, 0.7), (0.86, 0.7), (0.7, 0.82), (1.1, 1.0), (1.6, 1.6), (0.9, 1.6), (0.6, 1.0), (0.5, 0.82)], SAND)
    for x, floor_y, metres in ((0.2, 0.78, 7.0), (0.5, 0.74, 6.0), (1.45, 0.8, 7.0), (1.75, 0.9, 8.0)):
        tree(s, x, floor_y, metres)
    s.stand("street lamp", 0.4, 0.86, 4.0)
    s.stand("bench", 1.05, 0.86, 0.9)
    s.stand("trash can", 1.3, 0.88, 0.8)
    s.offer("ground", 0.0, 0.9, 1.78, 1.0)
