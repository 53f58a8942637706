"""Shared pieces of every sign style: the art they return and layout helpers."""

from __future__ import annotations

from typing import NamedTuple

from PIL import Image, ImageFilter

Box = tuple[int, int, int, int]


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
