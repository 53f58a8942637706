"""The cut as an editorial timeline: OpenTimelineIO, FCP 7 XML, CMX 3600 EDL and FCPXML.

One :class:`opentimelineio.schema.Timeline` is built from the film's
:class:`~storyboard.timeline.Timeline` and written by OpenTimelineIO and its
adapters (``otio-fcp-adapter``, ``otio-cmx3600-adapter``,
``otio-fcpx-xml-adapter``):

- a video track of one clip per shot, named by the shot's id, pointing at the
  shot's own media file, with the shot's notes and lines as markers and
  everything the shot list says of it in the clip's ``storyboard`` metadata;
- a dialogue track of one clip per line, named ``WHO: text``, pointing at its
  speaker's stem at the line's own time (the stems are as long as the film);
  lines that overlap go on a second dialogue track, as an editor would lay
  them;
- a music track (and ambience and effects tracks when the scene has them),
  pointing at their stems.

Times are whole frames at the film's exact rate; the record timecode starts at
01:00:00:00. A line's clip runs from the frame its sound starts in to the
frame after it ends, so no line is cut off. The EDL holds the video track
only (CMX 3600 has no room for the rest) and says so in its comments.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from storyboard.model import Scene
from storyboard.timeline import LineClip, ShotClip, Timeline

if TYPE_CHECKING:
    import opentimelineio as otio

START_HOURS = 1  # record timecode of the first frame: 01:00:00:00
NOTE_COLOR = "PURPLE"
LINE_COLOR = "GREEN"
METADATA = "storyboard"  # the metadata namespace of everything this module adds
EDL_REEL = "SB{index:06d}"  # CMX 3600 reels have eight characters
EDL_NOTE = "VIDEO ONLY - the sound is in stems/ and the .otio, .xml and .fcpxml timelines"
FRAME_EPSILON = 1e-6  # seconds x fps: how far from a frame edge still counts as on it


class Media(NamedTuple):
    """Where the package's files are: absolute paths of the folder the timelines will be read in."""

    shots: Mapping[str, Path]  # shot id -> its movie
    voices: Mapping[str, Path]  # speaker -> their dialogue stem
    stems: Mapping[str, Path]  # "music", "ambience", "sfx" -> the stem (only those the scene has)


def editorial_timeline(scene: Scene, timeline: Timeline, media: Media) -> otio.schema.Timeline:
    """The cut as an OpenTimelineIO timeline (see the module's docstring)."""
    import opentimelineio as otio

    fps = timeline.fps
    result = otio.schema.Timeline(name=scene.title, global_start_time=_frames(START_HOURS * 3600 * fps, fps))
    result.metadata[METADATA] = {"source": scene.source, "width": scene.width, "height": scene.height, "fps": fps}
    result.tracks.append(_video_track(timeline, media))
    for number, lane in enumerate(_lanes(timeline.dialogue, fps) or [[]], start=1):  # a silent film: one, empty
        name = "Dialogue" if number == 1 else f"Dialogue {number}"
        result.tracks.append(_audio_track(name, [_line_clip(line, media, timeline) for line in lane], fps))
    music = timeline.music
    first, last = _covering(music.start, music.stop, fps)
    if "music" in media.stems and last > first:
        clip = _clip(f"music: {music.style}", media.stems["music"], first, last, timeline.frames, fps)
        result.tracks.append(_audio_track("Music", [clip], fps))
    for kind in ("ambience", "sfx"):
        if kind in media.stems:
            clip = _clip(kind, media.stems[kind], 0, timeline.frames, timeline.frames, fps)
            result.tracks.append(_audio_track(kind.capitalize() if kind == "ambience" else "SFX", [clip], fps))
    return result


def _frames(count: int, fps: int) -> otio.opentime.RationalTime:
    import opentimelineio as otio

    return otio.opentime.RationalTime(count, fps)


def _range(first: int, last: int, fps: int) -> otio.opentime.TimeRange:
    """Frames [first, last) as an OTIO time range."""
    import opentimelineio as otio

    return otio.opentime.TimeRange(_frames(first, fps), _frames(last - first, fps))


