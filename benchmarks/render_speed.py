"""Render speed and memory against two baselines, measured in one run.

For the reference scene and a long scene (26 shots, over two minutes), at
720p, 1080p and 4K, this times:

* **storyboard**: ``storyboard render`` with a cold cache (a new, empty
  ``STORYBOARD_CACHE_DIR``), the whole job: speech, timing, drawing, score,
  mixing, encoding;
* **still-loop**: a plain ffmpeg encode of the same frames and sound, each
  shot's still looped for its duration, one libx264 encode of the film;
* **moviepy**: naive moviepy (``ImageClip`` + ``concatenate_videoclips`` +
  ``write_videofile``) on the same frames and sound.

The baselines get the frames and the sound for free (drawn and mixed before
their clock starts); storyboard's time includes making them. Every run is a
child process; wall time is measured around it and peak memory is the
largest resident set of the processes it started. It then measures the
iteration targets on the reference scene at 1080p: every shot twice as long,
a one-word change to one sign (re-rendered by a new ``storyboard render``, and
by a ``storyboard render --watch`` that was already running), and a render
with nothing changed.

Usage: ``python benchmarks/render_speed.py [--repeats N] [--quick | --long-only | --iteration-only]``
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SCENES = {"reference": ROOT / "scenes" / "tech_corp.yaml", "long": ROOT / "scenes" / "launch_day.yaml"}
RESOLUTIONS = {"720p": (1280, 720), "1080p": (1920, 1080), "4k": (3840, 2160)}
ITERATION_REPEATS = 9
# The ``storyboard`` command as users run it (the console script beside this
# interpreter), else ``python -m storyboard``.
_SCRIPT = Path(sys.executable).with_name("storyboard")
STORYBOARD = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "storyboard"]

MEASURE = textwrap.dedent(
    """
    import resource, subprocess, sys, time, json
    began = time.perf_counter()
    code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - began
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"wall": wall, "peak_mb": peak_kb / 1024, "code": code.returncode,
                      "err": code.stderr.decode()[-400:]}))
    """
)

MOVIEPY = textwrap.dedent(
    """
    import json, sys
    from moviepy import AudioFileClip, ImageClip, concatenate_videoclips
    shots, wav, out, fps = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    clips = [ImageClip(path).with_duration(duration) for path, duration in shots]
    film = concatenate_videoclips(clips).with_audio(AudioFileClip(wav))
    film.write_videofile(out, fps=fps, codec="libx264", audio_codec="aac", logger=None)
    """
)


def measure(command: list[str], env: dict[str, str] | None = None) -> dict:
    """Wall time and peak memory of ``command`` run in a fresh process tree."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, env={**os.environ, **(env or {})}
    )
    data = json.loads(result.stdout)
    if data["code"] != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{data['err']}")
    return data


def storyboard(scene: Path, out: Path, size: tuple[int, int], cache: Path | None = None) -> dict:
    """One ``storyboard render``; a new empty cache unless ``cache`` is given."""
    cache = cache or Path(tempfile.mkdtemp(prefix="sb-cache-"))
    command = [*STORYBOARD, "render", str(scene), "-o", str(out),
               "--resolution", f"{size[0]}x{size[1]}"]
    return measure(command, env={"STORYBOARD_CACHE_DIR": str(cache)})


def frames_and_sound(scene: Path, film: Path, size: tuple[int, int], work: Path) -> tuple[list[tuple[str, float]], Path]:
    """The baselines' inputs: each shot's still as a PNG with its length, and the film's sound as WAV."""
    from storyboard.encode import ffmpeg_exe
    from storyboard.loader import load_scene
    from storyboard.picture import draw_panel

    report = json.loads(film.with_suffix(".json").read_text())
    shots = []
    for shot, entry in zip(load_scene(scene).shots, report["shots"]):
        png = work / f"{entry['index']:03}.png"
        draw_panel(shot, *size).image.save(png)
        shots.append((str(png), entry["end"] - entry["start"]))
    wav = work / "sound.wav"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-i", str(film), "-vn", str(wav)], check=True)
    return shots, wav


