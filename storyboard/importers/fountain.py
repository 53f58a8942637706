"""Fountain screenplays -> shot lists.

The reader follows the Fountain 1.1 syntax (fountain.io) line by line, so every
element knows its line and the whole read is linear: title page, scene
headings (``INT.``, ``EXT.``, forced ``.``, scene numbers ``#1#``), action
(forced ``!``, wrapped lines joined), character cues (extensions, ``(CONT'D)``,
forced ``@``, dual ``^``), parentheticals, dialogue (``  `` breaks), lyrics
``~``, transitions (``CUT TO:``, forced ``>``), centred text ``> THE END <``,
sections ``#``, synopses ``=``, page breaks ``===``, notes ``[[...]]``,
boneyard ``/* */`` and emphasis ``*``, ``**``, ``_``.

Scene headings, shot lines (``CLOSE ON``, ``ANGLE ON``, ``WIDE SHOT``, ``POV``,
``INSERT``, ``BACK TO SCENE``, ``ON THE TWO OF THEM``...) and montage beats
(``-- ...``) start shots; centred text is a title card. Action is read like a
prompt's prose (signs, sounds, music cues); a cue's dialogue is a line, off
screen for ``V.O.``/``O.S.``/phone voices; a note becomes the shot's ``notes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyboard.importers import vocabulary as words
from storyboard.importers.draft import DraftLine, DraftScene, DraftShot, DraftSign
from storyboard.importers.emit import scene_yaml
from storyboard.importers.errors import SourceError
from storyboard.importers.people import Cast
from storyboard.importers.prompt import framing_named
from storyboard.importers.prose import ProseReader, characters_of, pause_in
from storyboard.importers.settings import is_music, is_setting_sentence, music_of, settings_of, strip_settings
from storyboard.importers.text import sentences, squeeze, title_case, word_pattern

TITLE_KEY_RE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9 ]*?)\s*:\s*(?P<value>.*)$")
HEADING_RE = re.compile(r"^(?:\.(?=[A-Za-z0-9])|(?=(?:INT|EXT|EST|INT\.?/EXT|I/E)[.\s]))", re.I)
SCENE_NUMBER_RE = re.compile(r"\s*#[\w.-]+#\s*$")
TRANSITION_RE = re.compile(r"^[A-Z\s]+TO:$")
CHARACTER_RE = re.compile(r"^(?P<name>[^a-z(^]*?[A-Z][^a-z(^]*?)\s*(?P<ext>\(.*\))?\s*(?P<dual>\^)?$")
CONTD_RE = re.compile(r"\(\s*CONT['’]D\s*\)", re.I)
EMPHASIS_RE = re.compile(r"(?<!\\)(\*{1,3}|_)(?=\S)(.+?)(?<=\S)(?<!\\)\1")
ESCAPE_RE = re.compile(r"\\([*_\\])")
BONEYARD_RE = re.compile(r"/\*.*?\*/", re.S)
NOTE_RE = re.compile(r"\[\[(.*?)\]\]", re.S)
# Action lines that name a new shot: "CLOSE ON THE SIGN", "WIDE SHOT - THE CROWD", "ON RAHUL'S FACE".
SHOT_LINE_RE = re.compile(
    r"^(?:EXTREME\s+)?(?:CLOSE[\s-]?(?:ON|UP|SHOT)|CLOSEUP|ANGLE\s+ON|(?:EXTREME\s+)?WIDE(?:\s+SHOT|\s+ON)?|"
    r"MEDIUM(?:\s+CLOSE[\s-]?UP)?\s+SHOT|MEDIUM\s+ON|INSERT|POV|ESTABLISHING(?:\s+SHOT)?|AERIAL(?:\s+SHOT)?|"
    r"TWO[\s-]SHOT|OVER\s+THE\s+SHOULDER|REVERSE(?:\s+ANGLE)?|BACK\s+TO\s+SCENE|ECU|MOMENTS\s+LATER|LATER|"
    r"TRACKING\s+SHOT|ON\s+[A-Z][A-Z'’]*)\b[^a-z]*$"
)
# Transitions written as action ("FADE OUT.", "CUT TO BLACK."): how the next shot is entered, never a picture.
TRANSITION_WORDS_RE = re.compile(r"^(?:FADE\s+(?:IN|OUT|TO\s+BLACK)|CUT\s+TO\s+BLACK|SMASH\s+CUT|INTERCUT(?:\s+WITH)?|"
                                 r"BEGIN\s+MONTAGE|END\s+MONTAGE|MONTAGE|SERIES\s+OF\s+SHOTS|END\s+OF\s+SERIES|"
                                 r"BACK\s+TO|THE\s+END)\b[^a-z]*$")
QUOTE_ONLY_RE = re.compile(r"\s*[\"“‘'][^\"”’]+[\"”’']\s*")
MONTAGE_BEAT_RE = re.compile(r"^\s*(?:--|-|•|\d+[.)])\s+")
SUPER_RE = re.compile(r"^(?:SUPER(?:IMPOSE)?|TITLE|CHYRON|CAPTION|ON\s+SCREEN)\s*:\s*(?P<text>.+)$", re.I)
# Extensions that make a line heard and not seen.
OFF_EXTENSIONS = word_pattern([r"V\.?O\.?", r"O\.?S\.?", r"O\.?C\.?", r"OFF", r"ON\s+(?:THE\s+)?PHONE", r"PHONE",
                               r"VOICE[\s-]?OVER", r"INTO\s+(?:THE\s+)?PHONE", r"OVER\s+(?:THE\s+)?PHONE"])
PRELAP_RE = re.compile(r"PRE-?LAP", re.I)
PRELAP_SECONDS = 0.5  # how early a (PRE-LAP) line starts before its shot's cut
# A character's first appearance in action: "NADIA, 30s, soaked hi-vis jacket," / "COACH DEL (60s, gravelly)".
INTRODUCTION_RE = re.compile(r"(?<![\w'])(?P<name>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,2})(?![\w'])\s*"
                             r"(?:\((?P<paren>[^)]{2,80})\)|,\s*(?P<comma>[^,.;]{2,60}(?:,\s*[^,.;]{2,60})?),)")


@dataclass
class Element:
    """One element of a screenplay, with the line it starts on."""

    kind: str  # heading action character parenthetical dialogue lyric transition centered note break
    text: str
    line: int
    name: str = ""
    extension: str = ""
    dual: bool = False
    notes: list[str] = field(default_factory=list)


def fountain_to_yaml(text: str, title: str, source: str = "<screenplay>") -> str:
    """The shot-list YAML (with comments on every guess) for the Fountain screenplay ``text``.

    ``title`` is used unless the title page has a ``Title:``. Raises
    :class:`SourceError` (naming ``source`` and the line) when the screenplay
    holds no shot.
    """
    return scene_yaml(read_fountain(text, title, source), "a Fountain screenplay")


def read_fountain(text: str, title: str, source: str = "<screenplay>") -> DraftScene:
    """The draft scene of a screenplay."""
    entries, body_start = title_page(text)
    elements = parse(text, body_start)
    scene = DraftScene(_plain(entries.get("title", "")) or title)
    builder = _Builder(scene)
    builder.add(elements)
    builder.finish_shots()
    scene.number_shots()
    if not scene.shots:
        what = "only a title page" if entries else "no scene heading, action or dialogue"
        raise SourceError(source, 1, f"no shot found: the screenplay has {what}")
    builder.finish_scene()
    return scene


def title_page(text: str) -> tuple[dict[str, str], int]:
    """The title page's entries (lower-case keys) and the index of the first body line."""
    lines = text.split("\n")
    index = next((number for number, line in enumerate(lines) if line.strip()), len(lines))
    if index == len(lines) or not TITLE_KEY_RE.match(lines[index]) or HEADING_RE.match(lines[index].strip()):
        return {}, 0
    entries: dict[str, str] = {}
    key = ""
    while index < len(lines) and lines[index].strip():
        line = lines[index]
        match = TITLE_KEY_RE.match(line)
        if match and not line[:1].isspace():
            key = match["key"].strip().lower()
            entries[key] = match["value"].strip()
        elif key and line[:1].isspace():
            entries[key] = squeeze(f"{entries[key]} {line}")
        else:
            break
        index += 1
    return entries, index


