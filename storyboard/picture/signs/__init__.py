"""Sign styles: how a sign's text is dressed (plaque, hologram, placard...).

Each style is one module with an ``ASPECT`` (width / height of its art) and a
``render(width, height, text, icon, rng, finish)`` that returns a
:class:`SignArt`: an RGBA picture of the object and the pixel box of its text;
the :class:`Finish` carries the sign's colour and the kind of surface it is on. (``auto`` is
guessed from the shot's description by :mod:`storyboard.picture.inputs`.)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import NamedTuple

from storyboard.picture.signs import hologram, name_tag, neon, placard, plaque, screen, sign
from storyboard.picture.signs.base import Finish, SignArt


class SignStyle(NamedTuple):
    """A registered style: its art's width/height ratio and its renderer."""

    aspect: float
    render: Callable[[int, int, str, str | None, random.Random, Finish], SignArt]


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
