"""``storyboard boards``: the sheets read back with a PDF text extractor (pypdf), as a reader's tools see them."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import run_cli
from test_export import SCENE as EXPORTED

SCENE = EXPORTED + """\
  - id: street
    duration: 2
    description: The street outside, at dawn.
"""
A4_LANDSCAPE = (841.89, 595.28)  # points
LETTER_PORTRAIT = (612, 792)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return {"STORYBOARD_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}


def make_boards(folder: Path, env: dict[str, str], text: str, *args: str) -> tuple[PdfReader, str]:
    """Write ``text`` as a scene, print its boards with ``args``; the PDF and what was said on stderr."""
    scene = folder / "scene.yaml"
    scene.write_text(text)
    result = run_cli("boards", str(scene), "-o", str(folder / "boards.pdf"), *args, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    return PdfReader(folder / "boards.pdf"), result.stderr


def page_texts(pdf: PdfReader) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


@pytest.fixture(scope="module")
def bakery(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[PdfReader, Path]:
    folder = tmp_path_factory.mktemp("bakery")
    pdf, stderr = make_boards(folder, env, SCENE, "--png", str(folder / "pages"))
    assert stderr == ""
    return pdf, folder


def test_one_panel_per_shot_with_its_number_timing_and_dialogue(bakery: tuple[PdfReader, Path]) -> None:
    pdf, _ = bakery
    text = "\n".join(page_texts(pdf))
    assert text.startswith("Hand-off\n")
    headers = re.findall(r"^(\d+)  (\S+)$", text, flags=re.MULTILINE)
    assert headers == [("1", "counter"), ("2", "tray"), ("3", "door"), ("4", "street")]
    timing = r"^IN (\d\d:\d\d:\d\d:\d\d)   (\d+\.\d\d) s \((\d+) frames\)   (\S+)$"
    timings = re.findall(timing, text, flags=re.MULTILINE)
    assert [(row[1], row[2], row[3]) for row in timings[1:]] == [
        ("1.50", "36", "INSERT"), (timings[2][1], timings[2][2], "MEDIUM"), ("2.00", "48", "WIDE")]
    assert timings[0][0] == "00:00:00:00" and timings[0][3] == "WIDE"
    assert [int(row[2]) / 24 for row in timings] == [pytest.approx(float(row[1]), abs=0.005) for row in timings]
    in_frames = [sum(int(part) * scale for part, scale in zip(row[0].split(":"), (86400, 1440, 24, 1)))
                 for row in timings]
    assert in_frames == np.cumsum([0] + [int(row[2]) for row in timings[:-1]]).tolist()  # back to back
    assert "NADIA\nOrder up!\nSAM (O.S.)\nComing!" in text and "SAM\nRight behind you & the bread." in text
    assert "Note: Hold on Nadia." in text and "A tray of fresh bread." in text
    assert pdf.pages[0].mediabox.width == pytest.approx(A4_LANDSCAPE[0], abs=0.01)


def test_png_pages_are_the_pdf_pages(bakery: tuple[PdfReader, Path]) -> None:
    pdf, folder = bakery
    pages = sorted((folder / "pages").iterdir())
    assert [page.name for page in pages] == [f"page-{n:02d}.png" for n in range(1, len(pdf.pages) + 1)]
    image = Image.open(pages[0])
    assert image.size == (1754, 1241)  # A4 landscape at 150 dpi: 1754.0 x 1240.2 px, rounded up
    pixels = np.asarray(image.convert("L"))
    assert pixels.min() < 60 and np.median(pixels) > 200  # ink on white paper


def placed(page) -> list[tuple[str, float, float]]:  # page: pypdf.PageObject
    """Each piece of text on ``page`` and where it starts (x, y in points from the bottom left)."""
    pieces: list[tuple[str, float, float]] = []
    page.extract_text(visitor_text=lambda text, cm, tm, *_: pieces.append((text.strip(), tm[4], tm[5])))
    return [piece for piece in pieces if piece[0]]


def words(count: int, prefix: str) -> str:
    return " ".join(f"{prefix}{number}" for number in range(count))


def test_long_text_flows_onto_the_next_page_and_nothing_is_clipped(tmp_path: Path, env: dict[str, str]) -> None:
    unbroken = "Supercalifragilistic" * 12
    scene = f"""\
