"""A living room: a sofa under a framed picture, a coffee table on a rug, a floor lamp, curtains, shelves."""

from __future__ import annotations

from storyboard.picture.props.tones import WOOD, shade
from storyboard.picture.sets.rooms import curtains, room, window
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALLPAPER = (224, 212, 190)
RUG = (176, 110, 96)
FOCUS = Focus(close=0.75, insert=(0.82, 0.8))


def draw(s: Scene) -> None:
    """The living room for the framing; offers the wall above the sofa, the window and the coffee table."""
    wall = room(s, wall=WALLPAPER, floor=shade(WOOD, 1.1))
    window(s, wall.at(0.04), wall.up(s, 2.4), wall.at(0.24), wall.up(s, 0.9))
    curtains(s, wall.at(0.04), wall.up(s, 2.5), wall.at(0.24), wall.up(s, 0.9), (150, 96, 90))
    s.stand("photo", wall.at(0.5), wall.bottom, 0.7, lift=1.45)
    s.stand("bookshelf", wall.at(0.88), wall.bottom, 2.0)
    s.fill([(0.4, 0.77), (1.38, 0.77), (1.5, 0.97), (0.28, 0.97)], RUG)
    s.stand("sofa", wall.at(0.5), 0.75, 0.95)
    s.stand("lamp", 0.32, 0.77, 1.6)
    s.stand("table", 0.85, 0.9, 0.42)
    s.stand("mug", 0.78, 0.9, 0.1, lift=0.42)
    s.stand("book", 0.92, 0.9, 0.18, lift=0.42)
    s.stand("plant", 1.5, 0.82, 1.0)
