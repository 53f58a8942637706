"""Things that move people: cars, taxis, police cars, vans, buses, bicycles, motorcycles, rockets, planes, boats; a car's
dashboard seen from the passenger's side.

A car's side windows are offered as ``car-window`` surfaces: where someone sitting inside is seen.
"""

from __future__ import annotations

from storyboard.picture.props.canvas import Canvas, polar
from storyboard.picture.props.tones import BLACK, BLUE, DARK, GLASS, LIGHT, METAL, MID, RED, Tone, WHITE, YELLOW
from storyboard.picture.surface import Surface

SPOKES = 8


def _wheel(c: Canvas, u: float, v: float, ru: float, rv: float, tyre: Tone = BLACK) -> None:
    """A tyre and hubcap centred on (``u``, ``v``)."""
    c.oval(u - ru, v - rv, u + ru, v + rv, tyre, 1.1)
    c.oval(u - ru * 0.5, v - rv * 0.5, u + ru * 0.5, v + rv * 0.5, METAL, 0.7)


def _car(c: Canvas, body: Tone, roof: float = 0.0) -> None:
    """A sedan from the side, facing right; the cabin starts ``roof`` lower to leave room for a roof sign."""
    top = 0.1 + roof
    c.shape([(0.02, 0.5), (0.1, 0.42), (0.28, 0.4), (0.36, top), (0.7, top), (0.8, 0.4), (0.96, 0.46), (1.0, 0.6),
             (1.0, 0.8), (0.0, 0.8), (0.0, 0.6)], body, 1.3)
    c.shape([(0.32, 0.4), (0.39, top + 0.05), (0.52, top + 0.05), (0.52, 0.4)], GLASS, 0.8)
    c.shape([(0.56, 0.4), (0.56, top + 0.05), (0.68, top + 0.05), (0.76, 0.4)], GLASS, 0.8)
    c.line([(0.54, 0.4), (0.54, 0.78)], 0.6)
    c.line([(0.47, 0.48), (0.51, 0.48)], 1.0)
    c.rect(0.95, 0.5, 1.0, 0.56, YELLOW, 0.5)
    c.rect(0.0, 0.5, 0.03, 0.56, RED, 0.5)
    for u in (0.2, 0.8):
        _wheel(c, u, 0.82, 0.1, 0.18)


def _windows(c: Canvas, roof: float = 0.0) -> tuple[Surface, ...]:
    """A side-view car's front and rear side windows (the glass wholly inside each), where someone inside is seen."""
    top = 0.16 + roof
    return (c.surface("car-window", 0.57, top, 0.68, 0.39), c.surface("car-window", 0.4, top, 0.51, 0.39))


def car(c: Canvas) -> tuple[Surface, ...]:
    """A car from the side."""
    _car(c, (150, 70, 64))
    return (c.surface("vehicle-side", 0.3, 0.48, 0.76, 0.72), *_windows(c))


def taxi(c: Canvas) -> tuple[Surface, ...]:
    """A yellow taxi: a car with a checker stripe and a lit roof sign."""
    _car(c, YELLOW, 0.08)
    c.rect(0.44, 0.06, 0.62, 0.18, WHITE, 1.0)
    for i in range(8):
        u = 0.06 + i * 0.11
        c.rect(u, 0.6, u + 0.055, 0.65, BLACK, 0.3)
    return (c.surface("sign", 0.45, 0.07, 0.61, 0.17), c.surface("vehicle-side", 0.3, 0.66, 0.76, 0.77), *_windows(c, 0.08))


def police_car(c: Canvas) -> tuple[Surface, ...]:
    """A police car: white doors on a dark body, a light bar on the roof."""
    _car(c, (60, 70, 96), 0.06)
    c.rect(0.3, 0.45, 0.78, 0.76, WHITE, 0.9)
    c.rect(0.42, 0.06, 0.52, 0.16, RED, 0.8)
    c.rect(0.52, 0.06, 0.62, 0.16, BLUE, 0.8)
    return (c.surface("vehicle-side", 0.32, 0.5, 0.76, 0.74), *_windows(c, 0.06))


