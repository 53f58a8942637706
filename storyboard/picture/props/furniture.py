"""Furniture and fittings: chairs, sofas, beds, tables, desks, shelves, plants, windows, doors, ladders, benches, posts,
billboards, vending machines, wheelchairs, drip stands, petrol pumps."""

from __future__ import annotations

from storyboard.picture.props.canvas import Canvas, arc, polar
from storyboard.picture.props.tones import (BLACK, BLUE, CHALKBOARD, DARK, FABRIC, GLASS, GREEN, LEAF, LEAF_DARK, LIGHT, METAL,
                                            MID, RED, WHITE, WOOD, WOOD_DARK, YELLOW, Tone)
from storyboard.picture.surface import Surface

BOOK_TONES = ((140, 70, 64), (96, 120, 150), (120, 140, 100), (200, 170, 100), (110, 100, 130), (170, 120, 90))
LEAVES = ((-0.4, 0.28), (-0.3, 0.08), (-0.12, 0.0), (0.1, 0.02), (0.3, 0.1), (0.42, 0.3), (-0.2, 0.3), (0.2, 0.28))


def chair(c: Canvas) -> tuple[Surface, ...]:
    """A wooden chair, front three-quarter: backrest, seat, four legs."""
    for u in (0.2, 0.8):
        c.band((u, 0.55), (u, 0.9), 0.07, WOOD_DARK, 0.7)
    for u in (0.22, 0.78):
        c.band((u, 0.02), (u, 0.52), 0.07, WOOD_DARK, 0.8)
    c.rect(0.18, 0.04, 0.82, 0.3, WOOD, 1.1)
    c.shape([(0.18, 0.5), (0.82, 0.5), (0.96, 0.62), (0.04, 0.62)], WOOD, 1.1)
    c.rect(0.04, 0.62, 0.96, 0.67, WOOD_DARK, 0.8)
    for u in (0.08, 0.92):
        c.band((u, 0.66), (u, 1.0), 0.08, WOOD_DARK, 0.9)
    return ()


def stool(c: Canvas) -> tuple[Surface, ...]:
    """A bar stool: a round padded seat, splayed legs, a foot ring."""
    for a, b in (((0.3, 0.12), (0.1, 1.0)), ((0.7, 0.12), (0.9, 1.0)), ((0.45, 0.12), (0.4, 0.96)), ((0.55, 0.12), (0.62, 0.96))):
        c.band(a, b, 0.07, METAL, 0.8)
    c.oval(0.14, 0.62, 0.86, 0.72, None, 1.0)
    c.oval(0.0, 0.0, 1.0, 0.2, RED, 1.2)
    c.rect(0.0, 0.1, 1.0, 0.16, (150, 64, 58), 0.6)
    return ()


def sofa(c: Canvas) -> tuple[Surface, ...]:
    """A sofa face-on: a high back, two rolled arms, seat cushions, stubby feet."""
    c.round_rect(0.08, 0.0, 0.92, 0.6, 0.2, FABRIC, 1.2)
    for u in (0.1, 0.5):
        c.round_rect(u + 0.02, 0.42, u + 0.4, 0.74, 0.2, (166, 178, 198), 0.9)
    c.rect(0.06, 0.7, 0.94, 0.9, (130, 142, 166), 1.1)
    for u in (0.0, 0.86):
        c.round_rect(u, 0.3, u + 0.14, 0.9, 0.35, (130, 142, 166), 1.2)
    for u in (0.06, 0.9):
        c.rect(u, 0.9, u + 0.04, 1.0, WOOD_DARK, 0.6)
    return (c.surface("wall", 0.14, 0.04, 0.86, 0.4),)


def bed(c: Canvas) -> tuple[Surface, ...]:
    """A bed from the side: headboard, mattress, pillow, a blanket folded back, footboard."""
    c.round_rect(0.0, 0.0, 0.1, 1.0, 0.3, WOOD, 1.2)
    c.rect(0.92, 0.4, 0.98, 1.0, WOOD, 1.1)
    c.rect(0.08, 0.5, 0.94, 0.78, WHITE, 1.1)
    c.rect(0.08, 0.78, 0.94, 0.9, WOOD_DARK, 1.0)
    c.round_rect(0.12, 0.34, 0.34, 0.54, 0.45, WHITE, 1.0)
    c.shape([(0.38, 0.46), (0.94, 0.46), (0.95, 0.86), (0.4, 0.86), (0.36, 0.66)], (150, 170, 200), 1.2)
    c.line([(0.42, 0.52), (0.42, 0.82)], 0.5)
    return ()


