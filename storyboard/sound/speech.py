"""Local text-to-speech: pyttsx3's eSpeak NG binding, one fresh process per line.

Why not ``pyttsx3.init()``: its high-level engine (version 2.99) writes only the
last of several queued files, hangs when forked after ``init()``, prints to
stdout, and its ``runAndWait`` calls ``stop()``, which cancels eSpeak while it
is busy (dropped rate changes, missing or empty files under load, tails of one
line leaking into the next). pyttsx3's own ctypes binding,
``pyttsx3.drivers._espeak``, in synchronous mode has none of these problems.

Why a fresh process per line: eSpeak keeps state between utterances (the pitch
flutter phase, the Klatt generator...), so the same line spoken twice in one
process gives different samples; neither ``espeak_ng_SetRandSeed`` nor
terminating and re-initialising the engine resets it. A process that speaks a
single line always starts from the same state, so a line's audio does not
depend on its neighbours or on the order of synthesis. The worker
(``_espeak_worker.py``) imports no numpy and costs about 50 ms per line; ``jobs``
of them run at once.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import struct
import subprocess
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

import espeakng_loader
import numpy as np
from scipy.signal import resample_poly

from storyboard.model import Character
from storyboard.sound.effects import apply_effect

SAMPLE_RATE = 48_000
MALE_VOICE = "en-us+m3"
FEMALE_VOICE = "en-us+f3"
# Distinct voices, most natural first; male and female interleave for speakers
# whose gender is unknown.
MALE_PALETTE = ("en-us+m3", "en+m1", "en-gb-scotland+m7", "en-us+m2", "en+m4", "en-gb-x-rp+m6")
FEMALE_PALETTE = ("en-us+f3", "en+f1", "en-gb-scotland+f4", "en-us+f2", "en+f5", "en-gb-x-rp+f4")
PALETTE = tuple(v for pair in zip(MALE_PALETTE, FEMALE_PALETTE) for v in pair)
TRIM_THRESHOLD_DB = -40.0  # relative to the line's peak
TRIM_PAD_SECONDS = 0.01  # kept either side of the first / last sound
MONOTONE_EFFECTS = ("robot",)  # spoken without intonation before the effect
EDGE_FADE_SECONDS = 0.003  # fade in and out so a line never starts or ends with a click
REFERENCE_RATE = 165  # words per minute the length bounds below are for
MIN_SECONDS_PER_CHAR = 0.02  # a letter or digit never takes less...
MAX_SECONDS_PER_CHAR = 0.6  # ...nor more (spelt-out acronyms are the slow case)
MAX_EXTRA_SECONDS = 1.5
WORKER_TIMEOUT_SECONDS = 30.0
ATTEMPTS = 2

_WORKER = Path(__file__).with_name("_espeak_worker.py")
_WORKER_SCHEME = "fresh-process-2"  # 2: the noise generator is seeded
_DATA = Path(espeakng_loader.get_data_path())
ENGINE_VERSION = (
    f"pyttsx3-{version('pyttsx3')}+espeakng-loader-{version('espeakng-loader')}+{_WORKER_SCHEME}"
)


class SpeechError(RuntimeError):
    """The speech engine failed to speak a line (after a retry)."""


@dataclasses.dataclass(frozen=True)
class _Voice:
    """A resolved engine voice: a language file and an optional variant file."""

    base: str
    variant: str | None

    def __str__(self) -> str:
        return self.base if self.variant is None else f"{self.base}+{self.variant}"


@functools.lru_cache(maxsize=1)
def _language_files() -> dict[str, str]:
    """Map every lower-cased name eSpeak knows a language voice by to its file id.

    Keys are file names (``en-us``) and declared language codes (``en-gb``,
    from ``language en-gb 2``); values are ids such as ``gmw/en-US``, which
    ``espeak_SetVoiceByName`` accepts (it rejects ``en-gb`` itself).
    """
    lang = _DATA / "lang"
    ranked: dict[str, tuple[int, str]] = {}
    for path in sorted(p for p in lang.rglob("*") if p.is_file()):
        file_id = path.relative_to(lang).as_posix()
        ranked[path.name.lower()] = (-1, file_id)
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] == "language":
                priority = int(words[2]) if len(words) > 2 and words[2].isdigit() else 5
                key = words[1].lower()
                ranked[key] = min(ranked.get(key, (priority, file_id)), (priority, file_id))
    return {key: file_id for key, (_, file_id) in ranked.items()}


@functools.lru_cache(maxsize=1)
def _variant_files() -> dict[str, str]:
    """Map lower-cased variant names (``m3``, ``klatt2``...) to their file names."""
    return {p.name.lower(): p.name for p in (_DATA / "voices" / "!v").iterdir() if p.is_file()}


def _resolve(voice: str) -> _Voice | None:
    """The engine voice for ``male``, ``female`` or an engine id; None if unknown."""
    spec = {"male": MALE_VOICE, "female": FEMALE_VOICE}.get(voice, voice).strip()
    base, _, variant = spec.partition("+")
    file_id = _language_files().get(base.strip().lower())
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


def assign_voices(speakers: Sequence[str], listed: Mapping[str, Character]) -> dict[str, Character]:
    """Give every speaker (and every listed character) a Character with a concrete voice.

    Engine ids written by the director are kept. ``male`` / ``female`` take the
    first voice of that gender's palette no one uses yet, so two male characters
    never sound the same. Unlisted speakers take, in order of first appearance,
    the first unused voice of a palette alternating male and female. When a
    palette is exhausted voices repeat.
    """
    palettes = {"male": MALE_PALETTE, "female": FEMALE_PALETTE}
    characters = {name: listed.get(name, Character(name=name)) for name in [*listed, *speakers]}
    unlisted = set(characters) - set(listed)
    used = {voice_id(c) for c in listed.values() if c.voice not in palettes}
    assigned: dict[str, Character] = {}
    for name, character in characters.items():
        if name not in unlisted and character.voice not in palettes:
            assigned[name] = character
            continue
        voice = _first_unused(PALETTE if name in unlisted else palettes[character.voice], used)
        used.add(str(_resolve(voice)))
        assigned[name] = dataclasses.replace(character, voice=voice)
    return assigned


def _first_unused(palette: Sequence[str], used: set[str]) -> str:
    """The first voice in ``palette`` not in ``used`` (resolved ids), else cycle."""
    fresh = [v for v in palette if str(_resolve(v)) not in used]
    return fresh[0] if fresh else palette[len(used) % len(palette)]


def synthesise_lines(requests: Sequence[tuple[str, Character]], jobs: int = 2) -> list[np.ndarray]:
    """Speak each (text, character); mono float32 at 48 kHz, trimmed of leading/trailing silence, effect applied.

    ``jobs`` engine processes run at once. Raises SpeechError if a line cannot
    be spoken after one retry, ValueError for an unknown voice.
    """
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(lambda request: synthesise_line(*request), requests))


def synthesise_line(text: str, character: Character) -> np.ndarray:
    """Speak one line as ``character``; see :func:`synthesise_lines`."""
    voice = voice_id(character)
    monotone = character.effect in MONOTONE_EFFECTS
    problem = ""
    for _ in range(ATTEMPTS):
        sample_rate, pcm, problem = _speak(text, voice, character.rate, monotone)
        samples = _trim(pcm.astype(np.float32) / 32768.0, sample_rate)
        problem = problem or _implausibility(samples, sample_rate, text, character.rate)
        if not problem:
            resampled = _resample(samples, sample_rate)
            return _fade_edges(apply_effect(resampled, character.effect, SAMPLE_RATE))
    raise SpeechError(f"speech engine failed for {character.name} ({voice}): {problem}: {text!r}")


def _speak(text: str, voice: str, rate: int, monotone: bool) -> tuple[int, np.ndarray, str]:
    """Run the worker once: the engine's sample rate, int16 samples and, on failure, why."""
    request = json.dumps({"text": text, "voice": voice, "rate": rate, "monotone": monotone})
    try:
        done = subprocess.run(
            [sys.executable, "-I", str(_WORKER)],
            input=request.encode(),
            capture_output=True,
            timeout=WORKER_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return 0, np.zeros(0, np.int16), f"no answer in {WORKER_TIMEOUT_SECONDS:.0f} s"
    if done.returncode != 0 or len(done.stdout) < 4:
        lines = done.stderr.decode(errors="replace").strip().splitlines() or ["no output"]
        return 0, np.zeros(0, np.int16), f"worker exit status {done.returncode}: {lines[-1]}"
    (sample_rate,) = struct.unpack("<I", done.stdout[:4])
    payload = done.stdout[4 : 4 + (len(done.stdout) - 4) // 2 * 2]
    return sample_rate, np.frombuffer(payload, dtype="<i2"), ""


def _trim(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Cut leading and trailing silence, keeping a short pad around the sound."""
    peak = float(np.max(np.abs(samples), initial=0.0))
    loud = np.flatnonzero(np.abs(samples) > peak * 10 ** (TRIM_THRESHOLD_DB / 20))
    if peak == 0.0 or loud.size == 0:
        return samples[:0]
    pad = int(TRIM_PAD_SECONDS * sample_rate)
    return samples[max(0, loud[0] - pad) : loud[-1] + pad + 1]


def _implausibility(samples: np.ndarray, sample_rate: int, text: str, rate: int) -> str:
    """Why ``samples`` cannot be the engine speaking ``text``; empty if they can."""
    if sample_rate <= 0 or samples.size == 0:
        return "no audio"
    if not np.all(np.isfinite(samples)):
        return "non-finite samples"
    chars = sum(ch.isalnum() for ch in text)
    scale = REFERENCE_RATE / max(rate, 1)
    seconds = samples.size / sample_rate
    low = chars * MIN_SECONDS_PER_CHAR * scale
    high = (chars * MAX_SECONDS_PER_CHAR + MAX_EXTRA_SECONDS) * scale
    if not low <= seconds <= high:
        return f"{seconds:.2f} s of audio, expected {low:.2f}-{high:.2f} s"
    return ""


def _fade_edges(samples: np.ndarray) -> np.ndarray:
    """``samples`` with EDGE_FADE_SECONDS linear fades at both ends."""
    n = min(round(EDGE_FADE_SECONDS * SAMPLE_RATE), samples.size // 2)
    ramp = np.linspace(0.0, 1.0, n + 1, endpoint=False, dtype=np.float32)[1:]
    faded = samples.copy()
    faded[:n] *= ramp
    faded[samples.size - n :] *= ramp[::-1]
    return faded


def _resample(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Resample to SAMPLE_RATE (22050 -> 48000 is 320/147) as float32."""
    if sample_rate == SAMPLE_RATE:
        return samples.astype(np.float32)
    divisor = np.gcd(SAMPLE_RATE, sample_rate)
    return resample_poly(samples, SAMPLE_RATE // divisor, sample_rate // divisor).astype(np.float32)
