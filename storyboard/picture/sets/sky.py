"""Open sky: nothing but air and clouds over a thin line of distant land (the moon and stars at night)."""

from __future__ import annotations

from storyboard.picture.props.tones import CLOUD, LEAF_DARK, SKY, WHITE, shade
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import WORLD_WIDTH, Focus

HORIZON = 0.97  # world y of the far land: low, so the frame is sky
CLOUDS = ((0.2, 0.2, 0.34), (0.9, 0.1, 0.46), (1.45, 0.3, 0.3), (0.55, 0.5, 0.28), (1.25, 0.62, 0.36), (0.1, 0.72, 0.24))
STARS = 40
FOCUS = Focus(close=0.9, insert=(0.9, 0.4))


def draw(s: Scene) -> None:
    """The sky for the framing; offers the open air (for a banner towed across it)."""
    s.fill_all(shade(SKY, 1.02))
    for band in range(4):
        y = band * 0.25
        s.fill([(-2.0, y), (4.0, y), (4.0, y + 0.25), (-2.0, y + 0.25)], shade(SKY, 0.92 + band * 0.03))
    if s.night:
        for i in range(STARS):
            x, y = s.rng.uniform(-0.1, WORLD_WIDTH + 0.1), s.rng.uniform(-0.2, 0.85)
            s.oval(x - 0.004, y - 0.004, x + 0.004, y + 0.004, WHITE, 0.2)
            s.glow("lamp", x - 0.002, y - 0.002, x + 0.002, y + 0.002)
        s.oval(1.38, 0.12, 1.48, 0.22, WHITE, 0.8)
        s.glow("moon", 1.38, 0.12, 1.48, 0.22)
    else:
        for x, y, width in CLOUDS:
            for dx, dy, scale in ((0.0, 0.0, 1.0), (0.28, -0.035, 0.75), (0.52, 0.01, 0.8), (-0.25, 0.015, 0.6)):
                cx = x + dx * width
                s.oval(cx - width * scale / 3, y + dy - width * scale / 6, cx + width * scale / 3, y + dy + width * scale / 8,
                       CLOUD, 0.4)
    s.shape([(-2.0, HORIZON), (0.4, HORIZON - 0.015), (0.9, HORIZON), (1.4, HORIZON - 0.02), (4.0, HORIZON), (4.0, 2.0),
             (-2.0, 2.0)], shade(LEAF_DARK, 1.3), 0.8)
    s.offer("ground", 0.2, 0.45, 1.6, 0.75)
