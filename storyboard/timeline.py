"""Shot list + spoken lengths -> absolute timing. Pure: no I/O, no engines.

The vocabulary is OpenTimelineIO's: a :class:`Timeline` holds a video track
of :class:`ShotClip` (one per shot, back to back, each a whole number of
frames so every cut falls on a frame), a dialogue track of :class:`LineClip`
(the gaps between them are the pauses), an effects track of
:class:`EffectClip`, the :class:`MusicCue` and the ambience.

The dialogue is laid out as editors cut it (docs/sound.md, "Pacing"): each
line comes a breath after the line before it, whether a cut lies between them
or not, and a cut between two talking shots falls inside that breath. A
shot's first line comes a lead-in after its cut only when no line was spoken
just before it (the film's start, after a silent shot, or after a shot whose
``duration`` or ``tail`` held on past the breath). A shot without a
``duration`` is exactly as long as its lines (and effects) need; a shot with
one keeps it unless its lines do not fit, in which case it grows and is
flagged (lines are never cut off).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from storyboard.model import Line, Scene, Shot

LEAD_IN = 0.5  # seconds from a cut to its shot's first line when no line comes just before it
PAUSE_SAME_SPEAKER = 0.3  # between two lines of one speaker, in a shot or across a cut
PAUSE_NEW_SPEAKER = 0.5  # between lines of different speakers, in a shot or across a cut
TAIL = 0.8  # after a shot's last line when the next shot does not open on a line
SILENT_SHOT = 3.0  # a shot with neither lines nor duration
EPSILON = 1e-6  # seconds: float noise when rounding a time up to a frame


class ShotClip(NamedTuple):
    """One shot on the video track: ``frames`` frames from ``start_frame``."""

    shot: Shot
    index: int  # 1-based position in the film
    start_frame: int
    frames: int
    fps: int
    needed: float  # seconds from the shot's first frame to the end of its last line
    overrun: bool  # the shot's duration was too short for its lines
    automatic: bool = True  # its length was worked out (no duration asked, or one too short)

    @property
    def start(self) -> float:
        """Seconds from the first frame to this shot's first frame."""
        return self.start_frame / self.fps

    @property
    def end(self) -> float:
        """Seconds from the first frame to the frame after this shot."""
        return (self.start_frame + self.frames) / self.fps


class LineClip(NamedTuple):
    """One line on the dialogue track.

    ``pause`` is the silence before it: since the line before it ends
    (negative: they overlap), or since its shot's cut for a lead-in.
    """

    line: Line
    shot_id: str
    start: float
    end: float
    pause: float = 0.0
    automatic: bool = True  # the pause is a default breath or lead-in, not the line's own ``pause``


class EffectClip(NamedTuple):
    """A sound effect on the effects track, ``start`` seconds from the first frame."""

    sound: str
    shot_id: str
    start: float


class MusicCue(NamedTuple):
    """The score plays from ``start`` and is silent from ``stop`` on, ``level`` dB off its standard level."""

    style: str
    start: float
    stop: float
    level: float = 0.0


class Timeline(NamedTuple):
    """The whole film's timing."""

    fps: int
    video: tuple[ShotClip, ...]
    dialogue: tuple[LineClip, ...]
    music: MusicCue
    effects: tuple[EffectClip, ...] = ()
    ambience: str | None = None  # the bed under the whole film, if any

    @property
    def frames(self) -> int:
        """The film's length in frames."""
        last = self.video[-1]
        return last.start_frame + last.frames

    @property
    def duration(self) -> float:
        """The film's length in seconds."""
        return self.frames / self.fps


def breath(line: Line, before: str) -> tuple[float, bool]:
    """The silence before ``line`` after a line by ``before``, and whether it is the default."""
    if line.pause is not None:
        return line.pause, False
    return (PAUSE_SAME_SPEAKER if line.who == before else PAUSE_NEW_SPEAKER), True


def lead_in(line: Line) -> tuple[float, bool]:
    """The silence from a cut to ``line`` when no line comes just before it, and whether it is the default."""
    if line.pause is not None:
        return max(line.pause, 0.0), False
    return LEAD_IN, True


class _Opening(NamedTuple):
    """Where a shot's first line starts, and the silence before it."""

    start: float
    pause: float
    automatic: bool


