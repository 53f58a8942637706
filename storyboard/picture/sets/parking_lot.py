"""A parking lot: painted bays in perspective, parked cars, tall light poles, a low building and trees behind."""

from __future__ import annotations

from storyboard.picture.props.tones import ASPHALT, BRICK, GLASS, WHITE, shade
from storyboard.picture.sets.outside import facade, ground, sky, tree
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import WORLD_WIDTH, Focus

CARS = (("car", 0.3, 0.78), ("van", 0.75, 0.78), ("car", 1.45, 0.8), ("taxi", 1.05, 0.87))  # name, x, floor y
FOCUS = Focus(close=0.9, insert=(0.6, 0.92))


def draw(s: Scene) -> None:
    """The parking lot for the framing; offers the building's front and the asphalt."""
    sky(s)
    facade(s, 0.2, 0.5, 1.5, 0.72, shade(BRICK, 1.1), 2, 8, GLASS)
    s.rect(0.2, 0.52, 1.5, 0.56, WHITE, 0.8)
    s.offer("facade", 0.6, 0.52, 1.1, 0.56)
    for x in (0.08, 1.62):
        tree(s, x, 0.73, 6.0)
    ground(s, ASPHALT, 0.72)
    vx = WORLD_WIDTH / 2
    for i in range(-8, 9):
        x = vx + i * 0.16
        s.line([(vx + (x - vx) * 0.25, 0.76), (vx + (x - vx) * 0.6, 0.86)], 0.9, WHITE)
        s.line([(vx + (x - vx) * 0.85, 0.94), (vx + (x - vx) * 1.6, 1.2)], 0.9, WHITE)
    s.line([(-1.0, 0.76), (3.0, 0.76)], 0.9, WHITE)
    s.line([(-1.0, 0.94), (3.0, 0.94)], 0.9, WHITE)
    for x in (0.55, 1.3):
        s.stand("street lamp", x, 0.8, 6.0)
    for name, x, floor_y in CARS:
        s.stand(name, x, floor_y, 1.5 if name != "van" else 2.2)
    s.offer("ground", 0.0, 0.95, 1.78, 1.0)
