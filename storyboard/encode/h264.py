"""Still shots as H.264 without encoding the still more than once.

A storyboard shot is one still picture held for N frames. x264 encodes the
picture once, as a single IDR frame; the other N-1 frames are P frames in
which every macroblock is skipped ("same as the previous frame"). Such a
frame is a slice header and one Exp-Golomb number, a few bytes that we write
here, so a shot's cost does not grow with its length and the stream stays an
ordinary constant-frame-rate H.264 stream that any decoder plays.

The picture itself is coded as horizontal bands, one slice each. x264
codes every band as a picture of its own (intra prediction never crosses a
slice, so a band coded alone is the same slice it would be in the frame);
:func:`stitch` joins the bands into one frame: one SPS for the whole frame,
each slice told where its band starts. A band that did not change is not
coded again.

x264 codes each band with ``keyint=1``, and its SPS says so: no reference
frames, an intra-only profile. :func:`frame_sps` writes the SPS x264 itself
writes for a long-GOP stream with one reference frame (``ref=1``), which is
what the film is: one reference frame, no intra-only flag, and a VUI whose
bitstream restriction buffers one frame and reorders none; decoders that
believe the SPS (OpenH264) otherwise show only each shot's first frame.

The writer reads what it needs from the encoder's own SPS and PPS, and
refuses parameter sets it cannot follow (CABAC, weighted prediction, field
coding, picture order count type 1 or a bottom field's, slice groups,
redundant pictures, chroma other than 4:2:0, scaling matrices in the SPS,
HRD parameters, no VUI): :mod:`storyboard.encode` asks x264 for a stream
without those.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import NamedTuple

NAL_SLICE = 1
NAL_IDR = 5
NAL_SPS = 7
NAL_PPS = 8
P_SLICE_ALL = 5  # slice_type 5: every slice of the picture is a P slice
HIGH_PROFILES = {100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135}
START_CODE = b"\x00\x00\x00\x01"
REF_FRAMES = 1  # the skip frames predict from the frame before: one reference, one frame buffered
CONSTRAINT_SET3 = 0x10  # in the byte of constraint flags: intra-only (High profiles) or level 1b (Baseline)
EXTENDED_SAR = 255  # aspect_ratio_idc followed by the ratio itself (Table E-1)


class Level(NamedTuple):
    """A row of H.264 Table A-1 (sizes in macroblocks).

    Its picture buffer (MaxDpbMbs) is not here: in every row it holds more
    than the largest frame, so one reference frame always fits.
    """

    idc: int
    macroblocks_per_second: int
    frame_size: int
    mv_range: int  # MaxVmvR: the largest vertical motion vector, in luma samples


LEVELS = tuple(Level(*row) for row in (
    (10, 1485, 99, 64), (11, 3000, 396, 128), (12, 6000, 396, 128), (13, 11880, 396, 128), (20, 11880, 396, 128),
    (21, 19800, 792, 256), (22, 20250, 1620, 256), (30, 40500, 1620, 256), (31, 108000, 3600, 512),
    (32, 216000, 5120, 512), (40, 245760, 8192, 512), (41, 245760, 8192, 512), (42, 522240, 8704, 512),
    (50, 589824, 22080, 512), (51, 983040, 36864, 512), (52, 2073600, 36864, 512), (60, 4177920, 139264, 512),
    (61, 8355840, 139264, 512), (62, 16711680, 139264, 512),
))


class UnsupportedStream(ValueError):
    """The encoder produced parameter sets the skip-frame writer cannot follow."""


def split_nal_units(stream: bytes) -> list[bytes]:
    """The NAL units of an Annex B byte stream, without their start codes."""
    units = []
    for chunk in stream.split(b"\x00\x00\x01"):
        chunk = chunk.rstrip(b"\x00")  # the leading zero of a 4-byte start code
        if chunk:
            units.append(chunk)
    return units


def nal_type(unit: bytes) -> int:
    """The nal_unit_type of a NAL unit."""
    return unit[0] & 0x1F


class _BitReader:
    """Reads an RBSP: the NAL payload with emulation-prevention bytes removed."""

    def __init__(self, unit: bytes) -> None:
        self.data = unit[1:].replace(b"\x00\x00\x03", b"\x00\x00")
        self.pos = 0

    def bits(self, count: int) -> int:
        value = 0
        for _ in range(count):
            byte = self.data[self.pos >> 3]
            value = (value << 1) | ((byte >> (7 - (self.pos & 7))) & 1)
            self.pos += 1
        return value

    def ue(self) -> int:
        zeros = 0
        while self.bits(1) == 0:
            zeros += 1
        return (1 << zeros) - 1 + self.bits(zeros)

    def copy_to(self, writer: _BitWriter, end: int) -> None:
        """Write the bits from here to bit position ``end`` to ``writer`` as they are."""
        count = end - self.pos
        writer.bits(self.bits(count), count)

    def rest(self) -> tuple[int, int]:
        """The bits from here to the end, without the RBSP trailing bits: (value, bit count)."""
        count = len(self.data) * 8 - self.pos
        value = int.from_bytes(self.data, "big") & ((1 << count) - 1)
        trailing = (value & -value).bit_length()  # the stop bit and the zeros after it
        return value >> trailing, count - trailing


class _BitWriter:
    """Writes an RBSP and returns it as a NAL unit with emulation prevention."""

    def __init__(self) -> None:
        self.value = 0
        self.count = 0

    def bits(self, value: int, count: int) -> None:
        """Append ``value`` as ``count`` bits; ValueError if it does not fit."""
        if value >> count:
            raise ValueError(f"{value} does not fit in {count} bits")
        self.value = (self.value << count) | value
        self.count += count

    def ue(self, value: int) -> None:
        code = value + 1
        self.bits(code, 2 * code.bit_length() - 1)  # as many leading zeros as bits after the first

    def nal_unit(self, header: int) -> bytes:
        self.bits(1, 1)  # rbsp_stop_one_bit
        self.bits(0, -self.count % 8)
        return bytes([header]) + _escape(self.value.to_bytes(self.count // 8, "big"))


_EMULATED = re.compile(b"\x00\x00(?=[\x00-\x03])")


def _escape(rbsp: bytes) -> bytes:
    """Insert emulation-prevention bytes so no start code appears in the payload."""
    return _EMULATED.sub(b"\x00\x00\x03", rbsp)


class StreamParameters(NamedTuple):
    """What a slice header needs to know from the SPS and PPS."""

    pps_id: int
    log2_max_frame_num: int
    log2_max_poc_lsb: int | None  # None: the picture order count follows frame_num (poc_type 2)
    deblocking_control_present: bool
    macroblocks: int


class _Sps(NamedTuple):
    """The SPS fields that the frame's SPS changes, and where they lie in its RBSP."""

    log2_max_frame_num: int
    log2_max_poc_lsb: int | None
    refs_at: int  # bit position of max_num_ref_frames
    width_mbs: int
    height_mbs: int
    height_at: int  # bit position of pic_height_in_map_units_minus1
    direct_8x8: int
    crop: tuple[int, int, int, int]  # left, right, top, bottom
    vui_at: int  # bit position of vui_parameters_present_flag
    restriction_at: int  # bit position of the VUI's bitstream_restriction_flag


