"""Paper things: books, letters, envelopes, newspapers, maps, tickets, money, files, badges, pens."""

from __future__ import annotations

from storyboard.picture.props.canvas import Canvas
from storyboard.picture.props.tones import BLACK, BLUE, DARK, GREEN, LIGHT, MID, RED, WHITE, YELLOW
from storyboard.picture.surface import Surface

MANILA = (222, 196, 140)
BANKNOTE = (172, 196, 160)


def _text_lines(c: Canvas, u0: float, v0: float, u1: float, v1: float, count: int, weight: float = 0.5) -> None:
    """``count`` ruled lines of writing between ``v0`` and ``v1``, the last one short."""
    step = (v1 - v0) / max(1, count - 1)
    for i in range(count):
        end = u1 if i < count - 1 else u0 + (u1 - u0) * 0.6
        c.line([(u0, v0 + i * step), (end, v0 + i * step)], weight, MID)


def book(c: Canvas) -> tuple[Surface, ...]:
    """A hardback book standing face-on: cover, spine band, page edges."""
    c.rect(0.08, 0.02, 1.0, 1.0, WHITE, 0.8)
    c.rect(0.0, 0.0, 0.94, 0.98, (140, 70, 64), 1.2)
    c.rect(0.0, 0.0, 0.12, 0.98, (112, 52, 48), 0.8)
    c.rect(0.24, 0.16, 0.82, 0.36, (226, 200, 140), 0.6)
    return (c.surface("cover", 0.24, 0.16, 0.82, 0.36),)


def letter(c: Canvas) -> tuple[Surface, ...]:
    """A handwritten letter: a sheet with a fold, lines of writing and a signature."""
    c.shape([(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)], WHITE, 1.0)
    c.line([(0.0, 0.5), (1.0, 0.5)], 0.4, LIGHT)
    for i in range(7):
        v = 0.14 + i * 0.09
        c.line([(0.1, v), (0.3, v - 0.015), (0.5, v + 0.01), (0.7, v - 0.01), (0.9 if i < 6 else 0.5, v)], 0.5, BLUE)
    c.line([(0.55, 0.88), (0.62, 0.82), (0.68, 0.9), (0.76, 0.83), (0.86, 0.88)], 0.7, BLUE)
    return (c.surface("paper", 0.08, 0.08, 0.92, 0.45),)


def envelope(c: Canvas) -> tuple[Surface, ...]:
    """An envelope, back up: the V of its flap and a wax seal."""
    c.rect(0.0, 0.0, 1.0, 1.0, (240, 232, 212), 1.2)
    c.line([(0.0, 0.0), (0.5, 0.58), (1.0, 0.0)], 0.9)
    c.line([(0.0, 1.0), (0.4, 0.5)], 0.5)
    c.line([(1.0, 1.0), (0.6, 0.5)], 0.5)
    c.oval(0.44, 0.48, 0.56, 0.68, RED, 0.6)
    return (c.surface("paper", 0.1, 0.62, 0.9, 0.95),)


def newspaper(c: Canvas) -> tuple[Surface, ...]:
    """A newspaper's front page: masthead, headline, a photo and columns."""
    c.rect(0.0, 0.0, 1.0, 1.0, (236, 232, 220), 1.0)
    c.rect(0.06, 0.04, 0.94, 0.14, BLACK, 0.5)
    c.line([(0.06, 0.17), (0.94, 0.17)], 0.5)
    c.rect(0.06, 0.4, 0.52, 0.64, MID, 0.6)
    _text_lines(c, 0.56, 0.4, 0.94, 0.64, 5, 0.4)
    _text_lines(c, 0.06, 0.7, 0.48, 0.92, 4, 0.4)
    _text_lines(c, 0.52, 0.7, 0.94, 0.92, 4, 0.4)
    return (c.surface("paper", 0.06, 0.19, 0.94, 0.37),)


def map_sheet(c: Canvas) -> tuple[Surface, ...]:
    """A folded paper map: panels, a coast, a dashed route and an X."""
    c.shape([(0.0, 0.05), (0.33, 0.0), (0.66, 0.05), (1.0, 0.0), (1.0, 0.95), (0.66, 1.0), (0.33, 0.95), (0.0, 1.0)],
            (232, 222, 190), 1.2)
    for u in (0.33, 0.66):
        c.line([(u, 0.0 if u < 0.5 else 0.05), (u, 0.95 if u < 0.5 else 1.0)], 0.5, MID)
    coast = [(0.0, 0.5), (0.2, 0.4), (0.3, 0.6), (0.5, 0.7), (0.7, 0.62), (1.0, 0.75)]
    c.fill([*coast, (1.0, 0.95), (0.66, 1.0), (0.33, 0.95), (0.0, 1.0)], (170, 200, 214))
    c.line(coast, 0.7, BLUE)
    for i in range(5):
        u = 0.15 + i * 0.12
        c.line([(u, 0.3 - i * 0.02), (u + 0.07, 0.28 - i * 0.03)], 0.8, RED)
    c.line([(0.75, 0.12), (0.85, 0.26)], 1.3, RED)
    c.line([(0.85, 0.12), (0.75, 0.26)], 1.3, RED)
    return (c.surface("paper", 0.38, 0.08, 0.62, 0.3),)


def ticket(c: Canvas) -> tuple[Surface, ...]:
    """A ticket: a stub with notched ends and a perforation."""
    c.shape([(0.0, 0.0), (1.0, 0.0), (1.0, 0.4), (0.96, 0.5), (1.0, 0.6), (1.0, 1.0), (0.0, 1.0), (0.0, 0.6), (0.04, 0.5),
             (0.0, 0.4)],
            (236, 196, 120), 1.2)
    for i in range(6):
        v = 0.08 + i * 0.16
        c.line([(0.72, v), (0.72, v + 0.08)], 0.6)
    c.rect(0.78, 0.2, 0.92, 0.8, (220, 170, 96), 0.4)
    return (c.surface("ticket", 0.08, 0.14, 0.68, 0.86),)


def money(c: Canvas) -> tuple[Surface, ...]:
    """A stack of banknotes: fanned edges, a portrait oval, a band."""
    for i in range(3, 0, -1):
        c.rect(0.0 + i * 0.02, 0.0 + i * 0.05, 0.94 + i * 0.02, 0.8 + i * 0.05, BANKNOTE, 0.6)
    c.rect(0.0, 0.0, 0.94, 0.8, BANKNOTE, 1.1)
    c.rect(0.05, 0.07, 0.89, 0.73, None, 0.5)
    c.oval(0.36, 0.16, 0.58, 0.64, (150, 176, 140), 0.6)
    c.rect(0.72, 0.0, 0.8, 0.8, WHITE, 0.6)
    return ()


def folder(c: Canvas) -> tuple[Surface, ...]:
    """A manila file folder: a tab, papers peeking out, a label."""
    c.shape([(0.0, 0.12), (0.08, 0.0), (0.4, 0.0), (0.46, 0.12)], MANILA, 1.0)
    c.rect(0.06, 0.06, 0.94, 0.9, WHITE, 0.6)
    c.rect(0.0, 0.12, 1.0, 1.0, MANILA, 1.2)
    c.rect(0.3, 0.4, 0.7, 0.56, WHITE, 0.6)
    return (c.surface("label", 0.3, 0.4, 0.7, 0.56),)


def paper(c: Canvas) -> tuple[Surface, ...]:
    """A typed document: a sheet with a title and paragraphs."""
    c.rect(0.0, 0.0, 1.0, 1.0, WHITE, 1.0)
    c.line([(0.12, 0.1), (0.6, 0.1)], 1.4, DARK)
    _text_lines(c, 0.12, 0.32, 0.88, 0.5, 4)
    _text_lines(c, 0.12, 0.6, 0.88, 0.84, 5)
    return (c.surface("paper", 0.08, 0.04, 0.92, 0.26),)


def clipboard(c: Canvas) -> tuple[Surface, ...]:
    """A clipboard: a board, a sheet with ticked boxes, a metal clip."""
    c.round_rect(0.0, 0.04, 1.0, 1.0, 0.06, (176, 140, 100), 1.2)
    c.rect(0.08, 0.12, 0.92, 0.95, WHITE, 0.6)
    for i in range(4):
        v = 0.5 + i * 0.11
        c.rect(0.14, v, 0.22, v + 0.07, None, 0.4)
        c.line([(0.28, v + 0.04), (0.8, v + 0.04)], 0.5, MID)
    c.rect(0.3, 0.0, 0.7, 0.12, (172, 178, 184), 1.0)
    return (c.surface("paper", 0.12, 0.16, 0.88, 0.44),)


def pen(c: Canvas) -> tuple[Surface, ...]:
    """A ballpoint pen lying sideways: barrel, clip, tip."""
    c.shape([(0.0, 0.25), (0.86, 0.25), (1.0, 0.5), (0.86, 0.75), (0.0, 0.75)], BLUE, 1.0)
    c.rect(0.0, 0.2, 0.14, 0.8, DARK, 0.8)
    c.rect(0.04, 0.0, 0.4, 0.22, (172, 178, 184), 0.6)
    return ()


def badge(c: Canvas) -> tuple[Surface, ...]:
    """An ID badge on a lanyard: a card with a photo and a name strip."""
    c.line([(0.2, 0.0), (0.5, 0.22), (0.8, 0.0)], 1.8, BLUE)
    c.rect(0.44, 0.18, 0.56, 0.28, (172, 178, 184), 0.6)
    c.round_rect(0.05, 0.26, 0.95, 1.0, 0.08, WHITE, 1.2)
    c.rect(0.05, 0.26, 0.95, 0.36, BLUE, 0.6)
    c.rect(0.14, 0.42, 0.44, 0.72, LIGHT, 0.6)
    c.oval(0.22, 0.46, 0.36, 0.58, MID, 0.4)
    c.line([(0.52, 0.5), (0.86, 0.5)], 0.6, MID)
    c.line([(0.52, 0.6), (0.8, 0.6)], 0.6, MID)
    return (c.surface("badge", 0.12, 0.76, 0.88, 0.96),)


def photo(c: Canvas) -> tuple[Surface, ...]:
    """A framed photograph: a frame, a mount, two figures against a landscape."""
    c.rect(0.0, 0.0, 1.0, 1.0, (120, 90, 66), 1.2)
    c.rect(0.1, 0.08, 0.9, 0.92, (200, 216, 226), 0.6)
    c.fill([(0.1, 0.6), (0.4, 0.45), (0.9, 0.62), (0.9, 0.92), (0.1, 0.92)], GREEN)
    for u in (0.4, 0.6):
        c.oval(u - 0.06, 0.4, u + 0.06, 0.54, (226, 196, 172), 0.5)
        c.shape([(u - 0.1, 0.92), (u - 0.08, 0.58), (u + 0.08, 0.58), (u + 0.1, 0.92)], YELLOW if u < 0.5 else RED, 0.5)
    return (c.surface("picture", 0.1, 0.08, 0.9, 0.92),)
