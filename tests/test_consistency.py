"""Same input, same film: byte-identical re-renders, and edits that stay local."""

from __future__ import annotations

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


def test_a_sign_edit_codes_only_the_bands_it_touches_and_gives_the_cold_film(tmp_path: Path) -> None:
    cache = tmp_path / "cache"

    def bands_coded() -> int:
        return sum(1 for entry in (cache / "band").rglob("*") if entry.is_file())

    render(SCENE, tmp_path / "before.mp4", cache)
    before = bands_coded()
    edited = tmp_path / "edited.yaml"
    edited.write_text(SCENE.read_text().replace("{text: WARD 7, style: sign}", "{text: WARD 9, style: sign}"))
    warm = render(edited, tmp_path / "warm.mp4", cache)
    assert 0 < bands_coded() - before < 2  # 320x180 is two bands a picture: the sign's is coded again
    assert warm == render(edited, tmp_path / "cold.mp4", None)
