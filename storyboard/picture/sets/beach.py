"""A beach: the sea to the horizon, breaking waves, sand, a striped umbrella and a towel, a palm tree."""

from __future__ import annotations

from storyboard.picture.props.tones import LEAF, SAND, WATER, WHITE, WOOD, YELLOW, shade
from storyboard.picture.sets.outside import sky
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

SHORE = 0.78  # world y where the water meets the sand
FOCUS = Focus(close=0.6, insert=(0.75, 0.85))


def draw(s: Scene) -> None:
    """The beach for the framing; offers the sand."""
    sky(s)
    if not s.night:
        s.oval(1.38, 0.12, 1.5, 0.24, YELLOW, 0.8)
    s.fill([(-2.0, 0.7), (4.0, 0.7), (4.0, SHORE), (-2.0, SHORE)], WATER)
    s.line([(-2.0, 0.7), (4.0, 0.7)], 1.0)
    for y in (0.72, 0.745, 0.765):
        x = -0.1 + (y * 37) % 0.2
        while x < 1.9:
            s.line([(x, y), (x + 0.06, y - 0.004), (x + 0.12, y)], 0.5, WHITE)
            x += 0.25
    s.fill([(-2.0, SHORE), (4.0, SHORE), (4.0, 3.0), (-2.0, 3.0)], SAND)
    s.line([(-2.0, SHORE), (0.3, SHORE + 0.01), (0.9, SHORE - 0.005), (4.0, SHORE + 0.01)], 1.0, WHITE)
    s.stand("umbrella", 0.55, 0.84, 2.2)
    s.shape([(0.62, 0.83), (0.86, 0.83), (0.9, 0.87), (0.64, 0.87)], (200, 110, 110), 0.9)
    s.stand("ball", 1.05, 0.9, 0.3)
    trunk = [(1.62, 0.96), (1.6, 0.7), (1.52, 0.4), (1.44, 0.22)]
    for a, b in zip(trunk, trunk[1:]):
        s.band(a, b, 0.04, WOOD, 1.0)
    for dx, dy in ((-0.22, 0.1), (-0.12, -0.05), (0.12, -0.04), (0.2, 0.12), (0.0, 0.16)):
        s.shape([(1.44, 0.22), (1.44 + dx * 0.5, 0.22 + dy * 0.3 - 0.05),
                 (1.44 + dx, 0.22 + dy), (1.44 + dx * 0.5, 0.22 + dy * 0.3)],
                shade(LEAF, 1.0), 0.9)
    s.offer("ground", 0.0, 0.86, 1.78, 1.0)
