"""A person drawn in pencil and marker: body by look and pose, clothes, head, hair and face.

The body is laid out in units of its own standing height from the top of the
head (``u`` across from its centre line, ``v`` down); a :class:`Body` says
where that lands on the page. Children have bigger heads for their height;
women narrower shoulders and a waist, men broad shoulders and a square jaw. Clothes are a row of :data:`CLOTHING` each: how long
the top is, the sleeves, what covers the legs, and the details drawn on top.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from storyboard.picture.cast.faces import EXPRESSIONS, draw_face
from storyboard.picture.cast.hair import BARE_FROM_BEHIND, FACIAL, HAIR, MENS_CUTS, Head
from storyboard.picture.cast.looks import CLOTHES, HAIR_TONES, SKIN, Look
from storyboard.picture.cast.poses import Limb, Point, limbs
from storyboard.picture.cast.wear import WORN
from storyboard.picture.sketch import Pen

Tone = tuple[int, int, int]

ARM, LEG = 0.042, 0.056  # limb widths, of the body height
HAND = 0.024  # hand radius
SHOE = (0.035, 0.016)  # shoe half width and half height
ADULT_HEAD = (0.052, 0.066, 0.068)  # head radius across, down, and centre, of the body height
CHILD_HEAD = (0.07, 0.086, 0.088)
SHOULDERS = {"woman": 0.1, "man": 0.134, "girl": 0.1, "boy": 0.105}  # half widths: a man's broad, a woman's narrow
HIPS = {"woman": 0.102, "man": 0.088, "girl": 0.085, "boy": 0.085}
WAIST = {"woman": 0.74, "man": 0.95, "girl": 0.95, "boy": 0.95}  # the waist's half width, of the hips'
ARM_ROOT = 0.11  # where the poses' arms hang from, across (cast.poses)
NECK = {"woman": 0.019, "man": 0.026, "girl": 0.018, "boy": 0.02}  # half widths
JAW = ((1.0, 0.1), (0.93, 0.6), (0.6, 0.96), (0.0, 1.02))  # a man's squarer jaw, head units (the right half, top down)
TROUSERS: tuple[Tone, ...] = ((74, 76, 84), (84, 108, 150), (120, 108, 90))  # charcoal, denim, brown
SHIRT_UNDER: Tone = (236, 234, 228)  # what shows under an apron, a jacket's collar
WEIGHT_AT = 0.6  # a body this fraction of the frame's short side gets full-weight lines
FACING_TURN = {"front": 0.0, "left": -0.6, "right": 0.6, "back": 0.0}


class Cut(NamedTuple):
    """How a garment is cut: where the top ends, the sleeves, the legs, and details drawn over the top."""

    length: float  # where the top ends, in body units (0.52 at the hips, 0.75 at the knees)
    short_sleeves: bool
    legs: str  # trousers | same (the garment's own tone) | skin (a dress)
    details: Callable[[Pen, Callable[[float, float], Point], Tone, float], None] | None = None


def _opening(pen: Pen, at: Callable[[float, float], Point], tone: Tone, weight: float) -> None:
    """A jacket's opening and lapels over a shirt."""
    pen.shape([at(-0.035, 0.18), at(0.035, 0.18), at(0.0, 0.3)], fill=(*SHIRT_UNDER, 255), weight=0.5 * weight)
    pen.line([at(0.0, 0.3), at(0.0, 0.52)], weight=0.6 * weight)


def _tie(pen: Pen, at: Callable[[float, float], Point], tone: Tone, weight: float) -> None:
    """A suit: opening, shirt and a dark tie."""
    _opening(pen, at, tone, weight)
    pen.shape([at(-0.01, 0.19), at(0.01, 0.19), at(0.014, 0.28), at(0.0, 0.3), at(-0.014, 0.28)], fill=(60, 40, 50, 255),
              weight=0.4 * weight)


def _hood(pen: Pen, at: Callable[[float, float], Point], tone: Tone, weight: float) -> None:
    """A hoodie: the hood's rim round the neck and a front pocket."""
    dark = tuple(round(c * 0.8) for c in tone)
    pen.shape([at(-0.07, 0.17), at(-0.05, 0.22), at(0.0, 0.235), at(0.05, 0.22), at(0.07, 0.17)], fill=(*dark, 255),
              weight=0.5 * weight)
    pen.line([at(-0.06, 0.44), at(-0.05, 0.38), at(0.05, 0.38), at(0.06, 0.44)], weight=0.5 * weight)


