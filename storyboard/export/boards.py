"""Board sheets: the film's panels printed in a grid, with what each shot says and does.

A PDF (through fpdf2) starts with a title block; then each shot is a cell of
a grid (``columns`` x ``rows`` a page): its panel, its number and id, where it
comes in (film timecode, from 00:00:00:00) and how long it lasts, its framing,
the description as action, the dialogue under each speaker's name, and the
shot's notes. Text is set in the shipped DejaVu Sans with a text shaper
(HarfBuzz), so every script the fonts cover prints, right-to-left ones
included; it is wrapped to the cell and never clipped: a row grows to hold
its longest text, and text taller than a page carries on at the top of the
next page. :func:`page_images` renders the pages as PNG (through PDFium),
so the pictures are the PDF's own pages.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, NamedTuple

from storyboard import __version__
from storyboard.model import Scene
from storyboard.timeline import LineClip, ShotClip, Timeline

if TYPE_CHECKING:
    from fpdf import FPDF
    from PIL import Image

PAPERS = {"a4": "A4", "letter": "Letter"}
ORIENTATIONS = ("landscape", "portrait")
DEFAULT_GRID = {"landscape": (3, 2), "portrait": (2, 3)}  # columns, rows
MAX_GRID = 8  # columns or rows a page
MARGIN = 10.0  # mm around the page
GUTTER = 4.0  # mm between cells
PAD = 1.8  # mm inside a cell
PICTURE_SHARE = 0.62  # at most this much of a cell's nominal height is picture
FOOTER = 6.0  # mm at the foot of each page
LINE_SPACING = 1.22  # of the font size
INDENT = 3.0  # mm: a line of dialogue under its speaker
PNG_DPI = 150
PICTURE_WIDTH = 1280  # px: panels are drawn at most this wide for the sheets
JPEG_QUALITY = 88
FIXED_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)  # the same input gives the same bytes
FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FAMILY = "DejaVu"
INK, GREY, NOTE_INK, RULE = (20, 20, 20), (95, 95, 95), (110, 40, 150), (170, 170, 170)
PT = 25.4 / 72  # mm in a point


class Style(NamedTuple):
    """How one kind of text is set: bold or not (``B``/``""``), size in points, colour."""

    weight: str
    size: float
    color: tuple[int, int, int]

    @property
    def leading(self) -> float:
        """The height of one line in mm."""
        return self.size * PT * LINE_SPACING


STYLES = {
    "title": Style("B", 16, INK),
    "info": Style("", 8.5, GREY),
    "shot": Style("B", 9, INK),
    "timing": Style("", 7.5, GREY),
    "action": Style("", 8, INK),
    "speaker": Style("B", 7.5, INK),
    "line": Style("", 8, INK),
    "note": Style("", 7.5, NOTE_INK),
    "footer": Style("", 7, GREY),
}


class BoardOptions(NamedTuple):
    """The sheet: paper, orientation and the grid of panels on each page (None: by orientation)."""

    paper: str = "a4"
    orientation: str = "landscape"
    grid: tuple[int, int] | None = None  # columns, rows

    @property
    def columns_rows(self) -> tuple[int, int]:
        """The grid's columns and rows."""
        return self.grid or DEFAULT_GRID[self.orientation]


def board_options(paper: str, orientation: str, grid: str | None) -> BoardOptions:
    """The sheet as the command line and the API name it; UsageError for an unknown paper, orientation or grid.

    ``grid`` is ``COLSxROWS`` (``3x2``), 1 to MAX_GRID of each, or None for
    the orientation's default.
    """
    from storyboard.errors import UsageError

    if paper not in PAPERS:
        raise UsageError(f"paper '{paper}' is not one of {', '.join(PAPERS)}")
    if orientation not in ORIENTATIONS:
        raise UsageError(f"orientation '{orientation}' is not one of {', '.join(ORIENTATIONS)}")
    if grid is None:
        return BoardOptions(paper, orientation)
    columns, _, rows = grid.lower().partition("x")
    if not (columns.isdigit() and rows.isdigit() and 1 <= int(columns) <= MAX_GRID and 1 <= int(rows) <= MAX_GRID):
        raise UsageError(f"grid '{grid}' is not COLSxROWS with 1 to {MAX_GRID} of each (such as 3x2)")
    return BoardOptions(paper, orientation, (int(columns), int(rows)))


