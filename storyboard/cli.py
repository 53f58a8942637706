"""The ``storyboard`` command line (SPEC: render, plan, check, import, batch, boards, export): a thin layer over :mod:`storyboard.api`.

Each command is a function ``cmd_NAME(args) -> exit code`` that calls the
API and prints what it returns, and a function ``add_NAME(commands)`` that
declares its arguments; :data:`COMMANDS` lists them. What is the command
line's alone stays here: printing, the progress bar, exit codes, and the
process-wide settings a one-shot process can afford (see :func:`main` and
:mod:`storyboard.__main__`).

Exit codes: 0 done, 1 a render failed, 2 bad input or usage. Every error is
one line naming the file and line; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import json
import os
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from storyboard import __version__, api
from storyboard.errors import StoryboardError, error_message
from storyboard.outputs import check_outputs, write_together
from storyboard.progress import ProgressBar


def cmd_render(args: argparse.Namespace) -> int:
    """``storyboard render`` (with ``--watch``: again after every save)."""
    source = Path(args.scene)
    out = Path(args.output) if args.output else Path("output") / f"{source.stem}.mp4"
    bar = ProgressBar(f"render {source.name}")

    def render_once() -> str:
        try:
            report = api.render(source, out, report=args.report or True, resolution=args.resolution, fps=args.fps,
                                draft=args.draft, slate=args.slate, jobs=args.jobs, cache=not args.no_cache,
                                image_root=args.image_root, progress=bar.update, resident=args.watch, srt=args.srt)
        finally:
            bar.close()
        print_lines(report.warnings)
        return (f"wrote {out} ({report['duration']:.2f} s, {len(report['shots'])} shots) "
                f"in {report['render_seconds']:.2f} s")

    if args.watch:
        from storyboard.watch import watch

        gc.enable()  # resident: see storyboard.__main__.run
        return watch(source, render_once)
    bar.done(render_once())
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    """``storyboard plan``: the timing table, nothing rendered."""
    timing = api.plan(args.scene, resolution=args.resolution, fps=args.fps, jobs=args.jobs, cache=not args.no_cache,
                      image_root=args.image_root, panels=args.json)
    print(json.dumps(timing, indent=2) if args.json else timing.table)
    print_lines(timing.warnings)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """``storyboard check``: validate only (and flag shots too short for their lines)."""
    scene = api.load(args.scene, image_root=args.image_root)
    warnings = api.plan(scene, jobs=args.jobs, cache=not args.no_cache, panels=False).warnings
    print_lines(warnings)
    if sys.stdout.isatty():
        print(f"{args.scene}: ok, {len(scene.shots)} shots, {len(scene.lines)} lines"
              + (f", {len(warnings)} warnings" if warnings else ""))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """``storyboard import``: a prompt or screenplay as an editable shot list."""
    source = Path(args.source)
    out = Path(args.output) if args.output else None
    if out is not None:
        check_outputs({"the shot list": out}, [source])
    text = api.import_source(source).text
    if out is not None:
        write_together({out: text.encode()})
    else:
        sys.stdout.write(text)
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    """``storyboard batch``: many scenes, in parallel or on a Dask cluster."""
    gc.enable()  # many renders in one process: see storyboard.__main__.run
    bar = ProgressBar(f"batch {len(args.scenes)} scenes", total=len(args.scenes))
    try:
        summary = api.batch(args.scenes, args.out, jobs=args.jobs, client=args.scheduler, force=args.force,
                            draft=args.draft, cache=not args.no_cache, progress=lambda message, _: bar.step(message))
    finally:
        bar.close()
    print_lines(summary.warnings)
    print_lines(f"storyboard: {row['error']}" for row in summary["scenes"] if row["error"])
    bar.done(f"batch: {summary['rendered']} rendered, {summary['skipped']} skipped, {summary['failed']} failed "
             f"in {summary['wall_seconds']:.1f} s; summary in {Path(args.out).resolve() / 'batch.json'}")
    return 1 if summary["failed"] else 0


def cmd_boards(args: argparse.Namespace) -> int:
    """``storyboard boards``: the board sheets as a PDF (and PNG pages)."""
    out = Path(args.output) if args.output else Path("output") / f"{Path(args.scene).stem}-boards.pdf"
    bar = ProgressBar(f"boards {Path(args.scene).name}")
    try:
        report = api.boards(args.scene, out, png=args.png, paper=args.paper, orientation=args.orientation,
                            grid=args.grid, resolution=args.resolution, fps=args.fps, jobs=args.jobs,
                            cache=not args.no_cache, image_root=args.image_root, progress=bar.update)
    finally:
        bar.close()
    print_lines(report.warnings)
    bar.done(f"wrote {out} ({report['pages']} pages)" + (f" and {args.png}/" if args.png else ""))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """``storyboard export``: the editorial package (media, stems, timelines, subtitles, prompts, report)."""
    formats = [name.strip() for name in args.format.split(",") if name.strip()] if args.format else None
    bar = ProgressBar(f"export {Path(args.scene).name}")
    try:
        report = api.export(args.scene, args.out, formats=formats, resolution=args.resolution, fps=args.fps,
                            draft=args.draft, jobs=args.jobs, cache=not args.no_cache, image_root=args.image_root,
                            progress=bar.update)
    finally:
        bar.close()
    print_lines(report.warnings)
    bar.done(f"wrote {args.out}/ ({len(report['files']) + 1} files)")
    return 0


def print_lines(lines: Iterable[str]) -> None:
    """Each line on stderr: warnings and the errors of a batch's scenes."""
    for line in lines:
        print(line, file=sys.stderr)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")


