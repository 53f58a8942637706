"""A hotel room: a made bed with white linen and a runner, twin lamps, a tall curtained window over the city, a TV."""

from __future__ import annotations

from storyboard.picture.props.tones import WHITE, WOOD_DARK, shade
from storyboard.picture.sets.rooms import bed, city_view, curtains, room, window
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (226, 216, 198)
CARPET = (140, 128, 120)
BED = (0.5, 1.12)  # the headboard's left and right
FOCUS = Focus(close=0.81, insert=(1.4, 0.66))


def draw(s: Scene) -> None:
    """The hotel room for the framing; offers the wall over the bed, the window and the dresser's top."""
    wall = room(s, wall=WALL, floor=CARPET, floors="carpet")
    u0, u1, v0, v1 = wall.at(0.03), wall.at(0.2), wall.up(s, 2.6), wall.up(s, 0.3)
    city_view(s, u0, v0, u1, v1)
    window(s, u0, v0, u1, v1, view=shade(WHITE, 0.9))
    curtains(s, u0, v0 - 0.02, u1, v1, (150, 120, 96))
    s.rect(wall.at(0.3), wall.up(s, 2.4), wall.at(0.86), wall.up(s, 1.45), shade(WALL, 0.92), 0.6)
    s.stand("photo", wall.at(0.58), wall.bottom, 0.55, lift=1.65)
    left, right = BED
    bed(s, wall, left, right, WHITE, head=WOOD_DARK, pillows=2)
    s.rect(left - 0.01, wall.up(s, 0.5) + 0.08, right + 0.01, wall.up(s, 0.5) + 0.11, (140, 60, 70), 0.7)
    s.offer("wall", left, wall.up(s, 2.3), right, wall.up(s, 1.5))
    for x in (left - 0.1, right + 0.1):
        s.rect(x - 0.07, wall.up(s, 0.6), x + 0.07, wall.bottom, WOOD_DARK, 1.0)
        s.stand("lamp", x, wall.bottom, 0.5, lift=0.6)
    dresser = (wall.at(0.86), wall.up(s, 0.8), wall.at(0.99), wall.bottom)
    s.rect(*dresser, WOOD_DARK, 1.1)
    s.stand("television", (dresser[0] + dresser[2]) / 2, wall.bottom, 0.55, lift=0.8)
    s.offer("table", dresser[0], dresser[1] - 0.01, dresser[2], dresser[1])
    s.stand("suitcase", 1.5, 0.86, 0.7)
