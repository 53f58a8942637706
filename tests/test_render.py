"""End to end: render real scenes at small sizes, then decode the MP4 and measure it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import media
from conftest import ROOT, load_report, run_cli

SMALL = "320x180"
SCENES = {
    "tech_corp": ROOT / "scenes" / "tech_corp.yaml",
    "night_shift": ROOT / "scenes" / "night_shift.yaml",
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict]]:
    """Each scene rendered once, cold, through the CLI."""
    out = tmp_path_factory.mktemp("renders")
    env = {"STORYBOARD_CACHE_DIR": str(out / "cache")}
    films = {}
    for name, scene in SCENES.items():
        film = out / f"{name}.mp4"
        result = run_cli("render", str(scene), "-o", str(film), "--resolution", SMALL, env=env)
        assert result.returncode == 0, result.stderr
        assert result.stdout == ""  # piped: quiet
        films[name] = (film, load_report(film.with_suffix(".json")))
    return films


@pytest.fixture(params=sorted(SCENES))
def film(request: pytest.FixtureRequest, rendered: dict) -> tuple[Path, dict]:
    return rendered[request.param]


def test_streams_are_what_every_player_plays(film: tuple[Path, dict]) -> None:
    path, report = film
    info = media.streams(path)
    assert info.video.startswith("h264") and "yuv420p(tv, bt709, progressive)" in info.video
    assert (info.width, info.height) == (320, 180) == (report["width"], report["height"])
    assert info.audio.startswith("aac") and "48000 Hz" in info.audio and "stereo" in info.audio
    assert info.subtitles == []
    boxes = media.top_level_boxes(path)
    assert boxes.index("moov") < boxes.index("mdat")  # +faststart


def test_constant_frame_rate_and_duration_match_report(film: tuple[Path, dict]) -> None:
    path, report = film
    packets = media.video_packets(path)
    durations = {duration for _, _, duration in packets}
    assert len(durations) == 1
    step = durations.pop()
    assert [pts for _, pts, _ in packets] == [i * step for i in range(len(packets))]
    assert len(packets) == round(report["duration"] * report["fps"])
    assert len(media.audio(path)) / media.AUDIO_RATE == pytest.approx(report["duration"], abs=0.03)


def test_hard_cut_exactly_where_each_shot_starts(film: tuple[Path, dict]) -> None:
    path, report = film
    frames = media.frames(path)
    starts = [round(shot["start"] * report["fps"]) for shot in report["shots"]]
    assert media.cut_frames(frames) == starts[1:]
    assert len(frames) == round(report["shots"][-1]["end"] * report["fps"])


def test_every_line_is_spoken_in_its_window(film: tuple[Path, dict]) -> None:
    path, report = film
    sound = media.audio(path)
    for line in report["lines"]:
        speech = media.rms_db(media.window(sound, line["start"], line["end"]))
        assert speech > -30, line
        assert speech > media.rms_db(media.window(sound, line["start"] - 0.25, line["start"] - 0.05)) + 6, line


def test_music_until_final_line_then_silence(film: tuple[Path, dict]) -> None:
    path, report = film
    sound = media.audio(path)
    first, last = report["lines"][0], report["lines"][-1]
    stop = report["music"]["stop"]
    assert stop == pytest.approx(last["start"], abs=0.002)
    assert media.rms_db(media.window(sound, 0.05, first["start"] - 0.05)) > -40  # the score, alone
    assert media.rms_db(media.window(sound, stop - 0.25, stop - 0.02)) > -45
    assert media.rms_db(media.window(sound, last["end"] + 0.1, report["duration"])) < -70  # the dry tail
    assert report["duration"] - last["end"] > 0.5


def test_frames_show_the_drawn_panels(film: tuple[Path, dict]) -> None:
    from storyboard.loader import load_scene
    from storyboard.picture import draw_panel, stage_film

    path, report = film
    scene = load_scene(SCENES[path.stem])
    frames = media.frames(path)
    panels = [draw_panel(shot, 320, 180, staging) for shot, staging in zip(scene.shots, stage_film(scene, 320, 180))]
    for shot, panel, entry in zip(scene.shots, panels, report["shots"]):
        decoded = frames[round(entry["start"] * report["fps"])].astype(np.int16)
        errors = [np.abs(decoded - np.asarray(other.image, dtype=np.int16)).mean() for other in panels]
        own = errors[scene.shots.index(shot)]
        assert own < 5, shot.id  # x264's loss on a detailed 320x180 panel
        assert all(own * 3 < error for error in errors if error is not own), shot.id  # and not any other panel
        for box in panel.sign_boxes:
            region = decoded[box[1] : box[3], box[0] : box[2]]
            assert region.std() > 25, (shot.id, box)  # text on its ground: strong contrast


def first_frames(tmp_path: Path, old: str, new: str) -> tuple[np.ndarray, np.ndarray, Path]:
    """The reference scene's first frame, and the first frame after replacing ``old`` by ``new``."""
    variant = tmp_path / "variant.yaml"
    variant.write_text(SCENES["tech_corp"].read_text().replace(old, new))
    frames = []
    for source in (SCENES["tech_corp"], variant):
        out = tmp_path / f"{source.stem}.mp4"
        assert run_cli("render", str(source), "-o", str(out), "--resolution", SMALL).returncode == 0
        frames.append(media.frames(out)[0].astype(np.int16))
    return frames[0], frames[1], variant


