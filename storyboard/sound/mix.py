"""The final mix: dialogue over the score, the ambience and the effects, as stereo int16 at 48 kHz.

Each line is loudness-normalised and placed, centred, at its start sample; the
score plays at its bed level plus the scene's music ``level``, ducked a few dB
under the lines and silenced from ``music_stop`` with a 5 ms ramp that ends
exactly there; the ambience plays at its own level under everything, never
ducked and never stopped; the effects play at theirs. The sum goes through a
peak limiter.

Any span ``[a, b)`` of the mix, and of each of its stems, is a function of
the :class:`MixPlan` alone (:func:`mix_block`, :func:`stem_block`): the
ducking and the limiter are moving windows over the parts, so a block reads
the parts only over itself widened by the windows' reach, and their sums are
taken in integers (exact whatever the block), so a film mixed in blocks equals
the film mixed whole, sample for sample. Speech is held per line and the
score and the ambience are :class:`Stream` s read block by block, so a film of
any length is mixed in memory of the order of a block.

The stems (:func:`stem_block`, :func:`stems`) are the parts as mixed: each
line's character, the music, the ambience and the effects, after the ducking
and after the limiter's gain. They add up to the mix.
"""

from __future__ import annotations

import wave
from collections.abc import Iterator, Sequence
from functools import lru_cache
from os import PathLike
from typing import NamedTuple, Protocol

import numpy as np

from storyboard.sound._dsp import Biquad, FftFilter, biquad_response, sliding_minimum

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
GAIN_ONE = 2**40  # the limiter's gain in fixed point: its moving sums are exact

BED_GAIN = 10 ** (MUSIC_BED_DB / 20)
DUCK_GAIN = 10 ** (DUCK_DB / 20)
DUCK_WIDTH = round(DUCK_SMOOTH_SECONDS * SAMPLE_RATE)
DUCK_HALF = DUCK_WIDTH // 2  # each box filter averages 2 * DUCK_HALF + 1 samples
DUCK_REACH = 2 * DUCK_HALF  # samples either side that the two box filters see
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


class Stream(Protocol):
    """Samples of a long part (the score, the ambience) read a block at a time, in order."""

    def read(self, start: int, end: int) -> np.ndarray:
        """Samples [start, end) as (end - start, 2) float32; silence past the stream's end."""


class ArrayStream:
    """A :class:`Stream` over samples held whole: (n, 2) float."""

    def __init__(self, samples: np.ndarray) -> None:
        self.samples = samples

    def read(self, start: int, end: int) -> np.ndarray:
        """Samples [start, end), zero-padded past the end."""
        out = np.zeros((end - start, 2), np.float32)
        held = self.samples[start:end]
        out[: len(held)] = held
        return out


class Voice(NamedTuple):
    """One line in the mix: mono float samples from sample ``start``, spoken by ``who``."""

    start: int
    samples: np.ndarray
    who: str = ""


class Sound(NamedTuple):
    """A sound effect in the mix: (n, 2) float samples, at their level, from sample ``start``.

    ``samples`` is read only by its length and by slices, so it may be made when read (``sfx.HeldEffect``).
    """

    start: int
    samples: np.ndarray


class MixPlan(NamedTuple):
    """Everything in the mix, in samples: what :func:`mix_block` and :func:`stem_block` read.

    ``music_stop`` None means the music plays to the end of the mix (ramping
    down to it as to a stop there); ``music_db`` is added to the bed level
    (the scene's music ``level``).
    """

    total: int
    lines: Sequence[Voice] = ()
    music: Stream | None = None
    music_stop: int | None = None
    music_db: float = 0.0
    ambience: Stream | None = None
    effects: Sequence[Sound] = ()


class Stems(NamedTuple):
    """The parts of a span of the mix as mixed, each (n, 2) float32; together they add up to the mix.

    ``dialogue`` maps each character to their lines; ``ambience`` and
    ``effects`` are None when the film has none.
    """

    dialogue: dict[str, np.ndarray]
    music: np.ndarray
    ambience: np.ndarray | None
    effects: np.ndarray | None

    @property
    def all_dialogue(self) -> np.ndarray:
        """Every character's lines together."""
        return sum(self.dialogue.values(), np.zeros_like(self.music))

    def parts(self) -> list[np.ndarray]:
        """Every stem that adds up to the mix (not ``all_dialogue``, which repeats the characters)."""
        return [*self.dialogue.values(), self.music, *(p for p in (self.ambience, self.effects) if p is not None)]