def van(c: Canvas) -> tuple[Surface, ...]:
    """A delivery van: a tall cargo box behind a cab, facing right."""
    c.rect(0.0, 0.0, 0.7, 0.82, WHITE, 1.3)
    c.shape([(0.7, 0.2), (0.86, 0.2), (1.0, 0.5), (1.0, 0.82), (0.7, 0.82)], (110, 130, 160), 1.3)
    c.shape([(0.74, 0.26), (0.85, 0.26), (0.95, 0.48), (0.74, 0.48)], GLASS, 0.8)
    c.rect(0.97, 0.6, 1.0, 0.66, YELLOW, 0.5)
    for u in (0.18, 0.84):
        _wheel(c, u, 0.84, 0.08, 0.15)
    return (c.surface("vehicle-side", 0.05, 0.08, 0.65, 0.66), c.surface("car-window", 0.75, 0.27, 0.85, 0.47))


def bus(c: Canvas) -> tuple[Surface, ...]:
    """A city bus: a long body with a row of windows, a door, a destination board."""
    c.round_rect(0.0, 0.0, 1.0, 0.86, 0.08, (210, 90, 70), 1.3)
    c.rect(0.84, 0.06, 0.98, 0.18, BLACK, 0.7)
    for i in range(6):
        u = 0.04 + i * 0.13
        c.rect(u, 0.22, u + 0.11, 0.48, GLASS, 0.7)
    c.rect(0.84, 0.24, 0.96, 0.8, GLASS, 0.9)
    c.line([(0.9, 0.24), (0.9, 0.8)], 0.6)
    for u in (0.16, 0.72):
        _wheel(c, u, 0.86, 0.06, 0.12)
    return (c.surface("sign", 0.85, 0.07, 0.97, 0.17), c.surface("vehicle-side", 0.04, 0.54, 0.8, 0.78))


def bicycle(c: Canvas) -> tuple[Surface, ...]:
    """A bicycle from the side: spoked wheels, a diamond frame, saddle and handlebar."""
    for u in (0.2, 0.8):
        c.oval(u - 0.2, 0.36, u + 0.2, 1.0, None, 1.4)
        for spoke in range(SPOKES):
            c.line([(u, 0.68), polar(u, 0.68, 0.19, spoke * 360 / SPOKES)], 0.3, MID)
    frame = [(0.2, 0.68), (0.46, 0.68), (0.36, 0.28), (0.74, 0.3), (0.46, 0.68)]
    c.line(frame, 1.6, RED)
    c.line([(0.2, 0.68), (0.36, 0.28)], 1.6, RED)
    c.line([(0.8, 0.68), (0.72, 0.18), (0.64, 0.14)], 1.6, DARK)
    c.shape([(0.28, 0.22), (0.44, 0.22), (0.42, 0.27), (0.3, 0.27)], BLACK, 0.8)
    return ()


def motorcycle(c: Canvas) -> tuple[Surface, ...]:
    """A motorcycle from the side: two heavy wheels, a fuel tank, a seat, handlebars."""
    for u in (0.18, 0.82):
        _wheel(c, u, 0.72, 0.18, 0.28)
    c.shape([(0.18, 0.72), (0.36, 0.4), (0.66, 0.38), (0.82, 0.72), (0.6, 0.7), (0.4, 0.72)], DARK, 1.0)
    c.round_rect(0.42, 0.24, 0.68, 0.44, 0.45, RED, 1.2)
    c.shape([(0.16, 0.34), (0.44, 0.32), (0.44, 0.4), (0.2, 0.42)], BLACK, 1.0)
    c.line([(0.82, 0.72), (0.7, 0.16), (0.62, 0.1)], 1.6, METAL)
    c.band((0.3, 0.62), (0.02, 0.56), 0.06, METAL, 0.8)
    return ()


def rocket(c: Canvas) -> tuple[Surface, ...]:
    """A rocket standing upright: nose cone, banded stages, fins, an engine bell."""
    c.shape([(0.34, 0.18), (0.5, 0.0), (0.66, 0.18)], RED, 1.2)
    c.rect(0.34, 0.18, 0.66, 0.88, WHITE, 1.3)
    for v in (0.3, 0.56):
        c.rect(0.34, v, 0.66, v + 0.04, BLACK, 0.8)
    c.oval(0.44, 0.2, 0.56, 0.25, GLASS, 0.6)
    for side in (-1, 1):
        fin = [(0.16, 0.7), (0.5, 0.92), (0.5, 0.96), (0.16, 0.88)]
        c.shape([(0.5 + side * u, v) for u, v in fin], RED, 1.1)
    c.shape([(0.4, 0.88), (0.6, 0.88), (0.66, 1.0), (0.34, 1.0)], DARK, 1.0)
    return (c.surface("vehicle-side", 0.36, 0.62, 0.64, 0.86),)


