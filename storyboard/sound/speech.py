"""Local text-to-speech: pyttsx3's eSpeak NG binding, a fresh engine per line.

Why not ``pyttsx3.init()``: its high-level engine (version 2.99) writes only the
last of several queued files, hangs when forked after ``init()``, prints to
stdout, and its ``runAndWait`` calls ``stop()``, which cancels eSpeak while it
is busy (dropped rate changes, missing or empty files under load, tails of one
line leaking into the next). pyttsx3's own ctypes binding,
``pyttsx3.drivers._espeak``, in synchronous mode has none of these problems.

Why a fresh engine per line: eSpeak keeps state between utterances (the pitch
flutter phase, the Klatt generator...), so the same line spoken twice in one
process gives different samples; neither ``espeak_ng_SetRandSeed`` nor
terminating and re-initialising the engine resets it. An engine that speaks a
single line, with its noise generator seeded, always starts from the same
state, so a line's audio does not depend on its neighbours, on the order of
synthesis or on the time of day.

How: ``jobs`` worker processes (``_espeak_worker.py``, no numpy) run at once.
Each is a fork server: it initialises the engine once and forks a child per
line, which speaks from an exact copy of the untouched engine (about 1 ms of
start-up instead of about 45 ms for a new interpreter). Where ``os.fork`` does
not exist each line gets a worker process of its own, speaking the same
protocol. Voices are resolved in :mod:`storyboard.sound.voices`, which loads
without numpy.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, NamedTuple

import numpy as np

from storyboard.model import Character
from storyboard.sound import _espeak_worker as protocol
from storyboard.sound._dsp import resample
from storyboard.sound.effects import apply_effect
from storyboard.sound.voices import rate_of, voice_id

SAMPLE_RATE = 48_000
TRIM_THRESHOLD_DB = -40.0  # relative to the line's peak
TRIM_PAD_SECONDS = 0.01  # kept either side of the first / last sound
MONOTONE_EFFECTS = ("robot",)  # spoken without intonation before the effect
EDGE_FADE_SECONDS = 0.003  # fade in and out so a line never starts or ends with a click
REFERENCE_RATE = 165  # words per minute the length bounds below are for
MIN_SECONDS_PER_CHAR = 0.02  # a letter or digit never takes less...
MAX_SECONDS_PER_CHAR = 0.6  # ...nor more (spelt-out acronyms are the slow case)
MAX_EXTRA_SECONDS = 1.5
WORKER_TIMEOUT_SECONDS = 30.0  # for one line, from request to response
WORKER_EXIT_SECONDS = 5.0  # a worker that stopped answering has this long to exit with its status
ATTEMPTS = 2
# eSpeak speaks about 1.48 written words a minute for each unit of its rate
# parameter (measured over sentences of 8 to 13 words, rates 110 to 220: the
# ratio held within 2 %), a line's own words making it 15 % faster or slower.
# So a line is spoken, measured from its samples, and spoken again corrected.
ENGINE_WORDS_PER_RATE = 1.48
ENGINE_RATES = (80, 450)  # what eSpeak's rate parameter takes
MEASURED_WORDS = 4  # lines this long or longer are held to their rate
RATE_TOLERANCE = 0.03  # a line this close to its rate is not spoken again
PITCH_TOLERANCE = 0.02  # octaves (1.4 %): a line this close to its pitch is not spoken again
PASSES = 4  # at most this many tries for the rate and pitch
# Octaves from a voice's own pitch (eSpeak's pitch parameter 50) to the
# pitch that parameter gives, measured on twelve voices (medians). Under 35
# some voices creak and their pitch cannot be measured, so none goes lower.
PITCH_CURVE = ((35, -0.12), (50, 0.0), (75, 0.36), (100, 0.73))
PITCH_FRAME_SECONDS = 0.04
PITCH_RANGE_HZ = (60.0, 500.0)
VOICED_CORRELATION = 0.5
# A worker costs ~40 ms of CPU to start and a line ~8 ms: another worker pays
# for itself in time only past a few lines, and in a render the CPU it would
# take is the drawing's.
LINES_PER_WORKER = 4
STOPPED = "speech was stopped"  # the problem of a line asked for after synthesise_lines gave up

_WORKER = Path(__file__).with_name("_espeak_worker.py")
_FORKS = hasattr(os, "fork")  # else one worker process per line (Windows)
_GROUPS = os.name == "posix"  # a worker leads a process group: its forked children die with it
_NO_AUDIO = np.zeros(0, np.int16)


class SpeechError(RuntimeError):
    """The speech engine failed to speak a line (after a retry)."""


def synthesise_lines(requests: Sequence[tuple[str, Character]], jobs: int = 2) -> list[np.ndarray]:
    """Speak each (text, character); mono float32 at 48 kHz, trimmed of leading/trailing silence, effect applied.

    Up to ``jobs`` engine processes (one per :data:`LINES_PER_WORKER` lines)
    run at once; they are stopped before this returns or raises. Raises SpeechError if a line cannot be spoken after one
    retry, ValueError for an unknown voice.
    """
    count = max(1, min(jobs, -(-len(requests) // LINES_PER_WORKER)))
    # Workers are stopped before the pool waits for its threads, so an
    # interrupted call does not wait for lines in progress.
    with ThreadPoolExecutor(max_workers=count) as pool, _Workers(count, _FORKS) as workers:
        return list(pool.map(lambda request: _synthesise_line(*request, workers), requests))


def _synthesise_line(text: str, character: Character, workers: _Workers) -> np.ndarray:
    """Speak one line as ``character`` with a worker from ``workers``; see :func:`synthesise_lines`.

    The engine is asked for the rate and pitch it should give; what it gave
    is measured and it is asked again, corrected, up to :data:`PASSES` times.
    """
    voice = voice_id(character)
    monotone = character.effect in MONOTONE_EFFECTS
    problem = ""
    with workers.borrow() as worker:
        for _ in range(ATTEMPTS):
            delivery = _Delivery.first(character)
            for _ in range(PASSES):
                sample_rate, pcm, problem = worker.speak(text, voice, delivery.rate, monotone, delivery.pitch)
                samples = _trim(pcm.astype(np.float32) / 32768.0, sample_rate)
                problem = problem or _implausibility(samples, sample_rate, text, rate_of(character))
                better = None if problem else delivery.corrected(samples, sample_rate, text, character)
                if better is None:
                    break
                delivery = better
            if not problem:
                resampled = _resample(samples, sample_rate)
                return _fade_edges(apply_effect(resampled, character.effect, SAMPLE_RATE))
            worker.close()  # the retry starts from a new worker process
    raise SpeechError(f"speech engine failed for {character.name} ({voice}): {problem}: {text!r}")


class _Delivery(NamedTuple):
    """What the engine is asked for: its rate parameter and its pitch parameter (0-100; None: the voice's own)."""

    rate: int
    pitch: int | None

    @classmethod
    def first(cls, character: Character) -> _Delivery:
        """The first request: the rate the engine's usual speed suggests, the voice's middle pitch."""
        return cls(_engine_rate(rate_of(character) / ENGINE_WORDS_PER_RATE), None if character.pitch is None else 50)

    def corrected(self, samples: np.ndarray, sample_rate: int, text: str, character: Character) -> _Delivery | None:
        """The request corrected by what ``samples`` measure, or None if they are close enough (or cannot be better)."""
        rate, pitch = self.rate, self.pitch
        words = len(text.split())
        if words >= MEASURED_WORDS:
            spoken = words / (samples.size / sample_rate) * 60
            if abs(spoken / rate_of(character) - 1) > RATE_TOLERANCE:
                rate = _engine_rate(self.rate * rate_of(character) / spoken)
        if pitch is not None and character.pitch is not None:
            heard = median_pitch(samples, sample_rate)
            if heard is not None and abs(np.log2(character.pitch / heard)) > PITCH_TOLERANCE:
                pitch = _pitch_parameter(_pitch_octaves(pitch) + np.log2(character.pitch / heard))
        better = _Delivery(rate, pitch)
        return None if better == self else better


def _engine_rate(rate: float) -> int:
    """An eSpeak rate parameter, inside the range it takes."""
    return int(min(max(round(rate), ENGINE_RATES[0]), ENGINE_RATES[1]))


def _pitch_octaves(parameter: float) -> float:
    """Octaves from the voice's own pitch to eSpeak's pitch ``parameter`` (measured: :data:`PITCH_CURVE`)."""
    return float(np.interp(parameter, *zip(*PITCH_CURVE)))


def _pitch_parameter(octaves: float) -> int:
    """The eSpeak pitch parameter ``octaves`` from the voice's own pitch (clamped to what it reaches)."""
    parameters, shifts = zip(*PITCH_CURVE)
    return int(round(float(np.interp(octaves, shifts, parameters))))


def median_pitch(samples: np.ndarray, sample_rate: int) -> float | None:
    """The median fundamental (Hz) of the voiced 40 ms frames of mono ``samples``; None if none is voiced.

    Each frame's autocorrelation (by FFT) peaks at its period, between
    PITCH_RANGE_HZ; a frame is voiced if that peak holds at least
    VOICED_CORRELATION of its energy and it is within 20 dB of the loudest.
    """
    frame = round(PITCH_FRAME_SECONDS * sample_rate)
    if samples.size < frame:
        return None
    starts = np.arange(0, samples.size - frame + 1, frame // 2)
    frames = np.stack([samples[s : s + frame] for s in starts]).astype(np.float64) * np.hanning(frame)
    energy = np.sum(frames**2, axis=1)
    frames = frames[energy > 0.01 * energy.max()]
    correlation = np.fft.irfft(np.abs(np.fft.rfft(frames, 2 * frame)) ** 2)[:, :frame]
    low, high = (round(sample_rate / hz) for hz in PITCH_RANGE_HZ[::-1])
    lags = low + np.argmax(correlation[:, low:high], axis=1)
    peaks = correlation[np.arange(len(lags)), lags]
    voiced = peaks > VOICED_CORRELATION * correlation[:, 0]
    return float(np.median(sample_rate / lags[voiced])) if voiced.any() else None


class _Worker:
    """A worker process that speaks lines, each from a fresh engine; started on demand.

    With ``forks`` it is a fork server that serves many lines; without, each
    line gets a new process. One thread speaks at a time, but another may
    :meth:`stop` the worker meanwhile.
    """

    def __init__(self, forks: bool) -> None:
        self._forks = forks
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None  # the process's; read once it has been killed
        self._timed_out = False
        self._stopped = False

    def speak(self, text: str, voice: str, rate: int, monotone: bool, pitch: int | None = None) -> tuple[int, np.ndarray, str]:
        """The engine's sample rate, int16 samples and, on failure, why (``pitch``: eSpeak's 0-100, None: the voice's)."""
        process = self._start()
        if process is None:
            return 0, _NO_AUDIO, STOPPED
        request = json.dumps({"text": text, "voice": voice, "rate": rate, "monotone": monotone, "pitch": pitch})
        deadline = threading.Timer(WORKER_TIMEOUT_SECONDS, self._expire, (process,))
        deadline.start()
        try:
            body = _exchange(process, request.encode())
        finally:
            deadline.cancel()
            deadline.join()
        if body is None:
            return 0, _NO_AUDIO, self._died(process, "")
        status, sample_rate, payload = protocol.parse_response(body)
        if status == protocol.DIED:
            return 0, _NO_AUDIO, self._died(process, payload.decode(errors="replace"))
        if not self._forks:
            self.close()
        if status != protocol.OK:
            return 0, _NO_AUDIO, payload.decode(errors="replace")
        return sample_rate, np.frombuffer(payload, dtype="<i2", count=len(payload) // 2), ""

    def close(self) -> None:
        """Stop the process, and every child it forked, if one is running; the next line starts another."""
        with self._lock:
            self._close()

    def stop(self) -> None:
        """Close for good: lines asked for from now on fail with STOPPED."""
        with self._lock:
            self._stopped = True
            self._close()

    def _start(self) -> subprocess.Popen[bytes] | None:
        """The running process, started if need be; None once stopped."""
        with self._lock:
            if self._process is None and not self._stopped:
                self._stderr = tempfile.TemporaryFile()
                self._timed_out = False
                self._process = subprocess.Popen(
                    [sys.executable, "-I", str(_WORKER), *([protocol.FORK_FLAG] if self._forks else [])],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=self._stderr,
                    start_new_session=_GROUPS,
                )
            return self._process

    def _expire(self, process: subprocess.Popen[bytes]) -> None:
        """The deadline passed: kill ``process`` so that the waiting read ends."""
        with self._lock:
            if self._process is process:
                self._timed_out = True
                _kill(process)

    def _died(self, process: subprocess.Popen[bytes], how: str) -> str:
        """Why ``process`` (or the child it forked, as ``how`` says) gave no audio; it is closed."""
        with self._lock:
            if self._process is not process:
                return STOPPED
            if self._timed_out:
                self._close()
                return f"no answer in {WORKER_TIMEOUT_SECONDS:.0f} s"
            if not how:  # the process itself went away: let it finish exiting
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(WORKER_EXIT_SECONDS)
                how = f"worker exit status {process.returncode}"
            return f"{how}: {self._close()}"

    def _close(self) -> str:
        """:meth:`close`, with the lock held; the last line the process wrote to stderr."""
        if self._process is None:
            return ""
        _kill(self._process)
        self._process.wait()
        self._stderr.seek(0)
        last_words = protocol.last_line(self._stderr.read())
        for stream in (self._process.stdin, self._process.stdout, self._stderr):
            with contextlib.suppress(BrokenPipeError):  # a request still buffered for the dead process
                stream.close()
        self._process = None
        return last_words


class _Workers:
    """``count`` workers, lent to one thread at a time; all stopped on leaving the ``with`` block."""

    def __init__(self, count: int, forks: bool) -> None:
        self._all = [_Worker(forks) for _ in range(count)]
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        for worker in self._all:
            self._idle.put(worker)

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for worker in self._all:
            worker.stop()

    @contextlib.contextmanager
    def borrow(self) -> Iterator[_Worker]:
        """An idle worker, for as long as the ``with`` block lasts."""
        worker = self._idle.get()
        try:
            yield worker
        finally:
            self._idle.put(worker)


def _exchange(process: subprocess.Popen[bytes], request: bytes) -> bytes | None:
    """Send one request frame and read one response frame; None if the process went away."""
    try:
        protocol.write_frame(process.stdin, request)
        return protocol.read_frame(process.stdout)
    except (OSError, ValueError):  # a broken pipe, or closed by Worker.stop meanwhile
        return None


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill a worker process, with any children it forked, unless it has been waited for (its id may be reused)."""
    if process.returncode is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        if _GROUPS:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()


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