title: Long
resolution: 320x180
shots:
  - id: talk
    description: {words(700, "d")}
    notes: {words(150, "n")}
    lines:
      - Nadia: {words(150, "w")} {unbroken}
  - id: after
    description: Short.
"""
    pdf, _ = make_boards(tmp_path, env, scene, "--grid", "2x2")
    assert len(pdf.pages) >= 2
    texts = page_texts(pdf)
    flowing = " ".join(texts).split()
    for prefix, count in (("d", 700), ("w", 150), ("n", 150)):
        assert [word for word in flowing if re.fullmatch(rf"{prefix}\d+", word)] == [
            f"{prefix}{number}" for number in range(count)]
    assert unbroken in "".join("".join(texts).split())  # broken across lines, every letter there
    assert "1  talk (continued)" in texts[1] and "2  after" in "".join(texts)
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    for page in pdf.pages:
        assert all(0 < x < width - 20 and 20 < y < height for _, x, y in placed(page))  # inside the page's margins


def test_every_script_the_fonts_cover_prints(tmp_path: Path, env: dict[str, str]) -> None:
    scene = """\
title: Scripts
resolution: 320x180
shots:
  - id: many
    description: Καλημέρα κόσμε. Привет, мир.
    notes: مرحبا بالعالم — שלום עולם
    lines:
      - Лейла: Hello.
  - id: cjk
    description: 東京の夜
  - id: devanagari
    description: नमस्ते दुनिया
"""
    pdf, stderr = make_boards(tmp_path, env, scene)
    text = page_texts(pdf)[0]
    for phrase in ("Καλημέρα κόσμε. Привет, мир.", "ЛЕЙЛА", "مرحبا بالعالم", "שלום עולם", "東京の夜"):
        assert phrase in text
    assert stderr.splitlines() == [
        f"{tmp_path / 'scene.yaml'}:11: warning: the board fonts have no glyph for 'नमस्तेदुिया' (shot 'devanagari'); "
        "it prints as a blank"]


def test_letter_portrait_and_the_grid_are_chosen(tmp_path: Path, env: dict[str, str]) -> None:
    pdf, _ = make_boards(tmp_path, env, SCENE, "--paper", "letter", "--orientation", "portrait", "--grid", "2x2")
    page = pdf.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == LETTER_PORTRAIT
    headers = [x for page in pdf.pages for text, x, _ in placed(page) if re.fullmatch(r"\d+  \S+", text)]
    assert len(headers) == 4 and len(set(headers)) == 2  # four shots in two columns


def test_the_same_scene_gives_the_same_pdf(tmp_path: Path, env: dict[str, str]) -> None:
    make_boards(tmp_path, env, SCENE)
    first = (tmp_path / "boards.pdf").read_bytes()
    make_boards(tmp_path, env, SCENE)
    assert (tmp_path / "boards.pdf").read_bytes() == first


@pytest.mark.parametrize("grid", ["3", "0x2", "9x1", "axb"])
def test_a_bad_grid_is_a_usage_error(tmp_path: Path, env: dict[str, str], grid: str) -> None:
    scene = tmp_path / "scene.yaml"
    scene.write_text(SCENE)
    result = run_cli("boards", str(scene), "-o", str(tmp_path / "b.pdf"), "--grid", grid, env=env)
    assert result.returncode == 2
    assert result.stderr == f"storyboard: grid '{grid}' is not COLSxROWS with 1 to 8 of each (such as 3x2)\n"
    assert not (tmp_path / "b.pdf").exists()


@pytest.mark.parametrize(("target", "refusal"), [
    ("the scene", "the board sheets would be written over the source"),
    ("a device", "the board sheets would be written over a device or other special file"),
    ("a folder", "the board sheets would be written over a folder"),
])
def test_boards_are_never_written_over_the_scene_a_device_or_a_folder(tmp_path: Path, env: dict[str, str],
                                                                      target: str, refusal: str) -> None:
    scene = tmp_path / "scene.yaml"
    scene.write_text("shots:\n  - description: A quiet street.\n")
    (tmp_path / "folder").mkdir()
    out = {"the scene": scene, "a device": Path("/dev/null"), "a folder": tmp_path / "folder"}[target]
    result = run_cli("boards", str(scene), "-o", str(out), env=env)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and refusal in result.stderr, result.stderr
    assert scene.read_text() == "shots:\n  - description: A quiet street.\n"
    assert Path("/dev/null").is_char_device()
