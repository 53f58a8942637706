"""Food and drink and what they come in: mugs, cups, glasses, bottles, plates, cakes, bread."""

from __future__ import annotations

from storyboard.picture.props.canvas import Canvas, arc, polar, ring
from storyboard.picture.props.tones import CARDBOARD, DARK, GLASS, GREEN, LIGHT, METAL, RED, WATER, WHITE, WOOD, YELLOW
from storyboard.picture.surface import Surface

STEAM = ((0.32, 0.0), (0.5, 0.04))  # where two wisps of steam start, of the box


def _steam(c: Canvas, top: float) -> None:
    """Two wavy wisps rising to the top of the box from ``top``."""
    for u, _ in STEAM:
        c.line([(u, top), (u - 0.05, top * 0.66), (u + 0.05, top * 0.33), (u, 0.0)], 0.6, DARK)


def mug(c: Canvas) -> tuple[Surface, ...]:
    """A mug of something hot: a cylinder with a handle and steam."""
    c.shape(ring(0.78, 0.62, 0.2, 0.12, 270, 450), WHITE, 1.0)
    c.shape([(0.08, 0.3), (0.78, 0.3), (0.78, 0.95), (0.08, 0.95)], WHITE, 1.2)
    c.oval(0.08, 0.9, 0.78, 1.0, WHITE)
    c.oval(0.08, 0.24, 0.78, 0.36, (120, 84, 60), 1.0)
    _steam(c, 0.24)
    return (c.surface("label", 0.14, 0.44, 0.72, 0.86),)


def coffee(c: Canvas) -> tuple[Surface, ...]:
    """A takeaway coffee: a tapered paper cup, a lid and a sleeve."""
    c.shape([(0.12, 0.16), (0.88, 0.16), (0.76, 1.0), (0.24, 1.0)], WHITE, 1.2)
    c.shape([(0.16, 0.42), (0.84, 0.42), (0.8, 0.72), (0.2, 0.72)], CARDBOARD, 0.8)
    c.round_rect(0.06, 0.06, 0.94, 0.18, 0.4, DARK, 1.1)
    c.rect(0.2, 0.0, 0.8, 0.07, DARK, 0.8)
    return (c.surface("label", 0.22, 0.45, 0.78, 0.69),)


def glass(c: Canvas) -> tuple[Surface, ...]:
    """A tumbler of water: a clear tapered glass, the water line and a glint."""
    c.shape([(0.1, 0.0), (0.9, 0.0), (0.8, 1.0), (0.2, 1.0)], GLASS, 1.1)
    c.fill([(0.14, 0.35), (0.86, 0.35), (0.8, 0.97), (0.2, 0.97)], WATER)
    c.line([(0.14, 0.35), (0.86, 0.35)], 0.7)
    c.line([(0.26, 0.1), (0.3, 0.8)], 1.2, WHITE)
    return ()


def wine_glass(c: Canvas) -> tuple[Surface, ...]:
    """A wine glass: a bowl half full of red, a stem and a foot."""
    c.band((0.5, 0.5), (0.5, 0.95), 0.06, GLASS, 0.8)
    c.oval(0.18, 0.92, 0.82, 1.0, GLASS, 0.8)
    c.shape([(0.1, 0.0), (0.9, 0.0), *arc(0.5, 0.2, 0.4, 0.32, 0, 180)], GLASS, 1.1)
    c.shape([(0.13, 0.28), (0.87, 0.28), *arc(0.5, 0.2, 0.37, 0.29, 15, 165)], (150, 50, 62), 0.6)
    return ()


def bottle(c: Canvas) -> tuple[Surface, ...]:
    """A glass bottle: body, shoulders, neck, cap, label."""
    c.shape([(0.1, 0.42), (0.36, 0.26), (0.36, 0.06), (0.64, 0.06), (0.64, 0.26), (0.9, 0.42), (0.9, 1.0), (0.1, 1.0)],
            GREEN, 1.2)
    c.rect(0.33, 0.0, 0.67, 0.08, YELLOW, 0.8)
    c.rect(0.1, 0.56, 0.9, 0.84, WHITE, 0.8)
    c.line([(0.22, 0.46), (0.22, 0.54)], 1.0, WHITE)
    return (c.surface("label", 0.14, 0.58, 0.86, 0.82),)


