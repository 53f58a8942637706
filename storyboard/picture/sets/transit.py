"""The inside of a bus, a train carriage or a plane: rows of seats down an aisle, windows on both sides."""

from __future__ import annotations

from typing import NamedTuple

from storyboard.picture.props.tones import GLASS, METAL, SKY, WHITE, YELLOW, Tone, shade
from storyboard.picture.sets.rooms import bounds, ceiling_panels, far, on_side_wall, room
from storyboard.picture.sets.scene import Scene

ROWS = (1.12, 1.35, 1.7, 2.4)  # seat rows, in multiples of the back wall's distance


class Cabin(NamedTuple):
    """What tells one cabin from another."""

    wall: Tone
    floor: Tone
    seat: Tone
    window: tuple[float, float]  # a window's bottom and top, metres above the floor
    round_windows: bool  # a plane's portholes
    poles: bool  # a bus's yellow grab poles


def cabin(s: Scene, kind: Cabin) -> None:
    """Draw the cabin; offers the back wall's panel (a route sign, a screen) and the windows."""
    wall = room(s, wall=kind.wall, floor=kind.floor, floors="concrete", height=2.3, back=(0.62, 1.16))
    metre = s.metre(wall.bottom)
    ceiling_panels(s, wall, rows=1)
    s.rect(wall.at(0.25), wall.up(s, 2.15), wall.at(0.75), wall.up(s, 1.75), (40, 44, 52), 1.0)
    s.offer("sign", wall.at(0.26), wall.up(s, 2.12), wall.at(0.74), wall.up(s, 1.78))
    s.rect(wall.at(0.3), wall.up(s, 1.6), wall.at(0.7), wall.bottom, shade(kind.wall, 0.9), 1.0)
    for right in (False, True):
        for near, further in zip(ROWS, ROWS[1:]):
            pane = on_side_wall(s, wall, right, (near + 0.04, further - 0.04), kind.window)
            if kind.round_windows:
                x0, y0, x1, y1 = bounds(pane)
                s.oval(x0, y0, x1, y1, SKY, 1.0)
            else:
                s.shape(pane, GLASS, 1.0)
            s.glow("window", *bounds(pane))
            if not right and near == ROWS[0]:
                s.offer("window", *bounds(pane))
    aisle = (wall.at(0.35), wall.at(0.65))
    for depth in reversed(ROWS):
        for x0, x1 in ((wall.left + 0.01, aisle[0]), (aisle[1], wall.right - 0.01)):
            a, b = far(s, (x0, wall.bottom), depth), far(s, (x1, wall.bottom), depth)
            height = 1.15 * metre * depth
            s.round_rect(a[0], a[1] - height, b[0], a[1] - height * 0.35, 0.01 * depth, kind.seat, 1.0)
            s.rect(a[0] + (b[0] - a[0]) * 0.1, a[1] - height * 1.0, b[0] - (b[0] - a[0]) * 0.1, a[1] - height * 0.88,
                   WHITE, 0.5)
        if kind.poles:
            for x in aisle:
                p = far(s, (x, wall.bottom), depth)
                s.band((p[0], p[1] - 2.3 * metre * depth), p, 0.006 * depth, YELLOW, 0.5)
    s.line([far(s, (wall.left, wall.up(s, 2.0)), 1.0), far(s, (wall.left, wall.up(s, 2.0)), 3.0)], 0.8, METAL)
    s.line([far(s, (wall.right, wall.up(s, 2.0)), 1.0), far(s, (wall.right, wall.up(s, 2.0)), 3.0)], 0.8, METAL)
