"""The review slate (``render --slate``): shot number, id and timecode in a box at the panel's foot."""

from __future__ import annotations

from typing import NamedTuple

from PIL import Image, ImageDraw

from storyboard.picture.surface import Box
from storyboard.picture.text import draw_text, fit_text

BOX = (0.03, 0.9, 0.5, 0.965)  # where the slate sits, of the frame
BACK = (20, 20, 22)
LETTERS = (250, 250, 246)
PAD = 0.16  # inside the box, of its height


class Slate(NamedTuple):
    """What a panel's slate says."""

    number: int
    shot_id: str
    timecode: str  # HH:MM:SS:FF of the shot's first frame

    @property
    def text(self) -> str:
        """The slate's one line."""
        return f"{self.number}  {self.shot_id}  {self.timecode}"


def timecode(frame: int, fps: int) -> str:
    """Frame ``frame`` as SMPTE non-drop timecode HH:MM:SS:FF at ``fps``."""
    seconds, frames = divmod(frame, fps)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}:{frames:02d}"


def slate_box(width: int, height: int) -> Box:
    """Where the slate is drawn in a ``width`` x ``height`` frame."""
    x0, y0, x1, y1 = BOX
    return round(x0 * width), round(y0 * height), round(x1 * width), round(y1 * height)


def draw_slate(image: Image.Image, slate: Slate) -> None:
    """Draw ``slate`` over the foot of ``image``."""
    box = slate_box(*image.size)
    draw = ImageDraw.Draw(image)
    draw.rectangle(box, fill=BACK)
    pad = max(1, round((box[3] - box[1]) * PAD))
    inner = (box[0] + pad, box[1] + pad, box[2] - pad, box[3] - pad)
    draw_text(draw, fit_text(slate.text, inner[2] - inner[0], inner[3] - inner[1], "mono"), inner, LETTERS)
