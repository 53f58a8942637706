"""A desk in perspective, with a projector puck where a hologram or screen can stand."""

from __future__ import annotations

from storyboard.picture.pieces.stage import Anchor, Stage
from storyboard.picture.sketch import MARKER_DARK, MARKER_LIGHT, MARKER_MID, Pen

# Desk top: back edge y, front edge y, back inset and front inset (fractions of the frame).
TOP = {
    "wide": (0.7, 0.76, 0.3, 0.27),
    "medium": (0.7, 0.82, 0.06, -0.02),
    "close-up": (0.78, 0.92, 0.0, -0.05),
    "insert": (0.8, 0.94, 0.0, -0.05),
}
FRONT = 0.1  # depth of the front panel, of the frame height
# Where a hologram / screen floats above the desk, per framing (fractions of the frame).
DISPLAY = {
    "wide": (0.52, 0.36, 0.74, 0.68),
    "medium": (0.5, 0.08, 0.96, 0.66),
    "close-up": (0.1, 0.06, 0.9, 0.76),
    "insert": (0.06, 0.06, 0.94, 0.78),
}
PUCK = 0.035  # projector puck half width, of the frame width


def draw(pen: Pen, stage: Stage) -> tuple[Anchor, ...]:
    """The desk for the framing; offers the space above it to a hologram or screen."""
    back, front, back_in, front_in = TOP[stage.framing]
    w = stage.width
    top = [(stage.x(back_in), stage.y(back)), (w - stage.x(back_in), stage.y(back)),
           (w - stage.x(front_in), stage.y(front)), (stage.x(front_in), stage.y(front))]
    panel_bottom = stage.y(front + FRONT)
    pen.shape([top[3], top[2], (top[2][0], panel_bottom), (top[3][0], panel_bottom)], fill=(*MARKER_DARK, 255))
    pen.shape(top, fill=(*MARKER_LIGHT, 255), weight=1.3)
    display = stage.box(*DISPLAY[stage.framing])
    puck_x, puck_y = (display[0] + display[2]) / 2, (stage.y(back) + stage.y(front)) / 2
    half = stage.x(PUCK)
    pen.oval((puck_x - half, puck_y - half * 0.3, puck_x + half, puck_y + half * 0.3), fill=(*MARKER_MID, 255))
    return (Anchor(frozenset({"hologram", "screen"}), display),)