def _read_sps(sps: bytes) -> _Sps:
    r = _BitReader(sps)
    profile = r.bits(8)
    r.bits(16)  # constraint flags, level
    r.ue()  # seq_parameter_set_id
    if profile in HIGH_PROFILES:
        if r.ue() != 1:  # chroma_format_idc: the crop is counted in 4:2:0's pairs of rows
            raise UnsupportedStream("chroma other than 4:2:0")
        r.ue(), r.ue()  # bit depths
        r.bits(1)
        if r.bits(1):
            raise UnsupportedStream("scaling matrices in the SPS")
    log2_max_frame_num = r.ue() + 4
    poc_type = r.ue()
    if poc_type == 1:
        raise UnsupportedStream("picture order count type 1")
    log2_max_poc_lsb = r.ue() + 4 if poc_type == 0 else None
    refs_at = r.pos
    r.ue()  # max_num_ref_frames
    r.bits(1)
    width_mbs = r.ue() + 1
    height_at = r.pos
    height_mbs = r.ue() + 1
    if not r.bits(1):
        raise UnsupportedStream("field coding")
    direct_8x8 = r.bits(1)
    crop = (r.ue(), r.ue(), r.ue(), r.ue()) if r.bits(1) else (0, 0, 0, 0)
    vui_at = r.pos
    if not r.bits(1):
        raise UnsupportedStream("an SPS without VUI parameters")
    return _Sps(log2_max_frame_num, log2_max_poc_lsb, refs_at, width_mbs, height_mbs,
                height_at, direct_8x8, crop, vui_at, _restriction_at(r))


