"""The sound's stems as WAV files (48 kHz, 16-bit stereo), through pydub.

The stems are the mix's own parts as mixed (:func:`storyboard.sound.mix.stems`:
after the ducking and the limiter's gain): one per character, all the
dialogue together, the music, and the ambience and the effects when the
scene has them. Each is as long as the film, so it lines up with the picture
from its first sample, and the parts (characters, music, ambience, effects)
add up to the film's mix before it is coded to AAC, to within the rounding of
each to 16 bits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from storyboard.model import Scene
from storyboard.render import SAMPLE_RATE, SoundPlan
from storyboard.sound.mix import INT16_SCALE
from storyboard.sound.mix import stems as mixed_stems
from storyboard.timeline import Timeline

SAMPLE_WIDTH = 2  # bytes: 16-bit PCM
CHANNELS = 2


def write_stems(scene: Scene, timeline: Timeline, speech_keys: Sequence[str], speech: Sequence[bytes],
                stems: Mapping[str, Path], voices: Mapping[str, Path]) -> None:
    """Write the stems named in ``stems`` (dialogue, music, ambience, sfx) and each speaker's in ``voices``.

    ``speech`` holds each line's float32 samples, as a render speaks them.
    """
    plan = SoundPlan.of(scene, timeline, speech_keys)
    parts: dict[str, list[bytes]] = {name: [] for name in [*stems, *(f"voice:{who}" for who in voices)]}
    for _, block in mixed_stems(plan.mix_plan(speech)):
        silence = np.zeros_like(block.music)
        pieces = {"dialogue": block.all_dialogue, "music": block.music, "ambience": block.ambience,
                  "sfx": block.effects, **{f"voice:{who}": block.dialogue.get(who, silence) for who in voices}}
        for name, chunks in parts.items():
            chunks.append(_pcm(pieces[name] if pieces[name] is not None else silence))
    for name, path in stems.items():
        _write_wav(path, b"".join(parts[name]))
    for who, path in voices.items():
        _write_wav(path, b"".join(parts[f"voice:{who}"]))


def _pcm(samples: np.ndarray) -> bytes:
    """Float stereo samples in [-1, 1] as 16-bit little-endian PCM, rounded and clipped."""
    scaled = np.clip(np.round(samples.astype(np.float64) * INT16_SCALE), -INT16_SCALE - 1, INT16_SCALE)
    return scaled.astype("<i2").tobytes()


def _write_wav(path: Path, pcm: bytes) -> None:
    """``pcm`` (16-bit stereo at 48 kHz) as a WAV file, written by pydub."""
    AudioSegment = _pydub()
    AudioSegment(data=pcm, sample_width=SAMPLE_WIDTH, frame_rate=SAMPLE_RATE, channels=CHANNELS).export(
        str(path), format="wav")


def _pydub():  # -> type[pydub.AudioSegment]
    """pydub's AudioSegment, using the ffmpeg storyboard ships (pydub warns on import when none is on PATH)."""
    import warnings

    from storyboard.encode import ffmpeg_exe

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        from pydub import AudioSegment
    AudioSegment.converter = ffmpeg_exe()
    return AudioSegment
