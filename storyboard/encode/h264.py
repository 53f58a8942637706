"""Still shots as H.264 without encoding the still more than once.

A storyboard shot is one still picture held for N frames. x264 encodes the
picture once, as a single IDR frame; the other N-1 frames are P frames in
which every macroblock is skipped ("same as the previous frame"). Such a
frame is a slice header and one Exp-Golomb number, a few bytes that we write
here, so a shot's cost does not grow with its length and the stream stays an
ordinary constant-frame-rate H.264 stream that any decoder plays.

The writer reads what it needs from the encoder's own SPS and PPS, and
refuses parameter sets it cannot follow (CABAC, weighted prediction, field
coding, picture order count type 1): :func:`storyboard.encode.video` asks x264
for a stream without those.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

NAL_SLICE = 1
NAL_IDR = 5
NAL_SEI = 6
NAL_SPS = 7
NAL_PPS = 8
P_SLICE_ALL = 5  # slice_type 5: every slice of the picture is a P slice
HIGH_PROFILES = {100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135}


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

    def se(self) -> int:
        code = self.ue()
        return (code + 1) // 2 if code % 2 else -(code // 2)


class _BitWriter:
    """Writes an RBSP and returns it as a NAL unit with emulation prevention."""

    def __init__(self) -> None:
        self.bitlist: list[int] = []

    def bits(self, value: int, count: int) -> None:
        self.bitlist.extend((value >> shift) & 1 for shift in range(count - 1, -1, -1))

    def ue(self, value: int) -> None:
        code = value + 1
        self.bits(0, code.bit_length() - 1)
        self.bits(code, code.bit_length())

    def se(self, value: int) -> None:
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def nal_unit(self, header: int) -> bytes:
        self.bitlist.append(1)  # rbsp_stop_one_bit
        while len(self.bitlist) % 8:
            self.bitlist.append(0)
        rbsp = bytes(
            int("".join(map(str, self.bitlist[i : i + 8])), 2)
            for i in range(0, len(self.bitlist), 8)
        )
        return bytes([header]) + _escape(rbsp)


def _escape(rbsp: bytes) -> bytes:
    """Insert emulation-prevention bytes so no start code appears in the payload."""
    out = bytearray()
    zeros = 0
    for byte in rbsp:
        if zeros >= 2 and byte <= 3:
            out.append(3)
            zeros = 0
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


@dataclass(frozen=True)
class StreamParameters:
    """What a slice header needs to know from the SPS and PPS."""

    pps_id: int
    log2_max_frame_num: int
    poc_type: int
    log2_max_poc_lsb: int
    bottom_field_poc_present: bool
    redundant_pic_cnt_present: bool
    deblocking_control_present: bool
    macroblocks: int

    @property
    def skip_period(self) -> int:
        """After how many frames the skip frames repeat: frame_num and the POC both wrap."""
        return 1 << max(self.log2_max_frame_num, self.log2_max_poc_lsb - 1)


def read_parameters(sps: bytes, pps: bytes) -> StreamParameters:
    """Read the fields a skip slice depends on; raise UnsupportedStream otherwise."""
    r = _BitReader(sps)
    profile = r.bits(8)
    r.bits(16)  # constraint flags, level
    r.ue()  # seq_parameter_set_id
    if profile in HIGH_PROFILES:
        if r.ue() == 3:  # chroma_format_idc
            r.bits(1)
        r.ue(), r.ue()  # bit depths
        r.bits(1)
        if r.bits(1):
            raise UnsupportedStream("scaling matrices in the SPS")
    log2_max_frame_num = r.ue() + 4
    poc_type = r.ue()
    log2_max_poc_lsb = 0
    if poc_type == 0:
        log2_max_poc_lsb = r.ue() + 4
    elif poc_type == 1:
        raise UnsupportedStream("picture order count type 1")
    r.ue()  # max_num_ref_frames
    r.bits(1)
    width_mbs, height_mbs = r.ue() + 1, r.ue() + 1
    if not r.bits(1):
        raise UnsupportedStream("field coding")

    p = _BitReader(pps)
    pps_id = p.ue()
    p.ue()
    if p.bits(1):
        raise UnsupportedStream("CABAC entropy coding")
    bottom_field_poc_present = bool(p.bits(1))
    if p.ue():
        raise UnsupportedStream("slice groups")
    p.ue(), p.ue()
    if p.bits(1):
        raise UnsupportedStream("weighted prediction")
    p.bits(2)
    p.se(), p.se(), p.se()
    deblocking_control_present = bool(p.bits(1))
    p.bits(1)
    return StreamParameters(
        pps_id=pps_id,
        log2_max_frame_num=log2_max_frame_num,
        poc_type=poc_type,
        log2_max_poc_lsb=log2_max_poc_lsb,
        bottom_field_poc_present=bottom_field_poc_present,
        redundant_pic_cnt_present=bool(p.bits(1)),
        deblocking_control_present=deblocking_control_present,
        macroblocks=width_mbs * height_mbs,
    )


def skip_frame(params: StreamParameters, index: int) -> bytes:
    """The NAL unit of the ``index``-th frame after an IDR that repeats it exactly."""
    return _skip_frame(params, index % params.skip_period)


@lru_cache(maxsize=1024)
def _skip_frame(params: StreamParameters, index: int) -> bytes:
    w = _BitWriter()
    w.ue(0)  # first_mb_in_slice
    w.ue(P_SLICE_ALL)
    w.ue(params.pps_id)
    w.bits(index % (1 << params.log2_max_frame_num), params.log2_max_frame_num)
    if params.poc_type == 0:
        w.bits((2 * index) % (1 << params.log2_max_poc_lsb), params.log2_max_poc_lsb)
        if params.bottom_field_poc_present:
            w.se(0)
    if params.redundant_pic_cnt_present:
        w.ue(0)
    w.bits(0, 1)  # num_ref_idx_active_override_flag
    w.bits(0, 1)  # ref_pic_list_modification_flag_l0
    w.bits(0, 1)  # adaptive_ref_pic_marking_mode_flag: sliding window
    w.se(0)  # slice_qp_delta
    if params.deblocking_control_present:
        w.ue(1)  # disable_deblocking_filter_idc: nothing to filter in a copy
    w.ue(params.macroblocks)  # mb_skip_run: every macroblock copies the reference
    return w.nal_unit(header=(2 << 5) | NAL_SLICE)


@dataclass(frozen=True)
class StillStream:
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


def held_still(still: StillStream, frames: int) -> list[bytes]:
    """``still`` held for ``frames`` frames, as MP4 samples (each NAL unit behind its 4-byte length)."""
    return [sample(still.idr), *(sample((skip_frame(still.params, index),)) for index in range(1, frames))]


def sample(units: tuple[bytes, ...]) -> bytes:
    """One access unit in MP4 form: every NAL unit behind its length."""
    return b"".join(len(unit).to_bytes(4, "big") + unit for unit in units)
