"""A laboratory: white benches with flasks and beakers, shelves of bottles, a fume hood, a whiteboard."""

from __future__ import annotations

from storyboard.picture.props.tones import BLUE, GLASS, GREEN, METAL, RED, WHITE, YELLOW, Tone, shade
from storyboard.picture.sets.rooms import cabinets, ceiling_panels, counter, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

WALL = (230, 234, 236)
LIQUIDS = (BLUE, GREEN, RED, YELLOW)
FOCUS = Focus(close=1.1, insert=(0.9, 0.68))


def _flask(s: Scene, x: float, bottom: float, height: float, liquid: Tone) -> None:
    """A conical flask with a coloured liquid, ``height`` tall in world units."""
    w = height * 0.8
    s.shape([(x - height * 0.1, bottom - height), (x + height * 0.1, bottom - height), (x + height * 0.1, bottom - height * 0.6),
             (x + w / 2, bottom), (x - w / 2, bottom), (x - height * 0.1, bottom - height * 0.6)], GLASS, 0.8)
    s.fill([(x - w * 0.3, bottom - height * 0.3), (x + w * 0.3, bottom - height * 0.3), (x + w / 2 - 0.003, bottom - 0.003),
            (x - w / 2 + 0.003, bottom - 0.003)], liquid)


def draw(s: Scene) -> None:
    """The lab for the framing; offers the whiteboard and the bench top."""
    wall = room(s, wall=WALL, floor=(200, 206, 206), floors="tiles")
    ceiling_panels(s, wall)
    s.stand("whiteboard", wall.at(0.22), wall.bottom, 1.2, lift=1.1)
    hood = (wall.at(0.72), wall.up(s, 2.4), wall.at(0.95), wall.up(s, 0.9))
    s.rect(*hood, METAL, 1.2)
    s.rect(hood[0] + 0.02, hood[1] + 0.08, hood[2] - 0.02, hood[3], GLASS, 0.9)
    for metres in (1.5, 2.0):
        s.rect(wall.at(0.42), wall.up(s, metres), wall.at(0.66), wall.up(s, metres - 0.04), WHITE, 0.8)
        for i in range(6):
            _flask(s, wall.at(0.44 + i * 0.04), wall.up(s, metres), 0.3 * s.metre(wall.bottom), LIQUIDS[i % 4])
    cabinets(s, wall.at(0.4), wall.up(s, 0.9), wall.at(0.7), wall.bottom, WHITE, 4)
    counter(s, wall.at(0.4), wall.at(0.7), wall.bottom, 0.9, WHITE, shade(METAL, 0.7))
    floor_y = 0.86
    metre = s.metre(floor_y)
    top = counter(s, 0.3, 1.5, floor_y, 0.92, WHITE, shade(METAL, 0.6))
    for i in range(5):
        _flask(s, 0.45 + i * 0.22, top, 0.28 * metre, LIQUIDS[i % 4])
    s.stand("clipboard", 1.32, floor_y, 0.3, lift=0.92)
