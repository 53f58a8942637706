"""Inside a train carriage: red upholstered seats in rows, a luggage rack, tall windows, a sign over the end door."""

from __future__ import annotations

from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus
from storyboard.picture.sets.transit import Cabin, cabin

TRAIN = Cabin(wall=(226, 222, 206), floor=(140, 120, 110), seat=(170, 70, 70), window=(0.8, 1.8), round_windows=False,
              poles=False)
FOCUS = Focus(close=0.5, insert=(0.5, 0.8))
HAS = ("chair",)  # its seats


def draw(s: Scene) -> None:
    """The carriage for the framing; offers the sign over the door and a window."""
    cabin(s, TRAIN)
