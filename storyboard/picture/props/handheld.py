"""Things held in a hand: weapons, keys, locks, tools, umbrellas, helmets, hats, glasses, rings, a stopwatch, weights."""

from __future__ import annotations

from storyboard.picture.props.canvas import Canvas, arc, polar, ring as band_ring
from storyboard.picture.props.tones import BLACK, BLUE, DARK, GLASS, GOLD, LIGHT, METAL, MID, RED, WHITE, WOOD, YELLOW
from storyboard.picture.surface import Surface

SCALLOPS = 5  # an umbrella's canopy panels


def gun(c: Canvas) -> tuple[Surface, ...]:
    """A pistol from the side, muzzle right: slide, frame, trigger guard, raked grip."""
    c.line([(0.36, 0.4), (0.38, 0.58), (0.5, 0.6), (0.56, 0.4)], 1.4)
    c.shape([(0.06, 0.34), (0.36, 0.34), (0.3, 1.0), (0.0, 0.96)], BLACK, 1.2)
    for v in (0.5, 0.62, 0.74, 0.86):
        c.line([(0.06, v), (0.28, v + 0.02)], 0.4, MID)
    c.rect(0.08, 0.3, 0.8, 0.42, BLACK, 1.0)
    c.shape([(0.0, 0.06), (1.0, 0.06), (1.0, 0.32), (0.0, 0.32)], DARK, 1.3)
    c.rect(0.92, 0.0, 0.96, 0.07, DARK, 0.6)
    for u in (0.06, 0.1, 0.14, 0.18):
        c.line([(u, 0.1), (u, 0.28)], 0.4, MID)
    return ()


def knife(c: Canvas) -> tuple[Surface, ...]:
    """A kitchen knife, point right: a wide blade with a bevel, a riveted handle."""
    c.shape([(0.36, 0.1), (0.86, 0.2), (1.0, 0.5), (0.36, 0.9)], METAL, 1.2)
    c.line([(0.38, 0.72), (0.96, 0.5)], 0.5, WHITE)
    c.round_rect(0.0, 0.18, 0.38, 0.82, 0.4, (70, 50, 40), 1.2)
    for u in (0.1, 0.26):
        c.oval(u - 0.02, 0.44, u + 0.02, 0.56, METAL, 0.4)
    return ()


def key(c: Canvas) -> tuple[Surface, ...]:
    """A key: a round bow with a hole, a shaft and cut teeth."""
    c.shape([(0.36, 0.38), (1.0, 0.38), (1.0, 0.56), (0.92, 0.56), (0.92, 0.72), (0.86, 0.72), (0.84, 0.56), (0.78, 0.56),
             (0.76, 0.8), (0.7, 0.8), (0.68, 0.56), (0.36, 0.56)], GOLD, 1.1)
    c.oval(0.0, 0.1, 0.42, 0.9, GOLD, 1.2)
    c.oval(0.1, 0.38, 0.22, 0.62, WHITE, 0.8)
    return ()



def umbrella(c: Canvas) -> tuple[Surface, ...]:
    """An open umbrella: a scalloped canopy, ribs, a shaft and a hooked handle."""
    rim = []
    for i in range(SCALLOPS):
        u0 = i / SCALLOPS
        rim += arc(u0 + 0.5 / SCALLOPS, 0.46, 0.5 / SCALLOPS, 0.07, 180, 0, 5)
    c.shape([*arc(0.5, 0.46, 0.5, 0.42, 180, 360, 16), *reversed(rim)], (96, 110, 150), 1.3)
    for i in range(1, SCALLOPS):
        c.line([(0.5, 0.05), (i / SCALLOPS, 0.46)], 0.5)
    c.band((0.5, 0.0), (0.5, 0.9), 0.03, DARK, 0.7)
    c.line([(0.5, 0.88), *arc(0.42, 0.92, 0.08, 0.07, 0, 180, 6)], 1.8, DARK)
    return ()


