"""Generated scores. One function per style, registered in SCORE_STYLES.

A style is ``f(duration, seed, sample_rate) -> (n, 2) float32``. The music at
time t must not depend on the total duration: lengthening a film only appends
music. So everything is computed bar by bar on a fixed grid from time 0, the
randomness of a bar is seeded by (seed, bar index), oscillator phases and slow
modulations are closed-form functions of absolute time, and filters only carry
their state forward. Each bar goes straight into the preallocated output, so
the score needs hardly any memory besides it.

The tense drone has nothing above 5 kHz, so it is synthesised at a quarter of
the output rate and upsampled by a polyphase FIR (which also carries its
history forward), which keeps 120 s of score well under half a second. The
moving low-pass is an exact biquad recursion computed a block at a time in
closed form (numpy only: scipy would take longer to import than the render).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from storyboard.sound._dsp import butterworth_bandpass, fft_filter, next_fast_length

SAMPLE_RATE = 48_000
PEAK_DBFS = -12.0  # the score sits under the dialogue
TEMPO_BPM = 100.0
BEATS_PER_BAR = 4
STEPS_PER_BEAT = 4  # sixteenth notes for the ticking pulse
FILTER_BLOCK_SECONDS = 0.04  # the moving low-pass changes coefficients this often
OVERSAMPLE = 4  # output rate / synthesis rate
UPSAMPLER_TAPS_PER_PHASE = 8  # a Hamming-windowed sinc
UPSAMPLER_CUTOFF = 0.85  # of the synthesis Nyquist frequency

ROOTS_HZ = (41.20, 43.65, 46.25, 49.00, 51.91, 55.00)  # E1..A1, one chosen by seed
# Drone oscillators: (frequency ratio to the root, gain, waveform, detune in
# cents: left flat, right sharp, for width and beating; 0 = the same in both).
DRONE_VOICES = (
    (1.0, 1.0, "saw", 7.0),
    (0.5, 0.7, "square", 0.0),
    (2.0 * 2 ** (1 / 12), 0.22, "saw", 0.0),  # a minor ninth above: tension
)
BEND_DEPTH = 0.008  # slow pitch bend of the drone, as a fraction of its frequency
BEND_PERIOD_SECONDS = 23.0
CUTOFF_RANGE_HZ = (110.0, 1300.0)
CUTOFF_PERIODS_SECONDS = (13.0, 5.3)  # two slow LFOs moving the cut-off
FILTER_Q = 5.0

TICK_SECONDS = 0.03
TICK_DECAY_SECONDS = 0.006
TICK_BAND_HZ = (1800.0, 5000.0)  # the top is kept below 0.45 x the synthesis rate
TICK_FILTER_ORDER = 2  # Butterworth band-pass on the noise bursts
TICK_PAN = 0.35  # ticks alternate this far left and right
GHOST_PROBABILITY = 0.3  # chance of a quiet off-grid sixteenth tick
KICK_SWEEP_HZ = (72.0, 40.0)
KICK_DECAY_SECONDS = 0.22
KICK_SECOND_BEAT_PROBABILITY = 0.4  # a softer throb on beat 3

CLUSTER_RATIOS = (24.0, 24.0 * 2 ** (1 / 12))  # a minor second, high above the root
CLUSTER_BEND_DEPTH = 0.012
CLUSTER_BEND_PERIOD_SECONDS = 17.0
CLUSTER_SWELL_PERIOD_SECONDS = 14.0
CLUSTER_STEREO_DELAY_SECONDS = 0.011

# Gains giving, before the soft limit, drone RMS ~ -24 dBFS, kick peaks ~ -16,
# tick peaks ~ -22 and cluster peaks ~ -30 dBFS: the low end dominates.
LEVELS = {"drone": 0.07, "kick": 0.165, "ticks": 0.03, "cluster": 0.016}


def tense_drone(duration: float, seed: int, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """A tense electronic score: detuned low oscillators through a slowly moving resonant
    low-pass, a muted ticking pulse with a sub throb on the bar, and a dissonant high
    cluster swelling in and out.

    Returns (round(duration * sample_rate), 2) float32, soft-limited (tanh) to
    peak at PEAK_DBFS. The same (duration, seed) gives identical samples, and a longer
    duration only appends: ``tense_drone(10, s)[:n]`` equals ``tense_drone(20, s)[:n]``.
    """
    total = round(duration * sample_rate)
    synth_rate = sample_rate / OVERSAMPLE
    bar = _bar_samples(synth_rate)
    drone, pulse, upsampler = _Drone(seed, synth_rate), _Pulse(synth_rate), _Upsampler(OVERSAMPLE)
    peak = np.float32(10 ** (PEAK_DBFS / 20))
    music = np.empty((total, 2), np.float32)
    for index, start in enumerate(range(0, total, bar * OVERSAMPLE)):
        limited = peak * np.tanh(_render_bar(index, bar, drone, pulse, seed, synth_rate) / peak)
        chunk = upsampler.process(limited)[: total - start]
        np.clip(chunk, -peak, peak, out=music[start : start + len(chunk)])  # the upsampler can overshoot a little
    return music


def _bar_samples(rate: float) -> int:
    """Samples in one bar at ``rate``, a whole number of filter blocks."""
    block = _block_samples(rate)
    return round(BEATS_PER_BAR * 60.0 / TEMPO_BPM * rate / block) * block


def _block_samples(rate: float) -> int:
    """Samples between two updates of the moving filter."""
    return max(1, round(FILTER_BLOCK_SECONDS * rate))


def _seed_key(seed: int) -> int:
    """A non-negative 32-bit key for numpy's seeding."""
    return seed % 2**32


