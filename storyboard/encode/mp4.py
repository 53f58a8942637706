"""The MP4 file, written box by box: the film's H.264 track, its AAC track and, with captions, a text track.

A storyboard film is a few encoded stills, their skip frames and one AAC
stream, all already in memory. Starting ffmpeg to mux them took about 40 ms,
a seventh of re-rendering after a sign edit; writing the boxes here takes a
few milliseconds. The layout follows what ffmpeg's mp4 muxer writes with
``+faststart`` (ISO BMFF, ISO/IEC 14496-12 and -15): ``moov`` before
``mdat``, an edit list that hides the AAC encoder's priming samples, a BT.709
``colr`` box, AAC ``roll`` sample groups, and tracks interleaved in chunks of
about a second, so the file plays wherever ffmpeg's does.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

MOVIE_TIMESCALE = 48_000  # whole ticks for every common frame rate and for the audio
CHUNK_SECONDS = 1.0  # how much of each track lies together in the file
LANGUAGE_UNDETERMINED = 0x55C4  # "und", packed ISO 639-2
WIDE_OFFSETS = 0xFFFF_0000  # media this large needs 64-bit chunk offsets (co64) and mdat size
MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)  # identity


def box(kind: bytes, *parts: bytes) -> bytes:
    """An ISO BMFF box: 32-bit size, four-character type, payload."""
    payload = b"".join(parts)
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def full_box(kind: bytes, version: int, flags: int, *parts: bytes) -> bytes:
    """A box whose payload starts with a version byte and 24 bits of flags."""
    return box(kind, struct.pack(">I", (version << 24) | flags), *parts)


@dataclass(frozen=True)
class Track:
    """One track: its samples in decoding order, their durations, and how to describe them."""

    handler: bytes  # b"vide", b"soun" or b"sbtl"
    handler_name: bytes
    timescale: int  # ticks per second of the durations below
    sample_entry: bytes  # the box inside stsd that says how samples are coded
    samples: Sequence[bytes]
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


def movie(tracks: Sequence[Track]) -> bytes:
    """The whole MP4 file: ``ftyp``, ``moov`` (before the media, for streaming) and ``mdat``."""
    chunks = _interleave(tracks)
    media = b"".join(b"".join(track.samples[i] for i in indexes) for track, indexes in chunks)
    wide = len(media) > WIDE_OFFSETS
    file_type = box(b"ftyp", b"isom", struct.pack(">I", 0x200), b"isomiso2avc1mp41")
    header_size = 16 if wide else 8
    draft = _movie_box(tracks, chunks, 0, wide)  # offsets do not change the box's size
    start = len(file_type) + len(draft) + header_size
    head = struct.pack(">I4sQ", 1, b"mdat", 16 + len(media)) if wide else struct.pack(">I", 8 + len(media)) + b"mdat"
    return file_type + _movie_box(tracks, chunks, start, wide) + head + media


def _interleave(tracks: Sequence[Track]) -> list[tuple[Track, list[int]]]:
    """The file's chunks in order: for each second of the film, each track's samples that start in it."""
    starts = []
    for track in tracks:
        tick, times = -track.media_start, []
        for duration in track.durations:
            times.append(tick / track.timescale)
            tick += duration
        starts.append(times)
    chunks: list[tuple[Track, list[int]]] = []
    cursor = [0] * len(tracks)
    window = CHUNK_SECONDS
    while any(cursor[i] < len(track.samples) for i, track in enumerate(tracks)):
        for i, track in enumerate(tracks):
            end = cursor[i]
            while end < len(track.samples) and starts[i][end] < window:
                end += 1
            if end > cursor[i]:
                chunks.append((track, list(range(cursor[i], end))))
                cursor[i] = end
        window += CHUNK_SECONDS
    return chunks


def _movie_box(tracks: Sequence[Track], chunks: list[tuple[Track, list[int]]], start: int, wide: bool) -> bytes:
    """``moov``: the movie header and every track, with chunk offsets counted from the file's start."""
    offsets: dict[int, list[int]] = {id(track): [] for track in tracks}
    position = start
    for track, indexes in chunks:
        offsets[id(track)].append(position)
        position += sum(len(track.samples[i]) for i in indexes)
    counts = {id(track): [len(indexes) for t, indexes in chunks if t is track] for track in tracks}
    duration = max(_movie_ticks(track) for track in tracks)
    header = full_box(b"mvhd", 0, 0, struct.pack(">IIII", 0, 0, MOVIE_TIMESCALE, duration),
                      struct.pack(">IH10x", 0x10000, 0x100), MATRIX, bytes(24), struct.pack(">I", len(tracks) + 1))
    traks = [_track_box(track, n, counts[id(track)], offsets[id(track)], wide) for n, track in enumerate(tracks, 1)]
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
    sizes = b"".join(struct.pack(">I", len(sample)) for sample in track.samples)
    tables.append(full_box(b"stsz", 0, 0, struct.pack(">II", 0, len(track.samples)), sizes))
    tables.append(full_box(b"co64" if wide else b"stco", 0, 0,
                           *_counted([(offset,) for offset in offsets], ">Q" if wide else ">I")))
    if track.roll is not None:
        tables.append(full_box(b"sgpd", 1, 0, b"roll", struct.pack(">IIh", 2, 1, track.roll)))
        tables.append(full_box(b"sbgp", 0, 0, b"roll", struct.pack(">III", 1, len(track.samples), 1)))
    return tables


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
