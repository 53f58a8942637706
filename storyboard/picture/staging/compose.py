"""Where the people of a shot stand: by framing, by how many they are, and by the frame's shape.

A layout is a row of :data:`~storyboard.picture.cast.layouts.LAYOUTS`: for a framing and a kind of shot
(single, two-shot, group, over-the-shoulder), the standing height of an
adult and where the tops of the heads are, for landscape and vertical frames
(fractions of the frame's height). People are spread across the frame as
their own width (arms included) needs, and the whole line is shrunk until it
fits inside the frame's sides (their feet where they were: they stand farther
back): no arm or shoulder is cut off in a wide or a medium shot. Children stand 0.62 as tall as the adults beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from storyboard.picture.cast.body import extent
from storyboard.picture.cast.layouts import LAYOUTS
from storyboard.picture.cast.looks import Look
from storyboard.picture.records import Person

CHILD_SCALE, OLD_SCALE = 0.62, 0.95
SIDE_MARGIN = 0.03  # of the width: nobody closer to the frame's side
FEET = 0.97  # where the feet are, in body units
# An over-the-shoulder: the back seen close at one side, the subject facing it (x, top, height per shape).
OTS_BACK = ((0.2, 0.36, 3.0), (0.24, 0.5, 2.2))
OTS_FACE = ((0.64, 0.1, 2.7), (0.6, 0.12, 1.9))
SEATED_DROP = {"wide": 0.17, "medium": 0.06, "close-up": 0.0}  # how much lower a seated head is, of its height
ASIDE = 0.33  # where one person stands when the shot's signs need the rest of a landscape frame, of the width
RAISED = {"wide": 0.22, "medium": 0.06, "close-up": 0.0}  # how much higher the cast stands over an audience, of the frame


class Cue(NamedTuple):
    """What the staging knows of a person before placing them."""

    name: str
    look: Look
    pose: str
    expression: str
    holds: str | None
    speaking: bool
    wears: tuple[str, ...] = ()
    inside: str | None = None


def _kind(count: int) -> str:
    return "single" if count == 1 else "two" if count == 2 else "group"


def _scale(look: Look, cues: Sequence[Cue]) -> float:
    """How tall ``look`` stands beside the others: children and the old are shorter (alone, a child fills the frame)."""
    if look.child:
        return 1.0 if all(c.look.child for c in cues) else CHILD_SCALE
    return OLD_SCALE if look.old else 1.0


def _facings(count: int, cues: Sequence[Cue]) -> list[str]:
    """Two face each other; in a group the outer ones turn in; one alone faces us (or the way they walk)."""
    if count == 1:
        return ["right" if cues[0].pose.split()[0] in ("walk", "run") else "front"]
    if count == 2:
        return ["right", "left"]
    return ["right" if i < count / 3 else "left" if i >= count * 2 / 3 else "front" for i in range(count)]


def _spread(boxes: Sequence[tuple[float, float, float, float]], sizes: Sequence[float], spacing: float) -> tuple[list[float], float]:
    """Centre lines (from the left edge of the first person) side by side, and the whole line's width."""
    xs = [-boxes[0][0] * sizes[0]]
    for i in range(1, len(boxes)):
        xs.append(xs[-1] + (boxes[i - 1][2] * sizes[i - 1] - boxes[i][0] * sizes[i]) * spacing)
    return xs, xs[-1] + boxes[-1][2] * sizes[-1]


def place(framing: str, cues: Sequence[Cue], aspect: float, raised: bool = False, aside: bool = False) -> tuple[Person, ...]:
    """Everyone in ``cues`` placed for ``framing`` in a frame ``aspect`` (width / height) wide.

    ``raised``: over an audience; ``aside``: one person in a landscape frame
    stands at a third of the width, leaving the rest to the shot's signs.
    """
    if not cues or framing == "insert":
        return ()
    shape = 0 if aspect >= 1 else 1
    layout = LAYOUTS[(framing, _kind(len(cues)))]
    height, top = layout.height[shape], layout.top[shape]
    scales = [_scale(c.look, cues) for c in cues]
    boxes = [extent(c.look, c.pose) for c in cues]
    xs, span = _spread(boxes, [height * s / aspect for s in scales], layout.spacing)
    room = 1 - 2 * SIDE_MARGIN
    floor = top + FEET * height - (RAISED[framing] if raised else 0.0)  # shrunk to fit, they stand farther back on it
    if not layout.cut and span > room:
        shrink = room / span
        height, xs, span = height * shrink, [x * shrink for x in xs], room
    centre = ASIDE if aside and len(cues) == 1 and aspect >= 1 and framing != "close-up" else 0.5
    people = []
    for x, cue, scale, facing in zip(xs, cues, scales, _facings(len(cues), cues)):
        own = height * scale
        head = floor - FEET * own if framing != "close-up" else top
        if cue.pose.startswith("sit"):
            head += SEATED_DROP[framing] * own
        people.append(Person(cue.name, cue.look, cue.pose, cue.expression, facing, centre - span / 2 + x, head, own,
                             cue.holds, cue.speaking, cue.wears, cue.inside))
    return tuple(people)


def over_the_shoulder(face: Cue, back: Cue, aspect: float) -> tuple[Person, ...]:
    """``back`` seen from behind, close, at the left; ``face`` beyond, turned toward them."""
    shape = 0 if aspect >= 1 else 1
    bx, btop, bh = OTS_BACK[shape]
    fx, ftop, fh = OTS_FACE[shape]
    return (Person(face.name, face.look, face.pose, face.expression, "left", fx, ftop, fh, face.holds, face.speaking,
                   face.wears, face.inside),
            Person(back.name, back.look, back.pose, "neutral", "back", bx, btop, bh, back.holds, back.speaking, back.wears,
                   back.inside))
