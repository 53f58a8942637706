"""Weather over an exterior: rain in slanting streaks, snow in flakes, fog as a pale veil (drawn after the people)."""

from __future__ import annotations

import random
from collections.abc import Callable

from PIL import Image, ImageDraw

RAIN = (176, 190, 206)  # streaks, a little lighter than a wet sky
SNOW = (250, 251, 253)
FOG = (226, 228, 230)
RAIN_STREAKS = 170  # how many streaks and flakes a frame holds, whatever its size
SNOW_FLAKES = 190
STREAK = (0.05, 0.09)  # a streak's length, of the frame's height
SLANT = 0.25  # across per down
FLAKE = (0.004, 0.009)  # a flake's radius, of the frame's short side
FOG_VEIL = 0.38  # how much the fog pales everything


def _rain(image: Image.Image, rng: random.Random) -> Image.Image:
    draw = ImageDraw.Draw(image)
    width, height = image.size
    weight = max(1, round(min(width, height) * 0.0025))
    for _ in range(RAIN_STREAKS):
        x, y = rng.uniform(-0.1 * width, width), rng.uniform(-0.1 * height, height)
        length = rng.uniform(*STREAK) * height
        draw.line([(x, y), (x + length * SLANT, y + length)], fill=RAIN, width=weight)
    return image


def _snow(image: Image.Image, rng: random.Random) -> Image.Image:
    draw = ImageDraw.Draw(image)
    width, height = image.size
    short = min(width, height)
    for _ in range(SNOW_FLAKES):
        x, y, r = rng.uniform(0, width), rng.uniform(0, height), rng.uniform(*FLAKE) * short
        draw.ellipse([x - r, y - r, x + r, y + r], fill=SNOW)
    return image


def _fog(image: Image.Image, rng: random.Random) -> Image.Image:
    return Image.blend(image, Image.new("RGB", image.size, FOG), FOG_VEIL)


WEATHERS: dict[str, Callable[[Image.Image, random.Random], Image.Image]] = {"rain": _rain, "snow": _snow, "fog": _fog}


def draw_weather(image: Image.Image, weather: str, rng: random.Random) -> Image.Image:
    """``image`` with ``weather`` over it ("" or an unknown weather: unchanged); drawn in place where it can be."""
    drawing = WEATHERS.get(weather)
    return image if drawing is None else drawing(image, rng)