def plate(c: Canvas) -> tuple[Surface, ...]:
    """A plate of food seen from above the table: rim, well, a helping of something."""
    c.oval(0.0, 0.0, 1.0, 1.0, WHITE, 1.2)
    c.oval(0.14, 0.16, 0.86, 0.84, (238, 236, 228), 0.6)
    c.oval(0.28, 0.28, 0.62, 0.7, (190, 130, 90), 0.9)
    c.oval(0.52, 0.3, 0.74, 0.62, GREEN, 0.8)
    return ()


def tray(c: Canvas) -> tuple[Surface, ...]:
    """A serving tray: a flat rimmed board with handles, seen a little from above."""
    c.shape([(0.08, 0.0), (0.92, 0.0), (1.0, 0.7), (0.0, 0.7)], METAL, 1.2)
    c.shape([(0.13, 0.12), (0.87, 0.12), (0.92, 0.6), (0.08, 0.6)], LIGHT, 0.6)
    c.rect(0.0, 0.7, 1.0, 1.0, DARK, 1.0)
    return (c.surface("table", 0.12, 0.14, 0.88, 0.58),)


def cake(c: Canvas) -> tuple[Surface, ...]:
    """A birthday cake: two tiers with icing drips, candles with flames."""
    c.rect(0.0, 0.55, 1.0, 1.0, (238, 214, 190), 1.2)
    c.rect(0.14, 0.3, 0.86, 0.58, (244, 200, 206), 1.2)
    c.line([(0.0, 0.66), (0.12, 0.72), (0.25, 0.64), (0.4, 0.72), (0.55, 0.64), (0.7, 0.72), (0.85, 0.64), (1.0, 0.7)], 1.0, RED)
    for u in (0.3, 0.5, 0.7):
        c.rect(u - 0.025, 0.14, u + 0.025, 0.3, (150, 180, 220), 0.5)
        c.oval(u - 0.03, 0.02, u + 0.03, 0.13, YELLOW, 0.5)
    return (c.surface("label", 0.06, 0.76, 0.94, 0.96),)


def bread(c: Canvas) -> tuple[Surface, ...]:
    """A loaf of bread: a domed crust with diagonal slashes."""
    c.shape([*arc(0.5, 0.7, 0.5, 0.66, 180, 360, 16), (1.0, 1.0), (0.0, 1.0)], (214, 168, 108), 1.2)
    for u in (0.25, 0.45, 0.65):
        c.line([(u, 0.5), (u + 0.12, 0.22)], 1.2, (150, 104, 62))
    return ()


def candle(c: Canvas) -> tuple[Surface, ...]:
    """A lit candle: a wax pillar, a wick and a flame."""
    c.rect(0.15, 0.35, 0.85, 1.0, (244, 236, 214), 1.2)
    c.oval(0.15, 0.3, 0.85, 0.4, WHITE, 0.8)
    c.line([(0.5, 0.35), (0.5, 0.26)], 0.8)
    c.shape([(0.5, 0.0), (0.62, 0.2), (0.5, 0.28), (0.38, 0.2)], YELLOW, 0.6)
    return (c.surface("flame", 0.3, 0.0, 0.7, 0.3),)


def pizza(c: Canvas) -> tuple[Surface, ...]:
    """A whole pizza from above: crust, sauce, cheese, slices and toppings."""
    c.oval(0.0, 0.0, 1.0, 1.0, (214, 168, 108), 1.2)
    c.oval(0.07, 0.07, 0.93, 0.93, (236, 196, 110), 0.6)
    for spoke in (0, 60, 120):
        c.line([polar(0.5, 0.5, 0.46, spoke), polar(0.5, 0.5, 0.46, spoke + 180)], 0.6)
    for u, v in ((0.3, 0.3), (0.65, 0.28), (0.7, 0.64), (0.34, 0.7), (0.5, 0.5)):
        c.oval(u - 0.06, v - 0.06, u + 0.06, v + 0.06, RED, 0.5)
    return ()


