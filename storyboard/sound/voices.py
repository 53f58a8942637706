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
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from storyboard.model import Character

MALE_VOICE = "en-us+m3"
FEMALE_VOICE = "en-us+f3"
# Distinct voices, most natural first; male and female interleave for speakers
# whose gender is unknown.
MALE_PALETTE = ("en-us+m3", "en+m1", "en-gb-scotland+m7", "en-us+m2", "en+m4", "en-gb-x-rp+m6")
FEMALE_PALETTE = ("en-us+f3", "en+f1", "en-gb-scotland+f4", "en-us+f2", "en+f5", "en-gb-x-rp+f4")
PALETTE = tuple(v for pair in zip(MALE_PALETTE, FEMALE_PALETTE) for v in pair)
WORKER_SCHEME = "fresh-process-3"  # 2: the noise generator is seeded; 3: rate and pitch measured and corrected
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
    """Whether ``voice`` (``male``, ``female`` or an engine id like ``en-gb+f4``) exists."""
    return _resolve(voice) is not None


def voice_id(character: Character) -> str:
    """The eSpeak voice actually used for ``character`` (such as ``gmw/en-US+m3``).

    Raises ValueError for a voice the engine does not have.
    """
    resolved = _resolve(character.voice)
    if resolved is None:
        raise ValueError(f"unknown voice {character.voice!r} for {character.name}")
    return str(resolved)


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
# Words in a character's look or name that tell their age, in a table a newcomer can extend.
CHILD_WORDS = frozenset("child kid boy girl baby toddler son daughter schoolboy schoolgirl".split())
OLD_WORDS = frozenset("old elderly grandma grandpa grandmother grandfather granny aged senior 60s 70s 80s 90s".split())
CHILD_YEARS, OLD_YEARS = 13, 60  # "8 years old" is a child, "70 years old" old


def kind_of_voice(character: Character) -> str:
    """``man``, ``woman``, ``old man``, ``old woman`` or ``child``.

    The voice says the gender (``female`` or a female variant such as
    ``+f3``); the words of the look and the name say the age.
    """
    words = re.findall(r"[a-z0-9]+", f"{character.look or ''} {character.name}".lower())
    years = [int(w) for w, after in zip(words, [*words[1:], ""]) if w.isdigit() and after in ("years", "year", "yo")]
    if CHILD_WORDS.intersection(words) or any(y < CHILD_YEARS for y in years):
        return "child"
    female = character.voice == "female" or _is_female(character.voice)
    kind = "woman" if female else "man"
    return f"old {kind}" if OLD_WORDS.intersection(words) or any(y >= OLD_YEARS for y in years) else kind


def _is_female(voice: str) -> bool:
    """Whether an engine voice id names a female variant (``+f3``, ``+female``...)."""
    variant = voice.partition("+")[2].strip().lower()
    return variant.startswith("f") and not variant.startswith("fl")


def assign_voices(speakers: Sequence[str], listed: Mapping[str, Character]) -> dict[str, Character]:
    """Give every speaker (and every listed character) a Character with a concrete voice and pitch.

    Engine ids written by the director are kept. ``male`` / ``female`` take the
    first voice of that gender's palette no one uses yet, so two male characters
    never sound the same. Unlisted speakers take, in order of first appearance,
    the first unused voice of a palette alternating male and female. When a
    palette is exhausted voices repeat. A character without a ``pitch`` gets
    the next free one of their kind of voice (:data:`PITCHES`); an old one
    without a rate of their own speaks slower.
    """
    from storyboard.model import Character

    palettes = {"male": MALE_PALETTE, "female": FEMALE_PALETTE}
    characters = {name: listed.get(name, Character(name=name)) for name in [*listed, *speakers]}
    unlisted = set(characters) - set(listed)
    used = {voice_id(c) for c in listed.values() if c.voice not in palettes}
    taken: dict[str, set[int]] = {kind: set() for kind in PITCHES}
    for character in listed.values():
        if character.pitch is not None:
            taken[kind_of_voice(character)].add(character.pitch)
    assigned: dict[str, Character] = {}
    for name, character in characters.items():
        if name in unlisted or character.voice in palettes:
            voice = _first_unused(PALETTE if name in unlisted else palettes[character.voice], used)
            used.add(str(_resolve(voice)))
            character = character._replace(voice=voice)
        assigned[name] = _pitched(character, taken)
    return assigned


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
