"""Fonts shipped with storyboard, and fitting a sign's text into a box.

Every sign style lays its text out through :func:`fit_text` and
:func:`draw_text`, so text is measured the same way everywhere: with
``font.getbbox`` and the font's full ascent + descent, so descenders are never
clipped. Text too long for one line is wrapped to two (or three) lines when
that gives a larger font: for each number of lines, the break that keeps the
widest line narrowest, found by a binary search on that width (a few hundred
measurements for a 400-word placard, not every way to break it).

A character the style's font lacks is drawn in the first font of
:data:`FALLBACKS` that has it (Chinese, Japanese and Korean; symbols and
emoji); :func:`undrawable` names the characters no shipped font has, which
would be drawn as boxes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from PIL import ImageDraw, ImageFont

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FONTS: dict[str, str] = {
    "bold": "DejaVuSans-Bold.ttf",
    "condensed": "DejaVuSansCondensed-Bold.ttf",
    "mono": "DejaVuSansMono-Bold.ttf",
    "cjk": "DroidSansFallback-CJK.woff",  # Chinese, Japanese, Korean (a subset: see its licence file)
    "symbols": "Symbola-Symbols.woff",  # arrows, dingbats, emoji in outline
}
FALLBACKS = ("cjk", "symbols")  # tried in order for a character the style's font lacks
MAX_LINES = 3
LINE_GAP = 0.12  # of the font size, between wrapped lines
MIN_SIZE = 6  # px: below this nobody reads anything anyway
PROBE_SIZE = 100  # px: measured once, then scaled
GLYPH_PROBE_SIZE = 24  # px: where a character's glyph is told from the font's "missing" box

Box = tuple[int, int, int, int]
Run = tuple[str, ImageFont.FreeTypeFont]  # characters drawn in one font


class FittedText(NamedTuple):
    """Text broken into lines with the largest font that fits a box."""

    lines: tuple[str, ...]
    font: ImageFont.FreeTypeFont
    width: int  # ink width of the widest line
    height: int  # from the first line's ascent to the last line's descent
    font_name: str = "bold"  # the key of FONTS the font is (its fallbacks draw what it lacks)


@lru_cache(maxsize=256)
def load_font(name: str, size: int) -> ImageFont.FreeTypeFont:
    """The shipped font ``name`` (a key of :data:`FONTS`) at ``size`` px."""
    return ImageFont.truetype(str(FONT_DIR / FONTS[name]), size)


@cache
def _has_glyph(name: str, char: str) -> bool:
    """Whether font ``name`` draws ``char`` itself rather than its box for a missing character."""
    font = load_font(name, GLYPH_PROBE_SIZE)
    missing, drawn = font.getmask("\uffff"), font.getmask(char)
    return (drawn.size, bytes(drawn)) != (missing.size, bytes(missing))


def _font_for(char: str, name: str) -> str:
    """The font that draws ``char``: ``name`` if it can, else the first fallback that can, else ``name`` (a box)."""
    if char.isascii() or char.isspace():
        return name
    return next((font for font in (name, *FALLBACKS) if _has_glyph(font, char)), name)


def runs(line: str, name: str, size: int) -> list[Run]:
    """``line`` cut where its font changes: each piece with the font, at ``size`` px, that draws it.

    A combining mark stays with the character before it.
    """
    if line.isascii():
        return [(line, load_font(name, size))]
    pieces: list[list[str]] = []
    for char in line:
        font = pieces[-1][0] if pieces and unicodedata.combining(char) else _font_for(char, name)
        if pieces and pieces[-1][0] == font:
            pieces[-1][1] += char
        else:
            pieces.append([font, char])
    return [(text, load_font(font, size)) for font, text in pieces]


def undrawable(text: str, name: str = "bold") -> str:
    """The characters of ``text`` that neither font ``name`` nor a fallback draws (each once, in order)."""
    missing = (char for char in text if not char.isspace() and unicodedata.category(char)[0] in "LNPS"
               and not any(_has_glyph(font, char) for font in (name, *FALLBACKS)))
    return "".join(dict.fromkeys(missing))


def _extent(line: str, name: str, size: int) -> tuple[int, int]:
    """The left and right edges of ``line``'s ink, set at ``size`` px from x = 0."""
    left, right, x = None, 0, 0.0
    for text, font in runs(line, name, size):
        x0, _, x1, _ = font.getbbox(text, anchor="ls")
        if x1 > x0:
            left = round(x + x0) if left is None else min(left, round(x + x0))
            right = max(right, round(x + x1))
        x += font.getlength(text)
    return (0, 0) if left is None else (left, right)