def still_loop_command(shots: list[tuple[str, float]], wav: Path, out: Path, fps: int) -> list[str]:
    """Plain ffmpeg: every still looped for its shot's length, one libx264 encode of the film.

    The concat demuxer reads each still once and holds it for its duration (the
    last entry is listed twice, or its duration is ignored); the fps filter
    turns that into constant-rate frames for libx264 at its default settings.
    """
    from storyboard.encode import ffmpeg_exe

    listing = out.with_suffix(".txt")
    entries = [f"file '{png}'\nduration {duration:.6f}" for png, duration in shots]
    listing.write_text("\n".join([*entries, f"file '{shots[-1][0]}'"]) + "\n")
    return [ffmpeg_exe(), "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(listing), "-i", str(wav),
            "-map", "0:v", "-map", "1:a", "-vf", f"fps={fps},format=yuv420p", "-c:v", "libx264",
            "-c:a", "aac", "-ar", "48000", "-shortest", "-movflags", "+faststart", str(out)]


def median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def compare(name: str, scene: Path, resolution: str, repeats: int, work: Path, moviepy: bool) -> dict:
    """Median wall time and peak memory of the three pipelines for one scene and size."""
    size = RESOLUTIONS[resolution]
    film = work / f"{name}-{resolution}.mp4"
    ours = [storyboard(scene, film, size) for _ in range(repeats)]
    shots, wav = frames_and_sound(scene, film, size, work)
    fps = json.loads(film.with_suffix(".json").read_text())["fps"]
    loop = [measure(still_loop_command(shots, wav, work / "loop.mp4", fps)) for _ in range(repeats)]
    row = {"scene": name, "resolution": resolution, "storyboard": median(ours, "wall"),
           "storyboard_mb": max(run["peak_mb"] for run in ours), "still_loop": median(loop, "wall"),
           "still_loop_mb": max(run["peak_mb"] for run in loop)}
    if moviepy:
        naive = [measure([sys.executable, "-c", MOVIEPY, json.dumps(shots), str(wav), str(work / "naive.mp4"), str(fps)])
                 for _ in range(repeats)]
        row.update(moviepy=median(naive, "wall"), moviepy_mb=max(run["peak_mb"] for run in naive))
    return row


