"""The MP4 file, written box by box: the film's H.264 track, its AAC track and, with captions, a text track.

Starting ffmpeg to mux a film took about 40 ms, a seventh of re-rendering
after a sign edit; writing the boxes here takes a few milliseconds. The
layout follows what ffmpeg's mp4 muxer writes with ``+faststart`` (ISO BMFF,
ISO/IEC 14496-12 and -15): ``moov`` before ``mdat``, an edit list that hides
the AAC encoder's priming samples, a BT.709 ``colr`` box, AAC ``roll`` sample
groups, and tracks interleaved in chunks of about a second, so the file plays
wherever ffmpeg's does.

A track's samples are kept in :class:`Samples`: their bytes lie in a spool
(in memory while small, a temporary file once large) or in a file that holds
them already (an AAC stream in the cache), and only their sizes are held.
:func:`write_movie` lays out ``moov`` from the sizes and then copies the
samples into ``mdat`` a chunk at a time, so a feature-length film is written
in memory of the order of its tables (a few bytes a sample), not its media.
"""

from __future__ import annotations

import itertools
import math
import struct
import sys
import tempfile
from array import array
from collections.abc import Iterable, Sequence
from typing import BinaryIO, NamedTuple

MOVIE_TIMESCALE = 48_000  # whole ticks for every common frame rate and for the audio
CHUNK_SECONDS = 1.0  # how much of each track lies together in the file
LANGUAGE_UNDETERMINED = 0x55C4  # "und", packed ISO 639-2
WIDE_OFFSETS = 0xFFFF_0000  # media this large needs 64-bit chunk offsets (co64) and mdat size
MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)  # identity
SPOOL_MEMORY = 8 * 2**20  # a track's spool stays in memory up to this many bytes, then becomes a temporary file


def box(kind: bytes, *parts: bytes) -> bytes:
    """An ISO BMFF box: 32-bit size, four-character type, payload."""
    payload = b"".join(parts)
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def full_box(kind: bytes, version: int, flags: int, *parts: bytes) -> bytes:
    """A box whose payload starts with a version byte and 24 bits of flags."""
    return box(kind, struct.pack(">I", (version << 24) | flags), *parts)


class Samples:
    """A track's samples in decoding order: where each one's bytes lie in a file, and how many there are.

    Samples made here are added with :meth:`extend` or :meth:`write` to a spool of their own (in
    memory up to :data:`SPOOL_MEMORY`, then a temporary file); samples that
    lie in a file already (an ADTS stream, each frame behind its header) are
    named with :meth:`locate`. Only each one's offset and size are held.
    """

    def __init__(self, file: BinaryIO | None = None) -> None:
        """Samples in ``file`` (found with :meth:`locate`), or, without one, in a new spool (see :meth:`extend`)."""
        self.file: BinaryIO = file if file is not None else tempfile.SpooledTemporaryFile(SPOOL_MEMORY)
        self.offsets = array("Q")
        self.sizes = array("I")
        self._end = 0  # where the next added sample goes in the spool

    def extend(self, samples: Sequence[bytes]) -> None:
        """Append ``samples`` to the spool, one after another."""
        offsets = itertools.accumulate((len(sample) for sample in samples[:-1]), initial=0)
        self.write(b"".join(samples), zip(offsets, map(len, samples)))

    def write(self, data: bytes, samples: Iterable[tuple[int, int]]) -> None:
        """Append ``data`` to the spool, holding ``samples`` (their offset in ``data`` and size; headers between)."""
        self.file.write(data)
        for offset, size in samples:
            self.locate(self._end + offset, size)
        self._end += len(data)

    def locate(self, offset: int, size: int) -> None:
        """Name the next sample: ``size`` bytes at ``offset`` in the file."""
        self.offsets.append(offset)
        self.sizes.append(size)

    def __len__(self) -> int:
        return len(self.sizes)

    @property
    def total(self) -> int:
        """All the samples' bytes."""
        return sum(self.sizes)

    def read(self, first: int, count: int) -> bytes:
        """The bytes of samples [first, first + count), one after another, read from the file in one piece."""
        last = first + count - 1
        start, end = self.offsets[first], self.offsets[last] + self.sizes[last]
        self.file.seek(start)
        data = self.file.read(end - start)
        if end - start == sum(self.sizes[first : last + 1]):  # nothing between them
            return data
        return b"".join(data[self.offsets[i] - start : self.offsets[i] - start + self.sizes[i]]
                        for i in range(first, last + 1))

    def close(self) -> None:
        """Close the file (a spool's temporary file is removed)."""
        self.file.close()


