"""Which eSpeak NG voice each character speaks with; cheap to import (no numpy).

The loader validates voice names and gives every speaker a voice of its own
here, and the cache keys spoken lines by :func:`voice_id` and
:data:`ENGINE_VERSION`, so a render whose speech is cached never loads the
synthesis stack.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from storyboard import people

if TYPE_CHECKING:
    from storyboard.model import Character

MALE_VOICE = "en-us+m3"
FEMALE_VOICE = "en-us+f3"
# Distinct voices, most natural first.
MALE_PALETTE = ("en-us+m3", "en+m1", "en-gb-scotland+m7", "en-us+m2", "en+m4", "en-gb-x-rp+m6")
FEMALE_PALETTE = ("en-us+f3", "en+f1", "en-gb-scotland+f4", "en-us+f2", "en+f5", "en-gb-x-rp+f4")
WORKER_SCHEME = "fresh-process-4"  # 2: the noise generator is seeded; 3: rate and pitch measured and corrected; 4: unspaced scripts counted
DEFAULT_RATE = 165  # words per minute, for a character who names no rate


def _installed(distribution: str, module: str) -> str:
    """``name-version`` of the installed distribution that holds the package ``module``.

    Read from the ``.dist-info`` folder's name beside the package, which is
    found but not imported: the same answer as ``importlib.metadata.version``
    without its 12 ms of imports (or pyttsx3's 7 ms), which every render (even
    a fully cached one) would pay.
    """
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return f"{distribution}-unknown"
    site = Path(spec.origin).resolve().parent.parent
    stem = distribution.replace("-", "_")
    infos = sorted(p.name for p in site.glob("*.dist-info") if p.name.lower().startswith(stem.lower() + "-"))
    return infos[-1].removesuffix(".dist-info") if infos else f"{stem}-unknown"


ENGINE_VERSION = "+".join(
    [_installed("pyttsx3", "pyttsx3"), _installed("espeakng-loader", "espeakng_loader"), WORKER_SCHEME]
)


class _Voice(NamedTuple):
    """A resolved engine voice: a language file and an optional variant file."""

    base: str
    variant: str | None

    def __str__(self) -> str:
        return self.base if self.variant is None else f"{self.base}+{self.variant}"


@functools.lru_cache(maxsize=1)
def _data() -> Path:
    """eSpeak NG's data folder, as espeakng-loader ships it.

    Found beside the package without importing it (its import pulls in ctypes
    and platform: 4 ms of every render); asked of the package itself if the
    folder is not where its ``get_data_path`` looks.
    """
    spec = importlib.util.find_spec("espeakng_loader")
    beside = Path(spec.origin).parent / "espeak-ng-data" if spec is not None and spec.origin else None
    if beside is not None and beside.is_dir():
        return beside
    import espeakng_loader

    return Path(espeakng_loader.get_data_path())


@functools.lru_cache(maxsize=1)
def _language_paths() -> tuple[tuple[str, str], ...]:
    """Every language file as (file id such as ``gmw/en-US``, path), in path order."""
    lang = str(_data() / "lang")
    found = [(os.path.relpath(os.path.join(folder, name), lang).replace(os.sep, "/"), os.path.join(folder, name))
             for folder, _, names in os.walk(lang) for name in names]
    return tuple(sorted(found, key=lambda item: item[0].split("/")))


@functools.lru_cache(maxsize=1)
def _language_files() -> dict[str, str]:
    """Map every lower-cased language file name (``en-us``) to its file id (``gmw/en-US``).

    The ids are what ``espeak_SetVoiceByName`` accepts. Only the folder is
    listed: every voice storyboard picks by itself is found here.
    """
    return {file_id.rpartition("/")[2].lower(): file_id for file_id, _ in _language_paths()}


@functools.lru_cache(maxsize=1)
def _declared_languages() -> dict[str, str]:
    """Map the lower-cased language codes the files declare (``en-gb``) to the best file id.

    Read from lines such as ``language en-gb 2`` (a lower number is a better
    match). Reading every file takes about 20 ms, so it happens only for a
    voice that is not a file name.
    """
    ranked: dict[str, tuple[int, str]] = {}
    for file_id, path in _language_paths():
        for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] == "language":
                priority = int(words[2]) if len(words) > 2 and words[2].isdigit() else 5
                key = words[1].lower()
                ranked[key] = min(ranked.get(key, (priority, file_id)), (priority, file_id))
    return {key: file_id for key, (_, file_id) in ranked.items()}


@functools.lru_cache(maxsize=1)
def _variant_files() -> dict[str, str]:
    """Map lower-cased variant names (``m3``, ``klatt2``...) to their file names."""
    return {p.name.lower(): p.name for p in (_data() / "voices" / "!v").iterdir() if p.is_file()}


def _resolve(voice: str) -> _Voice | None:
    """The engine voice for ``male``, ``female`` or an engine id; None if unknown."""
    spec = {"male": MALE_VOICE, "female": FEMALE_VOICE}.get(voice, voice).strip()
    base, _, variant = spec.partition("+")
    name = base.strip().lower()
    file_id = _language_files().get(name) or _declared_languages().get(name)
    if file_id is None:
        return None
    if not variant:
        return _Voice(file_id, None)
    variant_file = _variant_files().get(variant.strip().lower())
    return None if variant_file is None else _Voice(file_id, variant_file)


def known_voice(voice: str) -> bool:
    """Whether ``voice`` (``male``, ``female``, ``auto`` or an engine id like ``en-gb+f4``) exists."""
    return voice == people.AUTO_VOICE or _resolve(voice) is not None


def voice_id(character: Character) -> str:
    """The eSpeak voice actually used for ``character`` (such as ``gmw/en-US+m3``).

    Raises ValueError for a voice the engine does not have.
    """
    resolved = _resolve(character.voice)
    if resolved is None:
        raise ValueError(f"unknown voice {character.voice!r} for {character.name}")
    return str(resolved)


# A line written mostly in one of these scripts is spoken by that language's
# voice, with the character's variant and pitch: an English voice spells out
# letters it cannot read (an Arabic line became 17 s of letter names).
# (first code point, last code point, eSpeak language file); kana come first
# because Japanese mixes kana with Han characters.
SCRIPT_LANGUAGES: tuple[tuple[int, int, str], ...] = (
    (0x3040, 0x30FF, "ja"),  # hiragana, katakana
    (0xAC00, 0xD7AF, "ko"),  # hangul
    (0x4E00, 0x9FFF, "cmn"),  # Han
    (0x0600, 0x06FF, "ar"),
    (0x0400, 0x04FF, "ru"),  # Cyrillic
    (0x0370, 0x03FF, "el"),
    (0x0590, 0x05FF, "he"),
    (0x0900, 0x097F, "hi"),  # Devanagari
    (0x0980, 0x09FF, "bn"),
    (0x0B80, 0x0BFF, "ta"),
    (0x0E00, 0x0E7F, "th"),
    (0x10A0, 0x10FF, "ka"),  # Georgian
    (0x0530, 0x058F, "hy"),  # Armenian
)


def line_voice(character: Character, text: str) -> str:
    """The eSpeak voice that speaks ``text`` as ``character`` (such as ``sem/ar+m3``).

    The character's own voice, unless most of the line's letters are in a
    script of :data:`SCRIPT_LANGUAGES`: then that language, with the
    character's variant. Raises ValueError for a voice the engine does not have.
    """
    own = voice_id(character)
    language = _script_language(text)
    if language is None:
        return own
    variant = own.partition("+")[2]
    return _language_files()[language] + (f"+{variant}" if variant else "")


def _script_language(text: str) -> str | None:
    """The language of the script most of ``text``'s letters are written in, if not Latin."""
    letters = [ord(char) for char in text if char.isalpha()]
    found = Counter(language for code in letters for low, high, language in SCRIPT_LANGUAGES if low <= code <= high)
    if sum(found.values()) * 2 <= len(letters):
        return None
    return "ja" if "ja" in found else found.most_common(1)[0][0]


