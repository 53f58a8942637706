"""The timing report (SPEC: ``<stem>.json``) and the ``plan`` table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyboard.model import Scene
from storyboard.timeline import Timeline


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
        "shots": [
            {
                "id": clip.shot.id,
                "index": clip.index,
                "start": _seconds(clip.start),
                "end": _seconds(clip.end),
                "cut": clip.shot.cut,
                "framing": clip.shot.framing,
                "signs": [sign.text for sign in clip.shot.signs],
            }
            for clip in timeline.video
        ],
        "lines": [
            {"who": clip.line.who, "text": clip.line.say, "shot": clip.shot_id,
             "start": _seconds(clip.start), "end": _seconds(clip.end)}
            for clip in timeline.dialogue
        ],
        "music": {"style": timeline.music.style, "start": _seconds(timeline.music.start),
                  "stop": _seconds(timeline.music.stop)},
        "captions": scene.captions,
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


def _clock(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)}:{rest:06.3f}"


def plan_table(scene: Scene, timeline: Timeline) -> str:
    """A readable timing table: one row per shot, its lines indented under it."""
    rows = [f"{scene.title}  {scene.width}x{scene.height} @ {scene.fps} fps  {_clock(timeline.duration)}", ""]
    rows.append(f"{'#':>3}  {'start':>9}  {'end':>9}  {'len':>6}  {'shot':<16} {'framing':<9} {'cut':<5} signs")
    for clip in timeline.video:
        signs = ", ".join(repr(sign.text) for sign in clip.shot.signs)
        flag = "  ! too short for its lines" if clip.overrun else ""
        rows.append(
            f"{clip.index:>3}  {_clock(clip.start):>9}  {_clock(clip.end):>9}  {clip.end - clip.start:>5.2f}s  "
            f"{clip.shot.id:<16} {clip.shot.framing:<9} {clip.shot.cut:<5} {signs}{flag}"
        )
        for line in (c for c in timeline.dialogue if c.shot_id == clip.shot.id):
            rows.append(f"{'':>3}  {_clock(line.start):>9}  {_clock(line.end):>9}  {line.end - line.start:>5.2f}s    "
                        f"{line.line.who}: {line.line.say}")
    music = timeline.music
    rows += ["", f"music {music.style}: {_clock(music.start)} to {_clock(music.stop)}"]
    return "\n".join(rows)
