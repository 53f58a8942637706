"""The world behind everything: horizon and perspective ground, a room, or a marker wash."""

from __future__ import annotations

from storyboard.picture.pieces.stage import Anchor, Stage
from storyboard.picture.sketch import MARKER_LIGHT, MARKER_MID, Pen

GROUND_RAYS = 9  # perspective lines fanning from the vanishing point
GROUND_TONE = (*MARKER_LIGHT, 110)
SKYLINE = ((0.0, 0.05), (0.08, 0.09), (0.15, 0.04), (0.7, 0.07), (0.78, 0.11), (0.86, 0.06), (0.93, 0.08))  # (x, height) of distant blocks
BLOCK_WIDTH = 0.06  # of the width
WASH_SPACING = 0.035  # close-up background hatching, of the short side


def _ground(pen: Pen, stage: Stage) -> None:
    """A horizon line, a light ground tone and rays to the vanishing point."""
    h, w = stage.horizon, stage.width
    pen.draw.rectangle([0, h, w, stage.height], fill=GROUND_TONE)
    pen.line([(0, h), (w, h)], weight=1.2)
    vx = stage.vanishing_x
    for i in range(GROUND_RAYS):
        end_x = -w * 0.6 + i * (w * 2.2) / (GROUND_RAYS - 1)
        pen.line([(vx, h), (end_x, stage.height)], weight=0.5, color=MARKER_MID)


def _skyline(pen: Pen, stage: Stage) -> None:
    """Distant blocks along the horizon, for scale."""
    for x, height in SKYLINE:
        left = stage.x(x)
        pen.shape([(left, stage.horizon), (left, stage.horizon - stage.y(height)),
                   (left + stage.x(BLOCK_WIDTH), stage.horizon - stage.y(height)), (left + stage.x(BLOCK_WIDTH), stage.horizon)],
                  fill=(*MARKER_LIGHT, 160), weight=0.5)


def _room(pen: Pen, stage: Stage) -> None:
    """A back wall meeting the floor, with a window frame."""
    pen.draw.rectangle([0, stage.horizon, stage.width, stage.height], fill=GROUND_TONE)
    pen.line([(0, stage.horizon), (stage.width, stage.horizon)], weight=1.0)
    window = stage.box(0.6, 0.12, 0.9, 0.44)
    pen.shape([(window[0], window[1]), (window[2], window[1]), (window[2], window[3]), (window[0], window[3])], weight=0.7)
    pen.line([((window[0] + window[2]) / 2, window[1]), ((window[0] + window[2]) / 2, window[3])], weight=0.5)


def draw(pen: Pen, stage: Stage) -> tuple[Anchor, ...]:
    """The environment for ``stage``'s framing; it offers no sign anchor."""
    if stage.framing == "wide":
        if "building" not in stage.pieces:
            _skyline(pen, stage)
        _ground(pen, stage)
    elif stage.framing == "medium":
        if "building" in stage.pieces:
            _ground(pen, stage)
        else:
            _room(pen, stage)
    else:
        pen.hatch((0, 0, stage.width, stage.height), WASH_SPACING, color=MARKER_LIGHT)
    return ()
