"""The hand-off commands as library functions: :func:`boards` and :func:`export` (``storyboard.api`` calls them).

Both time a loaded scene the way a render does (the same spoken lines, from
the cache when they are there, the same :class:`~storyboard.timeline.Timeline`),
then hand it to the format modules beside this one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from storyboard.errors import UsageError
from storyboard.export.folder import replaced_folder
from storyboard.model import Scene
from storyboard.outputs import atomic_write, check_outputs
from storyboard.progress import Progress, no_progress
from storyboard.render import RenderOptions, draft_size, speak, timed
from storyboard.report import overrun_warnings, report
from storyboard.timeline import Timeline

if TYPE_CHECKING:
    from storyboard.export.boards import BoardOptions

# What ``export --format`` may name, in the order they are written.
FORMATS = ("media", "stems", "otio", "fcp7", "edl", "fcpxml", "srt", "vtt", "prompts")
TIMELINE_SUFFIXES = {"otio": ".otio", "fcp7": ".xml", "edl": ".edl", "fcpxml": ".fcpxml"}
SUBTITLE_SUFFIXES = {"srt": ".srt", "vtt": ".vtt"}
PROMPTS = "prompts.json"
PAGE_NAME = re.compile(r"^page-\d+\.png$")


class Package(NamedTuple):
    """The names of an export's files, relative to its folder (SPEC: the ``export`` layout)."""

    stem: str
    movies: dict[str, str]  # shot id -> media/NN-<id>.mp4
    panels: dict[str, str]  # shot id -> media/NN-<id>.png
    voices: dict[str, str]  # speaker -> stems/dialogue-<name>.wav
    stems: dict[str, str]  # dialogue, music (and ambience, sfx when the scene has them) -> stems/<kind>.wav

    @classmethod
    def of(cls, scene: Scene, timeline: Timeline, stem: str) -> Package:
        """The layout for ``scene`` exported under the name ``stem``."""
        digits = max(2, len(str(len(scene.shots))))
        names = {clip.shot.id: f"media/{clip.index:0{digits}d}-{clip.shot.id}" for clip in timeline.video}
        speakers = dict.fromkeys(line.who for line in scene.lines)
        stems = {"dialogue": "stems/dialogue.wav", "music": "stems/music.wav"}
        if timeline.ambience:
            stems["ambience"] = "stems/ambience.wav"
        if timeline.effects:
            stems["sfx"] = "stems/sfx.wav"
        return cls(stem, {shot: f"{name}.mp4" for shot, name in names.items()},
                   {shot: f"{name}.png" for shot, name in names.items()},
                   {who: f"stems/dialogue-{name}.wav" for who, name in zip(speakers, file_names(speakers))}, stems)

    def owned(self, name: str) -> bool:
        """Whether ``name`` in the folder is something an export of this scene writes."""
        suffixes = {*TIMELINE_SUFFIXES.values(), *SUBTITLE_SUFFIXES.values(), ".json"}
        return name in {"media", "stems", PROMPTS} or any(name == self.stem + suffix for suffix in suffixes)


def file_names(names: Sequence[str]) -> list[str]:
    """Each of ``names`` as a distinct, file-safe lower-case name (letters of any script, digits, '-')."""
    result: list[str] = []
    for name in names:
        base = re.sub(r"[^\w]+", "-", name.lower()).strip("-_") or "speaker"
        candidate, number = base, 1
        while candidate in result:
            number += 1
            candidate = f"{base}-{number}"
        result.append(candidate)
    return result


class Prepared(NamedTuple):
    """A scene read and timed as a render would."""

    scene: Scene
    timeline: Timeline
    speech_keys: list[str]  # each line's cache address
    speech: list[bytes]  # each line's float32 samples, in the order of scene.lines


