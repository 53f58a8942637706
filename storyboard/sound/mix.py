"""The final mix: dialogue over the score, as stereo int16 at 48 kHz.

Each line is loudness-normalised and placed, centred, at its start sample; the
score is ducked a few dB under the lines, silenced from ``music_stop`` with a
5 ms ramp that ends exactly there, and the sum goes through a peak limiter.

The mix is rendered a block at a time straight into the int16 output, so it
needs only a few MB besides the output however long the film. The envelopes
are moving windows over their inputs, so a block needs those inputs only over
the block widened by the windows' reach: the ducking is computed only in blocks
within its reach of a line, and if anything at all exceeds the limiter's
ceiling, a second pass renders each block widened by the limiter's reach.
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
BLOCK_SAMPLES = 2**18  # the mix is rendered this many samples (5.5 s) at a time

BED_GAIN = 10 ** (MUSIC_BED_DB / 20)
DUCK_GAIN = 10 ** (DUCK_DB / 20)
DUCK_WIDTH = round(DUCK_SMOOTH_SECONDS * SAMPLE_RATE)
DUCK_REACH = 2 * (DUCK_WIDTH // 2)  # samples either side that the two box filters see
STOP_RAMP_SAMPLES = round(STOP_RAMP_SECONDS * SAMPLE_RATE)
LIMIT_CEILING = 10 ** (LIMIT_DBFS / 20)
LIMITER_WIDTH = 2 * round(LIMITER_WINDOW_SECONDS * SAMPLE_RATE / 2) + 1  # odd: a centred window
LIMITER_REACH = 2 * (LIMITER_WIDTH // 2)  # samples either side that its running minimum and average see

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
    for start, samples in lines:
        if start < 0 or start + len(samples) > total_samples:
            raise ValueError(f"line at samples {start}-{start + len(samples)} is outside the mix (0-{total_samples})")
    stop = total_samples if music_stop is None else min(max(music_stop, 0), total_samples)
    mixer = _Mixer(total_samples, lines, music, stop)
    out = np.empty((total_samples, 2), np.int16)
    if not _mix_unlimited(mixer, out):
        _mix_limited(mixer, out)
    return out


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
    return samples * _normalising_gain(samples, sample_rate)


def _normalising_gain(samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> float:
    """The gain ``normalise_line`` applies to ``samples``: 1 for silence."""
    samples = np.asarray(samples, dtype=np.float64)
    peak = float(np.max(np.abs(samples), initial=0.0))
    if peak == 0.0:
        return 1.0
    loudness = -np.inf
    if samples.size >= LOUDNESS_BLOCK_SECONDS * sample_rate:
        loudness = integrated_loudness(samples, sample_rate)
    if np.isfinite(loudness):
        return 10 ** ((DIALOGUE_LUFS - loudness) / 20)
    return 10 ** (SHORT_LINE_PEAK_DBFS / 20) / peak


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


class _Mixer:
    """Any span of the mix before the limiter: the music bed, ducked and stopped, plus the dialogue."""

    def __init__(self, total: int, lines: Sequence[tuple[int, np.ndarray]], music: np.ndarray | None, stop: int) -> None:
        self.total = total
        self.stop = stop
        self.lines = [(start, samples, _normalising_gain(samples)) for start, samples in lines]
        self.ducked = [(start, start + len(samples)) for start, samples in lines if start < stop and len(samples)]
        self.music = np.zeros((0, 2), np.float32) if music is None else music
        self.music_end = min(stop, len(self.music))  # silence from here on

    def render(self, start: int, end: int) -> np.ndarray:
        """Samples [start, end) of the mix as (end - start, 2) float32."""
        out = np.zeros((end - start, 2), np.float32)
        music_end = min(end, self.music_end)
        if start < music_end:
            bed = out[: music_end - start]
            bed[:] = self.music[start:music_end]
            bed *= self._music_gain(start, music_end)[:, None]
        bus = self._dialogue(start, end)
        if bus is not None:
            out += bus[:, None]
        return out

    def _music_gain(self, start: int, end: int) -> np.ndarray:
        """The music's gain over [start, end): the bed level, ducked under lines, ramped down to the stop."""
        gain = np.full(end - start, BED_GAIN)
        near = [(a, b) for a, b in self.ducked if a < end + DUCK_REACH and b > start - DUCK_REACH]
        if near:
            gain *= _duck_gain(start, end, self.total, near)
        ramp = _stop_ramp(self.stop)
        ramp_start = self.stop - ramp.size
        lo, hi = max(start, ramp_start), min(end, self.stop)
        if lo < hi:
            gain[lo - start : hi - start] *= ramp[lo - ramp_start : hi - ramp_start]
        return gain

    def _dialogue(self, start: int, end: int) -> np.ndarray | None:
        """The lines' parts in [start, end), normalised and summed in order, mono float32; None if there are none."""
        bus = None
        for line_start, samples, gain in self.lines:
            lo, hi = max(start, line_start), min(end, line_start + len(samples))
            if lo < hi:
                bus = np.zeros(end - start, np.float32) if bus is None else bus
                part = np.asarray(samples[lo - line_start : hi - line_start], dtype=np.float64)
                bus[lo - start : hi - start] += part * gain
        return bus


