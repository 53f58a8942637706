"""A set being drawn: a canvas in world units, the props it stands up, the surfaces it offers, its lights.

A set's drawing is ``draw(s: Scene) -> None``: it paints the world (see
:mod:`.stage`) with the canvas methods, stands props on its floor with
:meth:`Scene.stand`, offers surfaces with :meth:`Scene.offer` and marks its
light sources with :meth:`Scene.glow`. A :class:`Painter` turns such a drawing
into a set's ``draw(pen, stage)``: it frames the world for the shot, then
lights the result: by day as drawn; at dawn and dusk warmer; in the dark
every surface dims and only the light sources (lamps, screens, lit windows,
street lights, the moon) and the glow around them stay bright.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from typing import NamedTuple

from PIL import Image, ImageDraw, ImageFilter

from storyboard.picture.props import PROPS
from storyboard.picture.props.canvas import Canvas
from storyboard.picture.sets.stage import ADULT, STAGE_FLOOR, Focus, Light, SetStage
from storyboard.picture.sketch import Pen
from storyboard.picture.surface import SET, Box, Surface

Tone = tuple[int, int, int]

NIGHT: Tone = (70, 78, 112)  # what the dark multiplies every colour by
TINTS: dict[str, Tone] = {"dawn": (250, 226, 218), "dusk": (255, 212, 176)}
WARM: Tone = (255, 236, 196)  # lamp light
COOL: Tone = (214, 232, 255)  # screens, daylight, moonlight
HALO_CELL = 8  # halos are drawn and blurred at 1/HALO_CELL of the frame size
MIN_SURFACE = 4  # px: a surface thinner than this after clipping to the frame is not offered


class Glow(NamedTuple):
    """How one kind of light source shines in the dark."""

    tint: Tone
    halo: float  # radius of the glow around it, in multiples of its own size
    strength: int  # how bright the source itself is (0-255)
    electric: bool  # goes out with the lights
    round: bool  # an oval source (a lamp, the moon) rather than a box (a window, a screen)


GLOWS: dict[str, Glow] = {
    "lamp": Glow(WARM, 2.2, 255, True, True),
    "street": Glow(WARM, 3.0, 255, True, True),
    "beam": Glow(WARM, 0.5, 190, True, True),
    "lit window": Glow(WARM, 0.3, 235, True, False),
    "screen": Glow(COOL, 0.6, 255, False, False),
    "window": Glow(COOL, 0.25, 110, False, False),
    "moon": Glow(COOL, 1.2, 255, False, True),
    "flame": Glow(WARM, 2.5, 255, False, True),
}
DAYLIT = {"window"}  # sources that shine fully when it is day outside though the room is dark
# Surfaces of props that shine, and as what.
SURFACE_GLOWS = {"screen": "screen", "phone-screen": "screen", "window": "window", "light": "lamp", "flame": "flame"}


class Source(NamedTuple):
    """A light source marked in a drawn set: its kind and its box in frame pixels."""

    kind: str
    box: Box


class Scene(Canvas):
    """A set's drawing in progress (see the module's docstring)."""

    def __init__(self, pen: Pen, stage: SetStage, focus: Focus, eye: float) -> None:
        window = stage.window(focus)
        super().__init__(pen, -window.left * window.scale, -window.top * window.scale, window.scale, window.scale, SET)
        self.stage = stage
        self.lighting = stage.light
        self.rng = random.Random(stage.seed)
        self.eye = eye  # world y of the vanishing point: the camera's eye level
        self.surfaces: list[Surface] = []
        self.sources: list[Source] = []
        self.props: set[str] = set()  # the props the set stands up, seen or not
        self.view = (window.left, window.top, window.left + stage.width / window.scale, window.top + stage.height / window.scale)

    @property
    def night(self) -> bool:
        """Whether it is night (for the sky, the moon, windows lit from inside)."""
        return self.lighting.time == "night"

    def metre(self, floor_y: float) -> float:
        """One metre in world units for something standing on the floor at world ``floor_y``."""
        return ADULT / 1.75 * (floor_y - self.eye) / (STAGE_FLOOR - self.eye)

    def sees(self, u0: float, v0: float, u1: float, v1: float) -> bool:
        """Whether any of the world rectangle is in the frame (to skip drawing what a close framing cannot see)."""
        left, top, right, bottom = self.view
        return u1 > left and u0 < right and v1 > top and v0 < bottom

    def clip(self, box: Box) -> Box | None:
        """``box`` cut to the frame, or None if too little of it is left."""
        left, top = max(box[0], 0), max(box[1], 0)
        right, bottom = min(box[2], self.stage.width), min(box[3], self.stage.height)
        return (left, top, right, bottom) if right - left >= MIN_SURFACE and bottom - top >= MIN_SURFACE else None

    def offer(self, kind: str, u0: float, v0: float, u1: float, v1: float) -> None:
        """Offer the world rectangle as a surface of ``kind`` (the part in the frame)."""
        box = self.clip(self.box(u0, v0, u1, v1))
        if box is not None:
            self.surfaces.append(Surface(kind, box, SET))

    def place(self, name: str, u0: float, v0: float, u1: float, v1: float) -> None:
        """Draw the prop ``name`` filling the world rectangle; its surfaces become the set's (screens and windows shine)."""
        self.props.add(name)
        if not self.sees(u0, v0, u1, v1):
            return
        for surface in PROPS[name].draw(self.pen, self.box(u0, v0, u1, v1)):
            if surface.kind in SURFACE_GLOWS:
                self.sources.append(Source(SURFACE_GLOWS[surface.kind], surface.box))
            box = self.clip(surface.box)
            if box is not None:
                self.surfaces.append(Surface(surface.kind, box, SET))

    def stand(self, name: str, x: float, floor_y: float, metres: float | None = None,
              lift: float = 0.0) -> tuple[float, float, float, float]:
        """Stand the prop ``name`` centred on ``x`` over the floor at world ``floor_y``, ``metres`` tall (default: its
        usual height) and ``lift`` metres up (on a table, on a wall); returns the world rectangle it took."""
        kind = PROPS[name]
        metre = self.metre(floor_y)
        height = metre * (metres if metres is not None else kind.scale * 1.75)
        width = height * kind.aspect
        bottom = floor_y - lift * metre
        rect = (x - width / 2, bottom - height, x + width / 2, bottom)
        self.place(name, *rect)
        return rect

    def glow(self, kind: str, u0: float, v0: float, u1: float, v1: float) -> None:
        """Mark the world rectangle as a light source of ``kind`` (see :data:`GLOWS`)."""
        if self.sees(u0, v0, u1, v1):
            self.sources.append(Source(kind, self.box(u0, v0, u1, v1)))

    def fill_all(self, tone: Tone) -> None:
        """Cover the whole frame with ``tone`` (the ceiling, the sky: what the rest is drawn over)."""
        self.pen.fill_rect([0, 0, self.stage.width, self.stage.height], tone)


