"""AAC frames out of an ADTS stream, ready for the MP4 writer.

ffmpeg encodes the film's sound to ADTS (AAC frames each behind a 7-byte
header), which needs no container work on its side; this module strips the
headers and rebuilds the AudioSpecificConfig an MP4 ``esds`` box carries.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyboard.errors import RenderError

FRAME_SAMPLES = 1024  # PCM samples per AAC-LC frame
ENCODER_DELAY = 1024  # priming samples ffmpeg's AAC encoder puts before the sound
SAMPLE_RATES = (96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350)
# "No SBR", said explicitly after the config (sync extension 0x2b7, SBR object
# type, flag 0), as ffmpeg's encoder says it: decoders need not guess.
NO_SBR = bytes([0x56, 0xE5, 0x00])


@dataclass(frozen=True)
class AacStream:
    """Raw AAC frames and what a decoder must know about them."""

    frames: tuple[bytes, ...]
    config: bytes  # AudioSpecificConfig
    sample_rate: int
    channels: int

    def durations(self, samples: int) -> list[int]:
        """Each frame's length in samples, the last one trimmed so priming plus ``samples`` are covered exactly."""
        durations = [FRAME_SAMPLES] * len(self.frames)
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
        return round(sum(map(len, self.frames)) * 8 * self.sample_rate / max(1, samples))


def parse_adts(data: bytes) -> AacStream:
    """Split an ADTS stream into its frames; RenderError if it is not one AAC-LC stream."""
    frames, pos, header = [], 0, None
    while pos < len(data):
        if len(data) - pos < 7 or data[pos] != 0xFF or data[pos + 1] & 0xF6 != 0xF0:
            raise RenderError(f"the AAC encoder wrote no ADTS frame at byte {pos}")
        fields = (data[pos + 2] >> 6, (data[pos + 2] >> 2) & 0xF, (data[pos + 2] & 1) << 2 | data[pos + 3] >> 6)
        if header is not None and fields != header:
            raise RenderError("the AAC stream changes format midway")
        header = fields
        length = (data[pos + 3] & 3) << 11 | data[pos + 4] << 3 | data[pos + 5] >> 5
        start = pos + (7 if data[pos + 1] & 1 else 9)  # protection_absent: no CRC
        if length < start - pos or pos + length > len(data):
            raise RenderError(f"the ADTS frame at byte {pos} is cut short")
        frames.append(data[start : pos + length])
        pos += length
    if header is None:
        raise RenderError("the AAC encoder wrote no sound")
    profile, rate_index, channels = header
    if profile != 1 or rate_index >= len(SAMPLE_RATES):
        raise RenderError("the AAC encoder wrote something other than AAC-LC")
    config = ((profile + 1) << 11 | rate_index << 7 | channels << 3).to_bytes(2, "big") + NO_SBR
    return AacStream(tuple(frames), config, SAMPLE_RATES[rate_index], channels)
