"""AAC frames out of ADTS streams, ready for the MP4 writer.

ffmpeg encodes the film's sound to ADTS (AAC frames each behind a 7-byte
header), which needs no container work on its side; this module finds the
frames and rebuilds the AudioSpecificConfig an MP4 ``esds`` box carries. An
:class:`AacStream` holds only where each frame lies (in a spool it fills, or
in a cached ADTS file), never every frame's bytes.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from storyboard.encode.mp4 import Samples, equal_durations
from storyboard.errors import RenderError

FRAME_SAMPLES = 1024  # PCM samples per AAC-LC frame
ENCODER_DELAY = 1024  # priming samples ffmpeg's AAC encoder puts before the sound
SAMPLE_RATES = (96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350)
# "No SBR", said explicitly after the config (sync extension 0x2b7, SBR object
# type, flag 0), as ffmpeg's encoder says it: decoders need not guess.
NO_SBR = bytes([0x56, 0xE5, 0x00])
READ_BYTES = 2**20  # a cached ADTS file is read this much at a time


class Frame(NamedTuple):
    """One ADTS frame in a buffer: where it starts, its header's length, its whole length, its format fields."""

    start: int
    header: int
    length: int
    fields: tuple[int, int, int]  # profile, sample rate index, channel configuration


class AacStream:
    """Raw AAC frames and what a decoder must know about them.

    Frames are added from ADTS streams, headers and all, to a spool (which
    is then itself an ADTS stream: :meth:`save`), or found in an ADTS file
    (:meth:`in_file`).
    """

    def __init__(self, frames: Samples | None = None) -> None:
        """A stream of no frames yet, kept in ``frames`` (default: a new spool)."""
        self.frames = frames if frames is not None else Samples()
        self._fields: tuple[int, int, int] | None = None

    def add_adts(self, data: bytes, first: int = 0, count: int | None = None) -> None:
        """Add frames [first, first + count) of the ADTS stream ``data`` (to its end if ``count`` is None).

        RenderError if ``data`` is not whole ADTS frames of one AAC-LC format.
        """
        frames, end = _scan(data)
        if end != len(data):
            raise RenderError(f"the ADTS frame at byte {end} is cut short")
        kept = frames[first : None if count is None else first + count]
        for fields in {frame.fields for frame in kept}:
            self._check(fields)
        if kept:
            start, stop = kept[0].start, kept[-1].start + kept[-1].length
            self.frames.write(data[start:stop], [(f.start - start + f.header, f.length - f.header) for f in kept])

    @classmethod
    def in_file(cls, file: BinaryIO, start: int, size: int) -> AacStream:
        """The ADTS stream of ``size`` bytes at ``start`` in ``file``, its frames left where they are."""
        stream = cls(Samples(file))
        position, buffered = start, b""
        while position < start + size or buffered:
            file.seek(position)
            chunk = file.read(min(READ_BYTES, start + size - position))
            position += len(chunk)
            data = buffered + chunk
            frames, end = _scan(data)
            base = position - len(data)
            for frame in frames:
                stream._check(frame.fields)
                stream.frames.locate(base + frame.start + frame.header, frame.length - frame.header)
            buffered = data[end:]
            if buffered and not chunk:
                raise RenderError(f"the ADTS frame at byte {base + end - start} is cut short")
        return stream.checked()

    def save(self, out: BinaryIO) -> None:
        """Write the frames as an ADTS stream (a spool's bytes as they are) to ``out``."""
        spool = self.frames.file
        spool.seek(0)
        while chunk := spool.read(READ_BYTES):
            out.write(chunk)

    def _check(self, fields: tuple[int, int, int]) -> None:
        if self._fields is not None and fields != self._fields:
            raise RenderError("the AAC stream changes format midway")
        profile, rate_index, _ = self._fields = fields
        if profile != 1 or rate_index >= len(SAMPLE_RATES):
            raise RenderError("the AAC encoder wrote something other than AAC-LC")

    def checked(self) -> AacStream:
        """This stream; RenderError if it has no frame."""
        if self._fields is None:
            raise RenderError("the AAC encoder wrote no sound")
        return self

    @property
    def config(self) -> bytes:
        """The AudioSpecificConfig."""
        profile, rate_index, channels = self._format
        return ((profile + 1) << 11 | rate_index << 7 | channels << 3).to_bytes(2, "big") + NO_SBR

    @property
    def sample_rate(self) -> int:
        """Samples per second."""
        return SAMPLE_RATES[self._format[1]]

    @property
    def channels(self) -> int:
        """The channel configuration (2: stereo)."""
        return self._format[2]

    @property
    def _format(self) -> tuple[int, int, int]:
        """Profile, sample rate index and channels; RenderError before the first frame."""
        fields = self.checked()._fields
        assert fields is not None
        return fields

    def durations(self, samples: int) -> array:
        """Each frame's length in samples, the last ones trimmed so priming plus ``samples`` are covered exactly."""
        durations = equal_durations(len(self.frames), FRAME_SAMPLES)
        excess = len(durations) * FRAME_SAMPLES - (ENCODER_DELAY + samples)
        for index in range(len(durations) - 1, -1, -1):
            if excess <= 0:
                break
            cut = min(excess, durations[index] - 1)
            durations[index] -= cut
            excess -= cut
        return durations

    def bitrate(self, samples: int) -> int:
        """The average bit rate over ``samples`` of sound."""
        return round(self.frames.total * 8 * self.sample_rate / max(1, samples))


def parse_adts(data: bytes) -> AacStream:
    """The frames of a whole ADTS stream held in memory; RenderError if it is not one AAC-LC stream."""
    stream = AacStream()
    stream.add_adts(data)
    return stream.checked()


def _scan(data: bytes) -> tuple[list[Frame], int]:
    """The whole ADTS frames at the start of ``data``, and where the first incomplete one begins.

    RenderError where something other than an ADTS frame begins.
    """
    frames, pos = [], 0
    for frame in _frames(data):
        frames.append(frame)
        pos = frame.start + frame.length
    return frames, pos


def _frames(data: bytes) -> Iterator[Frame]:
    """Each whole ADTS frame of ``data`` in turn, until the data ends or a frame is cut short."""
    pos = 0
    while len(data) - pos >= 7:
        if data[pos] != 0xFF or data[pos + 1] & 0xF6 != 0xF0:
            raise RenderError(f"the AAC encoder wrote no ADTS frame at byte {pos}")
        fields = (data[pos + 2] >> 6, (data[pos + 2] >> 2) & 0xF, (data[pos + 2] & 1) << 2 | data[pos + 3] >> 6)
        length = (data[pos + 3] & 3) << 11 | data[pos + 4] << 3 | data[pos + 5] >> 5
        header = 7 if data[pos + 1] & 1 else 9  # protection_absent: no CRC
        if length < header:
            raise RenderError(f"the ADTS frame at byte {pos} is cut short")
        if pos + length > len(data):
            return
        yield Frame(pos, header, length, fields)
        pos += length
