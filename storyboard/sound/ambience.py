"""Generated ambience beds (room tone, street, rain, crowd): one table entry per bed in :data:`BEDS`.

A bed is a steady floor of shaped noise (decorrelated in the two channels)
whose level never falls below :data:`LEVEL_DBFS`, plus what only adds to it:
slow swells (traffic passing, a crowd's murmur) and short events (rain
drops). Everything is seeded: by (seed, second) for the noise and the events,
and closed-form in absolute time for the swells, so any second of a bed is
made on its own (:class:`AmbienceStream` reads it block by block) and the
same scene always gives the same bed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np

from storyboard.sound._dsp import fft_convolve

SAMPLE_RATE = 48_000
LEVEL_DBFS = -50.0  # the bed never falls below this (RMS over any half second)
FLOOR_MARGIN_DB = 3.0  # the floor's RMS sits this far above LEVEL_DBFS (noise wavers; AAC rounds)
CHUNK_SECONDS = 1.0  # the noise is made a second at a time
FILTER_TAPS = 2049  # the floor's shaping filter, designed from its response
EVENT_SECONDS = 0.05  # how long a drop rings


class Swell(NamedTuple):
    """A slow rise above the floor: ``depth`` (linear, added to 1) over ``period`` seconds, half the time."""

    depth: float
    period: float


class Bed(NamedTuple):
    """One ambience: its floor's band (Hz) and tilt (dB per octave), its swells and its events."""

    band_hz: tuple[float, float]
    tilt_db: float  # per octave above the band's low edge: negative is darker
    swells: tuple[Swell, ...] = ()
    murmur_hz: float = 0.0  # syllable-rate flutter of a crowd (0: none)
    drops_per_second: float = 0.0  # rain: short bright clicks
    drop_db: float = 12.0  # their peaks above the floor's RMS


BEDS: dict[str, Bed] = {
    "room-tone": Bed(band_hz=(40.0, 3000.0), tilt_db=-3.0, swells=(Swell(0.15, 17.0),)),
    "street": Bed(band_hz=(50.0, 2500.0), tilt_db=-4.5, swells=(Swell(1.2, 9.0), Swell(0.8, 13.0))),
    "rain": Bed(band_hz=(400.0, 9000.0), tilt_db=-1.0, swells=(Swell(0.3, 11.0),), drops_per_second=40.0),
    "crowd": Bed(band_hz=(180.0, 3500.0), tilt_db=-2.0, swells=(Swell(0.6, 8.0),), murmur_hz=4.0),
}


class AmbienceStream:
    """The bed ``name`` read block by block (a mix :class:`~storyboard.sound.mix.Stream`), for ``total`` samples."""

    def __init__(self, name: str, seed: int, total: int, sample_rate: int = SAMPLE_RATE) -> None:
        self.bed, self.seed, self.total, self.rate = BEDS[name], seed, total, sample_rate
        self.chunk = round(CHUNK_SECONDS * sample_rate)
        self._made: dict[int, np.ndarray] = {}

    def read(self, start: int, end: int) -> np.ndarray:
        """Samples [start, end) as (end - start, 2) float32; silence past the end."""
        out = np.zeros((max(end - start, 0), 2), np.float32)
        end = min(end, self.total)
        for index in range(start // self.chunk, -(-end // self.chunk) if end > start else 0):
            first = index * self.chunk
            lo, hi = max(start, first), min(end, first + self.chunk)
            out[lo - start : hi - start] = self._second(index)[lo - first : hi - first]
        return out

    def _second(self, index: int) -> np.ndarray:
        """Chunk ``index`` of the bed, (chunk, 2) float32; the last two made are kept."""
        if index not in self._made:
            self._made = {key: value for key, value in self._made.items() if key == index - 1}
            self._made[index] = self._make(index)
        return self._made[index]

    def _make(self, index: int) -> np.ndarray:
        bed, chunk = self.bed, self.chunk
        noise = np.concatenate([self._noise(index - 1)[:, -(FILTER_TAPS - 1) :], self._noise(index)], axis=1)
        floor = fft_convolve(noise, _floor_filter(bed.band_hz, bed.tilt_db, self.rate))[:, FILTER_TAPS - 1 :]
        t = (index * chunk + np.arange(chunk)) / self.rate
        lift = np.ones(chunk)
        for number, swell in enumerate(bed.swells):
            phase = self._phase(number)
            lift += swell.depth * np.maximum(0.0, np.sin(2 * np.pi * t / swell.period + phase)) ** 2
        if bed.murmur_hz:
            lift *= 1 + 0.5 * (0.5 + 0.5 * np.sin(2 * np.pi * bed.murmur_hz * t + 2 * np.sin(2 * np.pi * 0.7 * t)))
        out = (floor * lift).T
        if bed.drops_per_second:
            out += self._drops(index - 1)[chunk:] + self._drops(index)[:chunk]
        return out.astype(np.float32)

    def _noise(self, index: int) -> np.ndarray:
        """White noise for chunk ``index`` (zeros before the first), (2, chunk)."""
        if index < 0:
            return np.zeros((2, self.chunk))
        return np.random.default_rng([self.seed % 2**32, index, 1]).standard_normal((2, self.chunk))

    def _phase(self, number: int) -> float:
        """The seeded phase of swell ``number``."""
        return float(np.random.default_rng([self.seed % 2**32, number, 2]).uniform(0, 2 * np.pi))

    def _drops(self, index: int) -> np.ndarray:
        """Chunk ``index``'s drops and what rings into the next chunk, (2 * chunk, 2)."""
        out = np.zeros((2 * self.chunk, 2))
        if index < 0:
            return out
        rng = np.random.default_rng([self.seed % 2**32, index, 3])
        count = rng.poisson(self.bed.drops_per_second * CHUNK_SECONDS)
        length = round(EVENT_SECONDS * self.rate)
        envelope = np.exp(-np.arange(length) / (0.004 * self.rate))
        peak = 10 ** ((LEVEL_DBFS + FLOOR_MARGIN_DB + self.bed.drop_db) / 20)
        for start, size, pan in zip(rng.integers(0, self.chunk, count), rng.uniform(0.2, 1.0, count),
                                    rng.uniform(-0.8, 0.8, count)):
            click = np.diff(rng.standard_normal(length + 1)) / 2 * envelope * size * peak  # bright: differenced noise
            out[start : start + length] += np.outer(click, [1 - pan, 1 + pan])
        return out


@lru_cache(maxsize=8)
def _floor_filter(band_hz: tuple[float, float], tilt_db: float, rate: int) -> np.ndarray:
    """The floor's shaping FIR: ``band_hz`` with gentle slopes and ``tilt_db`` per octave, scaled so that
    white noise of unit variance comes out at the floor's RMS."""
    frequency = np.fft.rfftfreq(4 * FILTER_TAPS, 1 / rate)
    low, high = band_hz
    safe = np.maximum(frequency, 1.0)
    magnitude = (1 / np.sqrt(1 + (low / safe) ** 4)) / np.sqrt(1 + (safe / high) ** 4)
    magnitude *= (np.maximum(safe, low) / low) ** (tilt_db / 20 / np.log10(2))
    impulse = np.roll(np.fft.irfft(magnitude), FILTER_TAPS // 2)[:FILTER_TAPS] * np.hanning(FILTER_TAPS)
    level = 10 ** ((LEVEL_DBFS + FLOOR_MARGIN_DB) / 20)
    taps = impulse * level / np.sqrt(np.sum(impulse**2))
    taps.flags.writeable = False
    return taps