def _apron(pen: Pen, at: Callable[[float, float], Point], tone: Tone, weight: float) -> None:
    """An apron (the look's colour) over a light shirt, to the knees."""
    pen.shape([at(-0.06, 0.23), at(0.06, 0.23), at(0.075, 0.36), at(0.1, 0.38), at(0.1, 0.7), at(-0.1, 0.7),
               at(-0.1, 0.38), at(-0.075, 0.36)], fill=(*tone, 255), weight=0.7 * weight)


def _badge(pen: Pen, at: Callable[[float, float], Point], tone: Tone, weight: float) -> None:
    """A uniform: a belt and a gold badge."""
    pen.line([at(-0.09, 0.47), at(0.09, 0.47)], weight=1.2 * weight, color=(40, 40, 44))
    x, y = at(-0.055, 0.27)
    r = abs(at(0.014, 0)[0] - at(0, 0)[0])
    pen.oval((x - r, y - r, x + r, y + r), fill=(214, 176, 70, 255), weight=0.4 * weight)


def _vee(pen: Pen, at: Callable[[float, float], Point], tone: Tone, weight: float) -> None:
    """Scrubs: a V neck and a breast pocket."""
    pen.line([at(-0.035, 0.18), at(0.0, 0.25), at(0.035, 0.18)], weight=0.6 * weight)
    pen.line([at(0.03, 0.28), at(0.075, 0.28), at(0.075, 0.33), at(0.03, 0.33)], weight=0.4 * weight)


def _stripes(pen: Pen, at: Callable[[float, float], Point], tone: Tone, weight: float) -> None:
    """Pyjamas: buttons and stripes."""
    for u in (-0.06, 0.0, 0.06):
        pen.line([at(u, 0.2), at(u, 0.5)], weight=0.4 * weight, color=(90, 100, 130))


def _ribs(pen: Pen, at: Callable[[float, float], Point], tone: Tone, weight: float) -> None:
    """A sweater: a ribbed hem and collar."""
    pen.line([at(-0.088, 0.49), at(0.088, 0.49)], weight=0.6 * weight)
    pen.line([at(-0.04, 0.19), at(0.0, 0.21), at(0.04, 0.19)], weight=0.6 * weight)


def _belt(pen: Pen, at: Callable[[float, float], Point], tone: Tone, weight: float) -> None:
    """A coat or a jumpsuit: buttons down the front and a belt."""
    _opening(pen, at, tone, weight)
    pen.line([at(-0.095, 0.45), at(0.095, 0.45)], weight=0.8 * weight)


CLOTHING: dict[str, Cut] = {
    "jacket": Cut(0.53, False, "trousers", _opening),
    "suit": Cut(0.53, False, "same", _tie),
    "coat": Cut(0.76, False, "trousers", _belt),
    "dress": Cut(0.7, True, "skin", None),
    "hoodie": Cut(0.52, False, "trousers", _hood),
    "apron": Cut(0.52, False, "trousers", _apron),
    "jumpsuit": Cut(0.52, False, "same", _belt),
    "shirt": Cut(0.52, True, "trousers", None),
    "uniform": Cut(0.52, False, "same", _badge),
    "scrubs": Cut(0.52, True, "same", _vee),
    "pyjamas": Cut(0.52, False, "same", _stripes),
    "sweater": Cut(0.52, False, "trousers", _ribs),
}


class Body(NamedTuple):
    """Where one person stands on the page and how: look, pose, face, facing, and size in pixels."""

    look: Look
    pose: str
    expression: str
    facing: str  # front | left | right | back
    x: float  # centre line, px
    top: float  # top of the head, px
    height: float  # standing height, px (a seated body is drawn lower, not smaller)
    wears: tuple[str, ...] = ()  # things on the head: a headset, glasses (see cast.wear)


def _limbs(look: Look, pose: str) -> tuple[Limb, Limb, Limb, Limb]:
    """The pose's limbs for this build: the arms hang from where the shoulders are (a man's wider apart)."""
    left, right, *legs = limbs(pose)
    shift = SHOULDERS[look.kind] - ARM_ROOT  # each arm moved out (or in) with its shoulder, its shape kept
    return (tuple((u - shift, v) for u, v in left), tuple((u + shift, v) for u, v in right), *legs)  # type: ignore[return-value]


def cut_of(look: Look) -> str:
    """The look's hair style as drawn: a man's or a boy's short hair and curls are cut close (cast.hair.MENS_CUTS)."""
    return MENS_CUTS.get(look.hair, look.hair) if not look.female else look.hair


