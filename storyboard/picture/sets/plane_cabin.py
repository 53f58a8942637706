"""Inside a plane: grey seats three abreast with white headrests, small round windows, the screen at the front."""

from __future__ import annotations

from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus
from storyboard.picture.sets.transit import Cabin, cabin

PLANE = Cabin(wall=(232, 232, 228), floor=(96, 100, 120), seat=(110, 116, 130), window=(1.0, 1.45), round_windows=True,
              poles=False)
FOCUS = Focus(close=0.5, insert=(0.5, 0.8))
HAS = ("chair",)  # its seats


def draw(s: Scene) -> None:
    """The cabin for the framing; offers the screen at the front and a window."""
    cabin(s, PLANE)
