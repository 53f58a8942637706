"""Films written from spools, and sound encoded in pieces: checked by decoding what is written.

The MP4 writer lays out ``moov`` from the samples' sizes and copies the
samples from a spool (or a cached ADTS file) a chunk at a time; the sound is
encoded in pieces side by side (docs/long-films.md). These tests write short
films both ways and compare them, decode them strictly, measure each join of
the pieces against a one-piece encode, and hold the memory used to write a
film well under the film's own size.
"""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import media
from storyboard import encode
from storyboard.encode import mp4
from storyboard.encode.aac import AacStream, parse_adts
from storyboard.encode.film import FilmWriter, film
from storyboard.errors import RenderError
from storyboard.sound.score import ScoreStream

SIZE = (64, 48)
FPS = 24
RATE = 48_000
PIECE = 2**16  # small pieces (1.4 s), so a few seconds of sound has several joins


def decoded_adts(adts: bytes, samples: int) -> np.ndarray:
    """An ADTS stream decoded strictly (as :func:`media.decode`) to (samples, 2) float, its encoder's priming dropped."""
    done = media._ffmpeg("-loglevel", "error", "-xerror", "-err_detect", "explode", "-f", "aac", "-i", "pipe:0",
                         "-f", "s16le", "-ac", "2", "-", stdin=adts)
    assert done.returncode == 0 and not done.stderr, done.stderr.decode()
    return np.frombuffer(done.stdout, "<i2").reshape(-1, 2)[1024 : 1024 + samples].astype(float)


def music(seconds: float) -> np.ndarray:
    """A score with kicks, ticks and plucks (transients that switch the encoder's windows) as stereo int16."""
    score = ScoreStream("pulse", seconds, seed=7).read(0, round(seconds * RATE))
    return np.clip(np.round(score * 3 * 32767), -32768, 32767).astype("<i2")


def pieced(pcm: np.ndarray, jobs: int, piece: int = PIECE, block: int = 10_000) -> AacStream:
    """``pcm`` encoded by a SoundEncoder, written ``block`` samples at a time."""
    with encode.SoundEncoder(len(pcm), jobs, piece=piece) as encoder:
        for start in range(0, len(pcm), block):
            encoder.write(pcm[start : start + block])
        return encoder.finish()


def adts_of(stream: AacStream) -> bytes:
    out = io.BytesIO()
    stream.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def sound() -> tuple[np.ndarray, bytes, bytes]:
    """Six seconds of music: its PCM, its one-piece AAC and its AAC in pieces of 1.4 s."""
    pcm = music(6.0)
    return pcm, encode.encode_audio(pcm.tobytes()), adts_of(pieced(pcm, jobs=2))


def test_the_sound_is_cut_into_whole_frame_pieces_by_its_length_alone() -> None:
    assert encode.AUDIO_PIECE_SAMPLES == 2**21 and encode.AUDIO_PIECE_OVERLAP == 32 * 1024  # as docs/long-films.md
    assert encode.audio_pieces(2**21) == [(0, 2**21)]
    assert encode.audio_pieces(2**22 - 1) == [(0, 2**22 - 1)]  # the last piece takes a remainder under a piece
    assert encode.audio_pieces(2**22) == [(0, 2**21), (2**21, 2**22)]
    assert encode.audio_pieces(1000) == [(0, 1000)]


def test_pieces_join_without_a_seam(sound) -> None:
    pcm, whole, joined = sound
    original = pcm.astype(float)
    one, many = decoded_adts(whole, len(pcm)), decoded_adts(joined, len(pcm))
    assert len(parse_adts(joined).frames) == len(parse_adts(whole).frames)  # the same frames, the same length
    joins = [start for start, _ in encode.audio_pieces(len(pcm), PIECE)[1:]]
    assert len(joins) == 3
    for join in joins:
        near = slice(join - 2048, join + 2048)
        noise = np.sqrt(np.mean((one[near] - original[near]) ** 2))  # the one-piece encode's own error here
        assert np.sqrt(np.mean((many[near] - original[near]) ** 2)) < 3 * noise  # quantisation noise, no more
        # a click would be a burst far above what coding costs anywhere near
        assert np.abs(many[near] - original[near]).max() < 2 * np.abs(one[near] - original[near]).max() + 64
    assert np.sqrt(np.mean((many - original) ** 2)) < 1.5 * np.sqrt(np.mean((one - original) ** 2))


