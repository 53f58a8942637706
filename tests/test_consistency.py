"""Same input, same film: byte-identical re-renders, and edits that stay local."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import media
from conftest import ROOT, load_report, run_cli

SCENE = ROOT / "scenes" / "night_shift.yaml"
SMALL = ["--resolution", "320x180"]


def render(scene: Path, out: Path, cache: Path | None, *extra: str) -> bytes:
    """Render through the CLI and return the MP4's bytes."""
    args = ["render", str(scene), "-o", str(out), *SMALL, *extra]
    env = {"STORYBOARD_CACHE_DIR": str(cache)} if cache else {}
    result = run_cli(*args, *([] if cache else ["--no-cache"]), env=env)
    assert result.returncode == 0, result.stderr
    return out.read_bytes()


def test_byte_identical_cold_warm_uncached_and_in_any_order(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = render(SCENE, tmp_path / "cold.mp4", cache)
    warm = render(SCENE, tmp_path / "warm.mp4", cache)
    uncached = render(SCENE, tmp_path / "uncached.mp4", None, "--jobs", "1")
    assert cold == warm == uncached


def test_damaged_cache_entries_are_rebuilt_not_used(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    reference = render(SCENE, tmp_path / "a.mp4", cache)
    entries = sorted(p for p in cache.rglob("*") if p.is_file())
    assert {p.parts[len(cache.parts)] for p in entries} >= {"speech", "backdrop", "shot", "audio"}
    for n, entry in enumerate(entries):
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] if n % 2 else data[:-1] + bytes([data[-1] ^ 0xFF]))
    assert render(SCENE, tmp_path / "b.mp4", cache) == reference
    assert render(SCENE, tmp_path / "c.mp4", cache) == reference  # and the rebuilt entries are good


def shot_frames(film: Path) -> dict[str, np.ndarray]:
    """Each shot's first frame, by shot id."""
    report, frames = load_report(film.with_suffix(".json")), media.frames(film)
    return {shot["id"]: frames[round(shot["start"] * report["fps"])] for shot in report["shots"]}


def render_before_and_after(tmp_path: Path, old: str, new: str) -> tuple[Path, Path]:
    """The scene rendered as it is and with ``old`` replaced by ``new`` (one cache)."""
    cache = tmp_path / "cache"
    render(SCENE, tmp_path / "before.mp4", cache)
    edited = tmp_path / "edited.yaml"
    edited.write_text(SCENE.read_text().replace(old, new))
    render(edited, tmp_path / "after.mp4", cache)
    return tmp_path / "before.mp4", tmp_path / "after.mp4"


def test_editing_one_shot_changes_only_that_shot(tmp_path: Path) -> None:
    films = render_before_and_after(tmp_path, "{text: WARD 7, style: sign}", "{text: WARD 9, style: sign}")
    before, after = shot_frames(films[0]), shot_frames(films[1])
    assert not np.array_equal(before["corridor"], after["corridor"])
    for shot in ("desk", "door", "radio", "dark"):
        assert np.array_equal(before[shot], after[shot]), shot


def test_longer_shot_only_extends_the_music(tmp_path: Path) -> None:
    short, longer = render_before_and_after(tmp_path, "duration: 2.5", "duration: 5")
    a, b = media.audio(short), media.audio(longer)
    head = int(load_report(short.with_suffix(".json"))["shots"][-1]["start"] * media.AUDIO_RATE)
    assert np.abs(a[:head] - b[:head]).max() < 1e-3


@pytest.mark.parametrize("size", [(320, 180), (1920, 1080)])
def test_draft_is_small_and_keeps_timing(tmp_path: Path, size: tuple[int, int]) -> None:
    cache = tmp_path / "cache"
    render(SCENE, tmp_path / "full.mp4", cache)
    draft = tmp_path / "draft.mp4"
    result = run_cli("render", str(SCENE), "-o", str(draft), "--resolution", f"{size[0]}x{size[1]}", "--draft",
                     env={"STORYBOARD_CACHE_DIR": str(cache)})
    assert result.returncode == 0, result.stderr
    info = media.streams(draft)
    assert info.height == min(size[1], 360) and info.width * size[1] == size[0] * info.height
    full, fast = load_report(tmp_path / "full.json"), load_report(tmp_path / "draft.json")
    assert [s["start"] for s in full["shots"]] == [s["start"] for s in fast["shots"]]


def test_undecodable_cache_entries_are_misses(tmp_path: Path) -> None:
    from storyboard.cache import Cache

    cache = Cache(tmp_path / "cache")
    cache.put("backdrop", "ab" * 32, b"an old format")
    assert cache.load("backdrop", "ab" * 32, lambda data: data.decode().split()[5]) is None
    assert cache.get("backdrop", "ab" * 32) is None  # dropped, to be rebuilt
    cache.put("replay", "cd" * 32, b"[1, 2, 3]")
    assert cache.load("replay", "cd" * 32, lambda data: data) == b"[1, 2, 3]"


def test_drawing_on_threads_gives_the_same_film_as_the_forked_worker(tmp_path: Path) -> None:
    """With another thread running, fork is unsafe: stills are drawn on threads instead, to the same bytes."""
    import threading

    from storyboard.cache import Cache
    from storyboard.forked import can_fork
    from storyboard.render import RenderOptions, render_file
    from storyboard.sources import Overrides

    forked = render(SCENE, tmp_path / "forked.mp4", None)  # the CLI: a single thread, so it forks
    busy = threading.Event()
    other = threading.Thread(target=busy.wait)
    other.start()
    try:
        assert not can_fork()
        out = tmp_path / "threads.mp4"
        render_file(SCENE, out, tmp_path / "threads.json", RenderOptions(cache=Cache(None)), Overrides("320x180"))
    finally:
        busy.set()
        other.join()
    assert out.read_bytes() == forked


