"""One storyboard panel: the staging drawn (set, crowd, props, people), then its signs, slate and border.

A :class:`Backdrop` is everything but the signs: it depends only on the
shot's :class:`~storyboard.picture.staging.Staging` (or the director's own
picture) and the frame size, never on what the signs say, so a render keeps
it and redraws only the signs when a sign's text changes. How large the
signs must be (:func:`~storyboard.picture.inputs.sign_sizes`) shapes it only
where it is drawn for them (a prop grown to carry a sign, a carrier brought
in for a sign with no place); a backdrop that is not serves any sizes that
all still find their places on it (:func:`fits_signs`). It carries the
surfaces the drawing offers to signs and what signs must keep clear of
(faces; bodies and props in front of the set).
"""

from __future__ import annotations

import contextlib
import functools
import json
import random
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import NamedTuple

import zstandard
from PIL import Image, ImageDraw

from storyboard.model import FRAMINGS, Shot, Sign
from storyboard.picture.cast.body import Body, draw_body, extent, hand_points
from storyboard.picture.cast.crowd import draw_crowd
from storyboard.picture.cast.hands import draw_hands
from storyboard.picture.dressing import (
    FRONT,
    Placed,
    beside,
    carrier_size,
    hand_box,
    offered,
    insert_box,
    resting_place,
    size,
    tops,
)
from storyboard.picture.inputs import sign_sizes
from storyboard.picture.props import PROPS
from storyboard.picture.props.tones import GLASS
from storyboard.picture.sets import SETS, Light, SetStage
from storyboard.picture.sets.scene import lit_as
from storyboard.picture.signs import STYLES
from storyboard.picture.signs.base import Finish, SignArt, rgb
from storyboard.picture.signs.placement import (
    CARRIERS,
    EDGE,
    FLOATS_ABOVE,
    SIGN_SURFACES,
    Obstacle,
    candidates,
    Slot,
    fit,
    least_for,
    sign_slots,
)
from storyboard.picture.sketch import INK, PAPER, Pen, blur_reduced, seed_of
from storyboard.picture.slate import Slate, draw_slate, slate_box
from storyboard.picture.staging import Person, Staging, stage_alone
from storyboard.picture.staging.compose import ASIDE, LAYOUTS
from storyboard.picture.surface import SET, SUBJECT, Box, Surface
from storyboard.picture.text import draw_text, fit_text
from storyboard.picture.weather import draw_weather

BLUR = 0.011  # depth-of-field blur radius, of the short side
MARGIN = 0.014  # paper margin around the panel border, of the short side
BORDER = 0.004  # border width, of the short side
LABEL = (0.16, 0.045)  # framing label box, of the width / height
CHEST = (-0.075, 0.215, 0.075, 0.33)  # where a shirt carries a name tag or a slogan, in body units
PLACARD_HELD = {  # where a placard is held up over a crowd, or from below the frame (fractions of the frame)
    "wide": (0.56, 0.28, 0.84, 0.86), "medium": (0.3, 0.04, 0.7, 1.0),
    "close-up": (0.2, 0.04, 0.8, 1.04), "insert": (0.08, 0.04, 0.92, 1.4),
}
SETS_KEPT = 4  # sets kept drawn in a process (a 1080p set is 6 MB): a film's shots come back to the same places
LIT = 0.4  # how far the people and props take the set's light: in the dark, still faces one can read
NAMED_FIRST = frozenset({"label", "paper", "cover"})  # a sign goes on these (and a prop grows to carry it) only when they
# are named first: the label of an insert's can, a newspaper's headline, not the label of a bag carried past a signpost
AS_SIGN = {"badge": "name-tag"}  # a prop a sign of this style draws by itself: a name tag is the badge
IN_FRONT_OF = {"car interior": ("dashboard", 0.36)}  # a set's part nearer than its people: the prop, its top (of their height)
RIDER = (0.14, 2.9)  # someone in a vehicle: their head's top and their height, of its window's height
ONE_HANDED = frozenset({"phone", "point", "wave", "thumbs", "raise", "drink"})  # arms that hold a thing in the right hand
SEATS = {"sofa": 0.45, "bench": 0.4, "bed": 0.5, "chair": 0.5, "stool": 0.05}  # where each seat's seat is, of its height
IN_FRONT = frozenset({"bed"})
CLOSE_HOLD = (0.16, 0.92)  # where a close-up shows what is held: across, of the body's height; down, of the frame  # seats drawn over the people in them


