"""The Python API: what the command line does, as functions (docs/api.md).

Each function takes plain values (paths as ``str`` or ``Path``, a shot list
as a file or a dict, a :class:`~storyboard.model.Scene` from :func:`load`),
returns plain values (a report is a dict, as in its JSON file), and raises
:class:`~storyboard.errors.InputError` for input to fix and
:class:`~storyboard.errors.RenderError` for a render that failed. Nothing is
printed, nothing exits, and no setting of the process is changed, so the
functions are safe to call again and again, and from several threads on
different outputs. The command line (:mod:`storyboard.cli`) is a thin layer
over these functions.

Importing this module is cheap: the pipeline's modules (YAML, numpy, Pillow,
the speech engine) are imported by the functions that need them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

from storyboard.cache import open_cache
from storyboard.errors import InputError, RenderError, UsageError, error_message
from storyboard.progress import Progress, no_progress
from storyboard.sources import Overrides

if TYPE_CHECKING:
    from distributed import Client

    from storyboard.model import Scene
    from storyboard.render import RenderOptions

# Type aliases as strings: building typing.Union objects would cost every command's start-up (0.2 ms).
PathLike: TypeAlias = "str | os.PathLike[str]"
SceneSource: TypeAlias = "Scene | PathLike | Mapping[str, Any]"  # a loaded scene, a source file, or a dict
CacheSetting: TypeAlias = "bool | PathLike"  # True: $STORYBOARD_CACHE_DIR or ~/.cache/storyboard; False: none; or a folder
ReportSetting: TypeAlias = "bool | PathLike"  # True: beside the film, as <stem>.json; False: none; or that file


class Report(dict[str, Any]):
    """A report: the same document as its JSON file, plus the ``warnings`` that go with it.

    ``warnings`` are one line each, ``FILE:LINE: warning: ...`` (a shot too
    short for its lines, a sign with characters no font draws): the lines
    the command line prints on stderr.
    """

    def __init__(self, document: Mapping[str, Any], warnings: Iterable[str] = ()) -> None:
        super().__init__(document)
        self.warnings: tuple[str, ...] = tuple(warnings)


class Plan(Report):
    """A scene's timing: the document ``plan --json`` prints, its ``warnings``, and the ``table`` ``plan`` prints."""

    def __init__(self, document: Mapping[str, Any], warnings: Iterable[str], table: str) -> None:
        super().__init__(document, warnings)
        self.table = table


class Imported(NamedTuple):
    """A prompt or screenplay imported: the shot list as YAML ``text`` (to save and edit), and as a ``scene``."""

    text: str
    scene: Scene


def load(source: PathLike | Mapping[str, Any], *, image_root: PathLike | None = None) -> Scene:
    """The scene in ``source``, validated by the command line's rules.

    ``source`` is a file (``.yaml``, ``.yml``, ``.json``, a ``.txt`` prompt or
    a ``.fountain`` screenplay, imported on the fly) or a shot list built in
    code as a dict, with the keys of a shot-list file (docs/format.md).
    Shots' ``image:`` pictures are read from inside ``image_root`` (default:
    the file's folder; for a dict, the current folder).
    Raises InputError naming the file and line, or ``<dict>`` and the key
    path (``<dict>:shots[1].framing: ...``).
    """
    root = _image_root(image_root)
    if isinstance(source, Mapping):
        from storyboard.loader import load_data

        return load_data(source, image_root=root)
    from storyboard.sources import load_source

    return load_source(Path(source), image_root=root)


def plan(scene: SceneSource, *, resolution: str | None = None, fps: int | None = None, jobs: int | None = None,
         cache: CacheSetting = True, image_root: PathLike | None = None, panels: bool = True) -> Plan:
    """The scene's timing, nothing rendered: the facts of ``storyboard plan --json``.

    ``resolution`` (``720p``, ``1080p``, ``4k`` or ``WIDTHxHEIGHT``) and
    ``fps`` override the scene's. The lines are spoken (or taken from the
    cache) to time them, on up to ``jobs`` processes. Each shot's ``panel``
    (what its picture shows) is worked out by staging and drawing its set;
    ``panels=False`` leaves it out, for the timing alone.
    """
    from storyboard.render import panels as panel_facts
    from storyboard.render import plan as timeline_of
    from storyboard.report import add_panels, plan_table, report, warnings

    options = _options(jobs, cache, image_root=image_root)
    loaded = Overrides(resolution, fps).apply(_loaded(scene, image_root))
    timeline = timeline_of(loaded, options)
    document = report(loaded, timeline, loaded.width, loaded.height)
    if panels:
        document = add_panels(document, panel_facts(loaded, loaded.width, loaded.height, options))
    return Plan(document, warnings(loaded, timeline), plan_table(loaded, timeline))