def head_of(look: Look) -> tuple[float, float, float]:
    """Head radii and centre, in body units, for the look's age."""
    return CHILD_HEAD if look.child else ADULT_HEAD


def _placer(body: Body) -> Callable[[float, float], Point]:
    """Body units -> page pixels; a child's joints below the head are packed under its bigger head."""
    head_bottom = ADULT_HEAD[2] + ADULT_HEAD[1]
    child_bottom = CHILD_HEAD[2] + CHILD_HEAD[1]
    squeeze = (0.97 - child_bottom) / (0.97 - head_bottom)

    def at(u: float, v: float) -> Point:
        if body.look.child and v > head_bottom:
            v = child_bottom + (v - head_bottom) * squeeze
        return body.x + u * body.height, body.top + v * body.height

    return at


def _limb(pen: Pen, a: Point, b: Point, width: float, tone: Tone, weight: float) -> None:
    """A limb segment from ``a`` to ``b``: a band with a rounded end."""
    angle = math.atan2(b[1] - a[1], b[0] - a[0]) + math.pi / 2
    dx, dy = math.cos(angle) * width / 2, math.sin(angle) * width / 2
    pen.shape([(a[0] + dx, a[1] + dy), (b[0] + dx, b[1] + dy), (b[0] - dx, b[1] - dy), (a[0] - dx, a[1] - dy)],
              fill=(*tone, 255), weight=weight)
    pen.oval((b[0] - width / 2, b[1] - width / 2, b[0] + width / 2, b[1] + width / 2), fill=(*tone, 255), weight=0.5 * weight)


def _trousers(look: Look) -> Tone:
    return TROUSERS[(len(look.clothes) + len(look.garment)) % len(TROUSERS)]


def _legs(pen: Pen, body: Body, at: Callable[[float, float], Point], cut: Cut, tone: Tone, skin: Tone, weight: float) -> None:
    """Legs and shoes, in the garment's tone, trousers or bare under a dress."""
    legs = limbs(body.pose)[2:]
    fill = {"same": tone, "skin": skin}.get(cut.legs, _trousers(body.look))
    width = LEG * body.height * (0.8 if cut.legs == "skin" else 1.0)
    for hip, knee, foot in legs:
        _limb(pen, at(*hip), at(*knee), width, fill, weight)
        _limb(pen, at(*knee), at(*foot), width * 0.9, fill, weight)
        fx, fy = at(*foot)
        w, h = SHOE[0] * body.height, SHOE[1] * body.height
        pen.oval((fx - w, fy - h, fx + w, fy + h), fill=(58, 54, 52, 255), weight=0.5 * weight)


def _torso(pen: Pen, body: Body, at: Callable[[float, float], Point], cut: Cut, tone: Tone, weight: float) -> None:
    """The top: shoulders to the garment's hem, in at a woman's waist (a skirt or a coat flares below the hips)."""
    kind = body.look.kind
    s, h = SHOULDERS[kind], HIPS[kind]
    flare = h + (cut.length - 0.52) * 0.5
    waist = h * WAIST[kind]
    points = [at(-s, 0.185), at(s, 0.185), at(s * 0.86, 0.3), at(waist, 0.39), at(h, 0.52), at(flare, cut.length),
              at(-flare, cut.length), at(-h, 0.52), at(-waist, 0.39), at(-s * 0.86, 0.3)]
    if body.look.old:
        points[0], points[1] = at(-s * 0.95, 0.2), at(s * 0.95, 0.2)
    pen.shape(points, fill=(*tone, 255), weight=weight)
    if cut.details and body.facing != "back":
        cut.details(pen, at, tone, weight)


def _arms(pen: Pen, body: Body, at: Callable[[float, float], Point], cut: Cut, tone: Tone, skin: Tone, weight: float) -> None:
    """Both arms: sleeves (short ones show the forearm), and hands."""
    width = ARM * body.height
    for shoulder, elbow, hand in _limbs(body.look, body.pose)[:2]:
        _limb(pen, at(*shoulder), at(*elbow), width, tone, weight)
        _limb(pen, at(*elbow), at(*hand), width * 0.85, skin if cut.short_sleeves else tone, weight)
        hx, hy = at(*hand)
        r = HAND * body.height
        pen.oval((hx - r, hy - r, hx + r, hy + r), fill=(*skin, 255), weight=0.5 * weight)