class Backdrop:
    """A panel before its signs and border: the drawn staging, where it offers sign places, and what to keep clear.

    It depends only on the staging and the size, never on what the signs say;
    on how large they must be only if ``for_sizes`` (see :func:`fits_signs`).
    """

    def __init__(self, image: Image.Image | Future[Image.Image], surfaces: tuple[Surface, ...],
                 obstacles: tuple[Obstacle, ...], props: tuple[str, ...] = (), people: tuple[Box, ...] = (),
                 size: tuple[int, int] | None = None, for_sizes: bool = False) -> None:
        self._image = image
        self.surfaces = surfaces
        self.obstacles = obstacles
        self.props = props  # the props drawn, in the order drawn
        self.people = people  # where each person of the staging is drawn
        self.size = size or self.image.size  # width, height
        self.for_sizes = for_sizes  # drawn for its signs' sizes: a prop grown to carry one, a carrier brought in

    @property
    def image(self) -> Image.Image:
        """The drawn backdrop (RGB); for one read by :meth:`from_bytes`, once its pixels are decoded."""
        return self._image.result() if isinstance(self._image, Future) else self._image

    def to_bytes(self) -> bytes:
        """The backdrop as bytes (surfaces and obstacles as JSON, pixels zstd-compressed), for a cache.

        zstd at level 1 stores a 1080p backdrop in 5-10 ms and loads it in
        3-5 ms; zlib took 25-55 ms and 12-33 ms, on the path of every sign edit.
        """
        header = json.dumps([self.image.size, [[s.kind, list(s.box), s.depth] for s in self.surfaces],
                             [[list(o.box), o.face, o.body] for o in self.obstacles], list(self.props),
                             [list(box) for box in self.people], self.for_sizes]).encode()
        return len(header).to_bytes(4, "little") + header + zstandard.ZstdCompressor(level=1).compress(self.image.tobytes())

    @classmethod
    def from_bytes(cls, data: bytes) -> Backdrop:
        """The backdrop that :meth:`to_bytes` stored.

        The surfaces are read now and the pixels decoded on a thread of their
        own (zstd and Pillow let go of the interpreter lock), so the signs can
        be drawn meanwhile: 10 ms off a sign edit at 1080p.
        """
        size = int.from_bytes(data[:4], "little")
        (width, height), surfaces, obstacles, props, people, for_sizes = json.loads(data[4 : 4 + size])
        if zstandard.frame_content_size(data[4 + size :]) != width * height * 3:
            raise ValueError("the backdrop's pixels do not fit its size")
        pixels: Future[Image.Image] = Future()

        def decode() -> None:
            try:
                raw = zstandard.ZstdDecompressor().decompress(data[4 + size :])
                pixels.set_result(Image.frombytes("RGB", (width, height), raw))
            except BaseException as error:  # raised where the image is asked for
                pixels.set_exception(error)

        threading.Thread(target=decode, name="backdrop-pixels", daemon=True).start()
        return cls(pixels, tuple(Surface(kind, tuple(box), depth) for kind, box, depth in surfaces),
                   tuple(Obstacle(tuple(box), face, body) for box, face, body in obstacles), tuple(props),
                   tuple(tuple(box) for box in people), (width, height), bool(for_sizes))


class Panel(NamedTuple):
    """A drawn panel and, in the shot's sign order, the pixel box of each sign's text."""

    image: Image.Image  # RGB, exactly width x height
    sign_boxes: tuple[tuple[int, int, int, int], ...]


class PlacedSign(NamedTuple):
    """A sign's art, the frame position of its top-left corner, and the kind of surface it is on."""

    art: SignArt
    left: int
    top: int
    on: str

    @property
    def box(self) -> Box:
        """Where the art lies in the frame: the only pixels it changes."""
        return self.left, self.top, self.left + self.art.image.width, self.top + self.art.image.height

    @property
    def text_box(self) -> Box:
        """Where the sign's text lies in the frame."""
        x0, y0, x1, y1 = self.art.text_box
        return x0 + self.left, y0 + self.top, x1 + self.left, y1 + self.top


