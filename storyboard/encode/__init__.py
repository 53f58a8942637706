"""Picture and sound -> the MP4 file (H.264 yuv420p CFR, AAC 48 kHz, faststart).

Each distinct shot picture is encoded once, as a single H.264 IDR frame, by
the ffmpeg binary that ``imageio-ffmpeg`` ships; :mod:`storyboard.encode.h264`
holds it for the shot's length with skipped P frames, and
:mod:`storyboard.encode.mp4` writes those blocks and the AAC sound into the
file, so the cost of a render grows with the number of shots, not with their
length.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from storyboard.errors import RenderError

if TYPE_CHECKING:
    from storyboard.encode import mp4
    from storyboard.encode.aac import AacStream

# subprocess and the container code are imported when there is encoding to
# do: a render whose film is replayed from the cache needs only the settings.

AUDIO_RATE = 48_000
AUDIO_BITRATE = "160k"
TICKS_PER_FRAME = 512  # the video track counts 512 ticks a frame, as ffmpeg's muxer does at 24 fps
STILL_CRF = "18"  # storyboard line art and sign text stay crisp
# The skip-frame writer needs CAVLC, no B-frames, one reference, no weighted prediction.
X264_PARAMS = "cabac=0:bframes=0:ref=1:weightp=0:keyint=1:scenecut=0:threads=1"
BITEXACT = ["-fflags", "+bitexact", "-flags", "+bitexact", "-map_metadata", "-1", "-map_chapters", "-1"]


def ffmpeg_exe() -> str:
    """The ffmpeg binary shipped by imageio-ffmpeg (no system ffmpeg needed).

    A binary named in ``IMAGEIO_FFMPEG_EXE`` is used as imageio-ffmpeg would
    use it, without importing imageio-ffmpeg (6 ms).
    """
    explicit = os.environ.get("IMAGEIO_FFMPEG_EXE")
    if explicit:
        return explicit
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def use_ffmpeg(path: str) -> None:
    """Use the ffmpeg binary at ``path`` (found by :func:`ffmpeg_exe` in an earlier run), unless the user chose one.

    imageio-ffmpeg checks its binary by running ``ffmpeg -version`` the first
    time a process asks for it (about 15 ms, before the first encoder can
    start); a binary named in ``IMAGEIO_FFMPEG_EXE`` it takes as it is.
    """
    os.environ.setdefault("IMAGEIO_FFMPEG_EXE", path)


class FFmpeg:
    """An ffmpeg process started now and fed later, so its start-up (~12 ms) overlaps the work before it.

    Use it as a context manager: leaving the block stops the process if
    :meth:`finish` was never reached.
    """

    def __init__(self, args: Sequence[str]) -> None:
        import subprocess

        self._process = subprocess.Popen(
            [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )

    def finish(self, stdin: bytes = b"") -> bytes:
        """Write ``stdin``, wait for the process and return its stdout; RenderError with its last error line.

        The input goes down the pipe in one write on a helper thread, which
        then drains stderr while this one reads stdout: ``communicate`` would
        write a 6 MB picture 4 KB at a time, polling in between (5 ms more).
        """
        errors: list[bytes] = []

        def feed() -> None:
            with contextlib.suppress(BrokenPipeError):  # ffmpeg quit early: its stderr says why
                self._process.stdin.write(stdin)
            with contextlib.suppress(BrokenPipeError):
                self._process.stdin.close()
            errors.append(self._process.stderr.read())

        feeder = threading.Thread(target=feed, name="ffmpeg-input")
        feeder.start()
        out = self._process.stdout.read()
        feeder.join()
        self._process.wait()
        if self._process.returncode != 0:
            lines = b"".join(errors).decode(errors="replace").strip().splitlines() or ["no message"]
            raise RenderError(f"ffmpeg failed: {lines[-1]}")
        return out

    def __enter__(self) -> FFmpeg:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._process.returncode is None:
            self._process.kill()
            self._process.communicate()
        for stream in (self._process.stdin, self._process.stdout, self._process.stderr):
            with contextlib.suppress(OSError):
                stream.close()


def run_ffmpeg(args: Sequence[str], stdin: bytes = b"") -> bytes:
    """Run ffmpeg quietly; its stdout, or RenderError with its last error line."""
    with FFmpeg(args) as process:
        return process.finish(stdin)


@dataclass(frozen=True)
class VideoSettings:
    """How stills are encoded; part of every encoded shot's cache key."""

    preset: str = "superfast"  # one intra frame: slower presets buy little here
    crf: str = STILL_CRF

    def key(self) -> list[str]:
        """The settings as cache-key parts."""
        return [self.preset, self.crf, X264_PARAMS]


_spare_encoders: dict[tuple[int, int, int, VideoSettings], FFmpeg] = {}
_spares_lock = threading.Lock()


