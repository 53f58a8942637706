"""The timing report (SPEC: ``<stem>.json``) and the ``plan`` table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyboard.model import Scene
from storyboard.timeline import ShotClip, Timeline

AUTOMATIC = "*"  # marks a duration storyboard worked out
AMBIENCE_DBFS = -50.0  # the ambience's level (docs/sound.md); storyboard.sound.ambience holds it to this


def _seconds(value: float) -> float:
    return round(value, 3)


def report(scene: Scene, timeline: Timeline, width: int, height: int) -> dict[str, Any]:
    """The report document without ``output`` and ``render_seconds`` (``plan --json``)."""
    return {
        "title": scene.title,
        "width": width,
        "height": height,
        "fps": timeline.fps,
        "duration": _seconds(timeline.duration),
        "shots": [shot_entry(clip) for clip in timeline.video],
        "lines": [
            {"who": clip.line.who, "text": clip.line.say, "shot": clip.shot_id,
             "start": _seconds(clip.start), "end": _seconds(clip.end), "off": clip.line.off}
            for clip in timeline.dialogue
        ],
        "music": {"style": timeline.music.style, "start": _seconds(timeline.music.start),
                  "stop": _seconds(timeline.music.stop), "level": timeline.music.level},
        "ambience": None if timeline.ambience is None else {
            "style": timeline.ambience, "start": 0.0, "end": _seconds(timeline.duration), "level": AMBIENCE_DBFS},
        "sfx": [{"sound": clip.sound, "shot": clip.shot_id, "start": _seconds(clip.start)} for clip in timeline.effects],
        "captions": scene.captions,
    }


def shot_entry(clip: ShotClip) -> dict[str, Any]:
    """One shot of the report."""
    return {
        "id": clip.shot.id,
        "index": clip.index,
        "start": _seconds(clip.start),
        "end": _seconds(clip.end),
        "cut": clip.shot.cut,
        "framing": clip.shot.framing,
        "signs": [sign.text for sign in clip.shot.signs],
    }


def render_report(scene: Scene, timeline: Timeline, width: int, height: int, output: str, seconds: float) -> dict[str, Any]:
    """The report written beside a rendered film."""
    document = report(scene, timeline, width, height)
    ordered = {"title": document.pop("title"), "output": output, **document}
    ordered["render_seconds"] = round(seconds, 2)
    return ordered


def add_panels(document: dict[str, Any], panels: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """``document`` with each shot's ``panel``: what its picture shows (cast, set, props, signs, image)."""
    for shot, panel in zip(document["shots"], panels):
        shot["panel"] = panel
    return document


def overrun_warnings(scene: Scene, timeline: Timeline) -> list[str]:
    """``FILE:LINE: warning`` for each shot whose duration is too short for its lines."""
    return [
        f"{scene.source}:{clip.shot.source_line}: warning: shot '{clip.shot.id}' lasts {clip.shot.duration:g} s "
        f"but its lines need {clip.needed:.2f} s; it runs {clip.end - clip.start:.2f} s"
        for clip in timeline.video
        if clip.overrun
    ]


def sign_warnings(scene: Scene) -> list[str]:
    """``FILE:LINE: warning`` for each sign holding characters no shipped font draws (they show as boxes)."""
    signs = [(shot, sign.text) for shot in scene.shots for sign in shot.signs if not sign.text.isascii()]
    if not signs:
        return []
    from storyboard.picture.text import undrawable

    return [
        f"{scene.source}:{shot.source_line}: warning: sign '{text}' in shot '{shot.id}' has characters no shipped "
        f"font draws, shown as boxes: {' '.join(f'{char} (U+{ord(char):04X})' for char in missing)}"
        for shot, text in signs
        if (missing := undrawable(text))
    ]


def warnings(scene: Scene, timeline: Timeline) -> list[str]:
    """Every warning about ``scene``: shots too short for their lines, signs with characters that cannot be drawn."""
    return overrun_warnings(scene, timeline) + sign_warnings(scene)


def timecode(seconds: float, fps: int) -> str:
    """``HH:MM:SS:FF`` of the frame nearest ``seconds`` (a line may start between frames)."""
    frame = round(seconds * fps)
    sign = "-" if frame < 0 else ""
    whole, frames = divmod(abs(frame), fps)
    minutes, secs = divmod(whole, 60)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}:{secs:02d}:{frames:02d}"


def _mark(automatic: bool) -> str:
    return AUTOMATIC if automatic else " "


def plan_table(scene: Scene, timeline: Timeline) -> str:
    """A readable timing table: one row per shot (timecode, frames, length), its lines and effects under it.

    Durations worked out by storyboard (a shot fitted to its lines, a default
    breath or lead-in before a line) are marked with ``*``.
    """
    fps = timeline.fps
    rows = [f"{scene.title}  {scene.width}x{scene.height} @ {fps} fps  "
            f"{timecode(timeline.duration, fps)} ({timeline.frames} frames)", ""]
    rows.append(f"{'#':>3}  {'start':<11}  {'frames':>6}  {'length':>8}  {'shot':<16} {'framing':<9} {'cut':<5} signs")
    for clip in timeline.video:
        signs = ", ".join(repr(sign.text) for sign in clip.shot.signs)
        flag = "  ! too short for its lines" if clip.overrun else ""
        rows.append(f"{clip.index:>3}  {timecode(clip.start, fps):<11}  {clip.frames:>6}  "
                    f"{clip.end - clip.start:>6.3f}s{_mark(clip.automatic)}  "
                    f"{clip.shot.id:<16} {clip.shot.framing:<9} {clip.shot.cut:<5} {signs}{flag}")
        for line in (c for c in timeline.dialogue if c.shot_id == clip.shot.id):
            off = " (off)" if line.line.off else ""
            rows.append(f"{'':>3}  {timecode(line.start, fps):<11}  {'':>6}  {line.end - line.start:>6.3f}s   "
                        f"after {line.pause:+.2f}s{_mark(line.automatic)}  {line.line.who}{off}: {line.line.say}")
        for effect in (e for e in timeline.effects if e.shot_id == clip.shot.id):
            rows.append(f"{'':>3}  {timecode(effect.start, fps):<11}  {'':>6}  {'':>8}   sfx {effect.sound}")
    music = timeline.music
    rows += ["", f"music {music.style} {music.level:+g} dB: {timecode(music.start, fps)} to {timecode(music.stop, fps)}"]
    if timeline.ambience is not None:
        rows.append(f"ambience {timeline.ambience}: {timecode(0.0, fps)} to {timecode(timeline.duration, fps)}")
    rows.append(f"{AUTOMATIC} worked out by storyboard (no duration, or the default breath or lead-in)")
    return "\n".join(rows)