class _Sheet:
    """The backdrop being drawn: the pen, and what has been laid down so far, over the set."""

    def __init__(self, staging: Staging, width: int, height: int, sizes: Sequence[float]) -> None:
        self.staging, self.width, self.height = staging, width, height
        self.sizes = sizes  # how large each sign must be (inputs.sign_sizes)
        self.for_sizes = False  # something was drawn for a sign's size
        drawn_set, surfaces = _drawn_set(staging.set, staging.framing, staging.light, width, height)
        self.image = drawn_set.copy()
        self.rng = random.Random(seed_of("panel", staging.set, staging.framing, *(p.name for p in staging.people)))
        self.pen = Pen(self.image, self.rng)
        self.surfaces: list[Surface] = list(surfaces)
        self.obstacles: list[Obstacle] = []
        self.taken: list[Box] = []  # boxes a free-standing prop should not cover
        self.drawn: list[str] = []  # the props drawn
        self.people: list[Box] = []  # where each person is drawn
        self.windows: dict[str, list[Box]] = {}  # each vehicle's side windows, where someone inside is seen

    @contextlib.contextmanager
    def lit(self) -> Iterator[None]:
        """Draw in the set's light: every colour through its table (dimmed at night, warm at dawn; as drawn by day)."""
        self.pen.tint = _light_table(self.staging.light)
        try:
            yield
        finally:
            self.pen.tint = None

    def blur(self) -> None:
        """Blur everything drawn so far (what lies behind the subject)."""
        self.image = blur_reduced(self.image, BLUR * min(self.image.size))
        self.pen = Pen(self.image, self.rng, self.pen.tint)

    def prop(self, name: str, box: Box, front: bool = True, behind_people: bool = False) -> Placed:
        """Draw prop ``name`` in ``box``; its surfaces become sign and prop places.

        A badge that carries the shot's name tag is not drawn: the name tag's
        art is the badge (its place is the box, at the name tag's shape).
        """
        self.drawn.append(name)
        if AS_SIGN.get(name) in self.staging.signs:
            style = AS_SIGN[name]
            cx, cy, w = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2, max(box[2] - box[0], (box[3] - box[1]) * STYLES[style].aspect)
            h = w / STYLES[style].aspect
            box = (round(cx - w / 2), round(cy - h / 2), round(cx + w / 2), round(cy + h / 2))
            self.surfaces.append(Surface(name, box, SUBJECT))
        else:
            offered = PROPS[name].draw(self.pen, box)
            self.surfaces.extend(s._replace(depth=SET) if behind_people else s for s in offered)
            self.windows[name] = [s.box for s in offered if s.kind == "car-window"]
        if front:
            self.obstacles.append(Obstacle(box, False))
        self.taken.append(box)
        return Placed(name, box)


@functools.lru_cache(maxsize=8)
def _light_table(light: Light) -> tuple[int, ...] | None:
    """A lookup table giving the cast and props LIT of the set's light (None by daylight, which changes nothing)."""
    ramp = Image.frombytes("RGB", (256, 1), bytes(v for v in range(256) for _ in range(3)))
    tinted = lit_as(ramp, light)
    if tinted is ramp:
        return None
    channels = [tinted.getchannel(c).tobytes() for c in range(3)]
    return tuple(round(v * (1 - LIT) + channel[v] * LIT) for channel in channels for v in range(256))


@functools.lru_cache(maxsize=SETS_KEPT)
def _drawn_set(name: str, framing: str, light: Light, width: int, height: int) -> tuple[Image.Image, tuple[Surface, ...]]:
    """Set ``name`` drawn for the framing, light and size, and the surfaces it offers (kept: shots share sets)."""
    image = Image.new("RGB", (width, height), PAPER)
    seed = seed_of("set", name, framing)
    surfaces = SETS[name].draw(Pen(image, random.Random(seed)), SetStage(width, height, framing, light, seed))
    return image, tuple(surfaces)


def _adult(staging: Staging, width: int, height: int) -> float:
    """A standing adult's height in this shot, px: the tallest person's, else the framing's usual."""
    if staging.people:
        return max(p.height for p in staging.people) * height
    layout = LAYOUTS.get((staging.framing, "single"), LAYOUTS[("close-up", "single")])
    return layout.height[0 if width >= height else 1] * height


def _body(person: Person, width: int, height: int) -> Body:
    return Body(person.look, person.pose, person.expression, person.facing, person.x * width, person.top * height,
                person.height * height, person.wears)


def _body_box(body: Body) -> Box:
    """Where a body lies on the page (arms and hair included)."""
    left, top, right, bottom = extent(body.look, body.pose)
    return (round(body.x + left * body.height), round(body.top + top * body.height), round(body.x + right * body.height),
            round(body.top + bottom * body.height))


def _facing_the_signs(bodies: list[Body], sheet: _Sheet) -> list[Body]:
    """A person standing aside for the shot's signs stands on the other side from the set's place for them."""
    staging = sheet.staging
    if len(bodies) != 1 or not staging.signs or abs(staging.people[0].x - ASIDE) > 0.02:
        return bodies
    places = candidates(staging.signs[0], sheet.surfaces, staging.named)
    if places and (places[0].box[0] + places[0].box[2]) / 2 < sheet.width / 2:
        return [bodies[0]._replace(x=sheet.width - bodies[0].x)]
    return bodies


