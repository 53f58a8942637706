"""Source text -> :class:`~storyboard.model.Scene`: parse, validate, fill defaults.

YAML and JSON are read through the same YAML composer so that every value
keeps the line it came from; each problem is raised as
:class:`~storyboard.errors.InputError` naming the file and that line.
"""

from __future__ import annotations

import difflib
import math
import numbers
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from storyboard.errors import InputError
from storyboard.people import AUTO_VOICE
from storyboard.sources import read_source
from storyboard.timeline import SILENT_SHOT
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
MAX_MACROBLOCKS = 139_264  # H.264 level 6.2's largest frame (MaxFS): 7680x4320 fits, 7680x7680 does not
MIN_SIDE = 16
MAX_FPS = 120
MAX_SHOT_SECONDS = 600.0
MAX_FILM_SECONDS = 14_400.0  # the whole film, 4 hours: a feature animatic with room to spare
MIN_SHOT_SECONDS = 0.1
MIN_RATE, MAX_RATE = 60, 450
MIN_PITCH, MAX_PITCH = 50, 500  # Hz
MIN_LEVEL, MAX_LEVEL = -60.0, 12.0  # dB, the music's level
MAX_PAUSE = 10.0  # seconds, either way: a line's pause, prelap, a shot's tail
MAX_IMAGE_BYTES = 50 * 1024 * 1024
MAX_TEXT = 1000  # characters in any one text value but prose
MAX_PROSE = 10_000  # characters in a description or notes: a paragraph of action, a page of notes
SHOWN_CHARS = 60  # of a value quoted in a message
HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and newline are spaces in text
SHOT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_YAML_TAG = "tag:yaml.org,2002:"
_MERGE_TAG = _YAML_TAG + "merge"
_SCALARS = yaml.constructor.SafeConstructor()
_TYPED = {"int": _SCALARS.construct_yaml_int, "float": _SCALARS.construct_yaml_float,
          "bool": _SCALARS.construct_yaml_bool}

TOP_KEYS = ("title", "resolution", "fps", "captions", "characters", "music", "ambience", "shots")
CHARACTER_KEYS = ("voice", "rate", "effect", "look", "pitch")
MUSIC_KEYS = ("style", "stop", "level")
SHOT_KEYS = ("id", "duration", "framing", "cut", "description", "image", "notes", "tail", "sfx", "signs", "lines")
SIGN_KEYS = ("text", "style", "icon", "color")
LINE_KEYS = ("who", "say", "pause", "off", "prelap")
SFX_KEYS = ("sound", "at")


class _Value:
    """A YAML node with where it was written: the line it starts on, and the line of the key that holds it."""

    def __init__(self, node: yaml.Node, key_line: int | None = None) -> None:
        self.node = node
        self.where: int | str = node.start_mark.line + 1
        self.key_where: int | str = self.where if key_line is None else key_line

    @property
    def tag(self) -> str:
        """The node's resolved tag: ``str`` for text, ``int``, ``float``, ``bool``, ``null``, ``map``, ``seq``."""
        return self.node.tag.rpartition(":")[2]

    def mapping(self) -> dict[str, _Value] | None:
        """The mapping's values by key, as written (YAML 1.1 would read `off:`, `yes:`, `on:` as booleans)."""
        if not isinstance(self.node, yaml.MappingNode):
            return None
        return {key.value: _Value(value, key.start_mark.line + 1) for key, value in self.node.value}

    def sequence(self) -> list[_Value] | None:
        if not isinstance(self.node, yaml.SequenceNode):
            return None
        return [_Value(item) for item in self.node.value]

    def typed(self) -> Any:
        """An ``int``, ``float`` or ``bool`` scalar as that type; anything else as None."""
        construct = _TYPED.get(self.tag) if isinstance(self.node, yaml.ScalarNode) else None
        return construct(self.node) if construct else None


