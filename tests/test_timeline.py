"""The timeline is a pure function of the shot list and the spoken lengths.

The documented values (docs/sound.md, "Pacing") are pinned here as literals:
a 0.5 s lead-in, a 0.3 s breath between two lines of one speaker and 0.5 s
between speakers (inside a shot or across a cut), a 0.8 s tail, 3 s for a
silent shot.
"""

from __future__ import annotations

import pytest

from storyboard.model import Line, Music, Scene, Shot, SoundEffect
from storyboard.timeline import build_timeline

FRAME = 1 / 24


def scene(*shots: Shot, stop: str = "final-line", fps: int = 24, level: float = 0.0,
          ambience: str | None = None) -> Scene:
    return Scene(title="t", source="t.yaml", width=320, height=180, fps=fps, shots=shots,
                 music=Music(stop=stop, level=level), ambience=ambience)


def talk(shot_id: str, *lines: Line, **fields) -> Shot:
    return Shot(id=shot_id, lines=lines, **fields)


TALK = talk("talk", Line("A", "one"), Line("A", "two"), Line("B", "three"))
QUIET = Shot(id="quiet", duration=2.0)


def test_lines_in_a_shot_with_lead_in_breaths_and_tail() -> None:
    timeline = build_timeline(scene(TALK), [1.0, 1.5, 0.5])
    a1, a2, b = timeline.dialogue
    assert (a1.start, a1.end) == pytest.approx((0.5, 1.5))
    assert (a2.start, b.start) == pytest.approx((1.8, 3.8))  # 0.3 s after the same speaker, 0.5 s after another
    assert [line.pause for line in timeline.dialogue] == pytest.approx([0.5, 0.3, 0.5])
    assert timeline.video[0].frames == 123  # 4.3 s of lines + 0.8 s of tail = 5.1 s = 122.4 frames, rounded up
    assert timeline.video[0].automatic and all(line.automatic for line in timeline.dialogue)


@pytest.mark.parametrize(("second", "gap"), [("B", 0.5), ("A", 0.3)])
def test_a_cut_between_two_lines_keeps_the_in_shot_breath(second: str, gap: float) -> None:
    timeline = build_timeline(scene(talk("a", Line("A", "x")), talk("b", Line(second, "y"))), [1.0, 1.0])
    first, answer = timeline.dialogue
    assert answer.start - first.end == pytest.approx(gap)
    cut = timeline.video[1].start
    assert first.end < cut < answer.start  # the cut falls inside the breath...
    assert abs(cut - (first.end + gap / 2)) <= FRAME / 2  # ...at its middle, on the nearest frame


def test_cross_cut_gap_does_not_depend_on_the_frame_rate() -> None:
    for fps in (24, 25, 30):
        timeline = build_timeline(scene(talk("a", Line("A", "x")), talk("b", Line("B", "y")), fps=fps), [1.013, 0.7])
        assert timeline.dialogue[1].start - timeline.dialogue[0].end == pytest.approx(0.5)
        assert timeline.video[1].start_frame == round((1.513 + 0.25) * fps)


def test_a_pause_replaces_the_breath_in_a_shot_and_across_a_cut() -> None:
    timeline = build_timeline(scene(talk("a", Line("A", "x"), Line("B", "y", pause=1.25)),
                                    talk("b", Line("A", "z", pause=0.1))), [1.0, 1.0, 1.0])
    x, y, z = timeline.dialogue
    assert y.start - x.end == pytest.approx(1.25) and z.start - y.end == pytest.approx(0.1)
    assert not y.automatic and not z.automatic and x.automatic


def test_a_negative_pause_overlaps_the_line_before() -> None:
    timeline = build_timeline(scene(talk("a", Line("A", "x"), Line("B", "y", pause=-0.4))), [2.0, 1.0])
    x, y = timeline.dialogue
    assert y.start == pytest.approx(x.end - 0.4) and y.pause == pytest.approx(-0.4)
    assert timeline.video[0].end >= x.end + 0.8 - 1e-9  # the tail runs from the later end