@pytest.mark.parametrize("text", ["WARD 9", "WARD 7 EAST"])  # the same size; longer words, a larger sign
def test_a_sign_edit_codes_only_the_bands_it_touches_and_gives_the_cold_film(tmp_path: Path, text: str) -> None:
    cache = tmp_path / "cache"

    def entries(kind: str) -> int:
        return sum(1 for entry in (cache / kind).rglob("*") if entry.is_file())

    render(SCENE, tmp_path / "before.mp4", cache)
    before = {kind: entries(kind) for kind in ("band", "staging", "backdrop")}
    edited = tmp_path / "edited.yaml"
    edited.write_text(SCENE.read_text().replace("{text: WARD 7, style: sign}", f"{{text: {text}, style: sign}}"))
    warm = render(edited, tmp_path / "warm.mp4", cache)
    from storyboard.encode import band_spans

    (sign,) = load_report(tmp_path / "warm.json")["shots"][0]["panel"]["signs"]
    touched = [span for span in band_spans(180) if span[0] < sign["box"][3] and sign["box"][1] < span[1]]
    assert len(touched) < len(band_spans(180)) * 5  # the film's five shots have ten bands: one or two coded again
    assert 0 < entries("band") - before["band"] <= len(touched)  # only the bands the sign's box reaches
    assert (entries("staging"), entries("backdrop")) == (before["staging"], before["backdrop"])  # neither made again
    assert warm == render(edited, tmp_path / "cold.mp4", None)


def test_a_sign_edit_leaves_the_speech_engine_numpy_pillow_and_the_staging_unloaded_in_the_rendering_process(
        tmp_path: Path) -> None:
    """Its lines, sound, staging and backdrop all come from the cache: only the forked drawing process loads Pillow."""
    cache = tmp_path / "cache"
    render(SCENE, tmp_path / "before.mp4", cache)
    edited = tmp_path / "edited.yaml"
    edited.write_text(SCENE.read_text().replace("{text: WARD 7, style: sign}", "{text: WARD 7 EAST, style: sign}"))
    probe = f"""
import sys, storyboard
storyboard.render({str(edited)!r}, {str(tmp_path / "warm.mp4")!r}, resolution="320x180", cache={str(cache)!r})
heavy = ("numpy", "PIL", "storyboard.sound.speech", "storyboard.sound.mix", "storyboard.picture.staging")
print(sorted(name for name in sys.modules if name.startswith(heavy)))
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[]\n"
    assert (tmp_path / "warm.mp4").read_bytes() == render(edited, tmp_path / "cold.mp4", None)


def test_a_sign_edit_leaves_the_sets_props_cast_drawing_and_staging_unloaded_in_the_drawing_process(
        tmp_path: Path) -> None:
    """The backdrop and staging come from the cache: the forked process that draws the sign imports nothing that draws
    a backdrop (it writes what it imported to a file as it exits)."""
    cache = tmp_path / "cache"
    render(SCENE, tmp_path / "before.mp4", cache)
    edited = tmp_path / "edited.yaml"
    edited.write_text(SCENE.read_text().replace("{text: WARD 7, style: sign}", "{text: WARD 7 EAST, style: sign}"))
    seen = tmp_path / "drawing-process-modules.txt"
    probe = f"""
import os, sys, storyboard
def write_modules_on_exit():
    real_exit = os._exit
    def exit_(code):
        with open({str(seen)!r}, "w") as out:
            out.write("\\n".join(sorted(sys.modules)))
        real_exit(code)
    os._exit = exit_
os.register_at_fork(after_in_child=write_modules_on_exit)
storyboard.render({str(edited)!r}, {str(tmp_path / "warm.mp4")!r}, resolution="320x180", cache={str(cache)!r})
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    modules = seen.read_text().split("\n")
    assert "storyboard.picture.panel" in modules  # (the probe did see the process that drew the sign)
    backdrop_drawing = ("storyboard.picture.backdrop", "storyboard.picture.sets", "storyboard.picture.props",
                        "storyboard.picture.dressing", "storyboard.picture.staging", "storyboard.picture.cast.body",
                        "storyboard.picture.cast.crowd", "storyboard.picture.cast.hands", "storyboard.picture.weather")
    assert [name for name in modules if name.startswith(backdrop_drawing)] == []
    assert (tmp_path / "warm.mp4").read_bytes() == render(edited, tmp_path / "cold.mp4", None)


def test_a_sign_grown_past_every_place_for_it_gets_a_carrier_as_in_a_cold_render(tmp_path: Path) -> None:
    """Words too long for the door the sign was on: the backdrop is drawn again, with a whiteboard for it (indoors)."""
    cache = tmp_path / "cache"
    render(SCENE, tmp_path / "before.mp4", cache)
    edited = tmp_path / "edited.yaml"
    text = "WARD 7: NO VISITORS AFTER MIDNIGHT, STAFF ONLY BEYOND THIS DOOR"
    edited.write_text(SCENE.read_text().replace("{text: WARD 7, style: sign}", f"{{text: '{text}', style: sign}}"))
    warm = render(edited, tmp_path / "warm.mp4", cache)
    props = [load_report(tmp_path / name)["shots"][0]["panel"]["props"] for name in ("before.json", "warm.json")]
    assert props == [["door"], ["door", "whiteboard"]]
    assert warm == render(edited, tmp_path / "cold.mp4", None)
