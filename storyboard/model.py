"""The shot list: the vocabulary every later stage of the pipeline speaks.

A :class:`Scene` is what a director wrote, validated and with defaults filled
in. It holds no timing (see :mod:`storyboard.timeline`) and no pixels or
samples; every stage after loading reads it and never writes it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, NamedTuple

Framing = Literal["wide", "medium", "close-up", "insert"]
Cut = Literal["hard", "jump"]
Effect = Literal["none", "robot", "radio"]

FRAMINGS: tuple[str, ...] = ("wide", "medium", "close-up", "insert")
CUTS: tuple[str, ...] = ("hard", "jump")
EFFECTS: tuple[str, ...] = ("none", "robot", "radio")
MUSIC_STYLES: tuple[str, ...] = ("tense-drone", "pulse", "warm-pad", "ambient")
AMBIENCES: tuple[str, ...] = ("room-tone", "street", "rain", "crowd")
SOUND_EFFECTS: tuple[str, ...] = ("door-slam", "footsteps", "phone-buzz", "glass", "impact", "whoosh")
# Sign colours by name (or #RRGGBB / #RGB): the names a director would write.
SIGN_COLORS: dict[str, str] = {
    "red": "#d62828", "orange": "#f77f00", "amber": "#ffb000", "yellow": "#fcd200", "gold": "#d4af37",
    "green": "#2a9d3f", "lime": "#9be22d", "teal": "#139a94", "cyan": "#1fd1e6", "blue": "#1f5fd6",
    "navy": "#1b2a5c", "purple": "#7b2cbf", "magenta": "#d61f9a", "pink": "#ff6fae", "brown": "#7a4a24",
    "white": "#ffffff", "silver": "#c0c4c8", "gray": "#808080", "grey": "#808080", "black": "#111111",
}
SIGN_STYLES: tuple[str, ...] = ("auto", "plaque", "hologram", "placard", "neon", "screen", "name-tag", "sign")
ICONS: tuple[str, ...] = ("padlock", "warning", "check", "cross", "lightning")
RESOLUTIONS: dict[str, tuple[int, int]] = {
    "720p": (1280, 720),
    "1080p": (1920, 1080),
    "4k": (3840, 2160),
}


class Character(NamedTuple):
    """How one speaker sounds.

    ``voice`` is ``male``, ``female`` or a speech-engine voice id (such as
    ``en-gb`` or ``en-us+f4``); ``rate`` is words per minute; ``effect`` is
    applied after synthesis.
    """

    name: str
    voice: str = "male"
    rate: int | None = None  # words per minute; None until the loader gives 165 (140 for an old voice)
    effect: str = "none"
    look: str | None = None  # "woman, 30s, short dark hair, red jacket": how the panels draw them
    pitch: int | None = None  # Hz; None: the voice's own, spread so characters differ


class Sign(NamedTuple):
    """Text that is part of the picture: a plaque, a screen, a placard...

    ``style`` picks the drawing (see :mod:`storyboard.picture.signs`); ``auto``
    lets the picture guess it from the shot's description. ``icon`` is an
    optional pictogram drawn with the text (``padlock``...).
    """

    text: str
    style: str = "auto"
    icon: str | None = None
    color: str | None = None  # "#rrggbb" (a name in the shot list is resolved by the loader)


class Line(NamedTuple):
    """One line of dialogue, spoken by ``who``.

    ``pause`` is the silence before the line in seconds (None: the default
    breath; negative overlaps the previous line); ``off`` marks a voice heard
    but not drawn (off-screen, voice-over); ``prelap`` starts the shot's first
    line that many seconds before the shot's cut.
    """

    who: str
    say: str
    source_line: int | str = 0  # where it was written: a line of the file, or a key path in a dict
    pause: float | None = None
    off: bool = False
    prelap: float = 0.0


class SoundEffect(NamedTuple):
    """A generated sound effect ``at`` seconds into its shot."""

    sound: str
    at: float = 0.0
    source_line: int | str = 0  # where it was written: a line of the file, or a key path in a dict


class Shot(NamedTuple):
    """One block of frames between two hard cuts.

    ``duration`` is ``None`` when the shot should fit its lines.
    ``source_line`` is where the shot starts in the shot-list file (or its
    key path in a shot list given as a dict), for messages.
    """

    id: str
    description: str = ""
    framing: str = "wide"
    cut: str = "hard"
    duration: float | None = None
    signs: tuple[Sign, ...] = ()
    lines: tuple[Line, ...] = ()
    source_line: int | str = 0  # where it was written: a line of the file, or a key path in a dict
    image: str | None = None  # the director's own picture: an absolute path the loader checked
    notes: str | None = None  # for boards and exports, never drawn on the film
    tail: float | None = None  # seconds after the last line; None: the default
    sfx: tuple[SoundEffect, ...] = ()


class Music(NamedTuple):
    """The generated score: its ``style`` and where it ``stop``\\ s.

    ``stop`` is ``final-line``, ``end``, ``shot:<id>`` or a number of seconds
    (kept as text so the timeline resolves it).
    """

    style: str = "tense-drone"
    stop: str = "final-line"
    level: float = 0.0  # dB added to the style's standard level


class Scene(NamedTuple):
    """A validated shot list with every default filled in."""

    title: str
    source: str
    width: int
    height: int
    fps: int
    shots: tuple[Shot, ...]
    characters: Mapping[str, Character] = MappingProxyType({})  # every speaker
    music: Music = Music()
    captions: bool = False
    ambience: str | None = None  # one of AMBIENCES, under everything; None: none

    def character(self, name: str) -> Character:
        """The character called ``name`` (the loader lists every speaker)."""
        return self.characters[name]

    @property
    def lines(self) -> tuple[Line, ...]:
        """Every line in the order it is spoken."""
        return tuple(line for shot in self.shots for line in shot.lines)
