"""A kitchen: base and wall cupboards, a tiled splashback, a stove under its hood, a fridge, a window over the sink."""

from __future__ import annotations

from storyboard.picture.props.tones import BLACK, DARK, METAL, MID, WHITE, shade
from storyboard.picture.sets.rooms import cabinets, counter, pendant, room, window
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (232, 226, 206)
TILE = (214, 226, 230)
CUPBOARD = (196, 176, 146)
FOCUS = Focus(close=0.8, insert=(0.7, 0.56))


def draw(s: Scene) -> None:
    """The kitchen for the framing; offers the worktop, the splashback wall and the window."""
    wall = room(s, wall=WALL, floors="tiles", floor=(200, 196, 186))
    left, right = wall.at(0.02), wall.at(0.78)
    s.rect(left, wall.up(s, 1.5), right, wall.up(s, 0.9), TILE, 0.8)
    y = wall.up(s, 1.5)
    while y < wall.up(s, 0.9):
        s.line([(left, y), (right, y)], 0.3, MID)
        y += 0.15 * s.metre(wall.bottom)
    s.offer("wall", left, wall.up(s, 1.5), right, wall.up(s, 0.92))
    window(s, wall.at(0.08), wall.up(s, 2.3), wall.at(0.3), wall.up(s, 1.2))
    cabinets(s, wall.at(0.36), wall.up(s, 2.5), wall.at(0.78), wall.up(s, 1.7), CUPBOARD, 4)
    hood = (wall.at(0.46), wall.at(0.62))
    s.shape([(hood[0] + 0.03, wall.up(s, 2.9)), (hood[1] - 0.03, wall.up(s, 2.9)), (hood[1], wall.up(s, 1.75)),
             (hood[0], wall.up(s, 1.75))], METAL, 1.1)
    cabinets(s, left, wall.up(s, 0.9), right, wall.bottom, CUPBOARD, 8)
    top = counter(s, left, right, wall.bottom, 0.9, CUPBOARD, (150, 150, 150))
    s.rect(hood[0], wall.up(s, 0.85), hood[1], wall.bottom, BLACK, 1.0)
    s.rect(hood[0] + 0.02, wall.up(s, 0.7), hood[1] - 0.02, wall.up(s, 0.2), DARK, 0.6)
    for x in (hood[0] + 0.04, hood[1] - 0.04):
        s.oval(x - 0.03, top - 0.012, x + 0.03, top + 0.004, DARK, 0.6)
    s.rect(wall.at(0.1), top - 0.005, wall.at(0.27), top + 0.01, shade(METAL, 0.8), 0.6)
    s.line([(wall.at(0.185), top), (wall.at(0.185), top - 0.05), (wall.at(0.2), top - 0.05)], 1.4, METAL)
    fridge = (wall.at(0.8), wall.up(s, 2.0), wall.at(0.97), wall.bottom)
    s.rect(*fridge, WHITE, 1.3)
    s.line([(fridge[0], wall.up(s, 1.3)), (fridge[2], wall.up(s, 1.3))], 1.0)
    s.line([(fridge[0] + 0.02, wall.up(s, 1.5)), (fridge[0] + 0.02, wall.up(s, 1.1))], 1.4, MID)
    s.stand("bread", wall.at(0.68), wall.bottom, 0.14, lift=0.9)
    s.stand("bottle", wall.at(0.72), wall.bottom, 0.3, lift=0.9)
    s.stand("table", 0.75, 0.95, 0.76)
    pendant(s, 0.75, wall.top + 0.1, 0.1)