class Paragraph(NamedTuple):
    """A piece of text in one style, ``indent`` mm in from the cell's text edge."""

    style: str
    text: str
    indent: float = 0.0


class TextRow(NamedTuple):
    """One set line of a cell's text."""

    style: str
    text: str
    indent: float
    align: str  # "L" or "R" (right-to-left text)


class Cell(NamedTuple):
    """One shot's cell, or what is left of it on a later page."""

    name: str  # "3  counter": what a continued cell is headed with
    picture: bytes | None  # JPEG; None once drawn
    rows: tuple[TextRow, ...]


class Geometry(NamedTuple):
    """Where things go on a page, in mm."""

    width: float
    height: float
    columns: int
    rows: int
    picture: tuple[float, float]  # width, height

    @property
    def column_width(self) -> float:
        """The width of a cell."""
        return (self.width - 2 * MARGIN - (self.columns - 1) * GUTTER) / self.columns

    @property
    def bottom(self) -> float:
        """The lowest a cell may reach."""
        return self.height - MARGIN - FOOTER

    @property
    def nominal_row(self) -> float:
        """A row's height when its text fits: the grid's share of a page."""
        return (self.bottom - MARGIN - (self.rows - 1) * GUTTER) / self.rows


class Sheets(NamedTuple):
    """The board sheets as a PDF file's bytes, and how many pages it has."""

    pdf: bytes
    pages: int


def board_pdf(scene: Scene, timeline: Timeline, pictures: Sequence[Image.Image], options: BoardOptions) -> Sheets:
    """The board sheets; ``pictures[i]`` is the panel of ``timeline.video[i]``."""
    pdf = _document(scene, options)
    geometry = _geometry(pdf, options, pictures[0].size if pictures else (16, 9))
    top = _title_block(pdf, scene, timeline)
    cells = [_cell(pdf, geometry, clip, [line for line in timeline.dialogue if line.shot_id == clip.shot.id],
                   _jpeg(picture))
             for clip, picture in zip(timeline.video, pictures)]
    for start in range(0, len(cells), geometry.columns):
        top = _place_row(pdf, geometry, cells[start : start + geometry.columns], top)
    _footers(pdf, geometry, scene.title)
    return Sheets(bytes(pdf.output()), pdf.pages_count)


def _document(scene: Scene, options: BoardOptions) -> FPDF:
    """A new PDF with the fonts, the text shaper and fixed metadata."""
    from fpdf import FPDF

    from storyboard.picture.text import FALLBACKS, FONT_DIR
    from storyboard.picture.text import FONTS as PICTURE_FONTS

    pdf = FPDF(orientation="L" if options.orientation == "landscape" else "P", unit="mm",
               format=PAPERS[options.paper])
    pdf.set_auto_page_break(False)
    pdf.set_margin(MARGIN)
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(f"{scene.title}: boards")
    pdf.set_creator(f"storyboard {__version__}")
    for weight, file in FONTS.items():
        pdf.add_font(FAMILY, weight, str(FONT_DIR / file))
    for name in FALLBACKS:  # the films' own fallbacks: Chinese, Japanese, Korean; symbols and emoji
        pdf.add_font(name, "", str(FONT_DIR / PICTURE_FONTS[name]))
    pdf.set_fallback_fonts(list(FALLBACKS), exact_match=False)
    pdf.set_text_shaping(True)
    pdf.add_page()
    return pdf


def _geometry(pdf: FPDF, options: BoardOptions, picture_size: tuple[int, int]) -> Geometry:
    """The grid on this paper: cell sizes and the picture's size in each cell."""
    columns, rows = options.columns_rows
    sized = Geometry(pdf.w, pdf.h, columns, rows, (0.0, 0.0))
    inner = sized.column_width - 2 * PAD
    aspect = picture_size[0] / picture_size[1]
    height = min(inner / aspect, sized.nominal_row * PICTURE_SHARE)
    return sized._replace(picture=(height * aspect, height))


