"""OpenH264 decodes every frame of our films bit-identical to ffmpeg's own decoder.

OpenH264 believes what the SPS says: a stream that declares no reference
frame showed only each shot's first frame. The ffmpeg binary that
imageio-ffmpeg ships has OpenH264 built in (``-c:v libopenh264``), so
``make test`` checks small films with it; GStreamer's ``openh264dec`` (the
decoder many Linux players use) is checked too where its Debian packages are
installed, and skipped otherwise. ``make conformance`` sets
``STORYBOARD_CONFORMANCE=1``, which adds the full-size films (the demo, its
``--draft``, a film of one-frame shots, ``scenes/launch_day.yaml``) and fails
when GStreamer's decoder is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import media
from conftest import ONE_FRAME_SHOTS, rendered_film

FULL = os.environ.get("STORYBOARD_CONFORMANCE") == "1"
# id: (scene, extra arguments); the small films are rendered at SMALL unless --draft sizes them.
SMALL = "320x180"
FILMS = {
    "demo": ("scenes/tech_corp.yaml", ["--resolution", SMALL]),
    "demo-draft": ("scenes/tech_corp.yaml", ["--draft"]),
    "one-frame-shots": (ONE_FRAME_SHOTS.format(resolution=SMALL), []),
}
FULL_FILMS = {
    "full-demo": ("scenes/tech_corp.yaml", []),
    "full-demo-draft": ("scenes/tech_corp.yaml", ["--draft"]),
    "full-one-frame-shots": (ONE_FRAME_SHOTS.format(resolution="1080p"), []),
    "full-launch_day": ("scenes/launch_day.yaml", []),
}


@pytest.fixture(scope="module", params=[*FILMS, *(FULL_FILMS if FULL else ())])
def rendered(request, tmp_path_factory) -> tuple[Path, list[str]]:
    """A film rendered by the command line, and ffmpeg's frame digests of it."""
    scene, args = {**FILMS, **FULL_FILMS}[request.param]
    return rendered_film(request.param, scene, args, tmp_path_factory)


@pytest.mark.skipif(not media.has_decoder("libopenh264"), reason="this ffmpeg has no libopenh264 decoder")
def test_ffmpegs_openh264_decodes_every_frame_as_ffmpeg_does(rendered) -> None:
    path, ffmpeg = rendered
    assert media.frame_digests(path, decoder="libopenh264") == ffmpeg


@pytest.mark.skipif(not (FULL or media.has_gstreamer_openh264()),
                    reason="GStreamer's openh264dec is not installed (make conformance says how)")
def test_gstreamers_openh264dec_decodes_every_frame_as_ffmpeg_does(rendered) -> None:
    assert media.has_gstreamer_openh264(), (
        "as root: apt-get install -y gstreamer1.0-tools gstreamer1.0-plugins-good gstreamer1.0-plugins-bad")
    path, ffmpeg = rendered
    assert media.gstreamer_frame_digests(path) == ffmpeg


@pytest.mark.parametrize("rendered", ["one-frame-shots"], indirect=True)
def test_the_one_frame_shots_put_idr_pictures_in_a_row(rendered) -> None:
    """The film that the decoders above are given really has IDR pictures in a row."""
    path, _ = rendered
    assert media.idr_pictures(path) == [True] + [False] * 11 + [True] * 4 + [False] * 23  # shots of 12, 1, 1, 1 and 24 frames
