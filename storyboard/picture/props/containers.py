"""Things that hold things: boxes, crates, bags, cases, bins."""

from __future__ import annotations

from storyboard.picture.props.canvas import Canvas
from storyboard.picture.props.tones import BLACK, CARDBOARD, DARK, LIGHT, MID, RED, WOOD, WOOD_DARK, YELLOW
from storyboard.picture.surface import Surface


def box(c: Canvas) -> tuple[Surface, ...]:
    """A cardboard box seen from above one corner: front, side, taped top flaps."""
    c.shape([(0.0, 0.3), (0.72, 0.3), (0.72, 1.0), (0.0, 1.0)], CARDBOARD, 1.2)
    c.shape([(0.72, 0.3), (1.0, 0.08), (1.0, 0.8), (0.72, 1.0)], (178, 144, 104), 1.2)
    c.shape([(0.0, 0.3), (0.28, 0.08), (1.0, 0.08), (0.72, 0.3)], (222, 194, 150), 1.2)
    c.line([(0.14, 0.19), (0.86, 0.19)], 0.8)
    c.rect(0.4, 0.12, 0.6, 0.26, (236, 222, 190), 0.5)
    c.line([(0.36, 0.3), (0.36, 0.5)], 0.6)
    return (c.surface("label", 0.08, 0.45, 0.64, 0.9),)


def crate(c: Canvas) -> tuple[Surface, ...]:
    """A wooden crate: a frame of boards with a diagonal brace."""
    c.rect(0.0, 0.0, 1.0, 1.0, WOOD, 1.2)
    for v in (0.33, 0.66):
        c.line([(0.0, v), (1.0, v)], 0.7)
    c.rect(0.0, 0.0, 0.1, 1.0, WOOD_DARK)
    c.rect(0.9, 0.0, 1.0, 1.0, WOOD_DARK)
    c.band((0.12, 0.95), (0.88, 0.05), 0.08, WOOD_DARK, 0.8)
    return (c.surface("label", 0.15, 0.36, 0.85, 0.64),)


def bag(c: Canvas) -> tuple[Surface, ...]:
    """A handbag: a trapezoid body, a flap and two handles."""
    c.line([(0.3, 0.38), (0.32, 0.06), (0.68, 0.06), (0.7, 0.38)], 1.6)
    c.shape([(0.1, 0.35), (0.9, 0.35), (1.0, 1.0), (0.0, 1.0)], RED, 1.2)
    c.shape([(0.1, 0.35), (0.9, 0.35), (0.86, 0.58), (0.14, 0.58)], (160, 70, 62))
    c.rect(0.46, 0.54, 0.54, 0.64, YELLOW, 0.6)
    return (c.surface("label", 0.15, 0.66, 0.85, 0.94),)


def briefcase(c: Canvas) -> tuple[Surface, ...]:
    """A briefcase: a handle on top, a case with a lid seam and two clasps."""
    c.shape([(0.36, 0.2), (0.38, 0.02), (0.62, 0.02), (0.64, 0.2), (0.56, 0.2), (0.56, 0.1), (0.44, 0.1), (0.44, 0.2)], BLACK)
    c.round_rect(0.0, 0.18, 1.0, 1.0, 0.08, (120, 86, 62), 1.3)
    c.line([(0.0, 0.4), (1.0, 0.4)], 0.8)
    for u in (0.22, 0.72):
        c.rect(u, 0.34, u + 0.07, 0.46, YELLOW, 0.6)
    return (c.surface("label", 0.1, 0.5, 0.9, 0.92),)


def backpack(c: Canvas) -> tuple[Surface, ...]:
    """A backpack: a rounded body, a front pocket, a grab loop."""
    c.line([(0.4, 0.1), (0.45, 0.0), (0.55, 0.0), (0.6, 0.1)], 1.4)
    c.round_rect(0.05, 0.08, 0.95, 1.0, 0.3, (110, 140, 170), 1.3)
    c.round_rect(0.2, 0.52, 0.8, 0.94, 0.2, (90, 118, 150))
    c.line([(0.2, 0.62), (0.8, 0.62)], 0.7)
    c.line([(0.16, 0.3), (0.84, 0.3)], 0.5)
    return (c.surface("label", 0.26, 0.66, 0.74, 0.9),)


def suitcase(c: Canvas) -> tuple[Surface, ...]:
    """A rolling suitcase: telescopic handle, ribbed shell, two wheels."""
    c.line([(0.38, 0.22), (0.38, 0.02), (0.62, 0.02), (0.62, 0.22)], 1.4)
    c.round_rect(0.04, 0.2, 0.96, 0.93, 0.1, (96, 120, 150), 1.3)
    for u in (0.3, 0.5, 0.7):
        c.line([(u, 0.25), (u, 0.88)], 0.6)
    for u in (0.18, 0.82):
        c.oval(u - 0.08, 0.9, u + 0.08, 1.0, BLACK, 0.6)
    return (c.surface("label", 0.08, 0.3, 0.28, 0.5),)


def trash_can(c: Canvas) -> tuple[Surface, ...]:
    """A trash can: a tapered ribbed bin with a domed lid."""
    c.shape([(0.08, 0.2), (0.92, 0.2), (0.84, 1.0), (0.16, 1.0)], MID, 1.2)
    for u in (0.3, 0.5, 0.7):
        c.line([(u, 0.24), (u + (u - 0.5) * -0.1, 0.96)], 0.6)
    c.shape([(0.02, 0.22), (0.1, 0.1), (0.9, 0.1), (0.98, 0.22)], DARK, 1.2)
    c.rect(0.4, 0.02, 0.6, 0.1, DARK, 0.8)
    return ()


def gift(c: Canvas) -> tuple[Surface, ...]:
    """A wrapped present: a box with a ribbon cross and a bow."""
    c.rect(0.05, 0.3, 0.95, 1.0, (200, 110, 120), 1.2)
    c.rect(0.0, 0.22, 1.0, 0.38, (214, 130, 138), 1.1)
    c.rect(0.43, 0.22, 0.57, 1.0, YELLOW, 0.7)
    c.oval(0.22, 0.02, 0.5, 0.24, YELLOW, 0.8)
    c.oval(0.5, 0.02, 0.78, 0.24, YELLOW, 0.8)
    return ()


def barrel(c: Canvas) -> tuple[Surface, ...]:
    """A steel drum: a cylinder with two hoops and an elliptic top."""
    c.rect(0.04, 0.08, 0.96, 0.94, (120, 140, 150), 1.2)
    c.oval(0.04, 0.86, 0.96, 1.0, (120, 140, 150))
    c.oval(0.04, 0.0, 0.96, 0.16, LIGHT, 1.1)
    for v in (0.36, 0.66):
        c.line([(0.04, v), (0.96, v)], 0.9)
    return (c.surface("label", 0.2, 0.42, 0.8, 0.6),)
