"""``storyboard batch``: many scenes, rendered in worker processes or on a Dask cluster.

One code path, two executors. Each scene is a :class:`Task` handed to
:func:`render_one` through a :class:`concurrent.futures.Executor`: locally
:class:`LocalWorkers`, worker processes that are *spawned* (forking after the
speech engine was loaded hangs), on a cluster the executor of a
``distributed.Client`` (the API's ``client``, the CLI's ``--scheduler``).
Results are gathered with :func:`concurrent.futures.as_completed` either way,
so progress and the summary ``DIR/batch.json`` are the same code. Nothing
here prints: :func:`run_batch` returns the summary and the warnings. A worker
that dies (killed, out of memory) loses only the scene it was rendering,
which fails; the others go on (on Dask, the scheduler gives the scene to
another worker).

Up-to-date skip: a scene's fingerprint is a hash of its source bytes, the
tool version and the ``--draft`` option (the source fixes resolution and fps).
After a scene's MP4 and report are written, the fingerprint and a hash of the
MP4 and the report as written go to the sidecar ``DIR/.<stem>.fingerprint``;
the sidecar is removed before a render replaces them. A later batch skips the
scene, unless ``--force``, only when the sidecar matches the source and the
files' bytes: a film truncated, emptied or replaced is rendered again. A scene
that fails leaves no film or report of an earlier render beside its
``failed`` row. The reports stay exactly those of ``storyboard render``.

Every output (films, reports, sidecars, the summary) is checked before any
work: none may be a source, a device or another output
(:func:`storyboard.outputs.check_outputs`). Local workers die with the batch:
a killed batch leaves nothing rendering.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import json
import multiprocessing
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from storyboard import __version__
from storyboard.cache import content_key, file_key, open_cache
from storyboard.errors import InputError, RenderError, UsageError, error_message
from storyboard.forked import die_with_parent
from storyboard.outputs import OutputError, atomic_write, check_outputs
from storyboard.progress import Progress, no_progress

SUMMARY_NAME = "batch.json"
CONNECT_TIMEOUT = "10s"
CLUSTER_EXTRA = "--scheduler needs the cluster extra: pip install 'storyboard[cluster]'"
STATUS_WORDS = {"rendered": "ok", "skipped": "skipped", "failed": "failed"}
CacheSetting = bool | str  # True: the worker's default cache; False: none; else that folder


@dataclass(frozen=True)
class Task:
    """One scene to render. Paths are absolute, so a worker on a shared filesystem finds them."""

    scene: str  # as given on the command line
    source: Path
    output: Path
    report: Path
    fingerprint: str | None  # None when the source cannot be read: never up to date
    draft: bool
    cache: CacheSetting

    @property
    def stamp(self) -> Path:
        """The sidecar holding the fingerprint of the files at ``output`` and ``report``."""
        return self.output.with_name(f".{self.output.stem}.fingerprint")


@dataclass(frozen=True)
class Outcome:
    """One row of ``batch.json`` (``warnings`` go to stderr, not the summary)."""

    scene: str
    status: str  # rendered | skipped | failed
    output: str | None
    report: str | None
    duration: float | None
    render_seconds: float | None
    error: str | None
    warnings: tuple[str, ...] = ()

    def row(self) -> dict[str, Any]:
        """The summary row."""
        row = asdict(self)
        del row["warnings"]
        return row


def fingerprint(source: Path, draft: bool) -> str | None:
    """What the scene's files depend on: source bytes, tool version, draft; None if unreadable."""
    try:
        data = source.read_bytes()
    except OSError:
        return None
    return content_key("batch", data, __version__, {"draft": draft})


def make_tasks(scenes: Sequence[Path], out_dir: Path, draft: bool, cache: CacheSetting) -> list[Task]:
    """One task per scene; InputError if an output would be a source, a device or another output."""
    seen: dict[str, Path] = {}
    tasks = []
    for scene in scenes:
        if scene.stem in seen:
            raise InputError(str(scene), 0, f"has the same name as {seen[scene.stem]}: both would write "
                                            f"{scene.stem}.mp4; rename one")
        seen[scene.stem] = scene
        source = scene.resolve()
        output = out_dir / f"{scene.stem}.mp4"
        tasks.append(Task(str(scene), source, output, output.with_suffix(".json"),
                          fingerprint(source, draft), draft, cache))
    outputs = {f"{what} of {task.scene}": path for task in tasks
               for what, path in (("the film", task.output), ("the report", task.report), ("the record", task.stamp))}
    check_outputs({**outputs, "the batch summary": out_dir / SUMMARY_NAME}, [task.source for task in tasks])
    return tasks


