"""An office building from outside: a glass tower over a plaza, its entrance, planters and street lights."""

from __future__ import annotations

from storyboard.picture.props.tones import CONCRETE, GLASS, MID, WHITE
from storyboard.picture.sets.outside import facade, ground, sky, skyline, tree
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

TOWER = (0.12, -0.6, 1.16, 0.74)  # the facade's world rectangle
DOOR = (0.5, 0.78)  # entrance, across the facade
FOCUS = Focus(medium=0.7, close=0.64, insert=(0.64, 0.64))


def draw(s: Scene) -> None:
    """The building for the framing; offers its facade above the door for a plaque or a sign."""
    sky(s)
    skyline(s)
    ground(s, CONCRETE)
    left, top, right, base = TOWER
    s.shape([(right, top), (right + 0.22, top + 0.2), (right + 0.22, base - 0.03), (right, base)], MID, 1.2)
    facade(s, left, top, right, base, MID, 14, 8, GLASS, wall=0.05)
    for i in range(4):
        x = left + (right - left) * (0.1 + i * 0.27)
        s.line([(x, top + 0.3), (x + 0.12, top + 0.1)], 1.2, WHITE)
    door_left, door_right = left + (right - left) * DOOR[0], left + (right - left) * DOOR[1]
    door_top = base - 0.14
    s.rect(door_left - 0.03, door_top - 0.1, door_right + 0.03, door_top - 0.01, WHITE, 1.0)
    s.rect(door_left, door_top, door_right, base, GLASS, 1.2)
    s.line([((door_left + door_right) / 2, door_top), ((door_left + door_right) / 2, base)], 1.0)
    s.glow("lit window", door_left, door_top, door_right, base)
    s.offer("facade", door_left - 0.03, door_top - 0.1, door_right + 0.03, door_top - 0.01)
    s.offer("facade", left + 0.02, top + 0.62, left + (right - left) * 0.44, base - 0.02)
    for x in (0.06, 1.52):
        tree(s, x, 0.8, 4.0)
    s.stand("street lamp", 1.3, 0.8, 6.0)
    s.stand("bench", 1.62, 0.92, 0.5)
    s.offer("ground", 0.0, 0.76, 1.78, 1.0)
