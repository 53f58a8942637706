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
MUSIC_STYLES: tuple[str, ...] = ("tense-drone",)
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
    rate: int = 165
    effect: str = "none"


class Sign(NamedTuple):
    """Text that is part of the picture: a plaque, a screen, a placard...

    ``style`` picks the drawing (see :mod:`storyboard.picture.signs`); ``auto``
    lets the picture guess it from the shot's description. ``icon`` is an
    optional pictogram drawn with the text (``padlock``...).
    """

    text: str
    style: str = "auto"
    icon: str | None = None


class Line(NamedTuple):
    """One line of dialogue, spoken by ``who``."""

    who: str
    say: str
    source_line: int = 0


class Shot(NamedTuple):
    """One block of frames between two hard cuts.

    ``duration`` is ``None`` when the shot should fit its lines.
    ``source_line`` is where the shot starts in the shot-list file, for
    messages.
    """

    id: str
    description: str = ""
    framing: str = "wide"
    cut: str = "hard"
    duration: float | None = None
    signs: tuple[Sign, ...] = ()
    lines: tuple[Line, ...] = ()
    source_line: int = 0


class Music(NamedTuple):
    """The generated score: its ``style`` and where it ``stop``\\ s.

    ``stop`` is ``final-line``, ``end``, ``shot:<id>`` or a number of seconds
    (kept as text so the timeline resolves it).
    """

    style: str = "tense-drone"
    stop: str = "final-line"


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

    def character(self, name: str) -> Character:
        """The character called ``name`` (the loader lists every speaker)."""
        return self.characters[name]

    @property
    def lines(self) -> tuple[Line, ...]:
        """Every line in the order it is spoken."""
        return tuple(line for shot in self.shots for line in shot.lines)