def stamp_of(task: Task) -> str:
    """The sidecar's text for the task's files as they are now: the fingerprint, then a hash of each file."""
    return " ".join([str(task.fingerprint), *(file_key("file", path) for path in (task.output, task.report))])


def up_to_date(task: Task) -> Outcome | None:
    """A ``skipped`` outcome if the task's files are the ones its source renders to, byte for byte; else None."""
    if task.fingerprint is None:
        return None
    try:
        if task.stamp.read_text().strip() != stamp_of(task):
            return None
        document = json.loads(task.report.read_text())
    except (OSError, ValueError):
        return None
    return Outcome(task.scene, "skipped", str(task.output), str(task.report), document.get("duration"), None, None)


def failed(task: Task, message: str) -> Outcome:
    """A ``failed`` outcome whose one-line message starts with the scene (``SCENE[:LINE]: ...``)."""
    named = message if message.startswith(task.scene) else f"{task.scene}: {message}"
    return Outcome(task.scene, "failed", None, None, None, None, named)


def render_one(task: Task) -> Outcome:
    """Render one scene (in a worker process); every failure becomes a ``failed`` outcome.

    A scene that fails leaves no film or report from an earlier render
    (unless the failure is that those paths may not be written).
    """
    from storyboard.render import RenderOptions, render_file

    options = RenderOptions(cache=open_cache(task.cache), jobs=1, draft=task.draft)
    try:
        task.stamp.unlink(missing_ok=True)
        document, warnings = render_file(task.source, task.output, task.report, options, display=task.scene)
        if task.fingerprint is not None:
            atomic_write(task.stamp, (stamp_of(task) + "\n").encode())
    except OutputError as error:  # not ours to remove
        return failed(task, error_message(error))
    except Exception as error:  # isolated: the other scenes go on
        for stale in (task.output, task.report):
            with contextlib.suppress(OSError):
                stale.unlink(missing_ok=True)
        return failed(task, error_message(error))
    return Outcome(task.scene, "rendered", str(task.output), str(task.report), document["duration"],
                   document["render_seconds"], None, tuple(warnings))


def connect(address: str) -> Any:  # distributed.Client, imported lazily
    """A client of the Dask scheduler at ``address`` that has at least one worker."""
    try:
        import distributed
    except ImportError:
        raise UsageError(CLUSTER_EXTRA) from None
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except ValueError as error:
        raise UsageError(f"--scheduler {address}: {error}") from None
    except OSError as error:
        raise RenderError(f"--scheduler {address}: cannot reach the scheduler: {error}") from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except TimeoutError:
        client.close()
        raise RenderError(f"--scheduler {address}: the cluster has no workers") from None
    return client


