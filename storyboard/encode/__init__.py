"""Picture and sound -> the MP4 file (H.264 yuv420p CFR, AAC 48 kHz, faststart).

Each distinct shot picture is encoded once, as a single H.264 IDR frame, by
the ffmpeg binary that ``imageio-ffmpeg`` ships; :mod:`storyboard.encode.h264`
holds it for the shot's length with skipped P frames. The film's video is the
concatenation of those blocks, muxed with the AAC sound by stream copy, so the
cost of a render grows with the number of shots, not with their length.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storyboard.encode.h264 import START_CODE, held_still, parse_still
from storyboard.errors import RenderError

AUDIO_RATE = 48_000
AUDIO_BITRATE = "160k"
STILL_CRF = "18"  # storyboard line art and sign text stay crisp
# The skip-frame writer needs CAVLC, no B-frames, one reference, no weighted prediction.
X264_PARAMS = "cabac=0:bframes=0:ref=1:weightp=0:keyint=1:scenecut=0:threads=1"
BITEXACT = ["-fflags", "+bitexact", "-flags", "+bitexact", "-map_metadata", "-1", "-map_chapters", "-1"]


def ffmpeg_exe() -> str:
    """The ffmpeg binary shipped by imageio-ffmpeg (no system ffmpeg needed)."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def run_ffmpeg(args: Sequence[str], stdin: bytes | None = None) -> bytes:
    """Run ffmpeg quietly; its stdout, or RenderError with its last error line."""
    result = subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", *args],
        input=stdin,
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        lines = result.stderr.decode(errors="replace").strip().splitlines() or ["no message"]
        raise RenderError(f"ffmpeg failed: {lines[-1]}")
    return result.stdout


@dataclass(frozen=True)
class VideoSettings:
    """How stills are encoded; part of every encoded shot's cache key."""

    preset: str = "superfast"  # one intra frame: slower presets buy little here
    crf: str = STILL_CRF

    def key(self) -> list[str]:
        """The settings as cache-key parts."""
        return [self.preset, self.crf, X264_PARAMS]


def encode_still(rgb: bytes, width: int, height: int, fps: int, settings: VideoSettings) -> bytes:
    """One RGB picture as a one-frame H.264 Annex B stream (BT.709, limited range)."""
    return run_ffmpeg(
        [
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-framerate", str(fps), "-i", "pipe:0",
            "-frames:v", "1",
            "-vf", "scale=out_color_matrix=bt709:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuv420p,"
            "setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv",  # tagged in the SPS
            "-c:v", "libx264", "-preset", settings.preset, "-crf", settings.crf, "-x264-params", X264_PARAMS,
            *BITEXACT, "-f", "h264", "pipe:1",
        ],
        stdin=rgb,
    )


def film_stream(blocks: Sequence[tuple[bytes, int]]) -> bytes:
    """The film's Annex B video: each (one-frame still, frame count) held in order."""
    stills = [parse_still(still) for still, _ in blocks]
    headers = stills[0].headers
    if any(still.headers != headers for still in stills):
        raise RenderError("the encoded shots do not share one set of H.264 parameters")
    parts = [START_CODE + unit for unit in headers]
    parts += [held_still(still, frames) for still, (_, frames) in zip(stills, blocks)]
    return b"".join(parts)


def encode_audio(wav: Path, out: Path) -> subprocess.Popen[bytes]:
    """Start encoding ``wav`` to AAC in ``out`` (an .m4a) in the background."""
    return subprocess.Popen(
        [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", str(wav),
         "-c:a", "aac", "-aac_coder", "fast", "-b:a", AUDIO_BITRATE, "-ar", str(AUDIO_RATE), *BITEXACT,
         "-f", "mp4", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen[bytes]) -> None:
    """Wait for a background ffmpeg; RenderError if it failed."""
    _, err = process.communicate()
    if process.returncode != 0:
        lines = err.decode(errors="replace").strip().splitlines() or ["no message"]
        raise RenderError(f"ffmpeg failed: {lines[-1]}")


def mux(video: Path, audio: Path, out: Path, fps: int, captions: Path | None = None) -> None:
    """Write the MP4 at ``out`` from the Annex B ``video`` and AAC ``audio`` by stream copy."""
    inputs = ["-f", "h264", "-framerate", str(fps), "-i", str(video), "-i", str(audio)]
    maps = ["-map", "0:v", "-map", "1:a"]
    if captions is not None:
        inputs += ["-i", str(captions)]
        maps += ["-map", "2:s", "-c:s", "mov_text"]
    run_ffmpeg(
        [
            "-y", *inputs, *maps, "-c:v", "copy", "-c:a", "copy",
            "-bsf:v", f"setts=ts=N/({fps}*TB)", "-video_track_timescale", str(fps * 512),
            # Interleave by timestamps alone, never by which input thread was first:
            # otherwise the chunk layout, and so the bytes, vary from run to run.
            "-max_interleave_delta", "0",
            "-movflags", "+faststart", *BITEXACT, "-f", "mp4", str(out),
        ]
    )


def temp_path_beside(path: Path, suffix: str) -> Path:
    """A unique hidden path in ``path``'s folder, so os.replace onto ``path`` is atomic."""
    return path.with_name(f".{path.name}.{os.getpid()}.{id(path):x}{suffix}")