def mix(plan: MixPlan, block: int = BLOCK_SAMPLES) -> np.ndarray:
    """The whole mix as stereo int16 (total, 2), rendered ``block`` samples at a time (see :func:`mix_block`)."""
    out = np.empty((plan.total, 2), np.int16)
    for start, samples in mix_blocks(plan, block):
        out[start : start + len(samples)] = samples
    return out


def mix_blocks(plan: MixPlan, block: int = BLOCK_SAMPLES) -> Iterator[tuple[int, np.ndarray]]:
    """(first sample, int16 samples) of each block of the mix in order: a film of any length in a block's memory."""
    mixer = _Mixer(plan)
    for start in range(0, plan.total, block):
        yield start, mixer.mixed(start, min(start + block, plan.total))


def mix_block(plan: MixPlan, start: int, end: int) -> np.ndarray:
    """Samples [start, end) of the mix as stereo int16: the same samples as :func:`mix` gives there."""
    return _Mixer(plan).mixed(start, end)


def stem_block(plan: MixPlan, start: int, end: int) -> Stems:
    """Samples [start, end) of each stem, as mixed: after the ducking and the limiter's gain.

    Their sum is the mix before it is rounded to int16. Read a long film's
    stems block by block (:func:`stems` does), in order: the streams are read
    forward.
    """
    return _Mixer(plan).stems(start, end)


def stems(plan: MixPlan, block: int = BLOCK_SAMPLES) -> Iterator[tuple[int, Stems]]:
    """(first sample, :class:`Stems`) of each block of the film in order (for writing stem files)."""
    mixer = _Mixer(plan)
    for start in range(0, plan.total, block):
        yield start, mixer.stems(start, min(start + block, plan.total))



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
    return _k_weighting_filter(sample_rate)(samples)


