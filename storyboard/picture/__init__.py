"""The picture stage: one hand-drawn-looking storyboard panel per shot.

:func:`draw_panel` turns a :class:`~storyboard.model.Shot` into a
:class:`Panel`: an RGB image and the pixel box of every sign's text. It draws
on a :class:`Backdrop` (paper and set pieces, see :func:`draw_backdrop`), which
does not depend on what the signs say and can be kept between renders.
:data:`SIGN_STYLES` and :data:`ICONS` are the names a shot list may use.
"""

from storyboard.picture.icons import ICONS
from storyboard.picture.panel import Backdrop, Panel, PlacedSign, backdrop_key, draw_backdrop, draw_panel, place_signs
from storyboard.picture.signs import SIGN_STYLES

__all__ = [
    "ICONS", "SIGN_STYLES", "Backdrop", "Panel", "PlacedSign", "backdrop_key", "draw_backdrop", "draw_panel", "place_signs",
]
