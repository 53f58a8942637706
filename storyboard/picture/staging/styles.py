"""A sign's style when the shot list says ``auto``: guessed from the shot's description.

The first row of :data:`AUTO_RULES` whose words the description uses wins;
add a row (or words) to teach it more.
"""

from __future__ import annotations

import re

from storyboard.model import SIGN_STYLES

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