def _strip_hidden(text: str) -> tuple[str, dict[int, list[str]]]:
    """``text`` without boneyard and notes (line breaks kept), and the notes by the line they start on."""
    text = BONEYARD_RE.sub(lambda match: "\n" * match.group().count("\n"), text)
    notes: dict[int, list[str]] = {}
    parts, position, line = [], 0, 1
    for match in NOTE_RE.finditer(text):
        line += text.count("\n", position, match.start())
        parts += [text[position : match.start()], "\n" * match.group().count("\n")]
        notes.setdefault(line, []).append(squeeze(match[1]))
        line += match.group().count("\n")
        position = match.end()
    parts.append(text[position:])
    return "".join(parts), notes


def parse(text: str, body_start: int = 0) -> list[Element]:
    """The elements of a screenplay's body (from line index ``body_start``), in order."""
    clean, notes = _strip_hidden(text)
    lines = clean.split("\n")
    elements: list[Element] = []
    in_dialogue = False
    for index in range(body_start, len(lines)):
        raw = lines[index]
        line = raw.strip()
        number = index + 1
        before_blank = index == body_start or not lines[index - 1].strip()
        after_blank = index + 1 >= len(lines) or not lines[index + 1].strip()
        if not line:
            in_dialogue = in_dialogue and raw == "  "
            if elements and elements[-1].kind == "action" and not in_dialogue:
                elements[-1].text += "\n"
            _attach(elements, notes.get(number))
            continue
        element = _element(line, number, before_blank, after_blank, in_dialogue)
        if element.kind == "action" and elements and elements[-1].kind == "action" and not before_blank:
            elements[-1].text += " " + element.text
        elif element.kind == "dialogue" and elements and elements[-1].kind == "dialogue":
            elements[-1].text += " " + element.text
        elif element.kind == "lyric" and elements and elements[-1].kind == "lyric" and not before_blank:
            elements[-1].text += " " + element.text
        else:
            elements.append(element)
        in_dialogue = element.kind in ("character", "parenthetical", "dialogue", "lyric") and (
            element.kind != "lyric" or in_dialogue)
        _attach(elements, notes.get(number))
    return elements