class _DataValue(_Value):
    """A value of a shot list built in code (plain dicts and lists), read as the same data in a JSON file is.

    It stands in the node JSON would give (text, a number, true/false, null,
    a mapping or a list; a path object is text); any other object reads as
    null, so it is refused where a value is wanted. Where it is, is its key path.
    """

    def __init__(self, value: Any, where: str) -> None:
        self.where = self.key_where = self._path = where
        self._data = value
        self.node = _data_node(value)

    def mapping(self) -> dict[str, _Value] | None:
        if not isinstance(self._data, Mapping):
            return None
        return {_data_text(key): _DataValue(item, _key_path(self._path, _data_text(key)))
                for key, item in self._data.items()}

    def sequence(self) -> list[_Value] | None:
        if not isinstance(self._data, (list, tuple)):
            return None
        return [_DataValue(item, f"{self._path}[{index}]") for index, item in enumerate(self._data)]


def _data_node(value: Any) -> yaml.Node:
    """The YAML node the same value in a JSON file would give (only its kind, for a mapping or a list)."""
    if isinstance(value, Mapping):
        return yaml.MappingNode(_YAML_TAG + "map", [])
    if isinstance(value, (list, tuple)):
        return yaml.SequenceNode(_YAML_TAG + "seq", [])
    kind = ("str" if isinstance(value, (str, os.PathLike)) else "bool" if isinstance(value, bool)
            else "int" if isinstance(value, numbers.Integral) else "float" if isinstance(value, numbers.Real)
            else "null")
    return yaml.ScalarNode(_YAML_TAG + kind, _data_text(value) if kind != "null" else "null")


