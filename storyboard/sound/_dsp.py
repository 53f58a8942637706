"""Signal-processing helpers for the sound stage, in numpy alone.

scipy would cost about a second of import time, more than a whole render of a
short scene, so the few filters the sound stage needs are built here from FFTs
and closed forms. Frequencies are in cycles per sample (0 to 0.5).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

Biquad = tuple[np.ndarray, np.ndarray]  # (b, a), three coefficients each

BUTTERWORTH_GAIN_FLOOR_RATIO = 1e6  # |x| beyond this is stopband (gain < 1e-6 ** order): no overflow
RESAMPLE_TRANSITION = 0.045  # anti-imaging roll-off below the lower Nyquist, cycles/sample (1 kHz at 22.05 kHz)
RESAMPLE_PAD_SECONDS = 0.05  # zeros appended before resampling so nothing wraps around
FFT_FILTER_PIECE = 16384  # FftFilter's FFT length (at least twice the impulse's): small enough to stay in cache


def next_fast_length(minimum: int) -> int:
    """The smallest length >= ``minimum`` whose only prime factors are 2, 3 and 5."""
    best = 1 << max(minimum - 1, 0).bit_length()
    fives = 1
    while fives < best:
        odd = fives  # runs over 3**i * 5**j
        while odd < best:
            doublings = max(-(-minimum // odd) - 1, 0).bit_length()
            best = min(best, odd << doublings)
            odd *= 3
        fives *= 5
    return best


def fft_filter(signal: np.ndarray, response: Callable[[np.ndarray], np.ndarray], pad: int = 0) -> np.ndarray:
    """``signal`` filtered along its last axis by multiplying its spectrum by ``response``.

    ``response(frequency)`` is the filter's complex (or real, zero-phase)
    frequency response at frequencies in cycles per sample. ``pad`` zeros are
    appended first: at least the impulse response's length, so that the
    circular convolution of the FFT does not wrap around (without them the
    end wraps onto the start). Returns float64 of the input's shape.
    """
    n = signal.shape[-1]
    length = next_fast_length(n + pad)
    spectrum = np.fft.rfft(signal, length) * response(np.fft.rfftfreq(length))
    return np.fft.irfft(spectrum, length)[..., :n]


def fft_convolve(signal: np.ndarray, impulse: np.ndarray) -> np.ndarray:
    """The first ``len(signal)`` samples of ``signal`` convolved with the causal FIR ``impulse``, float64."""
    n = signal.shape[-1]
    length = next_fast_length(n + impulse.size - 1)
    return np.fft.irfft(np.fft.rfft(signal, length) * np.fft.rfft(impulse, length), length)[..., :n]


class FftFilter:
    """A causal FIR filter applied by overlap-save: FFTs of one small length, the impulse's spectrum taken once.

    One FFT over a whole long signal runs out of the CPU's caches; pieces of
    FFT_FILTER_PIECE samples stay in them, so a line of a few seconds is
    filtered about twice as fast as by :func:`fft_convolve`, to the same
    samples within rounding.
    """

    def __init__(self, impulse: np.ndarray) -> None:
        self.taps = impulse.size
        self.length = next_fast_length(max(FFT_FILTER_PIECE, 2 * self.taps))
        self.hop = self.length - self.taps + 1  # new output samples a piece
        self.spectrum = np.fft.rfft(impulse, self.length)

    def __call__(self, signal: np.ndarray) -> np.ndarray:
        """The first ``len(signal)`` samples of mono ``signal`` through the filter (from silence), float64."""
        n = signal.size
        pieces = max(-(-n // self.hop), 1)
        padded = np.zeros((pieces - 1) * self.hop + self.length)
        padded[self.taps - 1 : self.taps - 1 + n] = signal
        frames = np.lib.stride_tricks.sliding_window_view(padded, self.length)[:: self.hop]
        filtered = np.fft.irfft(np.fft.rfft(frames, axis=1) * self.spectrum, self.length, axis=1)
        return filtered[:, self.taps - 1 :].ravel()[:n]  # the start of each piece has wrapped around


def butterworth_bandpass(frequency: np.ndarray, low: float, high: float, order: int) -> np.ndarray:
    """Magnitude response of a digital (bilinear) Butterworth band-pass at ``frequency``.

    Matches ``scipy.signal.butter(order, (low, high), "bandpass")``: the band
    edges (cycles per sample) are -3 dB, the slopes are 6 * order dB per octave.
    """
    warped = np.maximum(np.tan(np.pi * np.minimum(frequency, 0.5 - 1e-9)), 1e-12)  # finite at 0 and Nyquist
    low_edge, high_edge = np.tan(np.pi * low), np.tan(np.pi * high)
    lowpass_equivalent = (warped**2 - low_edge * high_edge) / (warped * (high_edge - low_edge))
    ratio = np.minimum(np.abs(lowpass_equivalent), BUTTERWORTH_GAIN_FLOOR_RATIO)
    return 1.0 / np.sqrt(1.0 + ratio ** (2 * order))


def biquad_response(sections: Sequence[Biquad], frequency: np.ndarray) -> np.ndarray:
    """Complex frequency response H(e^jw) of a cascade of biquads, each (b, a), at ``frequency``."""
    angle = 2 * np.pi * frequency
    delay = np.empty(angle.shape, complex)  # z^-1, faster than a complex exp
    delay.real, delay.imag = np.cos(angle), -np.sin(angle)
    response = np.ones(angle.shape, complex)
    for b, a in sections:
        response *= (b[0] + delay * (b[1] + delay * b[2])) / (a[0] + delay * (a[1] + delay * a[2]))
    return response


def sliding_minimum(signal: np.ndarray, width: int) -> np.ndarray:
    """Minimum over a centred window of odd ``width``, edges held (van Herk / Gil-Werman, O(n)).

    Equals ``scipy.ndimage.minimum_filter1d(signal, width, mode="nearest")``.
    Within blocks of ``width`` samples it takes running minima forwards and
    backwards; every window spans at most two blocks.
    """
    n, half = signal.size, width // 2
    if n == 0:
        return np.asarray(signal, dtype=np.float64)
    blocks = -(-(n + 2 * half) // width)
    padded = np.concatenate(
        [np.full(half, signal[0]), signal, np.full(half, signal[-1]), np.full(blocks * width - n - 2 * half, np.inf)]
    )
    forward = np.minimum.accumulate(padded.reshape(blocks, width), axis=1).ravel()
    backward = np.minimum.accumulate(padded[::-1].reshape(blocks, width), axis=1).ravel()[::-1]
    return np.minimum(backward[:n], forward[width - 1 : width - 1 + n])


def resample(samples: np.ndarray, rate: int, new_rate: int) -> np.ndarray:
    """Band-limited resampling of mono ``samples`` from ``rate`` to ``new_rate`` (integers), float64.

    The whole signal is resampled in the frequency domain: its spectrum is cut
    (or zero-extended) at the lower Nyquist frequency with a raised-cosine
    roll-off, so nothing is imaged or aliased and there is little ringing. The
    output has ``ceil(len * new_rate / rate)`` samples, aligned like
    ``scipy.signal.resample_poly``'s.
    """
    divisor = math.gcd(rate, new_rate)
    up, down = new_rate // divisor, rate // divisor
    periods = next_fast_length(-(-(samples.size + round(RESAMPLE_PAD_SECONDS * rate)) // down))
    spectrum = np.fft.rfft(samples, periods * down)
    kept = min(periods * down, periods * up) // 2 + 1
    resampled = np.zeros(periods * up // 2 + 1, complex)
    resampled[:kept] = spectrum[:kept] * _roll_off(kept)
    out = np.fft.irfft(resampled, periods * up) * (up / down)
    return out[: -(-samples.size * up // down)]


def _roll_off(bins: int) -> np.ndarray:
    """Raised-cosine gain over ``bins`` FFT bins up to a Nyquist bin: 1, then down to 0 at the last."""
    position = np.linspace(0.0, 0.5, bins)
    fade = np.clip((position - (0.5 - RESAMPLE_TRANSITION)) / RESAMPLE_TRANSITION, 0.0, 1.0)
    return 0.5 + 0.5 * np.cos(np.pi * fade)