def apple(c: Canvas) -> tuple[Surface, ...]:
    """An apple: a round fruit with a dimple, a stalk and a leaf."""
    c.shape([*arc(0.5, 0.58, 0.48, 0.42, -60, 240, 20), (0.5, 0.26)], RED, 1.2)
    c.line([(0.5, 0.22), (0.54, 0.02)], 1.2, WOOD)
    c.shape([(0.55, 0.12), (0.75, 0.02), (0.82, 0.1), (0.62, 0.18)], GREEN, 0.6)
    return ()



def can(c: Canvas) -> tuple[Surface, ...]:
    """A drinks can: a silver top and rim, a coloured body with a wide label band, beads of water."""
    c.round_rect(0.0, 0.06, 1.0, 1.0, 0.12, (60, 70, 90), 1.3)
    c.oval(0.02, 0.0, 0.98, 0.12, METAL, 1.0)
    c.oval(0.36, 0.02, 0.64, 0.08, LIGHT, 0.5)
    c.rect(0.0, 0.9, 1.0, 0.96, METAL, 0.7)
    c.rect(0.0, 0.3, 1.0, 0.72, (236, 204, 60), 0.9)
    for u, v in ((0.16, 0.2), (0.8, 0.82), (0.3, 0.86), (0.88, 0.22)):
        c.oval(u - 0.03, v - 0.02, u + 0.03, v + 0.02, WHITE, 0.4)
    return (c.surface("label", 0.04, 0.32, 0.96, 0.7),)


def pancakes(c: Canvas) -> tuple[Surface, ...]:
    """A stack of pancakes on a plate: golden discs, a pat of butter, syrup running down, berries on top."""
    c.oval(0.0, 0.86, 1.0, 1.0, WHITE, 1.1)
    for i in range(5):
        v = 0.78 - i * 0.13
        c.oval(0.1, v, 0.9, v + 0.16, (214, 160, 88), 0.9)
    c.fill([(0.2, 0.3), (0.8, 0.3), (0.78, 0.4), (0.66, 0.62), (0.6, 0.44), (0.4, 0.45), (0.3, 0.55), (0.22, 0.4)],
           (150, 80, 36), 200)
    c.rect(0.42, 0.2, 0.58, 0.3, YELLOW, 0.6)
    for u in (0.28, 0.7, 0.62):
        c.oval(u - 0.05, 0.24, u + 0.05, 0.32, (90, 60, 140), 0.5)
    return ()


def frying_pan(c: Canvas) -> tuple[Surface, ...]:
    """A frying pan seen from above at an angle: a dark round pan, a long handle, something golden cooking in it."""
    c.band((0.62, 0.55), (1.0, 0.42), 0.08, DARK, 1.0)
    c.oval(0.0, 0.2, 0.66, 1.0, (60, 60, 64), 1.3)
    c.oval(0.06, 0.28, 0.6, 0.92, (90, 90, 96), 0.6)
    c.oval(0.16, 0.4, 0.5, 0.8, (214, 160, 88), 0.8)
    return ()


def pot(c: Canvas) -> tuple[Surface, ...]:
    """A cooking pot: a steel body with two handles, a lid with a knob, steam rising."""
    c.rect(0.0, 0.5, 0.12, 0.58, DARK, 0.8)
    c.rect(0.88, 0.5, 1.0, 0.58, DARK, 0.8)
    c.rect(0.1, 0.42, 0.9, 1.0, METAL, 1.3)
    c.oval(0.08, 0.34, 0.92, 0.5, LIGHT, 1.1)
    c.oval(0.42, 0.3, 0.58, 0.38, DARK, 0.7)
    _steam(c, 0.3)
    return (c.surface("label", 0.2, 0.6, 0.8, 0.9),)