def still_encoder(width: int, height: int, fps: int, settings: VideoSettings) -> FFmpeg:
    """An encoder for one RGB picture; ``finish(rgb)`` returns it as a one-frame H.264 Annex B stream.

    A spare started by :func:`keep_spare_still_encoder` is used if it fits.
    """
    with _spares_lock:
        spare = _spare_encoders.pop((width, height, fps, settings), None)
    return spare if spare is not None else FFmpeg(_still_args(width, height, fps, settings))


def keep_spare_still_encoder(width: int, height: int, fps: int, settings: VideoSettings) -> None:
    """Start an encoder now for the next still of this size, so its start-up is over before it is needed.

    For a process that renders again and again (``--watch``); an unused
    spare ends when this process does (its input closes).
    """
    with _spares_lock:
        if (width, height, fps, settings) not in _spare_encoders:
            _spare_encoders[width, height, fps, settings] = FFmpeg(_still_args(width, height, fps, settings))


def _still_args(width: int, height: int, fps: int, settings: VideoSettings) -> list[str]:
    return [
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-framerate", str(fps), "-i", "pipe:0",
        "-frames:v", "1",
        "-vf", "scale=out_color_matrix=bt709:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuv420p,"
        "setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv",  # tagged in the SPS
        "-c:v", "libx264", "-preset", settings.preset, "-crf", settings.crf, "-x264-params", X264_PARAMS,
        *BITEXACT, "-f", "h264", "pipe:1",
    ]


def encode_still(rgb: bytes, width: int, height: int, fps: int, settings: VideoSettings) -> bytes:
    """One RGB picture as a one-frame H.264 Annex B stream (BT.709, limited range)."""
    with still_encoder(width, height, fps, settings) as encoder:
        return encoder.finish(rgb)


def encode_audio(pcm: bytes, channels: int = 2) -> bytes:
    """Interleaved 16-bit 48 kHz PCM as an AAC-LC ADTS stream.

    Raw PCM on a pipe rather than a WAV file: ffmpeg's WAV reader scans the
    data for S/PDIF bursts first, which cost 35 ms more than the encoding's
    own start-up.
    """
    return run_ffmpeg(
        ["-f", "s16le", "-ar", str(AUDIO_RATE), "-ac", str(channels), "-i", "pipe:0",
         "-c:a", "aac", "-aac_coder", "fast", "-b:a", AUDIO_BITRATE, *BITEXACT, "-f", "adts", "pipe:1"],
        stdin=pcm,
    )


def film(blocks: Sequence[tuple[bytes, int]], width: int, height: int, fps: int, sound: bytes, samples: int,
         captions: Sequence[tuple[float, float, str]] = ()) -> bytes:
    """The MP4 file's bytes.

    ``blocks`` are (one-frame still, frame count) in order, held with skip
    frames; ``sound`` is the AAC (ADTS) of ``samples`` samples of sound;
    ``captions`` (start, end, text) add a timed-text track.
    """
    from storyboard.encode import mp4
    from storyboard.encode.aac import parse_adts
    from storyboard.encode.h264 import held_still, parse_still

    stills = [parse_still(still) for still, _ in blocks]
    first = stills[0]
    if any((still.sps, still.pps) != (first.sps, first.pps) for still in stills):
        raise RenderError("the encoded shots do not share one set of H.264 parameters")
    pictures, sync = [], []
    for still, (_, frames) in zip(stills, blocks):
        sync.append(len(pictures))
        pictures += held_still(still, frames)
    tracks = [
        mp4.Track(b"vide", b"VideoHandler", fps * TICKS_PER_FRAME,
                  mp4.avc_sample_entry(first.sps, first.pps, width, height),
                  pictures, [TICKS_PER_FRAME] * len(pictures), sync=sync, width=width, height=height),
        _sound_track(parse_adts(sound), samples),
    ]
    if captions:
        text, durations = mp4.text_samples(captions, len(pictures) / fps)
        tracks.append(mp4.Track(b"sbtl", b"SubtitleHandler", 1000, mp4.text_sample_entry(), text, durations))
    return mp4.movie(tracks)


def _sound_track(aac: AacStream, samples: int) -> mp4.Track:
    """The AAC track, its priming hidden by the edit list."""
    from storyboard.encode import mp4
    from storyboard.encode.aac import ENCODER_DELAY

    entry = mp4.aac_sample_entry(aac.config, aac.channels, aac.sample_rate, track_id=2,
                                 bitrate=aac.bitrate(samples), largest_frame=max(map(len, aac.frames)))
    return mp4.Track(b"soun", b"SoundHandler", aac.sample_rate, entry, aac.frames, aac.durations(samples),
                     media_start=ENCODER_DELAY, presented=samples, roll=-1)


def temp_path_beside(path: Path, suffix: str) -> Path:
    """A unique hidden path in ``path``'s folder, so os.replace onto ``path`` is atomic."""
    return path.with_name(f".{path.name}.{os.getpid()}.{id(path):x}{suffix}")
