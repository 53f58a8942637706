"""Sign styles: how a sign's text is dressed (plaque, hologram, placard...).

Each style is one module with an ``ASPECT`` (width / height of its art) and a
``render(width, height, text, icon, rng)`` that returns a :class:`SignArt`: an
RGBA picture of the object and the pixel box of its text. ``auto`` guesses the
style from the shot's description.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import NamedTuple

from storyboard.picture.signs import hologram, name_tag, neon, placard, plaque, screen, sign
from storyboard.picture.signs.base import SignArt


class SignStyle(NamedTuple):
    """A registered style: its art's width/height ratio and its renderer."""

    aspect: float
    render: Callable[[int, int, str, str | None, random.Random], SignArt]


STYLES: dict[str, SignStyle] = {
    "plaque": SignStyle(plaque.ASPECT, plaque.render),
    "hologram": SignStyle(hologram.ASPECT, hologram.render),
    "placard": SignStyle(placard.ASPECT, placard.render),
    "neon": SignStyle(neon.ASPECT, neon.render),
    "screen": SignStyle(screen.ASPECT, screen.render),
    "name-tag": SignStyle(name_tag.ASPECT, name_tag.render),
    "sign": SignStyle(sign.ASPECT, sign.render),
}
SIGN_STYLES: tuple[str, ...] = ("auto", *STYLES)

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