@lru_cache(maxsize=4)
def _k_weighting_filter(sample_rate: int) -> FftFilter:
    """The K-weighting filter as an FIR: its impulse response, from its exact frequency response."""
    response = biquad_response(_k_weighting_biquads(sample_rate), np.fft.rfftfreq(K_WEIGHTING_DESIGN_LENGTH))
    impulse = np.fft.irfft(response, K_WEIGHTING_DESIGN_LENGTH)[: round(K_WEIGHTING_IMPULSE_SECONDS * sample_rate)]
    return FftFilter(impulse)


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
    """Any span of the mix: the parts before the limiter, the limiter's gain, the mixed samples or stems."""

    def __init__(self, plan: MixPlan) -> None:
        for line in plan.lines:
            if line.start < 0 or line.start + len(line.samples) > plan.total:
                raise ValueError(f"line at samples {line.start}-{line.start + len(line.samples)} is outside the mix "
                                 f"(0-{plan.total})")
        self.plan = plan
        self.total = plan.total
        self.stop = plan.total if plan.music_stop is None else min(max(plan.music_stop, 0), plan.total)
        self.gains: dict[int, float] = {}  # each line's normalising gain, measured when a block first reaches it
        self.ducked = [(line.start, line.start + len(line.samples)) for line in plan.lines
                       if line.start < self.stop and len(line.samples)]
        self.bed = BED_GAIN * 10 ** (plan.music_db / 20)

    def mixed(self, start: int, end: int) -> np.ndarray:
        """Samples [start, end) of the mix as int16."""
        first, last = max(start - LIMITER_REACH, 0), min(end + LIMITER_REACH, self.total)
        wide = self.summed(first, last)
        gain = _limiter_gain(wide)
        block = wide[start - first : end - first].astype(np.float64)
        if gain is not None:
            block *= gain[start - first : end - first, None]
        return _to_int16(block)

    def stems(self, start: int, end: int) -> Stems:
        """Samples [start, end) of each stem, after the limiter's gain."""
        first, last = max(start - LIMITER_REACH, 0), min(end + LIMITER_REACH, self.total)
        gain = _limiter_gain(self.summed(first, last))
        scale = np.ones(end - start) if gain is None else gain[start - first : end - first]

        def limited(part: np.ndarray | None) -> np.ndarray | None:
            return None if part is None else (part.astype(np.float64) * scale[:, None]).astype(np.float32)

        dialogue = {}
        for who in dict.fromkeys(line.who for line in self.plan.lines):
            bus = self.dialogue(start, end, who)
            dialogue[who] = limited(np.zeros((end - start, 2), np.float32) if bus is None else _centred(bus))
        return Stems(dialogue, limited(self.music(start, end)), limited(self.ambience(start, end)),
                     limited(self.effects(start, end)))

    def summed(self, start: int, end: int) -> np.ndarray:
        """Samples [start, end) of the mix before the limiter, (end - start, 2) float32."""
        out = self.music(start, end)
        for part in (self.ambience(start, end), self.effects(start, end)):
            if part is not None:
                out += part
        bus = self.dialogue(start, end)
        if bus is not None:
            out += bus[:, None]
        return out

    def music(self, start: int, end: int) -> np.ndarray:
        """The music over [start, end): the bed, ducked under lines, ramped down to its stop and silent after."""
        out = np.zeros((end - start, 2), np.float32)
        music_end = min(end, self.stop)
        if start < music_end and self.plan.music is not None:
            bed = out[: music_end - start]
            bed[:] = self.plan.music.read(start, music_end)
            bed *= self._music_gain(start, music_end)[:, None]
        return out

    def ambience(self, start: int, end: int) -> np.ndarray | None:
        """The ambience over [start, end), as generated (at its own level), or None."""
        return None if self.plan.ambience is None else self.plan.ambience.read(start, end)

    def effects(self, start: int, end: int) -> np.ndarray | None:
        """The effects that sound in [start, end), summed in order (silence where none does); None if there are none."""
        if not self.plan.effects:
            return None
        out = np.zeros((end - start, 2), np.float32)
        for effect in self.plan.effects:
            lo, hi = max(start, effect.start), min(end, effect.start + len(effect.samples), self.total)
            if lo < hi:
                out[lo - start : hi - start] += effect.samples[lo - effect.start : hi - effect.start]
        return out

    def _music_gain(self, start: int, end: int) -> np.ndarray:
        """The music's gain over [start, end): the bed level, ducked under lines, ramped down to the stop."""
        gain = np.full(end - start, self.bed)
        near = [(a, b) for a, b in self.ducked if a < end + DUCK_REACH and b > start - DUCK_REACH]
        if near:
            gain *= _duck_gain(start, end, self.total, near)
        ramp = _stop_ramp(self.stop)
        ramp_start = self.stop - ramp.size
        lo, hi = max(start, ramp_start), min(end, self.stop)
        if lo < hi:
            gain[lo - start : hi - start] *= ramp[lo - ramp_start : hi - ramp_start]
        return gain

    def dialogue(self, start: int, end: int, who: str | None = None) -> np.ndarray | None:
        """The lines (of ``who``, or everyone's) in [start, end), normalised and summed in order, mono float32."""
        bus = None
        for number, line in enumerate(self.plan.lines):
            lo, hi = max(start, line.start), min(end, line.start + len(line.samples))
            if lo < hi and who in (None, line.who):
                bus = np.zeros(end - start, np.float32) if bus is None else bus
                part = np.asarray(line.samples[lo - line.start : hi - line.start], dtype=np.float64)
                bus[lo - start : hi - start] += part * self.gain(number)
        return bus

    def gain(self, number: int) -> float:
        """Line ``number``'s normalising gain: measured once, when a block first reaches the line (read then anyway)."""
        if number not in self.gains:
            self.gains[number] = _normalising_gain(self.plan.lines[number].samples)
        return self.gains[number]


def _centred(bus: np.ndarray) -> np.ndarray:
    """A mono bus in both channels."""
    return np.repeat(bus[:, None], 2, axis=1)


def _duck_gain(start: int, end: int, total: int, lines: Sequence[tuple[int, int]]) -> np.ndarray:
    """The ducking over [start, end) of the mix: DUCK_DB while a line [a, b) plays, 0 dB otherwise, smoothly joined.

    Only within DUCK_REACH of a line's edge does the smoothing change
    anything (:func:`_smoothed_duck`); elsewhere a line plays, or not,
    throughout the windows, and the gain is the same without it.
    """
    playing = np.zeros(end - start)
    for a, b in lines:
        playing[min(max(a - start, 0), end - start) : max(min(b - start, end - start), 0)] = 1.0
    gain = _ducked(playing)
    for edge in {edge for line in lines for edge in line}:
        lo, hi = max(edge - DUCK_REACH, start), min(edge + DUCK_REACH, end)
        if lo < hi:
            gain[lo - start : hi - start] = _smoothed_duck(lo, hi, total, lines)
    return gain


