"""``storyboard export``: every file of the package read back by the tools that would consume it.

The timelines are read by OpenTimelineIO's own adapters (what an editor's
conform tool does), the movies decoded by ffmpeg with error concealment off,
the subtitles parsed by ``srt`` and ``webvtt-py``, the stems by pydub; each
is compared with the report the package carries.
"""

from __future__ import annotations

import html
import json
import math
import os
import resource
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import opentimelineio as otio
import pytest
import srt
import webvtt

with warnings.catch_warnings():  # pydub looks for an ffmpeg on PATH when imported; it reads WAV without one
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment

import media
from conftest import ROOT, load_report, run_cli

SCENE = """\
title: Hand-off
resolution: 320x180
fps: 24
ambience: rain
characters:
  Nadia: {voice: female, look: "woman, 30s, short dark hair"}
  Sam: {voice: male}
shots:
  - id: counter
    framing: wide
    description: Nadia slides a tray across the counter of a small bakery.
    notes: Hold on Nadia.
    signs: [OPEN]
    lines:
      - Nadia: Order up!
      - {who: Sam, say: Coming!, off: true}
  - id: tray
    framing: insert
    duration: 1.5
    description: A tray of fresh bread.
    sfx:
      - {sound: door-slam, at: 0.4}
  - id: door
    framing: medium
    description: Sam pushes through the door.
    lines:
      - Sam: Right behind you & the bread.
"""
SILENT = """\
title: Quiet
resolution: 320x180
shots:
  - {id: empty, duration: 1, description: An empty street at dawn.}
  - {id: lamp, duration: 0.5, framing: close-up, description: A street lamp flickers.}
"""
START = 86400  # 01:00:00:00 at 24 fps, in frames
LAYOUT = {"handoff.otio", "handoff.xml", "handoff.edl", "handoff.fcpxml", "handoff.srt", "handoff.vtt",
          "handoff.json", "prompts.json", "media/01-counter.mp4", "media/01-counter.png", "media/02-tray.mp4",
          "media/02-tray.png", "media/03-door.mp4", "media/03-door.png", "stems/dialogue.wav",
          "stems/dialogue-nadia.wav", "stems/dialogue-sam.wav", "stems/music.wav",
          "stems/ambience.wav", "stems/sfx.wav"}


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One cache for the module's exports and renders."""
    return {"STORYBOARD_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, dict]:
    """The scene rendered (with --srt) and exported in full, both through the CLI."""
    folder = tmp_path_factory.mktemp("export")
    scene = folder / "handoff.yaml"
    scene.write_text(SCENE)
    film = folder / "film" / "handoff.mp4"
    rendered = run_cli("render", str(scene), "-o", str(film), "--srt", env=env)
    assert rendered.returncode == 0, rendered.stderr
    result = run_cli("export", str(scene), "--out", str(folder / "package"), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    return folder / "package", load_report(folder / "package" / "handoff.json")


def files_in(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}


def test_the_package_is_laid_out_as_the_spec_says(package: tuple[Path, dict]) -> None:
    folder, report = package
    assert files_in(folder) == LAYOUT
    assert set(report["files"]) == LAYOUT - {"handoff.json"}
    assert [shot["media"]["movie"] for shot in report["shots"]] == [
        "media/01-counter.mp4", "media/02-tray.mp4", "media/03-door.mp4"]
    assert [line["stem"] for line in report["lines"]] == [
        "stems/dialogue-nadia.wav", "stems/dialogue-sam.wav", "stems/dialogue-sam.wav"]
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")]  # no staging folder left


def shot_frames(shot: dict) -> tuple[int, int]:
    """A report shot's first frame and the frame after it."""
    return round(shot["start"] * 24), round(shot["end"] * 24)


def clip_frames(clip: otio.schema.Clip, tracks: otio.schema.Stack) -> tuple[int, int]:
    """A clip's first record frame and the frame after it, in its timeline."""
    placed = clip.transformed_time_range(clip.trimmed_range(), tracks)
    return round(placed.start_time.value), round(placed.end_time_exclusive().value)


def check_video(tracks: otio.schema.Stack, report: dict, folder: Path, offset: int) -> None:
    """The video track's clips are the report's shots: names, record frames (+offset) and media."""
    (video,) = [track for track in tracks if track.kind == otio.schema.TrackKind.Video]
    clips = list(video.find_clips())
    assert [clip.name for clip in clips] == [shot["id"] for shot in report["shots"]]
    assert [clip_frames(clip, tracks) for clip in clips] == [
        (first + offset, last + offset) for first, last in map(shot_frames, report["shots"])]
    assert [clip.media_reference.target_url for clip in clips] == [
        (folder / shot["media"]["movie"]).as_uri() for shot in report["shots"]]
    assert [clip.source_range.start_time.value for clip in clips] == [0] * len(clips)


def check_dialogue(tracks: otio.schema.Stack, report: dict, folder: Path, offset: int) -> None:
    """One clip per line, named WHO: text, of the speaker's stem, holding the line to the frame."""
    clips = [clip for track in tracks if track.kind == otio.schema.TrackKind.Audio
             for clip in track.find_clips() if "/stems/dialogue-" in clip.media_reference.target_url]
    clips.sort(key=lambda clip: clip_frames(clip, tracks))
    assert [clip.name for clip in clips] == [f"{line['who']}: {line['text']}" for line in report["lines"]]
    for clip, line in zip(clips, report["lines"]):
        first, last = clip_frames(clip, tracks)
        assert first - offset <= line["start"] * 24 + 0.025 < first - offset + 1  # the frame the line starts in
        assert last - offset - 1 < line["end"] * 24 - 0.025 <= last - offset  # and the frame it ends in
        assert clip.media_reference.target_url == (folder / line["stem"]).as_uri()
        assert round(clip.source_range.start_time.value) == first - offset  # the stem is as long as the film


def test_otio_reads_back_as_the_report(package: tuple[Path, dict]) -> None:
    folder, report = package
    timeline = otio.adapters.read_from_file(str(folder / "handoff.otio"))
    assert timeline.global_start_time == otio.opentime.RationalTime(START, 24)
    assert timeline.name == "Hand-off"
    check_video(timeline.tracks, report, folder, 0)
    check_dialogue(timeline.tracks, report, folder, 0)
    (music,) = [track for track in timeline.audio_tracks() if track.name == "Music"]
    (cue,) = music.find_clips()
    assert clip_frames(cue, timeline.tracks)[0] == math.floor(report["music"]["start"] * 24)
    assert cue.media_reference.target_url == (folder / "stems" / "music.wav").as_uri()
    counter = timeline.video_tracks()[0].find_clips()[0]
    assert counter.metadata["storyboard"]["notes"] == "Hold on Nadia."
    assert [marker.name for marker in counter.markers] == ["NOTE: Hold on Nadia.", "Nadia: Order up!", "Sam: Coming!"]


def test_fcp7_xml_reads_back_as_the_report(package: tuple[Path, dict]) -> None:
    folder, report = package
    timeline = otio.adapters.read_from_file(str(folder / "handoff.xml"), adapter_name="fcp_xml")
    assert timeline.global_start_time == otio.opentime.RationalTime(START, 24)
    check_video(timeline.tracks, report, folder, 0)
    check_dialogue(timeline.tracks, report, folder, 0)
    counter = timeline.video_tracks()[0].find_clips()[0]
    assert "NOTE: Hold on Nadia." in [marker.name for marker in counter.markers]


def test_edl_reads_back_as_the_report_from_one_hour(package: tuple[Path, dict]) -> None:
    folder, report = package
    text = (folder / "handoff.edl").read_text()
    assert text.startswith("TITLE: Hand-off\nFCM: NON-DROP FRAME\n")
    assert "* VIDEO ONLY" in text
    assert " 01:00:00:00 " in text.splitlines()[3]  # the first event's record in
    timeline = otio.adapters.read_from_file(str(folder / "handoff.edl"), rate=24)
    assert [track.kind for track in timeline.tracks] == [otio.schema.TrackKind.Video]  # video only
    check_video(timeline.tracks, report, folder, START)


def test_fcpxml_reads_back_as_the_report_from_one_hour(package: tuple[Path, dict]) -> None:
    folder, report = package
    text = (folder / "handoff.fcpxml").read_text()
    assert 'tcStart="3600s"' in text and 'frameDuration="25/600s" width="320" height="180"' in text
    timeline = otio.adapters.read_from_file(str(folder / "handoff.fcpxml"), adapter_name="fcpx_xml")
    # The adapter reads no start timecode: the spine's first hour reads as a gap.
    check_video(timeline.tracks, report, folder, START)


def decode(path: Path, *args: str) -> bytes:
    """Decode ``path`` with error concealment off: a broken frame fails instead of being patched."""
    result = subprocess.run([media.FFMPEG, "-v", "error", "-xerror", "-err_detect", "explode", "-i", str(path),
                             *args], capture_output=True, check=False)
    assert result.returncode == 0 and not result.stderr, result.stderr.decode()
    return result.stdout


def video(path: Path) -> np.ndarray:
    raw = decode(path, "-map", "0:v", "-f", "rawvideo", "-pix_fmt", "rgb24", "-")
    return np.frombuffer(raw, dtype=np.uint8).reshape(-1, 180, 320, 3)


def test_each_shot_movie_decodes_to_its_frames_as_the_film_shows_them(package: tuple[Path, dict]) -> None:
    folder, report = package
    film = video(folder.parent / "film" / "handoff.mp4")
    for shot in report["shots"]:
        path = folder / shot["media"]["movie"]
        first, last = shot_frames(shot)
        frames = video(path)
        assert len(frames) == last - first
        assert media.streams(path).audio == ""  # picture only: the sound is in the stems
        assert np.array_equal(frames[0], film[first]) and np.array_equal(frames[-1], film[last - 1])


def test_each_panel_png_is_the_films_picture(package: tuple[Path, dict]) -> None:
    from PIL import Image

    folder, report = package
    film = video(folder.parent / "film" / "handoff.mp4")
    for shot in report["shots"]:
        panel = np.asarray(Image.open(folder / shot["media"]["panel"]).convert("RGB"))
        assert panel.shape == (180, 320, 3)
        error = np.abs(panel.astype(int) - film[shot_frames(shot)[0]].astype(int)).mean()
        assert error < 4  # the film's frame is this picture, H.264-coded at a high quality
    other = np.asarray(Image.open(folder / report["shots"][1]["media"]["panel"]).convert("RGB"))
    assert np.abs(other.astype(int) - film[0].astype(int)).mean() > 10  # another shot's picture is not


def vtt_seconds(stamp: str) -> float:
    """``HH:MM:SS.mmm`` in seconds, to the millisecond."""
    hours, minutes, seconds = stamp.split(":")
    return round(int(hours) * 3600 + int(minutes) * 60 + float(seconds), 3)


def test_subtitles_parse_and_match_the_report(package: tuple[Path, dict]) -> None:
    folder, report = package
    subtitles = list(srt.parse((folder / "handoff.srt").read_text(), ignore_errors=False))
    assert [(s.start.total_seconds(), s.end.total_seconds(), s.content) for s in subtitles] == [
        (line["start"], line["end"], line["text"]) for line in report["lines"]]
    captions = webvtt.read(str(folder / "handoff.vtt"))
    assert [(vtt_seconds(c.start), vtt_seconds(c.end), c.voice, html.unescape(c.text)) for c in captions] == [
        (line["start"], line["end"], line["who"], line["text"]) for line in report["lines"]]
    assert "&amp; the bread" in (folder / "handoff.vtt").read_text()  # escaped in the file, read back as written


def wav(path: Path) -> np.ndarray:
    """A stem as (n, 2) int16, read by pydub: 48 kHz, 16-bit stereo."""
    sound = AudioSegment.from_wav(path)
    assert (sound.frame_rate, sound.sample_width, sound.channels) == (48000, 2, 2)
    return np.array(sound.get_array_of_samples(), dtype=np.int16).reshape(-1, 2)


def film_mix(scene: Path, cache: str) -> np.ndarray:
    """The film's mix as the renderer hands it to the AAC encoder (int16 stereo)."""
    from storyboard.cache import Cache
    from storyboard.render import RenderOptions, SoundPlan, speak, timed
    from storyboard.sound.mix import mix
    from storyboard.sources import load_source

    loaded = load_source(scene)
    keys, speech = speak(loaded, RenderOptions(Cache(Path(cache))), lambda *_: None)
    return mix(SoundPlan.of(loaded, timed(loaded, speech), keys).mix_plan(speech))


def level_db(samples: np.ndarray) -> float:
    return 20 * math.log10(max(float(np.sqrt(np.mean(np.square(samples.astype(np.float64))))), 1e-9) / 32768)


def test_stems_add_up_to_the_films_mix(package: tuple[Path, dict], env: dict[str, str]) -> None:
    folder, report = package
    stems = {path.stem: wav(path) for path in (folder / "stems").glob("*.wav")}
    total = round(report["duration"] * 24) * 2000  # the film's frames, 2000 samples a frame at 24 fps
    assert {len(samples) for samples in stems.values()} == {total}  # each lines up with the picture
    mixed = film_mix(folder.parent / "handoff.yaml", env["STORYBOARD_CACHE_DIR"])
    parts = ["dialogue-nadia", "dialogue-sam", "music", "ambience", "sfx"]
    summed = sum(stems[name].astype(np.int64) for name in parts)
    assert level_db(mixed) > -40  # a mix worth comparing against
    assert level_db(summed - mixed) < level_db(mixed) - 60
    characters = stems["dialogue-nadia"].astype(np.int64) + stems["dialogue-sam"]
    assert np.abs(characters - stems["dialogue"]).max() <= 1  # all the dialogue, to the rounding
    for name in parts:
        assert level_db(stems[name]) > -70, name  # every stem holds its part
    nadia = report["lines"][0]
    inside = stems["dialogue-nadia"][round(nadia["start"] * 48000) : round(nadia["end"] * 48000)]
    assert level_db(inside) > -40 and level_db(stems["dialogue-sam"][: round(nadia["start"] * 48000)]) < -90
    heard = media.audio(folder.parent / "film" / "handoff.mp4")[:total]
    coded = np.round(heard.astype(np.float64) * 32767)
    assert level_db(coded - summed[: len(coded)]) < level_db(mixed) - 15  # the film's sound, but for its coding


def test_render_srt_writes_the_subtitles_beside_the_film(package: tuple[Path, dict]) -> None:
    folder, report = package
    film = folder.parent / "film"
    assert (film / "handoff.srt").read_bytes() == (folder / "handoff.srt").read_bytes()
    assert media.streams(film / "handoff.mp4").subtitles == []  # captions: false still governs the film


def test_prompt_sheet_has_one_exact_entry_per_shot(package: tuple[Path, dict]) -> None:
    folder, report = package
    sheet = json.loads((folder / "prompts.json").read_text())
    assert [entry["shot"] for entry in sheet["shots"]] == [shot["id"] for shot in report["shots"]]
    for entry, shot in zip(sheet["shots"], report["shots"]):
        first, last = shot_frames(shot)
        assert entry["frames"] == last - first and entry["duration"] == (last - first) / 24
        assert entry["framing"] == shot["framing"] and entry["signs"][0]["text"] if shot["signs"] else True
    counter = sheet["shots"][0]
    assert counter["prompt"].startswith("Wide shot, ")
    assert "Nadia slides a tray" in counter["prompt"] and 'Nadia: woman, 30s, short dark hair.' in counter["prompt"]
    assert '"OPEN"' in counter["prompt"] and 'Sam (off-screen) says "Coming!"' in counter["prompt"]
    assert [person["name"] for person in counter["cast"]] == ["Nadia"]  # Sam is off-screen here
    assert sheet["shots"][1]["prompt"].endswith("No dialogue.")


def test_a_scene_without_lines_exports_an_empty_dialogue_track(tmp_path: Path, env: dict[str, str]) -> None:
    scene = tmp_path / "quiet.yaml"
    scene.write_text(SILENT)
    result = run_cli("export", str(scene), "--out", str(tmp_path / "out"), env=env)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out"
    assert files_in(folder) >= {"stems/dialogue.wav", "stems/music.wav", "quiet.srt", "quiet.vtt"}
    assert not list(folder.glob("stems/dialogue-*.wav"))
    assert list(srt.parse((folder / "quiet.srt").read_text())) == []
    assert len(webvtt.read(str(folder / "quiet.vtt"))) == 0
    timeline = otio.adapters.read_from_file(str(folder / "quiet.otio"))
    (dialogue,) = [track for track in timeline.audio_tracks() if track.name == "Dialogue"]
    assert len(dialogue) == 0
    silence = AudioSegment.from_wav(folder / "stems" / "dialogue.wav")
    assert silence.frame_rate == 48000 and silence.max == 0
    assert len(silence.get_array_of_samples()) == 2 * round(1.5 * 48000)


def test_formats_can_be_chosen(tmp_path: Path, env: dict[str, str]) -> None:
    scene = tmp_path / "quiet.yaml"
    scene.write_text(SILENT)
    result = run_cli("export", str(scene), "--out", str(tmp_path / "out"), "--format", "edl,prompts", env=env)
    assert result.returncode == 0, result.stderr
    assert files_in(tmp_path / "out") == {"quiet.edl", "prompts.json", "quiet.json"}
    bad = run_cli("export", str(scene), "--out", str(tmp_path / "other"), "--format", "edl,aaf", env=env)
    assert bad.returncode == 2 and bad.stderr.strip() == (
        "storyboard: unknown export format 'aaf' (known: media, stems, otio, fcp7, edl, fcpxml, srt, vtt, prompts)")
    assert not (tmp_path / "other").exists()


def test_an_export_replaces_the_one_before_it(tmp_path: Path, env: dict[str, str]) -> None:
    scene = tmp_path / "quiet.yaml"
    scene.write_text(SILENT)
    assert run_cli("export", str(scene), "--out", str(tmp_path / "out"), env=env).returncode == 0
    again = run_cli("export", str(scene), "--out", str(tmp_path / "out"), "--format", "srt", env=env)
    assert again.returncode == 0, again.stderr
    assert files_in(tmp_path / "out") == {"quiet.srt", "quiet.json"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "quiet.yaml"]


def refused(tmp_path: Path, env: dict[str, str], out: Path, **run: object) -> str:
    """Export into ``out`` expecting exit code 1 and one line on stderr; that line."""
    scene = tmp_path / "quiet.yaml"
    scene.write_text(SILENT)
    result = subprocess.run([sys.executable, "-m", "storyboard", "export", str(scene), "--out", str(out)],
                            cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, check=False, **run)
    assert result.returncode == 1, result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    return result.stderr


def test_an_output_folder_that_is_a_file_is_refused(tmp_path: Path, env: dict[str, str]) -> None:
    target = tmp_path / "out"
    target.write_text("not a folder")
    assert refused(tmp_path, env, target) == f"storyboard: {target}: is a file, not a folder\n"
    assert target.read_text() == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "quiet.yaml"]


def test_a_folder_of_other_work_or_holding_the_scene_is_never_replaced(tmp_path: Path, env: dict[str, str]) -> None:
    target = tmp_path / "work"
    target.mkdir()
    (target / "cut-v3.prproj").write_text("an editor's project")
    assert "holds files this command did not write (cut-v3.prproj)" in refused(tmp_path, env, target)
    assert (target / "cut-v3.prproj").read_text() == "an editor's project"
    assert "holds the scene" in refused(tmp_path, env, tmp_path)
    assert (tmp_path / "quiet.yaml").exists()


def test_an_unwritable_output_folder_is_one_line(tmp_path: Path, env: dict[str, str]) -> None:
    message = refused(tmp_path, env, Path("/sys/storyboard-export"))  # read-only for root too
    assert message.startswith("storyboard: /sys/storyboard-export: cannot write here: ")


def test_a_full_disk_leaves_the_previous_package_whole(tmp_path: Path, env: dict[str, str]) -> None:
    scene = tmp_path / "quiet.yaml"
    scene.write_text(SILENT)
    target = tmp_path / "out"
    assert run_cli("export", str(scene), "--out", str(target), env=env).returncode == 0
    before = {name: (target / name).read_bytes() for name in files_in(target)}

    def small_disk() -> None:  # every file write past 64 KB fails, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))

    message = refused(tmp_path, env, target, preexec_fn=small_disk)
    assert message.startswith(f"storyboard: {target}: could not write the files: ")
    assert {name: (target / name).read_bytes() for name in files_in(target)} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "quiet.yaml"]


