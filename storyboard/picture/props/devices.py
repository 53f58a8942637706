"""Screens and gadgets: phones, computers, cameras, microphones, lamps, clocks."""

from __future__ import annotations

from storyboard.picture.props.canvas import Canvas, arc, polar
from storyboard.picture.props.tones import BLACK, DARK, LIGHT, METAL, MID, SCREEN, WHITE, YELLOW
from storyboard.picture.surface import Surface

KEY_ROWS = 4  # a keyboard's rows of keys
KEYS_PER_ROW = 12


def phone(c: Canvas) -> tuple[Surface, ...]:
    """A smartphone face-on: a dark rounded slab, a bright screen, a camera notch."""
    c.round_rect(0.0, 0.0, 1.0, 1.0, 0.16, BLACK, 1.2)
    c.round_rect(0.07, 0.05, 0.93, 0.95, 0.1, SCREEN, 0.5)
    c.round_rect(0.36, 0.065, 0.64, 0.1, 0.5, BLACK, 0.4)
    return (c.surface("phone-screen", 0.1, 0.12, 0.9, 0.92),)


def telephone(c: Canvas) -> tuple[Surface, ...]:
    """A desk telephone: a wedge base with a keypad and a handset on top."""
    c.shape([(0.08, 0.45), (0.92, 0.45), (1.0, 1.0), (0.0, 1.0)], MID, 1.2)
    for row in range(3):
        for col in range(3):
            u, v = 0.36 + col * 0.1, 0.56 + row * 0.13
            c.rect(u, v, u + 0.07, v + 0.09, WHITE, 0.4)
    c.shape([(0.0, 0.3), (0.12, 0.1), (0.88, 0.1), (1.0, 0.3), (0.84, 0.42), (0.72, 0.26), (0.28, 0.26), (0.16, 0.42)], DARK, 1.2)
    return ()


def laptop(c: Canvas) -> tuple[Surface, ...]:
    """An open laptop: the lid's screen above a keyboard deck seen slightly from above."""
    c.round_rect(0.1, 0.0, 0.9, 0.72, 0.04, DARK, 1.2)
    c.rect(0.14, 0.05, 0.86, 0.67, SCREEN, 0.5)
    c.shape([(0.1, 0.72), (0.9, 0.72), (1.0, 0.96), (0.0, 0.96)], METAL, 1.2)
    c.shape([(0.0, 0.96), (1.0, 0.96), (1.0, 1.0), (0.0, 1.0)], MID, 0.8)
    for i in range(1, 4):
        v = 0.72 + i * 0.045
        c.line([(0.12 - i * 0.02, v), (0.88 + i * 0.02, v)], 0.35)
    c.shape([(0.42, 0.9), (0.58, 0.9), (0.59, 0.94), (0.41, 0.94)], LIGHT, 0.4)
    return (c.surface("screen", 0.16, 0.07, 0.84, 0.65),)


def keyboard(c: Canvas) -> tuple[Surface, ...]:
    """A computer keyboard: rows of keys on a slab, a long space bar in front."""
    c.round_rect(0.0, 0.0, 1.0, 1.0, 0.1, MID, 1.2)
    step_u, step_v = 0.92 / KEYS_PER_ROW, 0.7 / KEY_ROWS
    for row in range(KEY_ROWS):
        for col in range(KEYS_PER_ROW):
            u, v = 0.04 + col * step_u + row * 0.008, 0.08 + row * step_v
            c.rect(u, v, u + step_u * 0.8, v + step_v * 0.78, WHITE, 0.35)
    c.rect(0.3, 0.8, 0.7, 0.93, WHITE, 0.4)
    return ()


def monitor(c: Canvas) -> tuple[Surface, ...]:
    """A desktop monitor: a bezel and screen on a neck and foot."""
    c.rect(0.44, 0.78, 0.56, 0.94, DARK)
    c.shape([(0.24, 0.94), (0.76, 0.94), (0.8, 1.0), (0.2, 1.0)], DARK)
    c.round_rect(0.0, 0.0, 1.0, 0.8, 0.04, BLACK, 1.2)
    c.rect(0.04, 0.05, 0.96, 0.75, SCREEN, 0.5)
    return (c.surface("screen", 0.06, 0.07, 0.94, 0.73),)


