"""What a film's staging reads from its shot list, for a cache key that needs no drawing code to compute.

Also the two readings of a sign that staging and drawing share: its style
when the shot list says ``auto`` (guessed from the description: the first
row of :data:`AUTO_RULES` whose words it uses wins; add a row or words to
teach it more) and how large it must be to be read (:func:`legibility`).

:func:`staging_inputs` is everything :func:`~storyboard.picture.staging.stage_film`
depends on: each shot's description, framing, sign styles and who speaks
(on or off screen), and the characters' looks, voices and effects. A sign's
words (and so its size), a line's words and the timing are not in it:
editing them keeps the staging, and the render finds it in the cache without
loading the picture code.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import NamedTuple

from storyboard.model import SIGN_STYLES, Scene, Sign


class Shape(NamedTuple):
    """A sign style's art: width / height, and the share of its width and height its words may take."""

    aspect: float
    text_width: float
    text_height: float


SIGN_SHAPES: dict[str, Shape] = {  # the sign styles' own ASPECT comes from here
    "plaque": Shape(3.4, 0.86, 0.68),
    "hologram": Shape(1.5, 0.77, 0.68),
    "placard": Shape(1.1, 0.8, 0.53),  # the whole art: board, stick and hands
    "neon": Shape(3.0, 0.86, 0.68),
    "screen": Shape(1.45, 0.82, 0.58),  # screen plus stand
    "name-tag": Shape(1.7, 0.84, 0.54),
    "sign": Shape(3.0, 0.86, 0.66),
}
FONT = 0.62  # the words' font size, of the least legible sign's height (see signs.placement.MIN_HEIGHT)
CHAR_WIDTH = 0.62  # a bold letter's width, of the font size
LINE = 1.25  # a line's height, of the font size
ICON_WIDE = 2.4  # wider than this, an icon sits left of the words (about a square of the height); else above
ICON_ABOVE = 0.58  # the words' share of the height under an icon
STEP = 0.25  # the sizes signs are made in, so that most edits keep their size (and their backdrop)


def legibility(sign: Sign, style: str) -> float:
    """How much taller than the least legible sign ``sign`` must be for its words to be read, in steps of STEP.

    The words are set on one to three lines at a font :data:`FONT` of the
    least legible height; the sign must be tall enough for the best of
    these layouts to fit the share of the art its style leaves to words.
    """
    shape = SIGN_SHAPES[style]
    width, height = shape.aspect * shape.text_width, shape.text_height
    if sign.icon:
        width, height = (width - 1.1, height) if shape.aspect > ICON_WIDE else (width, height * ICON_ABOVE)
    longest = max((len(word) for word in sign.text.split()), default=1)
    needed = min(
        max(CHAR_WIDTH * FONT * max(math.ceil(len(sign.text) / lines), longest) / width, lines * LINE * FONT / height)
        for lines in (1, 2, 3)
    )
    return max(1.0, math.ceil(needed / STEP) * STEP)


# ``auto``: the first rule whose words appear in the description wins.
AUTO_RULES: tuple[tuple[str, frozenset[str]], ...] = (
    ("neon", frozenset({"neon"})),
    ("name-tag", frozenset({"badge", "lanyard", "nametag"})),
    ("placard", frozenset({"protest", "protester", "protesters", "placard", "placards", "crowd", "held", "holds", "holding", "march", "rally"})),
    ("hologram", frozenset({"hologram", "holographic", "interface", "ai", "hud", "projection"})),
    ("screen", frozenset({"screen", "monitor", "laptop", "computer", "display", "phone", "tablet"})),
    ("plaque", frozenset({"metal", "brushed", "facade", "building", "plaque", "office", "lobby", "entrance"})),
)


def resolve_style(style: str, description: str) -> str:
    """The concrete style for ``style``: ``auto`` is guessed from ``description``.

    Raises ValueError for a style that is not one of :data:`SIGN_STYLES`.
    """
    if style not in SIGN_STYLES:
        raise ValueError(f"unknown sign style {style!r}; known styles: {', '.join(SIGN_STYLES)}")
    if style != "auto":
        return style
    lowered = description.lower()
    words = set(re.findall(r"[a-z]+", lowered))
    if "name tag" in lowered:
        return "name-tag"
    return next((name for name, keys in AUTO_RULES if words & keys), "sign")


def sign_sizes(signs: Sequence[Sign], styles: Sequence[str]) -> tuple[float, ...]:
    """Each sign's :func:`legibility` in its concrete style (``styles``: the staging's, one a sign)."""
    return tuple(legibility(sign, style) for sign, style in zip(signs, styles, strict=True))


STAGING_FORMAT = 2
"""The shape of a stored staging (the fields of ``Staging``, ``Person`` and ``Light``
in ``picture/records.py``, and ``Look``). It is part of the staging's cache key,
so bump it whenever one of those records gains, loses or reorders a field: a staging stored in an
older shape is then never read back (``tests/test_cache.py`` notices a shape
change that comes without a bump)."""


def staging_inputs(scene: Scene) -> list[object]:
    """The parts of ``scene`` its staging depends on, as JSON-able data (the format's number first)."""
    shots = [[shot.description, shot.framing, [sign.style for sign in shot.signs],
              [[line.who, line.off] for line in shot.lines]] for shot in scene.shots]
    characters = sorted([name, c.look, c.voice, c.effect] for name, c in scene.characters.items())
    return [STAGING_FORMAT, shots, characters]