def _image_root_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--image-root", metavar="DIR",
                        help="shots' image: paths are read from inside DIR (default: the scene's folder)")


def _size_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--resolution", help="720p | 1080p | 4k | WIDTHxHEIGHT (overrides the scene)")
    parser.add_argument("--fps", type=int, help="frames per second (overrides the scene)")
    parser.add_argument("--jobs", type=int, default=api.cores(),
                        help="worker threads and processes (default: the machine's cores, %(default)s here)")


def _render_flags(parser: argparse.ArgumentParser) -> None:
    _size_flags(parser)
    parser.add_argument("--draft", action="store_true", help="quick preview: small size, fastest settings")


Commands = argparse._SubParsersAction  # what add_parser is called on


def add_render(commands: Commands) -> None:
    render = commands.add_parser("render", help="render a scene to MP4")
    render.add_argument("scene", metavar="SCENE")
    render.add_argument("-o", "--output", metavar="OUT.mp4")
    render.add_argument("--report", metavar="FILE.json")
    render.add_argument("--watch", action="store_true",
                        help="stay running and render again each time SCENE is saved (Ctrl-C to stop)")
    render.add_argument("--slate", action="store_true", help="draw shot number, id and timecode on each panel")
    render.add_argument("--srt", action="store_true", help="also write the dialogue as subtitles, OUT.srt")
    _render_flags(render)
    _image_root_flag(render)
    _common(render)
    render.set_defaults(run=cmd_render)


def add_plan(commands: Commands) -> None:
    plan = commands.add_parser("plan", help="print the timing table; nothing is rendered")
    plan.add_argument("scene", metavar="SCENE")
    plan.add_argument("--json", action="store_true", help="the report document instead of the table")
    _render_flags(plan)
    _image_root_flag(plan)
    _common(plan)
    plan.set_defaults(run=cmd_plan)


def add_check(commands: Commands) -> None:
    check = commands.add_parser("check", help="validate a scene")
    check.add_argument("scene", metavar="SCENE")
    check.add_argument("--jobs", type=int, default=api.cores(), help=argparse.SUPPRESS)
    check.add_argument("--draft", action="store_true", help=argparse.SUPPRESS)
    _image_root_flag(check)
    _common(check)
    check.set_defaults(run=cmd_check)


def add_import(commands: Commands) -> None:
    imp = commands.add_parser("import", help="turn a prompt (.txt) or screenplay (.fountain) into a shot list")
    imp.add_argument("source", metavar="SOURCE")
    imp.add_argument("-o", "--output", metavar="SCENE.yaml")
    imp.add_argument("--debug", action="store_true", help="show tracebacks")
    imp.set_defaults(run=cmd_import)


