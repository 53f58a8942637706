"""What many exteriors share: sky, ground, roads, building fronts, trees, street lights, skylines.

Outdoors the camera's eye is at the horizon (:data:`FLOOR_LINE`): the ground
recedes to it, and things standing nearer the camera (lower in the world) are
drawn bigger (see :meth:`Scene.metre`).
"""

from __future__ import annotations

from storyboard.picture.props.tones import (ASPHALT, CLOUD, CONCRETE, GLASS, LEAF, LEAF_DARK, LIGHT, MID, SKY, WHITE, WOOD_DARK,
                                            YELLOW, Tone, shade)
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import FLOOR_LINE, WORLD_WIDTH

CLOUDS = ((0.25, 0.12, 0.22), (0.95, 0.08, 0.3), (1.45, 0.18, 0.2))  # x, y, width
MOON = (1.38, 0.1, 0.07)  # x, y, diameter
LIT_SHARE = 0.55  # of a building's windows lit at night
SNOW: Tone = (240, 243, 248)


def sky(s: Scene, tone: Tone = SKY) -> None:
    """The whole frame as sky: clouds by day, the moon at night."""
    s.fill_all(tone)
    if s.night:
        x, y, size = MOON
        s.oval(x, y, x + size, y + size * 1.0, WHITE, 0.8)
        s.glow("moon", x, y, x + size, y + size)
        return
    for x, y, width in CLOUDS:
        for dx, dy, scale in ((0.0, 0.0, 1.0), (0.3, -0.03, 0.7), (0.55, 0.01, 0.8)):
            cx = x + dx * width
            s.oval(cx - width * scale / 3, y + dy - width * scale / 6,
                   cx + width * scale / 3, y + dy + width * scale / 8, CLOUD, 0.4)


def ground(s: Scene, tone: Tone, top: float = FLOOR_LINE) -> None:
    """The ground from world ``top`` down past the frame (under snow when it snows)."""
    tone = SNOW if s.lighting.weather == "snow" else tone
    s.fill([(-2.0, top), (WORLD_WIDTH + 2.0, top), (WORLD_WIDTH + 2.0, 4.0), (-2.0, 4.0)], tone)
    s.line([(-2.0, top), (WORLD_WIDTH + 2.0, top)], 1.0)


def road(s: Scene, near_left: float, near_right: float, tone: Tone = ASPHALT, horizon: float = FLOOR_LINE) -> None:
    """A road running away from the camera to the ``horizon``, between ``near_left`` and ``near_right`` at the
    frame's foot, with a dashed centre line."""
    vx = WORLD_WIDTH / 2
    s.shape([(vx - 0.01, horizon), (vx + 0.01, horizon), (near_right, 1.6), (near_left, 1.6)], tone, 1.0)
    middle = (near_left + near_right) / 2
    for t0 in (0.06, 0.16, 0.32, 0.58, 1.0):
        a = (vx + (middle - vx) * t0, horizon + (1.6 - horizon) * t0)
        b = (vx + (middle - vx) * t0 * 1.3, horizon + (1.6 - horizon) * t0 * 1.3)
        s.band(a, b, 0.012 * (t0 + 0.2), YELLOW, 0.4)


def street_across(s: Scene, top: float, bottom: float, tone: Tone = ASPHALT) -> None:
    """A road crossing the frame from side to side between world ``top`` and ``bottom``, with a dashed centre line."""
    s.rect(-2.0, top, WORLD_WIDTH + 2.0, bottom, tone, 1.0)
    y = (top + bottom) / 2
    x = -0.1
    while x < WORLD_WIDTH:
        s.band((x, y), (x + 0.08, y), (bottom - top) * 0.05, WHITE, 0.3)
        x += 0.16


def sidewalk(s: Scene, top: float, bottom: float) -> None:
    """A pavement strip across the frame with paving joints."""
    s.rect(-2.0, top, WORLD_WIDTH + 2.0, bottom, CONCRETE, 0.9)
    x = 0.0
    while x < WORLD_WIDTH:
        s.line([(x, top), (x - 0.04, bottom)], 0.4, MID)
        x += 0.18


def facade(s: Scene, u0: float, top: float, u1: float, base: float, tone: Tone, rows: int, cols: int,
           pane: Tone = GLASS, wall: float = 0.2) -> None:
    """A building front with a grid of windows, ``wall`` (a fraction of each bay) between them: 0.2 for punched
    windows, 0.04 for a glass curtain wall; at night some are lit (chosen by the set's seed)."""
    s.rect(u0, top, u1, base, tone, 1.2)
    cell_w, cell_h = (u1 - u0) / cols, (base - top) / rows
    for row in range(rows):
        for col in range(cols):
            x0, y0 = u0 + col * cell_w + cell_w * wall, top + row * cell_h + cell_h * wall
            x1, y1 = x0 + cell_w * (1 - 2 * wall), y0 + cell_h * (1 - 2 * wall)
            s.rect(x0, y0, x1, y1, pane, 0.5)
            if s.rng.random() < LIT_SHARE:
                s.glow("lit window", x0, y0, x1, y1)


def skyline(s: Scene, base: float = FLOOR_LINE, tone: Tone = LIGHT) -> None:
    """Distant towers along the horizon, a few with lit windows at night."""
    x = -0.05
    while x < WORLD_WIDTH:
        width = s.rng.uniform(0.07, 0.15)
        height = s.rng.uniform(0.06, 0.22)
        s.rect(x, base - height, x + width, base, shade(tone, s.rng.uniform(0.85, 1.0)), 0.5)
        if s.rng.random() < 0.5:
            s.glow("lit window", x + width * 0.3, base - height * 0.7, x + width * 0.5, base - height * 0.6)
        x += width + s.rng.uniform(0.0, 0.05)


def tree(s: Scene, x: float, floor_y: float, metres: float = 6.0, leaf: Tone = LEAF) -> None:
    """A leafy tree: a trunk and a crown of overlapping clumps."""
    metre = s.metre(floor_y)
    height, trunk = metres * metre, 0.35 * metre
    s.rect(x - trunk / 2, floor_y - height * 0.45, x + trunk / 2, floor_y, WOOD_DARK, 1.0)
    crown = height * 0.34
    for dx, dy, scale in ((-0.6, 0.25, 0.8), (0.6, 0.25, 0.8), (0.0, 0.0, 1.0), (-0.3, 0.45, 0.7), (0.35, 0.5, 0.7)):
        cx, cy = x + dx * crown, floor_y - height * 0.7 + dy * crown
        r = crown * scale
        s.oval(cx - r, cy - r * 0.9, cx + r, cy + r * 0.9, LEAF if dy else shade(leaf, 1.05), 0.9)
    s.oval(x - crown * 0.4, floor_y - height * 0.62, x + crown * 0.1, floor_y - height * 0.5, LEAF_DARK, 0.4)

