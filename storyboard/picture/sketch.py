"""Pencil and marker: the drawing primitives of the storyboard look.

Outlines are drawn :data:`PASSES` times with a tiny random wobble, like a
pencil going over a line twice; fills are flat grey marker tones. Every size is
a fraction of the frame's short side, so a panel looks the same at any
resolution.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Pillow is imported where pixels are made: staging a film reads these tables without it
    from PIL import Image, ImageDraw

PAPER = (246, 241, 228)
INK = (44, 40, 38)
MARKER_LIGHT = (214, 209, 200)
MARKER_MID = (178, 173, 166)
MARKER_DARK = (128, 124, 120)
STROKE = 0.0032  # pencil width, of the short side
WOBBLE = 0.0022  # how far a pencil pass strays, of the short side
PASSES = ((1.0, 235), (0.6, 150))  # (relative width, alpha) of each pass
GRAIN = 3.5  # paper grain amplitude (standard deviation), in grey levels
GRAIN_CELL = 6  # px of paper per grain sample
PAPER_SEED = 1897  # the same sheet for every panel

Point = tuple[float, float]


def seed_of(*parts: str) -> int:
    """A stable 64-bit seed from text (``hash()`` differs between processes)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def noise(size: tuple[int, int], spread: float, rng: random.Random) -> Image.Image:
    """A greyscale image of seeded noise around 128 with standard deviation ``spread``.

    Uniform noise from ``rng`` (deterministic in every process), scaled so its
    spread matches a normal distribution's; drawn with Pillow alone so that
    drawing a sign never has to load numpy.
    """
    from PIL import Image

    width = spread * 12**0.5  # a uniform distribution this wide has this standard deviation
    lut = [max(0, min(255, round(128 + (v / 255 - 0.5) * width))) for v in range(256)]
    return Image.frombytes("L", size, rng.randbytes(size[0] * size[1])).point(lut)