def _render_bar(index: int, bar: int, drone: _Drone, pulse: _Pulse, seed: int, rate: float) -> np.ndarray:
    """Bar ``index`` of the score at the synthesis rate, (bar, 2) float32 (the soft limit is faster on it)."""
    t = (index * bar + np.arange(bar)) / rate
    rng = np.random.default_rng([_seed_key(seed), index])
    mixed = (
        LEVELS["drone"] * drone.render(t)
        + pulse.render(rng, bar)
        + LEVELS["cluster"] * _cluster(t, drone.root, drone.phases[3])
    )
    return mixed.astype(np.float32)


class _Upsampler:
    """Polyphase FIR interpolation by ``factor`` of consecutive (n, 2) chunks.

    Keeps the last input samples between chunks, so the output is the same
    however the input is chunked; process chunks in order.
    """

    def __init__(self, factor: int) -> None:
        self.factor = factor
        self.phases = _interpolation_taps(factor).reshape(UPSAMPLER_TAPS_PER_PHASE, factor).T.copy()
        self.history = np.zeros((UPSAMPLER_TAPS_PER_PHASE - 1, 2), np.float32)

    def process(self, chunk: np.ndarray) -> np.ndarray:
        """The next ``len(chunk) * factor`` output samples, float32."""
        extended = np.concatenate([self.history, chunk.astype(np.float32)])
        self.history = extended[len(extended) - len(self.history) :]
        out = np.empty((len(chunk), self.factor, 2), np.float32)
        for phase, taps in enumerate(self.phases):
            for channel in range(2):
                out[:, phase, channel] = np.convolve(extended[:, channel], taps, "valid")
        return out.reshape(-1, 2)


def _interpolation_taps(factor: int) -> np.ndarray:
    """Low-pass FIR for interpolation by ``factor`` (``scipy.signal.firwin``'s design), gain ``factor``, float32."""
    n = factor * UPSAMPLER_TAPS_PER_PHASE
    cutoff = UPSAMPLER_CUTOFF / factor  # of the output Nyquist frequency
    taps = np.sinc(cutoff * (np.arange(n) - (n - 1) / 2)) * np.hamming(n)
    return (taps * (factor / taps.sum())).astype(np.float32)


