"""One storyboard panel: paper, set pieces by framing, depth of field, signs, border."""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from typing import NamedTuple

import zstandard
from PIL import Image, ImageDraw

from storyboard.model import FRAMINGS, Shot, Sign
from storyboard.picture.pieces import PIECES, match_pieces, pose_for, wants_depth_of_field, words_of
from storyboard.picture.pieces.stage import Anchor, Box, Stage
from storyboard.picture.signs import STYLES, resolve_style
from storyboard.picture.signs.base import SignArt
from storyboard.picture.sketch import INK, PAPER, Pen, blur_reduced, paper, seed_of
from storyboard.picture.text import draw_text, fit_text

BLUR = 0.011  # depth-of-field blur radius, of the short side
MARGIN = 0.014  # paper margin around the panel border, of the short side
BORDER = 0.004  # border width, of the short side
MIN_SIGN = 48  # px: the smallest sign art drawn (smaller cannot hold legible text)
MIN_ANCHOR = 0.12  # a set piece's sign place smaller than this (of the height) is not used
LABEL = (0.16, 0.045)  # framing label box, of the width / height

# Where signs no set piece holds go, per framing (fractions of the frame).
FREE_SLOT = {
    "wide": (0.54, 0.1, 0.95, 0.46),
    "medium": (0.52, 0.1, 0.95, 0.6),
    "close-up": (0.08, 0.1, 0.92, 0.88),
    "insert": (0.05, 0.08, 0.95, 0.92),
}


class Backdrop:
    """A panel before its signs and border: the drawn set, and where it offers sign places.

    It depends only on :attr:`stage` and the depth of field, never on what the
    signs say, so a render can keep it and redraw only the signs when a sign's
    text changes.
    """

    def __init__(self, image: Image.Image | Future[Image.Image], anchors: tuple[Anchor, ...],
                 size: tuple[int, int] | None = None) -> None:
        self._image = image
        self.anchors = anchors
        self.size = size or self.image.size  # width, height

    @property
    def image(self) -> Image.Image:
        """The drawn set (RGB); for a backdrop read by :meth:`from_bytes`, once its pixels are decoded."""
        return self._image.result() if isinstance(self._image, Future) else self._image

    def to_bytes(self) -> bytes:
        """The backdrop as bytes (anchors as JSON, pixels zstd-compressed), for a cache.

        zstd at level 1 stores a 1080p backdrop in 5-10 ms and loads it in
        3-5 ms; zlib took 25-55 ms and 12-33 ms, on the path of every sign edit.
        """
        header = json.dumps([self.image.size, [[sorted(a.styles), list(a.box)] for a in self.anchors]]).encode()
        return len(header).to_bytes(4, "little") + header + zstandard.ZstdCompressor(level=1).compress(self.image.tobytes())

    @classmethod
    def from_bytes(cls, data: bytes) -> Backdrop:
        """The backdrop that :meth:`to_bytes` stored.

        The anchors are read now and the pixels decoded on a thread of their
        own (zstd and Pillow let go of the interpreter lock), so the signs can
        be drawn meanwhile: 10 ms off a sign edit at 1080p.
        """
        size = int.from_bytes(data[:4], "little")
        (width, height), anchors = json.loads(data[4 : 4 + size])
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
        return cls(pixels, tuple(Anchor(frozenset(styles), tuple(box)) for styles, box in anchors), (width, height))


class Panel(NamedTuple):
    """A drawn panel and, in the shot's sign order, the pixel box of each sign's text."""

    image: Image.Image  # RGB, exactly width x height
    sign_boxes: tuple[tuple[int, int, int, int], ...]


def _stage(shot: Shot, width: int, height: int, styles: list[str]) -> Stage:
    """What to draw: the pieces the words call for, minus a figure a sign would hide."""
    words = words_of(shot.description)
    sign_subject = shot.framing in ("close-up", "insert") and bool(styles)
    pieces = tuple(p for p in match_pieces(words) if not (sign_subject and p == "figure"))
    return Stage(width, height, shot.framing, pieces, pose_for(words), sign_subject)