def helmet(c: Canvas) -> tuple[Surface, ...]:
    """A full-face helmet from the side, facing right: a red shell, a white stripe, a dark visor, a chin bar."""
    c.shape([*arc(0.5, 0.56, 0.48, 0.54, 160, 355, 18), (0.99, 0.78), (0.9, 0.98), (0.2, 0.98), (0.04, 0.86)], RED, 1.3)
    c.line(arc(0.5, 0.56, 0.36, 0.42, 190, 300, 10), 2.2, WHITE)
    c.shape([(0.5, 0.36), *arc(0.74, 0.5, 0.25, 0.15, 270, 360, 6), (0.99, 0.64), (0.54, 0.64)], (50, 60, 80), 1.1)
    c.line([(0.66, 0.42), (0.76, 0.5)], 1.0, LIGHT)
    return (c.surface("label", 0.12, 0.66, 0.5, 0.9),)


def hard_hat(c: Canvas) -> tuple[Surface, ...]:
    """A construction hard hat: a yellow dome with a ridge and a brim."""
    c.shape([*arc(0.5, 0.8, 0.38, 0.76, 180, 360, 14)], YELLOW, 1.2)
    c.line([(0.5, 0.05), (0.5, 0.8)], 1.0)
    c.round_rect(0.0, 0.76, 1.0, 0.96, 0.5, (220, 180, 70), 1.2)
    return (c.surface("label", 0.18, 0.4, 0.44, 0.7),)


def hammer(c: Canvas) -> tuple[Surface, ...]:
    """A claw hammer: a wooden handle and a steel head."""
    c.band((0.5, 0.2), (0.5, 1.0), 0.14, WOOD, 1.1)
    c.shape([(0.05, 0.04), (0.66, 0.04), (0.66, 0.26), (0.05, 0.26)], METAL, 1.2)
    c.shape([(0.66, 0.06), (0.96, 0.0), (0.8, 0.14), (0.96, 0.3), (0.66, 0.24)], METAL, 1.1)
    return ()


def wrench(c: Canvas) -> tuple[Surface, ...]:
    """A spanner lying diagonally: an open jaw at the top right, a ring at the bottom left."""
    c.band((0.2, 0.8), (0.74, 0.26), 0.12, METAL, 1.2)
    jaw = [*arc(0.78, 0.22, 0.21, 0.21, -10, 260, 14), polar(0.78, 0.22, 0.09, 260), polar(0.78, 0.22, 0.09, -10)]
    c.shape(jaw, METAL, 1.2)
    c.oval(0.0, 0.66, 0.34, 1.0, METAL, 1.1)
    c.oval(0.09, 0.75, 0.25, 0.91, WHITE, 0.6)
    return ()


def toolbox(c: Canvas) -> tuple[Surface, ...]:
    """A red toolbox: a handle, a lid line and a latch."""
    c.line([(0.3, 0.26), (0.3, 0.04), (0.7, 0.04), (0.7, 0.26)], 1.8, DARK)
    c.rect(0.0, 0.24, 1.0, 1.0, RED, 1.3)
    c.line([(0.0, 0.44), (1.0, 0.44)], 0.9)
    c.rect(0.44, 0.38, 0.56, 0.54, METAL, 0.7)
    return (c.surface("label", 0.1, 0.56, 0.9, 0.92),)


def handcuffs(c: Canvas) -> tuple[Surface, ...]:
    """A pair of handcuffs: two steel rings and a short chain."""
    for u in (0.0, 0.56):
        c.oval(u, 0.1, u + 0.44, 0.9, METAL, 1.6)
        c.oval(u + 0.08, 0.24, u + 0.36, 0.76, WHITE, 1.0)
    for i in range(3):
        u = 0.42 + i * 0.05
        c.oval(u, 0.44, u + 0.06, 0.56, None, 0.8)
    return ()