def _data_text(value: Any) -> str:
    """A scalar of a dict as a JSON file would write it: ``true``, ``7``, ``0.5``, text as it is."""
    if isinstance(value, (str, os.PathLike)):
        return os.fspath(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    return repr(float(value)) if isinstance(value, numbers.Real) else str(value)


def _key_path(parent: str, key: str) -> str:
    """``parent.key``, or ``parent['key with spaces']`` when the key is not a plain name."""
    if not key.isidentifier():
        return f"{parent}[{key!r}]"
    return f"{parent}.{key}" if parent else key


def _at(where: int | str) -> str:
    """Where a value was written, for a message: ``on line 12`` or ``at shots[0]``."""
    return f"on line {where}" if isinstance(where, int) else f"at {where}"


class _Reader:
    """Validation helpers that know which file they read."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, value: _Value | int | str, message: str) -> InputError:
        return InputError(self.path, value if isinstance(value, (int, str)) else value.where, message)

    def mapping(self, value: _Value, what: str, allowed: tuple[str, ...]) -> dict[str, _Value]:
        fields = value.mapping()
        if fields is None:
            raise self.fail(value, f"{what} must be a mapping of keys to values")
        for key, item in fields.items():
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else f" (known: {', '.join(allowed)})"
                raise self.fail(item.key_where, f"unknown key '{key}' in {what}{suggestion}")
        return fields

    def sequence(self, value: _Value, what: str) -> list[_Value]:
        items = value.sequence()
        if items is None:
            raise self.fail(value, f"{what} must be a list")
        return items

    def text(self, value: _Value, what: str, longest: int = MAX_TEXT) -> str:
        """A scalar as the user wrote it: `007`, `3.10`, `12:30` and `yes` stay text, not numbers or booleans."""
        if not isinstance(value.node, yaml.ScalarNode) or value.tag == "null":
            raise self.fail(value, f"{what} must be text")
        return self.written(value, value.node.value, what, longest)

    def written(self, value: _Value | int | str, text: str, what: str, longest: int = MAX_TEXT) -> str:
        """``text`` stripped, checked to be neither empty, nor longer than ``longest``, nor holding control characters."""
        text = text.strip()
        if not text:
            raise self.fail(value, f"{what} is empty")
        if len(text) > longest:
            raise self.fail(value, f"{what} is {len(text)} characters long; the longest is {longest}")
        control = CONTROL.search(text)
        if control:
            raise self.fail(value, f"{what} holds a control character (U+{ord(control[0]):04X})")
        return text

    def choice(self, value: _Value, what: str, choices: tuple[str, ...]) -> str:
        text = self.text(value, what)
        if text not in choices:
            hint = difflib.get_close_matches(text, choices, n=1)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
            raise self.fail(value, f"{what} '{_shown(text)}' is not one of {', '.join(choices)}{suggestion}")
        return text

    def number(self, value: _Value, what: str, low: float, high: float) -> float:
        raw = value.typed() if value.tag in ("int", "float") else None
        if raw is None or raw != raw or raw in (math.inf, -math.inf):
            raise self.fail(value, f"{what} must be a number")
        if not low <= raw <= high:
            raise self.fail(value, f"{what} {_shown(value.node.value)} is out of range ({low:g} to {high:g})")
        return float(raw)

    def whole(self, value: _Value, what: str, low: int, high: int) -> int:
        if value.tag != "int":
            raise self.fail(value, f"{what} must be a whole number")
        return int(self.number(value, what, low, high))

    def flag(self, value: _Value, what: str) -> bool:
        if value.tag != "bool":
            raise self.fail(value, f"{what} must be true or false")
        return bool(value.typed())


def _shown(text: str) -> str:
    """``text`` short enough to quote in a one-line message."""
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3] + "..."


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
        raise ValueError(f"resolution '{_shown(text)}' is not 720p, 1080p, 4k or WIDTHxHEIGHT")
    width, height = size
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise ValueError(f"resolution {_shown(text)} is out of range ({MIN_SIDE} to {MAX_SIDE} a side)")
    if width % 2 or height % 2:
        raise ValueError(f"resolution {width}x{height} must have even numbers")
    macroblocks = -(-width // 16) * -(-height // 16)
    if macroblocks > MAX_MACROBLOCKS:
        raise ValueError(f"resolution {width}x{height} is larger than H.264 plays ({macroblocks} macroblocks of "
                         f"16x16 pixels; its highest level, 6.2, allows {MAX_MACROBLOCKS})")
    return size


def load_scene(path: Path, text: str | None = None, display: str | None = None, image_root: Path | None = None) -> Scene:
    """Read and validate the shot list at ``path`` (or ``text`` that came from it).

    ``display`` is the file name used in messages (default: ``path``).
    A shot's ``image`` must lie inside ``image_root`` (default: the scene's folder).
    """
    name = display or str(path)
    root = _compose(decode_source(read_source(path, name), name) if text is None else text, name)
    return _SceneReader(name, path.stem, (image_root or path.parent).resolve()).scene(root)


def load_data(data: Mapping[str, Any], name: str = "<dict>", image_root: Path | None = None) -> Scene:
    """Validate a shot list built in code, by the rules a file is read by; errors name ``name`` and a key path.

    Without a ``title`` the scene is called ``untitled``; a shot's ``image``
    is relative to ``image_root`` (default: the current folder).
    """
    return _SceneReader(name, "untitled", (image_root or Path.cwd()).resolve()).scene(_DataValue(data, ""))


def decode_source(data: bytes, name: str) -> str:
    """A source file's bytes as text; InputError naming the line of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(name, line, f"is not UTF-8 text (byte 0x{data[error.start]:02x})") from None


def _compose(text: str, name: str) -> _Value:
    """The YAML/JSON document's root node, checked by :func:`_check_nodes`."""
    loader = _YAML_LOADER(text)
    try:
        node = loader.get_single_node()
    except yaml.reader.ReaderError as error:  # the first character YAML refuses (its position is not a line)
        line = text.count("\n", 0, text.find(chr(error.character))) + 1
        raise InputError(name, line, f"not valid YAML/JSON: {error.reason} (character U+{error.character:04X})") from None
    except yaml.MarkedYAMLError as error:  # the scanner's, parser's and composer's errors all carry a mark
        mark = error.context_mark or error.problem_mark  # where the broken construct opened
        where = f" ({error.context})" if error.context else ""
        raise InputError(name, mark.line + 1, f"not valid YAML/JSON: {error.problem}{where}") from None
    if node is None:
        raise InputError(name, 1, "the file is empty")
    _check_nodes(node, name)
    return _Value(node)


