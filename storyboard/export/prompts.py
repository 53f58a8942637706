"""A prompt sheet for a text-to-video generator: one entry per shot, timed as the cut is.

A team can lock the cut with the animatic and pay a generator only for the
final shots: each entry gives the shot's exact length (frames at the film's
rate), its framing, description, signs and dialogue, and the same as one
prompt in plain words. Dialogue times are seconds from the shot's first
frame (negative for a line that starts before the cut).
"""

from __future__ import annotations

from typing import Any

from storyboard.model import Scene
from storyboard.timeline import LineClip, ShotClip, Timeline

# How each framing is named in a prompt.
FRAMING_WORDS = {"wide": "Wide shot", "medium": "Medium shot", "close-up": "Close-up", "insert": "Insert shot"}


def prompt_sheet(scene: Scene, timeline: Timeline) -> dict[str, Any]:
    """The ``prompts.json`` document: the film's format and one entry per shot."""
    return {
        "title": scene.title,
        "width": scene.width,
        "height": scene.height,
        "fps": timeline.fps,
        "shots": [shot_entry(scene, clip, [line for line in timeline.dialogue if line.shot_id == clip.shot.id])
                  for clip in timeline.video],
    }


def shot_entry(scene: Scene, clip: ShotClip, lines: list[LineClip]) -> dict[str, Any]:
    """One shot's entry: its timing, what it shows and says, and the prompt."""
    shot = clip.shot
    speakers = dict.fromkeys(line.line.who for line in lines if not line.line.off)
    cast = [{"name": name, "look": scene.character(name).look} for name in speakers]
    dialogue = [
        {"who": line.line.who, "say": line.line.say, "off": line.line.off,
         "start": round(line.start - clip.start, 3), "end": round(line.end - clip.start, 3)}
        for line in lines
    ]
    entry = {
        "shot": shot.id,
        "index": clip.index,
        "start": round(clip.start, 3),
        "frames": clip.frames,
        "fps": clip.fps,
        "duration": clip.frames / clip.fps,
        "framing": shot.framing,
        "description": shot.description,
        "signs": [{"text": sign.text, "style": sign.style, "icon": sign.icon, "color": sign.color}
                  for sign in shot.signs],
        "cast": cast,
        "dialogue": dialogue,
    }
    entry["prompt"] = prompt_text(entry, scene.width, scene.height)
    return entry


def prompt_text(entry: dict[str, Any], width: int, height: int) -> str:
    """The entry in plain words, as a text-to-video prompt."""
    parts = [f"{FRAMING_WORDS[entry['framing']]}, {entry['duration']:.3f} seconds "
             f"({entry['frames']} frames at {entry['fps']} fps, {width}x{height})."]
    if entry["description"]:
        parts.append(entry["description"])
    parts += [f"{person['name']}: {person['look']}." for person in entry["cast"] if person["look"]]
    if entry["signs"]:
        parts.append("Legible text in the picture: " + "; ".join(_sign_words(sign) for sign in entry["signs"]) + ".")
    if entry["dialogue"]:
        parts.append("Dialogue: " + " ".join(_line_words(line) for line in entry["dialogue"]))
    else:
        parts.append("No dialogue.")
    return " ".join(parts)


def _sign_words(sign: dict[str, Any]) -> str:
    """A sign as a prompt phrase: its text in quotes, then its style, colour and icon."""
    details = [word for word in (sign["style"] if sign["style"] != "auto" else None, sign["color"],
                                 f"{sign['icon']} icon" if sign["icon"] else None) if word]
    return f'"{sign["text"]}"' + (f" ({', '.join(details)})" if details else "")


def _line_words(line: dict[str, Any]) -> str:
    """A line of dialogue as a prompt phrase: who says what, and when in the shot."""
    who = f"{line['who']} (off-screen)" if line["off"] else line["who"]
    when = (f"from {line['start']:.2f} s to {line['end']:.2f} s" if line["start"] >= 0
            else f"from {-line['start']:.2f} s before the cut to {line['end']:.2f} s")
    return f'{who} says "{line["say"]}" {when}.'