class _Drone:
    """Detuned band-limited oscillators through a resonant low-pass that moves slowly.

    Keeps the filter state between consecutive bars; render bars in order.
    """

    def __init__(self, seed: int, rate: float) -> None:
        rng = np.random.default_rng([_seed_key(seed), 2**32 - 1])
        self.root = float(rng.choice(ROOTS_HZ))
        self.phases = rng.uniform(0, 2 * np.pi, size=4)
        self.rate = rate
        self.block = _block_samples(rate)
        self.inputs = np.zeros((2, 2))  # per channel, the last two raw samples, oldest first
        self.outputs = np.zeros((2, 2))  # per channel, the last two filtered samples, oldest first

    def render(self, t: np.ndarray) -> np.ndarray:
        """The drone at times ``t`` (the next bar) as (len(t), 2)."""
        warped = _bent_time(t, BEND_DEPTH, BEND_PERIOD_SECONDS, self.phases[0])
        voices = sum(gain * self._voice(warped, ratio, shape, cents) for ratio, gain, shape, cents in DRONE_VOICES)
        return self._filter(np.broadcast_to(voices, (2, t.size)), t[:: self.block]).T

    def _voice(self, warped: np.ndarray, ratio: float, shape: str, cents: float) -> np.ndarray:
        """One oscillator at pitch-bent times ``warped``: (n,) if centred, else (2, n)."""
        detunes = (0.0,) if cents == 0 else (-cents, cents)
        frequencies = [self.root * ratio * 2 ** (c / 1200) for c in detunes]
        waves = [_WAVEFORMS[shape](f * warped, f / self.rate) for f in frequencies]
        return waves[0] if len(waves) == 1 else np.stack(waves)

    def _filter(self, raw: np.ndarray, block_times: np.ndarray) -> np.ndarray:
        """Resonant low-pass of (2, n) ``raw`` with one cut-off per block.

        ``y[n] = gain (x[n] + 2 x[n-1] + x[n-2]) - a1 y[n-1] - a2 y[n-2]``,
        coefficients fixed within a block. Each block's output is its input
        convolved with the block's impulse response (by FFT), plus the free
        response to the two outputs before it, which are carried block by block.
        """
        gain, a1, a2 = _lowpass_coefficients(self._cutoff(block_times), FILTER_Q, self.rate)
        blocks, length = len(block_times), self.block
        extended = np.concatenate([self.inputs, raw], axis=1)
        self.inputs = extended[:, -2:]
        feedforward = (extended[:, 2:] + 2 * extended[:, 1:-1] + extended[:, :-2]).reshape(2, blocks, length)
        impulse = _resonator_impulse(a1, a2, length)
        size = next_fast_length(2 * length - 1)
        spectrum = np.fft.rfft(feedforward * gain[:, None], size) * np.fft.rfft(impulse, size)
        forced = np.fft.irfft(spectrum, size)[..., :length]
        kicks = self._feedback_kicks(forced, impulse, a1, a2)
        delayed = np.concatenate([np.zeros((blocks, 1)), impulse[:, :-1]], axis=1)
        return (forced + kicks[..., :1] * impulse + kicks[..., 1:] * delayed).reshape(2, -1)

    def _feedback_kicks(self, forced: np.ndarray, impulse: np.ndarray, a1: np.ndarray, a2: np.ndarray) -> np.ndarray:
        """What the two outputs before each block feed into its first two samples, (2, blocks, 2).

        A block's free response is ``kick[0] * impulse[n] + kick[1] * impulse[n - 1]``.
        Runs through the blocks in order (in Python floats: thousands of tiny
        steps) and leaves the last two outputs in ``self.outputs``.
        """
        tails = impulse[:, -3:].tolist()
        feedbacks = list(zip(a1.tolist(), a2.tolist()))
        kicks = []
        for channel, ends in enumerate(forced[:, :, -2:].tolist()):
            before, last = self.outputs[channel].tolist()
            for (h3, h2, h1), (end2, end1), (feedback1, feedback2) in zip(tails, ends, feedbacks):
                first, second = -feedback1 * last - feedback2 * before, -feedback2 * last
                before, last = end2 + first * h2 + second * h3, end1 + first * h1 + second * h2
                kicks.append((first, second))
            self.outputs[channel] = before, last
        return np.reshape(kicks, (2, -1, 2))

    def _cutoff(self, t: np.ndarray) -> np.ndarray:
        """Cut-off frequency at times ``t``: two slow LFOs on a log scale."""
        slow, fast = (np.sin(2 * np.pi * t / period + phase)
                      for period, phase in zip(CUTOFF_PERIODS_SECONDS, self.phases[1:3]))
        position = 0.5 + 0.5 * (0.65 * slow + 0.35 * fast)
        low, high = CUTOFF_RANGE_HZ
        return low * (high / low) ** position