def equal_durations(count: int, duration: int) -> array:
    """The durations of ``count`` samples of ``duration`` ticks each, as a compact table."""
    return array("I", [duration]) * count


class Track(NamedTuple):
    """One track: its samples in decoding order, their durations, and how to describe them."""

    handler: bytes  # b"vide", b"soun" or b"sbtl"
    handler_name: bytes
    timescale: int  # ticks per second of the durations below
    sample_entry: bytes  # the box inside stsd that says how samples are coded
    samples: Samples
    durations: Sequence[int]
    media_start: int = 0  # the first tick presented (the AAC priming samples before it are hidden)
    presented: int | None = None  # ticks presented from media_start (default: the rest)
    sync: Sequence[int] | None = None  # indexes of the samples a decoder can start at (None: all)
    roll: int | None = None  # the 'roll' sample group's distance (AAC: -1, one frame of pre-roll)
    width: int = 0
    height: int = 0

    @property
    def ticks(self) -> int:
        """How many ticks of the track are presented."""
        return self.presented if self.presented is not None else sum(self.durations) - self.media_start


def avc_sample_entry(sps: bytes, pps: bytes, width: int, height: int) -> bytes:
    """The ``avc1`` sample entry for a stream with one SPS and one PPS, tagged BT.709 limited range."""
    config = bytes([1, sps[1], sps[2], sps[3], 0xFF, 0xE1]) + struct.pack(">H", len(sps)) + sps
    config += bytes([1]) + struct.pack(">H", len(pps)) + pps
    if sps[1] in (100, 110, 122, 144):  # high profiles: chroma format and bit depths follow
        config += bytes([0xFC | 1, 0xF8, 0xF8, 0])  # 4:2:0, 8-bit, no SPS extensions
    colour = box(b"colr", b"nclx", struct.pack(">HHHB", 1, 1, 1, 0))
    visual = struct.pack(">6xH16xHHIIIH32xHh", 1, width, height, 0x480000, 0x480000, 0, 1, 0x18, -1)
    return box(b"avc1", visual, box(b"avcC", config), colour)


def aac_sample_entry(config: bytes, channels: int, sample_rate: int, track_id: int, bitrate: int,
                     largest_frame: int) -> bytes:
    """The ``mp4a`` sample entry for AAC with the AudioSpecificConfig ``config``."""

    def descriptor(tag: int, body: bytes) -> bytes:
        return bytes([tag, 0x80, 0x80, 0x80, len(body)]) + body

    buffer_and_rates = largest_frame.to_bytes(3, "big") + struct.pack(">II", bitrate, bitrate)
    decoder = descriptor(4, bytes([0x40, 0x15]) + buffer_and_rates + descriptor(5, config))  # AAC, audio stream
    es = descriptor(3, struct.pack(">HB", track_id, 0) + decoder + descriptor(6, b"\x02"))
    audio = struct.pack(">6xH8xHHHHI", 1, channels, 16, 0, 0, sample_rate << 16)
    return box(b"mp4a", audio, full_box(b"esds", 0, 0, es))


def text_sample_entry() -> bytes:
    """The ``tx3g`` sample entry: white text, centred at the bottom, as ffmpeg's mov_text writes it."""
    style = struct.pack(">HHHBB4B", 0, 0, 1, 0, 16, 255, 255, 255, 255)
    fonts = box(b"ftab", struct.pack(">HHB", 1, 1, 5), b"Arial")
    return box(b"tx3g", struct.pack(">6xHIbb4B8x", 1, 0, 1, -1, 0, 0, 0, 255), style, fonts)


