"""A long corridor: doors down both walls, strip lights along the ceiling, an exit at the far end."""

from __future__ import annotations

from storyboard.picture.props.tones import GREEN, METAL, WHITE, WOOD, YELLOW
from storyboard.picture.sets.rooms import bounds, far, on_side_wall, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus, WORLD_WIDTH

WALL = (222, 222, 210)
FLOOR = (196, 200, 196)
END = (0.74, 1.04)  # the far wall's left and right
END_FOOT = 0.5  # world y of the far wall's foot: well above the floor line, far away
DOORS = ((1.25, 1.55), (2.0, 2.5), (3.6, 4.6))  # along each side wall, in multiples of the far wall's distance
LIGHTS = (1.2, 1.6, 2.2, 3.2, 5.0)
FOCUS = Focus(close=0.89, insert=(0.67, 0.47))


def draw(s: Scene) -> None:
    """The corridor for the framing; offers the side walls, the doors and the exit sign."""
    wall = room(s, wall=WALL, floor=FLOOR, floors="tiles", back=END, foot=END_FOOT, height=2.8)
    metre = s.metre(END_FOOT)
    door = (wall.at(0.3), wall.up(s, 2.1), wall.at(0.7), wall.bottom)
    s.rect(*door, METAL, 1.1)
    s.line([((door[0] + door[2]) / 2, door[1]), ((door[0] + door[2]) / 2, door[3])], 0.6)
    s.rect(wall.at(0.38), wall.up(s, 2.5), wall.at(0.62), wall.up(s, 2.2), GREEN, 0.7)
    s.glow("screen", wall.at(0.38), wall.up(s, 2.5), wall.at(0.62), wall.up(s, 2.2))
    for right in (False, True):
        for near in DOORS:
            s.shape(on_side_wall(s, wall, right, near, (0.0, 2.1)), WOOD, 1.1)
            handle = on_side_wall(s, wall, right, (near[1] - (near[1] - near[0]) * 0.15,) * 2, (1.0, 1.05))
            s.line(handle[:2], 1.4, YELLOW)
        s.offer("door", *bounds(on_side_wall(s, wall, right, DOORS[1], (1.2, 1.9))))
    for depth in LIGHTS:
        a = far(s, (WORLD_WIDTH / 2 - 0.3 * metre, wall.top), depth)
        b = far(s, (WORLD_WIDTH / 2 + 0.3 * metre, wall.top), depth * 1.08)
        s.rect(a[0], b[1], b[0], a[1], WHITE, 0.6)
        s.glow("lamp", a[0], b[1], b[0], a[1])
    s.offer("wall", *bounds(on_side_wall(s, wall, False, (1.6, 1.95), (1.0, 2.2))))
    s.offer("sign", wall.at(0.38), wall.up(s, 2.5), wall.at(0.62), wall.up(s, 2.2))