def tablet(c: Canvas) -> tuple[Surface, ...]:
    """A tablet computer: a slab with a thin bezel."""
    c.round_rect(0.0, 0.0, 1.0, 1.0, 0.08, BLACK, 1.2)
    c.rect(0.07, 0.06, 0.93, 0.94, SCREEN, 0.5)
    return (c.surface("screen", 0.09, 0.08, 0.91, 0.92),)


def television(c: Canvas) -> tuple[Surface, ...]:
    """A flat television on short feet."""
    c.rect(0.0, 0.0, 1.0, 0.9, BLACK, 1.2)
    c.rect(0.025, 0.04, 0.975, 0.86, SCREEN, 0.5)
    for u in (0.15, 0.8):
        c.shape([(u, 0.9), (u + 0.05, 0.9), (u + 0.08, 1.0), (u - 0.03, 1.0)], DARK, 0.7)
    return (c.surface("screen", 0.04, 0.06, 0.96, 0.84),)


def camera(c: Canvas) -> tuple[Surface, ...]:
    """A photo camera: body, viewfinder hump, big round lens, shutter button."""
    c.rect(0.34, 0.05, 0.62, 0.25, DARK)
    c.rect(0.74, 0.1, 0.86, 0.2, MID, 0.6)
    c.round_rect(0.0, 0.2, 1.0, 1.0, 0.12, BLACK, 1.2)
    c.rect(0.0, 0.4, 1.0, 0.82, MID, 0.6)
    c.oval(0.28, 0.26, 0.72, 0.96, DARK, 1.2)
    c.oval(0.38, 0.4, 0.62, 0.82, (90, 110, 130), 0.8)
    c.oval(0.44, 0.48, 0.5, 0.58, WHITE, 0.3)
    return ()


def microphone(c: Canvas) -> tuple[Surface, ...]:
    """A microphone on a stand: mesh head, clip, pole, round foot."""
    c.band((0.5, 0.3), (0.5, 0.95), 0.08, METAL)
    c.oval(0.05, 0.93, 0.95, 1.0, DARK)
    c.band((0.5, 0.12), (0.5, 0.3), 0.16, BLACK)
    c.oval(0.3, 0.0, 0.7, 0.16, MID, 1.1)
    for v in (0.04, 0.08, 0.12):
        c.line([(0.34, v), (0.66, v)], 0.3)
    return ()


def headset(c: Canvas) -> tuple[Surface, ...]:
    """A headset: a headband arc, two ear cups and a boom microphone."""
    band = arc(0.5, 0.62, 0.4, 0.58, 180, 360)
    c.line(band, 3.0, DARK)
    c.round_rect(0.0, 0.45, 0.22, 0.9, 0.4, BLACK, 1.2)
    c.round_rect(0.78, 0.45, 1.0, 0.9, 0.4, BLACK, 1.2)
    c.line([(0.12, 0.85), (0.2, 0.98), (0.45, 1.0)], 1.6, DARK)
    c.oval(0.42, 0.95, 0.52, 1.0, BLACK, 0.5)
    return ()


def radio(c: Canvas) -> tuple[Surface, ...]:
    """A walkie-talkie: a slab with an antenna, a speaker grille and a knob."""
    c.band((0.25, 0.0), (0.25, 0.3), 0.12, BLACK)
    c.rect(0.6, 0.18, 0.72, 0.3, DARK, 0.6)
    c.round_rect(0.1, 0.28, 0.9, 1.0, 0.12, BLACK, 1.2)
    c.rect(0.22, 0.36, 0.78, 0.52, SCREEN, 0.5)
    for i in range(4):
        v = 0.62 + i * 0.08
        c.line([(0.25, v), (0.75, v)], 0.6, MID)
    return (c.surface("screen", 0.24, 0.38, 0.76, 0.5),)


