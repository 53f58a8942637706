"""Outer space: black sky thick with stars, a banded planet low at one side, a small moon."""

from __future__ import annotations

from storyboard.picture.props.tones import WHITE, shade
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import WORLD_WIDTH, Focus

VOID = (34, 36, 52)
PLANET = (196, 120, 96)  # a red world
STARS = 90
FOCUS = Focus(close=0.6, insert=(0.6, 0.4))


def draw(s: Scene) -> None:
    """Space for the framing (always dark, whatever the time); offers the planet's face."""
    s.fill_all(VOID)
    for _ in range(STARS):
        x, y, r = s.rng.uniform(-0.1, WORLD_WIDTH + 0.1), s.rng.uniform(-0.3, 1.3), s.rng.uniform(0.002, 0.006)
        s.fill([(x - r, y), (x, y - r * 2), (x + r, y), (x, y + r * 2)], WHITE)
        s.glow("screen", x - r, y - r, x + r, y + r)
    cx, cy, r = 1.42, 0.86, 0.42
    s.oval(cx - r, cy - r, cx + r, cy + r, PLANET, 1.2)
    for i, dy in enumerate((-0.22, -0.08, 0.06, 0.2)):
        half = (r * r - (dy * r / 0.42) ** 2) ** 0.5 * 0.95
        s.band((cx - half, cy + dy), (cx + half, cy + dy * 1.05), 0.03, shade(PLANET, 0.8 + 0.08 * i), 0.3)
    s.oval(cx - r * 1.02, cy - r * 1.02, cx + r * 1.02, cy + r * 1.02, None, 0.6)
    s.glow("window", cx - r, cy - r, cx + r, cy + r)
    s.oval(0.22, 0.18, 0.3, 0.26, shade(WHITE, 0.85), 0.6)
    s.glow("moon", 0.22, 0.18, 0.3, 0.26)
    s.offer("ground", cx - r * 0.5, cy - r * 0.3, cx + r * 0.5, cy + r * 0.3)