def render(scene: SceneSource, out: PathLike, *, report: ReportSetting = True, resolution: str | None = None,
           fps: int | None = None, draft: bool = False, slate: bool = False, jobs: int | None = None,
           cache: CacheSetting = True, image_root: PathLike | None = None, progress: Progress | None = None,
           resident: bool = False, srt: bool = False) -> Report:
    """Render ``scene`` to the MP4 ``out`` and return its report (the same document as the report file).

    ``scene`` is a Scene from :func:`load`, a source file or a dict. The
    film and the report file are written atomically: a render that fails
    leaves neither. ``report`` is where the report file goes: by default
    beside the film as ``<stem>.json`` (as the command line writes it),
    ``False`` for none. ``draft`` renders a 360-line preview with the same
    timing; ``slate`` draws each shot's number, id and timecode on its panel;
    ``image_root`` is as for :func:`load`; ``jobs`` is how many processes
    speak and draw (default: the machine's cores);
    ``progress(message, fraction)`` is called as the render goes, on the
    calling thread. ``resident`` is for a program that renders again and
    again (as ``render --watch`` does): drawing stays on threads of this
    process and an encoder is kept started for the next render. ``srt``
    also writes the dialogue as subtitles beside the film (``<stem>.srt``),
    whatever the scene's ``captions`` says.

    Raises InputError for bad input and RenderError when the render fails.
    """
    from storyboard.outputs import report_beside
    from storyboard.render import render_file

    film = Path(out)
    report_path = report_beside(film) if report is True else Path(report) if report else None
    source = Path(scene) if isinstance(scene, (str, os.PathLike)) else _loaded(scene, image_root)
    options = _options(jobs, cache, draft=draft, resident=resident, slate=slate, image_root=image_root)
    try:
        document, warnings = render_file(source, film, report_path, options, Overrides(resolution, fps),
                                         progress or no_progress, subtitles=film.with_suffix(".srt") if srt else None)
    except OSError as error:  # the disk, not the input
        raise RenderError(error_message(error)) from error
    return Report(document, warnings)


def batch(scenes: Iterable[PathLike], out_dir: PathLike = "output", *, jobs: int | None = None,
          client: Client | str | None = None, force: bool = False, draft: bool = False, cache: CacheSetting = True,
          progress: Progress | None = None) -> Report:
    """Render many scene files into ``out_dir``, as ``storyboard batch`` does; returns the summary.

    Each scene becomes ``out_dir/<stem>.mp4`` and ``<stem>.json``; the
    summary is also written to ``out_dir/batch.json``. Scenes render on
    ``jobs`` local processes (default: the machine's cores), or, given a ``dask.distributed``
    ``client`` (or a scheduler's address, connected for this batch), on its
    cluster. A scene already rendered from the same bytes is ``skipped``
    unless ``force``. A scene that fails does not stop the others: its row
    says ``failed`` and gives the error. ``progress(message, fraction)`` is
    called as each scene finishes. With local processes, call this from
    under ``if __name__ == "__main__":`` (they are spawned, and import the
    main module).
    """
    from storyboard.batch import run_batch

    setting = cache if isinstance(cache, bool) else os.fspath(cache)  # a folder every worker reaches by its name
    summary, warnings = run_batch(list(scenes), Path(out_dir), _jobs(jobs), client, force, draft, setting,
                                  progress or no_progress)
    return Report(summary, warnings)


