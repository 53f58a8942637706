"""Generated scores: one table entry per style (:data:`STYLES`), played bar by bar.

A style is a :class:`Style`: a tempo, roots to pick from, a chord per bar and
the gains of a few layers (a sustained chord, plucked notes, bells, ticks, a
kick, a high dissonant cluster) and the brightness range of its low-pass. A
new style is a new entry; the synthesis below is shared.

The score builds toward its end (its stop): its level rises by ``build_db``
and its low-pass opens as it goes, so its last third is louder and brighter
than its first. Its energy sits mostly above 200 Hz (the chords live in the
octaves above their roots), so it survives a small speaker.

Bars are synthesised in order at a quarter of the output rate (nothing in a
score is above 5 kHz) and upsampled by a polyphase FIR that carries its
history; a bar's randomness is seeded by (seed, bar index) and oscillator
phases are closed-form functions of absolute time; notes that ring past their
bar, and the filters, carry into the next bar. So a score is read block by
block (:class:`ScoreStream`) in memory of a few bars, to the same samples as
:func:`render_score` gives whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import NamedTuple

import numpy as np

from storyboard.sound._dsp import butterworth_bandpass, fft_filter

SAMPLE_RATE = 48_000
PEAK_DBFS = -12.0  # the score's peaks, before the mix sets its level
OVERSAMPLE = 4  # output rate / synthesis rate
UPSAMPLER_TAPS_PER_PHASE = 8  # a Hamming-windowed sinc
UPSAMPLER_CUTOFF = 0.85  # of the synthesis Nyquist frequency
LOWPASS_TAPS = 63  # the brightness filter: a windowed sinc, redesigned every bar
STEPS_PER_BAR = 16  # sixteenth notes in 4/4
DETUNE_CENTS = 6.0  # chord voices: left flat, right sharp, for width
CHORD_ATTACK_SECONDS = 0.08  # each bar's chord fades in over this, and the last one out
TICK_SECONDS = 0.03
TICK_DECAY_SECONDS = 0.006
TICK_BAND_HZ = (1800.0, 5000.0)
TICK_PAN = 0.35  # ticks alternate this far left and right
KICK_SWEEP_HZ = (110.0, 55.0)
KICK_DECAY_SECONDS = 0.16
CLUSTER_RATIOS = (8.0, 8.0 * 2 ** (1 / 12))  # a minor second, three octaves above the root
CLUSTER_SWELL_SECONDS = 14.0
BELL_SCALE = (0, 3, 5, 7, 10)  # minor pentatonic, semitones above the root's octave
BELL_SECONDS = 1.5  # each bell rings this long
BELL_DECAY_SECONDS = 0.4  # falling by 1/e in this long
PLUCK_DECAYS = 4  # a pluck lasts this many of its style's decay times


class Style(NamedTuple):
    """One style of score: its tempo, harmony, layers and how it builds.

    ``chords`` are semitones above the root, one tuple per bar, in turn.
    Layer gains are linear (0: the layer is absent); a layer whose name is in
    ``grows`` starts silent and rises to its gain with the build.
    """

    tempo: float  # beats per minute, four beats to the bar
    roots_hz: tuple[float, ...]  # one chosen by the seed
    chords: tuple[tuple[int, ...], ...]
    chord: float = 0.0  # sustained chord of detuned saws
    chord_octave: int = 1  # the chord sits this many octaves above the root
    pluck: float = 0.0  # plucked chord tones, one every ``pluck_steps`` sixteenths
    pluck_steps: int = 2
    pluck_decay: float = 0.18  # seconds
    bells: float = 0.0  # sparse pentatonic bells
    bell_chance: float = 0.15  # per sixteenth
    ticks: float = 0.0  # muted noise ticks on the off-beats
    kick: float = 0.0  # a soft kick on the bar
    cluster: float = 0.0  # a high minor-second swelling in and out
    brightness_hz: tuple[float, float] = (900.0, 3500.0)  # the low-pass from the first bar to the last
    build_db: float = 6.0  # the level rises this much from the start to the stop
    grows: tuple[str, ...] = ()


STYLES: dict[str, Style] = {
    "tense-drone": Style(
        tempo=100.0, roots_hz=(82.41, 87.31, 92.50, 98.00, 103.83, 110.0),
        chords=((0, 12, 13), (0, 12, 13), (0, 12, 15), (0, 11, 13)),
        chord=0.2, ticks=0.12, kick=0.3, cluster=0.1,
        brightness_hz=(700.0, 3000.0), build_db=7.0, grows=("cluster", "ticks"),
    ),
    "pulse": Style(
        tempo=112.0, roots_hz=(98.0, 103.83, 110.0, 116.54),
        chords=((0, 7, 12, 15), (0, 7, 12, 15), (-4, 8, 12, 15), (-2, 10, 14, 17)),
        chord=0.05, pluck=0.25, pluck_steps=2, pluck_decay=0.14, ticks=0.1, kick=0.2,
        brightness_hz=(800.0, 4000.0), build_db=6.0, grows=("ticks",),
    ),
    "warm-pad": Style(
        tempo=72.0, roots_hz=(98.0, 110.0, 116.54, 130.81),
        chords=((0, 4, 7, 11, 14), (-3, 4, 7, 12, 16), (-7, 4, 9, 12, 16), (-5, 2, 7, 11, 14)),
        chord=0.2, bells=0.2, bell_chance=0.06,
        brightness_hz=(600.0, 2600.0), build_db=6.0, grows=("bells",),
    ),
    "ambient": Style(
        tempo=60.0, roots_hz=(110.0, 123.47, 130.81, 146.83),
        chords=((0, 7, 14), (0, 7, 16), (-2, 7, 14), (0, 5, 14)),
        chord=0.08, bells=0.25, bell_chance=0.12, cluster=0.04,
        brightness_hz=(900.0, 3600.0), build_db=6.0, grows=("cluster",),
    ),
}


def render_score(style: str, duration: float, seed: int, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """The whole score of ``style``: (round(duration * sample_rate), 2) float32, building toward its end."""
    total = round(duration * sample_rate)
    return ScoreStream(style, duration, seed, sample_rate).read(0, total)


class ScoreStream:
    """The score of ``style`` for ``duration`` seconds, read block by block (a mix :class:`~storyboard.sound.mix.Stream`).

    Bars are made in order and the last few are kept, so reading forward,
    even with blocks that overlap a little, makes each bar once; reading
    further back starts again from the first bar. Silence past the end.
    """

    KEPT_BARS = 3

    def __init__(self, style: str, duration: float, seed: int, sample_rate: int = SAMPLE_RATE) -> None:
        self.style, self.duration, self.seed, self.rate = STYLES[style], duration, seed, sample_rate
        self.total = round(duration * sample_rate)
        self._restart()

    def _restart(self) -> None:
        self._bars = _Band(self.style, self.duration, self.seed, self.rate).bars()
        self._kept: list[tuple[int, np.ndarray]] = []  # (first sample, samples) of the last bars made
        self._made = 0  # samples made so far

    def read(self, start: int, end: int) -> np.ndarray:
        """Samples [start, end) as (end - start, 2) float32."""
        out = np.zeros((max(end - start, 0), 2), np.float32)
        end = min(end, self.total)
        if start >= end:
            return out
        if self._kept and start < self._kept[0][0] or not self._kept and self._made:
            self._restart()
        for first, bar in self._kept:
            self._copy(out, start, end, first, bar)
        while self._made < end:
            bar = next(self._bars)
            self._kept = [*self._kept[-(self.KEPT_BARS - 1) :], (self._made, bar)]
            self._copy(out, start, end, self._made, bar)
            self._made += len(bar)
        return out

    @staticmethod
    def _copy(out: np.ndarray, start: int, end: int, first: int, bar: np.ndarray) -> None:
        """Copy the part of ``bar`` (from sample ``first``) that falls in [start, end) into ``out``."""
        lo, hi = max(start, first), min(end, first + len(bar))
        if lo < hi:
            out[lo - start : hi - start] = bar[lo - first : hi - first]


class _Band:
    """Plays a :class:`Style` bar by bar: the layers summed, filtered, built up, soft-limited and upsampled."""

    def __init__(self, style: Style, duration: float, seed: int, rate: int) -> None:
        self.style, self.duration, self.seed = style, max(duration, 1e-9), seed
        self.rate = rate / OVERSAMPLE  # synthesis rate
        self.bar = round(4 * 60.0 / style.tempo * self.rate / STEPS_PER_BAR) * STEPS_PER_BAR
        self.step = self.bar // STEPS_PER_BAR
        self.root = float(np.random.default_rng([_seed_key(seed), 2**32 - 1]).choice(style.roots_hz))
        self.ringing = np.zeros((0, 2))  # what earlier bars' notes add to the bars after them
        self.lowpass = _Lowpass()
        self.upsampler = _Upsampler(OVERSAMPLE)
        self.kick = _kick(self.rate)
        self.tick_envelope = np.exp(-np.arange(round(TICK_SECONDS * self.rate)) / (TICK_DECAY_SECONDS * self.rate))

    def bars(self) -> Iterator[np.ndarray]:
        """Each bar at the output rate, (bar * OVERSAMPLE, 2) float32, forever."""
        peak = np.float32(10 ** (PEAK_DBFS / 20))
        index = 0
        while True:
            t = (index * self.bar + np.arange(self.bar)) / self.rate
            progress = np.clip(t / self.duration, 0.0, 1.0)
            raw = self.lowpass.process(self._layers(index, t, progress), self._cutoff(progress[0]) / self.rate)
            built = raw * (10 ** (self.style.build_db * (progress - 1) / 20))[:, None]
            limited = (peak * np.tanh(built / peak)).astype(np.float32)
            yield np.clip(self.upsampler.process(limited), -peak, peak)
            index += 1

    def _cutoff(self, progress: float) -> float:
        """The low-pass cut-off (Hz) at ``progress`` through the score: opening on a log scale."""
        low, high = self.style.brightness_hz
        return low * (high / low) ** progress

    def _gain(self, layer: str, progress: np.ndarray | float) -> np.ndarray | float:
        """A layer's gain at ``progress``: its style's gain, rising from silence if it grows."""
        gain = getattr(self.style, layer)
        return gain * progress if layer in self.style.grows else gain

    def _layers(self, index: int, t: np.ndarray, progress: np.ndarray) -> np.ndarray:
        """Bar ``index`` before filtering: (bar, 2) float64."""
        rng = np.random.default_rng([_seed_key(self.seed), index])
        chord = self.style.chords[index % len(self.style.chords)]
        notes = np.zeros((self.bar + self.ringing.shape[0] + self.bar, 2))  # room for notes that ring on
        notes[: self.ringing.shape[0]] += self.ringing
        out = np.zeros((self.bar, 2))
        style = self.style
        if style.chord:
            notes[: self.bar + round(CHORD_ATTACK_SECONDS * self.rate)] += self._chord(t, chord, progress)
        if style.pluck:
            self._plucks(notes, index, chord, progress)
        if style.bells:
            self._bells(notes, rng, index, progress)
        if style.ticks:
            out += self._ticks(rng, progress[0])
        if style.kick:
            out[: self.kick.size] += self._gain("kick", progress[0]) * self.kick[:, None]
        if style.cluster:
            out += self._gain("cluster", progress)[:, None] * self._cluster(t[0])
        out += notes[: self.bar]
        rest = notes[self.bar :]
        last = np.flatnonzero(np.maximum(np.abs(rest[:, 0]), np.abs(rest[:, 1])) > 1e-7)  # 40x faster than max(axis=1)
        self.ringing = rest[: last[-1] + 1] if last.size else np.zeros((0, 2))
        return out

    def _chord(self, t: np.ndarray, chord: tuple[int, ...], progress: np.ndarray) -> np.ndarray:
        """The bar's sustained chord, detuned saws, faded in and ringing out over the next bar's fade-in."""
        envelope = self._chord_envelope
        fade = envelope.size - self.bar
        times = (t[0] * self.rate + np.arange(self.bar + fade)) / self.rate
        both = np.zeros((times.size, 2))
        base = self.root * 2**self.style.chord_octave
        for semitones in chord:
            frequency = base * 2 ** (semitones / 12)
            for channel, cents in enumerate((-DETUNE_CENTS, DETUNE_CENTS)):
                f = frequency * 2 ** (cents / 1200)
                both[:, channel] += _saw(f * times, f / self.rate)
        level = self._gain("chord", np.append(progress, np.full(fade, progress[-1])))
        return both * (envelope * level / len(chord))[:, None]

    @cached_property
    def _chord_envelope(self) -> np.ndarray:
        """Every bar's chord envelope: a fade-in, held, and over the next bar's fade-in a fade-out."""
        fade = round(CHORD_ATTACK_SECONDS * self.rate)
        envelope = np.minimum(1.0, np.arange(1, self.bar + fade + 1) / fade)
        envelope[self.bar :] = 1 - np.arange(1, fade + 1) / fade
        return envelope

    @cached_property
    def _pluck_decay(self) -> np.ndarray:
        """Every pluck's envelope: four time constants of its decay."""
        decay = self.style.pluck_decay * self.rate
        return np.exp(-np.arange(round(PLUCK_DECAYS * decay)) / decay)

    @cached_property
    def _bell_decay(self) -> np.ndarray:
        """Every bell's envelope."""
        return np.exp(-np.arange(round(BELL_SECONDS * self.rate)) / (BELL_DECAY_SECONDS * self.rate))

    def _plucks(self, notes: np.ndarray, index: int, chord: tuple[int, ...], progress: np.ndarray) -> None:
        """Plucked chord tones every ``pluck_steps`` sixteenths, rising through the chord."""
        decay = self._pluck_decay
        length = decay.size
        for number, step in enumerate(range(0, STEPS_PER_BAR, self.style.pluck_steps)):
            semitones = chord[(number + index) % len(chord)]
            frequency = self.root * 2 ** (1 + semitones / 12)
            start = step * self.step
            times = (index * self.bar + start + np.arange(length)) / self.rate
            accent = 1.0 if step % 4 == 0 else 0.7
            tone = _saw(frequency * times, frequency / self.rate) * decay * accent
            tone *= self._gain("pluck", progress[start])
            pan = 0.2 if number % 2 else -0.2
            notes[start : start + length] += np.outer(tone, [1 - pan, 1 + pan])

    def _bells(self, notes: np.ndarray, rng: np.random.Generator, index: int, progress: np.ndarray) -> None:
        """Sparse sine bells on a pentatonic scale two octaves up, ringing for a second or two."""
        decay = self._bell_decay
        length = decay.size
        chance = self.style.bell_chance * (0.5 + progress[0])  # more of them as it builds
        for step in np.flatnonzero(rng.random(STEPS_PER_BAR) < chance):
            degree = BELL_SCALE[rng.integers(len(BELL_SCALE))] + 12 * rng.integers(2)
            frequency = self.root * 2 ** (2 + degree / 12)
            start = step * self.step
            times = (index * self.bar + start + np.arange(length)) / self.rate
            tone = (_sine(frequency * times) + 0.3 * _sine(2.76 * frequency * times)) * decay
            tone *= self._gain("bells", progress[start]) * rng.uniform(0.6, 1.0)
            pan = rng.uniform(-0.5, 0.5)
            notes[start : start + length] += np.outer(tone, [1 - pan, 1 + pan])

    def _ticks(self, rng: np.random.Generator, progress: float) -> np.ndarray:
        """Muted noise ticks: accented off-beat eighths, quieter eighths, ghost sixteenths as it builds."""
        grid = np.arange(STEPS_PER_BAR)
        velocities = np.where(grid % 4 == 2, 1.0, np.where(grid % 2 == 0, 0.55, 0.0))
        ghosts = (rng.random(STEPS_PER_BAR) < 0.1 + 0.4 * progress) * rng.uniform(0.2, 0.4, STEPS_PER_BAR)
        velocities = np.maximum(velocities * rng.uniform(0.8, 1.0, STEPS_PER_BAR), ghosts)
        band = (TICK_BAND_HZ[0] / self.rate, min(TICK_BAND_HZ[1] / self.rate, 0.45))
        noise = rng.standard_normal((STEPS_PER_BAR, self.tick_envelope.size))
        bursts = fft_filter(noise, lambda frequency: butterworth_bandpass(frequency, *band, 2)) * self.tick_envelope
        ticks = np.zeros((self.bar, 2))
        for step in np.flatnonzero(velocities):
            pan = TICK_PAN if step % 2 else -TICK_PAN
            start = step * self.step
            burst = velocities[step] * bursts[step][: self.bar - start]
            ticks[start : start + burst.size] += np.outer(burst, [1 - pan, 1 + pan])
        return self._gain("ticks", 0.3 + 0.7 * progress) * ticks

    def _cluster(self, start: float) -> np.ndarray:
        """A high minor-second cluster from ``start`` seconds, swelling, the right channel late for width."""
        swell = np.maximum(0.0, self._swell.at(start)[0]) ** 2
        return np.stack([swell * self._cluster_tones.at(start - delay).sum(axis=0) for delay in (0.0, 0.011)], axis=1)

    @cached_property
    def _cluster_tones(self) -> _Sines:
        """The cluster's two tones over a bar."""
        return _Sines([self.root * ratio for ratio in CLUSTER_RATIOS], self.bar, self.rate)

    @cached_property
    def _swell(self) -> _Sines:
        """The cluster's slow swell over a bar."""
        return _Sines([1 / CLUSTER_SWELL_SECONDS], self.bar, self.rate)