def glasses(c: Canvas) -> tuple[Surface, ...]:
    """A pair of glasses: two round lenses, a bridge, temples."""
    for u in (0.06, 0.56):
        c.oval(u, 0.1, u + 0.38, 0.9, GLASS, 1.6)
    c.line([(0.44, 0.4), (0.5, 0.3), (0.56, 0.4)], 1.4)
    c.line([(0.06, 0.4), (0.0, 0.3)], 1.4)
    c.line([(0.94, 0.4), (1.0, 0.3)], 1.4)
    return ()


def fire_extinguisher(c: Canvas) -> tuple[Surface, ...]:
    """A fire extinguisher: a red cylinder, a valve and lever, a hose."""
    c.round_rect(0.2, 0.22, 0.8, 1.0, 0.3, RED, 1.3)
    c.rect(0.38, 0.1, 0.62, 0.24, BLACK, 0.9)
    c.shape([(0.4, 0.1), (0.9, 0.0), (0.9, 0.06), (0.5, 0.14)], BLACK, 0.8)
    c.line([(0.62, 0.16), (0.92, 0.3), (0.96, 0.6)], 1.6, BLACK)
    c.rect(0.26, 0.5, 0.74, 0.7, WHITE, 0.6)
    return (c.surface("label", 0.28, 0.52, 0.72, 0.68),)



def ring(c: Canvas) -> tuple[Surface, ...]:
    """A ring in its open box: a velvet box with its lid up, a gold band and a stone catching the light."""
    c.shape([(0.08, 0.0), (0.92, 0.0), (0.98, 0.42), (0.02, 0.42)], (70, 40, 60), 1.2)
    c.rect(0.14, 0.06, 0.86, 0.38, (120, 60, 90), 0.5)
    c.rect(0.0, 0.55, 1.0, 1.0, (90, 48, 72), 1.3)
    c.rect(0.04, 0.44, 0.96, 0.58, (110, 60, 88), 1.0)
    c.oval(0.28, 0.34, 0.72, 0.78, GOLD, 1.4)
    c.oval(0.36, 0.44, 0.64, 0.7, (110, 60, 88), 0.9)
    c.shape([(0.4, 0.3), (0.6, 0.3), (0.66, 0.38), (0.5, 0.5), (0.34, 0.38)], (214, 236, 246), 1.1)
    c.line([(0.43, 0.33), (0.48, 0.36)], 0.8, WHITE)
    return ()


def padlock(c: Canvas) -> tuple[Surface, ...]:
    """A padlock: a steel shackle over a brass body with a keyhole."""
    c.shape(band_ring(0.5, 0.42, 0.36, 0.24, 180, 360), METAL, 1.2)
    c.round_rect(0.04, 0.4, 0.96, 1.0, 0.2, GOLD, 1.3)
    c.oval(0.42, 0.56, 0.58, 0.72, BLACK, 0.6)
    c.shape([(0.46, 0.68), (0.54, 0.68), (0.57, 0.86), (0.43, 0.86)], BLACK, 0.6)
    c.line([(0.14, 0.46), (0.14, 0.9)], 0.9, YELLOW)
    return ()


def stopwatch(c: Canvas) -> tuple[Surface, ...]:
    """A stopwatch: a round steel case, a crown button on top, a white face with one hand."""
    c.rect(0.42, 0.0, 0.58, 0.12, METAL, 1.0)
    c.band((0.16, 0.2), (0.24, 0.12), 0.08, METAL, 0.8)
    c.oval(0.0, 0.1, 1.0, 1.0, METAL, 1.4)
    c.oval(0.1, 0.2, 0.9, 0.9, WHITE, 1.0)
    for i in range(12):
        c.line([polar(0.5, 0.55, 0.36, i * 30), polar(0.5, 0.55, 0.3, i * 30)], 0.6)
    c.line([(0.5, 0.55), polar(0.5, 0.55, 0.3, -60)], 1.4, RED)
    return (c.surface("label", 0.22, 0.62, 0.78, 0.8),)


