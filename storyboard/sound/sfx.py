"""Generated sound effects: one recipe per sound in :data:`RECIPES`, each made of a few table-driven hits.

A sound is a list of :class:`Hit` s: a burst of shaped noise and/or a tone
(optionally sweeping) with a fast attack and an exponential decay, at a time
after the effect's start. Every effect starts on its first sample (its
``at`` in the shot list), is seeded (the same scene gives the same sounds)
and is scaled to its peak level in :data:`RECIPES`.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import numpy as np

from storyboard.sound._dsp import butterworth_bandpass, fft_filter

SAMPLE_RATE = 48_000
ATTACK_SECONDS = 0.002  # every hit rises this fast: an effect lands on its time


class Hit(NamedTuple):
    """One hit: noise in ``band_hz`` and/or a tone sweeping ``tone_hz``, ``gain`` (linear), after ``delay`` s."""

    delay: float
    seconds: float
    decay: float  # seconds to fall by 1/e
    band_hz: tuple[float, float] | None = None
    tone_hz: tuple[float, float] | None = None  # start and end frequency
    gain: float = 1.0
    pan: float = 0.0
    swell: float = 0.0  # seconds of slow rise after the attack (a whoosh), 0: none


class Recipe(NamedTuple):
    """A sound effect: its hits and its peak level in dBFS."""

    hits: tuple[Hit, ...]
    peak_dbfs: float


def _steps(count: int, spacing: float) -> tuple[Hit, ...]:
    """Footsteps: a heel and a toe, alternating feet."""
    hits = []
    for step in range(count):
        pan = -0.2 if step % 2 else 0.2
        hits += [Hit(step * spacing, 0.12, 0.025, (150.0, 2500.0), gain=1.0, pan=pan),
                 Hit(step * spacing + 0.06, 0.1, 0.02, (400.0, 4000.0), gain=0.5, pan=pan)]
    return tuple(hits)


RECIPES: dict[str, Recipe] = {
    "door-slam": Recipe((Hit(0.0, 0.6, 0.12, (60.0, 900.0)), Hit(0.0, 0.5, 0.1, tone_hz=(90.0, 60.0), gain=0.8),
                         Hit(0.02, 0.3, 0.05, (1500.0, 5000.0), gain=0.25)), -8.0),
    "footsteps": Recipe(_steps(4, 0.5), -14.0),
    "phone-buzz": Recipe(tuple(Hit(start, 0.4, 10.0, (150.0, 1200.0), tone_hz=(175.0, 175.0), gain=0.6)
                               for start in (0.0, 0.6)), -14.0),
    "glass": Recipe((Hit(0.0, 0.08, 0.02, (2000.0, 12000.0)),
                     *(Hit(0.0, 1.2, 0.3, tone_hz=(f, f), gain=0.3) for f in (2637.0, 3520.0, 4699.0, 5920.0)),
                     Hit(0.09, 0.06, 0.015, (3000.0, 12000.0), gain=0.6, pan=0.4),
                     Hit(0.17, 0.05, 0.012, (3000.0, 12000.0), gain=0.4, pan=-0.4)), -10.0),
    "impact": Recipe((Hit(0.0, 0.9, 0.2, (40.0, 6000.0)), Hit(0.0, 0.8, 0.25, tone_hz=(70.0, 40.0), gain=1.2)), -6.0),
    "whoosh": Recipe((Hit(0.0, 0.7, 0.15, (300.0, 3000.0), swell=0.15, pan=-0.4),
                      Hit(0.1, 0.6, 0.15, (600.0, 5000.0), swell=0.12, gain=0.8, pan=0.4)), -12.0),
}


def make_effect(sound: str, seed: int, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """The effect ``sound`` as (n, 2) float32 peaking at its recipe's level; the same seed gives the same samples."""
    recipe = RECIPES[sound]
    rng = np.random.default_rng([seed % 2**32, len(sound)])
    out = np.zeros((effect_length(sound, sample_rate), 2))
    for hit in recipe.hits:
        start = round(hit.delay * sample_rate)
        samples = _hit(hit, rng, sample_rate)
        out[start : start + samples.size] += np.outer(samples, [1 - hit.pan, 1 + hit.pan])
    return (out * (10 ** (recipe.peak_dbfs / 20) / np.abs(out).max())).astype(np.float32)


def effect_length(sound: str, sample_rate: int = SAMPLE_RATE) -> int:
    """How many samples :func:`make_effect` makes for ``sound``: to its last hit's end."""
    return max(round((hit.delay + hit.seconds) * sample_rate) for hit in RECIPES[sound].hits)


class HeldEffect:
    """An effect as the mixer reads it (its length, a slice), made when it is read rather than held all film long.

    A feature's few hundred effects would otherwise be a hundred megabytes
    held from the mix's start to its end; the last few made are kept, for a
    block that reads an effect the block before it read too.
    """

    def __init__(self, sound: str, seed: int, sample_rate: int = SAMPLE_RATE) -> None:
        self.sound, self.seed, self.sample_rate = sound, seed, sample_rate

    def __len__(self) -> int:
        return effect_length(self.sound, self.sample_rate)

    def __getitem__(self, index: slice) -> np.ndarray:
        return _recent_effect(self.sound, self.seed, self.sample_rate)[index]


@functools.lru_cache(maxsize=8)
def _recent_effect(sound: str, seed: int, sample_rate: int) -> np.ndarray:
    """:func:`make_effect`, read-only, for :class:`HeldEffect` (blocks are mixed in order: eight is plenty)."""
    samples = make_effect(sound, seed, sample_rate)
    samples.flags.writeable = False
    return samples


def _hit(hit: Hit, rng: np.random.Generator, rate: int) -> np.ndarray:
    """One hit's mono samples: its noise and tone under its envelope."""
    n = round(hit.seconds * rate)
    t = np.arange(n) / rate
    sound = np.zeros(n)
    if hit.band_hz is not None:
        low, high = (min(edge / rate, 0.49) for edge in hit.band_hz)
        noise = fft_filter(rng.standard_normal(n), lambda f: butterworth_bandpass(f, low, high, 2), n)
        sound += noise / max(np.std(noise), 1e-12) / 3
    if hit.tone_hz is not None:
        start, end = hit.tone_hz
        phase = start * t + (end - start) * t**2 / (2 * hit.seconds)  # a linear sweep
        sound += np.sin(2 * np.pi * phase)
    envelope = np.minimum(1.0, t / ATTACK_SECONDS) * np.exp(-np.maximum(t - hit.swell, 0.0) / hit.decay)
    if hit.swell:
        envelope *= np.where(t < hit.swell, 0.3 + 0.7 * t / hit.swell, 1.0)
    fade = np.minimum(1.0, (n - np.arange(n)) / (0.005 * rate))  # no click at its end
    return hit.gain * sound * envelope * fade