class _Sines:
    """Sines of fixed frequencies over a bar from any start time, without a sine per sample.

    Each bar's sines are the same tables turned by the phase at its start:
    sin(a + b) = sin(a) cos(b) + cos(a) sin(b), with the tables of b made once.
    """

    def __init__(self, frequencies: list[float], length: int, rate: float) -> None:
        self.frequencies = np.array(frequencies)
        angles = 2 * np.pi * np.outer(self.frequencies, np.arange(length) / rate)
        self.cos, self.sin = np.cos(angles), np.sin(angles)

    def at(self, start: float) -> np.ndarray:
        """(frequencies, length): each frequency's sine from ``start`` seconds, a sample at a time."""
        phase = 2 * np.pi * _fraction(self.frequencies * start)
        return np.sin(phase)[:, None] * self.cos + np.cos(phase)[:, None] * self.sin


class _Lowpass:
    """A windowed-sinc low-pass over consecutive (n, 2) chunks, its cut-off set per chunk; carries its history."""

    def __init__(self) -> None:
        self.history = np.zeros((LOWPASS_TAPS - 1, 2))

    def process(self, chunk: np.ndarray, cutoff: float) -> np.ndarray:
        """``chunk`` filtered at ``cutoff`` (cycles per sample), as long as ``chunk``."""
        n = np.arange(LOWPASS_TAPS) - (LOWPASS_TAPS - 1) / 2
        taps = 2 * cutoff * np.sinc(2 * cutoff * n) * np.hamming(LOWPASS_TAPS)
        taps /= taps.sum()
        extended = np.concatenate([self.history, chunk])
        self.history = extended[len(extended) - len(self.history) :]
        return np.stack([np.convolve(extended[:, c], taps, "valid") for c in range(2)], axis=1)