def _draw_people(sheet: _Sheet, bodies: Sequence[Body]) -> None:
    """Everyone, far to near (an over-the-shoulder's back last); their faces and bodies become obstacles."""
    order = sorted(range(len(bodies)), key=lambda i: (bodies[i].facing == "back", bodies[i].top + bodies[i].height))
    for i in order:
        body = bodies[i]
        face = draw_body(sheet.pen, body)
        sheet.obstacles += [Obstacle(face, True), Obstacle(_body_box(body), False, True)]
        if body.facing != "back":
            sheet.surfaces.append(_chest(body))


def _chest(body: Body) -> Surface:
    """A person's shirt front, where a name tag or a slogan goes."""
    u0, v0, u1, v1 = CHEST
    return Surface("shirt", (round(body.x + u0 * body.height), round(body.top + v0 * body.height),
                             round(body.x + u1 * body.height), round(body.top + v1 * body.height)), SUBJECT)


def _seat(staging: Staging, bodies: Sequence[Body]) -> str | None:
    """The bed, sofa, bench, chair or stool named that the seated people sit on (or in)."""
    if not any(b.pose.startswith("sit") for b in bodies):
        return None
    return next((n for n in staging.props if n in SEATS), None)


def _put_seat(sheet: _Sheet, name: str, bodies: Sequence[Body], adult: float) -> None:
    """The seat under the people sitting on it: its seat at their hips (a bed's blanket over their legs)."""
    seated = [b for b in bodies if b.pose.startswith("sit")]
    w, h = size(name, adult, sheet.width, sheet.height)
    xs = [b.x for b in seated]
    w = min(max(w, round(max(xs) - min(xs) + adult * 0.45)), round(sheet.width * 0.96))
    hips = min(b.top + 0.5 * b.height for b in seated)
    top = round(hips - SEATS[name] * h)
    cx = sum(xs) / len(xs)
    sheet.prop(name, (round(cx - w / 2), top, round(cx + w / 2), top + h), front=name in IN_FRONT)


def _set_in_front(sheet: _Sheet, bodies: Sequence[Body]) -> None:
    """The part of the set that is nearer than the people in it (a car's dashboard), across the frame, over them."""
    part = IN_FRONT_OF.get(sheet.staging.set)
    if part is None or not bodies or sheet.staging.framing == "close-up":
        return
    name, share = part
    top = round(min(b.top + share * b.height for b in bodies))
    margin = round(sheet.width * 0.02)
    sheet.prop(name, (-margin, top, sheet.width + margin, max(top + 1, sheet.height + margin)))


def _clearest(windows: Sequence[Box], standing: Sequence[Box]) -> list[Box]:
    """A vehicle's windows, the one people standing by it hide least first (the driver's, the front, when all are clear)."""
    def hidden(window: Box) -> int:
        return sum(max(0, min(window[2], b[2]) - max(window[0], b[0])) * max(0, min(window[3], b[3]) - max(window[1], b[1]))
                   for b in standing)
    return sorted(windows, key=hidden)


def _ride(sheet: _Sheet, body: Body, windows: Sequence[Box], order: int) -> Box:
    """Someone sitting in a vehicle: head and shoulders seen through its side window (the driver the front one), behind
    the glass. Returns the window's box."""
    x0, y0, x1, y1 = windows[min(order, len(windows) - 1)] if windows else (0, 0, 1, 1)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return x0, y0, x1, y1
    pane = y1 - y0
    seated = body._replace(x=(x1 - x0) / 2, top=pane * RIDER[0], height=pane * RIDER[1], pose="sit down", facing="front")
    layer = Image.new("RGBA", (x1 - x0, y1 - y0), (0, 0, 0, 0))
    face = draw_body(Pen(layer, sheet.rng, sheet.pen.tint, sheet.pen.unit), seated)
    sheet.image.paste(layer, (x0, y0), layer)
    sheet.pen.fill_rect((x0, y0, x1, y1), (*GLASS, 70))
    sheet.obstacles.append(Obstacle((face[0] + x0, face[1] + y0, face[2] + x0, face[3] + y0), True))
    return x0, y0, x1, y1


def _on_top(name: str) -> bool:
    """Whether a prop nobody holds stands on a table (a cup, a laptop, a phone put down)."""
    return PROPS[name].rests_on in ("table", "hand")


