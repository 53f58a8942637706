"""A suburban house from the street: a gabled roof, a porch and front door, windows, a lawn, a picket fence, a tree."""

from __future__ import annotations

from storyboard.picture.props.tones import CONCRETE, GLASS, GRASS, RED, WHITE, WOOD_DARK, shade
from storyboard.picture.sets.outside import ground, sky, tree
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

SIDING = (222, 214, 190)
ROOF = (120, 90, 80)
HOUSE = (0.42, 0.36, 1.36, 0.74)  # left, eaves, right, base
FENCE = 0.9
FOCUS = Focus(close=0.89, insert=(1.0, 0.66))


def draw(s: Scene) -> None:
    """The house for the framing; offers the facade, the front door and a window."""
    sky(s)
    ground(s, GRASS)
    left, eaves, right, base = HOUSE
    s.rect(left, eaves, right, base, SIDING, 1.3)
    y = eaves
    while y < base:
        s.line([(left, y), (right, y)], 0.3, shade(SIDING, 0.85))
        y += 0.02
    s.shape([(left - 0.05, eaves), ((left + right) / 2, 0.12), (right + 0.05, eaves)], ROOF, 1.3)
    s.rect(right - 0.22, 0.12, right - 0.16, 0.26, shade(RED, 0.8), 1.0)
    s.oval((left + right) / 2 - 0.04, 0.24, (left + right) / 2 + 0.04, 0.3, GLASS, 0.8)
    for x0 in (left + 0.06, left + 0.28, right - 0.26):
        s.rect(x0, eaves + 0.08, x0 + 0.16, eaves + 0.24, GLASS, 1.0)
        s.line([(x0 + 0.08, eaves + 0.08), (x0 + 0.08, eaves + 0.24)], 0.7)
        s.glow("lit window", x0, eaves + 0.08, x0 + 0.16, eaves + 0.24)
    s.offer("window", left + 0.06, eaves + 0.08, left + 0.22, eaves + 0.24)
    door = (right - 0.42, eaves + 0.12, right - 0.32, base)
    s.shape([(door[0] - 0.06, eaves + 0.08), (door[2] + 0.06, eaves + 0.08), (door[2] + 0.08, eaves + 0.12),
             (door[0] - 0.08, eaves + 0.12)],
            WHITE, 1.0)
    s.rect(*door, RED, 1.2)
    s.oval(door[2] - 0.025, (door[1] + door[3]) / 2, door[2] - 0.012, (door[1] + door[3]) / 2 + 0.012, WHITE, 0.5)
    s.offer("door", door[0], door[1], door[2], (door[1] + door[3]) / 2)
    s.offer("facade", left + 0.04, eaves + 0.01, right - 0.5, eaves + 0.07)
    s.fill([(door[0], base), (door[2], base), (door[2] + 0.1, FENCE), (door[0] - 0.1, FENCE)], CONCRETE)
    tree(s, 0.2, 0.82, 8.0)
    s.stand("plant", left + 0.1, 0.76, 1.2)
    x = -0.05
    while x < 1.9:
        if not door[0] - 0.12 < x < door[2] + 0.1:
            s.shape([(x, FENCE), (x, FENCE - 0.08), (x + 0.012, FENCE - 0.095), (x + 0.024, FENCE - 0.08), (x + 0.024, FENCE)],
                    WHITE, 0.6)
        x += 0.04
    s.rect(-1.0, FENCE - 0.06, door[0] - 0.12, FENCE - 0.05, WHITE, 0.5)
    s.rect(door[2] + 0.1, FENCE - 0.06, 3.0, FENCE - 0.05, WHITE, 0.5)
    s.rect(1.6, 0.8, 1.64, 0.9, WOOD_DARK, 0.6)
    s.rect(1.57, 0.76, 1.67, 0.8, (80, 100, 140), 0.8)
