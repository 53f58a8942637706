"""Pictograms a sign can carry next to its text (``Sign.icon``).

Each icon is a function of its square box, a foreground and a background
colour (the background punches holes, such as the padlock's keyhole). Sizes
are fractions of the box.
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import ImageDraw

Box = tuple[int, int, int, int]
Color = tuple[int, ...]


def _square(box: Box) -> tuple[float, float, float]:
    """Left, top and side of the largest square centred in ``box``."""
    side = min(box[2] - box[0], box[3] - box[1])
    return box[0] + (box[2] - box[0] - side) / 2, box[1] + (box[3] - box[1] - side) / 2, side


def padlock(draw: ImageDraw.ImageDraw, box: Box, fg: Color, bg: Color) -> None:
    """A closed padlock: shackle arc, body, keyhole."""
    x, y, s = _square(box)
    width = max(2, round(s * 0.1))
    draw.arc([x + s * 0.24, y + s * 0.04, x + s * 0.76, y + s * 0.62], 180, 360, fill=fg, width=width)
    for sx in (x + s * 0.24, x + s * 0.76 - width):
        draw.rectangle([sx, y + s * 0.32, sx + width, y + s * 0.5], fill=fg)
    draw.rounded_rectangle([x + s * 0.12, y + s * 0.44, x + s * 0.88, y + s * 0.98], radius=s * 0.08, fill=fg)
    draw.ellipse([x + s * 0.42, y + s * 0.56, x + s * 0.58, y + s * 0.72], fill=bg)
    draw.polygon([(x + s * 0.46, y + s * 0.66), (x + s * 0.54, y + s * 0.66), (x + s * 0.57, y + s * 0.88), (x + s * 0.43, y + s * 0.88)], fill=bg)


def warning(draw: ImageDraw.ImageDraw, box: Box, fg: Color, bg: Color) -> None:
    """A warning triangle with an exclamation mark."""
    x, y, s = _square(box)
    draw.polygon([(x + s * 0.5, y + s * 0.04), (x + s * 0.98, y + s * 0.94), (x + s * 0.02, y + s * 0.94)], fill=fg)
    draw.polygon([(x + s * 0.5, y + s * 0.22), (x + s * 0.82, y + s * 0.84), (x + s * 0.18, y + s * 0.84)], fill=bg)
    draw.rectangle([x + s * 0.46, y + s * 0.4, x + s * 0.54, y + s * 0.66], fill=fg)
    draw.ellipse([x + s * 0.455, y + s * 0.7, x + s * 0.545, y + s * 0.79], fill=fg)


def check(draw: ImageDraw.ImageDraw, box: Box, fg: Color, bg: Color) -> None:
    """A tick in a circle."""
    x, y, s = _square(box)
    draw.ellipse([x, y, x + s, y + s], fill=fg)
    points = [(x + s * 0.26, y + s * 0.52), (x + s * 0.43, y + s * 0.7), (x + s * 0.75, y + s * 0.32)]
    draw.line(points, fill=bg, width=max(2, round(s * 0.1)), joint="curve")


def cross(draw: ImageDraw.ImageDraw, box: Box, fg: Color, bg: Color) -> None:
    """A cross in a circle (denied, error)."""
    x, y, s = _square(box)
    draw.ellipse([x, y, x + s, y + s], fill=fg)
    width = max(2, round(s * 0.11))
    draw.line([(x + s * 0.3, y + s * 0.3), (x + s * 0.7, y + s * 0.7)], fill=bg, width=width)
    draw.line([(x + s * 0.7, y + s * 0.3), (x + s * 0.3, y + s * 0.7)], fill=bg, width=width)


def lightning(draw: ImageDraw.ImageDraw, box: Box, fg: Color, bg: Color) -> None:
    """A lightning bolt (power, danger)."""
    x, y, s = _square(box)
    bolt = [(0.58, 0.0), (0.2, 0.56), (0.46, 0.56), (0.36, 1.0), (0.8, 0.4), (0.53, 0.4), (0.66, 0.0)]
    draw.polygon([(x + s * px, y + s * py) for px, py in bolt], fill=fg)


ICON_DRAWERS: dict[str, Callable[[ImageDraw.ImageDraw, Box, Color, Color], None]] = {
    "padlock": padlock,
    "warning": warning,
    "check": check,
    "cross": cross,
    "lightning": lightning,
}
ICONS: tuple[str, ...] = tuple(ICON_DRAWERS)


def draw_icon(draw: ImageDraw.ImageDraw, name: str, box: Box, fg: Color, bg: Color) -> None:
    """Draw icon ``name`` in ``box``; raise ValueError for an unknown name."""
    if name not in ICON_DRAWERS:
        raise ValueError(f"unknown icon {name!r}; known icons: {', '.join(ICONS)}")
    ICON_DRAWERS[name](draw, box, fg, bg)