def jug(c: Canvas) -> tuple[Surface, ...]:
    """A jug: a round-bellied pitcher with a spout and a handle, half full of something pale."""
    c.shape(ring(0.84, 0.5, 0.18, 0.09, 270, 450), WHITE, 1.0)
    c.shape([(0.16, 0.0), (0.0, 0.08), (0.2, 0.16), (0.08, 0.6), (0.16, 1.0), (0.84, 1.0), (0.92, 0.6), (0.78, 0.0)],
            GLASS, 1.2)
    c.fill([(0.1, 0.45), (0.9, 0.45), (0.92, 0.6), (0.84, 0.98), (0.16, 0.98), (0.08, 0.6)], (240, 226, 190))
    c.line([(0.1, 0.45), (0.9, 0.45)], 0.6)
    return (c.surface("label", 0.24, 0.55, 0.76, 0.9),)


def bowl(c: Canvas) -> tuple[Surface, ...]:
    """A bowl of food: a deep bowl seen a little from above, full to the brim."""
    c.shape([(0.0, 0.2), *arc(0.5, 0.2, 0.5, 0.8, 0, 180, 14)], WHITE, 1.2)
    c.oval(0.0, 0.0, 1.0, 0.4, WHITE, 1.1)
    c.oval(0.06, 0.05, 0.94, 0.35, (224, 170, 100), 0.6)
    for u, v in ((0.3, 0.15), (0.55, 0.12), (0.7, 0.22), (0.42, 0.25)):
        c.oval(u - 0.06, v - 0.04, u + 0.06, v + 0.04, (RED, GREEN, YELLOW, RED)[int(u * 10) % 4], 0.4)
    return ()


def burger(c: Canvas) -> tuple[Surface, ...]:
    """A burger: a domed bun with seeds, lettuce, a slice of cheese, the patty, the bottom bun."""
    c.shape([(0.04, 0.82), (0.96, 0.82), (0.92, 1.0), (0.08, 1.0)], (214, 160, 88), 1.1)
    c.round_rect(0.02, 0.6, 0.98, 0.82, 0.4, (110, 64, 40), 1.1)
    c.shape([(0.02, 0.56), (0.98, 0.56), (0.9, 0.66), (0.8, 0.58), (0.5, 0.7), (0.2, 0.6), (0.06, 0.66)], YELLOW, 0.8)
    c.shape([(0.0, 0.5), (1.0, 0.5), (0.92, 0.6), (0.74, 0.54), (0.5, 0.62), (0.28, 0.54), (0.08, 0.6)], GREEN, 0.8)
    c.shape([(0.0, 0.5), *arc(0.5, 0.5, 0.5, 0.5, 180, 360, 14)], (214, 160, 88), 1.2)
    for u, v in ((0.3, 0.25), (0.5, 0.15), (0.68, 0.28), (0.42, 0.35)):
        c.oval(u - 0.02, v - 0.01, u + 0.02, v + 0.01, WHITE, 0.2)
    return ()


def ice_cream(c: Canvas) -> tuple[Surface, ...]:
    """An ice cream cone: a criss-crossed wafer cone under two round scoops."""
    c.shape([(0.18, 0.5), (0.82, 0.5), (0.5, 1.0)], (214, 170, 110), 1.1)
    for i in range(4):
        c.line([(0.22 + i * 0.16, 0.5), (0.5 + (i - 1.5) * 0.04, 0.9)], 0.4, (160, 120, 70))
    c.oval(0.14, 0.3, 0.86, 0.62, (236, 170, 190), 1.0)
    c.oval(0.2, 0.02, 0.8, 0.4, (250, 244, 226), 1.0)
    c.oval(0.44, 0.0, 0.56, 0.08, RED, 0.5)
    return ()
