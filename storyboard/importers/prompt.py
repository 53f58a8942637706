"""Text-to-video prompts -> shot lists: split the prose at its cuts, read each shot, place the dialogue."""

from __future__ import annotations

import re

from storyboard.importers.draft import DraftLine, DraftScene, DraftShot
from storyboard.importers.emit import scene_yaml
from storyboard.importers.errors import SourceError
from storyboard.importers.prose import (
    framing_of,
    is_setting_sentence,
    mask_quotes,
    read_quotes,
    sentences,
    settings_of,
    speaker_seen,
    squeeze,
    strip_settings,
)

# "Dialogue:" opens the block of lines spoken over the whole video.
DIALOGUE_HEAD_RE = re.compile(r"\b(?:dialogue|dialog)\s*:", re.IGNORECASE)
# One item of that block: `Man: 'line'`, `AI Voice (flat): "line"`, or, one per
# line or before the next `Name:`, `Man: line` without quotes.
DIALOGUE_ITEM_RE = re.compile(
    r"""[\s,;.]*
    (?P<who>[A-Z][\w.'’-]*(?:[ \t]+[A-Za-z0-9][\w.'’-]*){0,3}?)[ \t]*
    (?:\((?P<how>[^)\n]*)\)[ \t]*)?
    :[ \t]*
    (?: '(?P<single>.+?)'(?=[\s,;]|$)
      | "(?P<double>[^"]+?)"
      | ‘(?P<curly_single>.+?)’(?!\w)
      | “(?P<curly_double>[^”]+?)”
      | (?P<bare>[^'"‘“\s][^\n]*?)
        (?=[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}[ \t]*(?:\([^)\n]*\)[ \t]*)?:|\n|$))""",
    re.VERBOSE,
)
# Words before a colon that label a setting, not a speaker ("Music: ...").
NOT_SPEAKERS = frozenset(
    "music sound audio sfx style camera shot scene note notes captions subtitles format resolution lighting "
    "mood setting location".split()
)

TIME = r"(?:\d{1,2}:)?\d{1,2}(?:\.\d+)?"  # 3, 3.5, 0:03, 00:03
# Where the prose cuts to a new shot. Searched in the prose with its quotes masked.
MARKER_RE = re.compile(
    rf"""(?P<time>[\[(]\s*(?P<t0>{TIME})\s*s?\s*[-–—]+\s*(?P<t1>{TIME})\s*(?:s|secs?|seconds)?\s*[\])]\s*:?)
      | (?<![\w:])(?P<u0>\d{{1,2}}:\d{{2}})\s*[-–—]+\s*(?P<u1>\d{{1,2}}:\d{{2}})\b\s*:?
      | (?P<label>(?<![\w-])(?:shot|scene)\s*\#?\s*\d+(?=\s*[:.\-–—(]))\s*[:.\-–—]?
      | (?P<cut>(?<![\w-])(?:(?:and\s+)?then,?\s+)?(?:(?:we|the\s+(?:camera|scene|shot|video|film|edit))\s+)?
          (?:(?P<adjectives>(?:(?:quick|sharp|hard|fast|sudden|abrupt|smash|match|jump|straight|rapid)[\s,-]+)+)
             cuts?\b(?:\s+(?:back\s+)?to\b)?
           | cuts?\s+(?:back\s+)?to\b)\s*:?)
      | (?P<next>(?<![\w-])(?:in\s+)?the\s+next\s+shot(?:\s+shows)?\s*[,:]? | (?<![\w-])next\s+shot\s*:
          | (?<![\w-])(?=reverse\s+(?:shot|angle)\b))""",
    re.IGNORECASE | re.VERBOSE,
)
# "(close-up):" left at the start of a shot by "Shot 3 (close-up): ...": a note, not prose.
LEADING_NOTE_RE = re.compile(r"^\s*\((?P<note>[^)]*)\)\s*[:.\-–—]?\s*")
# A time range inside that note: "(wide, 0-4s)".
NOTE_TIME_RE = re.compile(rf"(?P<t0>{TIME})\s*s?\s*[-–—]+\s*(?P<t1>{TIME})\s*(?:s|secs?|seconds)\b")
# Punctuation left at the start of a shot by the cut before it.
LEADING_JUNK_RE = re.compile(r"^[\s.,;:!\-–—]+")
# ", then" / "and" / punctuation left at the end of a shot by the cut after it.
TRAILING_JUNK_RE = re.compile(r"(?:,?\s*\b(?:and\s+)?then\b|,?\s*\band\b)?[\s,;:\-–—]*$", re.IGNORECASE)


def prompt_to_yaml(text: str, title: str, source: str = "<prompt>") -> str:
    """The shot-list YAML (with comments on every guess) for the text-to-video prompt ``text``.

    Raises :class:`SourceError` (naming ``source``) when the prompt holds no shot.
    """
    return scene_yaml(read_prompt(text, title, source), "a text-to-video prompt")


