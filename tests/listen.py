"""Listening to a rendered film by measurement: decode strictly, find where sound starts and stops, pitch, level."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np

import media
from conftest import load_report, run_cli

SR = 48_000
HOP = SR // 400  # 2.5 ms envelope frames


def render(folder: Path, name: str, text: str, size: str = "160x90") -> tuple[Path, dict]:
    """Render the scene ``text`` through the CLI; the film and its report."""
    scene = folder / f"{name}.yaml"
    scene.write_text(text)
    film = folder / f"{name}.mp4"
    done = run_cli("render", str(scene), "-o", str(film), "--resolution", size,
                   env={"STORYBOARD_CACHE_DIR": str(folder / "cache")})
    assert done.returncode == 0, done.stderr
    return film, load_report(film.with_suffix(".json"))


def decode(film: Path) -> np.ndarray:
    """The film's sound, mono float64 at 48 kHz, decoded with every error fatal (no concealment)."""
    done = subprocess.run([media.FFMPEG, "-hide_banner", "-nostdin", "-v", "error", "-xerror", "-err_detect", "explode",
                           "-i", str(film), "-map", "0:a", "-f", "f32le", "-ar", str(SR), "-"],
                          capture_output=True, check=False)
    assert done.returncode == 0 and not done.stderr, done.stderr.decode()
    return np.frombuffer(done.stdout, np.float32).reshape(-1, 2).mean(axis=1).astype(np.float64)


def level_db(samples: np.ndarray) -> float:
    """RMS level in dBFS."""
    return float(10 * np.log10(np.mean(samples**2) + 1e-20))


def envelope_db(sound: np.ndarray) -> np.ndarray:
    """The level of each 2.5 ms frame, dBFS."""
    frames = sound[: sound.size // HOP * HOP].reshape(-1, HOP)
    return 10 * np.log10(np.mean(frames**2, axis=1) + 1e-20)


def sounding(sound: np.ndarray, start: float, end: float, threshold_db: float = -50.0) -> tuple[float, float]:
    """When sound first and last rises above ``threshold_db`` between ``start`` and ``end`` seconds."""
    envelope = envelope_db(sound)
    first, last = max(int(start * SR / HOP), 0), min(int(end * SR / HOP), envelope.size)
    loud = np.flatnonzero(envelope[first:last] > threshold_db)
    assert loud.size, (start, end)
    return (first + loud[0]) * HOP / SR, (first + loud[-1] + 1) * HOP / SR


def pitch(samples: np.ndarray) -> float:
    """Median autocorrelation pitch (Hz) of the voiced 40 ms frames."""
    frame, found = 2048, []
    floor = 0.1 * np.abs(samples).max()
    for start in range(0, samples.size - frame, frame // 2):
        chunk = samples[start : start + frame] * np.hanning(frame)
        if np.sqrt(np.mean(chunk**2)) < floor:
            continue
        corr = np.correlate(chunk, chunk, "full")[frame - 1 :]
        low, high = SR // 500, SR // 60
        lag = low + int(np.argmax(corr[low:high]))
        if corr[lag] > 0.5 * corr[0]:
            found.append(SR / lag)
    return float(np.median(found))
