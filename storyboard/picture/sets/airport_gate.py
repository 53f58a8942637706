"""An airport gate: a wall of glass onto the apron and a parked airliner, a departures board, rows of seats."""

from __future__ import annotations

from storyboard.picture.props.tones import ASPHALT, BLACK, BLUE, METAL, SCREEN, SKY, WHITE, YELLOW, shade
from storyboard.picture.sets.rooms import ceiling_panels, counter, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

CARPET = (120, 130, 150)
FOCUS = Focus(close=0.6, insert=(1.35, 0.63))


def _seats(s: Scene, left: float, right: float, floor_y: float) -> None:
    """A row of joined waiting-area seats on a metal beam."""
    metre = s.metre(floor_y)
    s.rect(left, floor_y - 0.45 * metre, right, floor_y - 0.4 * metre, METAL, 0.8)
    x = left
    while x < right - 0.5 * metre:
        s.round_rect(x + 0.04 * metre, floor_y - 0.95 * metre, x + 0.5 * metre, floor_y - 0.5 * metre, 0.2, BLUE, 1.0)
        s.rect(x + 0.02 * metre, floor_y - 0.55 * metre, x + 0.52 * metre, floor_y - 0.45 * metre, shade(BLUE, 0.8), 0.8)
        x += 0.55 * metre
    for x in (left + 0.1 * metre, right - 0.1 * metre):
        s.rect(x - 0.02 * metre, floor_y - 0.42 * metre, x + 0.02 * metre, floor_y, METAL, 0.6)


def draw(s: Scene) -> None:
    """The gate for the framing; offers the window wall, the departures board and the gate sign."""
    wall = room(s, wall=shade(METAL, 1.1), floor=CARPET, floors="carpet", height=4.0)
    glass = (wall.left, wall.up(s, 3.6), wall.right, wall.up(s, 0.3))
    s.fill([(glass[0], glass[1]), (glass[2], glass[1]), (glass[2], glass[3]), (glass[0], glass[3])], SKY)
    apron = wall.up(s, 1.0)
    s.fill([(glass[0], apron), (glass[2], apron), (glass[2], glass[3]), (glass[0], glass[3])], shade(ASPHALT, 1.3))
    s.place("plane", wall.at(0.08), wall.up(s, 3.2), wall.at(0.82), wall.up(s, 0.4))
    x = glass[0]
    while x <= glass[2] + 0.001:
        s.line([(x, glass[1]), (x, glass[3])], 1.2, METAL)
        x += (glass[2] - glass[0]) / 6
    s.rect(glass[0], glass[1], glass[2], glass[3], None, 1.2)
    s.glow("window", *glass)
    s.offer("window", wall.at(0.02), glass[1] + 0.01, wall.at(0.3), apron)
    board = (wall.at(0.84), wall.up(s, 3.5), wall.at(0.99), wall.up(s, 2.4))
    s.rect(*board, BLACK, 1.2)
    s.rect(board[0] + 0.01, board[1] + 0.01, board[2] - 0.01, board[3] - 0.01, SCREEN, 0.5)
    for i in range(5):
        y = board[1] + 0.02 + i * (board[3] - board[1] - 0.03) / 5
        s.line([(board[0] + 0.02, y + 0.01), (board[2] - 0.02, y + 0.01)], 0.6, YELLOW)
    s.glow("screen", *board)
    s.offer("screen", *board)
    sign = (1.2, 0.3, 1.5, 0.37)
    s.line([(1.25, -1.0), (1.25, sign[1])], 0.8)
    s.line([(1.45, -1.0), (1.45, sign[1])], 0.8)
    s.rect(*sign, (40, 60, 100), 1.1)
    s.offer("sign", *sign)
    counter(s, 1.18, 1.52, 0.8, 1.05, WHITE, METAL, "desk")
    ceiling_panels(s, wall, rows=1)
    for floor_y in (0.86, 0.98):
        _seats(s, 0.05, 0.95, floor_y)