def table(c: Canvas) -> tuple[Surface, ...]:
    """A table seen a little from above: the top, its edge, four legs."""
    for u in (0.12, 0.88):
        c.band((u, 0.2), (u, 0.86), 0.04, WOOD_DARK, 0.6)
    c.shape([(0.08, 0.0), (0.92, 0.0), (1.0, 0.2), (0.0, 0.2)], WOOD, 1.2)
    c.rect(0.0, 0.2, 1.0, 0.28, WOOD_DARK, 1.0)
    for u in (0.04, 0.96):
        c.band((u, 0.28), (u, 1.0), 0.05, WOOD_DARK, 0.9)
    return (c.surface("table", 0.08, 0.0, 0.92, 0.2),)


def desk(c: Canvas) -> tuple[Surface, ...]:
    """An office desk: the top, a drawer pedestal, a modesty panel."""
    c.shape([(0.05, 0.0), (0.95, 0.0), (1.0, 0.16), (0.0, 0.16)], LIGHT, 1.2)
    c.rect(0.0, 0.16, 1.0, 0.23, MID, 1.0)
    c.rect(0.08, 0.23, 0.66, 0.8, DARK, 0.8)
    c.rect(0.66, 0.23, 0.98, 1.0, MID, 1.1)
    for v in (0.42, 0.62, 0.82):
        c.line([(0.66, v), (0.98, v)], 0.6)
        c.line([(0.78, v - 0.08), (0.86, v - 0.08)], 1.0)
    c.band((0.04, 0.23), (0.04, 1.0), 0.04, MID, 0.9)
    return (c.surface("desk", 0.05, 0.0, 0.95, 0.16),)


def bookshelf(c: Canvas) -> tuple[Surface, ...]:
    """A bookcase: a frame of shelves filled with books of mixed heights and colours."""
    c.rect(0.0, 0.0, 1.0, 1.0, WOOD, 1.2)
    shelves = 4
    for i in range(shelves):
        top, bottom = 0.04 + i * 0.24, 0.04 + (i + 1) * 0.24 - 0.03
        c.rect(0.05, top, 0.95, bottom, WOOD_DARK, 0.6)
        u = 0.07
        while u < 0.9:
            width = c.pen.rng.uniform(0.05, 0.1)
            height = c.pen.rng.uniform(0.6, 0.95) * (bottom - top)
            c.rect(u, bottom - height, min(u + width, 0.93), bottom, BOOK_TONES[int(u * 37) % len(BOOK_TONES)], 0.4)
            u += width + 0.005
    return (c.surface("shelf", 0.05, 0.04, 0.95, 0.25),)


def plant(c: Canvas) -> tuple[Surface, ...]:
    """A potted plant: a clay pot and a spray of long leaves."""
    for i, (du, v) in enumerate(LEAVES):
        tip = (0.5 + du, v)
        base = (0.5, 0.66)
        mid_u, mid_v = (tip[0] + base[0]) / 2, (tip[1] + base[1]) / 2
        spread = 0.09
        c.shape([base, (mid_u - spread, mid_v), tip, (mid_u + spread, mid_v)], LEAF if i % 2 else LEAF_DARK, 0.7)
    c.shape([(0.22, 0.64), (0.78, 0.64), (0.7, 1.0), (0.3, 1.0)], (196, 120, 90), 1.2)
    c.rect(0.18, 0.6, 0.82, 0.7, (176, 104, 78), 1.0)
    return ()


def window(c: Canvas) -> tuple[Surface, ...]:
    """A window: a frame, four panes of sky, a sill, the glint of glass."""
    c.rect(0.04, 0.0, 0.96, 0.94, WHITE, 1.3)
    c.rect(0.1, 0.05, 0.9, 0.89, GLASS, 0.8)
    c.line([(0.5, 0.05), (0.5, 0.89)], 1.2)
    c.line([(0.1, 0.47), (0.9, 0.47)], 1.2)
    c.line([(0.2, 0.38), (0.32, 0.14)], 1.0, WHITE)
    c.rect(0.0, 0.9, 1.0, 1.0, WHITE, 1.1)
    return (c.surface("window", 0.12, 0.07, 0.88, 0.87),)


