"""Hair styles: what is drawn behind the head (long hair, a ponytail) and over it (the top, a fringe, a cap).

Each style is a row of :data:`HAIR`: a function for the part behind the head
(or None) and one for the part over it, both given the pen, the head's centre
and radii, the hair tone, how far the head is turned and the cap's tone. Sizes
are fractions of the head's radii.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from storyboard.picture.sketch import Pen

Tone = tuple[int, int, int]
Point = tuple[float, float]


class Head(NamedTuple):
    """A head on the page: centre, radii, and how far it is turned (-1 left .. 1 right)."""

    cx: float
    cy: float
    rx: float
    ry: float
    turn: float = 0.0

    def at(self, u: float, v: float) -> Point:
        """The point ``u`` head radii across and ``v`` down from the centre."""
        return self.cx + u * self.rx, self.cy + v * self.ry


def _fill(tone: Tone) -> tuple[int, int, int, int]:
    return (*tone, 255)


def _top(pen: Pen, head: Head, tone: Tone, fringe: float = 0.5) -> None:
    """Hair over the crown down to the temples, a fringe ``fringe`` radii above the centre."""
    t = head.turn * 0.25
    points = [head.at(-1.05, 0.05), head.at(-1.02, -0.6), head.at(-0.62, -1.02), head.at(0.0, -1.13),
              head.at(0.62, -1.02), head.at(1.02, -0.6), head.at(1.05, 0.05), head.at(0.86, -fringe + 0.05),
              head.at(0.3 + t, -fringe - 0.1), head.at(-0.4 + t, -fringe), head.at(-0.86, -fringe + 0.1)]
    pen.shape(points, fill=_fill(tone), weight=0.9)


def _curtain(pen: Pen, head: Head, tone: Tone, length: float) -> None:
    """Hair falling behind the head to ``length`` radii below its centre."""
    pen.shape([head.at(-1.12, -0.5), head.at(-1.28, length * 0.6), head.at(-1.2, length), head.at(1.2, length),
               head.at(1.28, length * 0.6), head.at(1.12, -0.5), head.at(0.0, -1.1)], fill=_fill(tone), weight=0.8)


def _locks(pen: Pen, head: Head, tone: Tone, length: float) -> None:
    """The top and two locks framing the face down to ``length``."""
    _top(pen, head, tone, 0.55)
    for side in (-1, 1):
        pen.shape([head.at(side * 1.05, -0.4), head.at(side * 1.12, length), head.at(side * 0.86, length * 0.9),
                   head.at(side * 0.84, -0.3)], fill=_fill(tone), weight=0.7)


def long_back(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """Long hair behind the shoulders."""
    _curtain(pen, head, tone, 2.0)


def long_front(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """A parting and locks down past the jaw."""
    _locks(pen, head, tone, 1.0)


def bob_back(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """Hair to the jaw, behind."""
    _curtain(pen, head, tone, 0.95)


def bob_front(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """A fringe and locks to the jaw."""
    _locks(pen, head, tone, 0.75)


def short_front(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """Short hair: the crown and a fringe."""
    _top(pen, head, tone)


def crop_front(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """A man's short cut: the crown and a short fringe, above the ears, with thin sideburns."""
    t = head.turn * 0.25
    points = [head.at(-1.02, -0.2), head.at(-1.0, -0.62), head.at(-0.62, -1.03), head.at(0.0, -1.14), head.at(0.62, -1.03),
              head.at(1.0, -0.62), head.at(1.02, -0.2), head.at(0.9, -0.36), head.at(0.5 + t, -0.68), head.at(-0.3 + t, -0.64),
              head.at(-0.9, -0.36)]
    pen.shape(points, fill=_fill(tone), weight=0.9)
    for side in (-1, 1):
        pen.shape([head.at(side * 1.02, -0.3), head.at(side * 1.0, 0.12), head.at(side * 0.9, 0.1), head.at(side * 0.9, -0.3)],
                  fill=_fill(tone), weight=0.4)


