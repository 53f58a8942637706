"""A launch pad: a rocket standing on its concrete pad beside a lattice gantry, a water tower, flat scrubland."""

from __future__ import annotations

from storyboard.picture.props.tones import CONCRETE, DARK, LEAF_DARK, METAL, MID, RED, WHITE, shade
from storyboard.picture.sets.outside import ground, sky
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import Focus

SCRUB = (198, 198, 160)
ROCKET = (0.84, 0.06, 1.06, 0.76)  # world rectangle of the rocket
GANTRY = (1.1, -0.02, 1.26, 0.76)
FENCE = 0.92  # world y of the fence in front
FOCUS = Focus(medium=0.95, close=0.95, insert=(0.35, 0.86))


def _lattice(s: Scene, u0: float, v0: float, u1: float, v1: float) -> None:
    """A steel lattice tower: two legs and cross bracing."""
    s.rect(u0, v0, u1, v1, None, 1.2)
    step = (u1 - u0) * 0.9
    y = v0
    while y < v1:
        s.line([(u0, y), (u1, y + step), (u0, y + step)], 0.6, DARK)
        s.line([(u1, y), (u0, y + step)], 0.6, DARK)
        y += step


def draw(s: Scene) -> None:
    """The launch pad for the framing; offers the rocket's side, a pad sign and the ground."""
    sky(s)
    ground(s, SCRUB)
    s.fill([(-2.0, 0.7), (3.0, 0.7), (3.0, 0.72), (-2.0, 0.72)], shade(LEAF_DARK, 1.1))
    s.shape([(0.5, 0.74), (1.5, 0.74), (1.62, 0.82), (0.38, 0.82)], CONCRETE, 1.1)
    s.rect(0.06, 0.5, 0.1, 0.71, None, 0.8)
    s.oval(0.02, 0.44, 0.14, 0.53, METAL, 1.0)
    _lattice(s, *GANTRY)
    s.rect(GANTRY[0] - 0.02, GANTRY[1] - 0.02, GANTRY[2] + 0.02, GANTRY[1] + 0.02, RED, 0.8)
    s.rect(ROCKET[2] - 0.01, 0.2, GANTRY[0], 0.22, MID, 0.8)
    s.place("rocket", *ROCKET)
    s.glow("lamp", GANTRY[0], GANTRY[1] - 0.04, GANTRY[2], GANTRY[1] + 0.02)
    for x in (0.6, 1.48):
        s.rect(x, 0.54, x + 0.01, 0.75, DARK, 0.6)
        s.glow("street", x - 0.02, 0.53, x + 0.03, 0.56)
    s.line([(-1.0, FENCE - 0.06), (3.0, FENCE - 0.06)], 0.8)
    post = -0.02
    while post < 2.0:
        s.line([(post, FENCE), (post, FENCE - 0.09)], 0.8)
        post += 0.12
    sign = (0.18, FENCE - 0.2, 0.52, FENCE - 0.08)
    for x in (sign[0] + 0.03, sign[2] - 0.03):
        s.rect(x - 0.005, sign[3], x + 0.005, FENCE + 0.02, DARK, 0.6)
    s.rect(*sign, WHITE, 1.2)
    s.offer("sign", sign[0] + 0.01, sign[1] + 0.01, sign[2] - 0.01, sign[3] - 0.01)
    s.offer("ground", 0.0, 0.82, 1.78, 1.0)
