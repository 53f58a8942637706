"""Inside a car, from the back seat: the windscreen on the road ahead, the dashboard, the steering wheel, the seats."""

from __future__ import annotations

from storyboard.picture.props.tones import ASPHALT, BLACK, DARK, GRASS, MID, SCREEN, SKY, YELLOW, shade
from storyboard.picture.sets.outside import road, tree
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

LINING = (176, 170, 160)
HORIZON = 0.45  # world y of the road's horizon through the windscreen
DASH = 0.6  # world y of the dashboard's top edge
WHEEL = (0.56, 0.72, 0.2)  # the steering wheel's centre and radius
FOCUS = Focus(close=0.3, insert=(0.7, 0.68))


def draw(s: Scene) -> None:
    """The car's interior for the framing; offers the windscreen and the dashboard screen."""
    s.fill_all(SKY)
    s.fill([(-2.0, HORIZON), (4.0, HORIZON), (4.0, 2.0), (-2.0, 2.0)], GRASS)
    s.line([(-2.0, HORIZON), (4.0, HORIZON)], 0.8)
    _road_ahead(s)
    s.offer("window", 0.3, 0.12, 1.48, DASH)
    s.glow("beam", 0.66, HORIZON + 0.05, 1.12, HORIZON + 0.12)
    s.fill([(-2.0, -2.0), (4.0, -2.0), (4.0, 0.1), (-2.0, 0.1)], LINING)
    s.shape([(-2.0, 0.1), (0.3, 0.1), (0.06, DASH), (-2.0, DASH + 0.2)], LINING, 1.3)
    s.shape([(4.0, 0.1), (1.48, 0.1), (1.72, DASH), (4.0, DASH + 0.2)], LINING, 1.3)
    s.rect(0.82, 0.1, 0.96, 0.16, BLACK, 0.9)
    s.shape([(-2.0, DASH + 0.02), (0.1, DASH - 0.02), (1.68, DASH - 0.02), (4.0, DASH + 0.02),
             (4.0, 2.0), (-2.0, 2.0)], DARK, 1.3)
    s.rect(0.8, DASH + 0.06, 1.0, DASH + 0.17, SCREEN, 1.0)
    s.glow("screen", 0.8, DASH + 0.06, 1.0, DASH + 0.17)
    s.offer("screen", 0.8, DASH + 0.06, 1.0, DASH + 0.17)
    for x in (0.44, 0.62):
        s.oval(x - 0.06, DASH + 0.03, x + 0.06, DASH + 0.12, BLACK, 0.8)
        s.line([(x, DASH + 0.075), (x + 0.03, DASH + 0.05)], 0.8, YELLOW)
    x, y, r = WHEEL
    s.oval(x - r, y - r * 0.9, x + r, y + r * 0.9, None, 4.0)
    s.band((x, y), (x - r, y + 0.02), 0.04, MID, 1.0)
    s.band((x, y), (x + r, y + 0.02), 0.04, MID, 1.0)
    s.oval(x - 0.05, y - 0.05, x + 0.05, y + 0.05, MID, 1.0)
    for seat_x in (0.56, 1.22):
        s.round_rect(seat_x - 0.28, 0.82, seat_x + 0.28, 1.6, 0.2, shade(MID, 0.8), 1.3)
        s.round_rect(seat_x - 0.13, 0.7, seat_x + 0.13, 0.86, 0.3, shade(MID, 0.8), 1.2)


def _road_ahead(s: Scene) -> None:
    """The road seen through the windscreen: a lane to the horizon, trees by the roadside."""
    for x, y in ((0.45, 0.47), (1.35, 0.48), (0.2, 0.5)):
        tree(s, x, y, 6.0)
    road(s, 0.4, 1.4, ASPHALT, HORIZON)
