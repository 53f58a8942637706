"""Where each sign goes: on a surface of the drawn panel that can carry its style, clear of faces and of other signs.

:data:`SIGN_SURFACES` is the table of which surface kinds carry which sign
style, best first; a kind the description names ("a billboard", "her
T-shirt"), or that an insert's object offers (a can's label), goes first. A surface in the set (depth 0 or 1) loses the parts a
person or a prop stands in front of, so a sign on a wall never covers
someone standing before it; no sign covers a face or another sign. A
hologram floats above the desk or table that projects it. When the panel
offers no surface for a style, :data:`CARRIERS` says what the backdrop brings
in to carry it (a sign post outdoors, a monitor for a screen...), so no sign
ever floats in the sky.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from storyboard.picture.surface import SUBJECT, Box, Surface

SIGN_SURFACES: dict[str, tuple[str, ...]] = {
    "plaque": ("facade", "wall", "door", "desk", "counter", "board", "sign"),
    "neon": ("facade", "window", "wall", "sign", "board", "door"),
    "screen": ("phone-screen", "screen", "billboard", "board"),
    "hologram": ("desk", "table", "counter", "bar"),
    "placard": ("placard",),
    "name-tag": ("badge", "shirt"),
    "sign": ("sign", "billboard", "board", "wall", "facade", "door", "window", "vehicle-side", "shirt", "fence", "label",
             "paper", "cover"),
}
FALLBACK = ("wall", "facade", "board", "billboard", "sign", "door", "window")  # flat things any sign can hang on
# When nothing in the panel can carry a style: a prop the backdrop brings in (and the surface of it the sign
# goes on), indoors and outdoors.
CARRIERS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "screen": (("monitor", "screen"), ("television", "screen")),
    "hologram": (("desk", "desk"), ("desk", "desk")),
    "name-tag": (("badge", "badge"), ("badge", "badge")),
    "plaque": (("whiteboard", "board"), ("sign post", "sign")),
    "neon": (("whiteboard", "board"), ("sign post", "sign")),
    "sign": (("whiteboard", "board"), ("sign post", "sign")),
}
FLOATS_ABOVE = frozenset({"hologram"})  # styles drawn in the air above their surface
# Styles that fill these surfaces whatever their shape: a screen sign is a phone's or a laptop's own glass,
# a sign on a T-shirt is printed across it.
FILLS: dict[str, frozenset[str]] = {"screen": frozenset({"screen", "phone-screen"}), "sign": frozenset({"shirt"}),
                                    "name-tag": frozenset({"badge"})}
FILL_NARROWEST = 0.5  # a sign filling a surface needs at least this share of its own width there (not a sliver)
FILL_SHORTEST = 0.75  # ...and may be this much shorter: a wider screen sets its words on fewer lines
ANYWHERE = "image"  # the director's own picture: any sign may go on it
NAMED_ONLY = frozenset({"shirt"})
ORDERED = frozenset({"shirt", "badge"})  # kinds tried in the order offered (the subject's first), not largest first  # a slogan goes on a shirt only when the description names the shirt
BEHIND_PEOPLE = frozenset({"desk", "table", "counter", "bar", "shelf"})  # furniture people stand at: what stands on it
# (a hologram) keeps clear of them, whatever is nearer
MOUNTS = frozenset({"facade", "wall", "board", "sign", "billboard", "fence", "door"})  # a sign may overhang these
OVERHANG = 1.2  # how tall the strip a sign overhangs becomes, of the least legible sign
MIN_HEIGHT = 0.08  # of the frame's short side: a smaller sign cannot be read in a thumbnail...
MIN_PIXELS = 20  # ...nor one fewer pixels tall, in a small frame
# How tall a sign of each style may be, of a standing adult's height in the shot (a plaque is not a billboard).
SIGN_SCALE = {"plaque": 0.22, "neon": 0.4, "sign": 0.4, "screen": 0.5, "hologram": 0.7, "placard": 0.9, "name-tag": 0.16}
MAX_SHARE = 0.7  # a surface's part a single sign may take, of its width and height
ROUNDING = 2  # px a fitted box may lose to rounding and still count as legible
EDGE = 0.03  # of the short side: kept between a sign and the frame's edge (inside the panel's border)


class Slot(NamedTuple):
    """Where one sign goes: the box its art is fitted into, and what carries it."""

    box: Box
    kind: str


class Obstacle(NamedTuple):
    """Something a sign must not cover: a face (at any depth), or a body or prop in front of the set."""

    box: Box
    face: bool
    body: bool = False  # a person (a prop's own surfaces lie on it; a person's never hide behind them)


def _area(box: Box) -> int:
    return max(0, box[2] - box[0]) * max(0, box[3] - box[1])


def _meets(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def carve(region: Box, taken: Sequence[Box]) -> Box:
    """The largest part of ``region`` left, right, above or below each box of ``taken`` it meets."""
    for t in taken:
        if _meets(region, t):
            parts = [(region[0], region[1], region[2], t[1]), (region[0], t[3], region[2], region[3]),
                     (region[0], region[1], t[0], region[3]), (t[2], region[1], region[2], region[3])]
            region = max(parts, key=_area)
    return region


def fit(region: Box, aspect: float) -> Box:
    """The largest box of ``aspect`` (width / height) centred in ``region``."""
    w, h = region[2] - region[0], region[3] - region[1]
    w, h = min(w, round(h * aspect)), min(h, round(w / aspect))
    left, top = region[0] + (region[2] - region[0] - w) // 2, region[1] + (region[3] - region[1] - h) // 2
    return left, top, left + w, top + h


def _region(style: str, surface: Surface, aspect: float, least: int) -> Box:
    """The part of the frame a sign of ``style`` may take on ``surface``: on it, or above it for a hologram.

    A sign is mounted on a strip too thin or too narrow to hold it legibly (a
    shop's fascia, a door's panel) by overhanging it evenly on both sides.
    """
    x0, y0, x1, y1 = surface.box
    if style in FLOATS_ABOVE and surface.kind != ANYWHERE:  # a projection may be wider than its desk
        wide = max(x1 - x0, round(least * OVERHANG * aspect))
        middle = (x0 + x1) // 2
        x0, x1, y0, y1 = middle - wide // 2, middle + wide // 2, y0 - round(least * OVERHANG), y0
    elif surface.kind in MOUNTS:
        tall, wide = least * OVERHANG, least * OVERHANG * aspect
        if y1 - y0 < tall:
            middle = (y0 + y1) // 2
            y0, y1 = middle - round(tall / 2), middle + round(tall / 2)
        if x1 - x0 < wide:
            middle = (x0 + x1) // 2
            x0, x1 = middle - round(wide / 2), middle + round(wide / 2)
    return x0, y0, x1, y1


def candidates(style: str, surfaces: Sequence[Surface], named: Sequence[str]) -> list[Surface]:
    """The surfaces that can carry ``style``: the kinds the description names first, then by the table, larger first."""
    kinds = SIGN_SURFACES[style]
    allowed = list(kinds) + [k for k in FALLBACK if k not in kinds and style not in ("placard", "name-tag", "hologram")]
    allowed.append(ANYWHERE)

    def rank(surface: Surface) -> tuple[int, int, int]:
        return (0 if surface.kind in named else 1, allowed.index(surface.kind), 0 if surface.kind in ORDERED else -_area(surface.box))

    usable = [s for s in surfaces if s.kind in allowed and (s.kind not in NAMED_ONLY or style == "name-tag" or s.kind in named)]
    return sorted(usable, key=rank)


def least_for(size: float, width: int, height: int) -> int:
    """The height of the smallest sign whose words can be read in a ``width`` x ``height`` frame: MIN_HEIGHT of
    its short side (a phone's frame reads like a landscape one), times ``size``, how much taller than the least its
    words need it (see :func:`storyboard.picture.inputs.legibility`)."""
    return round(max(round(MIN_HEIGHT * min(width, height)), MIN_PIXELS) * size)


def slot_for(style: str, size: float, aspect: float, surfaces: Sequence[Surface], obstacles: Sequence[Obstacle],
             placed: Sequence[Box], named: Sequence[str], width: int, height: int, adult: float) -> Slot | None:
    """The best place for one sign (at most its style's size next to an ``adult`` px tall), or None when nothing can carry it legibly."""
    least = least_for(size, width, height)
    most = max(least, round(SIGN_SCALE[style] * adult))
    for surface in candidates(style, surfaces, named):
        region = _region(style, surface, aspect, least)
        hidden = [o.box for o in obstacles
                  if o.face or (o.body and surface.kind in BEHIND_PEOPLE)
                  or (surface.depth < SUBJECT and (o.body or not _inside(surface.box, o.box)))]
        edge = round(min(width, height) * EDGE)
        region = (max(region[0], edge), max(region[1], edge), min(region[2], width - edge), min(region[3], height - edge))
        region = carve(region, [*hidden, *placed])
        fills = surface.kind in FILLS.get(style, ())
        box = region if fills else _cap(_share(fit(region, aspect), region, aspect, style, least), aspect, most)
        if style in FLOATS_ABOVE and surface.kind != ANYWHERE:  # standing on its projector, not up at the ceiling
            box = (box[0], region[3] - (box[3] - box[1]), box[2], region[3])
        narrowest = least * aspect * (FILL_NARROWEST if fills else 0.0)
        shortest = least * (FILL_SHORTEST if fills else 1.0) - ROUNDING
        if box[3] - box[1] >= shortest and box[2] - box[0] > max(0.0, narrowest):
            return Slot(box, surface.kind)
    return None


def _cap(box: Box, aspect: float, most: int) -> Box:
    """``box`` no taller than ``most``, about its centre."""
    if box[3] - box[1] <= most:
        return box
    cx, cy = (box[0] + box[2]) // 2, (box[1] + box[3]) // 2
    w = round(most * aspect)
    return cx - w // 2, cy - most // 2, cx - w // 2 + w, cy - most // 2 + most


def _inside(inner: Box, outer: Box) -> bool:
    """Whether ``inner`` lies within ``outer`` (a prop's own surface is not hidden by the prop)."""
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def _share(box: Box, surface: Box, aspect: float, style: str, least: int) -> Box:
    """A sign on a large wall or facade takes part of it, not all: at most MAX_SHARE of it (and still legible)."""
    if style in ("screen", "name-tag", "placard") or style in FLOATS_ABOVE:
        return box
    limit = (max(round((surface[2] - surface[0]) * MAX_SHARE), round(least * aspect)),
             max(round((surface[3] - surface[1]) * MAX_SHARE), least))
    if box[2] - box[0] <= limit[0] and box[3] - box[1] <= limit[1]:
        return box
    cx, cy = (box[0] + box[2]) // 2, (box[1] + box[3]) // 2
    return fit((cx - limit[0] // 2, cy - limit[1] // 2, cx + limit[0] // 2, cy + limit[1] // 2), aspect)


def sign_slots(styles: Sequence[str], sizes: Sequence[float], aspects: Sequence[float], surfaces: Sequence[Surface],
               obstacles: Sequence[Obstacle], named: Sequence[str], width: int, height: int,
               adult: float) -> list[Slot | None]:
    """A slot for each sign in order (None where nothing can carry it); later signs never cover earlier ones."""
    placed: list[Box] = []
    slots: list[Slot | None] = []
    for style, size, aspect in zip(styles, sizes, aspects):
        slot = slot_for(style, size, aspect, surfaces, obstacles, placed, named, width, height, adult)
        if slot is not None:
            placed.append(slot.box)
        slots.append(slot)
    return slots
