"""A back alley: brick walls closing in on both sides, a fire escape, a dumpster, a lamp over a back door, a puddle."""

from __future__ import annotations

from storyboard.picture.props.tones import ASPHALT, BLACK, BRICK, DARK, WATER, YELLOW, shade
from storyboard.picture.sets.rooms import bounds, far, on_side_wall, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

BRICKS = (160, 110, 96)
END = (0.72, 1.06)  # the far opening's left and right
FOCUS = Focus(close=0.5, insert=(0.5, 0.9))
EYE = 0.4  # the alley is drawn like a long room open to the sky


def draw(s: Scene) -> None:
    """The alley for the framing; offers a side wall, the back door and the dumpster's side."""
    wall = room(s, wall=(200, 204, 210), floor=shade(ASPHALT, 1.1), floors="concrete", back=END, foot=0.56, height=12.0,
                ceiling=(200, 214, 224))
    s.rect(wall.left, wall.up(s, 9.0), wall.right, wall.bottom, shade(BRICK, 1.15), 1.0)
    for right in (False, True):
        side = on_side_wall(s, wall, right, (1.0, 12.0), (0.0, 12.0))
        s.shape(side, BRICKS, 1.2)
        for metres in range(1, 12):
            s.line([far(s, (side[0][0], wall.up(s, metres)), 1.0), far(s, (side[0][0], wall.up(s, metres)), 12.0)], 0.35,
                   shade(BRICKS, 0.8))
    door = on_side_wall(s, wall, False, (2.2, 2.6), (0.0, 2.2))
    s.shape(door, DARK, 1.1)
    s.offer("door", *bounds(door))
    lamp = on_side_wall(s, wall, False, (2.3, 2.5), (2.5, 2.7))
    s.shape(lamp, YELLOW, 0.8)
    s.glow("street", *bounds(lamp))
    for metres in (3.5, 6.5):
        rail = on_side_wall(s, wall, True, (1.6, 3.2), (metres, metres + 1.0))
        s.shape(rail, None, 1.2)
        s.line([rail[0], rail[3]], 1.6, BLACK)
        x0, x1 = rail[0][0], rail[3][0]
        for i in range(1, 8):
            x = x0 + (x1 - x0) * i / 8
            s.line([(x, rail[0][1] + (rail[3][1] - rail[0][1]) * i / 8),
                     (x, rail[1][1] + (rail[2][1] - rail[1][1]) * i / 8)], 0.5)
    s.offer("wall", *bounds(on_side_wall(s, wall, False, (1.4, 1.9), (2.5, 5.0))))
    s.stand("trash can", 1.3, 0.84, 1.4)
    s.offer("vehicle-side", 1.22, 0.76, 1.38, 0.82)
    s.oval(0.7, 0.9, 1.1, 0.96, WATER, 0.6)
    s.stand("box", 0.3, 0.9, 0.5)
    s.stand("box", 0.42, 0.93, 0.4)