def _check_nodes(root: yaml.Node, name: str) -> None:
    """Refuse what YAML offers beyond plain data: explicit tags, merge keys, keys that are not text, duplicate keys.

    Tags (``!!set``, ``!!binary``, ``!!python/...``, ``!foo``) would build
    objects or reorder text; a merge key or a repeated key would make a value
    the reader cannot see. Each node is visited once, however often an alias
    repeats it, and without recursion (nesting can be deep).
    """
    seen: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        line = node.start_mark.line + 1
        if node.tag != _implicit_tag(node):
            raise InputError(name, line, f"the tag '{node.tag.replace(_YAML_TAG, '!!')}' is not allowed: "
                                         "write plain values")
        if isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key, value in node.value:
                key_line = key.start_mark.line + 1
                if key.tag == _MERGE_TAG:
                    raise InputError(name, key_line, "merge keys ('<<') are not allowed: write the keys out")
                if not isinstance(key, yaml.ScalarNode):
                    raise InputError(name, key_line, "a key must be text, not a list or a mapping")
                if key.value in keys:
                    raise InputError(name, key_line, f"key '{_shown(key.value)}' is given twice "
                                                     f"(first on line {keys[key.value]})")
                keys[key.value] = key_line
                todo.extend((key, value))


def _implicit_tag(node: yaml.Node) -> str:
    """The tag ``node`` would have without an explicit one."""
    if isinstance(node, yaml.MappingNode):
        return yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
    if isinstance(node, yaml.SequenceNode):
        return yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG
    if node.style:  # quoted or a block scalar: text
        return yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
    return _YAML_LOADER.resolve(_YAML_LOADER, yaml.ScalarNode, node.value, (True, False))


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
        characters = _voices_for(shots, listed)
        self.check_length(shots, characters)
        return Scene(
            title=self.text(fields["title"], "title") if "title" in fields else self.stem,
            source=self.path,
            width=width,
            height=height,
            fps=self.whole(fields["fps"], "fps", 1, MAX_FPS) if "fps" in fields else DEFAULT_FPS,
            shots=shots,
            characters=characters,
            music=music,
            captions=self.flag(fields["captions"], "captions") if "captions" in fields else False,
            ambience=self.choice(fields["ambience"], "ambience", AMBIENCES) if "ambience" in fields else None,
        )

    def check_length(self, shots: tuple[Shot, ...], characters: dict[str, Character]) -> None:
        """Refuse a film longer than MAX_FILM_SECONDS, its lines timed by word count and their speaker's rate.

        The spoken length is only an estimate before the lines are spoken,
        close enough to keep a render's memory and time bounded.
        """
        total = 0.0
        for shot in shots:
            spoken = sum(len(line.say.split()) * 60 / characters[line.who].rate for line in shot.lines)
            total += max(shot.duration or (0.0 if shot.lines else SILENT_SHOT), spoken)
            if total > MAX_FILM_SECONDS:
                raise self.fail(shot.source_line, f"the film would last more than {MAX_FILM_SECONDS / 60:g} minutes "
                                                  f"by shot '{shot.id}'; the longest is {MAX_FILM_SECONDS / 60:g}")

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
            if not known_voice(voice):  # male, female, auto or an engine id
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
            raise self.fail(value, f"music stop '{_shown(stop)}' is not final-line, end, shot:<id> or a number of "
                                   "seconds") from None
        if not 0 <= seconds <= MAX_FILM_SECONDS:
            raise self.fail(value, f"music stop {_shown(stop)} is out of range (0 to {MAX_FILM_SECONDS:g})")

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
        seen: dict[str, int | str] = {}
        for shot in shots:
            if shot.id in seen:
                raise self.fail(shot.source_line, f"shot id '{shot.id}' is used twice (first {_at(seen[shot.id])})")
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
            "description": lambda v: self.text(v, "description", MAX_PROSE),
            "framing": lambda v: self.choice(v, "framing", FRAMINGS),
            "cut": lambda v: self.choice(v, "cut", CUTS),
            "duration": lambda v: self.number(v, "duration", MIN_SHOT_SECONDS, MAX_SHOT_SECONDS),
            "image": self.image,
            "notes": lambda v: self.text(v, "notes", MAX_PROSE),
            "tail": lambda v: self.number(v, "tail", 0.0, MAX_PAUSE),
            "sfx": lambda v: tuple(self.sound_effect(item) for item in self.sequence(v, "sfx")),
            "signs": lambda v: tuple(self.sign(item) for item in self.sequence(v, "signs")),
            "lines": lambda v: tuple(self.line(item) for item in self.sequence(v, "lines")),
        }
        values = {key: read(fields[key]) for key, read in optional.items() if key in fields}
        shot = Shot(id=shot_id, source_line=value.where, **values)
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
            return SoundEffect(self.choice(value, "sound effect", SOUND_EFFECTS), 0.0, value.where)
        fields = self.mapping(value, "sound effect", SFX_KEYS)
        if "sound" not in fields:
            raise self.fail(value, "sound effect has no 'sound'")
        at = self.number(fields["at"], "sound effect time", 0.0, MAX_SHOT_SECONDS) if "at" in fields else 0.0
        return SoundEffect(self.choice(fields["sound"], "sound effect", SOUND_EFFECTS), at, value.where)

    def sign(self, value: _Value) -> Sign:
        if value.mapping() is None:
            return Sign(text=self.sign_text(value))
        fields = self.mapping(value, "sign", SIGN_KEYS)
        if "text" not in fields:
            raise self.fail(value, "sign has no 'text'")
        return Sign(
            text=self.sign_text(fields["text"]),
            style=self.choice(fields["style"], "sign style", SIGN_STYLES) if "style" in fields else "auto",
            icon=self.choice(fields["icon"], "sign icon", ICONS) if "icon" in fields else None,
            color=self.color(fields["color"]) if "color" in fields else None,
        )

    def sign_text(self, value: _Value) -> str:
        """A sign's text: something to draw (a letter, digit, punctuation or symbol), not only invisible characters."""
        text = self.text(value, "sign text")
        if not any(unicodedata.category(char)[0] in "LNPS" for char in text):
            raise self.fail(value, "sign text has nothing to draw: only spaces and invisible characters")
        return text

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
                say=self.speech(fields["say"], "line"),
                source_line=value.where,
                pause=self.number(fields["pause"], "pause", -MAX_PAUSE, MAX_PAUSE) if "pause" in fields else None,
                off=self.flag(fields["off"], "off") if "off" in fields else False,
                prelap=self.number(fields["prelap"], "prelap", 0.0, MAX_PAUSE) if "prelap" in fields else 0.0,
            )
        if len(fields) != 1:
            raise self.fail(value, "a short-form line has exactly one 'Name: text' pair")
        (who, said), = fields.items()
        who = self.written(said.key_where, "" if who == "~" else who, "speaker")
        return Line(who=who, say=self.speech(said, f"{who}'s line"), source_line=value.where)

    def speech(self, value: _Value, what: str) -> str:
        """A line's text: something the voice can say (a letter, a digit or a symbol), not only punctuation."""
        text = self.text(value, what)
        if not any(unicodedata.category(char)[0] in "LNS" for char in text):
            raise self.fail(value, f"{what} '{_shown(text)}' has nothing to speak, only punctuation: write the "
                                   "words, or give the shot a duration for a silence")
        return text


def _voices_for(shots: tuple[Shot, ...], listed: dict[str, Character]) -> dict[str, Character]:
    """Every speaker's character: the listed ones, and a voice of its own for the rest."""
    from storyboard.sound.voices import assign_voices

    speakers = list(dict.fromkeys(line.who for shot in shots for line in shot.lines))
    return assign_voices(speakers, listed, [shot.description for shot in shots])
