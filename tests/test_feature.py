"""Feature length: lines held one at a time, progress that counts the work, every core by default.

The memory of a long render is checked by structure, not by timing: the
mix's traced memory for a film four times as long (four times the lines)
stays within a fraction of what holding the lines would take.
"""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from storyboard.cache import Cache
from storyboard.cli import build_parser
from storyboard.loader import load_scene
from storyboard.progress import Tally
from storyboard.render import RenderOptions, SoundPlan, speak, speech_key, timed
from storyboard.sound.mix import mix_blocks

RATE = 48_000


def scene_with_lines(tmp_path: Path, count: int):
    """A scene of ``count`` one-line shots (each line different), as the loader reads it."""
    shots = "\n".join(f"  - description: A room.\n    lines:\n      - Ann: Line number {n} is here."
                      for n in range(count))
    path = tmp_path / f"lines{count}.yaml"
    path.write_text(f"title: Lines\ncharacters:\n  Ann: {{voice: female}}\nshots:\n{shots}\n")
    return load_scene(path)


def cached_speech(scene, cache: Cache, seconds: float) -> None:
    """Each line's samples put in the cache where a render looks for them: a tone ``seconds`` long."""
    tone = (0.3 * np.sin(2 * np.pi * 220 * np.arange(round(seconds * RATE)) / RATE)).astype(np.float32)
    for line in scene.lines:
        cache.put("speech", speech_key(scene, line.say, line.who), tone.tobytes())


def mix_peak(tmp_path: Path, count: int) -> tuple[int, int]:
    """(the traced peak while mixing a film of ``count`` one-second lines, the bytes of all its lines)."""
    scene = scene_with_lines(tmp_path, count)
    options = RenderOptions(cache=Cache(tmp_path / f"cache{count}"), jobs=1)
    cached_speech(scene, options.cache, 1.0)
    keys, speech = speak(scene, options)
    plan = SoundPlan.of(scene, timed(scene, speech), keys)
    tracemalloc.start()
    try:
        for _ in mix_blocks(plan.mix_plan(speech)):
            pass
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, sum(speech.lengths) * 4


def test_the_mix_reads_each_line_when_it_reaches_it(tmp_path: Path) -> None:
    short, _ = mix_peak(tmp_path, 20)
    long, lines_bytes = mix_peak(tmp_path, 80)
    assert lines_bytes == 80 * RATE * 4
    # holding the lines would add three quarters of them; reading each in turn adds next to nothing
    assert long - short < lines_bytes / 4


def test_a_line_the_cache_lost_is_spoken_again_to_the_same_samples(tmp_path: Path) -> None:
    scene = scene_with_lines(tmp_path, 2)
    options = RenderOptions(cache=Cache(tmp_path / "cache"), jobs=1)
    keys, speech = speak(scene, options)
    first = speech.samples(keys[0]).copy()
    entry = next((tmp_path / "cache" / "speech").rglob(keys[0]))
    entry.unlink()
    _, again = speak(scene, options)  # found missing when the lines are timed: spoken again
    assert entry.exists() and np.array_equal(again.samples(keys[0]), first)
    _, later = speak(scene, options)
    entry.unlink()  # lost after the lines were timed, before the mix reads them
    assert np.array_equal(later.samples(keys[0]), first)
    assert entry.exists()


def test_without_a_cache_the_lines_wait_in_a_temporary_file(tmp_path: Path) -> None:
    scene = scene_with_lines(tmp_path, 2)
    keys, cached = speak(scene, RenderOptions(cache=Cache(tmp_path / "cache"), jobs=1))
    _, spooled = speak(scene, RenderOptions(cache=Cache(None), jobs=1))
    assert spooled.lengths == cached.lengths
    assert all(np.array_equal(spooled.samples(key), cached.samples(key)) for key in keys)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_counts_lines_shots_and_seconds_by_their_cost() -> None:
    shown: list[tuple[str, float]] = []
    clock = Clock()
    tally = Tally(lambda message, fraction: shown.append((message, fraction)),
                  {"lines": 1.0, "shots": 2.0, "seconds": 0.5}, clock)
    tally.expect("lines", 10)
    tally.expect("shots", 5)
    tally.expect("seconds", 20)
    tally.add("lines", 4)
    assert shown[-1] == ("spoke 4/10 lines, drew 0/5 shots, mixed 0/20 s", pytest.approx(4 / 30))
    clock.now += 1.9  # no estimate yet: too soon to say
    tally.add("shots")
    assert shown[-1] == ("spoke 4/10 lines, drew 1/5 shots, mixed 0/20 s", pytest.approx(6 / 30))
    clock.now += 0.1  # 2 s in, a fifth done: 8 s to go
    tally.add("seconds", 0)
    assert shown[-1][0] == "spoke 4/10 lines, drew 1/5 shots, mixed 0/20 s; about 8 s left"
    tally.add("lines", 50)  # never past the total
    assert shown[-1][0].startswith("spoke 10/10 lines")


def test_progress_without_work_to_do_is_done() -> None:
    shown: list[tuple[str, float]] = []
    tally = Tally(lambda message, fraction: shown.append((message, fraction)))
    tally.expect("lines", 0)
    tally.add("lines", 0)
    assert shown == [("", 1.0)]


@pytest.mark.parametrize("command", ["render", "plan"])
def test_jobs_default_to_the_cores_this_process_may_use(command: str) -> None:
    args = build_parser().parse_args([command, "scene.yaml"])
    assert args.jobs == len(os.sched_getaffinity(0))
