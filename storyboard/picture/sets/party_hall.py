"""A party hall: strings of lights across a high room, round tables in white cloths, a dance floor, a stage for a band."""

from __future__ import annotations

from storyboard.picture.props.tones import GOLD, WHITE, WOOD, YELLOW, shade
from storyboard.picture.sets.rooms import room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

HALL = (214, 200, 190)
DRAPE = (150, 110, 140)
FOCUS = Focus(close=0.6, insert=(0.4, 0.84))
HAS = ("table",)


def _round_table(s: Scene, x: float, floor_y: float) -> None:
    """A round table under a white cloth to the floor, a centrepiece on it."""
    metre = s.metre(floor_y)
    half, top = 0.8 * metre, floor_y - 0.75 * metre
    s.shape([(x - half, top), (x + half, top), (x + half * 1.05, floor_y), (x - half * 1.05, floor_y)], WHITE, 1.0)
    s.oval(x - half, top - 0.12 * metre, x + half, top + 0.12 * metre, WHITE, 1.0)
    s.stand("candle", x, top, 0.3)
    s.offer("table", x - half * 0.9, top - 0.1 * metre, x + half * 0.9, top + 0.05 * metre)


def draw(s: Scene) -> None:
    """The hall for the framing; offers the stage's back wall, the drapes' wall and the tables."""
    wall = room(s, wall=HALL, floor=shade(WOOD, 1.05), height=5.0)
    metre = s.metre(wall.bottom)
    for i in range(7):
        x0 = wall.at(i / 7)
        s.shape([(x0, wall.top), (x0 + (wall.right - wall.left) / 7, wall.top),
                 (x0 + (wall.right - wall.left) / 7 * 0.9, wall.bottom), (x0 + (wall.right - wall.left) / 7 * 0.1, wall.bottom)],
                DRAPE if i % 2 else shade(DRAPE, 1.1), 0.6)
    s.rect(wall.at(0.3), wall.up(s, 0.5), wall.at(0.7), wall.bottom, shade(WOOD, 0.8), 1.1)
    s.offer("wall", wall.at(0.32), wall.up(s, 3.6), wall.at(0.68), wall.up(s, 1.6))
    for k, (y0, sag) in enumerate(((wall.top + 0.02, 0.06), (wall.top + 0.1, 0.08), (wall.top - 0.08, 0.1))):
        points = [(-0.2 + i * 0.11, y0 + sag * (1 - ((i - 10) / 10) ** 2)) for i in range(21)]
        s.line(points, 0.5)
        for i, (x, y) in enumerate(points[1::2]):
            s.oval(x - 0.008, y, x + 0.008, y + 0.016, (YELLOW, GOLD)[(i + k) % 2], 0.3)
            s.glow("lamp", x - 0.006, y, x + 0.006, y + 0.014)
    s.fill([(0.62, 0.76), (1.16, 0.76), (1.26, 0.94), (0.52, 0.94)], shade(WOOD, 0.75))
    for x, floor_y in ((0.22, 0.8), (1.56, 0.8), (0.1, 0.95), (1.68, 0.95)):
        _round_table(s, x, floor_y)