def _furniture(staging: Staging, bodies: Sequence[Body], surfaces: Sequence[Surface]) -> list[str]:
    """The tables, desks and counters in front of the people: those named, or a table for things put down.

    People sitting with things to put down get a table in front of them; standing, they use the set's.
    """
    named = [n for n in staging.props if n in FRONT]
    if named or not bodies or not any(_on_top(n) for n in staging.props) or "bed" in staging.props:
        return named  # (in bed, what they have stands beside them, not on a table over them)
    seated = any(b.pose.startswith("sit") for b in bodies) and staging.framing != "wide"
    return ["table"] if seated or not tops(surfaces) else []


def _front_furniture(sheet: _Sheet, furniture: Sequence[str], bodies: Sequence[Body], adult: float) -> None:
    """Tables, desks and counters stand in front of the people at them, their tops at the people's hips."""
    staging = sheet.staging
    for name in furniture:
        w, h = size(name, adult, sheet.width, sheet.height)
        if bodies:
            hips = min(b.top + 0.5 * b.height for b in bodies)
            left = min(b.x for b in bodies) - adult * 0.3
            right = max(max(b.x for b in bodies) + adult * 0.3, left + w)
            if staging.signs and len(bodies) == 1:  # a desk for a hologram or a screen reaches across the room left
                if bodies[0].x < sheet.width / 2:
                    right = max(right, sheet.width * 0.95)
                else:
                    left = min(left, sheet.width * 0.05)
            box = (round(max(left, -adult * 0.1)), round(hips), round(min(right, sheet.width * 1.05)), round(hips + h))
        else:
            box = resting_place(name, staging.framing, adult, sheet.surfaces, sheet.taken, sheet.width, sheet.height)
        sheet.prop(name, box)


def _props(sheet: _Sheet, names: Sequence[str], adult: float, behind_people: bool = False) -> None:
    """Props nobody holds, each where it rests (``behind_people``: drawn before them, what they offer is behind them)."""
    for name in names:
        box = resting_place(name, sheet.staging.framing, adult, sheet.surfaces, sheet.taken, sheet.width, sheet.height)
        sheet.prop(name, box, behind_people=behind_people)


def _legible(sheet: _Sheet, name: str, adult: float) -> tuple[int, int]:
    """How big prop ``name`` must be for one of the shot's signs to be read on it (0 when none goes on it)."""
    for style, legible in zip(sheet.staging.signs, sheet.sizes):
        if AS_SIGN.get(name) == style:  # the sign is the thing: as big as the sign
            sheet.for_sizes = True
            least = least_for(legible, sheet.width, sheet.height)
            return round(least * STYLES[style].aspect), least
        kind = next((k for k in SIGN_SURFACES[style] if k in offered(name)
                     and (k not in NAMED_FIRST or k in sheet.staging.named)), None)
        if kind is not None and style not in FLOATS_ABOVE:
            sheet.for_sizes = True
            return carrier_size(name, kind, STYLES[style].aspect, least_for(legible, sheet.width, sheet.height), adult, sheet.width,
                                sheet.height)
    return 0, 0


def _held(sheet: _Sheet, bodies: Sequence[Body], adult: float) -> None:
    """What each person holds, at their hands (large enough to read when a sign goes on it: a badge shown)."""
    for person, body in zip(sheet.staging.people, bodies):
        if person.holds and body.facing != "back":
            left, right = hand_points(body)
            arms = person.pose.split()[1]
            hands = [right] if arms in ONE_HANDED else [left, right]
            held_by = max(body.height, adult)
            if all(y > sheet.height for _, y in hands):  # the hands are below the frame: held up into view at the side
                hands = [(body.x + body.height * CLOSE_HOLD[0], sheet.height * CLOSE_HOLD[1])]
            sheet.prop(person.holds, hand_box(person.holds, hands, held_by, sheet.width, sheet.height,
                                              _legible(sheet, person.holds, held_by)))


def _insert(sheet: _Sheet) -> None:
    """An insert's object, large, with the other props beside it and hands reaching in when asked."""
    staging = sheet.staging
    subject = staging.subject
    if subject is None:
        return
    beside_it = [n for n in staging.props if n not in FRONT]
    carried = [style for style in staging.signs if style in CARRIERS and not set(SIGN_SURFACES[style]) & set(offered(subject))]
    box = insert_box(subject, staging.framing, sheet.surfaces, sheet.width, sheet.height, len(beside_it) + len(carried),
                     _legible(sheet, subject, sheet.height))  # (room left beside it for what will carry a sign)
    for name in (n for n in staging.props if n in FRONT):
        _top_under(sheet, name, box)
    for name in beside_it:
        sheet.prop(name, beside(name, subject, box, [*sheet.taken, box], sheet.width, sheet.height))
    sheet.prop(subject, box)
    if staging.hands:
        draw_hands(sheet.pen, box, subject, sheet.height)


