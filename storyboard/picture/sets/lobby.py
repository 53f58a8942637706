"""A corporate lobby: a logo wall behind a reception desk, lift doors, a polished floor, plants, a glass entrance."""

from __future__ import annotations

from storyboard.picture.props.tones import GLASS, LIGHT, METAL, WHITE, shade
from storyboard.picture.sets.rooms import bounds, counter, on_side_wall, pendant, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (222, 218, 210)
FEATURE = (150, 140, 130)
FOCUS = Focus(close=0.75, insert=(0.75, 0.64))


def draw(s: Scene) -> None:
    """The lobby for the framing; offers the logo wall, the lift doors and the reception counter."""
    wall = room(s, wall=WALL, floor=(214, 210, 204), floors="tiles", height=4.5)
    feature = (wall.at(0.25), wall.up(s, 3.8), wall.at(0.6), wall.up(s, 1.5))
    s.rect(*feature, FEATURE, 1.2)
    s.rect(feature[0] + 0.05, feature[1] + 0.04, feature[2] - 0.05, feature[1] + 0.16, shade(FEATURE, 1.3), 0.6)
    s.offer("wall", feature[0] + 0.05, feature[1] + 0.04, feature[2] - 0.05, feature[1] + 0.16)
    for a in (0.7, 0.84):
        door = (wall.at(a), wall.up(s, 2.3), wall.at(a + 0.12), wall.bottom)
        s.rect(door[0] - 0.01, door[1] - 0.01, door[2] + 0.01, door[3], LIGHT, 1.0)
        s.rect(*door, METAL, 1.1)
        s.line([((door[0] + door[2]) / 2, door[1]), ((door[0] + door[2]) / 2, door[3])], 0.8)
        s.rect(door[2] + 0.01, wall.up(s, 1.3), door[2] + 0.02, wall.up(s, 1.1), WHITE, 0.5)
    s.offer("door", wall.at(0.7), wall.up(s, 2.3), wall.at(0.82), wall.up(s, 1.4))
    s.shape(on_side_wall(s, wall, False, (1.05, 2.2), (0.0, 3.6)), GLASS, 1.2)
    s.glow("window", *bounds(on_side_wall(s, wall, False, (1.05, 2.2), (0.0, 3.6))))
    counter(s, 0.46, 1.06, 0.82, 1.1, WHITE, FEATURE)
    for x in (0.55, 0.97):
        pendant(s, x, wall.top + 0.12, 0.09, WHITE)
    s.stand("monitor", 0.7, 0.82, 0.4, lift=1.1)
    for x, floor_y in ((0.25, 0.78), (1.45, 0.8)):
        s.stand("plant", x, floor_y, 1.4)
    s.stand("sofa", 1.25, 0.95, 0.8)