# Pitches (Hz) handed out in turn within each kind of voice, about 25 Hz
# apart, so that no two characters of one gender and age sit within 15 Hz
# even where a pitch is measured a few percent off; children above every
# woman. eSpeak reaches about 0.9 to 1.65 times a voice's own pitch (men's
# voices 95-105 Hz, women's 180-210 Hz). Old voices speak OLD_RATE_FACTOR slower.
PITCHES: dict[str, tuple[int, ...]] = {
    "man": (112, 88, 136, 160, 184, 100),
    "woman": (200, 175, 225, 250, 275, 150),
    "old man": (124, 100, 148, 172, 196, 88),
    "old woman": (190, 165, 215, 240, 265, 140),
    "child": (300, 325, 350, 290, 315, 340),
}
OLD_RATE_FACTOR = 0.85
PITCH_SPACING = 20  # Hz: a pitch this close to a taken one is not handed out


def kind_of_voice(character: Character) -> str:
    """``man``, ``woman``, ``old man``, ``old woman`` or ``child``.

    Who the character is (a child, old) is :func:`storyboard.people.who_is`'s
    answer, the same the panels draw; the gender of the pitch range is the
    voice's own (``female`` or a female variant such as ``+f3``), else who
    they are.
    """
    who = people.who_is(character.name, character.look, character.voice)
    if who.child:
        return "child"
    kind = people.voice_gender(character.voice) or who.kind
    return f"old {kind}" if who.old else kind


