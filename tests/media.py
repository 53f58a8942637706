"""Measure an MP4 from the outside with the ffmpeg binary (there is no ffprobe)."""

from __future__ import annotations

import re
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg
import numpy as np

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()
AUDIO_RATE = 48_000


def _ffmpeg(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([FFMPEG, "-hide_banner", "-nostdin", *args], capture_output=True, check=False)


@dataclass(frozen=True)
class Streams:
    """What ffmpeg says the file holds."""

    video: str
    audio: str
    subtitles: list[str]
    width: int
    height: int


def streams(path: Path) -> Streams:
    """The stream descriptions of ``path``."""
    text = _ffmpeg("-i", str(path)).stderr.decode()
    video = re.search(r"Stream #\S+: Video: (.*)", text)
    audio = re.search(r"Stream #\S+: Audio: (.*)", text)
    size = re.search(r", (\d+)x(\d+)", video[1]) if video else None
    return Streams(
        video=video[1] if video else "",
        audio=audio[1] if audio else "",
        subtitles=re.findall(r"Stream #\S+: Subtitle: (.*)", text),
        width=int(size[1]) if size else 0,
        height=int(size[2]) if size else 0,
    )


def video_packets(path: Path) -> list[tuple[int, int, int]]:
    """(dts, pts, duration) of every video packet, in the stream's time base."""
    out = _ffmpeg("-i", str(path), "-map", "0:v", "-c", "copy", "-f", "framecrc", "-").stdout.decode()
    rows = [line.split(",") for line in out.splitlines() if line and not line.startswith("#")]
    return [(int(r[1]), int(r[2]), int(r[3])) for r in rows]


def frames(path: Path) -> np.ndarray:
    """Every decoded frame as an (n, height, width, 3) uint8 array."""
    info = streams(path)
    raw = _ffmpeg("-i", str(path), "-map", "0:v", "-f", "rawvideo", "-pix_fmt", "rgb24", "-").stdout
    return np.frombuffer(raw, dtype=np.uint8).reshape(-1, info.height, info.width, 3)


def audio(path: Path) -> np.ndarray:
    """The decoded sound as (n, channels) float32 at 48 kHz."""
    raw = _ffmpeg("-i", str(path), "-map", "0:a", "-f", "f32le", "-ar", str(AUDIO_RATE), "-").stdout
    return np.frombuffer(raw, dtype=np.float32).reshape(-1, 2)


def rms_db(samples: np.ndarray) -> float:
    """The RMS level of ``samples`` in dBFS (-200 for digital silence)."""
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if samples.size else 0.0
    return 20 * np.log10(rms) if rms > 1e-10 else -200.0


def window(samples: np.ndarray, start: float, end: float) -> np.ndarray:
    """The samples between ``start`` and ``end`` seconds."""
    return samples[int(start * AUDIO_RATE) : int(end * AUDIO_RATE)]


def top_level_boxes(path: Path) -> list[str]:
    """The MP4's top-level box types in file order (``moov`` before ``mdat`` = faststart)."""
    data, boxes, pos = path.read_bytes(), [], 0
    while pos + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if size == 1:
            size = struct.unpack(">Q", data[pos + 8 : pos + 16])[0]
        boxes.append(kind.decode("latin-1"))
        if size < 8:
            break
        pos += size
    return boxes


def cut_frames(video: np.ndarray, threshold: float = 2.0) -> list[int]:
    """Indices of frames that differ from the frame before (mean absolute difference)."""
    diffs = np.abs(np.diff(video.astype(np.int16), axis=0)).mean(axis=(1, 2, 3))
    return [int(i) + 1 for i in np.flatnonzero(diffs > threshold)]
