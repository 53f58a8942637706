"""A hospital ward: beds with rails against a pale green wall, curtains on rails between them, a drip stand, a monitor."""

from __future__ import annotations

from storyboard.picture.props.tones import BLACK, GREEN, METAL, SCREEN, WHITE, shade
from storyboard.picture.sets.rooms import bed, ceiling_panels, room, window
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (206, 224, 214)
FLOOR = (200, 206, 204)
BEDS = ((0.36, 0.74), (1.04, 1.42))  # each bed's left and right at the wall
CURTAIN = (170, 196, 200)
FOCUS = Focus(close=0.95, insert=(0.72, 0.57))


def draw(s: Scene) -> None:
    """The ward for the framing; offers the wall (a ward sign), the window and the monitor's screen."""
    wall = room(s, wall=WALL, floor=FLOOR, floors="tiles")
    ceiling_panels(s, wall, rows=1)
    window(s, wall.at(0.43), wall.up(s, 2.4), wall.at(0.57), wall.up(s, 1.2))
    s.rect(wall.at(0.02), wall.up(s, 2.75), wall.at(0.14), wall.up(s, 2.45), WHITE, 1.0)
    s.offer("sign", wall.at(0.02), wall.up(s, 2.75), wall.at(0.14), wall.up(s, 2.45))
    s.line([(wall.left, wall.up(s, 2.6)), (wall.right, wall.up(s, 2.6))], 1.2, METAL)
    for left, right in BEDS:
        bed(s, wall, left, right, shade(CURTAIN, 1.05), head=METAL, pillows=1, length=1.9)
        monitor = (right + 0.02, wall.up(s, 1.9), right + 0.14, wall.up(s, 1.35))
        s.rect(*monitor, BLACK, 1.0)
        s.rect(monitor[0] + 0.01, monitor[1] + 0.01, monitor[2] - 0.01, monitor[3] - 0.01, SCREEN, 0.4)
        s.line([(monitor[0] + 0.01, (monitor[1] + monitor[3]) / 2), (monitor[0] + 0.05, (monitor[1] + monitor[3]) / 2),
                (monitor[0] + 0.06, monitor[1] + 0.02), (monitor[0] + 0.07, monitor[3] - 0.02),
                (monitor[2] - 0.01, (monitor[1] + monitor[3]) / 2)], 0.8, GREEN)
        s.glow("screen", *monitor)
        s.offer("screen", *monitor)
        stand_x = left - 0.08
        s.line([(stand_x, wall.up(s, 1.9)), (stand_x, wall.bottom + 0.04)], 1.2, METAL)
        s.round_rect(stand_x - 0.03, wall.up(s, 1.9), stand_x + 0.03, wall.up(s, 1.6), 0.4, WHITE, 0.7)
    for x in (wall.at(0.03), wall.at(0.95)):
        s.shape([(x - 0.05, wall.up(s, 2.6)), (x + 0.05, wall.up(s, 2.6)), (x + 0.07, 0.92), (x - 0.07, 0.92)], CURTAIN, 1.1)
        s.line([(x, wall.up(s, 2.6)), (x - 0.01, 0.92)], 0.5, shade(CURTAIN, 0.8))
