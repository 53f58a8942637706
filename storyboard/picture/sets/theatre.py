"""A theatre stage seen from the stalls: a proscenium arch, red drapes, a wooden stage in a spotlight, heads in front."""

from __future__ import annotations

from storyboard.picture.props.tones import BLACK, GOLD, WHITE, WOOD, shade
from storyboard.picture.sets.rooms import room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

DRAPE = (150, 44, 48)
BACKDROP = (90, 84, 110)
ARCH = (0.16, 0.06, 1.62)  # left, top, right of the proscenium opening
LIP = 0.9  # world y of the stage's front edge
FOCUS = Focus(close=0.89, insert=(0.89, 0.8))


def draw(s: Scene) -> None:
    """The stage for the framing; offers the backdrop and the stage floor."""
    wall = room(s, wall=BACKDROP, floor=shade(WOOD, 0.95), ceiling=BLACK)
    s.offer("wall", wall.at(0.25), wall.up(s, 2.8), wall.at(0.75), wall.up(s, 1.4))
    spot = (0.64, 0.8, 1.14, 0.88)
    s.oval(*spot, shade(WOOD, 1.25), 0.4)
    s.glow("flame", *spot)
    s.stand("microphone", 0.89, 0.84, 1.6)
    left, top, right = ARCH
    s.fill([(-2.0, -2.0), (4.0, -2.0), (4.0, top), (-2.0, top)], BLACK)
    s.fill([(-2.0, top), (left, top), (left, LIP), (-2.0, LIP)], BLACK)
    s.fill([(right, top), (4.0, top), (4.0, LIP), (right, LIP)], BLACK)
    s.rect(left - 0.02, top - 0.03, right + 0.02, top + 0.02, GOLD, 1.1)
    s.shape([(left, top + 0.02), (right, top + 0.02), (right, top + 0.14), (left, top + 0.14)], DRAPE, 1.1)
    x = left
    while x < right:
        s.line([(x, top + 0.02), (x + 0.02, top + 0.14)], 0.5, shade(DRAPE, 0.7))
        x += 0.06
    for edge, inward in ((left, 1), (right, -1)):
        s.shape([(edge, top + 0.02), (edge + inward * 0.2, top + 0.02), (edge + inward * 0.12, 0.5), (edge + inward * 0.16, LIP),
                 (edge, LIP)], DRAPE, 1.2)
        for i in range(1, 4):
            s.line([(edge + inward * 0.05 * i, top + 0.04), (edge + inward * 0.04 * i, LIP)], 0.5, shade(DRAPE, 0.7))
    s.rect(-2.0, LIP, 4.0, LIP + 0.05, shade(WOOD, 0.7), 1.2)
    s.fill([(-2.0, LIP + 0.05), (4.0, LIP + 0.05), (4.0, 3.0), (-2.0, 3.0)], BLACK)
    x = 0.0
    while x < 1.9:
        s.oval(x - 0.05, LIP + 0.06, x + 0.05, LIP + 0.18, shade(BLACK, 1.3), 0.6)
        x += 0.13
    for x in (0.3, 1.48):
        s.oval(x - 0.03, top + 0.15, x + 0.03, top + 0.2, WHITE, 0.6)
        s.glow("lamp", x - 0.03, top + 0.15, x + 0.03, top + 0.2)
    s.offer("floor", 0.4, wall.bottom, 1.38, LIP)
