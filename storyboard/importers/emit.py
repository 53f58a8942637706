"""Writing a draft scene as hand-written-looking YAML, with comments (PyYAML cannot write those)."""

from __future__ import annotations

import json
import re
import textwrap

import yaml

from storyboard.importers.draft import DraftCharacter, DraftLine, DraftScene, DraftShot, DraftSign

WRAP = 88  # columns for folded descriptions
INDENT = "      "  # a folded description's lines, under "  - description: >-"
PLAIN_SAFE_RE = re.compile(r"[A-Za-z][^\s\\]*(?: [^\s\\]+)*")
FLOW_CHARACTERS_RE = re.compile(r"[,\[\]{}?:]")
YAML_KEYWORDS = frozenset("y n yes no on off true false null".split())


def scene_yaml(scene: DraftScene, origin: str) -> str:
    """The YAML text of ``scene``; ``origin`` says what it was imported from (for the header)."""
    out = [f"# Imported from {origin} by `storyboard import`: check every '# guessed' comment."]
    out.append(f"title: {scalar(scene.title)}")
    settings = scene.settings
    if settings.resolution:
        out.append(_commented(f"resolution: {scalar(settings.resolution)}", settings.resolution_note))
    if settings.fps:
        out.append(f"fps: {settings.fps}")
    if settings.captions is not None:
        out.append(f"captions: {'true' if settings.captions else 'false'}")
    out += _characters(scene)
    if settings.music:
        music = settings.music
        out += [_commented("music:", music.note), "  style: " + music.style, "  stop: " + scalar(music.stop)]
        if music.level is not None:
            out.append(f"  level: {music.level:g}")
    if settings.ambience:
        out.append(f"ambience: {settings.ambience}  # guessed from the prose")
    out.append("shots:")
    for shot in scene.shots:
        out += _shot(shot)
    return "\n".join(out) + "\n"


def _characters(scene: DraftScene) -> list[str]:
    """The ``characters:`` block: the guessed voice of each speaker; a comment for the unknown ones."""
    listed, unknown = [], []
    for character in scene.characters.values():
        fields = _character_fields(character)
        if fields:
            how = [f"voice from {character.how}"] * bool(character.voice or character.effect) + [
                "look from the prose"] * bool(character.look)
            listed.append(f"  {key(character.name)}: {{{', '.join(fields)}}}  # guessed: {'; '.join(how)}")
        else:
            unknown.append(f"# {character.name}: no voice guessed; add one, e.g. {{voice: female}}")
    return (["characters:"] + listed if listed else []) + unknown


def _character_fields(character: DraftCharacter) -> list[str]:
    fields = [f"voice: {character.voice}"] * bool(character.voice) + [f"effect: {character.effect}"] * bool(
        character.effect)
    if character.look:
        fields.append(f"look: {scalar(character.look, flow=True)}")
    return fields


def _shot(shot: DraftShot) -> list[str]:
    """The lines of one shot, keys in SPEC order."""
    out = [f"  - id: {scalar(shot.id)}"]
    if shot.duration is not None:
        out.append(f"    duration: {shot.duration:g}")
    out.append(_commented(f"    framing: {shot.framing}", shot.notes.get("framing", "")))
    out.append(_commented(f"    cut: {shot.cut}", shot.notes.get("cut", "")))
    if shot.description:
        out += _description(shot.description, "description")
    if shot.camera:
        out += _description(" ".join(shot.camera), "notes")
    if shot.tail is not None:
        out.append(f"    tail: {shot.tail:g}")
    if shot.sfx:
        out += ["    sfx:  # guessed: when in the shot"]
        out += [f"      - {{sound: {sfx.sound}, at: {sfx.at:g}}}" for sfx in shot.sfx]
    if shot.signs:
        out += ["    signs:"] + [f"      - {_sign(sign)}" for sign in shot.signs]
    if shot.lines:
        out += ["    lines:"] + [_commented(f"      - {_line(line)}", line.note) for line in shot.lines]
    return out


def _description(text: str, name: str) -> list[str]:
    """``description:`` (or ``notes:``) on one line when short and plain, else folded (``>-``), else quoted."""
    head = f"    {name}: "
    if len(head) + len(scalar(text)) <= WRAP or not _folds(text):
        return [head + scalar(text)]
    return [head + ">-"] + textwrap.wrap(text, WRAP, initial_indent=INDENT, subsequent_indent=INDENT,
                                         break_long_words=False, break_on_hyphens=False)


def _folds(text: str) -> bool:
    """True when ``text`` survives a folded block scalar unchanged."""
    if _plain_safe(text, flow=False):
        return True  # one-line words with single spaces: folding rejoins them as they were
    block = "\n".join(textwrap.wrap(text, WRAP, break_long_words=False, break_on_hyphens=False))
    return _loads("k: >-\n" + textwrap.indent(block, "  ")) == {"k": text}


def _sign(sign: DraftSign) -> str:
    """A sign in flow form: ``{text: Tech Corp, style: plaque}``."""
    fields = [f"text: {scalar(sign.text, flow=True)}", f"style: {sign.style}"]
    if sign.icon:
        fields.append(f"icon: {sign.icon}")
    return "{" + ", ".join(fields) + "}"


def _line(line: DraftLine) -> str:
    """A line in short form (``Man: They automated my job.``); long form with a pause, prelap or off."""
    extra = ([f"pause: {line.pause:g}"] if line.pause is not None else []) + (
        [f"prelap: {line.prelap:g}"] if line.prelap else []) + (["off: true"] if line.off else [])
    if extra:
        return "{" + ", ".join([f"who: {scalar(line.who, flow=True)}", f"say: {scalar(line.say, flow=True)}", *extra]) + "}"
    return f"{key(line.who)}: {scalar(line.say)}"


def _commented(text: str, note: str) -> str:
    return f"{text}  # {note}" if note else text


def scalar(text: str, flow: bool = False) -> str:
    """``text`` as a YAML scalar: plain when that reads back as the same string, else double-quoted."""
    snippet = "{k: %s}" if flow else "k: %s"
    if _plain_safe(text, flow) or text == text.strip() and _loads(snippet % text) == {"k": text}:
        return text
    return json.dumps(text, ensure_ascii=False)


def key(text: str) -> str:
    """``text`` as a YAML mapping key (plain when safe)."""
    if _plain_safe(text, flow=True) or _loads(f"{text}: 1") == {text: 1}:
        return text
    return json.dumps(text, ensure_ascii=False)


def _plain_safe(text: str, flow: bool) -> bool:
    """A quick yes for text that YAML surely reads back as the same string when written plain.

    Words starting with a letter, single spaces, no ``: `` or `` #`` and no
    YAML 1.1 keyword; a flow context also rules out ``,[]{}``. Anything else
    is decided by a round trip through the YAML parser.
    """
    return (bool(PLAIN_SAFE_RE.fullmatch(text)) and text.lower() not in YAML_KEYWORDS and ": " not in text
            and " #" not in text and not text.endswith(":") and not (flow and FLOW_CHARACTERS_RE.search(text)))


def _loads(snippet: str) -> object:
    try:
        return yaml.safe_load(snippet)
    except yaml.YAMLError:
        return None
