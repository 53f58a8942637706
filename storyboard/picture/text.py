"""Fonts shipped with storyboard, and fitting a sign's text into a box.

Every sign style lays its text out through :func:`fit_text` and
:func:`draw_text`, so text is measured the same way everywhere: with
``font.getbbox`` and the font's full ascent + descent, so descenders are never
clipped. Text too long for one line is wrapped to two (or three) balanced
lines when that gives a larger font.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

from PIL import ImageDraw, ImageFont

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FONTS: dict[str, str] = {
    "bold": "DejaVuSans-Bold.ttf",
    "condensed": "DejaVuSansCondensed-Bold.ttf",
    "mono": "DejaVuSansMono-Bold.ttf",
}
MAX_LINES = 3
LINE_GAP = 0.12  # of the font size, between wrapped lines
MIN_SIZE = 6  # px: below this nobody reads anything anyway
PROBE_SIZE = 100  # px: measured once, then scaled

Box = tuple[int, int, int, int]


class FittedText(NamedTuple):
    """Text broken into lines with the largest font that fits a box."""

    lines: tuple[str, ...]
    font: ImageFont.FreeTypeFont
    width: int  # ink width of the widest line
    height: int  # from the first line's ascent to the last line's descent


@lru_cache(maxsize=256)
def load_font(name: str, size: int) -> ImageFont.FreeTypeFont:
    """The shipped font ``name`` (a key of :data:`FONTS`) at ``size`` px."""
    return ImageFont.truetype(str(FONT_DIR / FONTS[name]), size)


def _line_breaks(text: str) -> list[tuple[str, ...]]:
    """Every way to set ``text`` on 1..MAX_LINES lines, breaking at spaces."""
    words = text.split()
    options = [(" ".join(words),)]
    for count in range(1, min(MAX_LINES, len(words))):
        for cuts in combinations(range(1, len(words)), count):
            bounds = (0, *cuts, len(words))
            options.append(tuple(" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])))
    return options


def _measure(lines: tuple[str, ...], font: ImageFont.FreeTypeFont) -> tuple[int, int]:
    """Ink width and full line-stack height of ``lines`` set in ``font``."""
    ascent, descent = font.getmetrics()
    widths = [right - left for left, _, right, _ in map(font.getbbox, lines)]
    gap = round(font.size * LINE_GAP)
    return max(widths), len(lines) * (ascent + descent) + (len(lines) - 1) * gap


def _fit_lines(lines: tuple[str, ...], width: int, height: int, font_name: str) -> FittedText:
    """``lines`` at the largest size that fits ``width`` x ``height``."""
    probe_w, probe_h = _measure(lines, load_font(font_name, PROBE_SIZE))
    size = max(MIN_SIZE, int(PROBE_SIZE * min(width / probe_w, height / probe_h)))
    while True:
        font = load_font(font_name, size)
        w, h = _measure(lines, font)
        if (w <= width and h <= height) or size <= MIN_SIZE:
            return FittedText(lines, font, w, h)
        size -= 1


def fit_text(text: str, width: int, height: int, font_name: str = "bold") -> FittedText:
    """Set ``text`` as large as possible inside ``width`` x ``height`` px.

    Tries one line, then balanced two- and three-line breaks, and keeps the
    layout with the largest font (one line wins ties).
    """
    fits = [_fit_lines(lines, width, height, font_name) for lines in _line_breaks(text)]
    return max(fits, key=lambda fit: (fit.font.size, -len(fit.lines)))


def draw_text(
    draw: ImageDraw.ImageDraw,
    fitted: FittedText,
    box: Box,
    fill: tuple[int, ...],
    offset: tuple[int, int] = (0, 0),
) -> Box:
    """Draw ``fitted`` centred in ``box`` (shifted by ``offset``); return its ink box."""
    font = fitted.font
    ascent, descent = font.getmetrics()
    step = ascent + descent + round(font.size * LINE_GAP)
    top = box[1] + (box[3] - box[1] - fitted.height) // 2 + offset[1]
    inks = []
    for i, line in enumerate(fitted.lines):
        x0, _, x1, _ = font.getbbox(line)
        x = box[0] + (box[2] - box[0] - (x1 - x0)) // 2 - x0 + offset[0]
        y = top + i * step
        draw.text((x, y), line, font=font, fill=fill)
        inks.append(draw.textbbox((x, y), line, font=font))
    return (
        min(b[0] for b in inks),
        min(b[1] for b in inks),
        max(b[2] for b in inks),
        max(b[3] for b in inks),
    )
