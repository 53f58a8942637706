"""The marker tones sets and props are coloured with: the panel's greys and a few muted colours.

Muted on purpose (a storyboard artist's marker set, not a paint box): enough
colour to tell sand from grass and a taxi from a police car, never louder
than the signs drawn over them.
"""

from __future__ import annotations

from storyboard.picture.sketch import INK, MARKER_DARK, MARKER_LIGHT, MARKER_MID, PAPER

Tone = tuple[int, int, int]

WHITE: Tone = PAPER
LIGHT: Tone = MARKER_LIGHT
MID: Tone = MARKER_MID
DARK: Tone = MARKER_DARK
BLACK: Tone = (70, 66, 64)
LINE: Tone = INK

WALL: Tone = (230, 224, 211)
FLOOR: Tone = (198, 189, 175)
CEILING: Tone = (238, 234, 224)
WOOD: Tone = (182, 152, 118)
WOOD_DARK: Tone = (132, 104, 80)
SKY: Tone = (204, 219, 229)
CLOUD: Tone = (240, 242, 240)
GRASS: Tone = (176, 194, 146)
LEAF: Tone = (126, 154, 108)
LEAF_DARK: Tone = (92, 118, 84)
SAND: Tone = (228, 212, 172)
WATER: Tone = (146, 180, 198)
BRICK: Tone = (178, 124, 104)
ASPHALT: Tone = (128, 126, 124)
CONCRETE: Tone = (196, 194, 188)
METAL: Tone = (172, 178, 184)
GLASS: Tone = (198, 214, 222)
SCREEN: Tone = (214, 228, 236)
CHALKBOARD: Tone = (74, 96, 84)
RED: Tone = (184, 84, 74)
BLUE: Tone = (96, 126, 170)
YELLOW: Tone = (232, 196, 84)
GREEN: Tone = (104, 150, 106)
ORANGE: Tone = (220, 146, 82)
FABRIC: Tone = (150, 162, 184)
SKIN: Tone = (226, 196, 172)
CARDBOARD: Tone = (206, 172, 126)
GOLD: Tone = (212, 178, 92)


def shade(tone: Tone, factor: float) -> Tone:
    """``tone`` darkened (below 1) or lightened (above 1) by ``factor``."""
    r, g, b = (max(0, min(255, round(c * factor))) for c in tone)
    return r, g, b