def add_batch(commands: Commands) -> None:
    batch = commands.add_parser("batch", help="render many scenes")
    batch.add_argument("scenes", nargs="+", metavar="SCENE")
    batch.add_argument("--out", default="output", metavar="DIR")
    batch.add_argument("--jobs", type=int, default=api.cores(),
                       help="scenes rendered at once (default: the machine's cores, %(default)s here)")
    batch.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler, e.g. tcp://host:8786")
    batch.add_argument("--force", action="store_true", help="render scenes that are already up to date")
    batch.add_argument("--draft", action="store_true", help="quick previews")
    _common(batch)
    batch.set_defaults(run=cmd_batch)


def add_boards(commands: Commands) -> None:
    boards = commands.add_parser("boards", help="print the board sheets: PDF (and PNG pages)")
    boards.add_argument("scene", metavar="SCENE")
    boards.add_argument("-o", "--output", metavar="BOARDS.pdf", help="default: output/<stem>-boards.pdf")
    boards.add_argument("--png", metavar="DIR", help="also write each page as DIR/page-NN.png")
    boards.add_argument("--paper", choices=("a4", "letter"), default="a4")
    boards.add_argument("--orientation", choices=("landscape", "portrait"), default="landscape")
    boards.add_argument("--grid", metavar="COLSxROWS", help="panels a page (default 3x2 landscape, 2x3 portrait)")
    _size_flags(boards)
    _image_root_flag(boards)
    _common(boards)
    boards.set_defaults(run=cmd_boards)


def add_export(commands: Commands) -> None:
    export = commands.add_parser("export", help="write an editorial package: media, stems, timelines, subtitles")
    export.add_argument("scene", metavar="SCENE")
    export.add_argument("--out", required=True, metavar="DIR")
    export.add_argument("--format", metavar="LIST",
                        help="comma-separated: otio,fcp7,edl,fcpxml,srt,vtt,stems,media,prompts (default: all)")
    _render_flags(export)
    _image_root_flag(export)
    _common(export)
    export.set_defaults(run=cmd_export)


COMMANDS: tuple[Callable[[Commands], None], ...] = (add_render, add_plan, add_check, add_import, add_batch,
                                                     add_boards, add_export)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="storyboard", description="Shot list in, rough-cut animatic MP4 out.")
    parser.add_argument("--version", action="version", version=f"storyboard {__version__}")
    # prog given, so argparse need not build a help formatter (and import shutil) to work it out
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", prog=parser.prog)
    for add in COMMANDS:
        add(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    # storyboard never multiplies matrices, so numpy's OpenBLAS thread pool only
    # costs start-up: about 70 ms of CPU per process on two cores, taken from
    # the drawing and encoding beside it. Set before anything imports numpy;
    # worker processes inherit it.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    args = build_parser().parse_args(argv)
    if getattr(args, "jobs", 1) < 1:
        print("storyboard: --jobs must be at least 1", file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except StoryboardError as error:
        return _fail(error_message(error), error.exit_code, args.debug)
    except OSError as error:  # the disk, not the input: the render failed
        return _fail(error_message(error), 1, args.debug)
    except KeyboardInterrupt:
        print("storyboard: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: still one line unless --debug
        return _fail(f"{error_message(error)} (run with --debug for details)", 1, args.debug)


def _fail(message: str, code: int, debug: bool) -> int:
    """Print the error being handled as one line (after its traceback with ``--debug``); return ``code``."""
    if debug:
        import traceback

        traceback.print_exc()
    print(f"storyboard: {message}", file=sys.stderr)
    return code


def exit_without_teardown(code: int) -> None:
    """Exit with ``code`` once the work is done, skipping the interpreter's teardown where that is safe.

    Freeing every module and object one by one takes 10-15 ms after the film
    is written, on every render. With no thread left but this one, the exit
    handlers are all that teardown still has to run: they run, the standard
    streams are flushed, and the process ends.
    """
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: let the interpreter report it as it would
        sys.exit(code)
    os._exit(code)
