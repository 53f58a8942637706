"""Contact sheets of the review set: every shot's panel, small, with what it should show.

Renders each scene with the real command line at a small size of the scene's
own shape (``storyboard render --resolution``), reads the report, decodes the
first frame of every shot from the film, and tiles them into PNG sheets with
the shot's number, id, framing, description and the report's panel facts
under each. A reviewer looks at every tile and notes what is wrong.

Usage: ``python benchmarks/review_sheets.py [--out DIR] [--columns N] [SCENE...]``
(default: the scenes in ``scenes/`` and ``scenes/review/``; ``make review``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import imageio_ffmpeg
import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
SCENES = sorted([*ROOT.glob("scenes/*.yaml"), *ROOT.glob("scenes/*.txt"), *ROOT.glob("scenes/review/*.yaml"),
                 *ROOT.glob("scenes/review/*.txt")])
AREA = 480 * 270  # pixels of one panel on the sheet, whatever its shape
ROWS = 4
CAPTION_LINES = 6
FONT = ROOT / "assets" / "fonts" / "DejaVuSansCondensed-Bold.ttf"


def small_size(width: int, height: int) -> tuple[int, int]:
    """An even size of ``AREA`` pixels with the aspect of ``width`` x ``height``."""
    scale = (AREA / (width * height)) ** 0.5
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def scene_size(scene: Path) -> tuple[int, int]:
    """The frame size the scene asks for."""
    from storyboard.sources import load_source

    loaded = load_source(scene)
    return loaded.width, loaded.height


def render(scene: Path, out: Path) -> dict:
    """Render ``scene`` small into ``out`` with the command line; its report."""
    width, height = small_size(*scene_size(scene))
    film = out / f"{scene.stem}.mp4"
    command = [sys.executable, "-m", "storyboard", "render", str(scene), "-o", str(film),
               "--resolution", f"{width}x{height}"]
    subprocess.run(command, check=True, cwd=ROOT)
    return json.loads(film.with_suffix(".json").read_text())


def first_frames(film: Path, report: dict) -> list[Image.Image]:
    """The first frame of each shot of ``film``, decoded by ffmpeg."""
    width, height, fps = report["width"], report["height"], report["fps"]
    starts = [round(shot["start"] * fps) for shot in report["shots"]]
    select = "+".join(f"eq(n\\,{n})" for n in starts)
    raw = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-i", str(film), "-vf", f"select={select}",
                          "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], capture_output=True, check=True).stdout
    frames = np.frombuffer(raw, dtype=np.uint8).reshape(-1, height, width, 3)
    return [Image.fromarray(frame) for frame in frames]


def describe(scene: Path, shot: dict, source: dict) -> str:
    """The caption under one tile: where it is from, what it should show, what the report says it shows."""
    head = f"{scene.stem} #{shot['index']} {shot['id']} ({shot['framing']})"
    lines = [head, source.get("description", "")]
    panel = shot.get("panel")
    if panel:
        cast = ", ".join(member["name"] for member in panel["cast"]) or "-"
        lines.append(f"set {panel['set']}; props {', '.join(panel['props']) or '-'}; cast {cast}")
    speakers = ", ".join(dict.fromkeys(line["who"] for line in source.get("lines", [])))
    if speakers:
        lines.append(f"speaks: {speakers}")
    return "\n".join(lines)


def source_shots(scene: Path) -> list[dict]:
    """Each shot's description and speakers as the scene states them (imported sources too)."""
    from storyboard.sources import load_source

    loaded = load_source(scene)
    return [{"description": shot.description, "lines": [{"who": line.who} for line in shot.lines if not line.off]}
            for shot in loaded.shots]


def tile(entries: list[tuple[Image.Image, str]], columns: int) -> Image.Image:
    """One sheet: each panel scaled into a cell, its caption under it."""
    font = ImageFont.truetype(str(FONT), 12)
    cell_w = max(image.width for image, _ in entries) if entries else 480
    cell_h = max(image.height for image, _ in entries) if entries else 270
    cell_w, cell_h = max(cell_w, 480), max(cell_h, 270)
    caption_h = 15 * CAPTION_LINES + 6
    rows = -(-len(entries) // columns)
    sheet = Image.new("RGB", (columns * (cell_w + 10) + 10, rows * (cell_h + caption_h + 10) + 10), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    for i, (image, caption) in enumerate(entries):
        x = 10 + (i % columns) * (cell_w + 10)
        y = 10 + (i // columns) * (cell_h + caption_h + 10)
        sheet.paste(image, (x + (cell_w - image.width) // 2, y + (cell_h - image.height) // 2))
        wrapped = [part for line in caption.split("\n") for part in textwrap.wrap(line, 78) or [""]]
        draw.multiline_text((x, y + cell_h + 3), "\n".join(wrapped[:CAPTION_LINES]), font=font, fill=(0, 0, 0), spacing=3)
    return sheet


def main() -> int:
    """Render every scene and write the sheets; prints their paths."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenes", nargs="*", type=Path, default=SCENES)
    parser.add_argument("--out", type=Path, default=ROOT / "output" / "review")
    parser.add_argument("--columns", type=int, default=3)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    entries: list[tuple[Image.Image, str]] = []
    for scene in args.scenes:
        report = render(scene, args.out)
        frames = first_frames(args.out / f"{scene.stem}.mp4", report)
        for shot, source, frame in zip(report["shots"], source_shots(scene), frames):
            entries.append((frame, describe(scene, shot, source)))
    per_sheet = args.columns * ROWS
    for number, first in enumerate(range(0, len(entries), per_sheet), start=1):
        path = args.out / f"sheet-{number:02d}.png"
        tile(entries[first : first + per_sheet], args.columns).save(path)
        print(path)
    print(f"{len(entries)} panels from {len(args.scenes)} scenes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
