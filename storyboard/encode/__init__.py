"""Picture and sound -> the MP4 file (H.264 yuv420p CFR, AAC 48 kHz, faststart).

Each distinct shot picture is encoded once, as a single H.264 IDR frame, by
the ffmpeg binary that ``imageio-ffmpeg`` ships; :mod:`storyboard.encode.h264`
holds it for the shot's length with skipped P frames, and
:mod:`storyboard.encode.film` writes those blocks and the AAC sound into the
file (with :mod:`storyboard.encode.mp4`'s boxes), so the cost of a render
grows with the number of shots, not with their length.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from storyboard.cache import Cache, content_key
from storyboard.errors import RenderError

# subprocess (and, in :mod:`storyboard.encode.film`, the container code) are
# imported when there is encoding to do: a render whose film is replayed from
# the cache needs only the settings.

AUDIO_RATE = 48_000
AUDIO_BITRATE = "160k"
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


def locate_ffmpeg(cache: Cache) -> None:
    """Reuse the ffmpeg binary an earlier run found, if it is still there; else find it and remember it.

    imageio-ffmpeg checks its binary by running ``ffmpeg -version`` the first
    time a process asks for it (about 15 ms, before the first encoder can
    start); a binary named in ``IMAGEIO_FFMPEG_EXE`` (unless the user named
    one) it takes as it is, and so do the processes started after this.
    """
    key = content_key("tool", "ffmpeg")
    remembered = (cache.get("tool", key) or b"").decode(errors="replace")
    if remembered and os.path.isfile(remembered):
        os.environ.setdefault("IMAGEIO_FFMPEG_EXE", remembered)
    else:
        cache.put("tool", key, ffmpeg_exe().encode())


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
    return spare or FFmpeg(_still_args(width, height, fps, settings))


def keep_spare_still_encoder(width: int, height: int, fps: int, settings: VideoSettings) -> None:
    """Start an encoder now for the next still of this size, so its start-up is over before it is needed.

    For a process that renders again and again (``--watch``); an unused
    spare ends when this process does (its input closes).
    """
    key = (width, height, fps, settings)
    with _spares_lock:
        if key not in _spare_encoders:
            _spare_encoders[key] = FFmpeg(_still_args(*key))


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
