"""A courtroom: the judge's raised bench under a round seal, the witness stand, the jury box, the counsel tables."""

from __future__ import annotations

from storyboard.picture.props.tones import GOLD, WOOD, WOOD_DARK, shade
from storyboard.picture.sets.rooms import counter, pendant, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (200, 178, 150)
PANEL = shade(WOOD, 0.85)
FOCUS = Focus(close=0.89, insert=(0.6, 0.8))


def draw(s: Scene) -> None:
    """The courtroom for the framing; offers the wall above the bench, the bench and the counsel table."""
    wall = room(s, wall=WALL, floor=shade(WOOD, 0.75), height=4.5)
    s.rect(wall.left, wall.up(s, 2.2), wall.right, wall.bottom, PANEL, 1.1)
    x = wall.left
    while x < wall.right:
        s.rect(x + 0.02, wall.up(s, 2.0), x + 0.14, wall.up(s, 0.3), shade(PANEL, 1.08), 0.5)
        x += 0.16
    seal = (wall.at(0.5) - 0.1, wall.up(s, 4.0), wall.at(0.5) + 0.1, wall.up(s, 2.6))
    s.oval(*seal, GOLD, 1.2)
    s.oval(seal[0] + 0.03, seal[1] + 0.03, seal[2] - 0.03, seal[3] - 0.03, shade(GOLD, 1.1), 0.6)
    s.offer("wall", wall.at(0.3), wall.up(s, 4.2), wall.at(0.4), wall.up(s, 2.6))
    bench_top = counter(s, wall.at(0.3), wall.at(0.7), wall.bottom, 1.6, WOOD_DARK, shade(WOOD_DARK, 1.3), "desk")
    s.stand("chair", wall.at(0.5), wall.bottom, 1.1, lift=1.1)
    s.rect(wall.at(0.3), bench_top - 0.02, wall.at(0.7), bench_top + 0.01, WOOD_DARK, 1.0)
    counter(s, wall.at(0.74), wall.at(0.86), wall.bottom + 0.02, 1.2, WOOD_DARK, shade(WOOD_DARK, 1.3), "desk")
    counter(s, wall.at(0.02), wall.at(0.24), wall.bottom + 0.03, 1.0, WOOD_DARK, shade(WOOD_DARK, 1.3), "board")
    for i in range(4):
        s.stand("chair", wall.at(0.05 + i * 0.055), wall.bottom + 0.02, 1.0, lift=0.3)
    for x in (wall.at(0.2), wall.at(0.8)):
        pendant(s, x, wall.up(s, 3.6), 0.1, GOLD)
    rail = 0.82
    s.rect(-1.0, rail - 0.9 * s.metre(rail), 3.0, rail - 0.85 * s.metre(rail), WOOD_DARK, 1.0)
    x = 0.0
    while x < 1.8:
        s.band((x, rail - 0.85 * s.metre(rail)), (x, rail), 0.01, WOOD, 0.5)
        x += 0.05
    for x in (0.55, 1.25):
        s.stand("chair", x, 0.9, 0.9)
        s.stand("table", x, 0.94, 0.76)
        s.stand("folder", x - 0.05, 0.94, 0.08, lift=0.76)
