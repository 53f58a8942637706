"""A forest: trunks at every depth, a dark canopy, a path winding away through leaf litter."""

from __future__ import annotations

from storyboard.picture.props.tones import LEAF, LEAF_DARK, WOOD, WOOD_DARK, shade
from storyboard.picture.sets.outside import ground, sky
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

FLOOR = (150, 140, 100)
PATH = (196, 180, 140)
ROWS = (0.72, 0.76, 0.82, 0.92)  # world y of each row of trunks, far to near
FOCUS = Focus(close=0.7, insert=(0.89, 0.9))


def draw(s: Scene) -> None:
    """The forest for the framing; offers the ground and a broad trunk."""
    sky(s, (206, 220, 200))
    ground(s, FLOOR)
    s.fill([(0.86, 0.7), (0.92, 0.7), (1.3, 1.6), (0.5, 1.6)], PATH)
    for depth, floor_y in enumerate(ROWS):
        metre = s.metre(floor_y)
        tone = shade(WOOD_DARK, 1.35 - depth * 0.12)
        crown = shade(LEAF, 1.2 - depth * 0.1)
        x = s.rng.uniform(-0.1, 0.1)
        while x < 1.9:
            width = s.rng.uniform(0.25, 0.7) * metre
            if not 0.75 < x < 1.05:
                s.shape([(x - width * 0.7, floor_y), (x - width / 2, floor_y - metre),
                         (x - width * 0.4, -2.0), (x + width * 0.4, -2.0),
                         (x + width / 2, floor_y - metre), (x + width * 0.7, floor_y)], tone, 1.0)
                s.line([(x - width * 0.1, floor_y - 2 * metre), (x + width * 0.1, floor_y - 4 * metre)], 0.4, WOOD)
                s.oval(x - 2.0 * metre, floor_y - 1.0 * metre, x - 0.2 * metre, floor_y + 0.1 * metre, shade(LEAF_DARK, 1.2), 0.6)
            x += s.rng.uniform(2.5, 4.5) * metre
        bottom = 0.12 + depth * 0.05
        x = -0.1
        while x < 1.95:
            size = s.rng.uniform(0.12, 0.22)
            s.oval(x - size, bottom - size, x + size, bottom + size * 0.5, crown, 0.7)
            x += size * 1.2
    s.offer("ground", 0.5, 0.86, 1.3, 1.0)
    s.offer("wall", 1.3, 0.3, 1.5, 0.7)