def read_prompt(text: str, title: str, source: str = "<prompt>") -> DraftScene:
    """The draft scene of a prompt: settings, shots split at the cuts, dialogue placed."""
    prose, spoken = split_dialogue(text)
    scene = DraftScene(title, settings_of(prose))
    shot_prose = " ".join(strip_settings(sentence) for sentence in sentences(prose)
                          if not is_setting_sentence(sentence))
    scene.shots = split_shots(shot_prose)
    place_lines(scene.shots, spoken)
    scene.number_shots()
    if not scene.shots:
        raise SourceError(source, 1, "no shot found: the prompt describes no picture and no dialogue")
    return scene


def split_dialogue(text: str) -> tuple[str, list[DraftLine]]:
    """``text`` without its ``Dialogue:`` block, and the lines of that block in order."""
    head = DIALOGUE_HEAD_RE.search(text)
    if not head:
        return text, []
    lines, position = [], head.end()
    while (item := DIALOGUE_ITEM_RE.match(text, position)) and item["who"].lower() not in NOT_SPEAKERS:
        said = next(item[group] for group in ("single", "double", "curly_single", "curly_double", "bare")
                    if item[group] is not None)
        if said.strip():
            lines.append(DraftLine(item["who"].strip(), squeeze(said), f"({item['how']})" if item["how"] else ""))
        position = item.end()
    return text[: head.start()] + " " + text[position:], lines


def split_shots(prose: str) -> list[DraftShot]:
    """The shots of ``prose``, split at its cut words, shot labels and time ranges."""
    shots: list[DraftShot] = []
    cut, duration, start = "hard", None, 0
    for marker in MARKER_RE.finditer(mask_quotes(prose)):
        segment = prose[start : marker.start()]
        if segment.strip(" .,;:-–—\n"):
            shots.append(read_shot(segment, cut if shots else "hard", duration, first=not shots))
            cut, duration = "hard", None
        cut = "jump" if cut == "jump" or "jump" in (marker["adjectives"] or "").lower() else "hard"
        duration = duration if duration is not None else _duration(marker)
        start = marker.end()
    if prose[start:].strip(" .,;:-–—\n"):
        shots.append(read_shot(prose[start:], cut if shots else "hard", duration, first=not shots))
    return shots


def _duration(marker: re.Match[str]) -> float | None:
    """The length of a marker's (or a note's) time range (``[00:03-00:06]`` -> 3), or None."""
    groups = marker.groupdict()
    start, end = (groups["t0"], groups["t1"]) if groups["t0"] else (groups.get("u0"), groups.get("u1"))
    if start is None:
        return None
    seconds = _seconds(end) - _seconds(start)
    return seconds if seconds > 0 else None


def _seconds(stamp: str) -> float:
    """``1:02`` -> 62, ``3.5`` -> 3.5."""
    minutes, _, seconds = stamp.rpartition(":")
    return int(minutes or 0) * 60 + float(seconds)


def read_shot(segment: str, cut: str, duration: float | None, first: bool) -> DraftShot:
    """One shot from its prose: description, framing (guessed if unnamed), signs, inline lines."""
    note = LEADING_NOTE_RE.match(segment)
    hint = note["note"] if note else ""
    timed = NOTE_TIME_RE.search(hint)
    duration = duration if duration is not None or not timed else _duration(timed)
    text = _tidy(segment[note.end() :] if note else segment)
    signs, lines, description = read_quotes(text)
    shot = DraftShot(description=description, cut=cut, duration=duration, signs=signs, lines=lines)
    framing = framing_of(f"{hint} . {description}")
    if framing:
        shot.framing = framing
    else:
        shot.framing = "wide" if first else "medium"
        shot.notes["framing"] = "guessed: no framing word" + ("; opening shot" if first else "")
    return shot


def _tidy(segment: str) -> str:
    """A shot's prose without the cut's leftovers, starting with a capital, ending with punctuation."""
    text = TRAILING_JUNK_RE.sub("", LEADING_JUNK_RE.sub("", squeeze(segment)))
    if text and text[-1] not in ".!?'\"’”)":
        text += "."
    return text[:1].upper() + text[1:]


def place_lines(shots: list[DraftShot], spoken: list[DraftLine]) -> None:
    """Put each line of a ``Dialogue:`` block in the shot where its speaker is seen or heard.

    Lines keep their order: a line never goes before the previous line's shot.
    A speaker seen in no later shot speaks in the current shot (``# guessed``).
    """
    if spoken and not shots:
        shots.append(DraftShot(framing="wide", notes={"framing": "guessed: the prompt describes no picture"}))
    current = 0
    for line in spoken:
        seen = next((index for index in range(current, len(shots))
                     if speaker_seen(line.who, shots[index].description)), None)
        if seen is None:
            line.note = "; ".join(filter(None, [line.note, "guessed: speaker not seen in any later shot"]))
        else:
            current = seen
        shots[current].lines.append(line)
