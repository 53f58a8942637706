"""A library: tall bookcases along the walls, a long reading table with green lamps, a window, a notice board."""

from __future__ import annotations

from storyboard.picture.props.tones import WOOD, WOOD_DARK, shade
from storyboard.picture.sets.rooms import pendant, room, window
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (226, 214, 188)
CARPET = (150, 82, 76)
CASES = (0.06, 0.2, 0.34, 0.66, 0.8, 0.94)  # bookcases along the back wall, fractions across
TABLE = (0.89, 0.86)  # world x and floor y of the reading table
FOCUS = Focus(close=0.5, insert=(0.89, 0.7))


def draw(s: Scene) -> None:
    """The library for the framing; offers the notice board, the wall over it and the reading table's top."""
    wall = room(s, wall=WALL, floor=CARPET, floors="carpet", height=3.6)
    for a in CASES:
        s.stand("bookshelf", wall.at(a), wall.bottom, 2.6)
    window(s, wall.at(0.43), wall.up(s, 3.2), wall.at(0.57), wall.up(s, 1.4))
    board = (wall.at(0.42), wall.up(s, 1.25), wall.at(0.58), wall.up(s, 0.75))
    s.rect(*board, shade(WOOD, 1.15), 1.1)
    s.offer("board", *board)
    s.offer("wall", wall.at(0.4), wall.up(s, 3.5), wall.at(0.6), wall.up(s, 3.25))
    x, floor_y = TABLE
    for dx in (-0.3, 0.0, 0.3):
        s.stand("chair", x + dx, floor_y - 0.03, 0.9)
    s.stand("table", x, floor_y, 0.75)
    s.stand("table", x + 0.22, floor_y, 0.75)
    for dx in (-0.2, 0.2):
        s.stand("lamp", x + dx, floor_y, 0.4, lift=0.75)
        s.stand("book", x + dx + 0.07, floor_y, 0.22, lift=0.75)
    for a in (0.25, 0.75):
        pendant(s, wall.at(a), wall.up(s, 3.2), 0.08, shade(WOOD_DARK, 1.2))