def _attach(elements: list[Element], notes: list[str] | None) -> None:
    if notes:
        if not elements:
            elements.append(Element("action", "", 0))
        elements[-1].notes += notes


def _element(line: str, number: int, before_blank: bool, after_blank: bool, in_dialogue: bool) -> Element:
    """The element one non-blank line starts (or continues)."""
    if line.startswith("!"):
        return Element("action", line[1:].strip(), number)
    if line.startswith("@"):
        return _character(line[1:], number)
    if line.startswith("~"):
        return Element("lyric", line[1:].strip(), number)
    if line.startswith(">") and line.endswith("<"):
        return Element("centered", line[1:-1].strip(), number)
    if line.startswith(">"):
        return Element("transition", line[1:].strip(), number)
    if line.startswith("#"):
        return Element("section", line.lstrip("#").strip(), number)
    if re.fullmatch(r"={3,}", line):
        return Element("break", "", number)
    if line.startswith("=") and not line.startswith("=="):
        return Element("synopsis", line[1:].strip(), number)
    if in_dialogue:
        if line.startswith("(") and line.endswith(")"):
            return Element("parenthetical", line[1:-1].strip(), number)
        return Element("dialogue", line, number)
    if before_blank and HEADING_RE.match(line):
        return Element("heading", SCENE_NUMBER_RE.sub("", line.removeprefix(".") if line.startswith(".") else line),
                       number)
    if before_blank and after_blank and TRANSITION_RE.match(line):
        return Element("transition", line, number)
    if before_blank and not after_blank and CHARACTER_RE.match(CONTD_RE.sub("", line)) and not SHOT_LINE_RE.match(line):
        return _character(line, number)
    return Element("action", line, number)


def _character(cue: str, number: int) -> Element:
    cue = CONTD_RE.sub("", cue).strip()
    dual = cue.endswith("^")
    cue = cue.rstrip("^ ").strip()
    match = re.match(r"^(?P<name>[^(]+?)\s*(?:\((?P<ext>[^)]*)\))?\s*$", cue)
    name, extension = (match["name"], match["ext"] or "") if match else (cue, "")
    return Element("character", "", number, name=name.strip(), extension=extension, dual=dual)


