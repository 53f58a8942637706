"""A panel's backdrop drawn: the set in its light, the crowd, props and people, then whatever carries the signs.

:func:`draw_backdrop` draws a :class:`~storyboard.picture.records.Staging`
back to front into a :class:`~storyboard.picture.panel.Backdrop` (what
:mod:`storyboard.picture.panel` puts the signs, border and slate on). It is
the only picture module that imports the sets, props, dressing and the cast's
drawing, and is imported only where a backdrop is drawn: a render whose
backdrops come from the cache (a sign edit) never loads them.
"""

from __future__ import annotations

import contextlib
import functools
import random
from collections.abc import Iterator, Sequence

from PIL import Image

from storyboard.model import Sign
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
from storyboard.picture.panel import Backdrop, adult_height, carried_slots, frac_box
from storyboard.picture.props import PROPS
from storyboard.picture.props.tones import GLASS
from storyboard.picture.records import Light, Person, Staging
from storyboard.picture.sets import SETS, SetStage
from storyboard.picture.sets.scene import lit_as
from storyboard.picture.signs import STYLES
from storyboard.picture.signs.placement import CARRIERS, EDGE, FLOATS_ABOVE, SIGN_SURFACES, Obstacle, candidates, least_for
from storyboard.picture.sketch import PAPER, Pen, blur_reduced, seed_of
from storyboard.picture.staging.compose import ASIDE
from storyboard.picture.surface import SET, SUBJECT, Box, Surface
from storyboard.picture.weather import draw_weather

BLUR = 0.011  # depth-of-field blur radius, of the short side
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
    slots = carried_slots(staging, sheet.sizes, sheet.surfaces, sheet.obstacles, sheet.width, sheet.height)
    interior = SETS[staging.set].interior
    for style, legible, slot in zip(staging.signs, sheet.sizes, slots):
        if slot is not None:
            continue
        sheet.for_sizes = True
        if style == "placard":
            held = PLACARD_HELD[staging.framing]
            sheet.surfaces.append(Surface("placard", frac_box(held, sheet.width, sheet.height), SUBJECT))
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


def _hides_someone(box: Box, sheet: _Sheet) -> bool:
    """Whether ``box`` covers any part of a person drawn in the sheet."""
    return any(min(box[2], b[2]) > max(box[0], b[0]) and min(box[3], b[3]) > max(box[1], b[1]) for b in sheet.people)


def _shown_badge(sheet: _Sheet, body: Body) -> Box:
    """A badge held up in the person's hand, large enough to read."""
    w, h = _legible(sheet, "badge", body.height)
    right = hand_points(body)[1]
    return round(right[0]), round(right[1] - h * 0.8), round(right[0]) + w, round(right[1] + h * 0.2)


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
    adult = adult_height(staging, width, height)
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


