"""Shot list + spoken lengths -> absolute timing. Pure: no I/O, no engines.

The vocabulary is OpenTimelineIO's: a :class:`Timeline` holds a video track
of :class:`ShotClip` (one per shot, back to back, each a whole number of
frames so every cut falls on a frame), a dialogue track of :class:`LineClip`
(the gaps between them are the pauses) and the :class:`MusicCue`.

Inside a shot the lines sit in order after a short lead-in, separated by a
breath (longer when the speaker changes), followed by a tail; a shot without a
``duration`` is exactly that long, a shot with one keeps it unless its lines
do not fit, in which case it grows and is flagged (lines are never cut off).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from storyboard.model import Line, Scene, Shot

LEAD_IN = 0.5  # seconds before a shot's first line
PAUSE_SAME_SPEAKER = 0.3  # between two lines of one speaker
PAUSE_NEW_SPEAKER = 0.5  # between lines of different speakers
TAIL = 0.8  # after a shot's last line
SILENT_SHOT = 3.0  # a shot with neither lines nor duration


class ShotClip(NamedTuple):
    """One shot on the video track: ``frames`` frames from ``start_frame``."""

    shot: Shot
    index: int  # 1-based position in the film
    start_frame: int
    frames: int
    fps: int
    needed: float  # seconds the shot's lines need
    overrun: bool  # the shot's duration was too short for its lines

    @property
    def start(self) -> float:
        """Seconds from the first frame to this shot's first frame."""
        return self.start_frame / self.fps

    @property
    def end(self) -> float:
        """Seconds from the first frame to the frame after this shot."""
        return (self.start_frame + self.frames) / self.fps


class LineClip(NamedTuple):
    """One line on the dialogue track."""

    line: Line
    shot_id: str
    start: float
    end: float


class MusicCue(NamedTuple):
    """The score plays from ``start`` and is silent from ``stop`` on."""

    style: str
    start: float
    stop: float


class Timeline(NamedTuple):
    """The whole film's timing."""

    fps: int
    video: tuple[ShotClip, ...]
    dialogue: tuple[LineClip, ...]
    music: MusicCue

    @property
    def frames(self) -> int:
        """The film's length in frames."""
        last = self.video[-1]
        return last.start_frame + last.frames

    @property
    def duration(self) -> float:
        """The film's length in seconds."""
        return self.frames / self.fps


def line_offsets(lines: Sequence[Line], spoken: Sequence[float]) -> tuple[list[float], float]:
    """Where each line starts inside its shot, and how long the shot needs."""
    if not lines:
        return [], SILENT_SHOT
    offsets, cursor, previous = [], LEAD_IN, None
    for line, length in zip(lines, spoken, strict=True):
        if previous is not None:
            cursor += PAUSE_SAME_SPEAKER if line.who == previous else PAUSE_NEW_SPEAKER
        offsets.append(cursor)
        cursor += length
        previous = line.who
    return offsets, cursor + TAIL


def shot_frames(shot: Shot, needed: float, fps: int) -> tuple[int, bool]:
    """The shot's length in frames, and whether its duration was too short."""
    fitted = max(1, math.ceil(needed * fps - 1e-6))
    if shot.duration is None:
        return fitted, False
    asked = max(1, round(shot.duration * fps))
    spoken_need = needed - TAIL if shot.lines else 0.0
    if asked < spoken_need * fps - 1e-6:
        return fitted, True
    return asked, False


def build_timeline(scene: Scene, spoken: Sequence[float]) -> Timeline:
    """Lay out ``scene``; ``spoken[i]`` is the length in seconds of ``scene.lines[i]``."""
    if len(spoken) != len(scene.lines):
        raise ValueError(f"{len(spoken)} spoken lengths for {len(scene.lines)} lines")
    video, dialogue = [], []
    start_frame, line_index = 0, 0
    for index, shot in enumerate(scene.shots, start=1):
        lengths = spoken[line_index : line_index + len(shot.lines)]
        line_index += len(shot.lines)
        offsets, needed = line_offsets(shot.lines, lengths)
        frames, overrun = shot_frames(shot, needed, scene.fps)
        clip = ShotClip(shot, index, start_frame, frames, scene.fps, needed, overrun)
        video.append(clip)
        dialogue += [
            LineClip(line, shot.id, clip.start + offset, clip.start + offset + length)
            for line, offset, length in zip(shot.lines, offsets, lengths)
        ]
        start_frame += frames
    stop = music_stop(scene.music.stop, video, dialogue)
    return Timeline(scene.fps, tuple(video), tuple(dialogue), MusicCue(scene.music.style, 0.0, stop))


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
