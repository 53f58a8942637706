"""An open-plan office: windows with blinds over the city, a whiteboard, desks with monitors, a plant."""

from __future__ import annotations

from storyboard.picture.props.tones import LIGHT
from storyboard.picture.sets.rooms import city_view, ceiling_panels, room, window
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

CARPET = (172, 178, 188)
DESKS = (0.6, 1.2)  # world x of the two desks
DESK_FLOOR = 0.82  # world y where the desks stand
FOCUS = Focus(close=0.95, insert=(0.6, 0.68))


def draw(s: Scene) -> None:
    """The office for the framing."""
    wall = room(s, floor=CARPET, floors="carpet")
    ceiling_panels(s, wall)
    for left, right in ((0.05, 0.37), (0.63, 0.95)):
        u0, u1, v0, v1 = wall.at(left), wall.at(right), wall.up(s, 2.6), wall.up(s, 0.9)
        city_view(s, u0, v0, u1, v1)
        window(s, u0, v0, u1, v1, view=LIGHT, blinds=True)
    s.stand("whiteboard", wall.at(0.5), wall.bottom, 1.2, lift=0.9)
    s.stand("plant", wall.at(0.96), 0.74, 1.1)
    for x in DESKS:
        s.stand("chair", x + 0.05, DESK_FLOOR - 0.04, 1.0)
        s.stand("desk", x, DESK_FLOOR, 0.75)
        s.stand("monitor", x - 0.04, DESK_FLOOR, 0.45, lift=0.75)
        s.stand("mug", x + 0.12, DESK_FLOOR, 0.1, lift=0.75)

