"""The shell of an interior and the fittings many rooms share: walls, floors, windows, lamps, doors.

An interior is a box seen from the front: a back wall whose foot is the floor
line, side walls, floor and ceiling receding to the camera's eye level.
Heights are in metres at the back wall (see :meth:`Scene.metre`).
"""

from __future__ import annotations

from typing import NamedTuple

from storyboard.picture.props.tones import CEILING, FLOOR, GLASS, LIGHT, METAL, MID, SKY, WALL, WHITE, WOOD, YELLOW, Tone, shade
from storyboard.picture.sets.scene import Scene
from storyboard.picture.sets.stage import FLOOR_LINE, WORLD_WIDTH

BACK = (0.22, WORLD_WIDTH - 0.22)  # the back wall's left and right, world x
FAR = 12.0  # how far the side walls and floor are extended past the frame, in multiples of their distance to the eye
SIDE_SHADE = 0.9  # side walls are a little darker than the back wall
FLOORS = ("boards", "tiles", "checker", "carpet", "concrete")
CHECKER_DEPTH = 1.18  # each checker row is this much farther than the one in front of it


class Wall(NamedTuple):
    """The back wall's rectangle in world units."""

    left: float
    top: float
    right: float
    bottom: float

    def at(self, fraction: float) -> float:
        """The world x ``fraction`` of the way across the wall."""
        return self.left + (self.right - self.left) * fraction

    def up(self, s: Scene, metres: float) -> float:
        """The world y ``metres`` above the floor on the wall."""
        return self.bottom - metres * s.metre(FLOOR_LINE)


def room(s: Scene, wall: Tone = WALL, floor: Tone = FLOOR, floors: str = "boards", height: float = 3.0,
         back: tuple[float, float] = BACK, ceiling: Tone = CEILING, foot: float = FLOOR_LINE) -> Wall:
    """The room's box: ceiling, side walls, floor (boards, tiles, carpet or concrete) and the back wall,
    whose foot is at world ``foot`` (higher than the floor line for a long room)."""
    s.fill_all(ceiling)
    top = foot - height * s.metre(foot)
    tl, tr, bl, br = (back[0], top), (back[1], top), (back[0], foot), (back[1], foot)
    side = shade(wall, SIDE_SHADE)
    s.shape([tl, bl, far(s, bl), far(s, tl)], side, 1.2)
    s.shape([tr, br, far(s, br), far(s, tr)], side, 1.2)
    s.shape([bl, br, far(s, br), far(s, bl)], floor, 1.2)
    _floor_pattern(s, floors, back, foot, floor)
    s.rect(back[0], top, back[1], foot, wall, 1.3)
    s.rect(back[0], foot - 0.1 * s.metre(foot), back[1], foot, shade(wall, 0.85), 0.6)
    s.offer("wall", back[0], top, back[1], foot)
    s.offer("floor", back[0], foot, back[1], 1.0)
    return Wall(back[0], top, back[1], foot)


def far(s: Scene, p: tuple[float, float], t: float = FAR) -> tuple[float, float]:
    """The point ``t`` times as far from the camera's eye as ``p`` along the same line of sight (1 is ``p``)."""
    eye = (WORLD_WIDTH / 2, s.eye)
    return eye[0] + (p[0] - eye[0]) * t, eye[1] + (p[1] - eye[1]) * t