def text_samples(cues: Sequence[tuple[float, float, str]], total: float) -> tuple[list[bytes], list[int]]:
    """Timed-text samples (milliseconds) for ``cues`` of (start, end, text), with empty samples in the gaps."""
    samples, durations, now = [], [], 0
    for start, end, text in cues:
        first, last = max(now, round(start * 1000)), round(end * 1000)
        if first > now:
            samples.append(b"\x00\x00")
            durations.append(first - now)
        encoded = text.encode("utf-8")
        samples.append(struct.pack(">H", len(encoded)) + encoded)
        durations.append(max(1, last - first))
        now = first + durations[-1]
    if round(total * 1000) > now:
        samples.append(b"\x00\x00")
        durations.append(round(total * 1000) - now)
    return samples, durations


Chunk = tuple[int, int, int]  # (track number, first sample, sample count): a run of one track's samples in mdat


def write_movie(tracks: Sequence[Track], out: BinaryIO) -> None:
    """Write the whole MP4 file to ``out``: ``ftyp``, ``moov`` (before the media, for streaming) and ``mdat``.

    ``moov`` is laid out from the samples' sizes alone; then the samples are
    copied into ``mdat`` a chunk at a time.
    """
    chunks = _interleave(tracks)
    media = sum(track.samples.total for track in tracks)
    wide = media > WIDE_OFFSETS
    file_type = box(b"ftyp", b"isom", struct.pack(">I", 0x200), b"isomiso2avc1mp41")
    header_size = 16 if wide else 8
    draft = _movie_box(tracks, chunks, 0, wide)  # offsets do not change the box's size
    start = len(file_type) + len(draft) + header_size
    head = struct.pack(">I4sQ", 1, b"mdat", 16 + media) if wide else struct.pack(">I", 8 + media) + b"mdat"
    out.write(file_type + _movie_box(tracks, chunks, start, wide) + head)
    for number, first, count in chunks:
        out.write(tracks[number].samples.read(first, count))


def _interleave(tracks: Sequence[Track]) -> list[Chunk]:
    """The file's chunks in order: for each second of the film, each track's samples that start in it.

    A sample starting at ``t`` seconds lies in the chunk of second
    ``max(1, floor(t) + 1)`` (the first second also takes the hidden priming
    before 0), tracks in turn within a second.
    """
    runs: list[tuple[int, int, int, int]] = []  # (window, track number, first sample, count)
    for number, track in enumerate(tracks):
        tick, first, current = -track.media_start, 0, 0
        for index, duration in enumerate(track.durations):
            window = max(1, math.floor(tick / track.timescale / CHUNK_SECONDS) + 1)
            if window != current:
                if index > first:
                    runs.append((current, number, first, index - first))
                first, current = index, window
            tick += duration
        if len(track.durations) > first:
            runs.append((current, number, first, len(track.durations) - first))
    return [(number, first, count) for _, number, first, count in sorted(runs)]


def _movie_box(tracks: Sequence[Track], chunks: list[Chunk], start: int, wide: bool) -> bytes:
    """``moov``: the movie header and every track, with chunk offsets counted from the file's start."""
    offsets: list[list[int]] = [[] for _ in tracks]
    counts: list[list[int]] = [[] for _ in tracks]
    position = start
    for number, first, count in chunks:
        offsets[number].append(position)
        counts[number].append(count)
        position += sum(tracks[number].samples.sizes[first : first + count])
    duration = max(_movie_ticks(track) for track in tracks)
    header = full_box(b"mvhd", 0, 0, struct.pack(">IIII", 0, 0, MOVIE_TIMESCALE, duration),
                      struct.pack(">IH10x", 0x10000, 0x100), MATRIX, bytes(24), struct.pack(">I", len(tracks) + 1))
    traks = [_track_box(track, n + 1, counts[n], offsets[n], wide) for n, track in enumerate(tracks)]
    return box(b"moov", header, *traks)


def _movie_ticks(track: Track) -> int:
    return round(track.ticks * MOVIE_TIMESCALE / track.timescale)


