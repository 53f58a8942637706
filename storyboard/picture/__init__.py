"""The picture stage: one hand-drawn-looking storyboard panel per shot.

:func:`draw_panel` turns a :class:`~storyboard.model.Shot` into a
:class:`Panel`: an RGB image and the pixel box of every sign's text.
:data:`SIGN_STYLES` and :data:`ICONS` are the names a shot list may use.
"""

from storyboard.picture.icons import ICONS
from storyboard.picture.panel import Panel, draw_panel
from storyboard.picture.signs import SIGN_STYLES

__all__ = ["ICONS", "SIGN_STYLES", "Panel", "draw_panel"]
