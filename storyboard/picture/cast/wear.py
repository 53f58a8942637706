"""Things worn that a description names: a headset, glasses, a helmet, a hard hat, a cap, a hat, a backpack's straps.

Each is a function of the pen and the :class:`~.hair.Head` it sits on; sizes
are fractions of the head's radii. Add one by adding a row to :data:`WORN`
(the name is a prop's, so the same words find it).
"""

from __future__ import annotations

from collections.abc import Callable

from storyboard.picture.cast.hair import Head
from storyboard.picture.sketch import Pen

DARK = (52, 52, 58, 255)
HARD_HAT = (236, 190, 40, 255)
HELMET = (90, 96, 108, 255)
CAP = (60, 84, 140, 255)
HAT = (110, 90, 70, 255)
PACK = (150, 60, 56, 255)


def headset(pen: Pen, head: Head) -> None:
    """A band over the crown, an ear cup, a microphone boom to the mouth."""
    pen.line([head.at(-1.02, -0.1), head.at(-0.85, -0.85), head.at(0.0, -1.18), head.at(0.85, -0.85), head.at(1.02, -0.1)],
             weight=1.6, color=DARK[:3])
    x, y = head.at(1.02, 0.05)
    r = head.rx * 0.26
    pen.oval((x - r, y - r * 1.3, x + r, y + r * 1.3), fill=DARK, weight=0.6)
    pen.line([head.at(1.02, 0.25), head.at(0.7, 0.65), head.at(0.3, 0.62)], weight=1.0, color=DARK[:3])


def glasses(pen: Pen, head: Head) -> None:
    """Two round lenses over the eyes and a bridge."""
    shift = head.turn * 0.24
    r = head.rx * 0.2
    for side in (-1, 1):
        x, y = head.at(side * 0.36 + shift, -0.02)
        pen.oval((x - r, y - r * 0.85, x + r, y + r * 0.85), weight=0.9)
    pen.line([head.at(-0.16 + shift, -0.05), head.at(0.16 + shift, -0.05)], weight=0.8)


def _dome(pen: Pen, head: Head, tone: tuple[int, int, int, int], brim: float) -> None:
    pen.shape([head.at(-1.1, -0.35), head.at(-0.98, -0.95), head.at(0.0, -1.28), head.at(0.98, -0.95), head.at(1.1, -0.35)],
              fill=tone, weight=1.1)
    pen.shape([head.at(-1.1 - brim, -0.42), head.at(1.1 + brim, -0.42), head.at(1.1 + brim, -0.3), head.at(-1.1 - brim, -0.3)],
              fill=tone, weight=0.9)


def helmet(pen: Pen, head: Head) -> None:
    """A close helmet over the crown."""
    _dome(pen, head, HELMET, 0.0)


def hard_hat(pen: Pen, head: Head) -> None:
    """A builder's yellow hard hat with a brim all round."""
    _dome(pen, head, HARD_HAT, 0.18)


def cap(pen: Pen, head: Head) -> None:
    """A baseball cap over the hair: a crown and a peak to the front."""
    pen.shape([head.at(-1.08, -0.35), head.at(-0.98, -0.92), head.at(0.0, -1.22), head.at(0.98, -0.92), head.at(1.08, -0.35)],
              fill=CAP, weight=1.1)
    t = head.turn * 0.4
    pen.oval((*head.at(-1.02 + t, -0.5), *head.at(1.1 + t, -0.26)), fill=(*(round(c * 0.75) for c in CAP[:3]), 255), weight=1.0)


def hat(pen: Pen, head: Head) -> None:
    """A brimmed hat: a crown with a band over a wide brim."""
    pen.shape([head.at(-0.85, -0.5), head.at(-0.75, -1.45), head.at(0.75, -1.45), head.at(0.85, -0.5)], fill=HAT, weight=1.1)
    pen.shape([head.at(-0.83, -0.75), head.at(0.83, -0.75), head.at(0.85, -0.55), head.at(-0.85, -0.55)], fill=DARK,
              weight=0.6)
    pen.oval((*head.at(-1.6, -0.72), *head.at(1.6, -0.38)), fill=HAT, weight=1.0)


def backpack(pen: Pen, head: Head) -> None:
    """A backpack: its top showing over the shoulders, two wide straps down the chest and a strap across them."""
    pen.shape([head.at(-1.9, 2.2), head.at(-1.7, 1.45), head.at(1.7, 1.45), head.at(1.9, 2.2)], fill=PACK, weight=0.8)
    for side in (-1, 1):
        pen.shape([head.at(side * 1.1, 1.8), head.at(side * 1.75, 1.85), head.at(side * 1.6, 4.6), head.at(side * 1.05, 4.6)],
                  fill=PACK, weight=0.7)
    pen.shape([head.at(-1.3, 3.1), head.at(1.3, 3.1), head.at(1.3, 3.4), head.at(-1.3, 3.4)], fill=PACK, weight=0.5)


WORN: dict[str, Callable[[Pen, Head], None]] = {
    "headset": headset,
    "glasses": glasses,
    "helmet": helmet,
    "hard hat": hard_hat,
    "cap": cap,
    "hat": hat,
    "backpack": backpack,
}