def test_an_overlap_across_a_cut_cuts_where_the_interruption_starts() -> None:
    timeline = build_timeline(scene(talk("a", Line("A", "x")), talk("b", Line("B", "y", pause=-0.4))), [2.0, 1.0])
    x, y = timeline.dialogue
    assert y.start == pytest.approx(2.5 - 0.4)
    assert abs(timeline.video[1].start - y.start) <= FRAME / 2


@pytest.mark.parametrize("prelap", [0.5, 1.2])
def test_a_prelap_starts_the_line_before_its_cut(prelap: float) -> None:
    timeline = build_timeline(scene(talk("a", Line("A", "x")), talk("b", Line("B", "y", prelap=prelap))), [1.0, 1.0])
    x, y = timeline.dialogue
    assert y.start - x.end == pytest.approx(0.5)  # still a breath after the line before
    assert abs(timeline.video[1].start - prelap - y.start) <= FRAME / 2
    assert y.shot_id == "b" and y.start < timeline.video[1].start


def test_a_prelap_after_a_shot_with_a_duration_lands_exactly() -> None:
    timeline = build_timeline(scene(talk("a", Line("A", "x"), duration=4.0),
                                    talk("b", Line("B", "y", prelap=0.75))), [1.0, 1.0])
    assert timeline.video[1].start == 4.0
    assert timeline.dialogue[1].start == pytest.approx(3.25)


def test_a_prelap_after_a_silent_shot() -> None:
    timeline = build_timeline(scene(QUIET, talk("b", Line("B", "y", prelap=0.5))), [1.0])
    assert timeline.dialogue[0].start == pytest.approx(1.5)


def test_a_tail_holds_the_shot_after_its_last_line() -> None:
    for tail, frames in ((0.0, 36), (0.4, 46), (2.0, 84)):
        timeline = build_timeline(scene(talk("a", Line("A", "x"), tail=tail), talk("b", Line("B", "y"))), [1.0, 1.0])
        assert timeline.video[0].frames == frames  # 0.5 + 1.0 + tail, rounded up to a frame
        answer = timeline.dialogue[1]
        assert answer.start == pytest.approx(max(2.0, frames / 24))  # a breath after the line, or at the cut


def test_the_last_shot_and_a_shot_before_a_silent_one_end_on_the_default_tail() -> None:
    timeline = build_timeline(scene(talk("a", Line("A", "x")), QUIET, talk("c", Line("A", "y"))), [1.0, 1.0])
    a, quiet, c = timeline.video
    assert a.frames == 56  # 0.5 + 1.0 + 0.8 = 2.3 s = 55.2 frames, rounded up
    assert quiet.frames == 48 and not quiet.automatic
    assert timeline.dialogue[1].start - c.start == pytest.approx(0.5)  # a lead-in after silence
    assert c.frames == 56


def test_a_silent_shot_without_duration_lasts_three_seconds() -> None:
    clip = build_timeline(scene(Shot(id="still")), []).video[0]
    assert clip.frames == 72 and clip.automatic


def test_a_first_line_pause_is_its_lead_in() -> None:
    asked = build_timeline(scene(talk("a", Line("A", "x", pause=1.5))), [1.0]).dialogue[0]
    assert (asked.start, asked.pause, asked.automatic) == (1.5, 1.5, False)
    clamped = build_timeline(scene(talk("a", Line("A", "x", pause=-1.0))), [1.0]).dialogue[0]
    assert (clamped.start, clamped.pause, clamped.automatic) == (0.0, 0.0, False)


@pytest.mark.parametrize(("duration", "overrun", "frames"), [(1.45, True, 56), (1.5, False, 36), (6.0, False, 144)])
def test_a_duration_is_kept_unless_its_lines_do_not_fit(duration: float, overrun: bool, frames: int) -> None:
    clip = build_timeline(scene(talk("a", Line("A", "x"), duration=duration)), [1.0]).video[0]
    assert (clip.overrun, clip.frames, clip.automatic) == (overrun, frames, overrun)
    assert clip.needed == pytest.approx(1.5)