def test_the_api_exports_a_scene_built_in_code(tmp_path: Path, env: dict[str, str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import storyboard

    monkeypatch.setenv("STORYBOARD_CACHE_DIR", env["STORYBOARD_CACHE_DIR"])
    scene = {"title": "Two Shots", "resolution": "320x180",
             "shots": [{"id": "a", "duration": 1, "notes": "Wide open."}, {"id": "b", "duration": 0.5}]}
    report = storyboard.export(scene, tmp_path / "pkg", formats=["otio", "prompts"])
    assert isinstance(report, storyboard.Report) and report.warnings == ()
    assert files_in(tmp_path / "pkg") == {"two-shots.otio", "two-shots.json", "prompts.json"}  # named by the title
    assert load_report(tmp_path / "pkg" / "two-shots.json") == dict(report)
    with pytest.raises(storyboard.InputError, match="unknown export format 'pdf'"):
        storyboard.export(scene, tmp_path / "other", formats=["pdf"])
    (tmp_path / "file").write_text("")
    with pytest.raises(storyboard.RenderError, match="is a file, not a folder"):
        storyboard.export(scene, tmp_path / "file")
    sheets = storyboard.boards(scene, tmp_path / "boards.pdf", orientation="portrait")
    assert sheets["pages"] == 1 and sheets["images"] == [] and (tmp_path / "boards.pdf").exists()


def test_render_srt_is_never_written_over_another_output(tmp_path: Path) -> None:
    scene = tmp_path / "take.yaml"
    scene.write_text("shots:\n  - description: A quiet street.\n")
    result = run_cli("render", str(scene), "-o", str(tmp_path / "film.mp4"), "--report", str(tmp_path / "film.srt"),
                     "--srt", env={"STORYBOARD_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 2, result.stderr
    assert "the subtitles would be written over the report" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["take.yaml"]
