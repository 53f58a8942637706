"""Voice effects applied after synthesis: ``none``, ``robot`` and ``radio``.

Each effect is a pure, deterministic function of mono float32 samples; the
output keeps the input's length and peak level.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from storyboard.sound._dsp import butterworth_bandpass, fft_filter

ROBOT_RING_HZ = 62.0  # ring-modulator carrier: the "Dalek" buzz
ROBOT_RING_MIX = 0.8  # share of ring-modulated signal (the rest stays dry)
ROBOT_COMB_SECONDS = 0.004  # feedback comb delay: metallic resonance at 250 Hz multiples
ROBOT_COMB_FEEDBACK = 0.55
ROBOT_BITS = 7  # amplitude resolution of the slight bitcrush
RADIO_BAND_HZ = (300.0, 3400.0)
RADIO_FILTER_ORDER = 4  # Butterworth, applied with zero phase
RADIO_FILTER_PAD_SECONDS = 0.1  # longer than the band-pass rings: no wrap-around
RADIO_DRIVE = 3.0  # soft-saturation drive into tanh
RADIO_NOISE_LEVEL = 0.02  # relative to the peak
RADIO_NOISE_SEED = 20_240_611


def apply_effect(samples: np.ndarray, effect: str, sample_rate: int) -> np.ndarray:
    """Return ``samples`` (mono float32) processed by ``effect``: ``none``, ``robot`` or ``radio``.

    Raises ValueError for an unknown effect.
    """
    if effect not in EFFECTS:
        raise ValueError(f"unknown effect {effect!r}; known: {', '.join(EFFECTS)}")
    samples = np.asarray(samples, dtype=np.float32)
    if samples.size == 0:
        return samples
    processed = EFFECTS[effect](samples.astype(np.float64), sample_rate)
    return _match_peak(processed, samples).astype(np.float32)


def _none(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """The voice unchanged."""
    return samples


def _robot(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Ring modulation, a short metallic feedback comb and a slight bitcrush."""
    t = np.arange(samples.size) / sample_rate
    ring = samples * np.sin(2 * np.pi * ROBOT_RING_HZ * t)
    mixed = ROBOT_RING_MIX * ring + (1 - ROBOT_RING_MIX) * samples
    delay = max(1, round(ROBOT_COMB_SECONDS * sample_rate))
    return _bitcrush(_feedback_comb(mixed, delay, ROBOT_COMB_FEEDBACK), ROBOT_BITS)


def _feedback_comb(samples: np.ndarray, delay: int, feedback: float) -> np.ndarray:
    """``y[n] = (1 - feedback) x[n] + feedback y[n - delay]``, one delay-long row at a time."""
    rows = -(-samples.size // delay)
    padded = np.zeros(rows * delay)
    padded[: samples.size] = (1.0 - feedback) * samples
    grid = padded.reshape(rows, delay)
    for row in range(1, rows):
        grid[row] += feedback * grid[row - 1]
    return padded[: samples.size]


def _bitcrush(samples: np.ndarray, bits: int) -> np.ndarray:
    """Quantise to ``bits`` of amplitude resolution relative to the peak."""
    peak = float(np.max(np.abs(samples)))
    if peak == 0.0:
        return samples
    steps = 2 ** (bits - 1)
    return np.round(samples / peak * steps) / steps * peak


def _radio(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Telephone band-pass, soft saturation and a little seeded hiss."""
    low, high = (edge / sample_rate for edge in RADIO_BAND_HZ)
    noise = np.random.default_rng(RADIO_NOISE_SEED).standard_normal(samples.size)
    banded, hiss = fft_filter(
        np.stack([samples, noise]),
        lambda frequency: butterworth_bandpass(frequency, low, high, RADIO_FILTER_ORDER),
        round(RADIO_FILTER_PAD_SECONDS * sample_rate),
    )
    peak = float(np.max(np.abs(banded)))
    if peak == 0.0:
        return banded
    saturated = np.tanh(RADIO_DRIVE * banded / peak) / np.tanh(RADIO_DRIVE)
    return saturated + RADIO_NOISE_LEVEL * hiss


def _match_peak(processed: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Scale ``processed`` to the peak level of ``reference``."""
    peak = float(np.max(np.abs(processed)))
    target = float(np.max(np.abs(reference)))
    return processed if peak == 0.0 else processed * (target / peak)


EFFECTS: dict[str, Callable[[np.ndarray, int], np.ndarray]] = {
    "none": _none,
    "robot": _robot,
    "radio": _radio,
}
