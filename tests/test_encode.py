"""The encoder's own MP4 writer, checked by decoding its files with ffmpeg."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import media
from storyboard import encode
from storyboard.cache import Cache
from storyboard.encode import mp4
from storyboard.encode.aac import parse_adts
from storyboard.encode.film import film
from storyboard.errors import RenderError

SIZE = (64, 48)
FPS = 24
RATE = 48_000
COLOURS = ((200, 40, 40), (40, 200, 40), (40, 40, 200))
FRAMES = (5, 1, 7)
TONE_START = 0.25  # seconds of silence before the tone
CUES = [(0.05, 0.2, "first words"), (0.3, 0.5, "naïve second")]


def still(colour: tuple[int, int, int]) -> bytes:
    """A one-frame H.264 still of one colour."""
    return encode.encode_still(Image.new("RGB", SIZE, colour).tobytes(), *SIZE, FPS, encode.VideoSettings())


def tone(samples: int) -> np.ndarray:
    """Stereo int16: silence, then a 440 Hz tone in both channels from TONE_START."""
    t = np.arange(samples) / RATE
    wave = np.where(t >= TONE_START, 0.5 * np.sin(2 * np.pi * 440 * t), 0.0)
    return np.repeat((wave * 32767).astype("<i2")[:, None], 2, axis=1)


@pytest.fixture(scope="module")
def parts() -> tuple[list[tuple[bytes, int]], bytes, int]:
    """Three held stills, and the AAC of exactly the film's length of sound."""
    samples = sum(FRAMES) * RATE // FPS
    return [(still(c), n) for c, n in zip(COLOURS, FRAMES)], encode.encode_audio(tone(samples).tobytes()), samples


def write(path: Path, parts: tuple[list[tuple[bytes, int]], bytes, int], captions=()) -> Path:
    blocks, sound, samples = parts
    path.write_bytes(film(blocks, *SIZE, FPS, sound, samples, captions))
    return path


def test_frames_hold_each_still_for_its_count(tmp_path: Path, parts) -> None:
    video = media.frames(write(tmp_path / "film.mp4", parts))
    assert len(video) == sum(FRAMES)
    starts = np.cumsum((0, *FRAMES[:-1]))
    assert media.cut_frames(video) == list(starts[1:])
    for start, count, colour in zip(starts, FRAMES, COLOURS):
        held = video[start : start + count].reshape(-1, 3).mean(axis=0)
        assert np.abs(held - colour).max() < 6


def test_sound_has_exactly_its_samples_and_starts_on_time(tmp_path: Path, parts) -> None:
    sound = media.audio(write(tmp_path / "film.mp4", parts))
    assert len(sound) == parts[2]  # the encoder's priming and padding are trimmed by the edit list
    onset = int(np.flatnonzero(np.abs(sound[:, 0]) > 0.1)[0])
    assert abs(onset / RATE - TONE_START) < 0.003


def test_captions_make_a_text_track(tmp_path: Path, parts) -> None:
    path = write(tmp_path / "film.mp4", parts, CUES)
    assert media.streams(path).subtitles
    text = media.decode(path, "-map", "0:s", "-f", "srt").decode()
    assert "00:00:00,050 --> 00:00:00,200\nfirst words" in text
    assert "00:00:00,300 --> 00:00:00,500\nnaïve second" in text


def test_64_bit_offsets_decode_the_same(tmp_path: Path, parts, monkeypatch: pytest.MonkeyPatch) -> None:
    normal = write(tmp_path / "normal.mp4", parts)
    monkeypatch.setattr(mp4, "WIDE_OFFSETS", 0)
    wide = write(tmp_path / "wide.mp4", parts)
    assert b"co64" in wide.read_bytes() and b"co64" not in normal.read_bytes()
    assert media.top_level_boxes(wide) == ["ftyp", "moov", "mdat"]
    assert np.array_equal(media.frames(wide), media.frames(normal))
    assert np.array_equal(media.audio(wide), media.audio(normal))


