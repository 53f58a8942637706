"""A log cabin from outside: a wooden chalet with a pitched roof and a smoking chimney among pines, mountains behind."""

from __future__ import annotations

from storyboard.picture.props.tones import GLASS, GRASS, LIGHT, RED, WOOD, WOOD_DARK, shade
from storyboard.picture.sets.mountain import PEAKS, ROCK, pine
from storyboard.picture.sets.outside import ground, sky
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import FLOOR_LINE, Focus

CABIN = (0.5, 0.42, 1.28, 0.8)  # left, eaves, right, base
FOCUS = Focus(close=0.89, insert=(0.95, 0.7))


def draw(s: Scene) -> None:
    """The cabin for the framing; offers its gable board, door and window."""
    sky(s)
    for left, top, right in PEAKS:
        s.shape([(left, FLOOR_LINE), ((left + right) / 2, top + 0.15), (right, FLOOR_LINE)], shade(ROCK, 1.15), 0.6)
    ground(s, GRASS)
    left, eaves, right, base = CABIN
    s.rect(left, eaves, right, base, WOOD, 1.3)
    y = eaves + 0.025
    while y < base:
        s.line([(left, y), (right, y)], 0.4, shade(WOOD, 0.75))
        y += 0.035
    s.rect(right - 0.2, 0.16, right - 0.12, 0.34, shade(RED, 0.7), 1.0)
    for i, dy in enumerate((0.0, 0.05, 0.1)):
        s.oval(right - 0.2 + i * 0.03, 0.08 - dy, right - 0.1 + i * 0.04, 0.14 - dy, LIGHT, 0.4)
    s.shape([(left - 0.08, eaves), ((left + right) / 2, 0.2), (right + 0.08, eaves)], WOOD_DARK, 1.3)
    s.rect(0.8, 0.32, 0.98, 0.38, shade(WOOD, 1.2), 0.8)
    s.offer("facade", 0.8, 0.32, 0.98, 0.38)
    door = (0.84, 0.58, 0.96, base)
    s.rect(*door, WOOD_DARK, 1.2)
    s.offer("door", door[0], door[1], door[2], (door[1] + door[3]) / 2)
    for x0 in (0.58, 1.06):
        s.rect(x0, 0.55, x0 + 0.14, 0.67, GLASS, 1.0)
        s.line([(x0 + 0.07, 0.55), (x0 + 0.07, 0.67)], 0.6)
        s.glow("lit window", x0, 0.55, x0 + 0.14, 0.67)
    s.offer("window", 0.58, 0.55, 0.72, 0.67)
    for x, floor_y, size in ((0.2, 0.84, 8.0), (1.55, 0.86, 9.0), (1.72, 0.78, 6.0), (0.05, 0.76, 6.0)):
        pine(s, x, floor_y, size)