def boards(scene: SceneSource, out: PathLike, *, png: PathLike | None = None, paper: str = "a4",
           orientation: str = "landscape", grid: str | None = None, resolution: str | None = None,
           fps: int | None = None, jobs: int | None = None, cache: CacheSetting = True,
           image_root: PathLike | None = None, progress: Progress | None = None) -> Report:
    """Print the board sheets of ``scene`` as the PDF ``out``: a title block, then a grid of panels (docs/handoff.md).

    Each panel comes with its shot's number and id, timecode in, duration,
    framing, action, dialogue and notes. ``paper`` is ``a4`` or ``letter``,
    ``orientation`` ``landscape`` or ``portrait``, ``grid`` the panels a page
    as ``COLSxROWS`` (default ``3x2`` landscape, ``2x3`` portrait); ``png``
    is a folder for one PNG per page (``page-01.png``...), replaced whole;
    ``image_root`` is as for :func:`load`.
    Returns ``{"title", "output", "pages", "images"}`` and the warnings
    (shots too short for their lines, text the fonts cannot print).
    """
    from storyboard.export.boards import board_options
    from storyboard.export.handoff import boards as print_boards

    board = board_options(paper, orientation, grid)
    loaded = Overrides(resolution, fps).apply(_loaded(scene, image_root))
    try:
        result = print_boards(loaded, Path(out), _options(jobs, cache, image_root=image_root), board, Path(png) if png else None,
                              _source_file(scene), progress or no_progress)
    except OSError as error:  # the disk, not the input
        raise RenderError(error_message(error)) from error
    document = {"title": loaded.title, "output": str(out), "pages": result.pages,
                "images": [str(image) for image in result.images]}
    return Report(document, result.warnings)


def export(scene: SceneSource, out_dir: PathLike, *, formats: Iterable[str] | None = None,
           resolution: str | None = None, fps: int | None = None, draft: bool = False, jobs: int | None = None,
           cache: CacheSetting = True, image_root: PathLike | None = None, progress: Progress | None = None) -> Report:
    """Write the editorial package of ``scene`` into the folder ``out_dir`` (docs/handoff.md) and return its report.

    ``formats`` picks among ``media``, ``stems``, ``otio``, ``fcp7``, ``edl``,
    ``fcpxml``, ``srt``, ``vtt`` and ``prompts`` (default: all); the report
    ``<stem>.json`` is always written. The folder is written whole or not at
    all: into a new folder beside it, renamed over it at the end. Raises
    RenderError when ``out_dir`` is a file, holds files an export did not
    write (or the scene), or cannot be written; UsageError for an unknown
    format. ``image_root`` is as for :func:`load`.
    """
    from storyboard.export.handoff import FORMATS
    from storyboard.export.handoff import export as write_package

    loaded = Overrides(resolution, fps).apply(_loaded(scene, image_root))
    source = _source_file(scene)
    try:
        document, warnings = write_package(loaded, Path(out_dir), _options(jobs, cache, draft=draft, image_root=image_root),
                                           list(FORMATS if formats is None else formats),
                                           source.stem if source else "", source, progress or no_progress)
    except OSError as error:  # the disk, not the input
        raise RenderError(error_message(error)) from error
    return Report(document, warnings)


def import_source(path: PathLike) -> Imported:
    """A prompt (``.txt``) or screenplay (``.fountain``) as an editable shot list: its YAML text and its scene.

    Raises InputError when the file is of another kind, missing, unreadable, or holds no shot.
    """
    from storyboard.sources import import_file

    return Imported(*import_file(Path(path), str(path)))


def _source_file(scene: SceneSource) -> Path | None:
    """The file ``scene`` was given as, if it was given as one."""
    return Path(scene) if isinstance(scene, (str, os.PathLike)) else None


def _loaded(scene: SceneSource, image_root: PathLike | None = None) -> Scene:
    """``scene``, loaded unless it is a Scene already."""
    from storyboard.model import Scene

    return scene if isinstance(scene, Scene) else load(scene, image_root=image_root)


def _options(jobs: int | None, cache: CacheSetting, draft: bool = False, resident: bool = False, slate: bool = False,
             image_root: PathLike | None = None) -> RenderOptions:
    """How to render, from the API's arguments."""
    from storyboard.render import RenderOptions

    return RenderOptions(cache=open_cache(cache), jobs=_jobs(jobs), draft=draft, resident=resident, slate=slate,
                         image_root=_image_root(image_root))


def _image_root(root: PathLike | None) -> Path | None:
    """``image_root`` as a folder; InputError (named as the command line's ``--image-root``) if it is not one."""
    if root is None:
        return None
    if not Path(root).is_dir():
        raise InputError("--image-root", 0, f"'{os.fspath(root)}' is not a folder")
    return Path(root)


def cores() -> int:
    """How many cores this process may run on: the default ``jobs`` (speech, drawing and sound encoding use them all)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _jobs(jobs: int | None) -> int:
    """``jobs``, or the default; UsageError below 1."""
    if jobs is None:
        return cores()
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise UsageError(f"jobs must be a whole number of at least 1, not {jobs!r}")
    return jobs
