"""Fountain screenplays -> shot lists, parsed with ``screenplay-tools``.

Scene headings and shot lines (``CLOSE ON``, ``ANGLE ON``, ``WIDE SHOT``...)
start shots; action is the description (signs read from it as in prompts);
character cues and dialogue are lines, a parenthetical becoming the line's
YAML comment; a transition (``CUT TO:``, ``JUMP CUT TO:``, ``> ...``) is how the
next shot is entered.
"""

from __future__ import annotations

import re

from screenplay_tools.fountain.parser import Parser
from screenplay_tools.screenplay import Element, ElementType, Script

from storyboard.importers.draft import DraftLine, DraftScene, DraftShot
from storyboard.importers.emit import scene_yaml
from storyboard.importers.errors import SourceError
from storyboard.importers.prose import (
    framing_of,
    is_setting_sentence,
    name_case,
    read_quotes,
    sentences,
    settings_of,
    squeeze,
    strip_settings,
)

# A line of action (in capitals) that names a new shot: "CLOSE ON THE SIGN", "WIDE SHOT - THE CROWD".
SHOT_LINE_RE = re.compile(
    r"^(?:EXTREME\s+)?(?:CLOSE[\s-]?(?:ON|UP|SHOT)|CLOSEUP|ANGLE\s+ON|WIDE(?:\s+SHOT|\s+ON)?|MEDIUM\s+SHOT|"
    r"INSERT|POV|ESTABLISHING(?:\s+SHOT)?|AERIAL(?:\s+SHOT)?|TWO[\s-]SHOT|OVER\s+THE\s+SHOULDER|"
    r"BACK\s+TO\s+SCENE|ECU|ON\s+[A-Z])\b[^a-z]*$"
)
# The placeholders the parser leaves for notes ([[0]]) and boneyards (/*0*/).
PLACEHOLDER_RE = re.compile(r"\[\[\d+\]\]|/\*\d+\*/")
# Formatting marks around a title page entry: *bold*, _underline_.
EMPHASIS_RE = re.compile(r"[*_]+")


def fountain_to_yaml(text: str, title: str, source: str = "<screenplay>") -> str:
    """The shot-list YAML (with comments on every guess) for the Fountain screenplay ``text``.

    ``title`` is used unless the title page has a ``Title:``. Raises
    :class:`SourceError` (naming ``source`` and the line) when the parser fails
    or the screenplay holds no shot.
    """
    return scene_yaml(read_fountain(text, title, source), "a Fountain screenplay")


def read_fountain(text: str, title: str, source: str = "<screenplay>") -> DraftScene:
    """The draft scene of a screenplay."""
    script = parse(text, source)
    scene = DraftScene(_title(script) or title)
    _Builder(scene).add(script.elements)
    scene.number_shots()
    if not scene.shots:
        raise SourceError(source, 1, "no shot found: the screenplay has no scene heading, action or dialogue")
    return scene


def parse(text: str, source: str) -> Script:
    """``text`` parsed line by line, so that a failure names its line."""
    parser = Parser()
    number = 0
    try:
        for number, line in enumerate(text.splitlines(), 1):
            parser.add_line(line)
        parser.finalize()
    except Exception as error:  # the parser raises anything from IndexError to AttributeError
        raise SourceError(source, number, f"cannot parse the screenplay: {error!r}") from None
    return parser.script


def _title(script: Script) -> str:
    """The ``Title:`` of the title page, on one line and without emphasis marks."""
    entry = next((entry for entry in script.titleEntries if entry.key.lower() == "title"), None)
    return squeeze(EMPHASIS_RE.sub("", entry.text)) if entry else ""


class _Builder:
    """Walks the screenplay's elements and grows the scene's shots."""

    def __init__(self, scene: DraftScene) -> None:
        self.scene = scene
        self.prose: list[list[str]] = []  # per shot: its heading/shot line and action
        self.cut, self.cut_note = "hard", ""
        self.speaker, self.how = "", ""

    def add(self, elements: list[Element]) -> None:
        """Read every element, then finish each shot's description, signs and framing."""
        for element in elements:
            self._element(element)
        for shot, prose in zip(self.scene.shots, self.prose):
            self._finish(shot, prose)

    def _element(self, element: Element) -> None:
        kind, text = element.type, PLACEHOLDER_RE.sub("", element.text_raw)
        if kind == ElementType.HEADING:
            self._new_shot(text, scene_start=True)
        elif kind == ElementType.ACTION:
            for line in text.splitlines():
                self._action(line.strip())
        elif kind == ElementType.CHARACTER:
            self._character(element)
        elif kind == ElementType.PARENTHETICAL:
            self.how = text.strip()
        elif kind == ElementType.DIALOGUE:
            self._dialogue(text)
        elif kind == ElementType.TRANSITION:
            self._transition(text)

    def _new_shot(self, heading: str, scene_start: bool) -> None:
        if not scene_start and self._only_heading():  # "WIDE SHOT" right under a scene heading
            self.prose[-1].append(heading)
            return
        shot = DraftShot(cut=self.cut if self.scene.shots else "hard")
        if self.cut_note and self.scene.shots:
            shot.notes["cut"] = self.cut_note
        shot.notes["start"] = "scene" if scene_start else "shot"
        self.scene.shots.append(shot)
        self.prose.append([heading])
        self.cut, self.cut_note = "hard", ""

    def _only_heading(self) -> bool:
        """True when the last shot holds only its scene heading so far."""
        return bool(self.scene.shots) and len(self.prose[-1]) == 1 and not self.scene.shots[-1].lines

    def _current(self) -> DraftShot:
        if not self.scene.shots:
            self._new_shot("", scene_start=True)
        return self.scene.shots[-1]

    def _action(self, line: str) -> None:
        if SHOT_LINE_RE.match(line):
            self._new_shot(line, scene_start=False)
        elif line:
            self._current()
            self.prose[-1].append(line)

    def _character(self, element: Element) -> None:
        name = element.name.strip()
        if SHOT_LINE_RE.match(name):  # "CLOSE ON THE DOOR" read as a cue: a shot line after all
            self._new_shot(name, scene_start=False)
            self.speaker = ""
        else:
            self.speaker = " ".join(name_case(word) for word in name.split())
        self.how = ""

    def _dialogue(self, text: str) -> None:
        said = squeeze(text)
        if not self.speaker:  # the "dialogue" of a misread shot line is action
            self._action(said)
        elif said:
            self._current().lines.append(DraftLine(self.speaker, said, f"({self.how})" if self.how else ""))
        self.how = ""

    def _transition(self, text: str) -> None:
        upper = text.upper()
        self.cut = "jump" if "JUMP" in upper else "hard"
        self.cut_note = "" if "CUT" in upper else f"guessed: '{text.strip()}' becomes a hard cut"

    def _finish(self, shot: DraftShot, prose: list[str]) -> None:
        """Description, signs, framing and scene settings from a shot's heading and action."""
        text = " ".join(part if part.endswith((".", "!", "?", ":")) else part + "." for part in prose if part)
        kept = " ".join(strip_settings(sentence) for sentence in sentences(text)
                        if not is_setting_sentence(sentence))
        self.scene.settings.merge(settings_of(text))
        signs, lines, shot.description = read_quotes(kept)
        shot.signs += signs
        shot.lines[:0] = lines
        start = shot.notes.pop("start")
        framing = framing_of(shot.description)
        if framing:
            shot.framing = framing
        else:
            shot.framing = "wide" if start == "scene" else "medium"
            shot.notes["framing"] = "guessed: no framing word" + ("; new scene" if start == "scene" else "")