def _top_under(sheet: _Sheet, name: str, subject: Box) -> None:
    """A table or desk seen close: its top fills the frame's foot and the insert's object stands on it."""
    kind = PROPS[name]
    height = round(sheet.height * 1.6)
    width = max(round(height * kind.aspect), round(sheet.width * 1.3))
    left = (sheet.width - width) // 2
    top = subject[3] - round(height * 0.12)
    sheet.surfaces.extend(PROPS[name].draw(sheet.pen, (left, top, left + width, top + height)))
    sheet.drawn.append(name)


def _carriers(sheet: _Sheet, bodies: Sequence[Body], adult: float) -> None:
    """Bring in something to carry each sign the drawing offers no surface for (never a sign in the sky)."""
    staging = sheet.staging
    slots = _carried_slots(staging, sheet.sizes, sheet.surfaces, sheet.obstacles, sheet.width, sheet.height)
    interior = SETS[staging.set].interior
    for style, legible, slot in zip(staging.signs, sheet.sizes, slots):
        if slot is not None:
            continue
        sheet.for_sizes = True
        if style == "placard":
            held = PLACARD_HELD[staging.framing]
            sheet.surfaces.append(Surface("placard", _frac_box(held, sheet.width, sheet.height), SUBJECT))
        elif style == "name-tag" and bodies:
            sheet.prop("badge", _shown_badge(sheet, bodies[0]))
        else:
            name, kind = CARRIERS[style][0 if interior else 1]
            need = carrier_size(name, kind, STYLES[style].aspect, least_for(legible, sheet.width, sheet.height), adult, sheet.width,
                                sheet.height, above=style in FLOATS_ABOVE)
            box = resting_place(name, staging.framing, adult, sheet.surfaces, sheet.taken, sheet.width, sheet.height, need)
            if _hides_someone(box, sheet):  # no bigger than the sign needs, where it hides least
                least = carrier_size(name, kind, STYLES[style].aspect, least_for(legible, sheet.width, sheet.height), adult,
                                     sheet.width, sheet.height, above=style in FLOATS_ABOVE, smallest=True)
                box = resting_place(name, staging.framing, adult, sheet.surfaces, sheet.taken, sheet.width, sheet.height,
                                    least, exact=True)
            drop = max(0, round(min(sheet.width, sheet.height) * EDGE) - box[1])  # a tall post's board comes into the
            sheet.prop(name, (box[0], box[1] + drop, box[2], box[3] + drop))  # frame, its foot below it


def _carried_slots(staging: Staging, sizes: Sequence[float], surfaces: Sequence[Surface], obstacles: Sequence[Obstacle],
                   width: int, height: int) -> list[Slot | None]:
    """Where the drawing finds each sign a place (None: a carrier is brought in for it), before the frame's border."""
    aspects = [STYLES[style].aspect for style in staging.signs]
    return sign_slots(staging.signs, sizes, aspects, surfaces, obstacles, staging.named, width, height,
                      _adult(staging, width, height))


def fits_signs(backdrop: Backdrop, staging: Staging, sizes: Sequence[float]) -> bool:
    """Whether ``backdrop`` is what drawing ``staging`` for signs of ``sizes`` gives.

    True when it was drawn for no sign's size (see :class:`Backdrop`) and every
    sign of these sizes still finds a place on it: then nothing would be
    drawn for their sizes either, and everything else it shows is the same.
    """
    return not backdrop.for_sizes and None not in _carried_slots(staging, sizes, backdrop.surfaces, backdrop.obstacles,
                                                                 *backdrop.size)


def _hides_someone(box: Box, sheet: _Sheet) -> bool:
    """Whether ``box`` covers any part of a person drawn in the sheet."""
    return any(min(box[2], b[2]) > max(box[0], b[0]) and min(box[3], b[3]) > max(box[1], b[1]) for b in sheet.people)


def _shown_badge(sheet: _Sheet, body: Body) -> Box:
    """A badge held up in the person's hand, large enough to read."""
    w, h = _legible(sheet, "badge", body.height)
    right = hand_points(body)[1]
    return round(right[0]), round(right[1] - h * 0.8), round(right[0]) + w, round(right[1] + h * 0.2)


def _frac_box(fractions: tuple[float, float, float, float], width: int, height: int) -> Box:
    return (round(fractions[0] * width), round(fractions[1] * height), round(fractions[2] * width),
            round(fractions[3] * height))


