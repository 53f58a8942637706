"""One storyboard panel: a backdrop (the staging drawn), then its signs, slate and border.

A :class:`Backdrop` is everything but the signs: it depends only on the
shot's :class:`~storyboard.picture.records.Staging` (or the director's own
picture) and the frame size, never on what the signs say, so a render keeps
it and redraws only the signs when a sign's text changes. How large the
signs must be (:func:`~storyboard.picture.inputs.sign_sizes`) shapes it only
where it is drawn for them (a prop grown to carry a sign, a carrier brought
in for a sign with no place); a backdrop that is not serves any sizes that
all still find their places on it (:func:`fits_signs`). It carries the
surfaces the drawing offers to signs and what signs must keep clear of
(faces; bodies and props in front of the set).

The backdrop is drawn by :mod:`storyboard.picture.backdrop` (the sets,
props and cast), imported here only when a panel must draw one: placing
signs on a cached backdrop loads none of that.
"""

from __future__ import annotations

import json
import threading
import random
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import NamedTuple

import zstandard
from PIL import Image, ImageDraw

from storyboard.model import FRAMINGS, Shot, Sign
from storyboard.picture.cast.layouts import LAYOUTS
from storyboard.picture.inputs import sign_sizes
from storyboard.picture.records import Staging
from storyboard.picture.signs import STYLES
from storyboard.picture.signs.base import Finish, SignArt, rgb
from storyboard.picture.signs.placement import Obstacle, Slot, fit, sign_slots
from storyboard.picture.sketch import INK, PAPER, seed_of
from storyboard.picture.slate import Slate, draw_slate, slate_box
from storyboard.picture.surface import Box, Surface
from storyboard.picture.text import draw_text, fit_text

MARGIN = 0.014  # paper margin around the panel border, of the short side
BORDER = 0.004  # border width, of the short side
LABEL = (0.16, 0.045)  # framing label box, of the width / height


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


def adult_height(staging: Staging, width: int, height: int) -> float:
    """A standing adult's height in this shot, px: the tallest person's, else the framing's usual."""
    if staging.people:
        return max(p.height for p in staging.people) * height
    layout = LAYOUTS.get((staging.framing, "single"), LAYOUTS[("close-up", "single")])
    return layout.height[0 if width >= height else 1] * height


def carried_slots(staging: Staging, sizes: Sequence[float], surfaces: Sequence[Surface], obstacles: Sequence[Obstacle],
                  width: int, height: int) -> list[Slot | None]:
    """Where the drawing finds each sign a place (None: a carrier is brought in for it), before the frame's border."""
    aspects = [STYLES[style].aspect for style in staging.signs]
    return sign_slots(staging.signs, sizes, aspects, surfaces, obstacles, staging.named, width, height,
                      adult_height(staging, width, height))


def fits_signs(backdrop: Backdrop, staging: Staging, sizes: Sequence[float]) -> bool:
    """Whether ``backdrop`` is what drawing ``staging`` for signs of ``sizes`` gives.

    True when it was drawn for no sign's size (see :class:`Backdrop`) and every
    sign of these sizes still finds a place on it: then nothing would be
    drawn for their sizes either, and everything else it shows is the same.
    """
    return not backdrop.for_sizes and None not in carried_slots(staging, sizes, backdrop.surfaces, backdrop.obstacles,
                                                                *backdrop.size)


def frac_box(fractions: tuple[float, float, float, float], width: int, height: int) -> Box:
    """The pixel box of ``fractions`` (left, top, right, bottom) of a ``width`` x ``height`` frame."""
    return (round(fractions[0] * width), round(fractions[1] * height), round(fractions[2] * width),
            round(fractions[3] * height))


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
                       staging.named, width, height, adult_height(staging, width, height))
    return tuple(_draw_sign(sign, style, slot, width, height) for sign, style, slot in zip(shot.signs, staging.signs, slots))


def _draw_sign(sign: Sign, style: str, slot: Slot | None, width: int, height: int) -> PlacedSign:
    """Draw ``sign`` in ``style`` in its slot (a lower-third strip if nothing carries it)."""
    kind = STYLES[style]
    if slot is None:
        slot = Slot(fit(frac_box((0.1, 0.66, 0.9, 0.92), width, height), kind.aspect), "image")
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
    if staging is None:
        from storyboard.picture.staging import stage_alone

        staging = stage_alone(shot, width, height)
    if backdrop is None and shot.image:
        backdrop = image_backdrop(shot.image, width, height)
    elif backdrop is None:
        from storyboard.picture.backdrop import draw_backdrop

        backdrop = draw_backdrop(staging, width, height, shot.signs)
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
