"""The records a drawn set or prop hands back: where a sign can sit or a prop can stand.

Shared by the sets (:mod:`storyboard.picture.sets`), the props
(:mod:`storyboard.picture.props`) and the panel that places signs and props on
what they offer. Boxes are in frame pixels.
"""

from __future__ import annotations

from typing import NamedTuple

Box = tuple[int, int, int, int]  # pixels: left, top, right, bottom

FAR, SET, SUBJECT = 0, 1, 2  # depths: the far world, the set, the subject plane


class Surface(NamedTuple):
    """A place in the drawn picture that can carry a sign or hold a prop."""

    kind: str  # what it is: facade, wall, window, door, screen, billboard, board, shelf, table, counter,
    # desk, floor, ground, vehicle-side, placard, shirt, phone-screen...
    box: Box  # where it is, in frame pixels (for flat surfaces: the usable flat area)
    depth: int  # 0 far world, 1 the set, 2 the subject plane (what stands in front of it hides it)