def _restriction_at(r: _BitReader) -> int:
    """Read VUI parameters (Annex E.1.1) up to bitstream_restriction_flag; its bit position."""
    if r.bits(1) and r.bits(8) == EXTENDED_SAR:  # aspect_ratio_info_present_flag, aspect_ratio_idc
        r.bits(32)  # sar_width, sar_height
    if r.bits(1):  # overscan_info_present_flag
        r.bits(1)
    if r.bits(1):  # video_signal_type_present_flag
        r.bits(4)  # video_format, video_full_range_flag
        if r.bits(1):  # colour_description_present_flag
            r.bits(24)
    if r.bits(1):  # chroma_loc_info_present_flag
        r.ue(), r.ue()
    if r.bits(1):  # timing_info_present_flag
        r.bits(65)  # num_units_in_tick, time_scale, fixed_frame_rate_flag
    if r.bits(1) or r.bits(1):  # nal_hrd_parameters_present_flag, vcl_hrd_parameters_present_flag
        raise UnsupportedStream("HRD parameters")
    r.bits(1)  # pic_struct_present_flag
    return r.pos


def read_parameters(sps: bytes, pps: bytes) -> StreamParameters:
    """Read the fields a skip slice depends on; raise UnsupportedStream otherwise."""
    fields = _read_sps(sps)
    p = _BitReader(pps)
    pps_id = p.ue()
    p.ue()
    if p.bits(1):
        raise UnsupportedStream("CABAC entropy coding")
    if p.bits(1):
        raise UnsupportedStream("a bottom field picture order count in frames")
    if p.ue():
        raise UnsupportedStream("slice groups")
    p.ue(), p.ue()
    if p.bits(1):
        raise UnsupportedStream("weighted prediction")
    p.bits(2)
    p.ue(), p.ue(), p.ue()  # pic_init_qp_minus26, pic_init_qs_minus26, chroma_qp_index_offset: se(v) code words
    deblocking_control_present = bool(p.bits(1))
    p.bits(1)  # constrained_intra_pred_flag
    if p.bits(1):
        raise UnsupportedStream("redundant pictures")
    return StreamParameters(
        pps_id=pps_id,
        log2_max_frame_num=fields.log2_max_frame_num,
        log2_max_poc_lsb=fields.log2_max_poc_lsb,
        deblocking_control_present=deblocking_control_present,
        macroblocks=fields.width_mbs * fields.height_mbs,
    )


def skip_frame(params: StreamParameters, index: int) -> bytes:
    """The NAL unit of the ``index``-th frame after an IDR that repeats it exactly."""
    frame_num = index % (1 << params.log2_max_frame_num)
    poc_lsb = None if params.log2_max_poc_lsb is None else 2 * index % (1 << params.log2_max_poc_lsb)
    return _skip_frame(params, frame_num, poc_lsb)


@cache  # a few dozen a film size: frame_num and the picture order count wrap
def _skip_frame(params: StreamParameters, frame_num: int, poc_lsb: int | None) -> bytes:
    """A P slice in which every macroblock is skipped (no picture order count for poc_type 2)."""
    w = _BitWriter()
    w.ue(0)  # first_mb_in_slice
    w.ue(P_SLICE_ALL)
    w.ue(params.pps_id)
    w.bits(frame_num, params.log2_max_frame_num)
    if poc_lsb is not None:
        w.bits(poc_lsb, params.log2_max_poc_lsb)  # pic_order_cnt_lsb: two a frame, as x264 counts
    w.bits(0, 1)  # num_ref_idx_active_override_flag
    w.bits(0, 1)  # ref_pic_list_modification_flag_l0
    w.bits(0, 1)  # adaptive_ref_pic_marking_mode_flag: sliding window
    w.ue(0)  # slice_qp_delta: se(v) 0
    if params.deblocking_control_present:
        w.ue(1)  # disable_deblocking_filter_idc: nothing to filter in a copy
    w.ue(params.macroblocks)  # mb_skip_run: every macroblock copies the reference
    return w.nal_unit(header=(2 << 5) | NAL_SLICE)


