"""A crowd: rows of heads and shoulders behind the cast, smaller and paler toward the back, in mixed clothes.

Each row is (where its shoulders are, how tall a person is), in fractions of
the frame's height, per framing; the people of a row stand a little more than
a head apart. Tones come from the looks' clothing palette, muted.
"""

from __future__ import annotations

import random

from storyboard.picture.cast.looks import CLOTHES, HAIR_TONES, PALETTE, SKIN
from storyboard.picture.sketch import PAPER, Pen

Tone = tuple[int, int, int]

ROWS = {
    "wide": ((0.66, 0.1), (0.73, 0.13), (0.81, 0.16)),
    "medium": ((0.62, 0.3), (0.8, 0.38), (1.0, 0.46)),
    "close-up": ((0.55, 0.36), (0.78, 0.46), (1.02, 0.56)),
    "insert": ((0.6, 0.4), (0.85, 0.5), (1.1, 0.6)),
}
# An audience: rows in front of the cast, seen from behind, lower in the frame.
AUDIENCE_ROWS = {
    "wide": ((0.82, 0.13), (0.9, 0.16), (0.99, 0.19)),
    "medium": ((0.84, 0.3), (0.97, 0.38), (1.1, 0.46)),
    "close-up": ((0.9, 0.4), (1.05, 0.5), (1.2, 0.6)),
    "insert": ((0.9, 0.4), (1.05, 0.5), (1.2, 0.6)),
}
FADE = (0.55, 0.35, 0.15)  # how far each row's tones go toward the paper, back to front
SPACING = 0.62  # between people, of a person's height
HAIR = tuple(HAIR_TONES[name] for name in ("black", "dark", "brown", "blond", "grey", "red"))


def _muted(tone: Tone, fade: float) -> tuple[int, int, int, int]:
    return (*(round(c + (p - c) * fade) for c, p in zip(tone, PAPER)), 255)


def _person(pen: Pen, x: float, shoulders: float, size: float, fade: float, rng: random.Random, back: bool) -> None:
    """One head-and-shoulders figure ``size`` tall, centred on ``x`` (``back``: seen from behind, all hair)."""
    body = _muted(CLOTHES[rng.choice(PALETTE)], fade)
    pen.shape([(x - size * 0.32, shoulders + size * 0.6), (x - size * 0.3, shoulders + size * 0.08),
               (x - size * 0.12, shoulders - size * 0.04), (x + size * 0.12, shoulders - size * 0.04),
               (x + size * 0.3, shoulders + size * 0.08), (x + size * 0.32, shoulders + size * 0.6)], fill=body, weight=0.6)
    head = size * 0.2
    top = shoulders - head * 2.1
    hair = _muted(rng.choice(HAIR), fade)
    pen.oval((x - head * 0.8, top, x + head * 0.8, shoulders - head * 0.05), fill=hair if back else _muted(rng.choice(SKIN), fade),
             weight=0.6)
    if back:
        return
    pen.shape([(x - head * 0.84, top + head * 0.9), (x - head * 0.6, top + head * 0.1), (x, top - head * 0.08),
               (x + head * 0.6, top + head * 0.1), (x + head * 0.84, top + head * 0.9), (x, top + head * 0.45)],
              fill=hair, weight=0.4)


def draw_crowd(pen: Pen, framing: str, width: int, height: int, rng: random.Random, audience: bool = False) -> None:
    """Rows of people across the whole frame for ``framing``, back row first (an ``audience``: in front, from behind)."""
    for (line, size), fade in zip((AUDIENCE_ROWS if audience else ROWS)[framing], FADE):
        tall = size * height
        step = tall * SPACING
        x = -rng.uniform(0, step)
        while x < width + step:
            _person(pen, x, line * height + rng.uniform(-0.06, 0.06) * tall, tall * rng.uniform(0.9, 1.1), fade, rng, audience)
            x += step * rng.uniform(0.85, 1.15)