def door(c: Canvas) -> tuple[Surface, ...]:
    """A door in its frame: four raised panels and a handle."""
    c.rect(0.0, 0.0, 1.0, 1.0, WHITE, 1.3)
    c.rect(0.08, 0.04, 0.92, 1.0, WOOD, 1.2)
    for v0, v1 in ((0.1, 0.46), (0.54, 0.94)):
        for u0 in (0.16, 0.54):
            c.rect(u0, v0, u0 + 0.3, v1, (194, 166, 132), 0.6)
    c.oval(0.76, 0.5, 0.86, 0.56, YELLOW, 0.8)
    return (c.surface("door", 0.16, 0.1, 0.84, 0.46),)


def door_handle(c: Canvas) -> tuple[Surface, ...]:
    """A door handle, close: wood grain, an escutcheon plate, a lever and the keyhole."""
    c.rect(0.0, 0.0, 1.0, 1.0, WOOD, 0.6)
    for u in (0.1, 0.22, 0.7, 0.86):
        c.line([(u, 0.0), (u + 0.03, 0.5), (u, 1.0)], 0.4, WOOD_DARK)
    c.round_rect(0.3, 0.1, 0.56, 0.9, 0.3, METAL, 1.2)
    c.oval(0.35, 0.26, 0.51, 0.42, LIGHT, 1.0)
    c.shape([(0.4, 0.3), (0.98, 0.28), (1.0, 0.38), (0.44, 0.4)], (196, 200, 206), 1.4)
    c.oval(0.4, 0.62, 0.46, 0.7, BLACK, 0.6)
    c.shape([(0.42, 0.68), (0.44, 0.68), (0.455, 0.78), (0.405, 0.78)], BLACK, 0.5)
    return (c.surface("door", 0.6, 0.5, 0.98, 0.95),)


def ladder(c: Canvas) -> tuple[Surface, ...]:
    """A ladder: two rails, slightly closer at the top, and rungs."""
    for a, b in (((0.2, 0.0), (0.02, 1.0)), ((0.8, 0.0), (0.98, 1.0))):
        c.band(a, b, 0.09, (190, 160, 110), 1.0)
    for i in range(7):
        v = 0.08 + i * 0.135
        spread = 0.2 - v * 0.17
        c.band((spread + 0.02, v), (1.0 - spread - 0.02, v), 0.05, (204, 176, 126), 0.7)
    return ()


def bench(c: Canvas) -> tuple[Surface, ...]:
    """A park bench: wooden slats for back and seat on cast-iron sides."""
    for u in (0.06, 0.9):
        c.shape([(u, 0.1), (u + 0.04, 0.1), (u + 0.05, 1.0), (u - 0.01, 1.0)], BLACK, 0.8)
    for v in (0.08, 0.2, 0.32):
        c.rect(0.02, v, 0.98, v + 0.08, WOOD, 0.8)
    for v in (0.54, 0.62):
        c.shape([(0.0, v), (1.0, v), (1.0, v + 0.07), (0.0, v + 0.07)], WOOD, 0.9)
    for u in (0.0, 0.94):
        c.line([(u + 0.03, 0.46), (u + 0.06, 0.5), (u + 0.03, 0.56)], 1.4, BLACK)
    return (c.surface("board", 0.1, 0.08, 0.9, 0.4),)


def sign_post(c: Canvas) -> tuple[Surface, ...]:
    """A street sign on a post: a pole and a green name board."""
    c.band((0.5, 0.1), (0.5, 1.0), 0.08, METAL, 1.0)
    c.rect(0.0, 0.02, 1.0, 0.22, GREEN, 1.2)
    c.rect(0.03, 0.04, 0.97, 0.2, None, 0.5)
    c.oval(0.42, 0.97, 0.58, 1.0, DARK, 0.5)
    return (c.surface("sign", 0.04, 0.04, 0.96, 0.2),)


