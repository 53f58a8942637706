"""``storyboard render --watch``: render, then render again each time the scene file is saved.

A director edits the shot list in one window and keeps the film open in
another. The watcher stays resident, so a re-render skips what every new
process pays before it can start (the interpreter, the imports, YAML,
Pillow, numpy): after a one-word sign edit the new film is written in well
under a tenth of a second. Only what the edit changed is redrawn, as in any
render; the film is the same, byte for byte, as ``storyboard render`` gives.

The file is polled (its inode, size and modification time) every 20 ms: no
extra dependency, no per-platform file-event API, and next to no CPU. Editors
that save by rename (a new inode) and editors that rewrite in place both
change the stamp; if a render catches a file half-written, the last write
changes the stamp again and the film is rendered once more.

Ctrl-C (SIGINT) stops the watch, even when it was started with SIGINT
ignored (as a shell starts a background job): the watcher restores it.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

from storyboard.errors import error_message

POLL_SECONDS = 0.02


def watch(source: Path, render_once: Callable[[], str]) -> int:
    """Call ``render_once`` now and after every change to ``source``, until Ctrl-C.

    Each render's summary line goes to stdout; a render that fails prints its
    one-line error to stderr and the watch goes on. Returns the exit code: 0.
    """
    signal.signal(signal.SIGINT, signal.default_int_handler)  # inherited as ignored, Ctrl-C could not stop us
    _prepare()
    stamp = _stamp(source)
    try:  # from the first render on: Ctrl-C just after a render's line must stop the watch as cleanly as any
        _attempt(render_once)
        while True:
            time.sleep(POLL_SECONDS)
            now = _stamp(source)
            if now != stamp:
                stamp = now
                _attempt(render_once)
    except KeyboardInterrupt:
        pass
    return 0


def _prepare() -> None:
    """Import the drawing code here once, so each render's drawing process starts with it."""
    import storyboard.picture  # noqa: F401


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """The file's inode, modification time and size; None while it does not exist (mid-save)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def _attempt(render_once: Callable[[], str]) -> None:
    """One render, reported in one line either way; the watch goes on whatever went wrong."""
    try:
        print(render_once(), flush=True)
    except Exception as error:
        print(f"storyboard: {error_message(error)}", file=sys.stderr, flush=True)