def _measure(lines: tuple[str, ...], name: str, size: int) -> tuple[int, int]:
    """Ink width and full line-stack height of ``lines`` set in font ``name`` at ``size`` px."""
    ascent, descent = load_font(name, size).getmetrics()
    widths = [right - left for left, right in (_extent(line, name, size) for line in lines)]
    gap = round(size * LINE_GAP)
    return max(widths), len(lines) * (ascent + descent) + (len(lines) - 1) * gap


def _fit_lines(lines: tuple[str, ...], width: int, height: int, name: str) -> FittedText:
    """``lines`` at the largest size that fits ``width`` x ``height``."""
    probe_w, probe_h = _measure(lines, name, PROBE_SIZE)
    size = max(MIN_SIZE, int(PROBE_SIZE * min(width / max(1, probe_w), height / max(1, probe_h))))
    while True:
        w, h = _measure(lines, name, size)
        if (w <= width and h <= height) or size <= MIN_SIZE:
            return FittedText(lines, load_font(name, size), w, h, name)
        size -= 1


def _narrowest_breaks(words: list[str], count: int, width: Callable[[int, int], int]) -> tuple[str, ...]:
    """``words`` on at most ``count`` lines, with the widest line (``width(first, end)``) as narrow as it can be.

    Binary search on that width: a width is enough when greedy filling (each
    line as long as the width allows) needs no more than ``count`` lines.
    """
    low = max(width(i, i + 1) for i in range(len(words)))
    high = width(0, len(words))
    while low < high:
        middle = (low + high) // 2
        if len(_greedy(len(words), middle, width, count + 1)) <= count:
            high = middle
        else:
            low = middle + 1
    bounds = _greedy(len(words), low, width, count)
    return tuple(" ".join(words[a:b]) for a, b in zip((0, *bounds), bounds))


def _greedy(total: int, limit: int, width: Callable[[int, int], int], stop: int) -> list[int]:
    """The ends of lines filled greedily to at most ``limit`` wide (a line holds a word at least); at most ``stop``."""
    ends: list[int] = []
    start = 0
    while start < total and len(ends) < stop:
        low, high = start + 1, total  # the last end that fits: width grows with each word added
        while low < high:
            middle = (low + high + 1) // 2
            if width(start, middle) <= limit:
                low = middle
            else:
                high = middle - 1
        ends.append(low)
        start = low
    return ends


def fit_text(text: str, width: int, height: int, font_name: str = "bold") -> FittedText:
    """Set ``text`` as large as possible inside ``width`` x ``height`` px.

    Tries one line, then the best two- and three-line breaks, and keeps the
    layout with the largest font (fewer lines win ties).
    """
    words = text.split() or [text]

    @cache
    def span_width(first: int, end: int) -> int:
        left, right = _extent(" ".join(words[first:end]), font_name, PROBE_SIZE)
        return right - left

    layouts = dict.fromkeys(_narrowest_breaks(words, count, span_width)
                            for count in range(1, min(MAX_LINES, len(words)) + 1))
    fits = [_fit_lines(lines, width, height, font_name) for lines in layouts]
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
        left, right = _extent(line, fitted.font_name, font.size)
        x = box[0] + (box[2] - box[0] - (right - left)) // 2 - left + offset[0]
        baseline = top + i * step + ascent
        for text, run_font in runs(line, fitted.font_name, font.size):
            draw.text((x, baseline), text, font=run_font, fill=fill, anchor="ls")
            inks.append(draw.textbbox((x, baseline), text, font=run_font, anchor="ls"))
            x += run_font.getlength(text)
    inks = [ink for ink in inks if ink[2] > ink[0]] or [(box[0], box[1], box[0], box[1])]
    return (
        min(b[0] for b in inks),
        min(b[1] for b in inks),
        max(b[2] for b in inks),
        max(b[3] for b in inks),
    )
