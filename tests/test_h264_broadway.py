"""Broadway decodes every frame of the draft films bit-identical to ffmpeg's own decoder.

Broadway (npm ``broadway-player``) is the JavaScript H.264 decoder that web
players embed; it decodes Baseline only, so the films are ``--draft``'s. It
believes the SPS: with the values written before issue #10's fix
(``max_num_ref_frames = 0``, ``max_dec_frame_buffering = 0``) it shows
only each shot's first frame, which the last test checks. Skipped where node
or the package is absent; ``make conformance`` installs the package into
``.conformance/`` with npm and sets ``STORYBOARD_CONFORMANCE=1``, which adds
``scenes/launch_day.yaml``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import media
from conftest import ONE_FRAME_SHOTS, rendered_film
from storyboard.encode import h264

FULL = os.environ.get("STORYBOARD_CONFORMANCE") == "1"
# id: (scene, extra arguments)
FILMS = {
    "demo-draft": ("scenes/tech_corp.yaml", ["--draft"]),
    "one-frame-shots-draft": (ONE_FRAME_SHOTS.format(resolution="1080p"), ["--draft"]),
}
FULL_FILMS = {"launch_day-draft": ("scenes/launch_day.yaml", ["--draft"])}

pytestmark = pytest.mark.skipif(
    not media.has_broadway(),
    reason="node or the broadway-player npm package is absent (`make conformance` installs it where npm is present)")


@pytest.fixture(scope="module", params=[*FILMS, *(FULL_FILMS if FULL else ())])
def rendered(request, tmp_path_factory) -> tuple[Path, list[str]]:
    """A draft film rendered by the command line, and ffmpeg's frame digests of it."""
    scene, args = {**FILMS, **FULL_FILMS}[request.param]
    return rendered_film(request.param, scene, args, tmp_path_factory)


def test_broadway_decodes_every_frame_as_ffmpeg_does(rendered) -> None:
    path, ffmpeg = rendered
    size = media.streams(path)
    assert media.broadway_frame_digests(media.annex_b(path), size.width, size.height) == ffmpeg


@pytest.mark.parametrize("rendered", list(FILMS), indirect=True)
def test_with_the_old_sps_broadway_shows_only_each_shots_first_frame(rendered, monkeypatch) -> None:
    """The check can fail: the SPS of before the fix gives each shot's IDR picture and nothing more."""
    path, ffmpeg = rendered
    size = media.streams(path)
    stream = media.annex_b(path)
    old = _with_old_sps(stream, size.height, monkeypatch)
    changed = {name: (value, _sps(old)[name]) for name, value in _sps(stream).items() if _sps(old)[name] != value}
    assert changed == {"max_num_ref_frames": (1, 0), "max_dec_frame_buffering": (1, 0)}
    first_frames = [digest for digest, idr in zip(ffmpeg, media.idr_pictures(path), strict=True) if idr]
    assert media.broadway_frame_digests(old, size.width, size.height) == first_frames


def _sps(stream: bytes) -> dict[str, int]:
    """The fields of the first SPS of an Annex B stream."""
    return next(h.fields for h in media.h264_headers(annex_b=stream) if h.kind == "Sequence Parameter Set")


def _with_old_sps(stream: bytes, height: int, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """``stream`` with every SPS rewritten by ``h264.frame_sps`` as if the film had no reference frame."""
    sps = _sps(stream)
    fps = sps["time_scale"] // (2 * sps["num_units_in_tick"])
    monkeypatch.setattr(h264, "REF_FRAMES", 0)  # frame_sps writes it as both fields
    units = [h264.frame_sps(unit, sps["pic_height_in_map_units_minus1"] + 1, height, fps)
             if h264.nal_type(unit) == 7 else unit  # 7: an SPS
             for unit in h264.split_nal_units(stream)]
    return b"".join(b"\x00\x00\x00\x01" + unit for unit in units)