def prepare(scene: Scene, options: RenderOptions, progress: Progress) -> Prepared:
    """``scene`` timed with its spoken lines (synthesised, or from the cache)."""
    keys, speech = speak(scene, options, progress)
    return Prepared(scene, timed(scene, speech), keys, speech)


def export(scene: Scene, out: Path, options: RenderOptions, formats: Sequence[str] = FORMATS, stem: str = "",
           source: Path | None = None, progress: Progress = no_progress) -> tuple[dict[str, Any], list[str]]:
    """Write the editorial package of ``scene`` into the folder ``out``, whole or not at all.

    The files are named ``stem`` (default: the title, made file-safe);
    ``source`` is the scene's file, which the package may not replace.
    Returns the report written as ``<stem>.json`` and the overrun warnings.
    UsageError for an unknown format; RenderError (exit code 1) when ``out``
    is a file, holds other files, or cannot be written.
    """
    unknown = [name for name in formats if name not in FORMATS]
    if unknown:
        raise UsageError(f"unknown export format '{unknown[0]}' (known: {', '.join(FORMATS)})")
    prepared = prepare(scene, options, progress)
    timeline = prepared.timeline
    size = draft_size(scene.width, scene.height) if options.draft else (scene.width, scene.height)
    package = Package.of(scene, timeline, stem or file_names([scene.title])[0])
    root = Path(os.path.abspath(out))
    with replaced_folder(root, package.owned, source) as folder:
        files = _write_formats(prepared, package, [name for name in FORMATS if name in formats], folder, root,
                               size, options, progress)
        document = _package_report(scene, timeline, package, size, root, files)
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        atomic_write(folder / f"{package.stem}.json", text.encode())
    progress("wrote the package", 1.0)
    return document, overrun_warnings(scene, timeline)


