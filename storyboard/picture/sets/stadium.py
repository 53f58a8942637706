"""A stadium: banks of seats under a roof, floodlight towers, a big screen, a running track round a green field."""

from __future__ import annotations

from storyboard.picture.props.tones import BLUE, DARK, GRASS, METAL, RED, SCREEN, WHITE, YELLOW, shade
from storyboard.picture.sets.outside import sky
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import WORLD_WIDTH, Focus

STANDS = (0.3, 0.64)  # world y of the top and the foot of the stands
SEATS = (BLUE, RED, YELLOW)  # the colours of the seat rows, in bands
TRACK = (0.64, 0.78)  # world y of the far and near edges of the track in front of the stands
SCREEN_BOX = (0.5, 0.02, 1.28, 0.3)
FOCUS = Focus(close=0.6, insert=(0.9, 0.86))
HAS = ("monitor", "television")  # the big screen over the stands


def draw(s: Scene) -> None:
    """The stadium for the framing; offers the big screen and the field."""
    sky(s)
    top, foot = STANDS
    s.shape([(-0.2, top), (WORLD_WIDTH + 0.2, top), (WORLD_WIDTH + 0.2, foot), (-0.2, foot)], shade(DARK, 1.3), 1.2)
    rows = 12
    for row in range(rows):
        y0 = top + (foot - top) * row / rows
        s.fill([(-0.2, y0), (WORLD_WIDTH + 0.2, y0), (WORLD_WIDTH + 0.2, y0 + (foot - top) / rows * 0.6),
                (-0.2, y0 + (foot - top) / rows * 0.6)], SEATS[row * len(SEATS) // rows])
    for x in (0.3, 0.89, 1.48):
        s.line([(x, top), (x, foot)], 1.2, shade(DARK, 0.9))
    s.rect(-0.2, top - 0.05, WORLD_WIDTH + 0.2, top, METAL, 1.1)
    s.rect(SCREEN_BOX[0] - 0.02, SCREEN_BOX[1] - 0.02, SCREEN_BOX[2] + 0.02, SCREEN_BOX[3] + 0.02, DARK, 1.1)
    for x in (SCREEN_BOX[0] + 0.1, SCREEN_BOX[2] - 0.1):
        s.rect(x - 0.01, SCREEN_BOX[3] + 0.02, x + 0.01, top - 0.05, DARK, 0.8)
    s.rect(*SCREEN_BOX, SCREEN, 1.0)
    s.glow("screen", *SCREEN_BOX)
    s.offer("screen", *SCREEN_BOX)
    for x in (0.12, 1.66):
        s.band((x, 0.05), (x, top - 0.05), 0.012, METAL, 0.8)
        s.rect(x - 0.07, 0.0, x + 0.07, 0.07, WHITE, 1.0)
        for i in range(3):
            s.line([(x - 0.06, 0.02 + i * 0.02), (x + 0.06, 0.02 + i * 0.02)], 0.4, DARK)
        s.glow("street", x - 0.07, 0.0, x + 0.07, 0.07)
    s.rect(-0.2, foot - 0.03, WORLD_WIDTH + 0.2, foot, WHITE, 0.9)
    near, far_edge = TRACK[1], TRACK[0]
    s.fill([(-0.2, far_edge), (WORLD_WIDTH + 0.2, far_edge), (WORLD_WIDTH + 0.2, 1.6), (-0.2, 1.6)], (196, 104, 84))
    lanes = 6
    for lane in range(lanes + 1):
        y = far_edge + (near - far_edge) * lane / lanes
        s.line([(-0.2, y), (WORLD_WIDTH + 0.2, y)], 0.5, WHITE)
    s.fill([(-0.2, near), (WORLD_WIDTH + 0.2, near), (WORLD_WIDTH + 0.2, 1.6), (-0.2, 1.6)], GRASS)
    s.line([(-0.2, near), (WORLD_WIDTH + 0.2, near)], 1.0)
    s.line([(WORLD_WIDTH / 2, near), (WORLD_WIDTH / 2, 1.6)], 0.8, WHITE)
    s.offer("ground", 0.0, TRACK[0], 1.78, 1.0)
