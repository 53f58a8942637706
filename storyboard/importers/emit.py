"""Writing a draft scene as hand-written-looking YAML, with comments (PyYAML cannot write those)."""

from __future__ import annotations

import json
import textwrap

import yaml

from storyboard.importers.draft import DraftLine, DraftScene, DraftShot, DraftSign
from storyboard.importers.prose import voice_in_prose, voice_of

WRAP = 88  # columns for folded descriptions
INDENT = "      "  # a folded description's lines, under "  - description: >-"


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
    out.append("shots:")
    for shot in scene.shots:
        out += _shot(shot)
    return "\n".join(out) + "\n"


def _characters(scene: DraftScene) -> list[str]:
    """The ``characters:`` block: a guessed voice per speaker; a comment for the unknown ones."""
    listed, unknown = [], []
    prose = " ".join(shot.description for shot in scene.shots)
    for name in dict.fromkeys(line.who for shot in scene.shots for line in shot.lines):
        voice, effect = voice_of(name)
        how = "the name"
        if not voice and not effect:
            voice, how = voice_in_prose(name, prose), "the pronouns in the description"
        fields = [f"voice: {voice}"] * bool(voice) + [f"effect: {effect}"] * bool(effect)
        if fields:
            listed.append(f"  {key(name)}: {{{', '.join(fields)}}}  # guessed from {how}")
        else:
            unknown.append(f"# {name}: no voice guessed; add one, e.g. {{voice: female}}")
    return (["characters:"] + listed if listed else []) + unknown


def _shot(shot: DraftShot) -> list[str]:
    """The lines of one shot, keys in SPEC order."""
    out = [f"  - id: {scalar(shot.id)}"]
    if shot.duration is not None:
        out.append(f"    duration: {shot.duration:g}")
    out.append(_commented(f"    framing: {shot.framing}", shot.notes.get("framing", "")))
    out.append(_commented(f"    cut: {shot.cut}", shot.notes.get("cut", "")))
    if shot.description:
        out += _description(shot.description)
    if shot.signs:
        out += ["    signs:"] + [f"      - {_sign(sign)}" for sign in shot.signs]
    if shot.lines:
        out += ["    lines:"] + [_commented(f"      - {_line(line)}", line.note) for line in shot.lines]
    return out


def _description(text: str) -> list[str]:
    """``description:`` on one line when short and plain, else folded (``>-``), else quoted."""
    head = "    description: "
    fits = len(head) + len(text) <= WRAP
    if fits and scalar(text) == text or not _folds(text):
        return [head + scalar(text)]
    return [head + ">-"] + textwrap.wrap(text, WRAP, initial_indent=INDENT, subsequent_indent=INDENT,
                                         break_long_words=False, break_on_hyphens=False)


def _folds(text: str) -> bool:
    """True when ``text`` survives a folded block scalar unchanged."""
    block = "\n".join(textwrap.wrap(text, WRAP, break_long_words=False, break_on_hyphens=False))
    return _loads("k: >-\n" + textwrap.indent(block, "  ")) == {"k": text}


def _sign(sign: DraftSign) -> str:
    """A sign in flow form: ``{text: Tech Corp, style: plaque}``."""
    fields = [f"text: {scalar(sign.text, flow=True)}", f"style: {sign.style}"]
    if sign.icon:
        fields.append(f"icon: {sign.icon}")
    return "{" + ", ".join(fields) + "}"


def _line(line: DraftLine) -> str:
    """A line in short form: ``Man: They automated my job.``."""
    return f"{key(line.who)}: {scalar(line.say)}"


def _commented(text: str, note: str) -> str:
    return f"{text}  # {note}" if note else text


def scalar(text: str, flow: bool = False) -> str:
    """``text`` as a YAML scalar: plain when that reads back as the same string, else double-quoted."""
    snippet = "{k: %s}" if flow else "k: %s"
    if text == text.strip() and _loads(snippet % text) == {"k": text}:
        return text
    return json.dumps(text, ensure_ascii=False)


def key(text: str) -> str:
    """``text`` as a YAML mapping key (plain when safe)."""
    return text if _loads(f"{text}: 1") == {text: 1} else json.dumps(text, ensure_ascii=False)


def _loads(snippet: str) -> object:
    try:
        return yaml.safe_load(snippet)
    except yaml.YAMLError:
        return None