def _smoothed_duck(start: int, end: int, total: int, lines: Sequence[tuple[int, int]]) -> np.ndarray:
    """The ducking over [start, end), smoothed: exact whatever the span.

    Two box filters of 2 * DUCK_HALF + 1 samples over "a line plays" (beyond
    the mix's ends, the value at its edge), counted in integers: how many of
    the windows' (2 * DUCK_HALF + 1)**2 terms fall inside a line.
    """
    positions = np.clip(np.arange(start - DUCK_REACH, end + DUCK_REACH), 0, total - 1)
    inside = np.zeros(positions.size, np.int64)
    for a, b in lines:
        inside |= (positions >= a) & (positions < b)
    twice = _moving_sum(_moving_sum(inside, DUCK_HALF), DUCK_HALF)
    return _ducked(twice / (2 * DUCK_HALF + 1) ** 2)


def _ducked(playing: np.ndarray) -> np.ndarray:
    """The music's ducking gain where a line plays for the fraction ``playing`` of the smoothing windows."""
    return 1.0 - (1.0 - DUCK_GAIN) * playing


def _moving_sum(values: np.ndarray, half: int) -> np.ndarray:
    """Sums of integer ``values`` over centred windows of 2 * half + 1, for the positions whose window fits."""
    sums = np.concatenate([[0], np.cumsum(values)])
    return sums[2 * half + 1 :] - sums[: -2 * half - 1]


def _limiter_gain(mixed: np.ndarray) -> np.ndarray | None:
    """The peak limiter's gain at each sample of ``mixed`` (None: 1 everywhere, nothing reaches the ceiling).

    The gain each sample needs to stay at LIMIT_DBFS, its running minimum,
    then averaged over the same window, so it never exceeds what any sample
    needs; the average is taken in fixed point, exact whatever the span. Only
    samples at least LIMITER_REACH from either end of ``mixed`` see whole
    windows (beyond, the windows hold the edge values). Only samples within
    LIMITER_REACH of one over the ceiling get a gain under 1 (loud peaks are
    rare), so the gain is worked out around those alone, to the same values.
    """
    level = _level(mixed)
    over = np.flatnonzero(level > LIMIT_CEILING)
    if over.size == 0:
        return None
    gain = np.ones(level.size)
    breaks = np.flatnonzero(np.diff(over) > 2 * LIMITER_REACH)  # between groups of peaks the gain is 1
    for first, last in zip(over[np.r_[0, breaks + 1]], over[np.r_[breaks, over.size - 1]]):
        lo, hi = max(first - LIMITER_REACH, 0), min(last + LIMITER_REACH + 1, level.size)
        seen = max(lo - LIMITER_REACH, 0)  # what the windows of [lo, hi) see
        gain[lo:hi] = _limiting(level[seen : hi + LIMITER_REACH])[lo - seen : hi - seen]
    return gain


def _limiting(level: np.ndarray) -> np.ndarray:
    """The limiter's gain for samples at ``level``: the gain each needs, its running minimum, averaged."""
    needed = np.minimum(1.0, LIMIT_CEILING / np.maximum(level, 1e-12))
    half = LIMITER_WIDTH // 2
    lowest = np.floor(sliding_minimum(needed, LIMITER_WIDTH) * GAIN_ONE).astype(np.int64)
    padded = np.concatenate([np.full(half, lowest[0]), lowest, np.full(half, lowest[-1])])
    return _moving_sum(padded, half) / (LIMITER_WIDTH * GAIN_ONE)


def _stop_ramp(stop: int) -> np.ndarray:
    """The music's raised-cosine fade to just over 0 at sample ``stop - 1``; shorter if ``stop`` is early."""
    length = min(STOP_RAMP_SAMPLES, stop)
    return 0.5 + 0.5 * np.cos(np.pi * np.arange(1, length + 1) / (length + 1))


def _level(mixed: np.ndarray) -> np.ndarray:
    """The louder channel's magnitude at each sample of (n, 2) ``mixed``."""
    return np.maximum(np.abs(mixed[:, 0]), np.abs(mixed[:, 1]))  # 15x faster than np.max(axis=1)


def _to_int16(mixed: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] as int16, rounded and clipped so nothing wraps."""
    scaled = mixed * INT16_SCALE
    np.rint(scaled, out=scaled)  # in place: a block is megabytes
    np.clip(scaled, -INT16_SCALE - 1, INT16_SCALE, out=scaled)
    return scaled.astype(np.int16)