def _bent_time(t: np.ndarray, depth: float, period: float, phase: float) -> np.ndarray:
    """Warped time for a pitch bend of ``depth`` (fraction) and ``period`` (s).

    ``f0 * _bent_time(t)`` is the phase in cycles of an oscillator whose
    frequency is ``f0 * (1 + depth * sin(2 pi t / period + phase))``: the
    integral in closed form, so it depends on absolute time only.
    """
    radius = depth * period / (2 * np.pi)
    return t - radius * (np.cos(2 * np.pi * t / period + phase) - np.cos(phase))


def _lowpass_coefficients(cutoff: np.ndarray, q: float, rate: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """RBJ biquad low-pass coefficients per cut-off: (gain, a1, a2) with b = gain * (1, 2, 1), a0 = 1."""
    w0 = 2 * np.pi * cutoff / rate
    alpha = np.sin(w0) / (2 * q)
    cos = np.cos(w0)
    a0 = 1 + alpha
    return (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0


def _resonator_impulse(a1: np.ndarray, a2: np.ndarray, length: int) -> np.ndarray:
    """First ``length`` samples of the impulse response of 1 / (1 + a1 z^-1 + a2 z^-2), one row per (a1, a2).

    The poles are complex (Q > 1/2): ``r e^(+-j theta)``, and the response is
    ``r^n sin((n + 1) theta) / sin(theta)``.
    """
    radius = np.sqrt(a2)[:, None]
    theta = np.arccos(-a1[:, None] / (2 * radius))
    n = np.arange(length)
    return np.exp(n * np.log(radius)) * np.sin((n + 1) * theta) / np.sin(theta)  # exp(log): faster than **


def _fraction(cycles: np.ndarray) -> np.ndarray:
    """The fractional part of a phase in cycles, reduced in float64, as float32."""
    return (cycles - np.floor(cycles)).astype(np.float32)


def _blep_saw(phase: np.ndarray, step: float) -> np.ndarray:
    """Band-limited (polyBLEP) sawtooth in [-1, 1] of a phase in [0, 1); ``step`` is cycles per sample."""
    head = np.maximum(0.0, 1 - phase / np.float32(step))  # just after the wrap
    tail = np.maximum(0.0, 1 - (1 - phase) / np.float32(step))  # just before it
    return 2 * phase - 1 + head * head - tail * tail


def _saw(cycles: np.ndarray, step: float) -> np.ndarray:
    """Band-limited float32 sawtooth of a phase in cycles."""
    return _blep_saw(_fraction(cycles), step)


def _square(cycles: np.ndarray, step: float) -> np.ndarray:
    """Band-limited float32 square wave: the difference of two half-cycle-shifted saws."""
    phase = _fraction(cycles)
    shifted = phase + np.float32(0.5)
    shifted -= shifted >= 1
    return 0.5 * (_blep_saw(phase, step) - _blep_saw(shifted, step))


_WAVEFORMS: dict[str, Callable[[np.ndarray, float], np.ndarray]] = {"saw": _saw, "square": _square}


class _Pulse:
    """The rhythm: muted noise ticks on a sixteenth grid and a sub kick on the bar."""

    def __init__(self, rate: float) -> None:
        self.step = _bar_samples(rate) // (BEATS_PER_BAR * STEPS_PER_BEAT)
        self.band = (TICK_BAND_HZ[0] / rate, min(TICK_BAND_HZ[1] / rate, 0.45))
        self.kick = _kick(rate)
        self.tick_envelope = np.exp(-np.arange(round(TICK_SECONDS * rate)) / (TICK_DECAY_SECONDS * rate))

    def render(self, rng: np.random.Generator, bar: int) -> np.ndarray:
        """One bar of pulse as (bar, 2), its pattern drawn from ``rng``."""
        ticks = np.zeros((2, bar))
        velocities = self._tick_velocities(rng)
        noise = rng.standard_normal((len(velocities), len(self.tick_envelope)))
        filtered = fft_filter(  # circularly: each burst is stationary band-passed noise
            noise, lambda frequency: butterworth_bandpass(frequency, *self.band, TICK_FILTER_ORDER)
        )
        bursts = filtered * self.tick_envelope
        for step in np.flatnonzero(velocities):
            pan = TICK_PAN if step % 2 else -TICK_PAN
            start = step * self.step
            burst = velocities[step] * bursts[step]
            ticks[:, start : start + burst.size] += np.outer([1 - pan, 1 + pan], burst)
        kicks = np.zeros(bar)
        beat = self.step * STEPS_PER_BEAT
        kicks[: self.kick.size] += self.kick
        if rng.random() < KICK_SECOND_BEAT_PROBABILITY:
            kicks[2 * beat : 2 * beat + self.kick.size] += 0.6 * self.kick
        return LEVELS["ticks"] * ticks.T + LEVELS["kick"] * kicks[:, None]

    def _tick_velocities(self, rng: np.random.Generator) -> np.ndarray:
        """Loudness of each sixteenth: accented off-beat eighths plus random ghost notes."""
        steps = BEATS_PER_BAR * STEPS_PER_BEAT
        grid = np.arange(steps)
        eighths = np.where(grid % 4 == 2, 1.0, np.where(grid % 2 == 0, 0.55, 0.0))
        ghosts = (rng.random(steps) < GHOST_PROBABILITY) * rng.uniform(0.15, 0.35, steps)
        return np.maximum(eighths * rng.uniform(0.8, 1.0, steps), ghosts)


def _kick(rate: float) -> np.ndarray:
    """A soft sub kick: a decaying sine sweeping down, one beat long at most."""
    n = round(min(6 * KICK_DECAY_SECONDS, 60.0 / TEMPO_BPM) * rate)
    t = np.arange(n) / rate
    start, end = KICK_SWEEP_HZ
    rate = 1 / KICK_DECAY_SECONDS
    frequency_integral = end * t + (start - end) * (1 - np.exp(-rate * t)) / rate
    attack = np.minimum(1.0, t / 0.004)
    return np.sin(2 * np.pi * frequency_integral) * np.exp(-t / KICK_DECAY_SECONDS) * attack


def _cluster(t: np.ndarray, root: float, phase: float) -> np.ndarray:
    """A high minor-second cluster, bending slowly and swelling in and out, (len(t), 2)."""
    warped = _bent_time(t, CLUSTER_BEND_DEPTH, CLUSTER_BEND_PERIOD_SECONDS, phase)
    swell = np.maximum(0.0, _sine(t / CLUSTER_SWELL_PERIOD_SECONDS + phase / (2 * np.pi))) ** 3
    channels = [
        swell * sum(_sine(root * ratio * (warped - delay)) for ratio in CLUSTER_RATIOS)
        for delay in (0.0, CLUSTER_STEREO_DELAY_SECONDS)  # the right channel lags: width
    ]
    return np.stack(channels, axis=1)


def _sine(cycles: np.ndarray) -> np.ndarray:
    """float32 sine of a phase given in cycles."""
    return np.sin(np.float32(2 * np.pi) * _fraction(cycles))


SCORE_STYLES: dict[str, Callable[[float, int, int], np.ndarray]] = {"tense-drone": tense_drone}
