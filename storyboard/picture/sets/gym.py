"""A gym: a sports hall with a basketball hoop over wall mats, court lines on a sprung floor, a rack of weights,
wall bars, high windows."""

from __future__ import annotations

from storyboard.picture.props.tones import DARK, METAL, RED, WHITE, WOOD, shade
from storyboard.picture.sets.rooms import ceiling_panels, far, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import WORLD_WIDTH, Focus

WALL = (214, 218, 222)
FLOOR = shade(WOOD, 1.15)
FOCUS = Focus(close=0.89, insert=(1.45, 0.78))


def draw(s: Scene) -> None:
    """The gym for the framing; offers the banner on the back wall and the backboard."""
    wall = room(s, wall=WALL, floor=FLOOR, height=6.0)
    s.rect(wall.left, wall.up(s, 5.8), wall.right, wall.up(s, 4.8), (206, 222, 232), 1.0)
    s.glow("window", wall.left, wall.up(s, 5.8), wall.right, wall.up(s, 4.8))
    for i in range(1, 8):
        s.line([(wall.at(i / 8), wall.up(s, 5.8)), (wall.at(i / 8), wall.up(s, 4.8))], 0.8)
    ceiling_panels(s, wall)
    banner = (wall.at(0.06), wall.up(s, 4.4), wall.at(0.3), wall.up(s, 3.7))
    s.rect(*banner, (60, 90, 140), 1.0)
    s.offer("wall", *banner)
    board = (wall.at(0.42), wall.up(s, 4.0), wall.at(0.58), wall.up(s, 3.0))
    s.rect(board[0] + 0.07, board[3], board[2] - 0.07, wall.up(s, 4.5), METAL, 0.8)
    s.rect(*board, WHITE, 1.2)
    s.rect(wall.at(0.47), wall.up(s, 3.55), wall.at(0.53), wall.up(s, 3.1), None, 1.0)
    rim = (wall.at(0.465), wall.up(s, 3.08), wall.at(0.535), wall.up(s, 3.0))
    s.oval(*rim, None, 1.6)
    s.line([rim[:2], (rim[0] + 0.01, rim[3] + 0.06), (rim[2] - 0.01, rim[3] + 0.06), (rim[2], rim[1])], 0.5)
    s.line([(rim[0], rim[3]), (rim[2] - 0.01, rim[3] + 0.06)], 0.4)
    s.line([(rim[2], rim[3]), (rim[0] + 0.01, rim[3] + 0.06)], 0.4)
    pads = 6
    for i in range(pads):
        u0, u1 = wall.at(0.3 + 0.4 * i / pads), wall.at(0.3 + 0.4 * (i + 1) / pads)
        s.rect(u0 + 0.004, wall.up(s, 2.0), u1 - 0.004, wall.up(s, 0.1), (70, 100, 150), 0.8)
    for x in (wall.at(0.03), wall.at(0.16)):
        s.rect(x - 0.005, wall.up(s, 2.6), x + 0.005, wall.bottom, WOOD, 0.7)
    y = wall.bottom
    while y > wall.up(s, 2.6):
        s.line([(wall.at(0.03), y), (wall.at(0.16), y)], 0.7, shade(WOOD, 0.8))
        y -= 0.2 * s.metre(wall.bottom)
    rack = (wall.at(0.74), wall.up(s, 1.0), wall.at(0.97), wall.bottom)
    s.rect(rack[0], rack[1], rack[0] + 0.01, rack[3], DARK, 0.7)
    s.rect(rack[2] - 0.01, rack[1], rack[2], rack[3], DARK, 0.7)
    for level in (0.35, 0.75):
        shelf = wall.up(s, level)
        s.rect(rack[0], shelf - 0.005, rack[2], shelf + 0.005, DARK, 0.7)
        x = rack[0] + 0.03
        while x < rack[2] - 0.04:
            s.stand("dumbbell", x + 0.02, shelf, 0.18)
            x += 0.05
    centre = WORLD_WIDTH / 2
    s.line([far(s, (centre, 1.6), 0.35), (centre, 1.6)], 1.0, RED)
    s.line([(-1.0, 0.8), (3.0, 0.8)], 1.0, RED)
    s.oval(centre - 0.2, 0.76, centre + 0.2, 0.86, None, 1.0)
    s.stand("ball", 0.4, 0.84, 0.25)
    s.stand("bench", 1.3, 0.84, 0.45)
    s.offer("board", board[0] + 0.01, board[1] + 0.01, board[2] - 0.01, wall.up(s, 3.6))
    s.offer("floor", 0.3, 0.8, 1.5, 1.0)
