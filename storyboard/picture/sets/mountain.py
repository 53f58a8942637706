"""A snowy mountainside: white peaks against the sky, a ski slope with pines, a chairlift, a chalet far off."""

from __future__ import annotations

from storyboard.picture.props.tones import LEAF_DARK, METAL, RED, WOOD_DARK, shade
from storyboard.picture.sets.outside import SNOW, sky
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import FLOOR_LINE, Focus

ROCK = (150, 152, 164)
PEAKS = ((-0.2, 0.35, 0.45), (0.3, 0.12, 0.7), (0.95, 0.22, 1.3), (1.45, 0.08, 2.1))  # left foot, top y, right foot
FOCUS = Focus(close=1.2, insert=(0.89, 0.92))


def pine(s: Scene, x: float, floor_y: float, metres: float = 6.0) -> None:
    """A snow-dusted pine: three stacked triangles on a short trunk."""
    metre = s.metre(floor_y)
    height = metres * metre
    s.rect(x - 0.15 * metre, floor_y - height * 0.2, x + 0.15 * metre, floor_y, WOOD_DARK, 0.8)
    for i in range(3):
        bottom, top = floor_y - height * (0.15 + i * 0.25), floor_y - height * (0.55 + i * 0.22)
        half = height * (0.28 - i * 0.06)
        s.shape([(x - half, bottom), (x, top), (x + half, bottom)], LEAF_DARK, 0.9)
        s.fill([(x - half * 0.3, top + (bottom - top) * 0.3), (x, top), (x + half * 0.3, top + (bottom - top) * 0.3)], SNOW)


def draw(s: Scene) -> None:
    """The mountain for the framing; offers the snow and the chalet's front."""
    sky(s)
    for left, top, right in PEAKS:
        peak = (left + right) / 2
        s.shape([(left, FLOOR_LINE), (peak, top), (right, FLOOR_LINE)], ROCK, 1.0)
        s.fill([(peak - (peak - left) * 0.35, top + (FLOOR_LINE - top) * 0.35), (peak, top),
                (peak + (right - peak) * 0.35, top + (FLOOR_LINE - top) * 0.35)], SNOW)
    s.fill([(-2.0, FLOOR_LINE), (4.0, FLOOR_LINE), (4.0, 4.0), (-2.0, 4.0)], SNOW)
    s.line([(-2.0, 0.74), (0.6, 0.66), (1.2, 0.7), (4.0, 0.62)], 0.8)
    s.line([(0.35, 0.72), (0.7, 1.4)], 0.4, shade(SNOW, 0.85))
    s.line([(0.5, 0.71), (1.05, 1.4)], 0.4, shade(SNOW, 0.85))
    chalet = (1.3, 0.6, 1.52, 0.7)
    s.rect(*chalet, WOOD_DARK, 1.0)
    s.shape([(chalet[0] - 0.03, chalet[1]), ((chalet[0] + chalet[2]) / 2, 0.53), (chalet[2] + 0.03, chalet[1])], SNOW, 1.0)
    s.glow("lit window", 1.36, 0.63, 1.4, 0.67)
    s.offer("facade", chalet[0] + 0.02, chalet[1] + 0.01, chalet[2] - 0.02, chalet[3] - 0.02)
    s.line([(-0.1, 0.3), (1.9, 0.05)], 0.7)
    for i, x in enumerate((0.2, 0.7, 1.2, 1.7)):
        y = 0.3 - (x + 0.1) * 0.125
        s.line([(x, y), (x, y + 0.06)], 0.6)
        s.rect(x - 0.03, y + 0.06, x + 0.03, y + 0.08, RED if i % 2 else METAL, 0.6)
    for x, floor_y in ((0.08, 0.82), (1.72, 0.86), (1.55, 0.76), (0.25, 0.75)):
        pine(s, x, floor_y, 7.0)
    s.offer("ground", 0.0, 0.86, 1.78, 1.0)
