"""Scene-wide settings in the prose: format, frame rate, captions, music (style and stop), ambience."""

from __future__ import annotations

import re

from storyboard.importers import vocabulary as words
from storyboard.importers.draft import DraftMusic, DraftShot, Settings
from storyboard.importers.text import Sentence, first_named, word_pattern, words_of

RESOLUTIONS = [(name, word_pattern([pattern])) for name, pattern in words.RESOLUTIONS.items()]
SIZES = {"720p": (1280, 720), "1080p": (1920, 1080), "4k": (3840, 2160)}
VERTICAL_RE = word_pattern([words.VERTICAL])
FPS_RE = word_pattern([words.FPS])
NO_CAPTIONS_RE = word_pattern([words.NO_CAPTIONS])
CAPTIONS_RE = word_pattern([words.CAPTIONS])
MUSIC_RE = word_pattern(words.MUSIC_WORDS)
INSTRUMENT_RE = word_pattern(words.MUSIC_INSTRUMENTS)
MUSIC_VERB_RE = word_pattern(words.MUSIC_VERBS)
NO_MUSIC_RE = word_pattern([words.NO_MUSIC])
LEVEL_RES = {level: word_pattern([pattern]) for level, pattern in words.MUSIC_LEVELS.items()}
STOP_RES = [(name, word_pattern([pattern])) for name, pattern in words.MUSIC_STOPS.items()]
# Phrases of a shot's sentence that set the whole video, with the comma before them.
SETTING_PHRASE_RE = re.compile(
    r",?\s*(?:(?:shot|filmed|rendered|made)\s+)?(?:(?:in|at)\s+)?(?:" + "|".join(pattern.pattern for pattern in (
        NO_CAPTIONS_RE, CAPTIONS_RE, FPS_RE, VERTICAL_RE, *(regex for _, regex in RESOLUTIONS), NO_MUSIC_RE))
    + r")(?=[,.\s]|$)", re.I)
# Words of an event that do not identify it ("when *the* power goes out").
EVENT_STOPWORDS = frozenset("the a an he she they his her their it its is are starts start begins to of goes "
                            "go into in on at up".split())


def settings_of(text: str) -> Settings:
    """The resolution, fps, captions and ambience ``text`` asks for (music is read by :func:`music_of`)."""
    settings = Settings(captions=_captions(text), fps=_fps(text), ambience=first_named(words.AMBIENCES, text))
    settings.resolution, settings.resolution_note = _resolution(text)
    return settings


def _captions(text: str) -> bool | None:
    if NO_CAPTIONS_RE.search(text):
        return False
    return True if CAPTIONS_RE.search(text) else None


def _fps(text: str) -> int | None:
    match = FPS_RE.search(text)
    return int(match["fps"]) if match and 12 <= int(match["fps"]) <= 60 else None


def _resolution(text: str) -> tuple[str | None, str]:
    named = next((name for name, pattern in RESOLUTIONS if pattern.search(text)), None)
    if not VERTICAL_RE.search(text):
        return named, ""
    width, height = SIZES[named or "1080p"]
    return f"{height}x{width}", "guessed: vertical format" + ("" if named else ", 1080p")


def is_music(sentence: Sentence) -> bool:
    """True for a sentence that is (also) a music cue."""
    masked = sentence.masked
    return bool(MUSIC_RE.search(masked) or NO_MUSIC_RE.search(masked)
                or INSTRUMENT_RE.search(masked) and MUSIC_VERB_RE.search(masked))


def strip_settings(text: str) -> str:
    """``text`` without the phrases that set the whole video (``, 30fps``, ``with subtitles``)."""
    return SETTING_PHRASE_RE.sub("", text)


def is_setting_sentence(sentence: Sentence) -> bool:
    """True for a sentence only about the whole video (look, format, captions), no shot."""
    remaining = words_of(strip_settings(sentence.masked))
    return all(word in words.GLOBAL_WORDS or word.endswith(("-style", "-shot")) for word in remaining)


def music_of(cues: list[str], shots: list[DraftShot], has_lines: bool) -> DraftMusic | None:
    """The music of the cue sentences ``cues`` (None when there is none); event stops find their shot."""
    cue = " ".join(cues)
    if not cue:
        return None
    if NO_MUSIC_RE.search(cue):
        return DraftMusic(stop="0", note="no music asked for: it stops at 0 s")
    style = first_named(words.MUSIC_STYLES, cue)
    guesses = [] if style else ["style"]
    stop, how = _stop(cue, shots)
    if how:
        guesses.append(how)
    if stop == "final-line" and not has_lines and not how:
        stop = "end"
    level = first_named(words.MUSIC_LEVELS, cue)
    if level:
        guesses.append(f"level from '{LEVEL_RES[level].search(cue).group()}'")
    return DraftMusic(style=style or "tense-drone", stop=stop, level=float(level) if level else None,
                      note="guessed: " + "; ".join(guesses) if guesses else "")


def _stop(cue: str, shots: list[DraftShot]) -> tuple[str, str]:
    """The music's stop and a note when it was guessed."""
    for name, pattern in STOP_RES:
        match = pattern.search(cue)
        if not match:
            continue
        if name == "seconds":
            return f"{float(match['seconds']):g}", ""
        if name == "event":
            return _event_stop(match["event"], shots)
        return name, ""
    return "final-line", "stop"


def _event_stop(event: str, shots: list[DraftShot]) -> tuple[str, str]:
    """``shot:<id>`` of the first shot whose prose tells ``event`` ("the power goes out"); a line ends it too."""
    if re.search(r"\b(?:says|speaks|finishes|asks|answers|line|word)\b|[\"“]", event, re.I):
        return "final-line", "the event is a line"
    stems = {_stem(word) for word in words_of(event) if word not in EVENT_STOPWORDS}
    best, best_hits = None, 0
    for shot in shots:
        hits = len(stems & {_stem(word) for word in words_of(shot.description)})
        if hits > best_hits:
            best, best_hits = shot, hits
    if best is None:
        return "end", f"no shot shows '{event.strip()}'"
    return f"shot:{best.id}", f"the shot where {event.strip()}"


def _stem(word: str) -> str:
    """A crude stem for matching an event to a shot: "clapping", "claps", "clap" -> "clap"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            word = word[: -len(suffix)]
            break
    return word[:4]