def street_lamp(c: Canvas) -> tuple[Surface, ...]:
    """A street lamp: a tall pole curving over to a lamp head."""
    c.band((0.2, 0.1), (0.2, 1.0), 0.12, DARK, 1.0)
    c.line([*arc(0.5, 0.12, 0.3, 0.1, 180, 270), (0.8, 0.02)], 2.4, DARK)
    c.shape([(0.66, 0.02), (0.96, 0.02), (1.0, 0.07), (0.62, 0.07)], DARK, 1.0)
    c.oval(0.7, 0.06, 0.92, 0.09, YELLOW, 0.6)
    c.rect(0.1, 0.94, 0.3, 1.0, BLACK, 0.8)
    return (c.surface("light", 0.64, 0.0, 1.0, 0.1),)


def _board(c: Canvas, frame: Tone, face: Tone, marks: tuple[Tone, Tone]) -> tuple[Surface, ...]:
    """A wall board: a frame, a writing face with a few lines and a chart, a tray below."""
    c.rect(0.0, 0.0, 1.0, 0.92, frame, 1.2)
    c.rect(0.03, 0.04, 0.97, 0.88, face, 0.6)
    c.line([(0.08, 0.2), (0.3, 0.2)], 1.0, marks[0])
    c.line([(0.08, 0.3), (0.4, 0.3)], 0.8, marks[0])
    c.line([(0.6, 0.7), (0.7, 0.45), (0.8, 0.55), (0.9, 0.3)], 1.0, marks[1])
    c.rect(0.2, 0.92, 0.8, 1.0, frame, 0.8)
    return (c.surface("board", 0.04, 0.05, 0.96, 0.87),)


def whiteboard(c: Canvas) -> tuple[Surface, ...]:
    """A whiteboard: an aluminium frame, blue and red marker, a pen tray."""
    return _board(c, METAL, WHITE, (BLUE, RED))


def blackboard(c: Canvas) -> tuple[Surface, ...]:
    """A school blackboard: a wooden frame, a dark green face, chalk marks."""
    return _board(c, WOOD, CHALKBOARD, (WHITE, YELLOW))


def tshirt(c: Canvas) -> tuple[Surface, ...]:
    """A T-shirt laid flat: body, short sleeves, a round collar."""
    c.shape([(0.3, 0.0), (0.42, 0.06), (0.58, 0.06), (0.7, 0.0), (1.0, 0.16), (0.9, 0.38), (0.78, 0.32), (0.78, 1.0),
             (0.22, 1.0), (0.22, 0.32), (0.1, 0.38), (0.0, 0.16)], BLUE, 1.2)
    c.line(arc(0.5, 0.0, 0.12, 0.1, 0, 180, 8), 1.0)
    return (c.surface("shirt", 0.28, 0.2, 0.72, 0.6),)


def fire_hydrant(c: Canvas) -> tuple[Surface, ...]:
    """A fire hydrant: a domed red barrel with side nozzles and a base flange."""
    c.rect(0.3, 0.3, 0.7, 0.92, RED, 1.2)
    c.shape([*arc(0.5, 0.3, 0.22, 0.2, 180, 360, 10)], RED, 1.1)
    c.rect(0.44, 0.02, 0.56, 0.12, (150, 60, 54), 0.7)
    for u0, u1 in ((0.08, 0.3), (0.7, 0.92)):
        c.rect(u0, 0.42, u1, 0.58, (150, 60, 54), 0.9)
    c.rect(0.22, 0.88, 0.78, 1.0, (150, 60, 54), 1.0)
    return ()


def traffic_cone(c: Canvas) -> tuple[Surface, ...]:
    """A traffic cone: an orange cone with white bands on a square base."""
    c.shape([(0.42, 0.0), (0.58, 0.0), (0.86, 0.9), (0.14, 0.9)], (230, 130, 70), 1.2)
    c.shape([(0.32, 0.34), (0.68, 0.34), (0.74, 0.52), (0.26, 0.52)], WHITE, 0.6)
    c.rect(0.0, 0.88, 1.0, 1.0, (200, 100, 50), 1.1)
    return ()