def _head(pen: Pen, body: Body, at: Callable[[float, float], Point], skin: Tone, weight: float) -> Head:
    """The neck, the head and the ears; returns the head for the hair and the face."""
    rx, ry, cy = head_of(body.look)
    lean = 0.02 if body.look.old else 0.0
    turn = FACING_TURN[body.facing]
    neck_top, neck_bottom = cy + ry * 0.7, 0.2
    neck = NECK[body.look.kind]
    pen.shape([at(-neck + lean, neck_top), at(neck + lean, neck_top), at(neck, neck_bottom), at(-neck, neck_bottom)],
              fill=(*skin, 255), weight=0.6 * weight)
    x, y = at(lean, cy)
    head = Head(x, y, rx * body.height, ry * body.height, turn)
    for side in (-1, 1):
        if body.facing == "back" or side * turn <= 0.3:
            ex, ey = head.at(side * 0.98 - turn * 0.3, 0.05)
            pen.oval((ex - head.rx * 0.16, ey - head.ry * 0.2, ex + head.rx * 0.16, ey + head.ry * 0.2), fill=(*skin, 255),
                     weight=0.5 * weight)
    if body.look.kind == "man":  # a squarer jaw
        jaw = [*JAW, *((-u, v) for u, v in reversed(JAW[:-1]))]
        top = [(math.cos(math.radians(a)), math.sin(math.radians(a))) for a in range(180, 361, 20)]
        pen.shape([head.at(u, v) for u, v in [*top, *jaw]], fill=(*skin, 255), weight=weight)
    else:
        pen.oval((head.cx - head.rx, head.cy - head.ry, head.cx + head.rx, head.cy + head.ry), fill=(*skin, 255),
                 weight=weight)
    return head


def draw_body(pen: Pen, body: Body) -> tuple[int, int, int, int]:
    """Draw the person; returns the pixel box of the face (signs keep off it)."""
    look = body.look
    at = _placer(body)
    weight = max(0.35, min(1.1, body.height / (WEIGHT_AT * pen.unit)))
    tone, skin, hair_tone = CLOTHES[look.clothes], SKIN[look.skin], HAIR_TONES[look.hair_tone]
    cut = CLOTHING[look.garment]
    hair = HAIR[cut_of(look)]
    rx, ry, cy = head_of(look)
    if hair.back and body.facing != "back":
        x, y = at(0.0, cy)
        hair.back(pen, Head(x, y, rx * body.height, ry * body.height, FACING_TURN[body.facing]), hair_tone, tone)
    _legs(pen, body, at, cut, tone, skin, weight)
    _torso(pen, body, at, cut, tone, weight)
    _arms(pen, body, at, cut, tone, skin, weight)
    head = _head(pen, body, at, skin, weight)
    if body.facing == "back":
        if look.hair not in BARE_FROM_BEHIND:
            pen.oval((head.cx - head.rx * 1.04, head.cy - head.ry * 1.08, head.cx + head.rx * 1.04, head.cy + head.ry * 0.9),
                     fill=(*hair_tone, 255), weight=weight)
        if hair.back:
            hair.back(pen, head, hair_tone, tone)
    else:
        if look.facial:
            FACIAL[look.facial](pen, head, hair_tone)
        draw_face(pen, head.cx, head.cy, head.rx, head.ry, EXPRESSIONS[body.expression], head.turn, look.kind)
    hair.front(pen, head, hair_tone, tone)
    for thing in body.wears if body.facing != "back" else ():
        WORN[thing](pen, head)
    return (round(head.cx - head.rx * 1.1), round(head.cy - head.ry * 1.15), round(head.cx + head.rx * 1.1),
            round(head.cy + head.ry * 1.05))


def extent(look: Look, pose: str) -> tuple[float, float, float, float]:
    """The box the person takes in body units (left, top, right, bottom), arms, hair and feet included."""
    points = [joint for limb in _limbs(look, pose) for joint in limb]
    rx, ry, cy = head_of(look)
    hair = 1.35 if HAIR[cut_of(look)].back else 1.1
    shoulder = SHOULDERS[look.kind]
    left = min(-rx * hair, -shoulder, *(u - ARM for u, _ in points))
    right = max(rx * hair, shoulder, *(u + ARM for u, _ in points))
    top = min(cy - ry * 1.25, *(v - ARM for _, v in points))
    bottom = max(v for _, v in points) + SHOE[1]
    return left, top, right, bottom


def hand_points(body: Body) -> tuple[Point, Point]:
    """Where the person's two hands are on the page."""
    at = _placer(body)
    left, right = _limbs(body.look, body.pose)[:2]
    return at(*left[2]), at(*right[2])