def _title_block(pdf: FPDF, scene: Scene, timeline: Timeline) -> float:
    """The title block at the top of the first page; returns where the grid starts."""
    music = timeline.music
    info = [
        f"{scene.width}x{scene.height}, {timeline.fps} fps, {timecode(timeline.frames, timeline.fps)} "
        f"({timeline.duration:.2f} s), {len(timeline.video)} shots, {len(timeline.dialogue)} lines",
        f"Music: {music.style}, {music.start:.2f} s to {music.stop:.2f} s. "
        "Timecodes count from the film's first frame.",
    ]
    cast = [f"{name} ({character.look})" if character.look else name for name, character in scene.characters.items()]
    if cast:
        info.append("Cast: " + ", ".join(cast))
    paragraphs = [Paragraph("title", scene.title)] + [Paragraph("info", text) for text in info]
    y = MARGIN
    for row in _set(pdf, paragraphs, pdf.w - 2 * MARGIN):
        _draw_row(pdf, row, MARGIN, y, pdf.w - 2 * MARGIN)
        y += STYLES[row.style].leading
    pdf.set_draw_color(*RULE)
    pdf.line(MARGIN, y + 1.5, pdf.w - MARGIN, y + 1.5)
    return y + 1.5 + GUTTER


def _cell(pdf: FPDF, geometry: Geometry, clip: ShotClip, lines: Sequence[LineClip], picture: bytes) -> Cell:
    """A shot's cell: its picture and its text set to the cell's width."""
    shot = clip.shot
    name = f"{clip.index}  {shot.id}"
    paragraphs = [
        Paragraph("shot", name),
        Paragraph("timing", f"IN {timecode(clip.start_frame, clip.fps)}   {clip.frames / clip.fps:.2f} s "
                            f"({clip.frames} frames)   {shot.framing.upper()}"),
    ]
    if shot.description:
        paragraphs.append(Paragraph("action", shot.description))
    for line in lines:
        paragraphs += [Paragraph("speaker", speaker_label(line)), Paragraph("line", line.line.say, INDENT)]
    if shot.notes:
        paragraphs.append(Paragraph("note", f"Note: {shot.notes}"))
    return Cell(name, picture, tuple(_set(pdf, paragraphs, geometry.column_width - 2 * PAD)))


def speaker_label(line: LineClip) -> str:
    """The speaker's name as a screenplay heads a line: upper case, (O.S.) when off-screen, (PRELAP)."""
    marks = [mark for mark, on in (("(O.S.)", line.line.off), ("(PRELAP)", line.line.prelap > 0)) if on]
    return " ".join([line.line.who.upper(), *marks])


def timecode(frames: int, fps: int) -> str:
    """``HH:MM:SS:FF`` of a frame count."""
    seconds, frame = divmod(frames, fps)
    minutes, second = divmod(seconds, 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours:02d}:{minute:02d}:{second:02d}:{frame:02d}"


def _set(pdf: FPDF, paragraphs: Sequence[Paragraph], width: float) -> list[TextRow]:
    """``paragraphs`` broken into lines that fit ``width`` mm (words, else characters, never clipped)."""
    rows = []
    for paragraph in paragraphs:
        _use(pdf, paragraph.style)
        align = "R" if _right_to_left(paragraph.text) else "L"
        for text in pdf.multi_cell(width - paragraph.indent, text=paragraph.text, dry_run=True, output="LINES"):
            rows.append(TextRow(paragraph.style, text.rstrip(), paragraph.indent, align))
    return rows