def planned_durations(scene: Path) -> list[float]:
    """Each shot's length as storyboard times it."""
    out = subprocess.run([*STORYBOARD, "plan", str(scene), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return [shot["end"] - shot["start"] for shot in json.loads(out)["shots"]]


def with_durations(scene: Path, factor: float, out: Path) -> Path:
    """A copy of ``scene`` with every shot lasting ``factor`` times its planned length."""
    data = yaml.safe_load(scene.read_text())
    for shot, length in zip(data["shots"], planned_durations(scene)):
        shot["duration"] = round(length * factor, 3)
    out.write_text(yaml.safe_dump(data, sort_keys=False))
    return out


def watched_edits(scene: Path, size: tuple[int, int], repeats: int, work: Path) -> list[float]:
    """Seconds from saving a one-word sign change to the film written, with ``render --watch`` running.

    Each edit is saved once the watcher has written the film before it, by
    rename as editors save; the time includes the watcher noticing the save
    (it polls every 20 ms). Written in place, a save could be seen twice (the
    file truncated, then written), and a film written for each: every later
    edit then read the line of the one before and timed 0 s.
    """
    source = work / "watched.yaml"
    text = scene.read_text()
    source.write_text(text)
    cache = Path(tempfile.mkdtemp(prefix="sb-cache-"))
    command = [*STORYBOARD, "render", str(source), "-o", str(work / "watched.mp4"),
               "--resolution", f"{size[0]}x{size[1]}", "--watch"]
    watcher = subprocess.Popen(command, stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "STORYBOARD_CACHE_DIR": str(cache)})
    try:
        watcher.stdout.readline()  # the first, cold render
        times = []
        for run in range(repeats):
            time.sleep(0.2)
            saved = source.with_suffix(".saving")
            saved.write_text(text.replace("text: Tech Corp,", f"text: Tech Corp {run},"))
            os.replace(saved, source)
            began = time.perf_counter()
            if not watcher.stdout.readline():
                raise SystemExit("the watcher stopped")
            times.append(time.perf_counter() - began)
        return times
    finally:
        watcher.terminate()
        watcher.wait()


def iteration(repeats: int, work: Path) -> dict:
    """The iteration targets on the reference scene at 1080p."""
    size = RESOLUTIONS["1080p"]
    scene = SCENES["reference"]
    single = with_durations(scene, 1.0, work / "single.yaml")
    double = with_durations(scene, 2.0, work / "double.yaml")
    film = work / "iter.mp4"
    cold_single, cold_double = [], []
    for _ in range(repeats):  # in turn, so that the machine's drift over a minute falls on both alike
        cold_single.append(storyboard(single, film, size))
        cold_double.append(storyboard(double, film, size))
    cold, warm_same, warm_edit = [], [], []
    for run in range(repeats):
        cache = Path(tempfile.mkdtemp(prefix="sb-cache-"))
        cold.append(storyboard(scene, film, size, cache))
        warm_same.append(storyboard(scene, film, size, cache))
        edited = work / f"edited{run}.yaml"
        edited.write_text(scene.read_text().replace("text: Tech Corp,", f"text: Tech Corp {run},"))
        warm_edit.append(storyboard(edited, film, size, cache))
    watched = statistics.median(watched_edits(scene, size, max(5, repeats), work))
    return {
        "double_vs_single": median(cold_double, "wall") / median(cold_single, "wall"),
        "one_word_vs_cold": median(warm_edit, "wall") / median(cold, "wall"),
        "watched_vs_cold": watched / median(cold, "wall"), "watched": watched,
        "unchanged_vs_cold": median(warm_same, "wall") / median(cold, "wall"),
        "cold": median(cold, "wall"), "one_word": median(warm_edit, "wall"), "unchanged": median(warm_same, "wall"),
    }


def main() -> None:
    """Run every comparison and print a table of times, memory and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs per measurement (median); default 3")
    parser.add_argument("--quick", action="store_true", help="the reference scene only")
    parser.add_argument("--long-only", action="store_true", help="the long scene's table only")
    parser.add_argument("--iteration-only", action="store_true", help="the iteration targets only")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sb-bench-"))
    # Byte-compile the package first, as a normal install does: with
    # PYTHONDONTWRITEBYTECODE set (as on our CI machines) every run would
    # otherwise recompile storyboard's sources.
    compileall.compile_dir(ROOT / "storyboard", quiet=1)
    try:
        for name, scene in SCENES.items() if not args.iteration_only else ():
            if (args.quick and name != "reference") or (args.long_only and name != "long"):
                continue
            for resolution in RESOLUTIONS:
                repeats = args.repeats if name == "reference" else 1
                print_row(compare(name, scene, resolution, repeats, work, moviepy=True))
        if not args.long_only:
            # A ratio of two medians on a shared machine moves more than either
            # figure: the iteration targets take at least nine runs of each.
            print_targets(iteration(max(args.repeats, ITERATION_REPEATS), work))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_targets(targets: dict) -> None:
    """The iteration ratios against their targets."""
    print()
    print(f"doubling every shot's length: {targets['double_vs_single']:.2f}x the time (target <= 1.20)")
    print(f"one-word sign change, warm:   {targets['one_word_vs_cold']:.2f}x a cold render "
          f"({targets['one_word']:.2f} s vs {targets['cold']:.2f} s; target <= 0.30)")
    print(f"  ... with render --watch:    {targets['watched_vs_cold']:.2f}x a cold render "
          f"({targets['watched']:.3f} s from the save to the film; target <= 0.30)")
    print(f"nothing changed, warm:        {targets['unchanged_vs_cold']:.2f}x a cold render "
          f"({targets['unchanged']:.2f} s; target <= 0.15)")


def print_row(row: dict) -> None:
    """One line of the comparison table."""
    text = (f"{row['scene']:<9} {row['resolution']:<5}  storyboard {row['storyboard']:6.2f} s {row['storyboard_mb']:5.0f} MB"
            f" | still-loop {row['still_loop']:6.2f} s {row['still_loop_mb']:5.0f} MB"
            f" -> {row['storyboard'] / row['still_loop']:.2f}x")
    if "moviepy" in row:
        text += (f" | moviepy {row['moviepy']:6.2f} s {row['moviepy_mb']:5.0f} MB"
                 f" -> {row['storyboard'] / row['moviepy']:.2f}x")
    print(text, flush=True)


if __name__ == "__main__":
    main()
