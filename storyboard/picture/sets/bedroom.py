"""A bedroom: a double bed against the wall, nightstands with lamps, a curtained window, a rug."""

from __future__ import annotations

from storyboard.picture.props.tones import WOOD, WOOD_DARK, shade
from storyboard.picture.sets.rooms import bed, curtains, room, window
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (212, 214, 226)
DUVET = (150, 170, 200)
BED = (0.56, 1.22)  # the headboard's left and right
FOCUS = Focus(close=0.89, insert=(0.5, 0.64))


def draw(s: Scene) -> None:
    """The bedroom for the framing; offers the wall over the bed, the window and a nightstand."""
    wall = room(s, wall=WALL, floor=shade(WOOD, 1.05), floors="carpet")
    window(s, wall.at(0.05), wall.up(s, 2.4), wall.at(0.22), wall.up(s, 1.0))
    curtains(s, wall.at(0.05), wall.up(s, 2.5), wall.at(0.22), wall.up(s, 1.0), (120, 130, 170))
    s.stand("photo", wall.at(0.5), wall.bottom, 0.5, lift=1.7)
    left, right = BED
    bed(s, wall, left, right, DUVET)
    s.offer("wall", left, wall.up(s, 2.6), right, wall.up(s, 1.35))
    for x in (left - 0.1, right + 0.1):
        s.rect(x - 0.08, wall.up(s, 0.6), x + 0.08, wall.bottom, WOOD_DARK, 1.1)
        s.stand("lamp", x, wall.bottom, 0.5, lift=0.6)
    s.offer("table", left - 0.18, wall.up(s, 0.62), left - 0.02, wall.up(s, 0.6))
