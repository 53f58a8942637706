"""Source text -> :class:`~storyboard.model.Scene`: parse, validate, fill defaults.

YAML and JSON are read through the same YAML composer so that every value
keeps the line it came from; each problem is raised as
:class:`~storyboard.errors.InputError` naming the file and that line.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from storyboard.errors import InputError
from storyboard.people import AUTO_VOICE
from storyboard.model import (
    AMBIENCES,
    CUTS,
    EFFECTS,
    FRAMINGS,
    ICONS,
    MUSIC_STYLES,
    RESOLUTIONS,
    Character,
    Line,
    Music,
    Scene,
    SIGN_COLORS,
    SIGN_STYLES,
    SOUND_EFFECTS,
    Shot,
    Sign,
    SoundEffect,
)

SCENE_SUFFIXES = (".yaml", ".yml", ".json")
# libyaml's parser when PyYAML was built with it (its wheels are): the same
# nodes and marks, about 10 ms sooner on every render.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DEFAULT_FPS = 24
DEFAULT_RESOLUTION = "1080p"
MAX_SIDE = 7680
MIN_SIDE = 16
MAX_FPS = 120
MAX_SHOT_SECONDS = 600.0
MIN_SHOT_SECONDS = 0.1
MIN_RATE, MAX_RATE = 60, 450
MIN_PITCH, MAX_PITCH = 50, 500  # Hz
MIN_LEVEL, MAX_LEVEL = -60.0, 12.0  # dB, the music's level
MAX_PAUSE = 10.0  # seconds, either way: a line's pause, prelap, a shot's tail
MAX_IMAGE_BYTES = 50 * 1024 * 1024
HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
SHOT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

TOP_KEYS = ("title", "resolution", "fps", "captions", "characters", "music", "ambience", "shots")
CHARACTER_KEYS = ("voice", "rate", "effect", "look", "pitch")
MUSIC_KEYS = ("style", "stop", "level")
SHOT_KEYS = ("id", "duration", "framing", "cut", "description", "image", "notes", "tail", "sfx", "signs", "lines")
SIGN_KEYS = ("text", "style", "icon", "color")
LINE_KEYS = ("who", "say", "pause", "off", "prelap")
SFX_KEYS = ("sound", "at")


class _Value:
    """A parsed YAML value with the line it starts on."""

    def __init__(self, node: yaml.Node, constructor: yaml.constructor.SafeConstructor, key_line: int = 0) -> None:
        self.node = node
        self.line = node.start_mark.line + 1
        self.key_line = key_line or self.line  # the line of the key that holds this value
        self._constructor = constructor

    @property
    def plain(self) -> Any:
        """The value as plain Python data."""
        return self._constructor.construct_object(self.node, deep=True)

    def mapping(self) -> dict[str, _Value] | None:
        if not isinstance(self.node, yaml.MappingNode):
            return None
        out: dict[str, _Value] = {}
        for key_node, value_node in self.node.value:
            # A key as written: YAML 1.1 would read `off:`, `yes:` or `on:` as booleans.
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(self._constructor.construct_object(key_node))
            out[key] = _Value(value_node, self._constructor, key_node.start_mark.line + 1)
        return out

    def sequence(self) -> list[_Value] | None:
        if not isinstance(self.node, yaml.SequenceNode):
            return None
        return [_Value(item, self._constructor) for item in self.node.value]


class _Reader:
    """Validation helpers that know which file they read."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, value: _Value | int, message: str) -> InputError:
        line = value if isinstance(value, int) else value.line
        return InputError(self.path, line, message)

    def mapping(self, value: _Value, what: str, allowed: tuple[str, ...]) -> dict[str, _Value]:
        fields = value.mapping()
        if fields is None:
            raise self.fail(value, f"{what} must be a mapping of keys to values")
        for key, item in fields.items():
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else f" (known: {', '.join(allowed)})"
                raise self.fail(item.key_line, f"unknown key '{key}' in {what}{suggestion}")
        return fields

    def sequence(self, value: _Value, what: str) -> list[_Value]:
        items = value.sequence()
        if items is None:
            raise self.fail(value, f"{what} must be a list")
        return items

    def text(self, value: _Value, what: str) -> str:
        """A scalar as the user wrote it: `007`, `3.10`, `12:30` and `yes` stay text, not numbers or booleans."""
        node = value.node
        if not isinstance(node, yaml.ScalarNode) or value.plain is None:
            raise self.fail(value, f"{what} must be text")
        text = node.value.strip()
        if not text:
            raise self.fail(value, f"{what} is empty")
        return text

    def choice(self, value: _Value, what: str, choices: tuple[str, ...]) -> str:
        text = self.text(value, what)
        if text not in choices:
            hint = difflib.get_close_matches(text, choices, n=1)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
            raise self.fail(value, f"{what} '{text}' is not one of {', '.join(choices)}{suggestion}")
        return text

    def number(self, value: _Value, what: str, low: float, high: float) -> float:
        raw = value.plain
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw):
            raise self.fail(value, f"{what} must be a number")
        if not low <= raw <= high:
            raise self.fail(value, f"{what} {raw:g} is out of range ({low:g} to {high:g})")
        return float(raw)

    def whole(self, value: _Value, what: str, low: int, high: int) -> int:
        raw = value.plain
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise self.fail(value, f"{what} must be a whole number")
        return int(self.number(value, what, low, high))

    def flag(self, value: _Value, what: str) -> bool:
        if not isinstance(value.plain, bool):
            raise self.fail(value, f"{what} must be true or false")
        return value.plain