def dumbbell(c: Canvas) -> tuple[Surface, ...]:
    """A dumbbell: a knurled bar between two stacks of black weight plates."""
    c.band((0.2, 0.5), (0.8, 0.5), 0.1, METAL, 1.0)
    for u0, u1 in ((0.0, 0.12), (0.1, 0.24), (0.76, 0.9), (0.88, 1.0)):
        height = 0.42 if u0 in (0.1, 0.76) else 0.32
        c.round_rect(u0, 0.5 - height, u1, 0.5 + height, 0.2, BLACK, 1.1)
    return ()


def rock(c: Canvas) -> tuple[Surface, ...]:
    """A stone: a rounded lump with facets and a glint."""
    c.shape([(0.1, 0.5), (0.24, 0.16), (0.56, 0.02), (0.86, 0.18), (1.0, 0.56), (0.84, 0.92), (0.4, 1.0), (0.04, 0.82)],
            (132, 124, 132), 1.3)
    c.line([(0.24, 0.16), (0.42, 0.5), (0.84, 0.92)], 0.6, DARK)
    c.line([(0.42, 0.5), (1.0, 0.56)], 0.6, DARK)
    c.shape([(0.3, 0.2), (0.5, 0.12), (0.44, 0.3)], (206, 210, 224), 0.5)
    return ()


def cap(c: Canvas) -> tuple[Surface, ...]:
    """A baseball cap from the side, peak to the right: a crown, a button, a long peak."""
    c.shape([*arc(0.42, 0.75, 0.4, 0.7, 180, 360, 14), (0.82, 0.75)], BLUE, 1.3)
    c.shape([(0.76, 0.66), (1.0, 0.74), (1.0, 0.84), (0.7, 0.8)], BLUE, 1.1)
    c.oval(0.36, 0.0, 0.48, 0.1, BLUE, 0.6)
    return (c.surface("label", 0.16, 0.3, 0.6, 0.66),)


def hat(c: Canvas) -> tuple[Surface, ...]:
    """A brimmed felt hat: a creased crown, a band and a wide brim."""
    c.shape([(0.24, 0.72), (0.26, 0.1), (0.5, 0.2), (0.74, 0.1), (0.76, 0.72)], (110, 90, 70), 1.2)
    c.rect(0.24, 0.56, 0.76, 0.72, BLACK, 0.8)
    c.oval(0.0, 0.66, 1.0, 0.98, (110, 90, 70), 1.2)
    return ()


def handkerchief(c: Canvas) -> tuple[Surface, ...]:
    """A handkerchief: a soft square of white cloth, folded, with a lace edge."""
    c.shape([(0.05, 0.2), (0.6, 0.0), (0.95, 0.45), (0.75, 1.0), (0.2, 0.85)], WHITE, 1.0)
    c.line([(0.12, 0.25), (0.6, 0.08), (0.88, 0.45)], 0.5, (180, 180, 200))
    c.line([(0.4, 0.5), (0.6, 0.7)], 0.4, (180, 180, 200))
    return ()


def boot(c: Canvas) -> tuple[Surface, ...]:
    """A boot from the side, toe right: a high ankle with its laces, a sole with studs."""
    c.shape([(0.1, 0.0), (0.46, 0.0), (0.5, 0.5), (0.9, 0.62), (1.0, 0.8), (1.0, 0.9), (0.06, 0.9), (0.1, 0.5)], DARK, 1.2)
    for v in (0.12, 0.24, 0.36, 0.48):
        c.line([(0.3, v), (0.52, v + 0.06)], 0.5, WHITE)
    c.rect(0.04, 0.88, 1.0, 0.94, BLACK, 0.8)
    for u in (0.12, 0.3, 0.62, 0.84):
        c.rect(u, 0.94, u + 0.06, 1.0, BLACK, 0.4)
    return ()
