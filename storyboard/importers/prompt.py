"""Text-to-video prompts -> shot lists.

A prompt is read in three passes, each linear in its length:

1. **Lines.** A ``Dialogue:`` block, ``Name: line`` lines and ``Music:`` lines are
   taken out; list items (``1.``, ``-``, ``Shot 2:``, ``0-3s:``, ``[00:03-00:07]``)
   each start a shot, with the duration of their time range.
2. **Shots.** Inside an item the prose is cut at cut words ("cut to", "smash
   cut"), then into sentences; a sentence that opens with a shot size or a
   set-up ("Close-up of...", "POV shot", "Final wide shot:"), "Meanwhile" or
   "End card:" starts a new shot, as does "Then" before a new subject.
   Sentences about the whole video (format, look, music) belong to no shot.
3. **Reading.** Each shot's sentences are read for signs, lines, sounds and
   camera moves (:mod:`storyboard.importers.prose`), in order, so pronouns find
   the people named before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyboard.importers import vocabulary as words
from storyboard.importers.draft import DraftLine, DraftScene, DraftShot
from storyboard.importers.emit import scene_yaml
from storyboard.importers.errors import SourceError
from storyboard.importers.people import Cast, introductions
from storyboard.importers.prose import ProseReader, characters_of
from storyboard.importers.settings import is_music, is_setting_sentence, music_of, settings_of, strip_settings
from storyboard.importers.text import (
    Sentence,
    any_of,
    mask_quotes,
    sentence_of,
    sentences,
    squeeze,
    word_pattern,
    words_of,
)

TIME = r"(?:\d{1,2}:)?\d{1,2}(?:\.\d+)?"  # 3, 3.5, 0:03, 00:03
RANGE = rf"(?P<t0>{TIME})\s*s?\s*[-–—]+\s*(?P<t1>{TIME})"
# A list item at the start of a line: a number, a bullet, a shot label or a time range.
ITEM_RE = re.compile(
    rf"""^\s*(?:
        (?P<open>[\[(])?\s*{RANGE}\s*(?P<unit>s|secs?|seconds)?\s*(?P<close>[\])])?\s*(?P<mark>[:.\-–—])?
      | (?:shot|scene)\s*\#?\s*\d+\s*(?:\((?P<note>[^)]*)\))?\s*[:.\-–—]
      | \d{{1,2}}[.)](?!\d)
      | [-*•–]\s+)\s*""",
    re.IGNORECASE | re.VERBOSE,
)
# Inside prose: a bracketed time range or a shot label also starts a shot.
INLINE_ITEM_RE = re.compile(
    rf"""[\[(]\s*{RANGE}\s*(?:s|secs?|seconds)?\s*[\])]\s*:?
      | (?<![\w-])(?:shot|scene)\s*\#?\s*\d+\s*(?:\((?P<note>[^)]*)\))?\s*[:.\-–—]""",
    re.IGNORECASE | re.VERBOSE,
)
NOTE_RANGE_RE = re.compile(rf"{RANGE}\s*(?:s|secs?|seconds)\b", re.I)
# Cut words inside prose ("Sharp cut to a wide shot", "Jump cut.", "then cut too the road").
CUT_RE = re.compile(
    rf"""(?<![\w-])(?:(?:and\s+)?then,?\s+)?(?:(?:the\s+(?:camera|scene|shot|video|film|edit))\s+)?
        (?:(?P<adjectives>(?:(?:{words.CUT_ADJECTIVES})[\s,-]+)+)cuts?\b(?:\s+(?:back\s+)?(?:to|too)\b)?
         | cuts?\s+(?:back\s+)?(?:to|too)\b(?!\s+(?:the\s+)?(?:final|last)\s+(?:line|word)))\s*:?""",
    re.IGNORECASE | re.VERBOSE,
)
SIZE_WORDS = any_of([*words.FRAMINGS, *words.TYPOS])
SETUP_WORDS = any_of(words.SETUPS)
# A sentence that opens a new set-up: "Close-up of...", "Final wide shot:", "POV shot", "Meanwhile,".
OPENER_RE = re.compile(
    rf"""^\s*(?:(?:then|and\s+then|finally|now|next)\s*,?\s+)?(?:(?:an?|the)\s+)?
        (?:(?:final|last|first|opening|closing|another|new|quick|slow)\s+)?
        (?:(?P<size>{SIZE_WORDS})(?:[\s-]+(?:{words.SHOT_NOUNS}))?(?=\s*(?:of|on|:|,|-|–|—|as|from|over|to|shows?|
            inside|at|through|in|\.|$)|\s+(?:an?|the|his|her|their)\s)
         | (?:{SETUP_WORDS})[\s-]+(?:{words.SHOT_NOUNS})
         | (?:{any_of(words.SHOT_OPENERS)})\b)""",
    re.IGNORECASE | re.VERBOSE,
)
FRAMING_RES = [(re.compile(rf"(?:{pattern})(?![\w])", re.I), name) for pattern, name in words.FRAMINGS.items()]
SIZE_PHRASE_RE = re.compile(
    rf"(?<![\w-])(?:(?:{SIZE_WORDS})(?:[\s-]+(?:{words.SHOT_NOUNS})(?![\w-])|\s*[:(])"
    rf"|(?:{any_of(words.CLEAR_SIZES)})(?=\s+(?:of|on)\b|\s*[,.:\-–—]|\s*$)|(?:close|wide|medium|tight)\s+on\b)", re.I)
