"""Feature length: a whole screenplay rendered as an animatic, its time and every process's peak memory.

A feature-length screenplay (``feature_film.py``: 150 scenes, about 300
shots and 800 lines, about an hour) is imported to a shot list once, then:

* **speech only**: ``storyboard plan`` with an empty cache, the work no
  render can skip;
* **cold**: ``storyboard render`` at 1080p with an empty cache, and its ratio
  to the speech-only time (target: at most 4);
* **warm**: the same render again, nothing changed (target: under 1 s);
* **double**: a film twice as long (300 scenes), cold, for memory that stays
  flat (target: every process under 800 MB for both);
* **batch**: 50 one-scene screenplays rendered by ``storyboard batch`` locally
  with ``--jobs 2`` and on a Dask ``LocalCluster`` of two workers, each with
  an empty cache: the films must be the same bytes.

Each run is a child process; its wall time is measured around it. Peak
memory is read two ways: every process the run starts is sampled from
``/proc`` (its ``VmHWM``, the kernel's own high-water mark) and grouped by
what it is (the render, the drawing process, speech workers, ffmpeg's still
and sound encoders, Dask workers), and the largest process of the whole tree
is taken from ``getrusage`` (exact, including processes too short-lived to
sample). Linux only (``/proc``).

Usage: ``python benchmarks/feature_length.py [--scenes N] [--no-double] [--no-batch] [--batch-only]``
(``make bench`` runs it after ``render_speed.py``; ``make bench-feature`` runs only it).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from feature_film import screenplay  # noqa: E402

SCENES = 150
BATCH_SCENES = 50
RESOLUTION = "1920x1080"
SAMPLE_SECONDS = 0.1  # how often /proc is read
MEMORY_TARGET_MB = 800
RATIO_TARGET = 4.0
WARM_TARGET_SECONDS = 1.0
_SCRIPT = Path(sys.executable).with_name("storyboard")
STORYBOARD = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "storyboard"]
# What a process is, by a word of its command line (the first that matches).
KINDS = (("_espeak_worker", "speech workers"), ("libx264", "ffmpeg still encoders"),
         ("-c:a", "ffmpeg sound encoders"), ("distributed", "Dask workers"), ("ffmpeg", "ffmpeg (other)"))


def _parents() -> dict[int, int]:
    """Every process's parent, from ``/proc``."""
    parents = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as stat:
                    data = stat.read()
            except OSError:
                continue
            parents[int(entry.name)] = int(data[data.rindex(b")") + 2 :].split()[1])
    return parents