def test_pieces_without_their_neighbours_would_click(sound, monkeypatch: pytest.MonkeyPatch) -> None:
    """The join test can fail: pieces that do not hear their neighbours leave a seam it sees."""
    pcm, whole, _ = sound
    monkeypatch.setattr(encode, "AUDIO_PIECE_OVERLAP", 0)
    bare = decoded_adts(adts_of(pieced(pcm, jobs=2)), len(pcm))
    one, original = decoded_adts(whole, len(pcm)), pcm.astype(float)
    join = encode.audio_pieces(len(pcm), PIECE)[1][0]
    near = slice(join - 2048, join + 2048)
    noise = np.sqrt(np.mean((one[near] - original[near]) ** 2))
    assert np.sqrt(np.mean((bare[near] - original[near]) ** 2)) > 3 * noise


def test_the_bytes_do_not_depend_on_how_many_encoders_ran(sound) -> None:
    pcm, _, joined = sound
    assert adts_of(pieced(pcm, jobs=1, block=777)) == joined
    assert adts_of(pieced(pcm, jobs=4, block=PIECE * 3)) == joined


def test_a_sound_of_one_piece_is_one_encode(sound) -> None:
    pcm, whole, _ = sound
    assert adts_of(pieced(pcm, jobs=2, piece=2**21)) == whole


def test_a_sound_that_ends_early_is_an_error() -> None:
    with pytest.raises(RenderError, match="ended at sample"), encode.SoundEncoder(4000, 1) as encoder:
        encoder.write(np.zeros((1000, 2), "<i2"))
        encoder.finish()


def still(colour: tuple[int, int, int]) -> bytes:
    return encode.encode_still(Image.new("RGB", SIZE, colour).tobytes(), *SIZE, FPS, encode.VideoSettings())


@pytest.fixture(scope="module")
def parts(sound) -> tuple[list[tuple[bytes, int]], bytes, int]:
    """Two held stills over the six seconds of pieced sound."""
    pcm, _, joined = sound
    frames = len(pcm) * FPS // RATE
    return [(still((200, 40, 40)), frames // 3), (still((40, 40, 200)), frames - frames // 3)], joined, len(pcm)


def test_a_film_spooled_to_files_is_the_film_made_in_memory(tmp_path: Path, parts, monkeypatch) -> None:
    blocks, adts, samples = parts
    in_memory = film(blocks, *SIZE, FPS, adts, samples, [(0.5, 1.5, "hello")])
    monkeypatch.setattr(mp4, "SPOOL_MEMORY", 1)  # every spool becomes a temporary file at once
    cached = tmp_path / "sound.adts"
    cached.write_bytes(b"HEAD" + adts)  # the sound as a cache entry holds it: after a head of its own
    path = tmp_path / "film.mp4"
    with FilmWriter(*SIZE, FPS) as writer, cached.open("rb") as entry, path.open("wb") as out:
        writer.add_shots(blocks)
        writer.write(out, AacStream.in_file(entry, 4, len(adts)), samples, [(0.5, 1.5, "hello")])
    assert path.read_bytes() == in_memory
    assert len(media.decode(path, "-map", "0:v", "-f", "rawvideo", "-pix_fmt", "gray")) == (
        sum(frames for _, frames in blocks) * SIZE[0] * SIZE[1])
    assert len(media.decode(path, "-map", "0:a", "-f", "s16le")) == samples * 4
    assert media.top_level_boxes(path) == ["ftyp", "moov", "mdat"]


def test_a_cached_sound_cut_short_is_an_error(tmp_path: Path, parts) -> None:
    _, adts, _ = parts
    cached = tmp_path / "sound.adts"
    cached.write_bytes(adts[:-100])
    with cached.open("rb") as entry, pytest.raises(RenderError, match="cut short"):
        AacStream.in_file(entry, 0, len(adts) - 100)


def test_writing_a_film_holds_its_tables_not_its_media(tmp_path: Path, parts, monkeypatch) -> None:
    """Two minutes of sound and picture are written in a small fraction of their size.

    The sound is the six seconds' frames twenty times over (a valid stream to
    write, whatever it sounds like); tracemalloc counts what Python holds.
    """
    blocks, adts, samples = parts
    monkeypatch.setattr(mp4, "SPOOL_MEMORY", 1)
    sound = parse_adts(adts * 20)
    length = len(sound.frames) * 1024 - 1024  # samples
    media_bytes = sound.frames.total
    tracemalloc.start()
    try:
        with FilmWriter(*SIZE, FPS) as writer, (tmp_path / "long.mp4").open("wb") as out:
            writer.add_shots([(blocks[0][0], length * FPS // RATE)])
            writer.write(out, sound, length)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert media_bytes > 2_000_000
    assert peak < media_bytes / 4
    assert (tmp_path / "long.mp4").stat().st_size > media_bytes