def _draw_pieces(image: Image.Image, stage: Stage, blur: bool, rng: random.Random) -> tuple[Image.Image, list[Anchor]]:
    """Draw the set pieces back to front, blurring what lies behind the subject when ``blur``."""
    subject = 3 if stage.sign_subject else max(PIECES[name].depth for name in stage.pieces)
    anchors: list[Anchor] = []
    pen = Pen(image, rng)
    for name in stage.pieces:
        if blur and PIECES[name].depth >= subject:
            image, blur = blur_reduced(image, BLUR * min(image.size)), False
            pen = Pen(image, rng)
        anchors.extend(PIECES[name].draw(pen, stage))
    if blur:
        image = blur_reduced(image, BLUR * min(image.size))
    return image, anchors


def _fit_aspect(slot: Box, aspect: float) -> Box:
    """The largest box of ``aspect`` (width / height) centred in ``slot``."""
    w, h = slot[2] - slot[0], slot[3] - slot[1]
    w, h = min(w, round(h * aspect)), min(h, round(w / aspect))
    left, top = slot[0] + (slot[2] - slot[0] - w) // 2, slot[1] + (slot[3] - slot[1] - h) // 2
    return left, top, left + w, top + h


def _split(slot: Box, count: int) -> list[Box]:
    """``slot`` cut into ``count`` equal parts along its longer side."""
    x0, y0, x1, y1 = slot
    if x1 - x0 >= y1 - y0:
        step = (x1 - x0) / count
        return [(round(x0 + i * step), y0, round(x0 + (i + 1) * step), y1) for i in range(count)]
    step = (y1 - y0) / count
    return [(x0, round(y0 + i * step), x1, round(y0 + (i + 1) * step)) for i in range(count)]


def _inside(box: Box, stage: Stage) -> bool:
    """Whether ``box`` lies within the frame; a placard's stick may run off the bottom."""
    overhang = box[3] - stage.height
    return box[0] >= 0 and box[1] >= 0 and box[2] <= stage.width and overhang <= (box[3] - box[1]) * 0.1


def _carve(slot: Box, taken: list[Box]) -> Box:
    """The largest part of ``slot`` above, below, left or right of every ``taken`` box."""
    for t in taken:
        if t[0] < slot[2] and slot[0] < t[2] and t[1] < slot[3] and slot[1] < t[3]:
            parts = [(slot[0], slot[1], slot[2], t[1]), (slot[0], t[3], slot[2], slot[3]),
                     (slot[0], slot[1], t[0], slot[3]), (t[2], slot[1], slot[2], slot[3])]
            slot = max(parts, key=lambda b: max(0, b[2] - b[0]) * max(0, b[3] - b[1]))
    return slot


def _sign_slots(styles: list[str], stage: Stage, anchors: list[Anchor]) -> list[Box]:
    """Where each sign goes: an anchor a piece offers for its style, else a share of the free slot."""
    slots: list[Box | None] = []
    min_height = stage.height * MIN_ANCHOR
    free = [a for a in anchors if a.box[3] - a.box[1] >= min_height and _inside(a.box, stage)]
    for style in styles:
        anchor = next((a for a in free if style in a.styles), None)
        if anchor is not None:
            free.remove(anchor)
        slots.append(anchor.box if anchor else None)
    taken = [slot for slot in slots if slot is not None]
    shares = iter(_split(_carve(stage.box(*FREE_SLOT[stage.framing]), taken), max(1, slots.count(None))))
    return [slot if slot is not None else next(shares) for slot in slots]


class PlacedSign(NamedTuple):
    """A sign's art and the frame position of its top-left corner."""

    art: SignArt
    left: int
    top: int

    @property
    def box(self) -> Box:
        """Where the art lies in the frame: the only pixels it changes."""
        return self.left, self.top, self.left + self.art.image.width, self.top + self.art.image.height

    @property
    def text_box(self) -> Box:
        """Where the sign's text lies in the frame."""
        x0, y0, x1, y1 = self.art.text_box
        return x0 + self.left, y0 + self.top, x1 + self.left, y1 + self.top


