"""An aerial view: a city seen from high above, blocks of rooftops between streets running to a hazy skyline."""

from __future__ import annotations

from storyboard.picture.props.tones import ASPHALT, BRICK, CONCRETE, GLASS, LEAF, SKY, WALL, WHITE, Tone, shade
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import WORLD_WIDTH, Focus

HORIZON = 0.16  # world y of the far skyline: the camera looks down
ROOFS: tuple[Tone, ...] = (CONCRETE, shade(BRICK, 1.1), WALL, shade(GLASS, 0.9), (180, 170, 160), LEAF)
DEPTH = 1.22  # each row of blocks is this much farther than the one before it
FOCUS = Focus(close=0.89, insert=(0.89, 0.5))


def _row(s: Scene, y0: float, y1: float, width: float, row: int) -> None:
    """One row of city blocks between world ``y0`` (far) and ``y1`` (near): roofs, their sides, lit windows at night."""
    vx = WORLD_WIDTH / 2
    x = vx - width * 8.5
    col = 0
    while x < vx + width * 8.5:
        tone = ROOFS[(row * 5 + col * 3) % len(ROOFS)]
        inset = width * 0.12
        tall = (y1 - y0) * (0.2 + 0.3 * ((row + col * 7) % 4) / 3)
        s.rect(x + inset, y0 + (y1 - y0) * 0.2, x + width - inset, y1 - (y1 - y0) * 0.15, shade(tone, 0.7), 0.4)
        s.rect(x + inset, y0 + (y1 - y0) * 0.2 - tall, x + width - inset, y1 - (y1 - y0) * 0.15 - tall, tone, 0.5)
        if s.rng.random() < 0.5:
            s.glow("lit window", x + inset, y1 - (y1 - y0) * 0.15 - tall, x + width - inset, y1 - (y1 - y0) * 0.15)
        x += width
        col += 1


def draw(s: Scene) -> None:
    """The city from the air for the framing; offers a billboard on a near roof."""
    s.fill_all(shade(SKY, 1.05))
    s.fill([(-2.0, HORIZON - 0.05), (4.0, HORIZON - 0.05), (4.0, 2.0), (-2.0, 2.0)], shade(ASPHALT, 1.35))
    x = -0.1
    while x < WORLD_WIDTH + 0.1:
        height = s.rng.uniform(0.02, 0.07)
        s.rect(x, HORIZON - height, x + 0.06, HORIZON, shade(SKY, 0.85), 0.3)
        x += 0.07
    y, width, row = HORIZON, 0.05, 0
    while y < 1.3:
        near = y + width * 0.55
        _row(s, y, near, width, row)
        y, width, row = near, width * DEPTH, row + 1
    board = (0.62, 0.6, 1.06, 0.76)
    for post in (board[0] + 0.06, board[2] - 0.06):
        s.rect(post - 0.006, board[3], post + 0.006, board[3] + 0.06, shade(ASPHALT, 0.8), 0.6)
    s.rect(*board, WHITE, 1.2)
    s.offer("billboard", board[0] + 0.01, board[1] + 0.01, board[2] - 0.01, board[3] - 0.01)