def assign_voices(speakers: Sequence[str], listed: Mapping[str, Character],
                  descriptions: Sequence[str] = ()) -> dict[str, Character]:
    """Give every speaker (and every listed character) a Character with a concrete voice and pitch.

    Engine ids written by the director are kept. ``male`` / ``female`` take the
    first voice of that gender's palette no one uses yet, so two male characters
    never sound the same. Unlisted speakers, and listed characters whose voice
    is ``auto`` (none given), take the next unused voice of the gender they are
    drawn as (:func:`storyboard.people.who_is`: the look, the name, the
    pronouns of ``descriptions``). When a palette is exhausted voices repeat.
    A character without a ``pitch`` gets the next free one of their kind of
    voice (:data:`PITCHES`); an old one without a rate of their own speaks slower.
    """
    from storyboard.model import Character

    palettes = {"male": MALE_PALETTE, "female": FEMALE_PALETTE}
    names = list(dict.fromkeys([*listed, *speakers]))
    characters = {name: listed.get(name, Character(name=name, voice=people.AUTO_VOICE)) for name in names}
    used = {voice_id(c) for c in listed.values() if c.voice not in palettes and c.voice != people.AUTO_VOICE}
    voiced: dict[str, Character] = {}
    for name, character in characters.items():
        if character.voice == people.AUTO_VOICE:
            who = people.who_is(name, character.look, None, people.pronoun_kind(name, descriptions, names))
            character = character._replace(voice=who.voice)
        if character.voice in palettes:
            voice = _first_unused(palettes[character.voice], used)
            used.add(str(_resolve(voice)))
            character = character._replace(voice=voice)
        voiced[name] = character
    taken: dict[str, set[int]] = {kind: set() for kind in PITCHES}
    for character in voiced.values():
        if character.pitch is not None:
            taken[kind_of_voice(character)].add(character.pitch)
    return {name: _pitched(character, taken) for name, character in voiced.items()}


def rate_of(character: Character) -> int:
    """The character's words per minute: their own ``rate``, else 165, or 140 for an old voice."""
    if character.rate is not None:
        return character.rate
    return round(DEFAULT_RATE * OLD_RATE_FACTOR) if kind_of_voice(character).startswith("old") else DEFAULT_RATE


def _pitched(character: Character, taken: dict[str, set[int]]) -> Character:
    """``character`` with a pitch (the next free one of their kind) and, if old, a slower default rate."""
    kind = kind_of_voice(character)
    character = character._replace(rate=rate_of(character))
    if character.pitch is not None:
        return character
    free = [p for p in PITCHES[kind] if all(abs(p - other) >= PITCH_SPACING for other in taken[kind])]
    pitch = free[0] if free else PITCHES[kind][len(taken[kind]) % len(PITCHES[kind])]
    taken[kind].add(pitch)
    return character._replace(pitch=pitch)


def _first_unused(palette: Sequence[str], used: set[str]) -> str:
    """The first voice in ``palette`` not in ``used`` (resolved ids), else cycle."""
    fresh = [v for v in palette if str(_resolve(v)) not in used]
    return fresh[0] if fresh else palette[len(used) % len(palette)]
