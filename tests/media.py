"""Measure an MP4 from the outside with the ffmpeg binary (there is no ffprobe).

Every decode is strict (:func:`decode`): ffmpeg's decoders conceal a broken
stream (a damaged frame becomes a copy of the one before), so a test that
compared only pixels would pass a stream that some players cannot play.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import imageio_ffmpeg
import numpy as np

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()
AUDIO_RATE = 48_000


def _ffmpeg(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([FFMPEG, "-hide_banner", "-nostdin", *args], input=stdin, capture_output=True, check=False)


class DecodeError(AssertionError):
    """ffmpeg reported an error while decoding: the stream is broken, whatever the pixels look like."""


def decode(path: Path, *output: str, decoder: str | None = None) -> bytes:
    """Decode ``path`` to stdout with the ``output`` options; DecodeError on any decoder error.

    ``-err_detect explode`` makes the decoder stop at the first damage it
    finds instead of concealing it, ``-xerror`` makes ffmpeg exit on it, and
    any error output at all fails too. ``decoder`` names another H.264
    decoder than ffmpeg's own (``libopenh264``).
    """
    chosen = ["-c:v", decoder] if decoder else []
    result = _ffmpeg("-loglevel", "error", "-xerror", "-err_detect", "explode", *chosen, "-i", str(path), *output, "-")
    if result.returncode != 0 or result.stderr:
        message = result.stderr.decode(errors="replace").strip()
        raise DecodeError(f"{path}: exit {result.returncode}: {message[-2000:] or 'no message'}")
    return result.stdout


def has_decoder(name: str) -> bool:
    """Whether the ffmpeg binary has the decoder ``name`` (libopenh264 is in imageio-ffmpeg's build)."""
    return re.search(rf"^ \S+ {re.escape(name)} ", _ffmpeg("-decoders").stdout.decode(), re.MULTILINE) is not None


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
    """Every decoded frame as an (n, height, width, 3) uint8 array (a strict :func:`decode`)."""
    info = streams(path)
    raw = decode(path, "-map", "0:v", "-f", "rawvideo", "-pix_fmt", "rgb24")
    return np.frombuffer(raw, dtype=np.uint8).reshape(-1, info.height, info.width, 3)


def frame_digests(path: Path, decoder: str | None = None) -> list[str]:
    """The MD5 of each frame as the decoder puts it out (4:2:0, no conversion), as a strict :func:`decode`.

    The frames are hashed as they come, so a long 1080p film needs no
    gigabytes: for bit-exact comparisons between decoders.
    """
    chosen = ["-c:v", decoder] if decoder else []
    command = [FFMPEG, "-hide_banner", "-nostdin", "-loglevel", "error", "-xerror", "-err_detect", "explode",
               *chosen, "-i", str(path), "-map", "0:v", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-"]
    info = streams(path)
    return _digests(command, path, info.width, info.height, padded=False)


GSTREAMER = shutil.which("gst-launch-1.0")


def has_gstreamer_openh264() -> bool:
    """Whether GStreamer and its OpenH264 decoder are installed (Debian: gstreamer1.0-tools, -plugins-bad)."""
    inspect = shutil.which("gst-inspect-1.0")
    return bool(GSTREAMER and inspect) and subprocess.run(
        [inspect, "--exists", "openh264dec"], capture_output=True, check=False).returncode == 0


def gstreamer_frame_digests(path: Path) -> list[str]:
    """The MD5 of each frame GStreamer's OpenH264 decoder puts out (as :func:`frame_digests`, without the row padding)."""
    command = [GSTREAMER, "-q", "filesrc", f"location={path}", "!", "qtdemux", "name=demux", "demux.video_0", "!",
               "h264parse", "!", "openh264dec", "!", "video/x-raw,format=I420", "!", "fdsink", "fd=1"]
    info = streams(path)
    return _digests(command, path, info.width, info.height, padded=True)


NODE = shutil.which("node")
# broadway-player, the JavaScript H.264 Baseline decoder, as `make conformance` installs it with npm.
BROADWAY = Path(__file__).resolve().parents[1] / ".conformance/node_modules/broadway-player/Player/Decoder.js"


def has_broadway() -> bool:
    """Whether node and the broadway-player package (in .conformance/, see the Makefile) are installed."""
    return NODE is not None and BROADWAY.is_file()


def annex_b(path: Path) -> bytes:
    """The video track of an MP4 as an H.264 Annex B byte stream (start codes, parameter sets in band)."""
    result = _ffmpeg("-loglevel", "error", "-i", str(path), "-map", "0:v", "-c", "copy",
                     "-bsf:v", "h264_mp4toannexb", "-f", "h264", "-")
    if result.returncode != 0:
        raise DecodeError(result.stderr.decode(errors="replace")[-2000:])
    return result.stdout


def broadway_frame_digests(stream: bytes, width: int, height: int) -> list[str]:
    """The MD5 of each picture Broadway puts out for an Annex B ``stream`` (as :func:`frame_digests`).

    tests/broadway_decode.js gives Broadway the stream one NAL unit at a
    time, as its player does, and writes each picture cropped to ``width``
    x ``height``. Broadway reports no errors: a broken picture shows as a
    wrong or missing digest.
    """
    with tempfile.NamedTemporaryFile(suffix=".h264") as file:
        file.write(stream)
        file.flush()
        command = [NODE, str(Path(__file__).with_name("broadway_decode.js")), str(BROADWAY), file.name,
                   str(width), str(height)]
        return _digests(command, Path(file.name), width, height, padded=False)


def _digests(command: list[str], path: Path, width: int, height: int, padded: bool) -> list[str]:
    """Run a decoder that writes I420 frames to stdout and hash each; DecodeError if it fails or says anything.

    ``padded``: each row of a plane is padded to a multiple of 4 bytes, as
    GStreamer lays out I420.
    """
    chroma_width, chroma_height = -(-width // 2), -(-height // 2)
    planes = [(width, height), (chroma_width, chroma_height), (chroma_width, chroma_height)]
    strides = [-(-w // 4) * 4 if padded else w for w, _ in planes]
    frame_bytes = sum(stride * rows for stride, (_, rows) in zip(strides, planes))
    digests = []
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors)
        while len(frame := process.stdout.read(frame_bytes)) == frame_bytes:
            digest, offset = hashlib.md5(), 0
            for stride, (w, rows) in zip(strides, planes):
                plane = np.frombuffer(frame, np.uint8, stride * rows, offset).reshape(rows, stride)
                digest.update(plane[:, :w].tobytes())
                offset += stride * rows
            digests.append(digest.hexdigest())
        process.stdout.close()
        process.wait()
        errors.seek(0)
        message = errors.read().decode(errors="replace").strip()
    if process.returncode != 0 or message or frame:  # frame: a part of a frame at the end
        raise DecodeError(f"{path}: {Path(command[0]).name} exit {process.returncode}: {message[-2000:] or 'no message'}")
    return digests


def audio(path: Path) -> np.ndarray:
    """The decoded sound as (n, channels) float32 at 48 kHz (a strict :func:`decode`)."""
    raw = decode(path, "-map", "0:a", "-f", "f32le", "-ar", str(AUDIO_RATE))
    return np.frombuffer(raw, dtype=np.float32).reshape(-1, 2)


class Header(NamedTuple):
    """One H.264 header as FFmpeg's own bitstream parser (the ``trace_headers`` filter) reads it."""

    kind: str  # "Sequence Parameter Set", "Picture Parameter Set" or "Slice Header"
    packet: int  # the access unit it came in: -1 for the MP4's decoder configuration (avcC)
    fields: dict[str, int]  # syntax element -> value, in bitstream order


_TRACE_LINE = re.compile(r"\[trace_headers @ \S+\] (?:\d+\s+(\S+)\s+[01]+ = (-?\d+)|(.+))$")


def h264_headers(path: Path | None = None, annex_b: bytes = b"") -> list[Header]:
    """Every SPS, PPS and slice header of an MP4's video track (or of an Annex B stream), in order.

    FFmpeg's parser checks each value against the range the standard allows
    and fails on a header it cannot read, so an error here is a broken header.
    """
    source = ["-i", str(path), "-map", "0:v"] if path else ["-f", "h264", "-i", "pipe:0"]
    result = _ffmpeg(*source, "-c", "copy", "-bsf:v", "trace_headers", "-f", "null", "-", stdin=annex_b or None)
    if result.returncode != 0:
        raise DecodeError(result.stderr.decode(errors="replace")[-2000:])
    headers: list[Header] = []
    packet = -1
    for line in result.stderr.decode(errors="replace").splitlines():
        match = _TRACE_LINE.match(line)
        if not match:
            continue
        name, value, title = match.groups()
        if title and title.startswith("Packet:"):
            packet += 1
        elif title in ("Sequence Parameter Set", "Picture Parameter Set", "Slice Header"):
            headers.append(Header(title, packet, {}))
        elif name and headers:
            headers[-1].fields.setdefault(name, int(value))
    return headers


def idr_pictures(path: Path) -> list[bool]:
    """For each picture of an MP4's video track, in order: whether it is an IDR picture."""
    slices = [h for h in h264_headers(path) if h.kind == "Slice Header" and h.fields["first_mb_in_slice"] == 0]
    return [header.fields["nal_unit_type"] == 5 for header in slices]


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