class _Layout:
    """The film laid out shot by shot; each cut is decided knowing how the next shot opens."""

    def __init__(self, fps: int) -> None:
        self.fps = fps
        self.video: list[ShotClip] = []
        self.dialogue: list[LineClip] = []
        self.effects: list[EffectClip] = []

    def frame_at_or_after(self, seconds: float) -> int:
        """The first frame boundary at or after ``seconds``."""
        return math.ceil(seconds * self.fps - EPSILON)

    def add(self, shot: Shot, lengths: Sequence[float], start_frame: int, opening: _Opening | None,
            following: Shot | None) -> tuple[int, _Opening | None]:
        """Lay out ``shot`` from ``start_frame``; return its end frame and how ``following`` opens."""
        start = start_frame / self.fps
        clips = self.lines(shot, lengths, opening)
        self.dialogue += clips
        self.effects += [EffectClip(effect.sound, shot.id, start + effect.at) for effect in shot.sfx]
        lines_end = max((clip.end for clip in clips), default=start)
        asked = None if shot.duration is None else max(1, round(shot.duration * self.fps))
        overrun = asked is not None and asked < self.frame_at_or_after(lines_end) - start_frame
        end_frame, next_opening = self.cut(shot, clips, lines_end, start_frame, following, None if overrun else asked)
        shortest = max([1, *(math.floor(effect.at * self.fps) + 1 for effect in shot.sfx)])  # effects fall inside
        end_frame = max(end_frame, start_frame + shortest)
        self.video.append(ShotClip(shot, len(self.video) + 1, start_frame, end_frame - start_frame, self.fps,
                                   lines_end - start, overrun, asked is None or overrun))
        if following is not None and following.lines and next_opening is None:
            next_opening = self.after_silence(following.lines[0], end_frame)
        return end_frame, next_opening

    def lines(self, shot: Shot, lengths: Sequence[float], opening: _Opening | None) -> list[LineClip]:
        """The shot's lines, the first at ``opening``, each after a breath from the one before."""
        if not shot.lines:
            return []
        first = opening or self.after_silence(shot.lines[0], 0)
        clips = [LineClip(shot.lines[0], shot.id, first.start, first.start + lengths[0], first.pause, first.automatic)]
        for line, length in zip(shot.lines[1:], lengths[1:]):
            pause, automatic = breath(line, clips[-1].line.who)
            begin = clips[-1].end + pause
            clips.append(LineClip(line, shot.id, begin, begin + length, pause, automatic))
        return clips

    def after_silence(self, line: Line, cut_frame: int) -> _Opening:
        """A shot's first line when no line comes just before it: a lead-in after the cut, or its prelap before it."""
        cut = cut_frame / self.fps
        earliest = 0.0
        if self.dialogue:
            earliest = self.dialogue[-1].end + breath(line, self.dialogue[-1].line.who)[0]
        pause, automatic = lead_in(line)
        begin = max(cut - line.prelap if line.prelap else cut + pause, earliest)
        since = cut if begin >= cut or not self.dialogue else self.dialogue[-1].end  # the silence is counted from
        return _Opening(begin, begin - since, automatic and not line.prelap)

    def cut(self, shot: Shot, clips: Sequence[LineClip], lines_end: float, start_frame: int,
            following: Shot | None, asked: int | None) -> tuple[int, _Opening | None]:
        """The frame after ``shot`` and, if it ends on a line that ``following`` answers, that answer's opening.

        A duration or tail fixes the cut; between two talking shots it falls
        half a breath before the next line (or ``prelap`` after its start),
        on the nearest frame; otherwise it comes a tail after the last line.
        """
        if not clips:
            return start_frame + (asked if asked is not None else round(SILENT_SHOT * self.fps)), None
        opens = following is not None and bool(following.lines)
        fixed: int | None = None
        if asked is not None:
            fixed = start_frame + asked
        elif shot.tail is not None or not opens:
            fixed = self.frame_at_or_after(lines_end + (TAIL if shot.tail is None else shot.tail))
        if not opens:
            return fixed, None
        last, line = clips[-1], following.lines[0]
        pause, automatic = breath(line, last.line.who)
        chained = last.end + pause
        if fixed is not None:
            begin = max(chained, fixed / self.fps - line.prelap)
            return fixed, _Opening(begin, begin - last.end, automatic and begin == chained)
        target = chained + line.prelap if line.prelap else chained - max(pause, 0.0) / 2
        earliest = math.floor(last.start * self.fps) + 1  # the last line starts in its own shot
        return max(round(target * self.fps), earliest), _Opening(chained, pause, automatic)


def build_timeline(scene: Scene, spoken: Sequence[float]) -> Timeline:
    """Lay out ``scene``; ``spoken[i]`` is the length in seconds of ``scene.lines[i]``."""
    if len(spoken) != len(scene.lines):
        raise ValueError(f"{len(spoken)} spoken lengths for {len(scene.lines)} lines")
    layout = _Layout(scene.fps)
    start_frame, line_index, opening = 0, 0, None
    for index, shot in enumerate(scene.shots):
        lengths = spoken[line_index : line_index + len(shot.lines)]
        line_index += len(shot.lines)
        following = scene.shots[index + 1] if index + 1 < len(scene.shots) else None
        start_frame, opening = layout.add(shot, lengths, start_frame, opening, following)
    video, dialogue = tuple(layout.video), tuple(layout.dialogue)
    stop = music_stop(scene.music.stop, video, dialogue)
    cue = MusicCue(scene.music.style, 0.0, stop, scene.music.level)
    return Timeline(scene.fps, video, dialogue, cue, tuple(layout.effects), scene.ambience)


def music_stop(stop: str, video: Sequence[ShotClip], dialogue: Sequence[LineClip]) -> float:
    """Resolve a music ``stop`` (final-line, end, shot:<id>, seconds) to seconds."""
    end = video[-1].end
    if stop == "final-line":
        return max((clip.start for clip in dialogue), default=end)
    if stop == "end":
        return end
    if stop.startswith("shot:"):
        return next(clip.start for clip in video if clip.shot.id == stop[5:])
    return min(float(stop), end)