def _draw_staging(staging: Staging, width: int, height: int, sizes: Sequence[float]) -> _Sheet:
    """Set, crowd, props, people, furniture, held things, an insert's object, sign carriers: back to front; then the
    weather outdoors."""
    sheet = _Sheet(staging, width, height, sizes)
    if staging.blur:  # the crowd is blurred with the set behind the subject
        if staging.crowd == "behind":
            with sheet.lit():
                draw_crowd(sheet.pen, staging.framing, width, height, sheet.rng)
        sheet.blur()
    with sheet.lit():
        if staging.crowd == "behind" and not staging.blur:
            draw_crowd(sheet.pen, staging.framing, width, height, sheet.rng)
        _dress_and_cast(sheet)
    if staging.light.weather and not SETS[staging.set].interior:
        sheet.image = draw_weather(sheet.image, staging.light.weather, random.Random(seed_of("weather", staging.set)))
    return sheet


def _dress_and_cast(sheet: _Sheet) -> None:
    """Props, people, furniture, held things, an insert's object and sign carriers, back to front."""
    staging, width, height = sheet.staging, sheet.width, sheet.height
    adult = _adult(staging, width, height)
    bodies = _facing_the_signs([_body(p, width, height) for p in staging.people], sheet)
    sheet.taken.extend(_body_box(body) for body, person in zip(bodies, staging.people) if not person.inside)  # (riders
    # are drawn in their car, not where the line-up put them)
    furniture = _furniture(staging, bodies, sheet.surfaces)
    seat = _seat(staging, bodies)
    seats = [seat] if seat else []
    if seat and seat not in IN_FRONT:
        _put_seat(sheet, seat, bodies, adult)
    if staging.framing == "insert" or staging.subject:
        _insert(sheet)
    else:  # things on the set's own tables stand behind the people; on their furniture, in front
        behind = [n for n in staging.props if n not in (*furniture, *seats) and (not _on_top(n) or not furniture)]
        _props(sheet, behind, adult, behind_people=True)
    riders = {i: person.inside for i, person in enumerate(staging.people) if person.inside in sheet.windows}
    standing = [_body_box(body) for i, body in enumerate(bodies) if i not in riders]
    seen = {i: _ride(sheet, bodies[i], _clearest(sheet.windows[vehicle], standing), order)  # inside the car: behind
            for order, (i, vehicle) in enumerate(riders.items())}  # whoever stands by it, in the window they hide least
    _draw_people(sheet, [body for i, body in enumerate(bodies) if i not in riders])
    sheet.people = [seen[i] if i in seen else _body_box(body) for i, body in enumerate(bodies)]
    if seat in IN_FRONT:
        _put_seat(sheet, seat, bodies, adult)
    _set_in_front(sheet, [body for i, body in enumerate(bodies) if i not in riders])
    if staging.crowd == "audience":
        draw_crowd(sheet.pen, staging.framing, width, height, sheet.rng, audience=True)
    if staging.subject is None:
        _front_furniture(sheet, furniture, bodies, adult)
        if furniture:
            _props(sheet, [n for n in staging.props if n not in (*furniture, *seats) and _on_top(n)], adult)
    _held(sheet, bodies, adult)
    _carriers(sheet, bodies, adult)


def draw_backdrop(staging: Staging, width: int, height: int, signs: Sequence[Sign] = ()) -> Backdrop:
    """Draw the panel's backdrop: everything but its signs, slate and border.

    ``signs`` are the shot's (none for a staging without signs): how large
    each must be is what a carrier brought in for it, or a prop that carries
    it, is drawn for. Raises ValueError if they are not one a sign of the staging.
    """
    if len(signs) != len(staging.signs):
        raise ValueError(f"the staging has {len(staging.signs)} signs, but {len(signs)} were given")
    sheet = _draw_staging(staging, width, height, sign_sizes(signs, staging.signs))
    return Backdrop(sheet.image, tuple(sheet.surfaces), tuple(sheet.obstacles), tuple(sheet.drawn), tuple(sheet.people),
                    for_sizes=sheet.for_sizes)


def frame_obstacles(width: int, height: int) -> tuple[Obstacle, ...]:
    """What every panel keeps clear for its border: the framing label's corner."""
    unit = min(width, height)
    inset = round(unit * (MARGIN + BORDER))
    label = (0, 0, inset + round(width * LABEL[0]) + inset, inset + round(height * LABEL[1]) + inset)
    return (Obstacle(label, True),)


def place_signs(shot: Shot, staging: Staging, width: int, height: int, backdrop: Backdrop,
                keep_clear: Sequence[Obstacle] = ()) -> tuple[PlacedSign, ...]:
    """Draw the shot's signs, each on the surface of ``backdrop`` its style can go on."""
    aspects = [STYLES[style].aspect for style in staging.signs]
    obstacles = [*backdrop.obstacles, *frame_obstacles(width, height), *keep_clear]
    slots = sign_slots(staging.signs, sign_sizes(shot.signs, staging.signs), aspects, backdrop.surfaces, obstacles,
                       staging.named, width, height, _adult(staging, width, height))
    return tuple(_draw_sign(sign, style, slot, width, height) for sign, style, slot in zip(shot.signs, staging.signs, slots))


