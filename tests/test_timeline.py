"""The timeline is a pure function of the shot list and the spoken lengths."""

from __future__ import annotations

import pytest

from storyboard.model import Line, Music, Scene, Shot
from storyboard.timeline import LEAD_IN, PAUSE_NEW_SPEAKER, PAUSE_SAME_SPEAKER, TAIL, build_timeline


def scene(*shots: Shot, stop: str = "final-line", fps: int = 24) -> Scene:
    return Scene(title="t", source="t.yaml", width=320, height=180, fps=fps, shots=shots, music=Music(stop=stop))


TALK = Shot(id="talk", lines=(Line("A", "one"), Line("A", "two"), Line("B", "three")))
QUIET = Shot(id="quiet", duration=2.0)


def test_lines_in_order_with_breathing_room() -> None:
    timeline = build_timeline(scene(TALK), [1.0, 1.5, 0.5])
    a1, a2, b = timeline.dialogue
    assert a1.start == pytest.approx(LEAD_IN)
    assert a2.start - a1.end == pytest.approx(PAUSE_SAME_SPEAKER)
    assert b.start - a2.end == pytest.approx(PAUSE_NEW_SPEAKER)
    assert timeline.video[0].end >= b.end + TAIL - 1 / 24


def test_shots_are_whole_frames_back_to_back() -> None:
    timeline = build_timeline(scene(TALK, QUIET, fps=25), [1.01, 1.37, 0.55])
    first, second = timeline.video
    assert second.start_frame == first.start_frame + first.frames
    assert round(second.start * 25) == second.start_frame
    assert second.frames == 50
    assert timeline.frames == first.frames + 50


def test_short_duration_is_flagged_and_never_cuts_a_line() -> None:
    short = Shot(id="short", duration=1.0, lines=(Line("A", "a long line"),))
    clip = build_timeline(scene(short), [3.0]).video[0]
    assert clip.overrun
    assert clip.end >= LEAD_IN + 3.0


def test_long_enough_duration_is_kept() -> None:
    roomy = Shot(id="roomy", duration=6.0, lines=(Line("A", "hi"),))
    clip = build_timeline(scene(roomy), [1.0]).video[0]
    assert not clip.overrun and clip.frames == 144


@pytest.mark.parametrize(
    ("stop", "expected"),
    [("final-line", "last line start"), ("end", "film end"), ("shot:quiet", "quiet start"), ("1.5", 1.5)],
)
def test_music_stop(stop: str, expected: object) -> None:
    timeline = build_timeline(scene(TALK, QUIET, stop=stop), [1.0, 1.0, 1.0])
    named = {
        "last line start": timeline.dialogue[-1].start,
        "film end": timeline.duration,
        "quiet start": timeline.video[1].start,
    }
    assert timeline.music.stop == pytest.approx(named.get(expected, expected))


def test_changing_one_shot_moves_only_later_starts() -> None:
    before = build_timeline(scene(TALK, QUIET, QUIET.__class__(id="q2")), [1.0, 1.0, 1.0])
    after = build_timeline(scene(TALK, QUIET, QUIET.__class__(id="q2")), [1.0, 2.0, 1.0])
    assert [c.frames for c in before.video][1:] == [c.frames for c in after.video][1:]


def test_wrong_number_of_lengths_is_a_bug() -> None:
    with pytest.raises(ValueError):
        build_timeline(scene(TALK), [1.0])