class StillStream(NamedTuple):
    """One still picture as x264 coded it: its parameter sets and its IDR slices (x264's SEI is dropped)."""

    sps: bytes
    pps: bytes
    idr: tuple[bytes, ...]
    params: StreamParameters


def parse_still(stream: bytes) -> StillStream:
    """Split a one-frame Annex B stream into its headers and IDR slices."""
    units = split_nal_units(stream)
    by_type: dict[int, list[bytes]] = {}
    for unit in units:
        by_type.setdefault(nal_type(unit), []).append(unit)
    if not by_type.get(NAL_SPS) or not by_type.get(NAL_PPS) or not by_type.get(NAL_IDR):
        raise UnsupportedStream("the still is not an SPS, a PPS and an IDR frame")
    sps, pps = by_type[NAL_SPS][0], by_type[NAL_PPS][0]
    return StillStream(sps=sps, pps=pps, idr=tuple(by_type[NAL_IDR]), params=read_parameters(sps, pps))


def held_still(still: StillStream, frames: int, idr_pic_id: int) -> list[bytes]:
    """``still`` held for ``frames`` frames, as MP4 samples (each NAL unit behind its 4-byte length).

    Its IDR picture carries ``idr_pic_id`` (:func:`stitch` writes 0).
    """
    idr = still.idr if idr_pic_id == 0 else tuple(
        _idr_slice(unit, still.params.log2_max_frame_num, idr_pic_id=idr_pic_id) for unit in still.idr)
    return [sample(idr), *(sample((skip_frame(still.params, index),)) for index in range(1, frames))]


def held_stills(shots: Iterable[tuple[StillStream, int]]) -> Iterator[list[bytes]]:
    """Each (still, frame count) held in turn: each shot's MP4 samples, its IDR picture first.

    A shot of one frame puts two IDR pictures in a row, which must differ in
    idr_pic_id (7.4.3): the second takes the other of 0 and 1. The shots are
    taken as they are needed, so a film's shots need not all be held at once.
    """
    idr_pic_id, after_idr = 0, False
    for still, frames in shots:
        idr_pic_id = 1 - idr_pic_id if after_idr else 0
        yield held_still(still, frames, idr_pic_id)
        after_idr = frames == 1


def sample(units: tuple[bytes, ...]) -> bytes:
    """One access unit in MP4 form: every NAL unit behind its length."""
    return b"".join(len(unit).to_bytes(4, "big") + unit for unit in units)


def split_frames(stream: bytes) -> list[bytes]:
    """A stream of one-slice IDR pictures cut into one stream per picture, each with the parameter sets before it."""
    sets: dict[int, bytes] = {}
    frames = []
    for unit in split_nal_units(stream):
        kind = nal_type(unit)
        if kind in (NAL_SPS, NAL_PPS):
            sets[kind] = unit
        elif kind == NAL_IDR:
            if len(sets) < 2:
                raise UnsupportedStream("an IDR picture before its parameter sets")
            frames.append(b"".join(START_CODE + part for part in (sets[NAL_SPS], sets[NAL_PPS], unit)))
    return frames


def stitch(bands: Sequence[bytes], height: int, fps: int) -> bytes:
    """One frame's Annex B stream (SPS, PPS, IDR slices) from its bands, top to bottom.

    Each band is x264's one-frame stream of a band's picture (SPS, PPS, IDR
    slice), every band the same size and coded with the same settings; the
    last band may run past ``height``, which the frame's SPS crops away.
    """
    streams = [split_nal_units(band) for band in bands]
    sps, pps = _unit(streams[0], NAL_SPS), _unit(streams[0], NAL_PPS)
    if any((_unit(units, NAL_SPS), _unit(units, NAL_PPS)) != (sps, pps) for units in streams):
        raise UnsupportedStream("the bands do not share one set of parameters")
    band = _read_sps(sps)
    slices = [_idr_slice(_unit(units, NAL_IDR), band.log2_max_frame_num, index * band.width_mbs * band.height_mbs)
              for index, units in enumerate(streams)]
    frame = frame_sps(sps, len(bands) * band.height_mbs, height, fps)
    return b"".join(START_CODE + unit for unit in (frame, pps, *slices))


