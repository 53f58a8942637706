"""Inside a car, seen from the dashboard: the front seats, the back seat, the rear window on the road behind.

People in the car sit in the front seats facing us; the panel draws the
dashboard and the steering wheel over them (the ``dashboard`` prop).
"""

from __future__ import annotations

from storyboard.picture.props.tones import ASPHALT, GRASS, MID, SKY, shade
from storyboard.picture.sets.outside import road, tree
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

LINING = (176, 170, 160)
FABRIC = shade(MID, 0.8)
REAR = (0.5, 0.16, 1.28, 0.46)  # the rear window: left, top, right, bottom
HORIZON = 0.36  # world y of the road's horizon through the rear window
SEATS = (0.52, 1.26)  # world x of the two front seats
FOCUS = Focus(close=0.89, insert=(0.89, 0.66))


def draw(s: Scene) -> None:
    """The car's interior for the framing; offers the rear window and the back seat."""
    s.fill_all(SKY)
    s.fill([(-2.0, HORIZON), (4.0, HORIZON), (4.0, 2.0), (-2.0, 2.0)], GRASS)
    for x, y in ((0.6, 0.38), (1.2, 0.39), (0.2, 0.4), (1.6, 0.4)):
        tree(s, x, y, 5.0)
    road(s, 0.5, 1.3, ASPHALT, HORIZON)
    left, top, right, bottom = REAR
    s.fill([(-2.0, -2.0), (4.0, -2.0), (4.0, top), (-2.0, top)], LINING)
    s.fill([(-2.0, bottom), (4.0, bottom), (4.0, 2.0), (-2.0, 2.0)], LINING)
    s.fill([(-2.0, top), (left - 0.06, top), (left, bottom), (-2.0, bottom)], LINING)
    s.fill([(4.0, top), (right + 0.06, top), (right, bottom), (4.0, bottom)], LINING)
    s.shape([(left - 0.06, top), (right + 0.06, top), (right, bottom), (left, bottom)], None, 1.3)
    s.offer("window", left, top, right, bottom)
    for side in (-1, 1):
        edge = 0.0 if side < 0 else 1.78
        s.shape([(edge, 0.12), (edge + side * -0.34, 0.18), (edge + side * -0.3, 0.5), (edge, 0.56)], SKY, 1.1)
        s.glow("window", min(edge, edge + side * -0.34), 0.12, max(edge, edge + side * -0.34), 0.56)
    s.glow("window", left, top, right, bottom)
    s.round_rect(0.3, 0.5, 1.48, 0.9, 0.15, shade(FABRIC, 0.9), 1.2)
    s.line([(0.89, 0.52), (0.89, 0.88)], 0.6, shade(FABRIC, 0.7))
    s.offer("table", 0.36, 0.62, 1.42, 0.66)
    for x in SEATS:
        s.round_rect(x - 0.14, 0.3, x + 0.14, 0.45, 0.35, FABRIC, 1.1)
        s.rect(x - 0.03, 0.45, x - 0.02, 0.5, MID, 0.5)
        s.rect(x + 0.02, 0.45, x + 0.03, 0.5, MID, 0.5)
        s.round_rect(x - 0.3, 0.5, x + 0.3, 1.6, 0.12, FABRIC, 1.3)