TYPO_RE = word_pattern(list(words.TYPOS))
# "Then a guy takes a bite": "then" before a new subject starts a shot (not "then smiles").
THEN_NEW_SUBJECT_RE = re.compile(r"^\s*(?:and\s+)?then\s*,?\s+(?:an?|the|\d+|two|three)\s+\w+", re.I)
THEN_INSIDE_RE = re.compile(r"(?<=[a-z])\s+(?=then\s+(?:an?|the)\s+\w+|(?:close[\s-]?up|wide\s+shot|medium\s+shot|"
                             r"end\s+card|cut\s+to)\b)", re.I)
# "A runner sprints": a sentence about a person not seen before.
NEW_PERSON_RE = re.compile(r"^\s*(?:an?|another)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+)\s+\w+s\b", re.I)
# "Dialogue:" opens the block of lines spoken over the whole video.
DIALOGUE_HEAD_RE = re.compile(r"\b(?:dialogue|dialog)\s*:", re.IGNORECASE)
DIALOGUE_NONE_RE = re.compile(r"\b(?:dialogue|dialog)\s*:\s*(?:none|no\s+dialogue|n/?a)\b\.?|\bno\s+dialogue\b[.,]?", re.I)
# One item of that block: `Man: 'line'`, `AI Voice (flat): "line"`, or `Man: line` to the end of its line.
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
# A whole line `NAME: words` or `Name (how): "words"` outside a block.
LABEL_LINE_RE = re.compile(
    r"^\s*(?P<who>[A-Z][\w'’-]*\.?(?:[ \t]+[A-Z0-9][\w'’-]*){0,2})[ \t]*(?:\((?P<how>[^)\n]*)\)[ \t]*)?:(?!\d)[ \t]*"
    r"(?P<said>\S.*)$")
# Labels before a colon that are not speakers.
NOT_SPEAKERS = frozenset(
    """music sound audio sfx style camera shot scene note notes captions subtitles format resolution lighting mood
    setting location text overlay title card end wide medium close-up closeup insert two-shot pov aerial final
    interior exterior product on-screen voice tone look vibe color colour palette aspect duration length
    ending opening""".split())
MUSIC_LABEL_RE = re.compile(r"^\s*(?:music|score|soundtrack|audio|sound|sfx)\s*:\s*", re.I)
CONTEXT_LABEL_RE = re.compile(rf"^\s*(?:{'|'.join(words.CONTEXT_LABELS)})\s*[:.]\s*", re.I)
LEADING_JUNK_RE = re.compile(r"^[\s.,;:!\-–—]+")
TRAILING_JUNK_RE = re.compile(r"(?:,?\s*\b(?:and\s+)?then\b|,?\s*\band\b)?[\s,;:\-–—]*$", re.IGNORECASE)


@dataclass
class Item:
    """A stretch of prose that starts a shot: a list item, or the prose before the first item."""

    text: str = ""
    line: int = 1
    duration: float | None = None
    hint: str = ""  # a framing note of the item's label ("Shot 3 (close-up):", "- Wide:")
    forced: bool = False  # a list item: starts a shot even with no camera word
    lines: list[tuple[str, str, str]] = field(default_factory=list)  # (who, how, said) label lines after it


def prompt_to_yaml(text: str, title: str, source: str = "<prompt>") -> str:
    """The shot-list YAML (with comments on every guess) for the text-to-video prompt ``text``.

    Raises :class:`SourceError` (naming ``source``) when the prompt holds no shot.
    """
    return scene_yaml(read_prompt(text, title, source), "a text-to-video prompt")


