"""A subway platform: a train at the far side of the tracks, a tiled wall with the station's name, posters, a yellow edge."""

from __future__ import annotations

from storyboard.picture.props.tones import GLASS, METAL, WHITE, YELLOW, shade
from storyboard.picture.sets.rooms import ceiling_panels, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

TILES = (226, 230, 222)
PLATFORM = (190, 186, 178)
EDGE = 0.8  # world y of the platform's edge
TRAIN = (-0.1, 1.2)  # the train's left and right
FOCUS = Focus(close=1.4, insert=(0.6, 0.78))


def draw(s: Scene) -> None:
    """The platform for the framing; offers the station sign, a poster and the train's side."""
    wall = room(s, wall=TILES, floor=shade(PLATFORM, 0.6), floors="concrete")
    y = wall.top
    while y < wall.bottom:
        s.line([(wall.left, y), (wall.right, y)], 0.3, shade(TILES, 0.88))
        y += 0.025
    s.rect(wall.at(0.76), wall.up(s, 2.1), wall.at(0.96), wall.up(s, 1.3), WHITE, 1.1)
    s.offer("billboard", wall.at(0.77), wall.up(s, 2.05), wall.at(0.95), wall.up(s, 1.35))
    s.rect(wall.at(0.58), wall.up(s, 2.5), wall.at(0.74), wall.up(s, 2.2), (40, 70, 120), 1.1)
    s.offer("sign", wall.at(0.58), wall.up(s, 2.5), wall.at(0.74), wall.up(s, 2.2))
    ceiling_panels(s, wall)
    metre = s.metre(EDGE)
    left, right = TRAIN
    top, bottom = EDGE - 3.0 * metre, EDGE - 0.2 * metre
    s.round_rect(left, top, right, bottom, 0.06, METAL, 1.3)
    s.rect(left, bottom - 0.5 * metre, right, bottom - 0.35 * metre, (60, 110, 160), 0.6)
    x = left + 0.06
    while x < right - 0.1:
        s.rect(x, top + 0.5 * metre, x + 0.18, top + 1.3 * metre, GLASS, 0.8)
        s.glow("lit window", x, top + 0.5 * metre, x + 0.18, top + 1.3 * metre)
        x += 0.3
    door = (right - 0.32, top + 0.3 * metre, right - 0.14, bottom)
    s.rect(*door, shade(METAL, 0.9), 1.1)
    s.line([((door[0] + door[2]) / 2, door[1]), ((door[0] + door[2]) / 2, door[3])], 0.8)
    s.offer("vehicle-side", left + 0.06, top + 1.5 * metre, right - 0.4, bottom - 0.6 * metre)
    s.fill([(-2.0, EDGE), (4.0, EDGE), (4.0, 3.0), (-2.0, 3.0)], PLATFORM)
    s.rect(-2.0, EDGE, 4.0, EDGE + 0.025, YELLOW, 1.0)
    for x in (0.4, 1.5):
        s.rect(x - 0.03, -2.0, x + 0.03, 1.2, shade(TILES, 0.9), 1.2)
    s.stand("trash can", 1.62, 0.95, 0.9)