def billboard(c: Canvas) -> tuple[Surface, ...]:
    """A billboard on two steel legs: a wide framed board, a catwalk and lamps along its top."""
    for u in (0.25, 0.75):
        c.band((u, 0.6), (u, 1.0), 0.035, METAL, 1.0)
    c.line([(0.25, 0.75), (0.75, 0.9)], 0.6, DARK)
    c.line([(0.75, 0.75), (0.25, 0.9)], 0.6, DARK)
    c.rect(0.0, 0.06, 1.0, 0.62, DARK, 1.3)
    c.rect(0.02, 0.09, 0.98, 0.59, WHITE, 0.8)
    c.rect(0.0, 0.62, 1.0, 0.66, METAL, 0.8)
    for u in (0.2, 0.5, 0.8):
        c.line([(u, 0.06), (u, 0.0), (u + 0.05, 0.0)], 0.8, DARK)
    return (c.surface("billboard", 0.03, 0.1, 0.97, 0.58),)


def vending_machine(c: Canvas) -> tuple[Surface, ...]:
    """A vending machine: a tall red cabinet, a glass front of rows of snacks, a keypad and a slot."""
    c.rect(0.0, 0.0, 1.0, 1.0, RED, 1.3)
    c.rect(0.06, 0.06, 0.7, 0.8, GLASS, 1.0)
    for row in range(5):
        v = 0.1 + row * 0.14
        c.line([(0.08, v + 0.12), (0.68, v + 0.12)], 0.6, DARK)
        for col in range(4):
            u = 0.1 + col * 0.15
            c.rect(u, v + 0.03, u + 0.1, v + 0.12, BOOK_TONES[(row * 4 + col) % len(BOOK_TONES)], 0.4)
    c.rect(0.76, 0.12, 0.94, 0.3, BLACK, 0.8)
    for row in range(3):
        for col in range(2):
            c.rect(0.78 + col * 0.08, 0.36 + row * 0.06, 0.84 + col * 0.08, 0.4 + row * 0.06, WHITE, 0.4)
    c.rect(0.1, 0.85, 0.66, 0.95, BLACK, 0.8)
    return (c.surface("screen", 0.77, 0.13, 0.93, 0.29), c.surface("label", 0.74, 0.58, 0.96, 0.8))


def wheelchair(c: Canvas) -> tuple[Surface, ...]:
    """A wheelchair from the side, facing right: a big wheel, a small castor, a seat, a back with push handles."""
    c.oval(0.0, 0.36, 0.64, 1.0, None, 2.0)
    c.oval(0.26, 0.62, 0.38, 0.74, METAL, 0.8)
    for i in range(6):
        c.line([(0.32, 0.68), polar(0.32, 0.68, 0.3, i * 60)], 0.4, MID)
    c.oval(0.8, 0.86, 0.94, 1.0, BLACK, 0.9)
    c.shape([(0.1, 0.0), (0.2, 0.0), (0.22, 0.5), (0.9, 0.5), (0.9, 0.6), (0.12, 0.6)], (60, 70, 90), 1.2)
    c.line([(0.1, 0.02), (0.0, 0.04)], 1.6, BLACK)
    c.line([(0.86, 0.6), (0.87, 0.92)], 1.2, METAL)
    c.line([(0.7, 0.6), (0.96, 0.78), (1.0, 0.78)], 1.2, METAL)
    return ()


def iv_drip(c: Canvas) -> tuple[Surface, ...]:
    """A drip stand: a pole on a wheeled star base, a hook, a clear bag of fluid and its line."""
    c.band((0.5, 0.02), (0.5, 0.94), 0.06, METAL, 1.0)
    c.line([(0.2, 0.06), (0.8, 0.06)], 1.2, METAL)
    c.round_rect(0.08, 0.08, 0.46, 0.36, 0.3, GLASS, 1.0)
    c.fill([(0.1, 0.18), (0.44, 0.18), (0.44, 0.34), (0.1, 0.34)], (216, 226, 200))
    c.line([(0.27, 0.36), (0.3, 0.6), (0.12, 0.9)], 0.6, DARK)
    for end in (0.05, 0.95):
        c.line([(0.5, 0.94), (end, 0.99)], 1.2, METAL)
        c.oval(end - 0.05, 0.96, end + 0.05, 1.0, BLACK, 0.5)
    return ()