def _clip(name: str, path: Path, first: int, last: int, available: int, fps: int) -> otio.schema.Clip:
    """A clip showing frames [first, last) of the file at ``path``, which is ``available`` frames long."""
    import opentimelineio as otio

    reference = otio.schema.ExternalReference(target_url=path.as_uri(), available_range=_range(0, available, fps))
    return otio.schema.Clip(name=name, media_reference=reference, source_range=_range(first, last, fps))


def _video_track(timeline: Timeline, media: Media) -> otio.schema.Track:
    """One clip per shot, back to back, each the whole of its shot's movie."""
    import opentimelineio as otio

    track = otio.schema.Track(name="Video", kind=otio.schema.TrackKind.Video)
    for clip in timeline.video:
        item = _clip(clip.shot.id, media.shots[clip.shot.id], 0, clip.frames, clip.frames, timeline.fps)
        lines = [line for line in timeline.dialogue if line.shot_id == clip.shot.id]
        item.metadata[METADATA] = _shot_metadata(clip, lines)
        item.markers.extend(_markers(clip, lines))
        track.append(item)
    return track


def _shot_metadata(clip: ShotClip, lines: Sequence[LineClip]) -> dict[str, object]:
    """What the shot list says of the shot, for tools that read OTIO metadata."""
    shot = clip.shot
    return {
        "index": clip.index, "framing": shot.framing, "cut": shot.cut, "description": shot.description,
        "notes": shot.notes, "signs": [sign.text for sign in shot.signs],
        "lines": [{"who": line.line.who, "say": line.line.say} for line in lines],
    }


def _markers(clip: ShotClip, lines: Sequence[LineClip]) -> list[otio.schema.Marker]:
    """The shot's notes at its first frame and each of its lines where it is spoken, in the clip's own time."""
    import opentimelineio as otio

    fps = clip.fps
    markers = []
    if clip.shot.notes:
        markers.append(otio.schema.Marker(name=f"NOTE: {_one_line(clip.shot.notes)}", color=NOTE_COLOR,
                                          marked_range=_range(0, 0, fps)))
    for line in lines:
        first, last = _covering(line.start, line.end, fps)
        first, last = max(first - clip.start_frame, 0), min(last - clip.start_frame, clip.frames)
        markers.append(otio.schema.Marker(name=_line_name(line), color=LINE_COLOR,
                                          marked_range=_range(first, max(first, last), fps)))
    return markers


def _line_clip(line: LineClip, media: Media, timeline: Timeline) -> otio.schema.Clip:
    """A line as a clip of its speaker's stem, at the frames the line is heard in."""
    first, last = _covering(line.start, line.end, timeline.fps)
    clip = _clip(_line_name(line), media.voices[line.line.who], first, last, timeline.frames, timeline.fps)
    clip.metadata[METADATA] = {"who": line.line.who, "say": line.line.say, "shot": line.shot_id,
                               "off": line.line.off, "start": line.start, "end": line.end}
    return clip


def _audio_track(name: str, clips: Sequence[otio.schema.Clip], fps: int) -> otio.schema.Track:
    """An audio track holding ``clips`` at their own source frames, with gaps between them."""
    import opentimelineio as otio

    track = otio.schema.Track(name=name, kind=otio.schema.TrackKind.Audio)
    cursor = 0
    for clip in clips:
        first = round(clip.source_range.start_time.value)
        if first > cursor:
            track.append(otio.schema.Gap(source_range=_range(cursor, first, fps)))
        track.append(clip)
        cursor = round(clip.source_range.end_time_exclusive().value)
    return track


def _lanes(lines: Sequence[LineClip], fps: int) -> list[list[LineClip]]:
    """The lines in as few non-overlapping lanes as it takes, each line in the first lane it fits."""
    lanes: list[list[LineClip]] = []
    ends: list[int] = []
    for line in sorted(lines, key=lambda line: line.start):
        first, last = _covering(line.start, line.end, fps)
        lane = next((i for i, end in enumerate(ends) if end <= first), None)
        if lane is None:
            lanes.append([])
            ends.append(0)
            lane = len(lanes) - 1
        lanes[lane].append(line)
        ends[lane] = last
    return lanes