def test_faststart_layout(tmp_path: Path, parts) -> None:
    assert media.top_level_boxes(write(tmp_path / "film.mp4", parts)) == ["ftyp", "moov", "mdat"]


@pytest.mark.parametrize("damage", [lambda a: a[:-5], lambda a: b"\x00" + a[1:], lambda a: b""])
def test_damaged_aac_is_a_render_error(parts, damage) -> None:
    with pytest.raises(RenderError):
        parse_adts(damage(parts[1]))


BANDED = (96, 184)  # two bands of six macroblock rows; the second runs 8 rows past the picture
SETTINGS = {"full": encode.VideoSettings(), "draft": encode.VideoSettings(preset="ultrafast", crf="23")}


def pattern(size: tuple[int, int], seed: int) -> np.ndarray:
    """A picture with detail in every row: soft gradients and a few hard-edged blocks, as RGB."""
    width, height = size
    y, x = np.mgrid[0:height, 0:width]
    picture = np.stack([x * 255 // width, y * 255 // height, (x + y) * 127 // (width + height) + 64], axis=-1)
    rng = np.random.default_rng(seed)
    for _ in range(6):
        top, left = rng.integers(0, height - 16), rng.integers(0, width - 16)
        picture[top : top + 16, left : left + 16] = rng.integers(0, 256, 3)
    return picture.astype(np.uint8)


def test_banded_still_decodes_to_its_picture(tmp_path: Path) -> None:
    picture = pattern(BANDED, seed=1)
    assert encode.band_spans(BANDED[1]) == [(0, 96), (96, 192)]
    samples = 3 * RATE // FPS
    still = encode.encode_still(picture.tobytes(), *BANDED, FPS, encode.VideoSettings())
    path = tmp_path / "banded.mp4"
    path.write_bytes(film([(still, 3)], *BANDED, FPS, encode.encode_audio(bytes(samples * 4)), samples))
    decoded = media.frames(path).astype(int)
    assert decoded.shape == (3, BANDED[1], BANDED[0], 3)
    error = np.abs(decoded[0] - picture)
    assert error.mean() < 2.5
    assert error[88:104].mean() < 3.5  # no seam where the bands meet
    assert np.array_equal(decoded[0], decoded[2])


@pytest.mark.parametrize("settings", SETTINGS.values(), ids=SETTINGS.keys())
def test_an_edit_codes_only_its_bands_and_gives_the_same_still(tmp_path: Path, settings) -> None:
    cache = Cache(tmp_path / "cache")
    first = pattern(BANDED, seed=2)
    edited = first.copy()
    edited[120:140, 10:60] = (250, 250, 0)  # in the second band only
    for picture in (first, edited):
        with encode.still_encoder(*BANDED, FPS, settings) as encoder:
            still = encoder.finish(encode.rows_of(picture.tobytes(), BANDED[0]), cache)
    coded = [entry for entry in (tmp_path / "cache" / "band").rglob("*") if entry.is_file()]
    assert len(coded) == 3  # the first picture's two bands, and the edited one
    assert still == encode.encode_still(edited.tobytes(), *BANDED, FPS, settings)  # both bands coded together


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160), (3840, 256)])  # the last: a side limits
def test_a_stitched_frame_declares_the_level_x264_would(size: tuple[int, int]) -> None:
    width, height = size
    ours = encode.encode_still(bytes(width * height * 3), width, height, FPS, encode.VideoSettings())
    whole = media._ffmpeg("-f", "lavfi", "-i", f"color=black:s={width}x{height}:r={FPS}", "-frames:v", "1",
                          "-c:v", "libx264", "-x264-params", encode.X264_PARAMS, "-f", "h264", "-").stdout
    assert encode.band_rows(height) < -(-height // 16)  # more than one band
    assert level_idc(ours) == level_idc(whole)


def level_idc(stream: bytes) -> int:
    """The level_idc of a stream's first SPS."""
    return stream[stream.index(b"\x00\x00\x01\x67") + 6]