def _draw_sign(sign: Sign, style: str, slot: Slot | None, width: int, height: int) -> PlacedSign:
    """Draw ``sign`` in ``style`` in its slot (a lower-third strip if nothing carries it)."""
    kind = STYLES[style]
    if slot is None:
        slot = Slot(fit(_frac_box((0.1, 0.66, 0.9, 0.92), width, height), kind.aspect), "image")
    box = slot.box
    rng = random.Random(seed_of("sign", style, sign.icon or ""))  # the same object whatever it says
    art = kind.render(box[2] - box[0], box[3] - box[1], sign.text, sign.icon, rng, Finish(rgb(sign.color), slot.kind))
    return PlacedSign(art, (box[0] + box[2] - art.image.width) // 2, (box[1] + box[3] - art.image.height) // 2, slot.kind)


def frame(image: Image.Image, framing: str) -> None:
    """Paper margin, a thin panel border and the framing label in the corner."""
    draw = ImageDraw.Draw(image)
    unit = min(image.size)
    margin, border = max(1, round(unit * MARGIN)), max(1, round(unit * BORDER))
    w, h = image.size
    for box in ((0, 0, w, margin), (0, h - margin, w, h), (0, 0, margin, h), (w - margin, 0, w, h)):
        draw.rectangle(box, fill=PAPER)
    draw.rectangle([margin, margin, w - 1 - margin, h - 1 - margin], outline=INK, width=border)
    inset = margin + border
    label = (inset, inset, inset + round(w * LABEL[0]), inset + round(h * LABEL[1]))
    draw.rectangle(label, fill=PAPER, outline=INK, width=border)
    pad = max(1, round((label[3] - label[1]) * 0.18))
    text_box = (label[0] + pad, label[1] + pad, label[2] - pad, label[3] - pad)
    draw_text(draw, fit_text(framing.upper(), text_box[2] - text_box[0], text_box[3] - text_box[1]), text_box, INK)


def check_framing(framing: str) -> None:
    """Raise ValueError for a framing the picture does not know."""
    if framing not in FRAMINGS:
        raise ValueError(f"unknown framing {framing!r}; known framings: {', '.join(FRAMINGS)}")


def image_backdrop(path: str, width: int, height: int) -> Backdrop:
    """The director's picture as the backdrop, with a strip over its foot for the signs."""
    from storyboard.picture.director import fitted, sign_places

    return Backdrop(fitted(Path(path), width, height), sign_places(width, height), ())


def draw_panel(shot: Shot, width: int, height: int, staging: Staging | None = None, backdrop: Backdrop | None = None,
               signs: Sequence[PlacedSign] | None = None, reuse: bool = False, slate: Slate | None = None) -> Panel:
    """Draw the storyboard panel for one shot.

    ``staging`` is the shot's place in its film (:func:`~.staging.stage_film`;
    by default the shot is staged on its own); ``backdrop`` and ``signs`` may
    come from an earlier render. With ``reuse`` the signs are drawn on the
    backdrop's own image rather than a copy (8 MB at 1080p), which leaves the
    backdrop used up. The same input gives the same pixels in any process;
    each sign changes only the pixels of its :attr:`PlacedSign.box`. Raises
    ValueError for an unknown framing, sign style or icon.
    """
    check_framing(shot.framing)
    staging = staging or stage_alone(shot, width, height)
    if backdrop is None:
        backdrop = image_backdrop(shot.image, width, height) if shot.image else draw_backdrop(staging, width, height,
                                                                                              shot.signs)
    # The signs are drawn before the backdrop's image is first asked for: a
    # backdrop from the cache is still decoding on its own thread.
    if signs is None:
        signs = place_signs(shot, staging, width, height, backdrop, slate_obstacles(width, height) if slate else ())
    image = backdrop.image if reuse else backdrop.image.copy()
    for placed in signs:
        image.paste(placed.art.image, (placed.left, placed.top), placed.art.image)
    frame(image, shot.framing)
    if slate is not None:
        draw_slate(image, slate)
    return Panel(image, tuple(placed.text_box for placed in signs))


def slate_obstacles(width: int, height: int) -> tuple[Obstacle, ...]:
    """What signs keep clear of when the panel has a slate."""
    return (Obstacle(slate_box(width, height), True),)