def test_effects_are_placed_from_their_shot_and_fit_inside_it() -> None:
    shots = (Shot(id="a", duration=2.0, sfx=(SoundEffect("glass", 1.2),)),
             talk("b", Line("A", "x"), sfx=(SoundEffect("door-slam", 0.0), SoundEffect("whoosh", 5.0))))
    timeline = build_timeline(scene(*shots), [1.0])
    assert [(e.sound, e.shot_id, e.start) for e in timeline.effects] == [
        ("glass", "a", pytest.approx(1.2)), ("door-slam", "b", 2.0), ("whoosh", "b", pytest.approx(7.0))]
    assert timeline.video[1].frames == 121  # 5 s after its cut, plus the frame it lands in


def test_shots_are_whole_frames_back_to_back() -> None:
    timeline = build_timeline(scene(TALK, QUIET, fps=25), [1.01, 1.37, 0.55])
    first, second = timeline.video
    assert second.start_frame == first.start_frame + first.frames
    assert second.frames == 50
    assert timeline.frames == first.frames + 50


@pytest.mark.parametrize(
    ("stop", "expected"),
    [("final-line", "last line start"), ("end", "film end"), ("shot:quiet", "quiet start"), ("1.5", 1.5),
     ("600", "film end")],
)
def test_music_stop(stop: str, expected: object) -> None:
    timeline = build_timeline(scene(TALK, QUIET, stop=stop, level=-6.0), [1.0, 1.0, 1.0])
    named = {
        "last line start": timeline.dialogue[-1].start,
        "film end": timeline.duration,
        "quiet start": timeline.video[1].start,
    }
    assert timeline.music.stop == pytest.approx(named.get(expected, expected))
    assert timeline.music.level == -6.0


def test_final_line_is_the_last_to_begin_even_when_an_earlier_one_ends_later() -> None:
    timeline = build_timeline(scene(talk("a", Line("A", "x"), Line("B", "y", pause=-2.0))), [3.0, 0.5])
    assert timeline.music.stop == pytest.approx(1.5)


def test_the_ambience_is_carried_to_the_timeline() -> None:
    assert build_timeline(scene(QUIET, ambience="rain"), []).ambience == "rain"
    assert build_timeline(scene(QUIET), []).ambience is None


def test_changing_one_line_moves_only_later_starts() -> None:
    shots = (TALK, QUIET, Shot(id="q2"))
    before = build_timeline(scene(*shots), [1.0, 1.0, 1.0])
    after = build_timeline(scene(*shots), [1.0, 2.0, 1.0])
    assert [c.frames for c in before.video][1:] == [c.frames for c in after.video][1:]
    assert after.video[0].frames == before.video[0].frames + 24


def test_wrong_number_of_lengths_is_a_bug() -> None:
    with pytest.raises(ValueError):
        build_timeline(scene(TALK), [1.0])


@pytest.mark.parametrize(("duration", "frames"), [(0.1, 1), (1.4, 1), (1.6, 2), (2.5, 2), (2.6, 3)])
def test_a_duration_is_rounded_to_the_nearest_frame_and_lasts_at_least_one(duration: float, frames: int) -> None:
    clip = build_timeline(scene(Shot(id="blink", duration=duration), fps=1), []).video[0]
    assert (clip.frames, clip.automatic) == (frames, False)


def test_shots_are_numbered_from_one_and_each_needs_its_lines_from_its_own_start() -> None:
    timeline = build_timeline(scene(QUIET, talk("b", Line("A", "x")), Shot(id="c")), [1.0])
    assert [clip.index for clip in timeline.video] == [1, 2, 3]
    assert timeline.video[1].start == 2.0
    assert timeline.video[1].needed == pytest.approx(1.5)  # its 0.5 s lead-in and its 1 s line