def _plain(text: str) -> str:
    """``text`` without emphasis marks (``*``, ``**``, ``_``), escapes resolved, on one line."""
    previous = None
    while previous != text:
        previous, text = text, EMPHASIS_RE.sub(r"\2", text)
    return squeeze(ESCAPE_RE.sub(r"\1", text))


class _Builder:
    """Walks the screenplay's elements in order and grows the scene's shots."""

    def __init__(self, scene: DraftScene) -> None:
        self.scene = scene
        self.parts: list[int] = []  # per shot: how many headings and paragraphs it holds
        self.cut, self.cut_note = "hard", ""
        self.speaker, self.extension, self.how, self.dual = "", "", "", False
        self.cast = Cast()
        self.reader = ProseReader(self.cast)
        self.music: list[str] = []
        self.looks: dict[str, str] = {}

    def add(self, elements: list[Element]) -> None:
        """Read every element in order."""
        for element in elements:
            self._element(element)
            if element.notes:
                self._current(element.line).camera += element.notes

    def finish_shots(self) -> None:
        """Each shot's framing, from the words of its heading and action."""
        for shot in self.scene.shots:
            start = shot.notes.pop("start", "shot")
            framing = framing_named(shot.description)
            if framing:
                shot.framing = framing
            elif "framing" in shot.notes:
                shot.framing = "wide"
            else:
                shot.framing = "wide" if start == "scene" else "medium"
                shot.notes["framing"] = "guessed: no framing word" + ("; new scene" if start == "scene" else "")

    def finish_scene(self) -> None:
        """The scene's music, ambience and characters (once the shots have their ids)."""
        text = " ".join(shot.description for shot in self.scene.shots)
        self.scene.settings.merge(settings_of(text))
        has_lines = any(shot.lines for shot in self.scene.shots)
        self.scene.settings.music = music_of(self.music, self.scene.shots, has_lines)
        self.scene.characters = characters_of(self.scene.shots, self.cast, {}, self.looks)

    def _element(self, element: Element) -> None:
        kind, text = element.kind, element.text
        if kind == "heading":
            self._new_shot(text, element.line, scene_start=True)
        elif kind == "action":
            self._action(text, element.line)
        elif kind == "centered":
            self._card(text, element.line)
        elif kind == "character":
            self._character(element)
        elif kind == "parenthetical":
            self.how = text
        elif kind in ("dialogue", "lyric"):
            self._dialogue(text, element.line, lyric=kind == "lyric")
        elif kind == "transition":
            self._transition(text)

    def _new_shot(self, heading: str, line: int, scene_start: bool) -> DraftShot:
        if not scene_start and self._only_heading():  # "WIDE SHOT" right under a scene heading
            self._read(heading)
            return self.scene.shots[-1]
        shot = DraftShot(cut=self.cut if self.scene.shots else "hard", line=line)
        if self.cut_note and self.scene.shots:
            shot.notes["cut"] = self.cut_note
        shot.notes["start"] = "scene" if scene_start else "shot"
        self.scene.shots.append(shot)
        self.parts.append(0)
        self.cut, self.cut_note = "hard", ""
        if heading:
            self._read(heading)
        return shot

    def _only_heading(self) -> bool:
        """True when the last shot holds only its scene heading so far."""
        return (bool(self.scene.shots) and self.parts[-1] == 1 and not self.scene.shots[-1].lines
                and self.scene.shots[-1].notes.get("start") == "scene")

    def _current(self, line: int) -> DraftShot:
        if not self.scene.shots:
            self._new_shot("", line, scene_start=True)
        return self.scene.shots[-1]

    def _read(self, paragraph: str) -> None:
        """Read one heading or action paragraph into the current shot (signs, sounds, music, description)."""
        shot = self.scene.shots[-1]
        self.parts[-1] += 1
        if QUOTE_ONLY_RE.fullmatch(paragraph):  # a quote standing alone in action: text on screen
            shot.signs.append(DraftSign(paragraph.strip().strip("\"“”'‘’"), "sign"))
            return
        if not paragraph.endswith((".", "!", "?", ":", "\"", "”")):
            paragraph += "."
        kept = []
        for sentence in sentences(paragraph):
            if is_music(sentence):
                self.music.append(sentence.text)
            elif not is_setting_sentence(sentence):
                lines_before = len(shot.lines)
                kept.append(strip_settings(self.reader.read(sentence, shot)))
                self._lines_in_action(shot, lines_before)
        shot.description = squeeze(f"{shot.description} {' '.join(kept)}")

    def _lines_in_action(self, shot: DraftShot, before: int) -> None:
        """Speech written into the action stays a line; a quote only guessed to be spoken is a sign."""
        for line in shot.lines[before:]:
            if line.note.startswith("guessed"):
                shot.lines.remove(line)
                shot.signs.append(DraftSign(line.say, "sign"))

    def _action(self, text: str, line: int) -> None:
        for paragraph in text.split("\n"):
            paragraph = _plain(paragraph)
            if not paragraph:
                continue
            if SHOT_LINE_RE.match(paragraph):
                self._new_shot(paragraph.rstrip(":") + ".", line, scene_start=False)
            elif TRANSITION_WORDS_RE.match(paragraph):
                self._transition(paragraph)
            elif MONTAGE_BEAT_RE.match(paragraph):
                self._new_shot("", line, scene_start=False)
                self._read(MONTAGE_BEAT_RE.sub("", paragraph))
            elif super_text := SUPER_RE.match(paragraph):
                said = super_text["text"].strip().strip("\"“”'")
                self._current(line).signs.append(DraftSign(said, "sign"))
            else:
                self._current(line)
                self._introductions(paragraph)
                self._read(paragraph)

    def _introductions(self, paragraph: str) -> None:
        """Remember how the action first describes a character ("NADIA, 30s, soaked hi-vis jacket,")."""
        for match in INTRODUCTION_RE.finditer(paragraph):
            name = title_case(match["name"]).casefold()
            look = squeeze(match["paren"] or match["comma"] or "")
            if name not in self.looks and look and not SHOT_LINE_RE.match(match["name"]):
                self.looks[name] = look

    def _card(self, text: str, line: int) -> None:
        """Centred text: a title card of its own."""
        shot = self._new_shot("", line, scene_start=False) if not self._only_heading() else self.scene.shots[-1]
        shot.signs.append(DraftSign(_plain(text), "sign"))
        shot.description = shot.description or "Title card."
        shot.notes.setdefault("framing", "guessed: a title card")

    def _character(self, element: Element) -> None:
        name = element.name
        if SHOT_LINE_RE.match(name):
            self._new_shot(name, element.line, scene_start=False)
            self.speaker = ""
            return
        self.speaker = self.cast.label(name).name
        self.extension, self.dual, self.how = element.extension, element.dual, ""

    def _dialogue(self, text: str, line: int, lyric: bool = False) -> None:
        said = _plain(text)
        if not self.speaker:  # a lyric with no cue, or the "dialogue" of a misread shot line: action
            self._action(text, line)
            return
        if not said:
            return
        notes = [f"({self.how})" if self.how else "", "sung" if lyric else "",
                 "dual dialogue: said at the same time as the line before" if self.dual else ""]
        off = bool(OFF_EXTENSIONS.search(self.extension) or OFF_EXTENSIONS.search(self.how))
        shot = self._current(line)
        spoken = DraftLine(self.speaker, said, "; ".join(filter(None, notes)), off, pause_in(self.how))
        if PRELAP_RE.search(self.extension) and not shot.lines and len(self.scene.shots) > 1:
            spoken.prelap = PRELAP_SECONDS
            spoken.note = "; ".join(filter(None, [spoken.note, "guessed: prelap length"]))
        shot.lines.append(spoken)
        self.how = ""

    def _transition(self, text: str) -> None:
        upper = text.upper()
        if upper.startswith(("FADE IN", "BEGIN", "END", "MONTAGE", "SERIES", "THE END")):
            return
        self.cut = "jump" if "JUMP" in upper else "hard"
        self.cut_note = "" if "CUT" in upper else f"guessed: '{text.strip()}' becomes a hard cut"
