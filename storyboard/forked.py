"""A worker process forked early, for work that should not share our interpreter lock.

Drawing is Python and Pillow work that holds the GIL much of the time. A
render forks this worker as soon as it knows it must render (before it has
even read the scene), so the worker imports Pillow and the drawing code while
this process loads the scene; then it draws and encodes the stills it is
sent on its own threads, beside the speech and the mix here, and sends each
result back over a pipe as it is done.

Fork is used only where it is safe and cheap: on Linux, from a process that
has no other threads yet. Elsewhere (macOS, Windows, inside a Dask worker),
and in a resident ``--watch`` that has Pillow loaded already, :func:`workers`
runs the same work on threads here, with the same results.

A child whose parent was killed stops at its next result (the pipe is
broken), and :func:`die_with_parent` makes any worker end with its parent.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import BinaryIO

from storyboard.errors import RenderError, error_message

_HEAD = struct.Struct("<IBQ")  # job number, status, payload length
_DONE, _FAILED = 0, 1
PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_POLL_SECONDS = 0.5  # where the kernel cannot tell a child that its parent died


def die_with_parent(parent: int) -> None:
    """End this process as soon as process ``parent`` ends (a worker must not outlive a killed ``batch``).

    On Linux the kernel sends SIGKILL when the parent dies (``PR_SET_PDEATHSIG``);
    elsewhere on POSIX a daemon thread watches for the parent to change. A
    parent already gone by now ends this process at once.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    elif os.name == "posix":
        threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()
    if os.name == "posix" and os.getppid() != parent:
        os._exit(1)


def _watch_parent(parent: int) -> None:
    """Exit the process once its parent is no longer ``parent`` (it died; the process was adopted)."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def can_fork() -> bool:
    """Whether forking this process now is safe: Linux, and no thread but this one.

    Threads a library started outside Python count too (numpy's OpenBLAS
    pool, say, in a program that calls the API): the kernel's list of the
    process's threads is asked, as Python itself does before it warns
    about a fork.
    """
    if not (sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: Python's own count is all there is
        return True


Submit = Callable[[Sequence[tuple]], "list[Future[bytes]]"]


@contextlib.contextmanager
def workers(work: Callable[..., bytes], threads: int, prepare: Callable[[], None],
            fork: bool = True) -> Iterator[Submit]:
    """A ``submit(jobs)`` that runs ``work(*args)`` for each ``args`` of ``jobs`` and returns their Futures.

    Call it once, with all the work. The work runs on ``threads`` threads of
    a :class:`Worker` forked now (``prepare`` runs there first) when ``fork``
    and :func:`can_fork`, else on threads here.
    """
    if fork and can_fork():
        with Worker(work, threads, prepare) as worker:
            yield worker.submit
    else:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            yield lambda jobs: [pool.submit(work, *args) for args in jobs]


class Worker:
    """A forked child that runs ``work(*args)`` for each job :meth:`submit` sends, on ``threads`` threads.

    ``prepare`` runs in the child first (imports, say). Use it as a context
    manager: leaving the block waits for the child to finish its jobs and
    exit; a child that was given no work, or a block left by an exception,
    is killed instead.
    """

    def __init__(self, work: Callable[..., bytes], threads: int, prepare: Callable[[], None]) -> None:
        self._futures: list[Future[bytes]] = []
        jobs_read, jobs_write = os.pipe()
        results_read, results_write = os.pipe()
        # Objects made before the fork are left out of garbage collection until
        # the child is done: a collection walks every object and writes to it,
        # so each process would copy the pages it shares with the other (the
        # child's imports ran 40 % slower).
        # A program that froze objects of its own keeps them frozen: then this is skipped.
        self._freezes = gc.get_freeze_count() == 0
        if self._freezes:
            gc.freeze()
        self._pid = os.fork()
        if self._pid == 0:  # the child: never returns
            os.close(jobs_write)
            os.close(results_read)
            _serve(work, threads, prepare, jobs_read, results_write)
        os.close(jobs_read)
        os.close(results_write)
        self._jobs = os.fdopen(jobs_write, "wb")
        self._reader = threading.Thread(target=self._collect, args=(os.fdopen(results_read, "rb"),), daemon=True)
        self._reader.start()

    def submit(self, jobs: Sequence[tuple]) -> list[Future[bytes]]:
        """Send every job (each the arguments of one ``work`` call); their Futures resolve as the child answers.

        There is no more work after these: the child exits when it has done
        them, while this process goes on with what it has to do.
        """
        self._futures = [Future() for _ in jobs]
        for number, args in enumerate(jobs):
            body = pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL)
            self._jobs.write(_HEAD.pack(number, _DONE, len(body)) + body)
        with contextlib.suppress(BrokenPipeError):
            self._jobs.close()
        return self._futures

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is not None or not self._futures:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, 9)
        with contextlib.suppress(BrokenPipeError):
            self._jobs.close()  # no more work (if submit was not called): the child exits
        self._reader.join()
        os.waitpid(self._pid, 0)
        if self._freezes:
            gc.unfreeze()

    def _collect(self, stream: BinaryIO) -> None:
        """Resolve each job's Future as its result arrives; fail the rest if the child stops early."""
        with stream:
            while (head := stream.read(_HEAD.size)) and len(head) == _HEAD.size:
                number, status, size = _HEAD.unpack(head)
                payload = stream.read(size)
                if status == _DONE and len(payload) == size:
                    self._futures[number].set_result(payload)
                else:
                    message = payload.decode(errors="replace") or "the drawing process failed"
                    self._futures[number].set_exception(RenderError(message))
        for future in self._futures:
            if not future.done():
                future.set_exception(RenderError("the drawing process stopped before it finished"))


def _serve(work: Callable[..., bytes], threads: int, prepare: Callable[[], None], jobs_fd: int,
           results_fd: int) -> None:
    """In the child: run each job as it arrives, write each result when done, exit without the parent's cleanup."""
    code = 0
    try:
        prepare()
        lock = threading.Lock()
        with os.fdopen(jobs_fd, "rb") as jobs, os.fdopen(results_fd, "wb") as out:

            def run(number: int, args: tuple) -> None:
                try:
                    payload, status = work(*args), _DONE
                except Exception as error:  # reported to the parent, which raises it
                    payload, status = error_message(error).encode(), _FAILED
                try:
                    with lock:
                        out.write(_HEAD.pack(number, status, len(payload)) + payload)
                        out.flush()
                except OSError:  # the parent is gone (killed): nobody wants the rest of the work
                    os._exit(1)

            with ThreadPoolExecutor(max_workers=threads) as pool:
                while (head := jobs.read(_HEAD.size)) and len(head) == _HEAD.size:
                    number, _, size = _HEAD.unpack(head)
                    pool.submit(run, number, pickle.loads(jobs.read(size)))
    except BaseException:  # the parent sees the missing results
        code = 1
    finally:
        os._exit(code)
