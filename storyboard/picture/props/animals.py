"""Animals, seen from the side facing right: a dog, a cat, a horse, a cow, a bird."""

from __future__ import annotations

from storyboard.picture.props.canvas import Canvas
from storyboard.picture.props.tones import BLACK, DARK, WHITE, YELLOW, Tone
from storyboard.picture.surface import Surface

DOG: Tone = (176, 126, 80)
CAT: Tone = (150, 150, 156)
HORSE: Tone = (132, 88, 60)
BIRD: Tone = (200, 110, 70)


def _legs(c: Canvas, us: tuple[float, ...], top: float, width: float, tone: Tone) -> None:
    for u in us:
        c.rect(u, top, u + width, 1.0, tone, 0.9)


def dog(c: Canvas) -> tuple[Surface, ...]:
    """A dog: a body on four legs, a raised tail, a head with a floppy ear and a dark nose, a red collar."""
    _legs(c, (0.14, 0.26, 0.58, 0.7), 0.62, 0.08, DOG)
    c.line([(0.12, 0.46), (0.02, 0.22)], 1.4, DOG)
    c.round_rect(0.08, 0.38, 0.8, 0.7, 0.5, DOG, 1.2)
    c.oval(0.64, 0.1, 0.94, 0.44, DOG, 1.2)
    c.shape([(0.86, 0.24), (1.0, 0.28), (0.98, 0.38), (0.86, 0.38)], DOG, 1.0)
    c.oval(0.95, 0.26, 1.0, 0.31, BLACK, 0.4)
    c.shape([(0.66, 0.14), (0.7, 0.4), (0.62, 0.36)], (120, 84, 52), 0.9)
    c.oval(0.8, 0.18, 0.84, 0.22, BLACK, 0.3)
    c.band((0.68, 0.44), (0.76, 0.42), 0.05, (190, 60, 50), 0.4)
    return ()


def cat(c: Canvas) -> tuple[Surface, ...]:
    """A cat sitting: a pear-shaped body, a curled tail, a round head with pointed ears and whiskers."""
    c.line([(0.2, 0.96), (0.0, 0.9), (0.04, 0.7)], 1.6, CAT)
    c.shape([(0.2, 1.0), (0.26, 0.5), (0.5, 0.36), (0.74, 0.5), (0.8, 1.0)], CAT, 1.2)
    c.oval(0.28, 0.1, 0.72, 0.48, CAT, 1.2)
    for u in (0.3, 0.58):
        c.shape([(u, 0.22), (u + 0.04, 0.0), (u + 0.12, 0.16)], CAT, 1.0)
    for u in (0.42, 0.58):
        c.oval(u - 0.03, 0.24, u + 0.03, 0.3, YELLOW, 0.4)
    c.line([(0.5, 0.34), (0.74, 0.32)], 0.4)
    c.line([(0.5, 0.34), (0.26, 0.32)], 0.4)
    return ()


def horse(c: Canvas) -> tuple[Surface, ...]:
    """A horse: a long body on slim legs, an arched neck, a long head, a dark mane and tail."""
    _legs(c, (0.16, 0.26, 0.62, 0.72), 0.55, 0.06, HORSE)
    c.line([(0.12, 0.36), (0.04, 0.6)], 2.0, DARK)
    c.round_rect(0.1, 0.3, 0.8, 0.6, 0.5, HORSE, 1.2)
    c.shape([(0.66, 0.36), (0.78, 0.06), (0.86, 0.04), (1.0, 0.24), (0.96, 0.3), (0.84, 0.2), (0.8, 0.44)], HORSE, 1.2)
    c.line([(0.7, 0.32), (0.78, 0.08)], 1.8, DARK)
    c.oval(0.86, 0.1, 0.89, 0.13, BLACK, 0.3)
    return ()


def cow(c: Canvas) -> tuple[Surface, ...]:
    """A cow: a boxy white body with black patches, short legs, an udder, a head with horns."""
    _legs(c, (0.12, 0.24, 0.6, 0.72), 0.6, 0.08, WHITE)
    c.oval(0.46, 0.6, 0.6, 0.7, (236, 170, 180), 0.6)
    c.round_rect(0.06, 0.26, 0.8, 0.64, 0.3, WHITE, 1.2)
    for u0, v0, u1, v1 in ((0.14, 0.3, 0.34, 0.48), (0.46, 0.34, 0.62, 0.56), (0.3, 0.5, 0.42, 0.62)):
        c.oval(u0, v0, u1, v1, BLACK, 0.3)
    c.round_rect(0.76, 0.2, 1.0, 0.46, 0.4, WHITE, 1.1)
    c.oval(0.88, 0.36, 1.0, 0.46, (236, 170, 180), 0.6)
    c.line([(0.8, 0.22), (0.76, 0.12)], 1.0)
    c.line([(0.94, 0.22), (0.98, 0.12)], 1.0)
    c.line([(0.06, 0.3), (0.0, 0.56)], 0.8)
    return ()


def bird(c: Canvas) -> tuple[Surface, ...]:
    """A bird (a hen or a robin): a round body, a small head, a beak, a wing, thin legs."""
    for u in (0.4, 0.56):
        c.line([(u, 0.76), (u, 1.0), (u + 0.06, 1.0)], 0.8, YELLOW)
    c.line([(0.18, 0.5), (0.0, 0.3)], 1.4, BIRD)
    c.oval(0.12, 0.34, 0.82, 0.82, BIRD, 1.2)
    c.oval(0.58, 0.12, 0.9, 0.44, BIRD, 1.1)
    c.shape([(0.88, 0.24), (1.0, 0.3), (0.88, 0.34)], YELLOW, 0.6)
    c.oval(0.74, 0.22, 0.78, 0.26, BLACK, 0.3)
    c.shape([(0.26, 0.52), (0.62, 0.5), (0.48, 0.68)], WHITE, 0.6)
    return ()