def plane(c: Canvas) -> tuple[Surface, ...]:
    """An airliner from the side: fuselage, a row of windows, tail fin, wing and engine."""
    c.shape([(0.0, 0.12), (0.1, 0.12), (0.24, 0.46), (0.12, 0.46)], BLUE, 1.1)
    c.shape([(0.02, 0.46), (0.9, 0.46), (1.0, 0.56), (0.94, 0.68), (0.1, 0.68), (0.02, 0.58)], WHITE, 1.3)
    c.line([(0.1, 0.62), (0.94, 0.62)], 0.8, BLUE)
    for i in range(14):
        u = 0.2 + i * 0.05
        c.oval(u, 0.5, u + 0.02, 0.55, GLASS, 0.4)
    c.shape([(0.86, 0.48), (0.92, 0.48), (0.94, 0.53), (0.88, 0.53)], GLASS, 0.5)
    c.shape([(0.4, 0.64), (0.6, 0.64), (0.46, 0.92), (0.38, 0.92)], LIGHT, 1.1)
    c.round_rect(0.48, 0.7, 0.66, 0.8, 0.4, MID, 1.0)
    return (c.surface("vehicle-side", 0.24, 0.56, 0.8, 0.61),)


def boat(c: Canvas) -> tuple[Surface, ...]:
    """A sailboat: a hull, a mast, a mainsail and a jib."""
    c.band((0.5, 0.0), (0.5, 0.72), 0.02, DARK, 0.8)
    c.shape([(0.46, 0.04), (0.46, 0.68), (0.1, 0.68)], WHITE, 1.1)
    c.shape([(0.54, 0.08), (0.54, 0.68), (0.86, 0.68)], LIGHT, 1.1)
    c.shape([(0.0, 0.72), (1.0, 0.72), (0.86, 1.0), (0.12, 1.0)], (110, 130, 160), 1.3)
    c.line([(0.04, 0.8), (0.97, 0.8)], 0.6, WHITE)
    return (c.surface("vehicle-side", 0.16, 0.82, 0.84, 0.97),)


def dashboard(c: Canvas) -> tuple[Surface, ...]:
    """A car's dashboard seen from in front of the seats: a dark curved dash across, a screen, and a steering wheel."""
    c.shape([(0.0, 0.34), (0.2, 0.26), (0.5, 0.24), (0.8, 0.26), (1.0, 0.34), (1.0, 1.0), (0.0, 1.0)], (70, 70, 76), 1.3)
    c.line([(0.0, 0.42), (0.5, 0.33), (1.0, 0.42)], 0.6, DARK)
    c.rect(0.44, 0.4, 0.56, 0.56, (60, 80, 100), 0.9)
    c.oval(0.12, 0.0, 0.4, 0.9, None, 4.0)
    c.oval(0.12, 0.0, 0.4, 0.9, None, 1.0)
    c.band((0.26, 0.45), (0.13, 0.5), 0.03, MID, 0.8)
    c.band((0.26, 0.45), (0.39, 0.5), 0.03, MID, 0.8)
    c.oval(0.23, 0.38, 0.29, 0.52, MID, 0.8)
    return (c.surface("screen", 0.45, 0.41, 0.55, 0.55),)


def spaceship(c: Canvas) -> tuple[Surface, ...]:
    """A starship in flight, seen from the side: a long wedge hull, a bridge dome, two engine pods glowing blue."""
    c.shape([(0.0, 0.5), (0.3, 0.3), (0.86, 0.34), (0.94, 0.5), (0.86, 0.66), (0.3, 0.7)], METAL, 1.3)
    c.line([(0.12, 0.5), (0.9, 0.5)], 0.6, MID)
    c.oval(0.46, 0.22, 0.64, 0.38, GLASS, 1.0)
    for v in (0.16, 0.84):
        c.round_rect(0.62, v - 0.08, 0.96, v + 0.08, 0.5, LIGHT, 1.1)
        c.band((0.76, 0.34 if v < 0.5 else 0.66), (0.76, v), 0.05, MID, 0.6)
        c.oval(0.94, v - 0.06, 1.0, v + 0.06, (150, 200, 250), 0.7)
    for i in range(6):
        u = 0.3 + i * 0.08
        c.rect(u, 0.54, u + 0.04, 0.58, (150, 200, 250), 0.3)
    return (c.surface("vehicle-side", 0.2, 0.4, 0.8, 0.6),)