def gas_pump(c: Canvas) -> tuple[Surface, ...]:
    """A petrol pump: a tall body with a price display, a hose and nozzle hung at its side."""
    c.rect(0.12, 0.0, 0.88, 0.08, RED, 1.0)
    c.rect(0.16, 0.08, 0.84, 0.92, WHITE, 1.3)
    c.rect(0.24, 0.16, 0.76, 0.36, BLACK, 0.8)
    c.rect(0.28, 0.2, 0.72, 0.32, (140, 200, 150), 0.4)
    c.rect(0.24, 0.44, 0.76, 0.6, RED, 0.6)
    c.rect(0.1, 0.92, 0.9, 1.0, DARK, 1.0)
    c.line([(0.84, 0.5), (1.0, 0.6), (0.98, 0.9), (0.9, 0.96)], 1.4, BLACK)
    c.shape([(0.84, 0.36), (0.98, 0.4), (0.98, 0.5), (0.84, 0.5)], BLACK, 0.8)
    return (c.surface("screen", 0.28, 0.2, 0.72, 0.32), c.surface("label", 0.26, 0.45, 0.74, 0.59))


def fireplace(c: Canvas) -> tuple[Surface, ...]:
    """A stone fireplace: a mantel shelf over a dark hearth where a log fire burns."""
    c.rect(0.0, 0.0, 1.0, 0.1, WOOD, 1.2)
    c.rect(0.04, 0.1, 0.96, 1.0, (176, 168, 156), 1.2)
    for v in (0.3, 0.55, 0.8):
        c.line([(0.04, v), (0.22, v)], 0.4, MID)
        c.line([(0.78, v), (0.96, v)], 0.4, MID)
    c.shape([(0.22, 1.0), (0.22, 0.42), *arc(0.5, 0.42, 0.28, 0.16, 180, 360, 10), (0.78, 1.0)], (50, 44, 42), 1.1)
    c.shape([(0.3, 0.96), (0.36, 0.66), (0.44, 0.8), (0.5, 0.56), (0.58, 0.78), (0.64, 0.64), (0.7, 0.96)], (236, 140, 60),
            0.6)
    c.fill([(0.4, 0.96), (0.46, 0.76), (0.52, 0.86), (0.58, 0.96)], (250, 214, 110))
    c.band((0.28, 0.97), (0.72, 0.93), 0.06, (120, 84, 60), 0.7)
    return (c.surface("shelf", 0.02, 0.0, 0.98, 0.06), c.surface("flame", 0.34, 0.66, 0.66, 0.96),
            c.surface("wall", 0.28, 0.14, 0.72, 0.3))


def phone_box(c: Canvas) -> tuple[Surface, ...]:
    """A red telephone box: a tall kiosk with a domed top, a sign band, glazed door panes, the phone inside."""
    red = (186, 50, 44)
    c.shape([(0.04, 0.1), *arc(0.5, 0.1, 0.46, 0.08, 180, 360, 10), (0.96, 0.1), (0.96, 1.0), (0.04, 1.0)], red, 1.3)
    c.rect(0.12, 0.1, 0.88, 0.18, BLACK, 0.8)
    for row in range(4):
        for col in range(3):
            u, v = 0.16 + col * 0.24, 0.24 + row * 0.16
            c.rect(u, v, u + 0.2, v + 0.13, GLASS, 0.5)
    c.rect(0.4, 0.42, 0.6, 0.56, BLACK, 0.5)
    return (c.surface("sign", 0.14, 0.11, 0.86, 0.17), c.surface("window", 0.16, 0.24, 0.84, 0.86))


def oven(c: Canvas) -> tuple[Surface, ...]:
    """An oven: a steel cabinet with a control strip of knobs, a glazed door glowing orange, a bar handle."""
    c.rect(0.0, 0.0, 1.0, 1.0, METAL, 1.2)
    c.rect(0.0, 0.0, 1.0, 0.16, DARK, 1.0)
    for u in (0.16, 0.34, 0.66, 0.84):
        c.oval(u - 0.05, 0.04, u + 0.05, 0.12, WHITE, 0.6)
    c.rect(0.44, 0.05, 0.56, 0.11, (236, 140, 60), 0.5)
    c.rect(0.1, 0.24, 0.9, 0.3, LIGHT, 0.8)
    c.rect(0.1, 0.36, 0.9, 0.9, (60, 40, 34), 1.1)
    c.rect(0.18, 0.44, 0.82, 0.82, (236, 140, 60), 0.7)
    c.line([(0.2, 0.7), (0.8, 0.7)], 0.6, DARK)
    return (c.surface("counter", 0.0, 0.0, 1.0, 0.04),)