class _Upsampler:
    """Polyphase FIR interpolation by ``factor`` of consecutive (n, 2) chunks; carries its history."""

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


def _seed_key(seed: int) -> int:
    """A non-negative 32-bit key for numpy's seeding."""
    return seed % 2**32


def _kick(rate: float) -> np.ndarray:
    """A soft kick: a decaying sine sweeping down."""
    n = round(6 * KICK_DECAY_SECONDS * rate)
    t = np.arange(n) / rate
    start, end = KICK_SWEEP_HZ
    speed = 1 / KICK_DECAY_SECONDS
    frequency_integral = end * t + (start - end) * (1 - np.exp(-speed * t)) / speed
    return np.sin(2 * np.pi * frequency_integral) * np.exp(-t / KICK_DECAY_SECONDS) * np.minimum(1.0, t / 0.004)


def _fraction(cycles: np.ndarray) -> np.ndarray:
    """The fractional part of a phase in cycles."""
    return cycles - np.floor(cycles)


def _saw(cycles: np.ndarray, step: float) -> np.ndarray:
    """Band-limited (polyBLEP) sawtooth in [-1, 1] of a phase in cycles; ``step`` is cycles per sample.

    The polyBLEP corrections are zero but within a step of each wrap, so they
    are computed only there (a sample or two a cycle).
    """
    phase = _fraction(cycles)
    saw = 2 * phase - 1
    near = np.flatnonzero((phase < step) | (phase > 1 - step))
    head = np.maximum(0.0, 1 - phase[near] / step)  # just after the wrap
    tail = np.maximum(0.0, 1 - (1 - phase[near]) / step)  # just before it
    saw[near] = saw[near] + head * head - tail * tail
    return saw


def _sine(cycles: np.ndarray) -> np.ndarray:
    """Sine of a phase given in cycles (reduced first, so late times keep their precision)."""
    return np.sin(2 * np.pi * _fraction(cycles))