def _glow_mask(size: tuple[int, int], sources: list[tuple[Source, Glow, int]]) -> tuple[Box, Image.Image] | None:
    """Where the sources shine (each source's shape at its strength over a soft halo around it), as the box they
    light and the mask over that box; None when they light nothing. The halos are drawn and blurred small and
    scaled up over their box only."""
    small = Image.new("L", (max(1, size[0] // HALO_CELL), max(1, size[1] // HALO_CELL)), 0)
    halo = ImageDraw.Draw(small)
    for source, glow, strength in sources:
        x0, y0, x1, y1 = (v / HALO_CELL for v in source.box)
        grow = max(x1 - x0, y1 - y0) * glow.halo / 2
        halo.ellipse([x0 - grow, y0 - grow, x1 + grow, y1 + grow], fill=strength // 2)
    radius = max(1.0, min(small.size) * 0.02)
    small = small.filter(ImageFilter.GaussianBlur(radius))
    lit = small.getbbox()
    if lit is None:
        return None
    box = (lit[0] * HALO_CELL, lit[1] * HALO_CELL, min(size[0], lit[2] * HALO_CELL), min(size[1], lit[3] * HALO_CELL))
    mask = small.resize((box[2] - box[0], box[3] - box[1]), Image.Resampling.BILINEAR,
                        box=tuple(v / HALO_CELL for v in box))
    body = ImageDraw.Draw(mask)
    for source, glow, strength in sources:
        x0, y0, x1, y1 = source.box
        (body.ellipse if glow.round else body.rectangle)([x0 - box[0], y0 - box[1], x1 - box[0], y1 - box[1]],
                                                         fill=strength)
    return box, mask


def _strength(source: Source, glow: Glow, scene: Scene) -> int:
    """How brightly ``source`` shines under the scene's light (0: not at all)."""
    light = scene.lighting
    if glow.electric and not light.lamps:
        return 0
    if source.kind == "moon" and light.time != "night":
        return 0
    if source.kind in DAYLIT and not light.lamps and light.time == "day":
        return 255
    return glow.strength


def _tinted(image: Image.Image, tint: Tone) -> Image.Image:
    """``image`` with each channel multiplied by ``tint`` (out of 255), by lookup table: a coloured light or the dark."""
    return image.point([v * c // 255 for c in tint for v in range(256)])


def _cast(light: Light) -> Tone | None:
    """The colour the light multiplies everything by before its sources shine (None by day: as drawn)."""
    return NIGHT if light.dark else TINTS.get(light.time)


def lit_as(image: Image.Image, light: Light) -> Image.Image:
    """``image`` coloured by ``light`` before any source shines: dimmed in the dark, warmer at dawn and dusk, as
    drawn by day. A panel can pass what it draws over a set (people, props) through it to match the set."""
    cast = _cast(light)
    return image if cast is None else _tinted(image, cast)


@functools.lru_cache(maxsize=8)
def _pen_tint(light: Light) -> tuple[int, ...] | None:
    """The light as a pen's colour table: the set is drawn in it directly, with no pass over the whole frame."""
    cast = _cast(light)
    return None if cast is None else tuple(v * c // 255 for c in cast for v in range(256))


@functools.lru_cache(maxsize=4)
def _brightened(tint: Tone) -> tuple[int, ...]:
    """What turns a colour drawn in the dark into the same colour under a light of ``tint``."""
    return tuple(min(255, round(v * c / max(1, n))) for c, n in zip(tint, NIGHT) for v in range(256))


def _light_up(image: Image.Image, scene: Scene) -> None:
    """Let the sources of a dark set shine on the ``image`` drawn in its dark (see the module's docstring)."""
    if not scene.lighting.dark:
        return
    for tint in (WARM, COOL):
        shining = [(s, GLOWS[s.kind], _strength(s, GLOWS[s.kind], scene)) for s in scene.sources
                   if GLOWS[s.kind].tint == tint]
        glow = _glow_mask(image.size, [entry for entry in shining if entry[2] > 0])
        if glow is not None:
            box, mask = glow
            image.paste(image.crop(box).point(_brightened(tint)), box, mask)


class Painter(NamedTuple):
    """A set's drawing in world units, where its framings look and its eye level; called as the set's
    ``draw(pen, stage)``: it frames the world, paints it, lights it and returns the surfaces it offers."""

    paint: Callable[[Scene], None]
    focus: Focus
    eye: float
    has: frozenset[str] = frozenset()  # props it draws in shapes of its own (see sets.props_in)

    def __call__(self, pen: Pen, stage: SetStage) -> tuple[Surface, ...]:
        tint, pen.tint = pen.tint, _pen_tint(stage.light)
        try:
            scene = self.painted(pen, stage)
        finally:
            pen.tint = tint
        _light_up(pen.image, scene)
        return tuple(scene.surfaces)

    def painted(self, pen: Pen, stage: SetStage) -> Scene:
        """The scene after painting, before its light: what it drew, offered and stood up."""
        scene = Scene(pen, stage, self.focus, self.eye)
        self.paint(scene)
        return scene
