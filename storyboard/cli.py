"""The ``storyboard`` command line (SPEC: render, plan, check, import, batch).

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
from pathlib import Path

from storyboard import __version__
from storyboard.cache import Cache, atomic_write, default_cache_dir
from storyboard.errors import InputError, StoryboardError, error_message
from storyboard.progress import ProgressBar
from storyboard.sources import IMPORT_SUFFIXES, Overrides, load_source


def overrides(args: argparse.Namespace) -> Overrides:
    """``--resolution`` / ``--fps`` from the command line."""
    return Overrides(resolution=getattr(args, "resolution", None), fps=getattr(args, "fps", None))


def render_options(args: argparse.Namespace):  # -> RenderOptions, imported lazily
    """Render options from the command line."""
    from storyboard.render import RenderOptions

    cache = Cache(None if args.no_cache else default_cache_dir())
    return RenderOptions(cache=cache, jobs=args.jobs, draft=args.draft, resident=getattr(args, "watch", False))


def cmd_render(args: argparse.Namespace) -> int:
    """``storyboard render`` (with ``--watch``: again after every save)."""
    from storyboard.render import render_file

    source = Path(args.scene)
    out = Path(args.output) if args.output else Path("output") / f"{source.stem}.mp4"
    report_path = Path(args.report) if args.report else out.with_suffix(".json")
    options = render_options(args)
    bar = ProgressBar(f"render {source.name}")

    def render_once() -> str:
        try:
            document, warnings = render_file(source, out, report_path, options, overrides(args), bar.update)
        finally:
            bar.close()
        for warning in warnings:
            print(warning, file=sys.stderr)
        if args.srt:
            from storyboard.export.subtitles import srt

            atomic_write(out.with_suffix(".srt"), srt(document["lines"]).encode())
        return (f"wrote {out} ({document['duration']:.2f} s, {len(document['shots'])} shots) "
                f"in {document['render_seconds']:.2f} s")

    if args.watch:
        from storyboard.watch import watch

        gc.enable()  # resident: see storyboard.__main__.run
        return watch(source, render_once)
    bar.done(render_once())
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    """``storyboard plan``: the timing table, nothing rendered."""
    from storyboard.render import plan
    from storyboard.report import overrun_warnings, plan_table, report

    scene = overrides(args).apply(load_source(Path(args.scene)))
    timeline = plan(scene, render_options(args))
    if args.json:
        print(json.dumps(report(scene, timeline, scene.width, scene.height), indent=2))
    else:
        print(plan_table(scene, timeline))
    for warning in overrun_warnings(scene, timeline):
        print(warning, file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """``storyboard check``: validate only (and flag shots too short for their lines)."""
    from storyboard.render import plan
    from storyboard.report import overrun_warnings

    scene = load_source(Path(args.scene))
    warnings = overrun_warnings(scene, plan(scene, render_options(args)))
    for warning in warnings:
        print(warning, file=sys.stderr)
    if sys.stdout.isatty():
        print(f"{args.scene}: ok, {len(scene.shots)} shots, {len(scene.lines)} lines"
              + (f", {len(warnings)} warnings" if warnings else ""))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """``storyboard import``: a prompt or screenplay as an editable shot list."""
    from storyboard.importers import import_source

    source = Path(args.source)
    if not source.is_file():
        raise InputError(str(source), 0, "no such file")
    if source.suffix.lower() not in IMPORT_SUFFIXES:
        raise InputError(str(source), 0, "import reads a prompt (.txt) or a screenplay (.fountain)")
    text = import_source(source)
    if args.output:
        out = Path(args.output)
        out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(out, text.encode())
    else:
        sys.stdout.write(text)
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    """``storyboard batch``: many scenes, in parallel or on a Dask cluster."""
    from storyboard.batch import run_batch

    gc.enable()  # many renders in one process: see storyboard.__main__.run
    return run_batch(
        [Path(scene) for scene in args.scenes],
        out_dir=Path(args.out),
        jobs=args.jobs,
        scheduler=args.scheduler,
        force=args.force,
        draft=args.draft,
        use_cache=not args.no_cache,
    )


def cmd_boards(args: argparse.Namespace) -> int:
    """``storyboard boards``: the board sheets as a PDF (and PNG pages)."""
    from storyboard.export.boards import BoardOptions, parse_grid
    from storyboard.export.handoff import boards

    source = Path(args.scene)
    out = Path(args.output) if args.output else Path("output") / f"{source.stem}-boards.pdf"
    grid = parse_grid(args.grid) if args.grid else None
    board = BoardOptions(paper=args.paper, orientation=args.orientation, grid=grid)
    bar = ProgressBar(f"boards {source.name}")
    try:
        result = boards(source, out, render_options(args), board, Path(args.png) if args.png else None,
                        overrides(args), bar.update)
    finally:
        bar.close()
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    bar.done(f"wrote {out} ({result.pages} pages)" + (f" and {len(result.images)} PNG pages" if result.images else ""))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """``storyboard export``: the editorial package (media, stems, timelines, subtitles, prompts, report)."""
    from storyboard.export.handoff import FORMATS, export

    source = Path(args.scene)
    formats = [name.strip() for name in args.format.split(",") if name.strip()] if args.format else list(FORMATS)
    bar = ProgressBar(f"export {source.name}")
    try:
        document, warnings = export(source, Path(args.out), render_options(args), formats, overrides(args), bar.update)
    finally:
        bar.close()
    for warning in warnings:
        print(warning, file=sys.stderr)
    bar.done(f"wrote {args.out} ({len(document['files']) + 1} files)")
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")


def _render_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--resolution", help="720p | 1080p | 4k | WIDTHxHEIGHT (overrides the scene)")
    parser.add_argument("--fps", type=int, help="frames per second (overrides the scene)")
    parser.add_argument("--jobs", type=int, default=2, help="worker threads and processes (default 2)")
    parser.add_argument("--draft", action="store_true", help="quick preview: small size, fastest settings")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="storyboard", description="Shot list in, rough-cut animatic MP4 out.")
    parser.add_argument("--version", action="version", version=f"storyboard {__version__}")
    # prog given, so argparse need not build a help formatter (and import shutil) to work it out
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", prog=parser.prog)

    render = commands.add_parser("render", help="render a scene to MP4")
    render.add_argument("scene", metavar="SCENE")
    render.add_argument("-o", "--output", metavar="OUT.mp4")
    render.add_argument("--report", metavar="FILE.json")
    render.add_argument("--watch", action="store_true",
                        help="stay running and render again each time SCENE is saved (Ctrl-C to stop)")
    render.add_argument("--srt", action="store_true", help="also write the dialogue as OUT.srt beside the film")
    _render_flags(render)
    _common(render)
    render.set_defaults(run=cmd_render)

    plan = commands.add_parser("plan", help="print the timing table; nothing is rendered")
    plan.add_argument("scene", metavar="SCENE")
    plan.add_argument("--json", action="store_true", help="the report document instead of the table")
    _render_flags(plan)
    _common(plan)
    plan.set_defaults(run=cmd_plan)

    check = commands.add_parser("check", help="validate a scene")
    check.add_argument("scene", metavar="SCENE")
    check.add_argument("--jobs", type=int, default=2, help=argparse.SUPPRESS)
    check.add_argument("--draft", action="store_true", help=argparse.SUPPRESS)
    _common(check)
    check.set_defaults(run=cmd_check)

    imp = commands.add_parser("import", help="turn a prompt (.txt) or screenplay (.fountain) into a shot list")
    imp.add_argument("source", metavar="SOURCE")
    imp.add_argument("-o", "--output", metavar="SCENE.yaml")
    imp.add_argument("--debug", action="store_true", help="show tracebacks")
    imp.set_defaults(run=cmd_import)

    boards = commands.add_parser("boards", help="print the board sheets: PDF (and PNG pages)")
    boards.add_argument("scene", metavar="SCENE")
    boards.add_argument("-o", "--output", metavar="BOARDS.pdf")
    boards.add_argument("--png", metavar="DIR", help="also write each page as DIR/page-NN.png")
    boards.add_argument("--paper", choices=("a4", "letter"), default="a4")
    boards.add_argument("--orientation", choices=("landscape", "portrait"), default="landscape")
    boards.add_argument("--grid", metavar="COLSxROWS",
                        help="panels a page (default 3x2 landscape, 2x3 portrait)")
    _render_flags(boards)
    _common(boards)
    boards.set_defaults(run=cmd_boards)

    export = commands.add_parser("export", help="write an editorial package: media, stems, timelines, subtitles")
    export.add_argument("scene", metavar="SCENE")
    export.add_argument("--out", required=True, metavar="DIR")
    export.add_argument("--format", metavar="LIST",
                        help="comma-separated: otio,fcp7,edl,fcpxml,srt,vtt,stems,media,prompts (default: all)")
    _render_flags(export)
    _common(export)
    export.set_defaults(run=cmd_export)

    batch = commands.add_parser("batch", help="render many scenes")
    batch.add_argument("scenes", nargs="+", metavar="SCENE")
    batch.add_argument("--out", default="output", metavar="DIR")
    batch.add_argument("--jobs", type=int, default=2, help="scenes rendered at once (default 2)")
    batch.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler, e.g. tcp://host:8786")
    batch.add_argument("--force", action="store_true", help="render scenes that are already up to date")
    batch.add_argument("--draft", action="store_true", help="quick previews")
    _common(batch)
    batch.set_defaults(run=cmd_batch)
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
        return _fail(str(error), error.exit_code, args.debug)
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