def curls_front(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """Short tight curls close over the crown, above the ears."""
    crop_front(pen, head, tone, cap)
    r = head.rx * 0.22
    for i in range(7):
        angle = math.radians(200 + i * 23)
        x, y = head.at(math.cos(angle) * 0.92, math.sin(angle) * 0.95 - 0.08)
        pen.oval((x - r, y - r, x + r, y + r), fill=_fill(tone), weight=0.5)


def bun_front(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """Hair swept up into a bun on the crown."""
    _top(pen, head, tone, 0.62)
    x, y = head.at(0.0, -1.22)
    r = head.rx * 0.45
    pen.oval((x - r, y - r * 0.9, x + r, y + r * 0.9), fill=_fill(tone), weight=0.9)


def ponytail_back(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """A tail falling behind one shoulder."""
    side = -1 if head.turn > 0 else 1
    pen.shape([head.at(side * 0.7, -0.6), head.at(side * 1.45, 0.2), head.at(side * 1.35, 1.5), head.at(side * 1.05, 1.2),
               head.at(side * 0.9, 0.1)], fill=_fill(tone), weight=0.8)


def pigtails_back(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """Two tails, one each side."""
    for side in (-1, 1):
        x, y = head.at(side * 1.3, 0.45)
        pen.oval((x - head.rx * 0.32, y - head.ry * 0.7, x + head.rx * 0.32, y + head.ry * 0.7), fill=_fill(tone), weight=0.8)


def curly_front(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """A cloud of curls over the crown and down the sides."""
    r = head.rx * 0.4
    for i in range(9):
        angle = math.radians(190 + i * 20)
        x, y = head.at(math.cos(angle) * 0.95, math.sin(angle) * 0.92 - 0.05)
        pen.oval((x - r, y - r, x + r, y + r), fill=_fill(tone), weight=0.6)


def bald_front(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """A bare crown with a little hair above the ears."""
    for side in (-1, 1):
        pen.shape([head.at(side * 1.04, -0.35), head.at(side * 1.08, 0.1), head.at(side * 0.9, 0.05),
                   head.at(side * 0.9, -0.3)], fill=_fill(tone), weight=0.5)


def cap_front(pen: Pen, head: Head, tone: Tone, cap: Tone) -> None:
    """A cap: hair at the sides, the crown and a brim."""
    bald_front(pen, head, tone, cap)
    pen.shape([head.at(-1.06, -0.4), head.at(-0.95, -0.9), head.at(0.0, -1.2), head.at(0.95, -0.9), head.at(1.06, -0.4)],
              fill=_fill(cap), weight=1.0)
    t = head.turn * 0.4
    x0, y0 = head.at(-1.05 + t, -0.52)
    x1, y1 = head.at(1.05 + t, -0.3)
    pen.oval((x0, y0, x1, y1), fill=_fill(tuple(round(c * 0.75) for c in cap)), weight=0.9)


Drawer = Callable[[Pen, Head, Tone, Tone], None]


class Hair(NamedTuple):
    """A hair style: what is drawn behind the head, and over it."""

    back: Drawer | None
    front: Drawer


HAIR: dict[str, Hair] = {
    "short": Hair(None, short_front),
    "long": Hair(long_back, long_front),
    "bob": Hair(bob_back, bob_front),
    "bun": Hair(None, bun_front),
    "ponytail": Hair(ponytail_back, short_front),
    "pigtails": Hair(pigtails_back, short_front),
    "curly": Hair(None, curly_front),
    "bald": Hair(None, bald_front),
    "cap": Hair(None, cap_front),
    "crop": Hair(None, crop_front),
    "curls": Hair(None, curls_front),
}
# A man's or a boy's cut of a style: short hair above the ears, curls kept close.
MENS_CUTS = {"short": "crop", "curly": "curls"}
# Seen from behind (an over-the-shoulder): the whole head is hair, but for these.
BARE_FROM_BEHIND = frozenset({"bald"})


def _jaw(head: Head, points: list[tuple[float, float]]) -> list[Point]:
    """Points on the face in head units, moved with the turn of the head."""
    return [head.at(u + head.turn * 0.24, v) for u, v in points]


BEARD_OUTER = [(-1.0, 0.05), (-0.93, 0.6), (-0.55, 1.02), (0.0, 1.16), (0.55, 1.02), (0.93, 0.6), (1.0, 0.05)]
BEARD_INNER = [(0.74, 0.1), (0.6, 0.5), (0.34, 0.72), (0.0, 0.76), (-0.34, 0.72), (-0.6, 0.5), (-0.74, 0.1)]
MOUSTACHE = [(-0.36, 0.5), (-0.22, 0.38), (0.0, 0.42), (0.22, 0.38), (0.36, 0.5), (0.0, 0.47)]


def beard(pen: Pen, head: Head, tone: Tone) -> None:
    """A full beard round the jaw and a moustache, leaving the mouth."""
    pen.shape(_jaw(head, BEARD_OUTER + BEARD_INNER), fill=_fill(tone), weight=0.7)
    moustache(pen, head, tone)


def moustache(pen: Pen, head: Head, tone: Tone) -> None:
    """A moustache over the upper lip."""
    pen.shape(_jaw(head, MOUSTACHE), fill=_fill(tone), weight=0.6)


def stubble(pen: Pen, head: Head, tone: Tone) -> None:
    """A shadow of stubble round the jaw and over the lip."""
    pen.fill_polygon(_jaw(head, BEARD_OUTER + BEARD_INNER), (*tone, 90))
    pen.fill_polygon(_jaw(head, MOUSTACHE), (*tone, 90))


FACIAL: dict[str, Callable[[Pen, Head, Tone], None]] = {"beard": beard, "moustache": moustache, "stubble": stubble}