def _blocks(total: int) -> list[tuple[int, int]]:
    """[start, end) of the consecutive blocks of at most BLOCK_SAMPLES covering ``total`` samples."""
    return [(start, min(start + BLOCK_SAMPLES, total)) for start in range(0, total, BLOCK_SAMPLES)]


def _duck_gain(start: int, end: int, total: int, lines: Sequence[tuple[int, int]]) -> np.ndarray:
    """The ducking over [start, end) of the mix: DUCK_DB while a line [a, b) plays, 0 dB otherwise, smoothly joined.

    Computed over the span widened by DUCK_REACH, all the two box filters see
    (cut at the mix's ends, where they hold the edge values).
    """
    first, last = max(start - DUCK_REACH, 0), min(end + DUCK_REACH, total)
    target = np.ones(last - first)
    for a, b in lines:
        target[max(a - first, 0) : max(b - first, 0)] = DUCK_GAIN
    return _box_smooth(_box_smooth(target, DUCK_WIDTH), DUCK_WIDTH)[start - first : end - first]


def _stop_ramp(stop: int) -> np.ndarray:
    """The music's raised-cosine fade to just over 0 at sample ``stop - 1``; shorter if ``stop`` is early."""
    length = min(STOP_RAMP_SAMPLES, stop)
    return 0.5 + 0.5 * np.cos(np.pi * np.arange(1, length + 1) / (length + 1))


def _box_smooth(signal: np.ndarray, width: int) -> np.ndarray:
    """Centred moving average over ``width`` samples (odd-rounded), edges held."""
    half = max(width // 2, 0)
    if half == 0 or signal.size == 0:
        return signal
    padded = np.concatenate([np.full(half + 1, signal[0]), signal, np.full(half, signal[-1])])
    sums = np.cumsum(padded)
    return (sums[2 * half + 1 :] - sums[: -2 * half - 1]) / (2 * half + 1)


def _mix_unlimited(mixer: _Mixer, out: np.ndarray) -> bool:
    """Render the mix block by block into int16 ``out`` without limiting.

    Stops and returns False, ``out`` unfinished, at the first block with a
    sample above LIMIT_CEILING.
    """
    for start, end in _blocks(mixer.total):
        mixed = mixer.render(start, end)
        if _level(mixed).max() > LIMIT_CEILING:
            return False
        out[start:end] = _to_int16(mixed)
    return True


def _mix_limited(mixer: _Mixer, out: np.ndarray) -> None:
    """Render the mix block by block into int16 ``out`` through the peak limiter.

    Scales peaks down to LIMIT_DBFS with a smooth gain; quiet passages are
    untouched. The gain is the running minimum of the gain each sample needs,
    then averaged over the same window, so it never exceeds what any sample
    needs. Each block is rendered widened by LIMITER_REACH, all the two windows
    see, and the whole mix is scaled in float64, like the gain.
    """
    for start, end in _blocks(mixer.total):
        first, last = max(start - LIMITER_REACH, 0), min(end + LIMITER_REACH, mixer.total)
        mixed = mixer.render(first, last)
        needed = np.minimum(1.0, LIMIT_CEILING / np.maximum(_level(mixed), 1e-12))
        block = mixed[start - first : end - first].astype(np.float64)
        if needed.min() < 1.0:
            gain = _box_smooth(sliding_minimum(needed, LIMITER_WIDTH), LIMITER_WIDTH)
            block *= gain[start - first : end - first, None]
        out[start:end] = _to_int16(block)


def _level(mixed: np.ndarray) -> np.ndarray:
    """The louder channel's magnitude at each sample of (n, 2) ``mixed``."""
    return np.maximum(np.abs(mixed[:, 0]), np.abs(mixed[:, 1]))  # 15x faster than np.max(axis=1)


def _to_int16(mixed: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] as int16, rounded and clipped so nothing wraps."""
    return np.clip(np.round(mixed * INT16_SCALE), -INT16_SCALE - 1, INT16_SCALE).astype(np.int16)