class LocalWorkers(Executor):
    """``jobs`` spawned worker processes, each given one scene at a time: one that dies loses only its scene.

    A ``ProcessPoolExecutor`` whose worker dies is broken, and fails every
    scene not yet done; here each worker is a pool of one process, and a dead
    one is replaced for the scenes after. Workers end with this process.
    """

    def __init__(self, jobs: int) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._workers = [self._worker() for _ in range(jobs)]
        self._idle = list(self._workers)
        self._queue: collections.deque[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]] = collections.deque()
        self._lock = threading.Lock()

    def _worker(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=1, mp_context=self._context, initializer=die_with_parent,
                                   initargs=(os.getpid(),))

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run ``fn(*args)`` in the next free worker; its Future."""
        future: Future[Any] = Future()
        with self._lock:
            self._queue.append((future, fn, args))
        self._dispatch()
        return future

    def _dispatch(self) -> None:
        """Give queued work to idle workers."""
        with self._lock:
            while self._idle and self._queue:
                future, fn, args = self._queue.popleft()
                if future.set_running_or_notify_cancel():
                    worker = self._idle.pop()
                    worker.submit(fn, *args).add_done_callback(functools.partial(self._done, worker, future))

    def _done(self, worker: ProcessPoolExecutor, future: Future[Any], inner: Future[Any]) -> None:
        """Pass on ``worker``'s result; replace the worker if its process died."""
        error = RenderError("the scene was cancelled") if inner.cancelled() else inner.exception()
        with self._lock:
            if isinstance(error, BrokenProcessPool):
                error = RenderError("its worker process died (killed, or out of memory)")
                worker.shutdown(wait=False)
                self._workers.remove(worker)
                worker = self._worker()
                self._workers.append(worker)
            self._idle.append(worker)
        if error is None:
            future.set_result(inner.result())
        else:
            future.set_exception(error)
        self._dispatch()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop the workers (after their scenes, if ``wait``); with ``cancel_futures``, queued scenes never start."""
        with self._lock:
            if cancel_futures:
                for future, _, _ in self._queue:
                    future.cancel()
                self._queue.clear()
            workers = list(self._workers)
        for worker in workers:
            worker.shutdown(wait=wait, cancel_futures=cancel_futures)


@contextmanager
def open_executor(jobs: int, client: Any) -> Iterator[Executor]:
    """Spawned local worker processes (``client`` None), or the executor of a Dask client or scheduler address.

    A client given is the caller's: it stays open, and what this batch left
    running on it is cancelled when the block is left early.
    """
    if client is None:
        pool = LocalWorkers(jobs)
        try:
            yield pool
        finally:
            pool.shutdown(cancel_futures=True)  # after an interrupt, queued scenes do not start
    elif isinstance(client, str):
        with connect(client) as connected:  # closing the client cancels what is left after an interrupt
            yield connected.get_executor(pure=False)
    else:
        executor = client.get_executor(pure=False)
        try:
            yield executor
        finally:
            executor.shutdown(wait=False)


def result_of(future: Future[Outcome], task: Task) -> Outcome:
    """The worker's outcome, or ``failed`` if the executor lost the task (a worker died)."""
    try:
        return future.result()
    except Exception as error:
        return failed(task, error_message(error))


def run_tasks(executor: Executor, tasks: Sequence[Task], force: bool, progress: Progress) -> list[Outcome]:
    """Skip what is up to date, render the rest; outcomes in the order of ``tasks``."""
    outcomes: dict[int, Outcome] = {}

    def record(index: int, outcome: Outcome) -> None:
        outcomes[index] = outcome
        progress(f"{Path(outcome.scene).name} {STATUS_WORDS[outcome.status]}", len(outcomes) / len(tasks))

    pending: dict[Future[Outcome], int] = {}
    for index, task in enumerate(tasks):
        skipped = None if force else up_to_date(task)
        if skipped:
            record(index, skipped)
        else:
            pending[executor.submit(render_one, task)] = index
    for future in as_completed(pending):
        record(pending[future], result_of(future, tasks[pending[future]]))
    return [outcomes[index] for index in range(len(tasks))]


def write_summary(path: Path, outcomes: Sequence[Outcome], wall_seconds: float) -> dict[str, Any]:
    """Write ``batch.json`` atomically; returns its document."""
    counts = Counter(outcome.status for outcome in outcomes)
    document = {"scenes": [outcome.row() for outcome in outcomes],
                **{status: counts[status] for status in STATUS_WORDS},
                "wall_seconds": round(wall_seconds, 2)}
    atomic_write(path, (json.dumps(document, indent=2) + "\n").encode())
    return document


def run_batch(scenes: Sequence[str | os.PathLike[str]], out_dir: Path, jobs: int = 2, client: Any = None,
              force: bool = False, draft: bool = False, cache: CacheSetting = True,
              progress: Progress = no_progress) -> tuple[dict[str, Any], list[str]]:
    """Render ``scenes`` into ``out_dir`` (locally on ``jobs`` processes, or on ``client``'s cluster).

    Returns the summary written to ``DIR/batch.json`` and every rendered
    scene's warnings. A scene that fails is a row of the summary, not an
    error; two scenes that would write the same files are an InputError.
    """
    began = time.perf_counter()
    if not scenes:
        raise UsageError("batch needs at least one scene")
    out_dir = out_dir.resolve()
    tasks = make_tasks([Path(scene) for scene in scenes], out_dir, draft, cache)
    with open_executor(jobs, client) as executor:
        out_dir.mkdir(parents=True, exist_ok=True)
        outcomes = run_tasks(executor, tasks, force, progress)
    summary = write_summary(out_dir / SUMMARY_NAME, outcomes, time.perf_counter() - began)
    return summary, [line for outcome in outcomes for line in outcome.warnings]
