"""What a set knows about the shot it is drawn into, and the camera each framing looks through.

Every set is drawn in one world: a 16:9 view of the whole place, ``x`` from 0
to :data:`WORLD_WIDTH`, ``y`` from 0 (top) to 1 (bottom), with the floor line
(where the back wall meets the floor, or the horizon outdoors) at
:data:`FLOOR_LINE`. A framing is a window onto that world: the wide shows all
of it, a medium about half, a close-up a part of the wall behind a head, an
insert the working surface (a desk top, a counter). Frames of another shape
see a window of their own shape with the same area, so a vertical frame sees
more floor and ceiling and less of the sides.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from storyboard.picture.records import Light


WORLD_WIDTH = 16 / 9
FLOOR_LINE = 0.7  # world y of the back wall's foot (interiors) or of the horizon (exteriors)
STAGE_FLOOR = 0.86  # world y where a standing adult's feet are in the wide...
ADULT = 0.36  # ...and how tall that adult is there, in world units
INTERIOR_EYE = 0.4  # world y of the camera's eye level indoors (outdoors it is the horizon, FLOOR_LINE)
# Per framing: the window's height for a 16:9 frame, in world units, and where
# the floor line falls in the frame (fraction of the frame height; 1 is the
# bottom edge). An insert puts its focus point there instead.
VIEWS = {"wide": (1.0, 0.7), "medium": (0.6, 0.85), "close-up": (0.34, 1.0), "insert": (0.26, 0.5)}


class Focus(NamedTuple):
    """Where each framing of a set looks, in world units: across for the wide, medium and close-up; the insert's centre."""

    wide: float = WORLD_WIDTH / 2
    medium: float = WORLD_WIDTH / 2
    close: float = WORLD_WIDTH / 2
    insert: tuple[float, float] = (WORLD_WIDTH / 2, 0.86)


class Window(NamedTuple):
    """The part of the world a frame shows: its top left corner in world units and pixels per world unit."""

    left: float
    top: float
    scale: float


class SetStage(NamedTuple):
    """The frame, the framing, the light, and a seed for any variation (same inputs, same pixels)."""

    width: int
    height: int
    framing: str  # wide | medium | close-up | insert
    light: Light
    seed: int

    @property
    def horizon(self) -> int:
        """Where the floor meets the back wall (or the ground the sky) in this framing, in pixels.

        Exact for the wide, medium and close-up (the close-up's is the bottom
        edge); an insert looks at the set's working surface instead (see
        :class:`Focus`).
        """
        return round(self.height * VIEWS[self.framing][1])

    def window(self, focus: Focus) -> Window:
        """The part of the world this frame shows, looking where ``focus`` says."""
        zoom, floor_at = VIEWS[self.framing]
        aspect = self.width / self.height
        height = zoom * math.sqrt(WORLD_WIDTH / aspect)
        width = height * aspect
        if self.framing == "insert":
            centre_x, top = focus.insert[0], focus.insert[1] - height * floor_at
        else:
            centre_x = {"wide": focus.wide, "medium": focus.medium, "close-up": focus.close}[self.framing]
            top = FLOOR_LINE - height * floor_at
        left = centre_x - width / 2
        left = min(max(left, 0.0), WORLD_WIDTH - width) if width <= WORLD_WIDTH else (WORLD_WIDTH - width) / 2
        return Window(left, top, self.height / height)
