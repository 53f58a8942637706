"""The imported shot list before it is written: a scene with a note on every guess."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DraftSign:
    """Text seen in the picture, with the style and icon guessed from the prose around it."""

    text: str
    style: str = "sign"
    icon: str | None = None


@dataclass
class DraftLine:
    """One line of dialogue; ``note`` becomes a YAML comment (a guess, a parenthetical)."""

    who: str
    say: str
    note: str = ""
    off: bool = False
    pause: float | None = None  # seconds of silence before the line
    prelap: float = 0.0  # seconds the line starts before its shot's cut


@dataclass
class DraftSfx:
    """A sound effect named by the prose, at a guessed time in its shot."""

    sound: str
    at: float = 0.0


@dataclass
class DraftShot:
    """One shot; ``notes`` maps a key (``framing``, ``cut``...) to the comment written beside it."""

    description: str = ""
    framing: str = "medium"
    cut: str = "hard"
    duration: float | None = None
    tail: float | None = None  # seconds held after the shot's last line
    id: str = ""
    signs: list[DraftSign] = field(default_factory=list)
    lines: list[DraftLine] = field(default_factory=list)
    sfx: list[DraftSfx] = field(default_factory=list)
    camera: list[str] = field(default_factory=list)  # camera moves and source notes: the shot's ``notes``
    notes: dict[str, str] = field(default_factory=dict)
    line: int = 0  # where the shot starts in the source

    def is_empty(self) -> bool:
        """True when the shot holds nothing a render could show or say."""
        return not (self.description or self.signs or self.lines)


@dataclass
class DraftMusic:
    """The music cue; ``note`` says what was guessed."""

    style: str = "tense-drone"
    stop: str = "final-line"
    level: float | None = None  # dB added to the style's standard level
    note: str = ""


@dataclass
class Settings:
    """Scene-wide settings read from the prose; ``None`` means "not mentioned, keep the default"."""

    resolution: str | None = None
    resolution_note: str = ""
    fps: int | None = None
    captions: bool | None = None
    music: DraftMusic | None = None
    ambience: str | None = None

    def merge(self, other: Settings) -> None:
        """Take every setting ``other`` mentions (the first mention of ambience, later mentions of the rest)."""
        for name in ("resolution", "fps", "captions", "music"):
            if getattr(other, name) is not None:
                setattr(self, name, getattr(other, name))
        if other.resolution is not None:
            self.resolution_note = other.resolution_note
        self.ambience = self.ambience or other.ambience


@dataclass
class DraftCharacter:
    """A speaker's voice, effect and look, with where each guess came from."""

    name: str
    voice: str | None = None
    effect: str | None = None
    look: str | None = None
    how: str = ""


@dataclass
class DraftScene:
    """A whole imported scene."""

    title: str
    settings: Settings = field(default_factory=Settings)
    shots: list[DraftShot] = field(default_factory=list)
    characters: dict[str, DraftCharacter] = field(default_factory=dict)

    def number_shots(self) -> None:
        """Drop empty shots and give the others ids ``shot-1``, ``shot-2``..."""
        self.shots = [shot for shot in self.shots if not shot.is_empty()]
        for index, shot in enumerate(self.shots, 1):
            shot.id = shot.id or f"shot-{index}"