def _track_box(track: Track, track_id: int, chunk_sizes: list[int], offsets: list[int], wide: bool) -> bytes:
    """``trak``: header, edit list and media for one track."""
    sound = track.handler == b"soun"
    header = full_box(b"tkhd", 0, 3, struct.pack(">III4xI8x", 0, 0, track_id, _movie_ticks(track)),
                      struct.pack(">hhH2x", 0, 1 if sound else 0, 0x100 if sound else 0), MATRIX,
                      struct.pack(">II", track.width << 16, track.height << 16))
    one_edit = struct.pack(">IIiI", 1, _movie_ticks(track), track.media_start, 0x10000)  # at normal speed
    edit = box(b"edts", full_box(b"elst", 0, 0, one_edit))
    media_header = full_box(b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, track.timescale, sum(track.durations),
                                                        LANGUAGE_UNDETERMINED, 0))
    handler = full_box(b"hdlr", 0, 0, struct.pack(">I4s12x", 0, track.handler), track.handler_name + b"\x00")
    kind_header = {
        b"vide": full_box(b"vmhd", 0, 1, bytes(8)),
        b"soun": full_box(b"smhd", 0, 0, bytes(4)),
    }.get(track.handler, full_box(b"nmhd", 0, 0))
    data_info = box(b"dinf", full_box(b"dref", 0, 0, struct.pack(">I", 1), full_box(b"url ", 0, 1)))
    table = box(b"stbl", *_sample_tables(track, chunk_sizes, offsets, wide))
    return box(b"trak", header, edit, box(b"mdia", media_header, handler, box(b"minf", kind_header, data_info, table)))


def _sample_tables(track: Track, chunk_sizes: list[int], offsets: list[int], wide: bool) -> list[bytes]:
    """stsd, stts, stss, stsc, stsz, stco (co64) and the roll groups of one track."""
    tables = [
        full_box(b"stsd", 0, 0, struct.pack(">I", 1), track.sample_entry),
        full_box(b"stts", 0, 0, *_counted(_runs(track.durations), ">II")),
    ]
    if track.sync is not None:
        tables.append(full_box(b"stss", 0, 0, *_counted([(i + 1,) for i in track.sync], ">I")))
    per_chunk = [(first, count, 1) for first, count in _first_of_runs(chunk_sizes)]
    tables.append(full_box(b"stsc", 0, 0, *_counted(per_chunk, ">III")))
    tables.append(full_box(b"stsz", 0, 0, struct.pack(">II", 0, len(track.samples)), _big_endian(track.samples.sizes)))
    tables.append(full_box(b"co64" if wide else b"stco", 0, 0,
                           *_counted([(offset,) for offset in offsets], ">Q" if wide else ">I")))
    if track.roll is not None:
        tables.append(full_box(b"sgpd", 1, 0, b"roll", struct.pack(">IIh", 2, 1, track.roll)))
        tables.append(full_box(b"sbgp", 0, 0, b"roll", struct.pack(">III", 1, len(track.samples), 1)))
    return tables


def _big_endian(values: array) -> bytes:
    """A table of unsigned 32-bit values as big-endian bytes."""
    table = array("I", values)
    if sys.byteorder == "little":
        table.byteswap()
    return table.tobytes()


def _counted(rows: Sequence[tuple[int, ...]], row_format: str) -> list[bytes]:
    """A table's entry count followed by its rows."""
    return [struct.pack(">I", len(rows)), *(struct.pack(row_format, *row) for row in rows)]


def _runs(values: Sequence[int]) -> list[tuple[int, int]]:
    """(count, value) for each run of equal values."""
    runs: list[tuple[int, int]] = []
    for value in values:
        if runs and runs[-1][1] == value:
            runs[-1] = (runs[-1][0] + 1, value)
        else:
            runs.append((1, value))
    return runs


def _first_of_runs(values: Sequence[int]) -> list[tuple[int, int]]:
    """(1-based index of the first, value) for each run of equal values."""
    firsts, position = [], 1
    for count, value in _runs(values):
        firsts.append((position, value))
        position += count
    return firsts
