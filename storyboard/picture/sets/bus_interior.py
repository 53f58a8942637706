"""Inside a bus: blue seats either side of the aisle, yellow grab poles, wide windows, the route sign at the front."""

from __future__ import annotations

from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus
from storyboard.picture.sets.transit import Cabin, cabin

BUS = Cabin(wall=(214, 216, 210), floor=(120, 124, 128), seat=(70, 100, 160), window=(0.9, 1.9), round_windows=False,
            poles=True)
FOCUS = Focus(close=0.5, insert=(0.5, 0.8))
HAS = ("chair",)  # its seats


def draw(s: Scene) -> None:
    """The bus for the framing; offers the route sign and a window."""
    cabin(s, BUS)
