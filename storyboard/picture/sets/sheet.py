"""Contact sheets of every set and prop, to look at what they draw.

``python -m storyboard.picture.sets.sheet DIRECTORY`` writes ``sets.png`` (a
row per set: wide, medium, close-up and insert by day, the wide at night and
with the lights out, and a vertical wide) and ``props.png`` (every prop in a
box of its own shape), each cell labelled. Seeds come from the names, so the
sheets are the same on every run.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw

from storyboard.picture.props import PROPS
from storyboard.picture.sets import SETS, Light, SetStage
from storyboard.picture.sketch import Pen, paper, seed_of

CELL = (384, 216)  # a set cell, pixels
PROP_CELL = 200  # a prop cell's side, pixels
PROP_COLUMNS = 10
GAP = 4  # white between cells
LABEL = (200, 30, 30)
DAY, NIGHT, LIGHTS_OUT = Light(), Light("night", True), Light("night", True, False)
SET_CELLS = (("wide", DAY, False), ("medium", DAY, False), ("close-up", DAY, False), ("insert", DAY, False),
             ("wide", NIGHT, False), ("wide", LIGHTS_OUT, False), ("wide", DAY, True))


def draw_set(name: str, width: int, height: int, framing: str, light: Light) -> Image.Image:
    """Set ``name`` drawn alone on paper, as a panel would draw it."""
    image = paper(width, height)
    SETS[name].draw(Pen(image, random.Random(seed_of(name, framing))), SetStage(width, height, framing, light, seed_of(name)))
    return image


def draw_prop(name: str, side: int) -> Image.Image:
    """Prop ``name`` drawn alone on a square of paper, as large as its shape allows."""
    image = paper(side, side)
    aspect, margin = PROPS[name].aspect, side * 0.12
    room = side - 2 * margin
    width, height = min(room, room * aspect), min(room, room / aspect)
    left, top = (side - width) / 2, (side - height) / 2 - margin * 0.3
    PROPS[name].draw(Pen(image, random.Random(seed_of(name))),
                     (round(left), round(top), round(left + width), round(top + height)))
    return image


def _label(image: Image.Image, text: str) -> Image.Image:
    """``image`` with ``text`` written in its top left corner."""
    ImageDraw.Draw(image).text((4, 2), text, fill=LABEL)
    return image


def sets_sheet() -> Image.Image:
    """Every set, a row each (see the module's docstring)."""
    width, height = CELL
    vertical = (height * 9 // 16, height)
    row_width = (width + GAP) * (len(SET_CELLS) - 1) + vertical[0]
    sheet = Image.new("RGB", (row_width, (height + GAP) * len(SETS)), "white")
    for row, name in enumerate(SETS):
        x = 0
        for framing, light, upright in SET_CELLS:
            size = vertical if upright else CELL
            cell = draw_set(name, *size, framing, light)
            night = "" if not light.dark else (" night" if light.lamps else " lights out")
            sheet.paste(_label(cell, f"{name}: {framing}{night}"), (x, row * (height + GAP)))
            x += size[0] + GAP
    return sheet


def props_sheet() -> Image.Image:
    """Every prop, in rows of :data:`PROP_COLUMNS`."""
    rows = -(-len(PROPS) // PROP_COLUMNS)
    step = PROP_CELL + GAP
    sheet = Image.new("RGB", (step * PROP_COLUMNS, step * rows), "white")
    for i, name in enumerate(PROPS):
        sheet.paste(_label(draw_prop(name, PROP_CELL), name), ((i % PROP_COLUMNS) * step, (i // PROP_COLUMNS) * step))
    return sheet


def write_sheets(directory: Path) -> tuple[Path, Path]:
    """Write ``sets.png`` and ``props.png`` into ``directory``; returns their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = directory / "sets.png", directory / "props.png"
    sets_sheet().save(paths[0])
    props_sheet().save(paths[1])
    return paths


if __name__ == "__main__":
    for path in write_sheets(Path(sys.argv[1] if len(sys.argv) > 1 else "output/sheets")):
        print(path)