@lru_cache(maxsize=4)
def _paper(width: int, height: int) -> Image.Image:
    """The paper sheet for one size (cached: copy it before drawing)."""
    from PIL import Image, ImageChops

    small = (max(1, width // GRAIN_CELL), max(1, height // GRAIN_CELL))
    grain = noise(small, GRAIN, random.Random(PAPER_SEED)).resize((width, height), Image.Resampling.BILINEAR)
    base = Image.new("RGB", (width, height), PAPER)
    return ImageChops.add(base, Image.merge("RGB", (grain, grain, grain)), 1.0, -128)


def paper(width: int, height: int) -> Image.Image:
    """A fresh sheet of warm off-white paper with a soft, fixed grain."""
    return _paper(width, height).copy()


def blur_reduced(image: Image.Image, radius: float) -> Image.Image:
    """Gaussian blur of ``radius`` px, computed at a fifth of the radius's scale (a soft background loses nothing)."""
    from PIL import Image, ImageFilter

    factor = max(1, int(radius // 2))
    small = image.resize((max(1, image.width // factor), max(1, image.height // factor)), Image.Resampling.BOX)
    small = small.filter(ImageFilter.GaussianBlur(radius / factor))
    return small.resize(image.size, Image.Resampling.BILINEAR)


class Pen:
    """Sketchy pencil and marker drawing on one image.

    Opaque marker fills are drawn straight onto the image (a translucent one
    is blended over it: four times as slow on a whole wall). With a ``tint``
    (a lookup table of 768 values, red then green then blue) every colour is
    passed through it as it is drawn: people and props take a dark set's light
    without a layer of their own.
    """

    def __init__(self, image: Image.Image, rng: random.Random, tint: Sequence[int] | None = None,
                 unit: int | None = None) -> None:
        from PIL import ImageDraw

        self.image = image
        self.draw = ImageDraw.Draw(image, "RGBA")
        self.solid = ImageDraw.Draw(image)
        self.rng = rng
        self.unit = unit or min(image.size)  # the frame's short side (a piece of a frame drawn apart gives its frame's)
        self.tint = tint

    def px(self, fraction: float) -> int:
        """``fraction`` of the frame's short side, in whole pixels (at least 1)."""
        return max(1, round(fraction * self.unit))

    def ink(self, color: Sequence[int]) -> tuple[int, ...]:
        """``color`` (RGB or RGBA) as drawn: through the tint, if any."""
        if self.tint is None:
            return tuple(color)
        lut = self.tint
        return (lut[color[0]], lut[256 + color[1]], lut[512 + color[2]], *color[3:])

    def _marker(self, color: Sequence[int]) -> tuple[ImageDraw.ImageDraw, tuple[int, ...]]:
        """The draw to fill with ``color`` (straight when opaque, blended when not) and the ink."""
        ink = self.ink(color)
        if len(ink) == 4 and ink[3] < 255:
            return self.draw, ink
        return self.solid, ink[:3] if self.image.mode == "RGB" else (*ink[:3], 255)

    def fill_polygon(self, points: Sequence[Point], color: Sequence[int]) -> None:
        """A polygon of marker ``color``, no outline."""
        draw, ink = self._marker(color)
        draw.polygon(list(points), fill=ink)

    def fill_ellipse(self, box: Sequence[float], color: Sequence[int]) -> None:
        """An ellipse of marker ``color``, no outline."""
        draw, ink = self._marker(color)
        draw.ellipse(list(box), fill=ink)

    def fill_rect(self, box: Sequence[float], color: Sequence[int]) -> None:
        """A rectangle of marker ``color``, no outline."""
        draw, ink = self._marker(color)
        draw.rectangle(list(box), fill=ink)

    def _wobbled(self, points: Sequence[Point]) -> list[Point]:
        """``points`` each moved by a small random pencil wobble."""
        w = WOBBLE * self.unit
        return [(x + self.rng.uniform(-w, w), y + self.rng.uniform(-w, w)) for x, y in points]

    def line(self, points: Sequence[Point], weight: float = 1.0, color: tuple[int, int, int] = INK) -> None:
        """A pencil line through ``points``, gone over once per pass."""
        ink = self.ink(color)
        for rel_width, alpha in PASSES:
            width = max(1, round(STROKE * self.unit * weight * rel_width))
            self.draw.line(self._wobbled(points), fill=(*ink, alpha), width=width, joint="curve")

    def shape(self, points: Sequence[Point], fill: tuple[int, ...] | None = None, weight: float = 1.0) -> None:
        """A closed polygon: marker ``fill`` then a sketched outline."""
        if fill is not None:
            self.fill_polygon(points, fill)
        self.line([*points, points[0]], weight)

    def oval(self, box: Sequence[float], fill: tuple[int, ...] | None = None, weight: float = 1.0) -> None:
        """An ellipse: marker ``fill`` then a sketched outline."""
        if fill is not None:
            self.fill_ellipse(box, fill)
        ink = self.ink(INK)
        for rel_width, alpha in PASSES:
            width = max(1, round(STROKE * self.unit * weight * rel_width))
            x0, y0 = self._wobbled([(box[0], box[1])])[0]
            x1, y1 = self._wobbled([(box[2], box[3])])[0]
            self.draw.ellipse([min(x0, x1 - 1), min(y0, y1 - 1), x1, y1], outline=(*ink, alpha), width=width)

    def hatch(self, box: Sequence[float], spacing: float, color: tuple[int, int, int] = MARKER_DARK) -> None:
        """Loose diagonal marker hatching clipped to ``box`` (spacing: of the short side)."""
        x0, y0, x1, y1 = box
        step = max(2.0, spacing * self.unit)
        height = y1 - y0
        x = x0 - height
        while x < x1:
            a = (max(x, x0), y1 - (max(x, x0) - x))
            b = (min(x + height, x1), y1 - (min(x + height, x1) - x))
            self.line([a, b], weight=0.5, color=color)
            x += step
