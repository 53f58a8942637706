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
single line, with its noise generator seeded, always starts from the same
state, so a line's audio does not depend on its neighbours, on the order of
synthesis or on the time of day. Voices are resolved in
:mod:`storyboard.sound.voices`, which loads without numpy. The worker
(``_espeak_worker.py``) imports no numpy and costs about 50 ms per line; ``jobs``
of them run at once.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from storyboard.model import Character
from storyboard.sound._dsp import resample
from storyboard.sound.effects import apply_effect
from storyboard.sound.voices import voice_id

SAMPLE_RATE = 48_000
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
class SpeechError(RuntimeError):
    """The speech engine failed to speak a line (after a retry)."""


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
    """Resample to SAMPLE_RATE (eSpeak speaks at 22050 Hz) as float32."""
    if sample_rate == SAMPLE_RATE:
        return samples.astype(np.float32)
    return resample(samples.astype(np.float64), sample_rate, SAMPLE_RATE).astype(np.float32)
