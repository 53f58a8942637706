"""The skip-frame writer's edges: the level table, the streams it refuses, and stills from other x264 settings.

:mod:`storyboard.encode.h264` follows only the parameter sets it can: each
refusal is checked with a stream x264 really writes with that feature, or,
where x264 never writes it, with a parameter set written out bit by bit here.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import media
from storyboard import encode
from storyboard.encode import h264
from storyboard.encode.film import film

# H.264 Table A-1: level_idc, MaxMBPS, MaxFS (macroblocks), MaxVmvR (the vertical motion vector range, +/- luma samples)
TABLE_A1 = [
    (10, 1485, 99, 64), (11, 3000, 396, 128), (12, 6000, 396, 128), (13, 11880, 396, 128), (20, 11880, 396, 128),
    (21, 19800, 792, 256), (22, 20250, 1620, 256), (30, 40500, 1620, 256), (31, 108000, 3600, 512),
    (32, 216000, 5120, 512), (40, 245760, 8192, 512), (41, 245760, 8192, 512), (42, 522240, 8704, 512),
    (50, 589824, 22080, 512), (51, 983040, 36864, 512), (52, 2073600, 36864, 512), (60, 4177920, 139264, 512),
    (61, 8355840, 139264, 512), (62, 16711680, 139264, 512),
]
SIZE = (64, 48)
BAND = "cabac=0:bframes=0:ref=1:weightp=0:keyint=1:scenecut=0:threads=1:qcomp=1:stitchable=1"
LONG_GOP = "cabac=0:ref=1:weightp=0:keyint=250:scenecut=0:threads=1"


def x264(params: str, frames: int = 1, size: tuple[int, int] = SIZE, pix_fmt: str = "yuv420p") -> bytes:
    """x264's Annex B stream of ``frames`` copies of a small picture with a white square."""
    width, height = size
    rgb = np.full((height, width, 3), (180, 40, 40), dtype=np.uint8)
    rgb[height // 4 : height // 2, width // 4 : width // 2] = 255
    result = media._ffmpeg("-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-framerate", "24",
                           "-i", "pipe:0", "-pix_fmt", pix_fmt, "-c:v", "libx264", "-preset", "superfast",
                           "-x264-params", params, "-f", "h264", "pipe:1", stdin=rgb.tobytes() * frames)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def nal(header: int, bits: str) -> bytes:
    """A NAL unit whose RBSP is ``bits`` ("1 010 ..."), then the stop bit; no run of zeros that needs escaping."""
    rbsp = bits.replace(" ", "") + "1"
    rbsp += "0" * (-len(rbsp) % 8)
    return bytes([header]) + int(rbsp, 2).to_bytes(len(rbsp) // 8, "big")


# Baseline profile, constraint_set0 and 1, level 1.0, seq_parameter_set_id 0, log2_max_frame_num_minus4 0
SPS_HEAD = "01000010 11000000 00001010 1 1"
# pic_parameter_set_id 0, seq_parameter_set_id 0, CAVLC
PPS_HEAD = "1 1 0"


def test_the_levels_are_h264_table_a1() -> None:
    assert [(level.idc, level.macroblocks_per_second, level.frame_size, level.mv_range)
            for level in h264.LEVELS] == TABLE_A1


@pytest.mark.parametrize(("params", "pix_fmt", "refused"), [
    ("cabac=1", "yuv420p", "CABAC"),
    ("interlaced=1", "yuv420p", "field coding"),
    ("nal-hrd=vbr:vbv-maxrate=500:vbv-bufsize=1000", "yuv420p", "HRD parameters"),
    ("", "yuv444p", "chroma other than 4:2:0"),
])
def test_a_band_x264_codes_with_a_feature_the_writer_cannot_follow_is_refused(params: str, pix_fmt: str,
                                                                               refused: str) -> None:
    band = x264(f"{BAND}:{params}", pix_fmt=pix_fmt)
    with pytest.raises(h264.UnsupportedStream, match=refused):
        h264.parse_still(band)
    if params != "cabac=1":  # the PPS, where CABAC is said, is not read in stitching
        with pytest.raises(h264.UnsupportedStream, match=refused):
            h264.stitch([band, band], SIZE[1] * 2, 24)


def test_weighted_prediction_is_refused() -> None:
    with pytest.raises(h264.UnsupportedStream, match="weighted prediction"):
        h264.parse_still(x264(LONG_GOP.replace("weightp=0", "weightp=2") + ":bframes=0", frames=3))


@pytest.mark.parametrize(("sps", "refused"), [
    (SPS_HEAD + " 010", "picture order count type 1"),
    # High profile, level 1.0, id 0, 4:2:0, 8 bits, no transform bypass, seq_scaling_matrix_present_flag
    ("01100100 00000000 00001010 1 010 1 1 0 1", "scaling matrices in the SPS"),
    # poc type 2, one reference frame, no gaps, 4x3 macroblocks, frame_mbs_only, direct_8x8, no crop, no VUI
    (SPS_HEAD + " 011 1 0 00100 011 1 1 0 0", "without VUI"),
])
def test_an_sps_x264_never_writes_is_refused(sps: str, refused: str) -> None:
    with pytest.raises(h264.UnsupportedStream, match=refused):
        h264.read_parameters(nal(0x67, sps), h264.parse_still(x264(BAND)).pps)


@pytest.mark.parametrize(("pps", "refused"), [
    (PPS_HEAD + " 1", "bottom field"),
    (PPS_HEAD + " 0 010", "slice groups"),
    # one slice group and reference, no weights, QPs 26, deblocking control, no constrained intra, redundant_pic_cnt
    (PPS_HEAD + " 0 1 1 1 0 00 1 1 1 1 0 1", "redundant pictures"),
])
def test_a_pps_x264_never_writes_is_refused(pps: str, refused: str) -> None:
    with pytest.raises(h264.UnsupportedStream, match=refused):
        h264.read_parameters(h264.parse_still(x264(BAND)).sps, nal(0x68, pps))


def test_a_still_without_its_parameter_sets_is_refused() -> None:
    units = h264.split_nal_units(x264(BAND))
    idr_only = h264.START_CODE + units[-1]
    with pytest.raises(h264.UnsupportedStream, match="not an SPS, a PPS and an IDR"):
        h264.parse_still(idr_only)
    with pytest.raises(h264.UnsupportedStream, match="before its parameter sets"):
        h264.split_frames(idr_only)
    with pytest.raises(h264.UnsupportedStream, match="no NAL unit of type 7"):
        h264.stitch([idr_only], SIZE[1], 24)


def test_bands_of_different_settings_are_refused() -> None:
    with pytest.raises(h264.UnsupportedStream, match="do not share one set of parameters"):
        h264.stitch([x264(BAND), x264(BAND.replace("stitchable=1", "stitchable=0"))], SIZE[1] * 2, 24)


@pytest.mark.parametrize(("fps", "level"), [(1_392_640, 62), (1_392_641, None)])  # 12 macroblocks a frame
def test_the_fastest_level_and_beyond(fps: int, level: int | None) -> None:
    """Level 6.2 allows 16,711,680 macroblocks a second: 12 x 1,392,640 fit, one frame a second more does not."""
    band = x264(BAND)
    if level is None:
        with pytest.raises(h264.UnsupportedStream, match="beyond every H.264 level"):
            h264.stitch([band], SIZE[1], fps)
    else:
        assert h264.stitch([band], SIZE[1], fps)[h264.stitch([band], SIZE[1], fps).index(b"\x67") + 3] == level


def test_a_still_with_picture_order_counts_is_held_frame_exact(tmp_path: Path) -> None:
    """With B-frames x264 counts pictures in the slice header (poc_type 0): the skip frames must count on, and wrap."""
    stream = x264(LONG_GOP + ":bframes=2:b-pyramid=none", frames=4)
    still = h264.parse_still(stream)
    assert still.params.log2_max_poc_lsb is not None
    frames = 40  # past the wrap of pic_order_cnt_lsb (32 here) and of frame_num (16)
    samples = frames * 2000
    path = tmp_path / "poc.mp4"
    path.write_bytes(film([(stream, frames)], *SIZE, 24, encode.encode_audio(bytes(samples * 4)), samples))
    slices = [h.fields for h in media.h264_headers(path) if h.kind == "Slice Header"]
    max_poc_lsb = 1 << (first_sps(path)["log2_max_pic_order_cnt_lsb_minus4"] + 4)
    assert [fields["pic_order_cnt_lsb"] for fields in slices] == [2 * i % max_poc_lsb for i in range(frames)]
    assert [fields["frame_num"] for fields in slices] == [i % 16 for i in range(frames)]
    digests = media.frame_digests(path)
    assert len(digests) == frames and set(digests) == {digests[0]}
    if media.has_decoder("libopenh264"):
        assert media.frame_digests(path, decoder="libopenh264") == digests


def first_sps(path: Path) -> dict[str, int]:
    return next(h.fields for h in media.h264_headers(path) if h.kind == "Sequence Parameter Set")


@pytest.mark.parametrize("vui", ["sar=4/3:overscan=show:chromaloc=1", "sar=5/7:overscan=crop"])
def test_stitching_keeps_every_vui_field_x264_writes(vui: str) -> None:
    """Aspect ratio (from Table E-1, or written out), overscan, chroma location: the frame's SPS is x264's own."""
    stitched = h264.stitch([x264(f"{BAND}:{vui}"), x264(f"{BAND}:{vui}")], SIZE[1] * 2, 24)
    whole = x264(f"{LONG_GOP}:bframes=0:stitchable=1:qcomp=1:{vui}", size=(SIZE[0], SIZE[1] * 2))
    sps = [next(h.fields for h in media.h264_headers(annex_b=stream) if h.kind == "Sequence Parameter Set")
           for stream in (stitched, whole)]
    assert sps[0] == sps[1]
    assert sps[0]["aspect_ratio_info_present_flag"] == 1
