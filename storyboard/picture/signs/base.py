"""Shared pieces of every sign style: the art they return and layout helpers."""

from __future__ import annotations

from typing import NamedTuple

from PIL import Image, ImageFilter

Box = tuple[int, int, int, int]


class Finish(NamedTuple):
    """What a sign's art depends on besides its text: the colour asked for, and what carries it."""

    color: tuple[int, int, int] | None = None  # the sign's ``color:``, None for the style's own
    on: str = ""  # the kind of surface it is on (a screen sign on a phone is the phone's glass)


def rgb(color: str | None) -> tuple[int, int, int] | None:
    """``#rrggbb`` as a tuple (None stays None)."""
    return None if color is None else (int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16))


def mix(color: tuple[int, int, int], other: tuple[int, int, int], amount: float) -> tuple[int, int, int]:
    """``color`` moved ``amount`` (0..1) of the way to ``other``."""
    return tuple(round(c + (o - c) * amount) for c, o in zip(color, other))  # type: ignore[return-value]


def luminance(color: tuple[int, int, int]) -> float:
    """Relative lightness 0..1 (for choosing dark or light letters on a coloured board)."""
    r, g, b = color
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255


class SignArt(NamedTuple):
    """One sign drawn on its own transparent canvas, with its text's ink box."""

    image: Image.Image  # RGBA
    text_box: Box


def text_and_icon_boxes(box: Box, icon: str | None, icon_share: float = 0.42) -> tuple[Box, Box | None]:
    """Split ``box`` between the text and an optional icon.

    A wide box puts the icon left of the text, a taller one above it.
    """
    if icon is None:
        return box, None
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if w / h > 2.4:
        side = round(h * 0.9)
        return (x0 + side + round(h * 0.2), y0, x1, y1), (x0, y0 + (h - side) // 2, x0 + side, y0 + (h + side) // 2)
    split = y0 + round(h * icon_share)
    return (x0, split + round(h * 0.04), x1, y1), (x0, y0, x1, split)


def glow(layer: Image.Image, radius: float) -> Image.Image:
    """``layer`` (RGBA) over a blurred, brightened copy of itself: a neon/hologram glow."""
    halo = layer.filter(ImageFilter.GaussianBlur(radius))
    return Image.alpha_composite(Image.alpha_composite(halo, halo), layer)


def move_box(box: Box, dx: int, dy: int) -> Box:
    """``box`` translated by (``dx``, ``dy``)."""
    return box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy
