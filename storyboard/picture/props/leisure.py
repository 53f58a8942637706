"""Music, sport, celebration: guitars, flowers, balls, balloons, trophies."""

from __future__ import annotations

from storyboard.picture.props.canvas import Canvas, arc, ring
from storyboard.picture.props.tones import BLACK, DARK, GOLD, GREEN, LEAF, RED, WHITE, WOOD, WOOD_DARK, YELLOW
from storyboard.picture.surface import Surface

BLOOMS = ((0.3, 0.16, RED), (0.52, 0.06, YELLOW), (0.72, 0.18, (200, 110, 150)), (0.42, 0.3, (200, 110, 150)), (0.62, 0.32, RED))


def guitar(c: Canvas) -> tuple[Surface, ...]:
    """An acoustic guitar standing up: a waisted body, sound hole, neck, head with pegs."""
    c.oval(0.0, 0.52, 1.0, 1.0, WOOD, 1.3)
    c.oval(0.12, 0.3, 0.88, 0.68, WOOD, 1.3)
    c.fill([(0.14, 0.6), (0.86, 0.6), (0.9, 0.7), (0.1, 0.7)], WOOD)
    c.oval(0.36, 0.54, 0.64, 0.68, BLACK, 0.8)
    c.rect(0.3, 0.86, 0.7, 0.9, WOOD_DARK, 0.7)
    c.rect(0.43, 0.08, 0.57, 0.56, WOOD_DARK, 1.0)
    c.shape([(0.38, 0.0), (0.62, 0.0), (0.6, 0.1), (0.4, 0.1)], DARK, 1.0)
    for u in (0.46, 0.5, 0.54):
        c.line([(u, 0.09), (u, 0.88)], 0.3, WHITE)
    return ()


def flowers(c: Canvas) -> tuple[Surface, ...]:
    """A bunch of flowers in a glass vase: stems, leaves and round blooms."""
    for u, v, _ in BLOOMS:
        c.line([(0.5, 0.62), (u, v + 0.08)], 0.7, GREEN)
    c.shape([(0.5, 0.5), (0.3, 0.42), (0.44, 0.58)], LEAF, 0.6)
    c.shape([(0.5, 0.5), (0.72, 0.44), (0.56, 0.58)], LEAF, 0.6)
    for u, v, tone in BLOOMS:
        c.oval(u - 0.11, v - 0.02, u + 0.11, v + 0.18, tone, 0.9)
        c.oval(u - 0.035, v + 0.05, u + 0.035, v + 0.11, YELLOW, 0.4)
    c.shape([(0.32, 0.6), (0.68, 0.6), (0.74, 0.8), (0.64, 1.0), (0.36, 1.0), (0.26, 0.8)], (190, 210, 220), 1.2)
    return ()


def ball(c: Canvas) -> tuple[Surface, ...]:
    """A football: a white ball with a black pentagon and seams."""
    c.oval(0.0, 0.0, 1.0, 1.0, WHITE, 1.3)
    pentagon = arc(0.5, 0.5, 0.18, 0.18, -90, 270, 5)
    c.shape(pentagon, BLACK, 0.8)
    for u, v in pentagon[:5]:
        c.line([(u, v), (0.5 + (u - 0.5) * 2.6, 0.5 + (v - 0.5) * 2.6)], 0.7)
    return ()


def balloon(c: Canvas) -> tuple[Surface, ...]:
    """A party balloon: an egg-shaped balloon, a knot and a trailing string."""
    c.line([(0.5, 0.62), (0.44, 0.76), (0.56, 0.88), (0.5, 1.0)], 0.6)
    c.shape([(0.44, 0.66), (0.56, 0.66), (0.5, 0.6)], RED, 0.5)
    c.oval(0.05, 0.0, 0.95, 0.62, RED, 1.2)
    c.line([(0.26, 0.14), (0.2, 0.28)], 1.0, WHITE)
    return ()


def trophy(c: Canvas) -> tuple[Surface, ...]:
    """A trophy cup: a bowl with two handles on a stem and a plinth."""
    c.shape(ring(0.2, 0.2, 0.17, 0.1, 90, 270), GOLD, 0.8)
    c.shape(ring(0.8, 0.2, 0.17, 0.1, -90, 90), GOLD, 0.8)
    c.shape([(0.2, 0.02), (0.8, 0.02), (0.68, 0.42), (0.32, 0.42)], GOLD, 1.2)
    c.rect(0.45, 0.42, 0.55, 0.66, GOLD, 0.9)
    c.rect(0.28, 0.66, 0.72, 0.74, GOLD, 0.9)
    c.rect(0.2, 0.74, 0.8, 1.0, WOOD_DARK, 1.1)
    return (c.surface("label", 0.26, 0.8, 0.74, 0.94),)


def fire(c: Canvas) -> tuple[Surface, ...]:
    """Fire and smoke: billowing grey clouds round a core of orange and yellow flame."""
    for u, v, r in ((0.2, 0.55, 0.2), (0.8, 0.55, 0.2), (0.5, 0.3, 0.26), (0.32, 0.25, 0.18), (0.7, 0.22, 0.2),
                    (0.5, 0.68, 0.24)):
        c.oval(u - r, v - r * 0.9, u + r, v + r * 0.9, (170, 168, 164), 0.8)
    c.shape([(0.24, 1.0), (0.3, 0.66), (0.4, 0.78), (0.46, 0.5), (0.54, 0.74), (0.62, 0.58), (0.76, 1.0)], (236, 132, 52), 1.0)
    c.shape([(0.36, 1.0), (0.42, 0.8), (0.5, 0.88), (0.58, 0.76), (0.64, 1.0)], YELLOW, 0.6)
    return (c.surface("flame", 0.3, 0.6, 0.7, 1.0),)


def smoke_trail(c: Canvas) -> tuple[Surface, ...]:
    """A thin trail of smoke or vapour curving up across the sky, thinning as it goes."""
    points = arc(0.9, 0.92, 0.78, 0.8, 185, 262, 24)
    for i, (u, v) in enumerate(points[:16:3]):  # the older smoke spreads into puffs
        r = 0.09 * (1 - i / 7)
        c.oval(u - r, v - r, u + r, v + r, (208, 206, 202), 0.3)
    for start, weight in ((0, 7.0), (8, 5.0), (16, 3.0)):  # thinner as it rises
        c.line(points[start:], weight, (150, 148, 146))
    c.line(points[:14], 2.5, WHITE)
    return ()


def bucket(c: Canvas) -> tuple[Surface, ...]:
    """A child's bucket and spade: a tapered red pail with a handle, a yellow spade leaning in it."""
    c.band((0.62, 0.0), (0.8, 0.7), 0.07, YELLOW, 0.8)
    c.shape([(0.72, 0.0), (0.92, 0.05), (0.86, 0.2), (0.66, 0.16)], YELLOW, 0.9)
    c.line(arc(0.45, 0.42, 0.34, 0.3, 180, 360, 10), 0.8)
    c.shape([(0.08, 0.4), (0.82, 0.4), (0.72, 1.0), (0.18, 1.0)], RED, 1.2)
    c.oval(0.08, 0.34, 0.82, 0.46, (220, 120, 110), 1.0)
    return (c.surface("label", 0.22, 0.55, 0.68, 0.88),)


def sandcastle(c: Canvas) -> tuple[Surface, ...]:
    """A sandcastle: a wide base, two towers with crenellations, a flag on a stick."""
    sand = (220, 196, 140)
    c.shape([(0.0, 1.0), (0.06, 0.6), (0.94, 0.6), (1.0, 1.0)], sand, 1.2)
    for u0 in (0.12, 0.6):
        c.shape([(u0, 0.62), (u0, 0.3), (u0 + 0.06, 0.3), (u0 + 0.06, 0.24), (u0 + 0.11, 0.24), (u0 + 0.11, 0.3),
                 (u0 + 0.17, 0.3), (u0 + 0.17, 0.24), (u0 + 0.22, 0.24), (u0 + 0.22, 0.3), (u0 + 0.28, 0.3), (u0 + 0.28, 0.62)],
                sand, 1.1)
    c.shape([(0.42, 0.98), *arc(0.5, 0.85, 0.08, 0.12, 180, 360, 8), (0.58, 0.98)], (150, 120, 80), 0.8)
    c.line([(0.74, 0.24), (0.74, 0.0)], 0.8)
    c.shape([(0.74, 0.0), (0.9, 0.05), (0.74, 0.1)], RED, 0.7)
    return ()


def surfboard(c: Canvas) -> tuple[Surface, ...]:
    """A surfboard standing on its tail: a long pointed oval with a stripe down it and a fin."""
    c.oval(0.1, 0.0, 0.9, 1.0, WHITE, 1.3)
    c.band((0.5, 0.04), (0.5, 0.96), 0.1, (70, 130, 190), 0.4)
    c.shape([(0.5, 0.88), (0.7, 0.96), (0.5, 0.99)], DARK, 0.6)
    return (c.surface("label", 0.25, 0.3, 0.75, 0.55),)


def snowman(c: Canvas) -> tuple[Surface, ...]:
    """A snowman: three balls of snow, coal eyes and buttons, a carrot nose, stick arms, a scarf."""
    snow = (246, 248, 252)
    c.line([(0.25, 0.5), (0.0, 0.36)], 1.0, WOOD_DARK)
    c.line([(0.75, 0.5), (1.0, 0.34)], 1.0, WOOD_DARK)
    c.oval(0.12, 0.56, 0.88, 1.0, snow, 1.2)
    c.oval(0.22, 0.3, 0.78, 0.64, snow, 1.2)
    c.oval(0.3, 0.04, 0.7, 0.34, snow, 1.2)
    c.shape([(0.5, 0.19), (0.72, 0.22), (0.5, 0.24)], (230, 130, 50), 0.7)
    for u, v in ((0.42, 0.14), (0.58, 0.14), (0.5, 0.44), (0.5, 0.52), (0.5, 0.7)):
        c.oval(u - 0.025, v - 0.02, u + 0.025, v + 0.02, BLACK, 0.3)
    c.shape([(0.3, 0.3), (0.7, 0.3), (0.72, 0.36), (0.28, 0.36)], RED, 0.8)
    c.rect(0.58, 0.34, 0.66, 0.5, RED, 0.6)
    return ()


def skis(c: Canvas) -> tuple[Surface, ...]:
    """A pair of skis standing on end with their poles: two long boards curled at the tips."""
    for u, tone in ((0.18, RED), (0.42, RED)):
        c.shape([(u, 0.06), (u + 0.1, 0.0), (u + 0.2, 0.06), (u + 0.2, 1.0), (u, 1.0)], tone, 1.1)
    for u in (0.7, 0.88):
        c.line([(u, 0.05), (u, 1.0)], 1.0, DARK)
        c.oval(u - 0.06, 0.86, u + 0.06, 0.9, None, 0.6)
    return ()


def kite(c: Canvas) -> tuple[Surface, ...]:
    """A kite: a diamond of two colours with a tail of bows."""
    c.shape([(0.5, 0.0), (0.9, 0.3), (0.5, 0.7), (0.1, 0.3)], RED, 1.1)
    c.fill([(0.5, 0.0), (0.9, 0.3), (0.5, 0.3)], YELLOW)
    c.fill([(0.5, 0.3), (0.1, 0.3), (0.5, 0.7)], YELLOW)
    c.line([(0.5, 0.7), (0.42, 0.8), (0.56, 0.9), (0.46, 1.0)], 0.7)
    return ()