def test_sign_text_changes_only_the_sign(tmp_path: Path, cache_dir: Path) -> None:
    from storyboard.loader import load_scene
    from storyboard.picture import draw_panel

    before, after, variant = first_frames(tmp_path, "text: Tech Corp,", "text: Tech Inc,")
    box = draw_panel(load_scene(variant).shots[0], 320, 180).sign_boxes[0]
    changed = np.abs(before - after).max(axis=2) > 40
    assert changed[box[1] : box[3], box[0] : box[2]].sum() > 20  # the text itself
    near = np.zeros_like(changed)  # the sign object around it may resize with the text
    pad_x, pad_y = 320 // 6, 180 // 8
    near[max(0, box[1] - pad_y) : box[3] + pad_y, max(0, box[0] - pad_x) : box[2] + pad_x] = True
    assert changed[~near].sum() <= changed.size // 1000  # nothing else moved (but codec ripple)


def test_dialogue_is_never_drawn(tmp_path: Path, cache_dir: Path) -> None:
    before, after, _ = first_frames(tmp_path, "They automated my job.", "Completely different words here.")
    assert np.array_equal(before, after)


def test_captions_true_adds_a_subtitle_stream(tmp_path: Path, cache_dir: Path) -> None:
    variant = tmp_path / "captioned.yaml"
    variant.write_text(SCENES["tech_corp"].read_text().replace("captions: false", "captions: true"))
    out = tmp_path / "captioned.mp4"
    assert run_cli("render", str(variant), "-o", str(out), "--resolution", SMALL).returncode == 0
    assert media.streams(out).subtitles and "mov_text" in media.streams(out).subtitles[0]
    assert load_report(out.with_suffix(".json"))["captions"] is True


def test_default_output_paths(tmp_path: Path, cache_dir: Path) -> None:
    scene = tmp_path / "mini.yaml"
    scene.write_text("resolution: 160x90\nshots:\n  - description: A room.\n    duration: 1\n")
    result = run_cli("render", str(scene), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = load_report(tmp_path / "output" / "mini.json")
    assert report["output"] == "output/mini.mp4" and (tmp_path / "output" / "mini.mp4").exists()
    assert report["duration"] == 1.0 and report["lines"] == [] and report["render_seconds"] > 0


def test_output_onto_a_folder_is_refused_before_any_work(tmp_path: Path, cache_dir: Path) -> None:
    blocked = tmp_path / "film.mp4"
    blocked.mkdir()  # a folder where the film should go
    result = run_cli("render", str(SCENES["tech_corp"]), "-o", str(blocked / ".." / "film.mp4"), "--resolution", SMALL)
    assert result.returncode == 2
    assert result.stderr == f"storyboard: {blocked / '..' / 'film.mp4'}: the film would be written over a folder; give a file name\n"
    assert blocked.is_dir() and not any(blocked.iterdir())
    assert [p.name for p in tmp_path.iterdir()] == ["film.mp4"]  # not even the cache was touched


def test_plan_table_and_json(cache_dir: Path) -> None:
    table = run_cli("plan", str(SCENES["night_shift"]))
    assert table.returncode == 0
    assert "corridor" in table.stdout and "Dispatcher: Do not open the door." in table.stdout
    as_json = run_cli("plan", str(SCENES["night_shift"]), "--json")
    import json

    document = json.loads(as_json.stdout)
    assert "output" not in document and "render_seconds" not in document
    assert [shot["id"] for shot in document["shots"]] == ["corridor", "desk", "door", "radio", "dark"]
    assert [line["who"] for line in document["lines"]] == ["Guard", "Nurse", "Guard", "Dispatcher", "Dispatcher"]


def test_too_short_shot_is_reported(tmp_path: Path, cache_dir: Path) -> None:
    scene = tmp_path / "short.yaml"
    scene.write_text("shots:\n  - id: rush\n    duration: 0.5\n    lines:\n      - Man: This line is far too long for half a second.\n")
    for command in ("plan", "check"):
        result = run_cli(command, str(scene))
        assert result.returncode == 0
        assert f"{scene}:2: warning: shot 'rush'" in result.stderr


def test_broken_encoder_fails_in_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    """Every ffmpeg run fails (the drawing process's and this one's): exit 1, one line, no film."""
    out = tmp_path / "film.mp4"
    result = run_cli("render", str(SCENES["tech_corp"]), "-o", str(out), "--resolution", SMALL, "--no-cache",
                     env={"IMAGEIO_FFMPEG_EXE": "/bin/false"})
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["storyboard: ffmpeg failed: no message"]
    assert list(tmp_path.iterdir()) == []