def frame_sps(sps: bytes, height_mbs: int, height: int, fps: int) -> bytes:
    """A band's SPS made the frame's, as x264 writes it for a long-GOP stream with one reference frame.

    The frame is ``height_mbs`` macroblock rows, cropped to ``height``, at
    the level to match; not intra-only, one reference frame; the VUI's
    bitstream restriction as x264 writes it.
    """
    fields = _read_sps(sps)
    level = _level(fields.width_mbs, height_mbs, fps)
    r = _BitReader(sps)
    w = _BitWriter()
    w.bits(r.bits(8), 8)  # profile_idc
    w.bits(r.bits(8) & ~CONSTRAINT_SET3, 8)  # P frames follow, and the level is never 1b
    r.bits(8)
    w.bits(level.idc, 8)
    r.copy_to(w, fields.refs_at)  # the ids, the chroma format, frame_num and picture order count
    r.ue()
    w.ue(REF_FRAMES)  # max_num_ref_frames
    r.copy_to(w, fields.height_at)  # gaps_in_frame_num_value_allowed_flag, the width
    w.ue(height_mbs - 1)
    w.bits(1, 1)  # frame_mbs_only_flag
    w.bits(fields.direct_8x8, 1)
    left, right, top, _ = fields.crop
    crop = (left, right, top, (height_mbs * 16 - height) // 2)  # in pairs of rows (4:2:0)
    w.bits(any(crop), 1)
    for offset in crop if any(crop) else ():
        w.ue(offset)
    r.pos = fields.vui_at
    r.copy_to(w, fields.restriction_at)
    _write_restriction(w, level)
    return w.nal_unit(header=sps[0])


def _write_restriction(w: _BitWriter, level: Level) -> None:
    """The VUI's bitstream restriction as x264 writes it for one reference frame and no B-frames (Annex E.1.1)."""
    w.bits(1, 1)  # bitstream_restriction_flag
    w.bits(1, 1)  # motion_vectors_over_pic_boundaries_flag
    w.ue(0)  # max_bytes_per_pic_denom: no limit
    w.ue(0)  # max_bits_per_mb_denom: no limit
    mv_length = level.mv_range.bit_length() + 1  # log2 of 4 x MaxVmvR (quarter samples), as x264 writes it
    w.ue(mv_length)  # log2_max_mv_length_horizontal
    w.ue(mv_length)  # log2_max_mv_length_vertical
    w.ue(0)  # max_num_reorder_frames
    w.ue(REF_FRAMES)  # max_dec_frame_buffering


def _level(width_mbs: int, height_mbs: int, fps: int) -> Level:
    """The lowest level that allows frames of this many macroblocks a side at ``fps``, with one reference frame.

    As x264 chooses: the frame's size, each side (at most the square root of
    8 x the largest frame) and the macroblocks a second.
    """
    frame_mbs = width_mbs * height_mbs
    for level in LEVELS:
        fits = frame_mbs <= level.frame_size and max(width_mbs, height_mbs) ** 2 <= 8 * level.frame_size
        if fits and frame_mbs * fps <= level.macroblocks_per_second:
            return level
    raise UnsupportedStream(f"a {width_mbs}x{height_mbs}-macroblock frame is beyond every H.264 level")


def _idr_slice(unit: bytes, log2_max_frame_num: int, first_mb: int | None = None, idr_pic_id: int = 0) -> bytes:
    """An IDR slice moved to start at macroblock ``first_mb`` (None: where it starts) with ``idr_pic_id``.

    x264 counts its pictures in idr_pic_id; every slice of a picture must
    carry the same one, and two IDR pictures in a row different ones (7.4.3).
    """
    r = _BitReader(unit)
    start = r.ue()  # first_mb_in_slice
    w = _BitWriter()
    w.ue(start if first_mb is None else first_mb)
    w.ue(r.ue())  # slice_type
    w.ue(r.ue())  # pic_parameter_set_id
    r.copy_to(w, r.pos + log2_max_frame_num)  # frame_num
    r.ue()
    w.ue(idr_pic_id)
    w.bits(*r.rest())
    return w.nal_unit(header=unit[0])


def _unit(units: Sequence[bytes], kind: int) -> bytes:
    """The first NAL unit of ``kind``; UnsupportedStream if there is none."""
    for unit in units:
        if nal_type(unit) == kind:
            return unit
    raise UnsupportedStream(f"no NAL unit of type {kind} in a band")
