"""A church: a tall stone nave, a pointed stained-glass window over the altar, candles, rows of pews down an aisle."""

from __future__ import annotations

from storyboard.picture.props.tones import BLUE, GOLD, GREEN, RED, WHITE, WOOD_DARK, YELLOW, shade
from storyboard.picture.props.canvas import arc
from storyboard.picture.sets.rooms import far, on_side_wall, room
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

STONE = (206, 200, 188)
PANES = (RED, BLUE, YELLOW, GREEN, BLUE, RED)
PEW_ROWS = (1.15, 1.35, 1.6, 1.95)  # in multiples of the altar wall's distance
FOCUS = Focus(close=0.89, insert=(0.89, 0.62))


def draw(s: Scene) -> None:
    """The church for the framing; offers the window and the wall beside it."""
    wall = room(s, wall=STONE, floor=shade(STONE, 0.85), floors="tiles", height=9.0, back=(0.5, 1.28))
    metre = s.metre(wall.bottom)
    cx, top, width = wall.at(0.5), wall.up(s, 6.2), 1.8 * metre
    outline = [(cx - width, wall.up(s, 2.8)), *arc(cx, top + width, width, width * 1.2, 180, 360, 12),
               (cx + width, wall.up(s, 2.8))]
    s.shape(outline, WHITE, 1.4)
    for i, tone in enumerate(PANES):
        x0 = cx - width * 0.85 + i * width * 0.283
        s.rect(x0, top + width * 0.6, x0 + width * 0.25, wall.up(s, 3.0), tone, 0.6)
    s.glow("window", cx - width, top, cx + width, wall.up(s, 2.8))
    s.offer("window", cx - width * 0.85, top + width * 0.6, cx + width * 0.85, wall.up(s, 3.0))
    s.offer("wall", wall.left + 0.02, wall.up(s, 6.0), cx - width - 0.02, wall.up(s, 3.0))
    for right in (False, True):
        for near in ((1.2, 1.35), (1.7, 1.95)):
            s.shape(on_side_wall(s, wall, right, near, (2.6, 5.6)), shade(BLUE, 1.4), 1.0)
    altar = (cx - 0.9 * metre, wall.up(s, 1.0), cx + 0.9 * metre, wall.bottom + 0.02)
    s.rect(*altar, WHITE, 1.2)
    s.rect(cx - 0.05 * metre, wall.up(s, 2.5), cx + 0.05 * metre, wall.up(s, 1.0), GOLD, 0.8)
    s.rect(cx - 0.3 * metre, wall.up(s, 2.2), cx + 0.3 * metre, wall.up(s, 2.1), GOLD, 0.8)
    for dx in (-0.6, 0.6):
        s.stand("candle", cx + dx * metre, wall.bottom, 0.5, lift=1.0)
    for depth in PEW_ROWS:
        for side in (-1, 1):
            inner = far(s, (cx + side * 0.35 * metre, wall.bottom), depth)
            outer = far(s, (cx + side * 1.9 * metre, wall.bottom), depth)
            height = 0.9 * metre * depth
            s.shape([(inner[0], inner[1]), (outer[0], outer[1]), (outer[0], outer[1] - height), (inner[0], inner[1] - height)],
                    WOOD_DARK, 1.1)
            s.rect(min(inner[0], outer[0]), inner[1] - height, max(inner[0], outer[0]), inner[1] - height * 0.85,
                   shade(WOOD_DARK, 1.3), 0.6)