def _right_to_left(text: str) -> bool:
    """Whether the first letter with a direction of its own is right-to-left (Arabic, Hebrew...)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("L", "R", "AL"):
            return direction != "L"
    return False


def _use(pdf: FPDF, style: str) -> None:
    """Set the font and colour of ``style``."""
    chosen = STYLES[style]
    pdf.set_font(FAMILY, chosen.weight, chosen.size)
    pdf.set_text_color(*chosen.color)


def _draw_row(pdf: FPDF, row: TextRow, x: float, y: float, width: float) -> None:
    """One set line at (x, y), in a box ``width`` mm wide."""
    _use(pdf, row.style)
    pdf.set_xy(x + row.indent, y)
    pdf.cell(width - row.indent, STYLES[row.style].leading, row.text, align=row.align)


def _height(cell: Cell, geometry: Geometry) -> float:
    """How tall ``cell`` is with all its text."""
    picture = geometry.picture[1] + PAD if cell.picture else 0.0
    return 2 * PAD + picture + sum(STYLES[row.style].leading for row in cell.rows)


def _place_row(pdf: FPDF, geometry: Geometry, cells: list[Cell], top: float) -> float:
    """Draw a row of cells from ``top``, on the next page if it does not fit; returns where the next row goes.

    A row taller than a whole page is drawn as far as it fits and carried on
    at the top of the next page, each cell's text where it left off.
    """
    while True:
        room = geometry.bottom - top
        needed = max(_height(cell, geometry) for cell in cells)
        if needed <= room:
            height = min(max(needed, geometry.nominal_row), room)
            _draw_cells(pdf, geometry, cells, top, height)
            return top + height + GUTTER
        if top > MARGIN and (needed <= geometry.bottom - MARGIN or room < geometry.nominal_row):
            pdf.add_page()  # a fresh page holds it, or too little room is left here to start it
            top = MARGIN
            continue
        cells = _draw_cells(pdf, geometry, cells, top, room)
        pdf.add_page()
        top = MARGIN


def _draw_cells(pdf: FPDF, geometry: Geometry, cells: Sequence[Cell], top: float, height: float) -> list[Cell]:
    """Draw ``cells`` side by side in a row ``height`` mm tall; returns what did not fit of each."""
    left_over = []
    for column, cell in enumerate(cells):
        if not (cell.picture or cell.rows):  # ended on an earlier page
            left_over.append(cell)
            continue
        x = MARGIN + column * (geometry.column_width + GUTTER)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        pdf.rect(x, top, geometry.column_width, height)
        y = top + PAD
        if cell.picture:
            offset = (geometry.column_width - geometry.picture[0]) / 2
            pdf.image(io.BytesIO(cell.picture), x + offset, y, *geometry.picture)
            y += geometry.picture[1] + PAD
        rows = list(cell.rows)
        while rows and y + STYLES[rows[0].style].leading <= top + height - PAD + 1e-6:
            _draw_row(pdf, rows[0], x + PAD, y, geometry.column_width - 2 * PAD)
            y += STYLES[rows.pop(0).style].leading
        heading = TextRow("timing", f"{cell.name} (continued)", 0.0, "L")
        left_over.append(Cell(cell.name, None, (heading, *rows) if rows else ()))
    return left_over


def _footers(pdf: FPDF, geometry: Geometry, title: str) -> None:
    """``title``, "boards" and the page number at the foot of every page."""
    pages = pdf.pages_count
    for page in range(1, pages + 1):
        pdf.page = page
        text = f"{title}  ·  boards  ·  page {page} of {pages}"
        _draw_row(pdf, TextRow("footer", text, 0.0, "L"), MARGIN, geometry.height - MARGIN - FOOTER / 2,
                  geometry.width - 2 * MARGIN)


def _jpeg(picture: Image.Image) -> bytes:
    """``picture`` as JPEG bytes, for a compact PDF."""
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


def picture_size(width: int, height: int) -> tuple[int, int]:
    """The size panels are drawn at for the sheets: the film's, or at most PICTURE_WIDTH wide (even sides)."""
    if width <= PICTURE_WIDTH:
        return width, height
    return PICTURE_WIDTH, max(2, round(height * PICTURE_WIDTH / width / 2) * 2)


def uncovered(texts: Sequence[str]) -> str:
    """The characters of ``texts`` that the sheets' fonts have no glyph for, in order of appearance."""
    cmap = _font_cmap()
    missing = dict.fromkeys(char for text in texts for char in text
                            if ord(char) not in cmap and not char.isspace() and unicodedata.category(char)[0] != "C")
    return "".join(missing)


def _font_cmap() -> frozenset[int]:
    """The code points the sheets can print: those every weight of the sheet font has, and the fallbacks'."""
    from fontTools.ttLib import TTFont

    from storyboard.picture.text import FALLBACKS, FONT_DIR
    from storyboard.picture.text import FONTS as PICTURE_FONTS

    def cmap(file: str) -> set[int]:
        return set(TTFont(FONT_DIR / file, lazy=True).getBestCmap())

    fallbacks = set().union(*(cmap(PICTURE_FONTS[name]) for name in FALLBACKS))
    return frozenset(set.intersection(*(cmap(file) for file in FONTS.values())) | fallbacks)


def page_images(pdf: bytes, dpi: int = PNG_DPI) -> list[bytes]:
    """Each page of ``pdf`` rendered as PNG bytes at ``dpi``."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for page in document:
            buffer = io.BytesIO()
            page.render(scale=dpi / 72).to_pil().save(buffer, format="PNG")
            images.append(buffer.getvalue())
        return images
    finally:
        document.close()
