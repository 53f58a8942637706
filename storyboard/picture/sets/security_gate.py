"""A security gate: a guard booth beside a striped barrier across the road, a high fence, floodlights."""

from __future__ import annotations

from storyboard.picture.props.tones import ASPHALT, CONCRETE, DARK, GLASS, METAL, RED, WHITE, shade
from storyboard.picture.sets.outside import ground, road, sky
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

FENCE = (0.5, 0.72)  # world y of the fence's top and foot
BOOTH = (1.16, 0.4, 1.62, 0.8)  # the guard booth's world rectangle
FOCUS = Focus(medium=1.05, close=1.2, insert=(1.3, 0.62))


def _fence(s: Scene, left: float, right: float) -> None:
    """A tall mesh fence on posts, with a strand of wire along its top."""
    top, foot = FENCE
    s.fill([(left, top), (right, top), (right, foot), (left, foot)], shade(METAL, 1.05), 150)
    x = left
    while x < right:
        s.line([(x, top), (x + 0.05, foot)], 0.3, DARK)
        s.line([(x + 0.05, top), (x, foot)], 0.3, DARK)
        x += 0.05
    x = left
    while x <= right:
        s.rect(x - 0.006, top - 0.03, x + 0.006, foot, DARK, 0.7)
        x += 0.25
    s.line([(left, top - 0.02), (right, top - 0.02)], 0.8)


def draw(s: Scene) -> None:
    """The security gate for the framing; offers the booth's sign band and window, a notice on the fence, the road."""
    sky(s)
    ground(s, shade(CONCRETE, 0.95))
    road(s, 0.5, 1.5, ASPHALT)
    _fence(s, -0.2, 0.62)
    _fence(s, 1.62, 2.0)
    left, top, right, foot = BOOTH
    s.rect(left - 0.02, top - 0.03, right + 0.02, top + 0.01, DARK, 1.0)
    s.rect(left, top, right, foot, WHITE, 1.3)
    s.rect(left + 0.03, top + 0.02, right - 0.03, top + 0.07, (60, 90, 140), 0.8)
    s.offer("facade", left + 0.04, top + 0.025, right - 0.04, top + 0.065)
    s.rect(left + 0.04, top + 0.12, right - 0.12, top + 0.26, GLASS, 1.0)
    s.glow("lit window", left + 0.04, top + 0.12, right - 0.12, top + 0.26)
    s.offer("window", left + 0.04, top + 0.12, right - 0.12, top + 0.26)
    s.rect(right - 0.1, top + 0.12, right - 0.03, foot, shade(WHITE, 0.85), 1.0)
    arm_y = 0.66
    s.rect(left - 0.04, arm_y - 0.02, left, foot, DARK, 0.9)
    stripe = 0.08
    x = 0.42
    while x < left - 0.04:
        s.rect(x, arm_y - 0.012, min(x + stripe, left - 0.04), arm_y + 0.012, RED if int((x - 0.42) / stripe) % 2 == 0 else WHITE,
               0.6)
        x += stripe
    notice = (0.12, 0.55, 0.4, 0.64)
    s.rect(*notice, WHITE, 1.0)
    s.offer("sign", notice[0] + 0.01, notice[1] + 0.01, notice[2] - 0.01, notice[3] - 0.01)
    for x in (0.06, 1.72):
        s.rect(x - 0.006, 0.28, x + 0.006, 0.72, DARK, 0.6)
        s.rect(x - 0.03, 0.27, x + 0.03, 0.3, METAL, 0.6)
        s.glow("street", x - 0.03, 0.27, x + 0.03, 0.3)
    s.offer("ground", 0.4, 0.85, 1.4, 1.0)