def _peak_mb(pid: int) -> tuple[float, str] | None:
    """A process's peak resident memory (MB) and its command line; None if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            peak = next((line.split()[1] for line in status if line.startswith("VmHWM:")), "0")
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
    except (OSError, StopIteration):
        return None
    return int(peak) / 1024, command


class ProcessWatch:
    """Samples every process under some roots until stopped: the peak memory of each kind of process.

    ``roots`` maps a root pid to the names of the processes at each depth
    under it (the root itself first; None: not reported); processes whose
    command names them (speech workers, ffmpeg) are named so at any depth.
    """

    def __init__(self, roots: dict[int, tuple[str | None, ...]]) -> None:
        self.roots = roots
        self.peaks: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(SAMPLE_SECONDS)

    def sample(self) -> None:
        """Read the peak of every process now under the roots."""
        parents = _parents()
        for root, names in self.roots.items():
            level, depth = {root}, 0
            while level:
                for pid in level:
                    read = _peak_mb(pid)
                    kind = None if read is None else _kind(read[1], names[min(depth, len(names) - 1)])
                    if kind is not None:
                        self.peaks[kind] = max(self.peaks.get(kind, 0.0), read[0])
                level = {pid for pid, parent in parents.items() if parent in level}
                depth += 1

    def stop(self) -> dict[str, float]:
        """Stop sampling (after one last sample); the peak of each kind."""
        self.sample()
        self._stop.set()
        self._thread.join()
        return self.peaks


def _kind(command: str, by_depth: str | None) -> str | None:
    """What a process is: by its command (speech worker, ffmpeg), else by where it is in the tree."""
    return next((name for word, name in KINDS if word in command), by_depth)


MEASURE = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""
RENDER_TREE = (None, "render", "drawing process")
BATCH_TREE = (None, "batch", "batch workers", "drawing processes")


def run(command: list[str], cache: Path, tree: tuple[str | None, ...] = RENDER_TREE,
        more: dict[int, tuple[str | None, ...]] | None = None) -> dict:
    """Run ``command`` with the cache at ``cache``: wall seconds, peak MB of each kind and of the largest process.

    ``tree`` names the processes under the command by depth; ``more`` adds
    other roots to sample (a Dask cluster's workers).
    """
    env = {**os.environ, "STORYBOARD_CACHE_DIR": str(cache)}
    began = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", MEASURE, *command], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    watch = ProcessWatch({process.pid: tree, **(more or {})})
    out, err = process.communicate()
    wall = time.perf_counter() - began
    peaks = watch.stop()
    largest_kb, code = map(int, out.split())
    if code != 0:
        raise SystemExit(f"failed ({code}): {' '.join(command)}\n{err[-800:]}")
    return {"wall": wall, "peaks": peaks, "largest": largest_kb / 1024}


def shot_list(work: Path, name: str, text: str) -> Path:
    """Import the Fountain ``text`` as the shot list ``work/name.yaml``."""
    fountain = work / f"{name}.fountain"
    fountain.write_text(text)
    scene = work / f"{name}.yaml"
    subprocess.run([*STORYBOARD, "import", str(fountain), "-o", str(scene)], check=True)
    return scene


def counts(scene: Path, cache: Path) -> dict:
    """Shots, lines and seconds of the film (from ``plan --json``, its speech cached)."""
    out = subprocess.run([*STORYBOARD, "plan", str(scene), "--json"], capture_output=True, text=True, check=True,
                         env={**os.environ, "STORYBOARD_CACHE_DIR": str(cache)}).stdout
    document = json.loads(out)
    return {"shots": len(document["shots"]), "lines": len(document["lines"]), "seconds": document["duration"]}


def feature(work: Path, scenes: int, warm: bool) -> dict:
    """Speech only, then a cold render at 1080p (and a warm one) of a ``scenes``-scene screenplay."""
    scene = shot_list(work, f"feature{scenes}", screenplay(scenes))
    speech_cache, cache = work / f"speech{scenes}", work / f"cache{scenes}"
    speech = run([*STORYBOARD, "plan", str(scene)], speech_cache)
    film = work / f"feature{scenes}.mp4"
    render = [*STORYBOARD, "render", str(scene), "-o", str(film), "--resolution", RESOLUTION]
    result = {"scenes": scenes, **counts(scene, speech_cache), "speech": speech, "cold": run(render, cache)}
    if warm:
        result["warm"] = run(render, cache)
    valid = subprocess.run([_ffmpeg(), "-v", "error", "-i", str(film), "-map", "0", "-c", "copy", "-f", "null", "-"],
                           capture_output=True, text=True)
    result["valid"] = valid.returncode == 0 and not valid.stderr
    result["megabytes"] = film.stat().st_size / 2**20
    shutil.rmtree(speech_cache, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    return result


def batch(work: Path, count: int) -> dict:
    """``count`` one-scene screenplays rendered locally (--jobs 2) and on a Dask LocalCluster of two workers."""
    from distributed import LocalCluster

    scenes = [shot_list(work, f"scene{number:02}", screenplay(1, first=number)) for number in range(1, count + 1)]
    local_out, dask_out = work / "batch-local", work / "batch-dask"
    local = run([*STORYBOARD, "batch", *map(str, scenes), "--out", str(local_out), "--jobs", "2"],
                work / "batch-cache-local", BATCH_TREE)
    os.environ["STORYBOARD_CACHE_DIR"] = str(work / "batch-cache-dask")  # the cluster's workers inherit it
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        workers = {worker.process.pid: ("Dask workers", "drawing processes") for worker in cluster.workers.values()}
        dask = run([*STORYBOARD, "batch", *map(str, scenes), "--out", str(dask_out),
                    "--scheduler", cluster.scheduler_address], work / "batch-cache-dask", BATCH_TREE, workers)
    films = sorted(path.name for path in local_out.glob("*.mp4"))
    same = films == sorted(path.name for path in dask_out.glob("*.mp4")) and all(
        filecmp.cmp(local_out / name, dask_out / name, shallow=False) for name in films)
    summary = json.loads((dask_out / "batch.json").read_text())
    return {"scenes": count, "films": len(films), "identical": same, "local": local, "dask": dask,
            "rendered": summary.get("rendered"), "failed": summary.get("failed")}


def _ffmpeg() -> str:
    from storyboard.encode import ffmpeg_exe

    return ffmpeg_exe()


def print_feature(result: dict) -> None:
    """The feature film's rows."""
    speech, cold = result["speech"]["wall"], result["cold"]["wall"]
    print(f"\nfeature, {result['scenes']} scenes: {result['shots']} shots, {result['lines']} lines, "
          f"{result['seconds'] / 60:.1f} min; film {result['megabytes']:.0f} MB, valid: {result['valid']}")
    print(f"  speech only (plan, empty cache): {speech:6.1f} s")
    print(f"  cold render at 1080p:            {cold:6.1f} s  = {cold / speech:.2f}x the speech "
          f"(target <= {RATIO_TARGET:.0f}x)")
    if "warm" in result:
        warm = result["warm"]["wall"]
        print(f"  warm render, nothing changed:    {warm:6.2f} s (target < {WARM_TARGET_SECONDS:.0f} s)")
    for name in ("speech", "cold", "warm"):
        if name in result:
            peaks = ", ".join(f"{kind} {mb:.0f}" for kind, mb in sorted(result[name]["peaks"].items()))
            print(f"  peak MB, {name:<6} {peaks}")
    largest = max(result[name]["largest"] for name in ("speech", "cold", "warm") if name in result)
    print(f"  largest process of any run (getrusage): {largest:.0f} MB (target < {MEMORY_TARGET_MB} MB)")


def print_batch(result: dict) -> None:
    """The batch rows."""
    print(f"\nbatch of {result['scenes']} scenes: {result['films']} films, identical locally and on Dask: "
          f"{result['identical']}; Dask summary: {result['rendered']} rendered, {result['failed']} failed")
    for name in ("local", "dask"):
        peaks = ", ".join(f"{kind} {mb:.0f}" for kind, mb in sorted(result[name]["peaks"].items()))
        print(f"  {name:<5} {result[name]['wall']:6.1f} s; peak MB: {peaks}; largest process of the batch command's "
              f"tree (getrusage) {result[name]['largest']:.0f}")


def main() -> None:
    """Run the feature-length benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=SCENES, help=f"scenes in the feature (default {SCENES})")
    parser.add_argument("--no-double", action="store_true", help="skip the film twice as long")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch")
    parser.add_argument("--batch-scenes", type=int, default=BATCH_SCENES,
                        help=f"scenes in the batch (default {BATCH_SCENES})")
    parser.add_argument("--batch-only", action="store_true", help="only the 50-scene batch")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sb-feature-"))
    print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
    try:
        if not args.batch_only:
            print_feature(feature(work, args.scenes, warm=True))
            if not args.no_double:
                print_feature(feature(work, 2 * args.scenes, warm=False))
        if not args.no_batch:
            print_batch(batch(work, args.batch_scenes))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