def _write_formats(prepared: Prepared, package: Package, formats: Sequence[str], folder: Path, root: Path,
                   size: tuple[int, int], options: RenderOptions, progress: Progress) -> list[str]:
    """Write each of ``formats`` into ``folder`` (read later as ``root``); returns the files written."""
    scene, timeline = prepared.scene, prepared.timeline
    files: list[str] = []
    if "media" in formats:
        from storyboard.export.media import write_panels, write_shot_movies

        (folder / "media").mkdir()
        write_shot_movies(scene, timeline, [folder / package.movies[c.shot.id] for c in timeline.video], size, options)
        write_panels(scene, [folder / package.panels[shot.id] for shot in scene.shots], size, options)
        files += [*package.movies.values(), *package.panels.values()]
        progress("wrote each shot's media", 0.5)
    if "stems" in formats:
        from storyboard.export.stems import write_stems

        (folder / "stems").mkdir()
        write_stems(scene, timeline, prepared.speech_keys, prepared.speech,
                    {name: folder / path for name, path in package.stems.items()},
                    {who: folder / path for who, path in package.voices.items()})
        files += [*package.stems.values(), *package.voices.values()]
        progress("wrote the stems", 0.7)
    chosen = [name for name in TIMELINE_SUFFIXES if name in formats]
    if chosen:
        files += _write_timelines(prepared, package, chosen, folder, root, size)
    for name, suffix in SUBTITLE_SUFFIXES.items():
        if name in formats:
            from storyboard.export import subtitles

            lines = report(scene, timeline, *size)["lines"]
            (folder / f"{package.stem}{suffix}").write_text(getattr(subtitles, name)(lines), encoding="utf-8")
            files.append(f"{package.stem}{suffix}")
    if "prompts" in formats:
        from storyboard.export.prompts import prompt_sheet

        sheet = prompt_sheet(scene, timeline)
        (folder / PROMPTS).write_text(json.dumps(sheet, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        files.append(PROMPTS)
    return files


def _write_timelines(prepared: Prepared, package: Package, formats: Sequence[str], folder: Path, root: Path,
                     size: tuple[int, int]) -> list[str]:
    """The cut in each timeline format of ``formats``, its media where the package puts them under ``root``."""
    from storyboard.export import otio_timeline

    media = otio_timeline.Media(
        shots={shot: root / path for shot, path in package.movies.items()},
        voices={who: root / path for who, path in package.voices.items()},
        stems={kind: root / path for kind, path in package.stems.items() if kind != "dialogue"},
    )
    cut = otio_timeline.editorial_timeline(prepared.scene, prepared.timeline, media)
    writers = {"otio": otio_timeline.write_otio, "fcp7": otio_timeline.write_fcp7, "edl": otio_timeline.write_edl,
               "fcpxml": lambda timeline, path: otio_timeline.write_fcpxml(timeline, path, *size)}
    names = [f"{package.stem}{TIMELINE_SUFFIXES[name]}" for name in formats]
    for name, file in zip(formats, names):
        writers[name](cut, folder / file)
    return names


def _package_report(scene: Scene, timeline: Timeline, package: Package, size: tuple[int, int], root: Path,
                    files: Sequence[str]) -> dict[str, Any]:
    """The report (as ``plan --json`` gives it) with where each shot's media and each line's stem are."""
    document = report(scene, timeline, *size)
    for shot in document["shots"]:
        shot["media"] = {"movie": package.movies[shot["id"]], "panel": package.panels[shot["id"]]}
    for line in document["lines"]:
        line["stem"] = package.voices[line["who"]]
    ordered = {"title": document.pop("title"), "output": str(root), **document}
    ordered["stems"] = dict(package.stems)
    ordered["files"] = sorted(files)
    return ordered


class BoardsResult(NamedTuple):
    """What ``boards`` wrote: the PDF's page count, the page images, and warnings."""

    pages: int
    images: list[Path]
    warnings: list[str]


def boards(scene: Scene, out: Path, options: RenderOptions, board: BoardOptions | None = None,
           png_dir: Path | None = None, source: Path | None = None, progress: Progress = no_progress) -> BoardsResult:
    """Print the board sheets of ``scene`` as the PDF ``out`` (and one PNG per page in ``png_dir``).

    ``board`` is a :class:`~storyboard.export.boards.BoardOptions` (the
    default: A4 landscape, three panels by two); ``source`` is the scene's
    file, which is never written over. Warnings name the shots too long for
    their duration and any text the fonts cannot print.
    """
    from storyboard.export.boards import BoardOptions, board_pdf, page_images, picture_size, uncovered
    from storyboard.render import panel_image, still_jobs

    pictures_read = [Path(shot.image) for shot in scene.shots if shot.image]
    check_outputs({"the board sheets": out}, [*([source] if source is not None else []), *pictures_read])
    timeline = prepare(scene, options, progress).timeline
    size = picture_size(scene.width, scene.height)
    pictures = [panel_image(job, options) for job in still_jobs(scene, *size, options)]
    progress("drew the panels", 0.6)
    sheets = board_pdf(scene, timeline, pictures, board or BoardOptions())
    images: list[Path] = []
    if png_dir is not None:
        pages = page_images(sheets.pdf)
        digits = max(2, len(str(len(pages))))
        names = [f"page-{number:0{digits}d}.png" for number in range(1, len(pages) + 1)]
        with replaced_folder(png_dir, lambda name: bool(PAGE_NAME.match(name)), source) as folder:
            for name, page in zip(names, pages):
                (folder / name).write_bytes(page)
        images = [png_dir / name for name in names]
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out, sheets.pdf)
    progress("wrote the boards", 1.0)
    return BoardsResult(sheets.pages, images, overrun_warnings(scene, timeline) + [
        f"{scene.source}:{shot.source_line}: warning: the board fonts have no glyph for '{missing}' "
        f"(shot '{shot.id}'); it prints as a blank"
        for shot in scene.shots
        if (missing := uncovered([shot.description, shot.notes or "", *(line.say for line in shot.lines),
                                  *(line.who for line in shot.lines)]))
    ])

