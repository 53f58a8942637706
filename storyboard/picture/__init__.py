"""The picture stage: one hand-drawn-looking storyboard panel per shot.

:func:`stage_film` reads the film into one :class:`Staging` per shot (the set
and light, the props, who is in it and where they stand, the signs' styles):
names and numbers, no pixels. :func:`draw_backdrop` draws a staging (paper,
set, crowd, props, people) into a :class:`Backdrop`, which does not depend on
what the signs say and can be kept between renders (:func:`fits_signs`: it
serves signs whose words grew or shrank too); :func:`draw_panel` puts
the signs on the surfaces the backdrop offers, the border and an optional
:class:`Slate`. :func:`panel_facts` says what a drawn panel shows.
:data:`SIGN_STYLES` and :data:`ICONS` are the names a shot list may use.

The names are imported when first used, so reading a film's staging does
not load the drawing code (and Pillow) in a process that draws nothing.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "ICONS": "icons", "SIGN_STYLES": "signs", "Backdrop": "panel", "Panel": "panel", "PlacedSign": "panel",
    "draw_backdrop": "backdrop", "draw_panel": "panel", "fits_signs": "panel", "image_backdrop": "panel",
    "place_signs": "panel", "slate_obstacles": "panel", "Slate": "slate", "timecode": "slate",
    "Staging": "records", "stage_alone": "staging", "stage_film": "staging", "panel_facts": "facts",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    """Import ``name`` from its module on first use."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