def read_prompt(text: str, title: str, source: str = "<prompt>") -> DraftScene:
    """The draft scene of a prompt: settings, shots split at cuts and set-ups, dialogue placed."""
    text = DIALOGUE_NONE_RE.sub(" ", text)
    prose, spoken = split_dialogue(text)
    scene = DraftScene(title, settings_of(prose))
    builder = _ShotBuilder()
    for item in items_of(prose):
        builder.add_item(item)
    scene.shots = builder.finish()
    place_lines(scene.shots, spoken, builder.cast)
    scene.number_shots()
    if not scene.shots:
        if builder.music:
            raise SourceError(source, 1, "no shot found: the prompt describes only music, no picture or dialogue")
        raise SourceError(source, 1, "no shot found: the prompt describes no picture and no dialogue")
    for index, shot in enumerate(scene.shots):
        finish_framing(shot, first=not index)
    has_lines = any(shot.lines for shot in scene.shots)
    scene.settings.music = music_of(builder.music, scene.shots, has_lines)
    scene.characters = characters_of(scene.shots, builder.cast,
                                     {name: " ".join(texts) for name, texts in builder.voices.items()}, builder.looks)
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


def items_of(prose: str) -> list[Item]:
    """The list items of ``prose`` (the prose before the first item is an item too)."""
    items = [Item()]
    context = ""
    for number, raw in enumerate(prose.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if CONTEXT_LABEL_RE.match(line) and not _item_match(line):
            context = CONTEXT_LABEL_RE.sub("", line)
            continue
        item = _item_match(line)
        label = LABEL_LINE_RE.match(line)
        if item:
            items.append(_item(line, item, number, context))
            context = ""
        elif label and label["who"].lower() not in NOT_SPEAKERS and not MUSIC_LABEL_RE.match(line) \
                and not OPENER_RE.match(label["who"]):
            items[-1].lines.append((label["who"], label["how"] or "", label["said"]))
        else:
            if not items[-1].text and not items[-1].forced:
                items[-1].line = number
            items[-1].text += "\n" + (context + " " if context else "") + line
            context = ""
    return [item for item in items if item.text.strip() or item.lines]


def _item_match(line: str) -> re.Match[str] | None:
    """The list marker ``line`` starts with; a time range counts only as a stamp ("0-3s:", "[0:03-0:07]")."""
    match = ITEM_RE.match(line)
    if match and match["t0"] is not None:
        bracketed = bool(match["open"]) and bool(match["close"])
        stamped = ":" in match["t0"] or bool(match["unit"]) or bool(match["mark"])
        return match if bracketed or stamped else None
    return match


def _item(line: str, match: re.Match[str], number: int, context: str) -> Item:
    duration = _duration(match)
    note = match.groupdict().get("note") or ""
    if duration is None and note and (timed := NOTE_RANGE_RE.search(note)):
        duration = _duration(timed)
    text = line[match.end():] + (f"\n{context}" if context else "")
    return Item(text=text, line=number, duration=duration, hint=note, forced=True)


def _duration(match: re.Match[str]) -> float | None:
    """The length of a time range (``[00:03-00:06]`` -> 3), or None."""
    start, end = match.groupdict().get("t0"), match.groupdict().get("t1")
    if start is None or end is None:
        return None
    seconds = _seconds(end) - _seconds(start)
    return seconds if seconds > 0 else None


def _seconds(stamp: str) -> float:
    """``1:02`` -> 62, ``3.5`` -> 3.5."""
    minutes, _, seconds = stamp.rpartition(":")
    return int(minutes or 0) * 60 + float(seconds)


class _ShotBuilder:
    """Grows the shots of a prompt item by item, sentence by sentence."""

    def __init__(self) -> None:
        self.shots: list[DraftShot] = []
        self.cast = Cast()
        self.reader = ProseReader(self.cast)
        self.music: list[str] = []
        self.voices: dict[str, list[str]] = {}  # speaker -> the sentences it speaks in (for its voice)
        self.texts: list[list[str]] = []  # per shot: its sentences, joined by finish()
        self.sizes: list[str | None] = []  # per shot: the first framing its sentences name
        self.looks: dict[str, str] = {}  # person noun -> how the prose first describes them

    def add_item(self, item: Item) -> None:
        """Read one item: its shots (split at cut words and set-ups), then its label lines."""
        if item.forced or not self.shots:
            self._new_shot(cut="hard", duration=item.duration, hint=item.hint, line=item.line)
        for segment, cut, duration, hint in _segments(item.text):
            if cut or duration is not None or hint:
                self._new_shot(cut or "hard", duration, hint, item.line, force=bool(cut or hint))
            for sentence in sentences(_tidy_segment(segment)):
                self._sentence(sentence, item.line)
        for who, how, said in item.lines:
            self._label_line(who, how, said)

    def finish(self) -> list[DraftShot]:
        """The shots, each with its description."""
        for shot, texts in zip(self.shots, self.texts):
            shot.description = " ".join(texts)
        return self.shots

    def _new_shot(self, cut: str, duration: float | None, hint: str, line: int, force: bool = True) -> None:
        current = self.shots[-1] if self.shots else None
        if current is not None and not self.texts[-1] and not current.lines and not current.signs:
            current.cut = cut if len(self.shots) > 1 else "hard"
            current.duration = duration if duration is not None else current.duration
            current.notes["hint"] = hint or current.notes.get("hint", "")
            return
        if not force and current is not None:
            return
        shot = DraftShot(cut=cut if self.shots else "hard", duration=duration, line=line)
        shot.notes["hint"] = hint
        self.shots.append(shot)
        self.texts.append([])
        self.sizes.append(None)

    def _sentence(self, sentence: Sentence, line: int) -> None:
        if is_music(sentence):
            self.music.append(_music_part(sentence))
            picture = _picture_part(sentence)
            if picture is None:
                return
            sentence = picture
        if is_setting_sentence(sentence):
            return
        opens = (OPENER_RE.match(sentence.masked) or THEN_NEW_SUBJECT_RE.match(sentence.masked)
                 or self._new_subject_after_detail(sentence))
        if opens and self.shots and self.texts[-1]:
            self._new_shot("hard", None, "", line)
        elif not self.shots:
            self._new_shot("hard", None, "", line)
        for part in _then_parts(sentence):
            shot = self.shots[-1]
            if part is not sentence and self.texts[-1] and (
                    THEN_NEW_SUBJECT_RE.match(part.masked) or OPENER_RE.match(part.masked)):
                self._new_shot("hard", None, "", line)
                shot = self.shots[-1]
            before = len(shot.lines)
            for noun, look in introductions(part.masked):
                self.looks.setdefault(noun, look)
            kept = _tidy(strip_settings(self.reader.read(part, shot)))
            if kept:
                self.texts[-1].append(kept)
                self.sizes[-1] = self.sizes[-1] or framing_named(kept)
            for spoken in shot.lines[before:]:
                self.voices.setdefault(spoken.who, []).append(part.text)

    def _new_subject_after_detail(self, sentence: Sentence) -> bool:
        """True for "A runner sprints..." after a close-up or insert: a new person cannot be in that detail."""
        if not self.shots or self.sizes[-1] not in ("close-up", "insert"):
            return False
        match = NEW_PERSON_RE.match(sentence.masked)
        return bool(match) and match["noun"].lower() in words.PERSON_NOUNS

    def _label_line(self, who: str, how: str, said: str) -> None:
        """A ``Name: line`` line of the prompt, spoken in the current shot."""
        if not self.shots:
            self._new_shot("hard", None, "", 0)
        quoted = sentence_of(said.strip())
        text = quoted.quotes[0].text if len(quoted.quotes) == 1 and not quoted.masked.replace(
            quoted.masked[quoted.quotes[0].start : quoted.quotes[0].end], "").strip(" .") else said.strip()
        speaker = self.cast.label(who)
        line = DraftLine(speaker.name, squeeze(text), f"({how})" if how else "",
                         self.cast.off_screen(speaker.name, how))
        self.shots[-1].lines.append(line)
        self.reader.last_line = line
        self.voices.setdefault(speaker.name, []).append(how)


def _segments(text: str) -> list[tuple[str, str, float | None, str]]:
    """``text`` cut at cut words and inline items: (prose, cut into it, duration, framing hint)."""
    masked = mask_quotes(text)
    markers = sorted([*CUT_RE.finditer(masked), *INLINE_ITEM_RE.finditer(masked)], key=lambda match: match.start())
    found, start, cut, duration, hint = [], 0, "", None, ""
    for marker in markers:
        if marker.start() < start:
            continue
        found.append((text[start : marker.start()], cut, duration, hint))
        groups = marker.groupdict()
        if marker.re is CUT_RE:
            cut = "jump" if "jump" in (groups.get("adjectives") or "").lower() else "hard"
            duration, hint = None, ""
        else:
            cut, duration, hint = "hard", _duration(marker), groups.get("note") or ""
            if duration is None and hint and (timed := NOTE_RANGE_RE.search(hint)):
                duration = _duration(timed)
        start = marker.end()
    found.append((text[start:], cut, duration, hint))
    return [segment for segment in found if segment[0].strip(" .,;:-–—\n") or segment[1] or segment[3]]


def _tidy_segment(segment: str) -> str:
    return LEADING_JUNK_RE.sub("", TRAILING_JUNK_RE.sub("", segment.strip()))


def _then_parts(sentence: Sentence) -> list[Sentence]:
    """A sentence split before "then a ..." when it has no punctuation to split it."""
    text = sentence.text.rstrip()
    if sentence.quotes or "," in text or text.endswith((".", "!", "?")) or len(text.split()) < 12:
        return [sentence]
    parts: list[str] = []
    for part in THEN_INSIDE_RE.split(text):
        if parts and (len(parts[-1].split()) < 3 or parts[-1].split()[-1].lower() in ("a", "an", "the")):
            parts[-1] += " " + part  # "a | wide shot of": not a place to cut
        elif part.strip():
            parts.append(part)
    return [sentence_of(part) for part in parts]


def _music_part(sentence: Sentence) -> str:
    """The clauses of a music sentence that are about the music."""
    clauses = re.split(r"(?<=[,;])\s+", sentence.text)
    return " ".join(clause for clause in clauses if is_music(sentence_of(clause))) or sentence.text


def _picture_part(sentence: Sentence) -> Sentence | None:
    """What of a music sentence is picture ("A dark warehouse, a heavy bass beat pounding" -> the warehouse)."""
    clauses = re.split(r"(?<=[,;])\s+", sentence.text)
    picture = [clause for clause in clauses if not is_music(sentence_of(clause))
               and re.match(r"(?:an?|the|his|her|their)\s", clause, re.I)]
    if not picture or len(picture) == len(clauses):
        return None
    text = " ".join(picture).rstrip(",; ") + "."
    return sentence_of(text) if not is_setting_sentence(sentence_of(text)) else None


def _tidy(text: str) -> str:
    """A sentence's text starting with a capital, ending with punctuation, without a cut's leftovers."""
    text = TRAILING_JUNK_RE.sub("", LEADING_JUNK_RE.sub("", squeeze(text))).replace(" .", ".")
    if not text or not any(character.isalnum() for character in text):
        return ""
    if text[-1] not in ".!?'\"’”)…":
        text += "."
    return text[:1].upper() + text[1:]


def finish_framing(shot: DraftShot, first: bool) -> None:
    """Set the shot's framing from its label or prose; a guess (marked) when neither names one."""
    hint = shot.notes.pop("hint", "")
    framing = framing_named(hint, loose=True) or framing_named(shot.description)
    if framing:
        shot.framing = framing
    else:
        shot.framing = "wide" if first else "medium"
        shot.notes["framing"] = "guessed: no framing word" + ("; opening shot" if first else "")


def framing_named(text: str, loose: bool = False) -> str | None:
    """The framing ``text`` names first (quotes ignored); ``loose``: any size word counts (a label)."""
    text = TYPO_RE.sub(lambda match: words.TYPOS[match.group().lower()], mask_quotes(text))
    match = (WORD_SIZE_RE if loose else SIZE_PHRASE_RE).search(text)
    if not match:
        return None
    phrase = text[match.start():]
    return max(((found.end(), name) for pattern, name in FRAMING_RES if (found := pattern.match(phrase))),
               default=(0, None))[1]


def place_lines(shots: list[DraftShot], spoken: list[DraftLine], cast: Cast) -> None:
    """Put each line of a ``Dialogue:`` block in the shot where its speaker is seen or heard.

    Lines keep their order: a line never goes before the previous line's shot.
    A speaker seen in no later shot speaks in the current shot (``# guessed``).
    """
    if spoken and not shots:
        shots.append(DraftShot(framing="wide", notes={"framing": "guessed: the prompt describes no picture"}))
    current = 0
    for line in spoken:
        speaker = cast.label(line.who)
        line.who = speaker.name
        line.off = cast.off_screen(line.who, line.note)
        seen = next((index for index in range(current, len(shots)) if _shows(shots[index], line.who)), None)
        if seen is None:
            line.note = "; ".join(filter(None, [line.note, "guessed: speaker not seen in any later shot"]))
        else:
            current = seen
        shots[current].lines.append(line)


def _shows(shot: DraftShot, name: str) -> bool:
    """True when the shot's prose names the speaker ``name`` (or a word of it)."""
    wanted = set(words_of(name)) - {"the", "a", "voice", "mr", "mrs", "ms", "dr"}
    if wanted & words.ROBOT_NAMES:
        wanted |= {"screen", "interface", "hologram", "holographic", "monitor", "terminal", "computer"}
    return bool(wanted & set(words_of(mask_quotes(shot.description))))


WORD_SIZE_RE = word_pattern(list(words.FRAMINGS))