def bounds(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """The world rectangle around ``points`` (to offer or light a shape on a side wall)."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def on_side_wall(s: Scene, wall: Wall, right: bool, near: tuple[float, float],
                 metres: tuple[float, float]) -> list[tuple[float, float]]:
    """The corners of a rectangle on a side wall: from ``near[0]`` to ``near[1]`` times the back wall's distance,
    ``metres[0]`` to ``metres[1]`` above the floor (a door, a window, a poster)."""
    x = wall.right if right else wall.left
    metre = s.metre(wall.bottom)
    t0, t1 = near
    low, high = (x, wall.bottom - metres[0] * metre), (x, wall.bottom - metres[1] * metre)
    return [far(s, low, t0), far(s, high, t0), far(s, high, t1), far(s, low, t1)]


def _floor_pattern(s: Scene, floors: str, back: tuple[float, float], foot: float, tone: Tone) -> None:
    """Boards (lines to the eye), tiles (a grid in perspective), a checkerboard, carpet (plain) or concrete (a few seams)."""
    if floors == "carpet":
        return
    if floors == "checker":
        _checker(s, back, foot, tone)
        return
    line = shade(tone, 0.8)
    step = (0.09 if floors == "boards" else 0.16) * (foot - s.eye) / (FLOOR_LINE - s.eye)
    x = back[0] + step
    while x < back[1]:
        s.line([(x, foot), far(s, (x, foot))], 0.4, line)
        x += step
    if floors in ("tiles", "concrete"):
        depth = 1.0
        while depth < FAR:
            y = far(s, (0.0, foot), depth)[1]
            s.line([(-1.0, y), (WORLD_WIDTH + 1.0, y)], 0.4, line)
            depth *= 1.3 if floors == "tiles" else 1.9


def _checker(s: Scene, back: tuple[float, float], foot: float, tone: Tone) -> None:
    """Black and white floor tiles in perspective, as in a diner."""
    columns = 12
    step = (back[1] - back[0]) / columns
    dark = shade(tone, 0.45)
    depth, row = 1.0, 0
    while depth < FAR:
        nearer = depth * CHECKER_DEPTH
        for col in range(-columns, 2 * columns):
            if (col + row) % 2:
                continue
            x0, x1 = back[0] + col * step, back[0] + (col + 1) * step
            s.fill([far(s, (x0, foot), depth), far(s, (x1, foot), depth),
                    far(s, (x1, foot), nearer), far(s, (x0, foot), nearer)], dark)
        depth, row = nearer, row + 1


def window(s: Scene, u0: float, v0: float, u1: float, v1: float, view: Tone = SKY, blinds: bool = False) -> None:
    """A window in the back wall: sky (or ``view``) through a frame with mullions; lit like a window."""
    s.rect(u0, v0, u1, v1, WHITE, 1.3)
    pad = (u1 - u0) * 0.04
    s.rect(u0 + pad, v0 + pad, u1 - pad, v1 - pad, view, 0.8)
    s.line([((u0 + u1) / 2, v0 + pad), ((u0 + u1) / 2, v1 - pad)], 1.0)
    if blinds:
        y = v0 + pad
        while y < v1 - pad:
            s.line([(u0 + pad, y), (u1 - pad, y)], 0.35, MID)
            y += (v1 - v0) * 0.06
    else:
        s.line([(u0 + pad, (v0 + v1) / 2), (u1 - pad, (v0 + v1) / 2)], 1.0)
        s.line([(u0 + pad * 3, v0 + (v1 - v0) * 0.4), (u0 + (u1 - u0) * 0.25, v0 + pad * 3)], 0.8, WHITE)
    s.glow("window", u0 + pad, v0 + pad, u1 - pad, v1 - pad)
    s.offer("window", u0 + pad, v0 + pad, u1 - pad, v1 - pad)


def city_view(s: Scene, u0: float, v0: float, u1: float, v1: float) -> None:
    """Distant towers seen through a window opening (drawn inside the pane before its frame)."""
    s.fill([(u0, v0), (u1, v0), (u1, v1), (u0, v1)], SKY)
    width = (u1 - u0) / 7
    for i in range(7):
        top = v0 + (v1 - v0) * (0.3 + 0.5 * ((i * 37) % 10) / 10)
        s.fill([(u0 + i * width, v1), (u0 + i * width, top), (u0 + (i + 0.8) * width, top), (u0 + (i + 0.8) * width, v1)], GLASS)


def pendant(s: Scene, x: float, y: float, size: float, tone: Tone = LIGHT) -> None:
    """A lamp hanging from the ceiling on a cord down to world ``y`` (its shade's foot), ``size`` wide."""
    s.line([(x, -2.0), (x, y - size * 0.45)], 0.6)
    s.shape([(x - size * 0.15, y - size * 0.45), (x + size * 0.15, y - size * 0.45),
             (x + size / 2, y), (x - size / 2, y)], tone, 1.0)
    s.oval(x - size * 0.18, y - size * 0.06, x + size * 0.18, y + size * 0.1, YELLOW, 0.5)
    s.glow("lamp", x - size * 0.4, y - size * 0.2, x + size * 0.4, y + size * 0.15)


def ceiling_panels(s: Scene, wall: Wall, rows: int = 2) -> None:
    """Flat fluorescent panels on the ceiling in front of the back wall."""
    for row in range(rows):
        y = wall.top - 0.06 - row * 0.1
        half = (wall.right - wall.left) * (0.1 + row * 0.04)
        for x in (wall.at(0.25), wall.at(0.75)):
            s.rect(x - half / 2, y - 0.02 - row * 0.01, x + half / 2, y, WHITE, 0.7)
            s.glow("lamp", x - half / 2, y - 0.02 - row * 0.01, x + half / 2, y)


def curtains(s: Scene, u0: float, v0: float, u1: float, v1: float, tone: Tone) -> None:
    """Two drapes gathered at the sides of a window, with a rail above."""
    width = (u1 - u0) * 0.22
    for left in (u0 - width * 0.4, u1 - width * 0.6):
        s.shape([(left, v0), (left + width, v0), (left + width * 0.8, v1 + 0.02), (left + width * 0.1, v1 + 0.02)], tone, 1.0)
        s.line([(left + width * 0.45, v0), (left + width * 0.42, v1 + 0.02)], 0.5, shade(tone, 0.8))
    s.line([(u0 - width * 0.5, v0), (u1 + width * 0.5, v0)], 1.4)


def cabinets(s: Scene, u0: float, v0: float, u1: float, v1: float, tone: Tone, doors: int) -> None:
    """A run of cupboard doors with handles between world ``u0`` and ``u1``."""
    s.rect(u0, v0, u1, v1, tone, 1.1)
    width = (u1 - u0) / doors
    for i in range(doors):
        x = u0 + i * width
        s.rect(x + width * 0.06, v0 + (v1 - v0) * 0.06, x + width * 0.94, v1 - (v1 - v0) * 0.06, shade(tone, 1.04), 0.5)
        handle_x = x + width * (0.8 if i % 2 else 0.2)
        s.line([(handle_x, v0 + (v1 - v0) * 0.4), (handle_x, v0 + (v1 - v0) * 0.6)], 1.2, MID)


def counter(s: Scene, u0: float, u1: float, floor_y: float, metres: float, front: Tone, top: Tone,
            kind: str = "counter") -> float:
    """A counter across the room standing at world ``floor_y``: a front and a top edge; offers its top.
    Returns the world y of its top."""
    metre = s.metre(floor_y)
    top_y = floor_y - metres * metre
    s.rect(u0, top_y, u1, floor_y, front, 1.2)
    s.shape([(u0 - 0.01, top_y - 0.03), (u1 + 0.01, top_y - 0.03), (u1 + 0.02, top_y + 0.05 * metre),
             (u0 - 0.02, top_y + 0.05 * metre)], top, 1.1)
    s.offer(kind, u0, top_y - 0.03, u1, top_y)
    return top_y


def bed(s: Scene, wall: Wall, left: float, right: float, duvet: Tone, head: Tone = WOOD, pillows: int = 2,
        length: float = 1.55) -> None:
    """A bed with its head against the back wall, seen from its foot: headboard, pillows, mattress, duvet."""
    s.rect(left, wall.up(s, 1.3), right, wall.bottom, head, 1.3)
    corners = [(left, wall.up(s, 0.55)), (right, wall.up(s, 0.55))]
    front = [far(s, p, length) for p in corners]
    s.shape([corners[0], corners[1], front[1], front[0]], WHITE, 1.2)
    s.rect(front[0][0], front[0][1], front[1][0], front[0][1] + 0.06, shade(head, 0.75), 1.1)
    width = (right - left) / pillows
    for i in range(pillows):
        x0 = left + i * width + 0.03
        s.round_rect(x0, wall.up(s, 0.85), x0 + width - 0.06, wall.up(s, 0.5), 0.4, WHITE, 1.0)
    mid = [far(s, p, 1 + (length - 1) * 0.33) for p in corners]
    s.shape([mid[0], mid[1], front[1], (front[1][0], front[1][1] + 0.05),
             (front[0][0], front[0][1] + 0.05), front[0]], duvet, 1.2)


def roller_door(s: Scene, wall: Wall, left: float, right: float, metres: float) -> None:
    """A roll-up metal door in the back wall between ``left`` and ``right`` (fractions across), ``metres`` high;
    offers its lower half."""
    door = (wall.at(left), wall.up(s, metres), wall.at(right), wall.bottom)
    s.rect(*door, METAL, 1.3)
    y = door[1]
    while y < door[3]:
        s.line([(door[0], y), (door[2], y)], 0.6, shade(METAL, 0.6))
        y += 0.22 * s.metre(wall.bottom)
    s.offer("door", door[0], door[1], door[2], wall.up(s, metres * 0.6))