def parse_resolution(text: str) -> tuple[int, int] | None:
    """``720p`` / ``1080p`` / ``4k`` / ``WIDTHxHEIGHT`` as (width, height); None if malformed."""
    named = RESOLUTIONS.get(text.lower())
    if named:
        return named
    match = re.fullmatch(r"(\d+)x(\d+)", text.lower())
    return (int(match[1]), int(match[2])) if match else None


def check_resolution(text: str) -> tuple[int, int]:
    """Like :func:`parse_resolution`, raising ValueError with the reason."""
    size = parse_resolution(text)
    if size is None:
        raise ValueError(f"resolution '{text}' is not 720p, 1080p, 4k or WIDTHxHEIGHT")
    width, height = size
    if width % 2 or height % 2:
        raise ValueError(f"resolution {width}x{height} must have even numbers")
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise ValueError(f"resolution {width}x{height} is out of range ({MIN_SIDE} to {MAX_SIDE} a side)")
    return size


def load_scene(path: Path, text: str | None = None, display: str | None = None, image_root: Path | None = None) -> Scene:
    """Read and validate the shot list at ``path`` (or ``text`` that came from it).

    ``display`` is the file name used in messages (default: ``path``).
    A shot's ``image`` must lie inside ``image_root`` (default: the scene's folder).
    """
    name = display or str(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(name, 0, f"cannot read: {getattr(error, 'strerror', None) or error}") from None
    root = _compose(text, name)
    return _SceneReader(name, path.stem, (image_root or path.parent).resolve()).scene(root)


def _compose(text: str, name: str) -> _Value:
    loader = _YAML_LOADER(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.context_mark or error.problem_mark  # where the broken construct opened
        where = f" ({error.context})" if error.context else ""
        raise InputError(name, mark.line + 1 if mark else 0, f"not valid YAML/JSON: {error.problem}{where}") from None
    except yaml.YAMLError as error:
        raise InputError(name, 0, f"not valid YAML/JSON: {error}") from None
    if node is None:
        raise InputError(name, 1, "the file is empty")
    return _Value(node, loader)


class _SceneReader(_Reader):
    """Reads one shot list."""

    def __init__(self, path: str, stem: str, image_root: Path) -> None:
        super().__init__(path)
        self.stem = stem
        self.image_root = image_root

    def scene(self, root: _Value) -> Scene:
        fields = self.mapping(root, "the shot list", TOP_KEYS)
        if "shots" not in fields:
            raise self.fail(root, "the shot list has no 'shots'")
        width, height = self.resolution(fields.get("resolution"))
        shots = self.shots(fields["shots"])
        listed = self.characters(fields["characters"]) if "characters" in fields else {}
        music = self.music(fields["music"], shots) if "music" in fields else Music()
        return Scene(
            title=self.text(fields["title"], "title") if "title" in fields else self.stem,
            source=self.path,
            width=width,
            height=height,
            fps=self.whole(fields["fps"], "fps", 1, MAX_FPS) if "fps" in fields else DEFAULT_FPS,
            shots=shots,
            characters=_voices_for(shots, listed),
            music=music,
            captions=self.flag(fields["captions"], "captions") if "captions" in fields else False,
            ambience=self.choice(fields["ambience"], "ambience", AMBIENCES) if "ambience" in fields else None,
        )

    def resolution(self, value: _Value | None) -> tuple[int, int]:
        if value is None:
            return RESOLUTIONS[DEFAULT_RESOLUTION]
        try:
            return check_resolution(self.text(value, "resolution"))
        except ValueError as error:
            raise self.fail(value, str(error)) from None

    def characters(self, value: _Value) -> dict[str, Character]:
        from storyboard.sound.voices import known_voice

        out = {}
        characters = value.mapping()
        if characters is None:
            raise self.fail(value, "characters must be a mapping of names to voices")
        for name, spec in characters.items():
            fields = self.mapping(spec, f"character '{name}'", CHARACTER_KEYS)
            voice = self.text(fields["voice"], "voice") if "voice" in fields else AUTO_VOICE
            if voice not in ("male", "female") and not known_voice(voice):
                raise self.fail(fields["voice"], f"voice '{voice}' is not male, female or a voice of the speech engine")
            rate = self.whole(fields["rate"], "rate", MIN_RATE, MAX_RATE) if "rate" in fields else None
            out[name] = Character(
                name=name,
                voice=voice,
                rate=rate,
                effect=self.choice(fields["effect"], "effect", EFFECTS) if "effect" in fields else "none",
                look=self.text(fields["look"], f"{name}'s look") if "look" in fields else None,
                pitch=self.whole(fields["pitch"], "pitch", MIN_PITCH, MAX_PITCH) if "pitch" in fields else None,
            )
        return out

    def music(self, value: _Value, shots: tuple[Shot, ...]) -> Music:
        fields = self.mapping(value, "music", MUSIC_KEYS)
        style = self.choice(fields["style"], "music style", MUSIC_STYLES) if "style" in fields else Music().style
        stop = Music().stop
        if "stop" in fields:
            stop = self.text(fields["stop"], "music stop")
            self._check_stop(fields["stop"], stop, {shot.id for shot in shots})
        level = self.number(fields["level"], "music level", MIN_LEVEL, MAX_LEVEL) if "level" in fields else 0.0
        return Music(style=style, stop=stop, level=level)

    def _check_stop(self, value: _Value, stop: str, shot_ids: set[str]) -> None:
        if stop in ("final-line", "end"):
            return
        if stop.startswith("shot:"):
            if stop[5:] not in shot_ids:
                raise self.fail(value, f"music stop names shot '{stop[5:]}', which is not in the shot list")
            return
        try:
            seconds = float(stop)
        except ValueError:
            raise self.fail(value, f"music stop '{stop}' is not final-line, end, shot:<id> or a number of seconds") from None
        if not 0 <= seconds <= MAX_SHOT_SECONDS * 100:
            raise self.fail(value, f"music stop {stop} is out of range")

    def shots(self, value: _Value) -> tuple[Shot, ...]:
        items = self.sequence(value, "shots")
        if not items:
            raise self.fail(value, "shots is empty: a film needs at least one shot")
        shots = tuple(self.shot(item, index) for index, item in enumerate(items, start=1))
        for index, shot in enumerate(shots):
            for position, line in enumerate(shot.lines):
                if line.prelap and (position or not index):
                    where = "the film's first shot" if position == 0 else f"line {position + 1} of shot '{shot.id}'"
                    raise self.fail(line.source_line, f"prelap is for a shot's first line, and {where} has no cut before it")
        seen: dict[str, int] = {}
        for shot in shots:
            if shot.id in seen:
                raise self.fail(shot.source_line, f"shot id '{shot.id}' is used twice (first on line {seen[shot.id]})")
            seen[shot.id] = shot.source_line
        return shots

    def shot(self, value: _Value, index: int) -> Shot:
        fields = self.mapping(value, f"shot {index}", SHOT_KEYS)
        shot_id = f"shot-{index}"
        if "id" in fields:
            shot_id = self.text(fields["id"], "shot id")
            if not SHOT_ID.match(shot_id):
                raise self.fail(fields["id"], f"shot id '{shot_id}' may hold only letters, digits, '-', '_' and '.'")
        optional: dict[str, Callable[[_Value], Any]] = {
            "description": lambda v: self.text(v, "description"),
            "framing": lambda v: self.choice(v, "framing", FRAMINGS),
            "cut": lambda v: self.choice(v, "cut", CUTS),
            "duration": lambda v: self.number(v, "duration", MIN_SHOT_SECONDS, MAX_SHOT_SECONDS),
            "image": self.image,
            "notes": lambda v: self.text(v, "notes"),
            "tail": lambda v: self.number(v, "tail", 0.0, MAX_PAUSE),
            "sfx": lambda v: tuple(self.sound_effect(item) for item in self.sequence(v, "sfx")),
            "signs": lambda v: tuple(self.sign(item) for item in self.sequence(v, "signs")),
            "lines": lambda v: tuple(self.line(item) for item in self.sequence(v, "lines")),
        }
        values = {key: read(fields[key]) for key, read in optional.items() if key in fields}
        shot = Shot(id=shot_id, source_line=value.line, **values)
        for effect in shot.sfx:
            if shot.duration is not None and effect.at >= shot.duration:
                raise self.fail(effect.source_line, f"sound effect at {effect.at:g} s is not inside shot "
                                                    f"'{shot_id}', which lasts {shot.duration:g} s")
        return shot

    def image(self, value: _Value) -> str:
        """The absolute path of a shot's picture: relative to the scene, inside the image root, a file."""
        written = self.text(value, "image")
        relative = Path(written)
        if relative.is_absolute() or ".." in relative.parts:
            raise self.fail(value, f"image '{written}' must be a path relative to the scene's folder, without '..'")
        path = (self.image_root / relative).resolve()
        if not path.is_relative_to(self.image_root):
            raise self.fail(value, f"image '{written}' leads outside the scene's folder ({self.image_root})")
        try:
            info = path.stat()
        except OSError as error:
            raise self.fail(value, f"image '{written}' cannot be read: {error.strerror}") from None
        if not path.is_file():
            raise self.fail(value, f"image '{written}' is not a file")
        if info.st_size > MAX_IMAGE_BYTES:
            raise self.fail(value, f"image '{written}' is {info.st_size / 2**20:.0f} MB; the largest is "
                                   f"{MAX_IMAGE_BYTES // 2**20} MB")
        from storyboard.picture.director import check_image  # decodes it: Pillow only for scenes with images

        problem = check_image(path)
        if problem:
            raise self.fail(value, f"image '{written}' {problem}")
        return str(path)

    def sound_effect(self, value: _Value) -> SoundEffect:
        """``door-slam`` (at the shot's start) or ``{sound: door-slam, at: 1.2}``."""
        if value.mapping() is None:
            return SoundEffect(self.choice(value, "sound effect", SOUND_EFFECTS), 0.0, value.line)
        fields = self.mapping(value, "sound effect", SFX_KEYS)
        if "sound" not in fields:
            raise self.fail(value, "sound effect has no 'sound'")
        at = self.number(fields["at"], "sound effect time", 0.0, MAX_SHOT_SECONDS) if "at" in fields else 0.0
        return SoundEffect(self.choice(fields["sound"], "sound effect", SOUND_EFFECTS), at, value.line)

    def sign(self, value: _Value) -> Sign:
        if value.mapping() is None:
            return Sign(text=self.text(value, "sign text"))
        fields = self.mapping(value, "sign", SIGN_KEYS)
        if "text" not in fields:
            raise self.fail(value, "sign has no 'text'")
        return Sign(
            text=self.text(fields["text"], "sign text"),
            style=self.choice(fields["style"], "sign style", SIGN_STYLES) if "style" in fields else "auto",
            icon=self.choice(fields["icon"], "sign icon", ICONS) if "icon" in fields else None,
            color=self.color(fields["color"]) if "color" in fields else None,
        )

    def color(self, value: _Value) -> str:
        """A sign colour as ``#rrggbb``: a name from SIGN_COLORS, ``#rgb`` or ``#rrggbb``."""
        text = self.text(value, "sign color")
        if HEX_COLOR.match(text):
            digits = text[1:].lower()
            return "#" + (digits if len(digits) == 6 else "".join(d * 2 for d in digits))
        if text.lower() in SIGN_COLORS:
            return SIGN_COLORS[text.lower()]
        hint = difflib.get_close_matches(text.lower(), SIGN_COLORS, n=1)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
        raise self.fail(value, f"sign color '{text}' is not #RRGGBB or one of {', '.join(SIGN_COLORS)}{suggestion}")

    def line(self, value: _Value) -> Line:
        fields = value.mapping()
        if fields is None:
            raise self.fail(value, "a line must be 'Name: text' or {who: Name, say: text}")
        if set(fields) & {"who", "say"}:  # the long form; a speaker may be called "off"
            fields = self.mapping(value, "line", LINE_KEYS)
            for key in ("who", "say"):
                if key not in fields:
                    raise self.fail(value, f"line has no '{key}'")
            return Line(
                who=self.text(fields["who"], "speaker"),
                say=self.text(fields["say"], "line"),
                source_line=value.line,
                pause=self.number(fields["pause"], "pause", -MAX_PAUSE, MAX_PAUSE) if "pause" in fields else None,
                off=self.flag(fields["off"], "off") if "off" in fields else False,
                prelap=self.number(fields["prelap"], "prelap", 0.0, MAX_PAUSE) if "prelap" in fields else 0.0,
            )
        if len(fields) != 1:
            raise self.fail(value, "a short-form line has exactly one 'Name: text' pair")
        (who, said), = fields.items()
        if not who.strip():
            raise self.fail(value, "speaker is empty")
        return Line(who=who.strip(), say=self.text(said, f"{who}'s line"), source_line=value.line)


def _voices_for(shots: tuple[Shot, ...], listed: dict[str, Character]) -> dict[str, Character]:
    """Every speaker's character: the listed ones, and a voice of its own for the rest."""
    from storyboard.sound.voices import assign_voices

    speakers = list(dict.fromkeys(line.who for shot in shots for line in shot.lines))
    return assign_voices(speakers, listed, [shot.description for shot in shots])