def clock(c: Canvas) -> tuple[Surface, ...]:
    """A wall clock: a rim, twelve ticks and two hands at ten past ten."""
    c.oval(0.0, 0.0, 1.0, 1.0, DARK, 1.2)
    c.oval(0.06, 0.06, 0.94, 0.94, WHITE, 0.6)
    for hour in range(12):
        c.line([polar(0.5, 0.5, 0.38, hour * 30), polar(0.5, 0.5, 0.32, hour * 30)], 0.7)
    c.line([(0.5, 0.5), (0.3, 0.36)], 1.5)
    c.line([(0.5, 0.5), (0.78, 0.32)], 1.1)
    return ()


def wristwatch(c: Canvas) -> tuple[Surface, ...]:
    """A wristwatch: a strap through a round face."""
    c.rect(0.28, 0.0, 0.72, 1.0, DARK)
    c.oval(0.05, 0.22, 0.95, 0.78, METAL, 1.2)
    c.oval(0.14, 0.3, 0.86, 0.7, WHITE, 0.5)
    c.line([(0.5, 0.5), (0.5, 0.36)], 0.9)
    c.line([(0.5, 0.5), (0.7, 0.5)], 0.7)
    return ()


def lamp(c: Canvas) -> tuple[Surface, ...]:
    """A table lamp: a flared shade over a bulb, a stem, a round foot."""
    c.band((0.5, 0.45), (0.5, 0.94), 0.06, DARK)
    c.oval(0.2, 0.9, 0.8, 1.0, DARK)
    c.oval(0.4, 0.34, 0.6, 0.52, YELLOW, 0.6)
    c.shape([(0.22, 0.0), (0.78, 0.0), (1.0, 0.42), (0.0, 0.42)], (236, 222, 180), 1.2)
    return (c.surface("light", 0.0, 0.0, 1.0, 0.5),)


def flashlight(c: Canvas) -> tuple[Surface, ...]:
    """A flashlight lying sideways: a ribbed barrel, a flared head, a switch."""
    c.shape([(0.7, 0.2), (1.0, 0.0), (1.0, 1.0), (0.7, 0.8)], METAL, 1.2)
    c.rect(0.0, 0.22, 0.72, 0.78, BLACK, 1.2)
    c.rect(0.38, 0.12, 0.5, 0.22, MID, 0.6)
    for u in (0.08, 0.14, 0.2):
        c.line([(u, 0.26), (u, 0.74)], 0.5, MID)
    c.shape([(0.96, 0.08), (1.0, 0.0), (1.0, 1.0), (0.96, 0.92)], YELLOW, 0.5)
    return ()


def usb_drive(c: Canvas) -> tuple[Surface, ...]:
    """A USB stick: a body with a metal plug."""
    c.rect(0.66, 0.25, 1.0, 0.75, METAL, 1.0)
    c.rect(0.78, 0.38, 0.84, 0.48, DARK, 0.3)
    c.round_rect(0.0, 0.0, 0.68, 1.0, 0.25, (90, 110, 150), 1.2)
    return (c.surface("label", 0.08, 0.2, 0.6, 0.8),)


def control_panel(c: Canvas) -> tuple[Surface, ...]:
    """A control panel: a sloping console of lit buttons, dials and a small screen, a big lever in a slot."""
    c.shape([(0.0, 0.35), (1.0, 0.35), (1.0, 1.0), (0.0, 1.0)], DARK, 1.3)
    c.shape([(0.02, 0.38), (0.98, 0.38), (0.96, 0.6), (0.04, 0.6)], MID, 1.0)
    for i in range(6):
        u = 0.08 + i * 0.09
        c.oval(u, 0.44, u + 0.06, 0.52, ((200, 70, 60), (90, 190, 120), YELLOW)[i % 3], 0.5)
    c.rect(0.66, 0.41, 0.94, 0.57, SCREEN, 0.8)
    for u in (0.14, 0.34):
        c.oval(u, 0.68, u + 0.14, 0.86, LIGHT, 0.8)
        c.line([(u + 0.07, 0.77), (u + 0.11, 0.71)], 0.6)
    c.rect(0.62, 0.7, 0.68, 0.9, BLACK, 0.6)
    c.band((0.65, 0.8), (0.72, 0.08), 0.04, METAL, 0.8)
    c.oval(0.66, 0.0, 0.8, 0.12, (200, 70, 60), 1.0)
    return (c.surface("screen", 0.67, 0.42, 0.93, 0.56),)
