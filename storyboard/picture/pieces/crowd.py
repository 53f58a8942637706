"""A crowd: rows of heads and shoulders, smaller and lighter toward the back."""

from __future__ import annotations

from storyboard.picture.pieces.stage import Anchor, Stage
from storyboard.picture.sketch import MARKER_DARK, MARKER_LIGHT, MARKER_MID, Pen

# Rows back to front: (shoulder line y, person height), fractions of the frame height, per framing.
ROWS = {
    "wide": ((0.7, 0.09), (0.76, 0.11), (0.83, 0.13)),
    "medium": ((0.62, 0.26), (0.78, 0.32), (0.96, 0.38)),
    "close-up": ((0.55, 0.34), (0.76, 0.42), (1.0, 0.5)),
    "insert": ((0.55, 0.4), (0.8, 0.5), (1.05, 0.6)),
}
TONES = (MARKER_LIGHT, MARKER_MID, MARKER_DARK)  # back to front
SPACING = 0.62  # gap between people, of a person's height
# Where a placard is held up, per framing (fractions of the frame; may run off the bottom).
PLACARD = {
    "wide": (0.56, 0.3, 0.8, 0.82),
    "medium": (0.3, 0.05, 0.7, 1.0),
    "close-up": (0.2, 0.04, 0.8, 1.04),
    "insert": (0.08, 0.04, 0.92, 1.4),
}


def _person(pen: Pen, x: float, shoulders: float, size: float, tone: tuple[int, int, int]) -> None:
    """One head-and-shoulders silhouette, ``size`` tall, centred on ``x``."""
    head = size * 0.2
    pen.shape([(x - size * 0.32, shoulders + size * 0.6), (x - size * 0.3, shoulders + size * 0.08), (x - size * 0.12, shoulders - size * 0.04),
               (x + size * 0.12, shoulders - size * 0.04), (x + size * 0.3, shoulders + size * 0.08), (x + size * 0.32, shoulders + size * 0.6)],
              fill=(*tone, 255), weight=0.8)
    pen.oval((x - head * 0.8, shoulders - head * 2.1, x + head * 0.8, shoulders - head * 0.05), fill=(*tone, 255), weight=0.8)


def draw(pen: Pen, stage: Stage) -> tuple[Anchor, ...]:
    """The crowd for the framing; offers a placard held above it."""
    for (line, size), tone in zip(ROWS[stage.framing], TONES):
        height = stage.y(size)
        step = height * SPACING
        x = -pen.rng.uniform(0, step)
        while x < stage.width + step:
            _person(pen, x, stage.y(line) + pen.rng.uniform(-0.08, 0.08) * height, height * pen.rng.uniform(0.9, 1.1), tone)
            x += step * pen.rng.uniform(0.85, 1.15)
    return (Anchor(frozenset({"placard"}), stage.box(*PLACARD[stage.framing])),)