def test_each_shot_takes_its_own_spoken_lengths() -> None:
    timeline = build_timeline(scene(talk("a", Line("A", "x")), talk("b", Line("B", "y"))), [1.0, 2.0])
    assert [t for line in timeline.dialogue for t in (line.start, line.end)] == pytest.approx([0.5, 1.5, 2.0, 4.0])


BEAT = Shot(id="beat", duration=0.25)  # a silent shot of 6 frames between two talking ones
HELD = talk("a", Line("A", "x"), tail=0.0)  # its line 0.5-1.5 s, the cut at 1.5 s


def test_after_a_short_silent_shot_a_prelap_still_waits_a_breath_after_the_last_line() -> None:
    timeline = build_timeline(scene(HELD, BEAT, talk("c", Line("B", "y", prelap=1.0))), [1.0, 1.0])
    assert timeline.video[2].start == 1.75
    y = timeline.dialogue[1]
    assert y.start == pytest.approx(2.0)  # 0.5 s after x ends, not 1.0 s before the cut at 1.75 s
    assert (y.pause, y.automatic) == (pytest.approx(0.25), False)  # it starts after its cut: counted from the cut


def test_a_zero_pause_after_a_silent_shot_starts_on_the_cut() -> None:
    timeline = build_timeline(scene(HELD, BEAT, talk("c", Line("B", "y", pause=0.0))), [1.0, 1.0])
    y = timeline.dialogue[1]
    assert (y.start, y.pause, y.automatic) == (1.75, 0.0, False)


def test_a_lead_in_after_a_silent_shot_counts_from_its_cut() -> None:
    timeline = build_timeline(scene(talk("a", Line("A", "x")), QUIET, talk("c", Line("B", "y"))), [1.0, 1.0])
    y = timeline.dialogue[1]
    assert timeline.video[2].start == pytest.approx(56 / 24 + 2.0)
    assert (y.start - timeline.video[2].start, y.pause, y.automatic) == (pytest.approx(0.5), pytest.approx(0.5), True)


def test_a_prelap_over_a_silent_shot_counts_its_pause_from_the_last_line() -> None:
    two = talk("a", Line("A", "x"), Line("B", "w"), tail=0.0)  # x 0.5-1.5 s, w 2.0-2.5 s, the cut at 2.5 s
    timeline = build_timeline(scene(two, Shot(id="beat", duration=1.0), talk("c", Line("A", "y", prelap=0.25))),
                              [1.0, 0.5, 1.0])
    assert timeline.video[2].start == 3.5
    y = timeline.dialogue[2]
    assert y.start == pytest.approx(3.25)  # 0.25 s before its cut, later than a breath after w (3.0 s)
    assert (y.pause, y.automatic) == (pytest.approx(0.75), False)  # the silence since w ended


@pytest.mark.parametrize(("tail", "start", "pause", "automatic"), [(0.0, 2.0, 0.5, True), (2.0, 3.5, 2.0, False)])
def test_after_a_tail_the_next_line_knows_whether_its_breath_is_the_default(tail, start, pause, automatic) -> None:
    timeline = build_timeline(scene(talk("a", Line("A", "x"), tail=tail), talk("b", Line("B", "y"))), [1.0, 1.0])
    y = timeline.dialogue[1]
    assert (y.start, y.pause, y.automatic) == (pytest.approx(start), pytest.approx(pause), automatic)


@pytest.mark.parametrize(("pause", "cut_frame"), [(-1.4, 13), (-0.4, 26)])
def test_an_interruption_never_cuts_before_the_line_it_interrupts_starts(pause: float, cut_frame: int) -> None:
    timeline = build_timeline(scene(talk("a", Line("A", "x")), talk("b", Line("B", "y", pause=pause))), [1.0, 1.0])
    x, y = timeline.dialogue
    assert y.start == pytest.approx(1.5 + pause)
    assert timeline.video[1].start_frame == cut_frame  # x starts in frame 12: the earliest cut is frame 13
