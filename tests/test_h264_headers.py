"""The film's H.264 headers, read back by FFmpeg's own parser, held to x264 and to the standard.

x264 codes each band of a still as an intra-only picture; the film is one
long-GOP stream with one reference frame. So its headers must be what x264
itself writes when it codes the same frames as one stream with ``ref=1`` and
a long GOP: field by field for the SPS and PPS, and for the slice headers all
but what differs by design (where each band's slice starts, the quantiser,
and the skip frames' deblocking, which has nothing to filter in a copy).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import media
from storyboard import encode
from storyboard.encode.film import film

# id: width, height, fps, draft, the level_idc that H.264 Table A-1 gives (x264 chooses the same)
CASES = {
    "720p24": (1280, 720, 24, False, 31),
    "720p60-draft": (1280, 720, 60, True, 32),
    "1080p24": (1920, 1080, 24, False, 40),
    "1080p25-draft": (1920, 1080, 25, True, 40),
    "4k24": (3840, 2160, 24, False, 51),
    "4k30-draft": (3840, 2160, 30, True, 51),
    "3840x256": (3840, 256, 24, False, 40),  # a side, not the frame size, sets the level
    "4096x64": (4096, 64, 24, False, 40),  # a side of 256 macroblocks: just within level 4.0's sqrt(8 x 8192)
    "2720x64-draft": (2720, 64, 24, True, 32),  # a side of 170: past level 3.1's sqrt(8 x 3600), not sqrt(9 x 3600)
    "vertical-1080x1920": (1080, 1920, 30, False, 40),
    "1000x562-draft": (1000, 562, 25, True, 31),  # cropped on the right and at the bottom
    "64x48": (64, 48, 24, False, 10),
}
SETTINGS = {False: ("superfast", "15"), True: ("ultrafast", "23")}  # a render's, and --draft's
# The same x264 settings as the stills', as one long-GOP stream with one reference frame.
LONG_GOP = "cabac=0:bframes=0:ref=1:weightp=0:keyint=250:scenecut=0:threads=1:qcomp=1:stitchable=1"
SHOTS = (3, 1, 1, 18)  # frames per shot: two IDR pictures in a row, twice; frame_num wraps in the last
COLOURS = ((180, 40, 40), (40, 180, 40), (40, 40, 180), (200, 200, 60))
SCALE = ("scale=out_color_matrix=bt709:out_range=tv:flags=accurate_rnd+full_chroma_int,format=yuv420p,"
         "setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv")
SKIP_FRAME_DIFFERENCES = {"slice_qp_delta", "disable_deblocking_filter_idc", "slice_alpha_c0_offset_div2",
                          "slice_beta_offset_div2", "frame_num"}


def picture(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    """RGB bytes: one colour with a white square, so every picture has some detail."""
    rgb = np.full((height, width, 3), colour, dtype=np.uint8)
    rgb[height // 4 : height // 2, width // 4 : width // 2] = 255
    return rgb.tobytes()


def x264_long_gop(width: int, height: int, fps: int, draft: bool, params: str = LONG_GOP, frames: int = 3) -> bytes:
    """x264's Annex B stream of ``frames`` copies of the first colour's picture, fed as the stills are."""
    preset, crf = SETTINGS[draft]
    result = media._ffmpeg(
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-framerate", str(fps), "-i", "pipe:0",
        "-vf", SCALE, "-c:v", "libx264", "-preset", preset, "-crf", crf, "-x264-params", params,
        "-f", "h264", "pipe:1", stdin=picture(width, height, COLOURS[0]) * frames)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def our_film(path: Path, width: int, height: int, fps: int, draft: bool) -> Path:
    """A film of SHOTS, its stills coded as a render codes them."""
    preset, crf = SETTINGS[draft]
    settings = encode.VideoSettings(preset=preset, crf=crf)
    blocks = [(encode.encode_still(picture(width, height, colour), width, height, fps, settings), frames)
              for colour, frames in zip(COLOURS, SHOTS)]
    samples = sum(SHOTS) * 48_000 // fps
    path.write_bytes(film(blocks, width, height, fps, encode.encode_audio(bytes(samples * 4)), samples))
    return path


def first(headers: list[media.Header], kind: str) -> media.Header:
    return next(header for header in headers if header.kind == kind)


def access_units(headers: list[media.Header]) -> list[list[dict[str, int]]]:
    """The slice headers of each access unit, in decoding order."""
    units: dict[int, list[dict[str, int]]] = {}
    for header in headers:
        if header.kind == "Slice Header":
            units.setdefault(header.packet, []).append(header.fields)
    return list(units.values())


def without(fields: dict[str, int], names: set[str]) -> dict[str, int]:
    return {name: value for name, value in fields.items() if name not in names}


@pytest.fixture(scope="module", params=CASES.values(), ids=CASES.keys())
def case(request, tmp_path_factory) -> tuple[tuple, list[media.Header], list[media.Header]]:
    """(the case, our film's headers, x264's headers for the same frames as one long-GOP stream)."""
    width, height, fps, draft, _ = request.param
    ours = our_film(tmp_path_factory.mktemp("h264") / "film.mp4", width, height, fps, draft)
    return request.param, media.h264_headers(ours), media.h264_headers(annex_b=x264_long_gop(width, height, fps, draft))


def test_the_sps_is_x264s_for_a_long_gop_with_one_reference_frame(case) -> None:
    _, ours, x264 = case
    assert first(ours, "Sequence Parameter Set").fields == first(x264, "Sequence Parameter Set").fields


def test_the_sps_declares_one_reference_frame_buffered_and_the_level(case) -> None:
    (*_, level), ours, _ = case
    sps = first(ours, "Sequence Parameter Set").fields
    assert sps["max_num_ref_frames"] == 1
    assert sps["constraint_set3_flag"] == 0  # not intra-only (High), not level 1b (Baseline)
    assert sps["bitstream_restriction_flag"] == 1
    assert (sps["max_dec_frame_buffering"], sps["max_num_reorder_frames"]) == (1, 0)
    assert sps["level_idc"] == level


def test_the_pps_is_x264s(case) -> None:
    _, ours, x264 = case
    assert first(ours, "Picture Parameter Set").fields == first(x264, "Picture Parameter Set").fields


def test_each_idr_slice_is_x264s_but_for_where_it_starts(case) -> None:
    (width, height, *_), ours, x264 = case
    reference = without(access_units(x264)[0][0], {"slice_qp_delta"})
    frame_mbs = -(-width // 16) * -(-height // 16)
    idr_units = [unit for unit in access_units(ours) if unit[0]["nal_unit_type"] == 5]
    assert len(idr_units) == len(SHOTS)
    for unit in idr_units:
        bands = len(unit)
        assert frame_mbs % bands == 0
        assert [fields["first_mb_in_slice"] for fields in unit] == [i * frame_mbs // bands for i in range(bands)]
        for fields in unit:
            assert without(fields, {"slice_qp_delta", "first_mb_in_slice", "idr_pic_id"}) == without(
                reference, {"first_mb_in_slice", "idr_pic_id"})


def test_the_skip_frames_are_x264s_p_slices_without_deblocking(case) -> None:
    _, ours, x264 = case
    reference = access_units(x264)[1][0]
    assert reference["slice_type"] == 5
    skips = [unit for unit in access_units(ours) if unit[0]["nal_unit_type"] == 1]
    assert len(skips) == sum(SHOTS) - len(SHOTS)
    for unit in skips:
        assert len(unit) == 1
        assert without(unit[0], SKIP_FRAME_DIFFERENCES) == without(reference, SKIP_FRAME_DIFFERENCES)
        assert (unit[0]["disable_deblocking_filter_idc"], unit[0]["slice_qp_delta"]) == (1, 0)


def test_frame_num_counts_the_frames_since_the_idr_picture(case) -> None:
    """7.4.3: no gaps allowed, so each reference frame's frame_num is the one before's plus one, modulo MaxFrameNum."""
    _, ours, _ = case
    max_frame_num = 1 << (first(ours, "Sequence Parameter Set").fields["log2_max_frame_num_minus4"] + 4)
    expected = [frame % max_frame_num for frames in SHOTS for frame in range(frames)]
    assert [unit[0]["frame_num"] for unit in access_units(ours)] == expected
    assert all(len({fields["frame_num"] for fields in unit}) == 1 for unit in access_units(ours))


def test_idr_pictures_in_a_row_differ_in_idr_pic_id(case) -> None:
    """7.4.3: every slice of an IDR picture has one idr_pic_id, and two IDR pictures in a row differ in it."""
    _, ours, _ = case
    ids = [{fields.get("idr_pic_id") for fields in unit} for unit in access_units(ours)]
    assert all(len(slices) == 1 for slices in ids)
    assert [slices.pop() for slices in ids] == [0, None, None, 0, 1, 0] + [None] * 17  # SHOTS: 3, 1, 1, 18 frames