def _covering(start: float, end: float, fps: int) -> tuple[int, int]:
    """The frames [first, last) that hold the span from ``start`` to ``end`` seconds."""
    return math.floor(start * fps + FRAME_EPSILON), math.ceil(end * fps - FRAME_EPSILON)


def _line_name(line: LineClip) -> str:
    return f"{line.line.who}: {_one_line(line.line.say)}"


def _one_line(text: str) -> str:
    """``text`` on one line (a clip or marker name is one line in every format)."""
    return " ".join(text.split())


def write_otio(timeline: otio.schema.Timeline, path: Path) -> None:
    """The timeline as an OpenTimelineIO file."""
    import opentimelineio as otio

    otio.adapters.write_to_file(timeline, str(path), adapter_name="otio_json")


def write_fcp7(timeline: otio.schema.Timeline, path: Path) -> None:
    """The timeline as Final Cut Pro 7 XML (xmeml), which Premiere Pro and Resolve import."""
    import opentimelineio as otio

    otio.adapters.write_to_file(timeline, str(path), adapter_name="fcp_xml")


def write_edl(timeline: otio.schema.Timeline, path: Path) -> None:
    """The video track as a CMX 3600 EDL, its record timecode from the timeline's start.

    The EDL adapter ignores the timeline's global start time and writes
    record timecode from 00:00:00:00; a track whose range starts that far
    before zero is how its reader represents an EDL that starts later, so
    the video track is written as one.
    """
    import opentimelineio as otio

    video = copy.deepcopy(timeline.video_tracks()[0])
    video.source_range = otio.opentime.TimeRange(-timeline.global_start_time, video.duration())
    for index, clip in enumerate(video.find_clips(), start=1):
        clip.metadata["cmx_3600"] = {"reel": EDL_REEL.format(index=index)}
    video.find_clips()[0].metadata["cmx_3600"]["comments"] = [EDL_NOTE]
    edl = otio.schema.Timeline(name=timeline.name, tracks=[video])
    text = otio.adapters.write_to_string(edl, "cmx_3600", rate=timeline.global_start_time.rate)
    # The frame count mode line: every rate here is a whole number of frames a second.
    text = re.sub(r"^(TITLE: .*\n)", r"\1FCM: NON-DROP FRAME\n", text, count=1)
    path.write_text(text, encoding="utf-8")


def write_fcpxml(timeline: otio.schema.Timeline, path: Path, width: int, height: int) -> None:
    """The timeline as FCPXML (Final Cut Pro, Resolve), completed where the adapter leaves things out.

    The adapter writes no start timecode, a format without a frame size (it
    asks ``ffprobe`` for a name, when there is one), and audio assets without
    their channels and rate: those attributes are set on its document. A
    sequence's spine counts from its start timecode, so the spine's clips
    move with it (connected clips count from their parent: they stay).
    """
    import xml.etree.ElementTree as ElementTree

    import opentimelineio as otio

    start = Fraction(START_HOURS * 3600)
    document = ElementTree.fromstring(otio.adapters.write_to_string(timeline, "fcpx_xml"))
    for video_format in document.iter("format"):
        video_format.attrib.pop("name", None)
        video_format.set("width", str(width))
        video_format.set("height", str(height))
    for asset in document.iter("asset"):
        if asset.get("hasAudio") == "1":
            asset.attrib.update({"audioSources": "1", "audioChannels": "2", "audioRate": "48000"})
    for sequence in document.iter("sequence"):
        sequence.attrib.update({"tcStart": _seconds(start), "tcFormat": "NDF"})
        for item in sequence.iterfind("spine/*"):
            item.set("offset", _seconds(start + Fraction(item.get("offset", "0s").rstrip("s"))))
    ElementTree.indent(document, space="    ")
    body = ElementTree.tostring(document, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE fcpxml>\n\n{body}\n', encoding="utf-8")


def _seconds(value: Fraction) -> str:
    """An FCPXML time: a rational number of seconds (``3600s``, ``1001/24s``)."""
    return f"{value.numerator}s" if value.denominator == 1 else f"{value.numerator}/{value.denominator}s"