def place_signs(shot: Shot, width: int, height: int, anchors: Sequence[Anchor]) -> tuple[PlacedSign, ...]:
    """Draw the shot's signs, each placed where the backdrop's ``anchors`` (or the free slot) put it."""
    styles = _styles(shot)
    slots = _sign_slots(styles, _stage(shot, width, height, styles), list(anchors))
    return tuple(_draw_sign(sign, style, slot) for sign, style, slot in zip(shot.signs, styles, slots))


def _draw_sign(sign: Sign, style: str, slot: Box) -> PlacedSign:
    """Draw ``sign`` in ``style``, placed centred in ``slot``."""
    kind = STYLES[style]
    box = _fit_aspect(slot, kind.aspect)
    if box[3] - box[1] < MIN_SIGN:  # too small to draw: grow about its centre
        cx, cy = (box[0] + box[2]) // 2, (box[1] + box[3]) // 2
        box = _fit_aspect((cx - MIN_SIGN * 4, cy - MIN_SIGN // 2, cx + MIN_SIGN * 4, cy + MIN_SIGN // 2), kind.aspect)
    rng = random.Random(seed_of("sign", style, sign.icon or ""))  # the same object whatever it says
    art = kind.render(box[2] - box[0], box[3] - box[1], sign.text, sign.icon, rng)
    return PlacedSign(art, (box[0] + box[2] - art.image.width) // 2, (box[1] + box[3] - art.image.height) // 2)


def _frame(image: Image.Image, framing: str) -> None:
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


def _check_framing(shot: Shot) -> None:
    if shot.framing not in FRAMINGS:
        raise ValueError(f"unknown framing {shot.framing!r}; known framings: {', '.join(FRAMINGS)}")


def _styles(shot: Shot) -> list[str]:
    return [resolve_style(sign.style, shot.description) for sign in shot.signs]


def backdrop_key(shot: Shot, width: int, height: int) -> tuple[object, ...]:
    """Everything the shot's backdrop depends on: what the words mean to the picture, and the size."""
    _check_framing(shot)
    stage = _stage(shot, width, height, _styles(shot))
    return (*stage, wants_depth_of_field(shot.description))


def draw_backdrop(shot: Shot, width: int, height: int) -> Backdrop:
    """Draw the panel's paper and set pieces, blurred where the description asks for depth of field."""
    _check_framing(shot)
    stage = _stage(shot, width, height, _styles(shot))
    blur = wants_depth_of_field(shot.description)
    # Seeded from what the description means to the picture, not its wording.
    seed = seed_of("panel", stage.framing, *stage.pieces, stage.pose, str(stage.sign_subject), str(blur))
    image, anchors = _draw_pieces(paper(width, height), stage, blur, random.Random(seed))
    return Backdrop(image, tuple(anchors))


def draw_panel(shot: Shot, width: int, height: int, backdrop: Backdrop | None = None, reuse: bool = False,
               signs: Sequence[PlacedSign] | None = None) -> Panel:
    """Draw the storyboard panel for one shot (on ``backdrop`` and with ``signs``, if they were drawn before).

    With ``reuse`` the signs are drawn on the backdrop's own image rather than
    a copy (8 MB at 1080p), which leaves the backdrop used up. The picture
    depends only on the shot's description, framing and signs and on the size:
    the same input gives the same pixels in any process; each sign changes
    only the pixels of its :attr:`PlacedSign.box`. Raises ValueError for an
    unknown framing, sign style or icon.
    """
    backdrop = backdrop or draw_backdrop(shot, width, height)
    # The signs are drawn before the backdrop's image is first asked for: a
    # backdrop from the cache is still decoding on its own thread.
    signs = place_signs(shot, width, height, backdrop.anchors) if signs is None else signs
    image = backdrop.image if reuse else backdrop.image.copy()
    for placed in signs:
        image.paste(placed.art.image, (placed.left, placed.top), placed.art.image)
    _frame(image, shot.framing)
    return Panel(image, tuple(placed.text_box for placed in signs))
