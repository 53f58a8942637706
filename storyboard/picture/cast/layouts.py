"""How tall people stand in each framing, and where their heads are: the table the staging places them by.

Also what a panel sizes its signs against (a standing adult's height), so it
lives apart from the staging's logic: placing a cached staging's signs needs
it without the sets and props.
"""

from __future__ import annotations

from typing import NamedTuple


class Layout(NamedTuple):
    """An adult's standing height and the heads' top, landscape and vertical (of the frame's height)."""

    height: tuple[float, float]
    top: tuple[float, float]
    spacing: float  # distance between centres, of a person's own width
    cut: bool  # the frame may cut the body at the sides (close-ups)


LAYOUTS: dict[tuple[str, str], Layout] = {
    ("wide", "single"): Layout((0.44, 0.32), (0.45, 0.56), 1.2, False),
    ("wide", "two"): Layout((0.42, 0.3), (0.47, 0.58), 1.25, False),
    ("wide", "group"): Layout((0.36, 0.26), (0.53, 0.62), 1.05, False),
    ("medium", "single"): Layout((1.5, 1.05), (0.1, 0.14), 1.0, False),
    ("medium", "two"): Layout((1.3, 0.85), (0.14, 0.2), 1.05, False),
    ("medium", "group"): Layout((1.0, 0.62), (0.2, 0.26), 0.95, False),
    ("close-up", "single"): Layout((3.3, 2.4), (0.1, 0.16), 1.0, True),
    ("close-up", "two"): Layout((2.3, 1.5), (0.12, 0.2), 1.0, True),
    ("close-up", "group"): Layout((1.6, 1.0), (0.14, 0.22), 0.95, True),
}
