"""The film: held stills and the AAC sound (and captions) written into one MP4 file's bytes."""

from __future__ import annotations

from collections.abc import Sequence

from storyboard.encode import mp4
from storyboard.encode.aac import ENCODER_DELAY, AacStream, parse_adts
from storyboard.encode.h264 import held_stills, parse_still
from storyboard.errors import RenderError

TICKS_PER_FRAME = 512  # the video track counts 512 ticks a frame, as ffmpeg's muxer does at 24 fps


def film(blocks: Sequence[tuple[bytes, int]], width: int, height: int, fps: int, sound: bytes | None, samples: int,
         captions: Sequence[tuple[float, float, str]] = ()) -> bytes:
    """The MP4 file's bytes.

    ``blocks`` are (one-frame still, frame count) in order, held with skip
    frames; ``sound`` is the AAC (ADTS) of ``samples`` samples of sound, or
    None for a picture-only file (a shot's media in an export);
    ``captions`` (start, end, text) add a timed-text track.
    """
    stills = [parse_still(still) for still, _ in blocks]
    first = stills[0]
    if any((still.sps, still.pps) != (first.sps, first.pps) for still in stills):
        raise RenderError("the encoded shots do not share one set of H.264 parameters")
    pictures, sync = held_stills([(still, frames) for still, (_, frames) in zip(stills, blocks)])
    tracks = [
        mp4.Track(b"vide", b"VideoHandler", fps * TICKS_PER_FRAME,
                  mp4.avc_sample_entry(first.sps, first.pps, width, height),
                  pictures, [TICKS_PER_FRAME] * len(pictures), sync=sync, width=width, height=height),
    ]
    if sound is not None:
        tracks.append(_sound_track(parse_adts(sound), samples))
    if captions:
        text, durations = mp4.text_samples(captions, len(pictures) / fps)
        tracks.append(mp4.Track(b"sbtl", b"SubtitleHandler", 1000, mp4.text_sample_entry(), text, durations))
    return mp4.movie(tracks)


def _sound_track(aac: AacStream, samples: int) -> mp4.Track:
    """The AAC track, its priming hidden by the edit list."""
    entry = mp4.aac_sample_entry(aac.config, aac.channels, aac.sample_rate, track_id=2,
                                 bitrate=aac.bitrate(samples), largest_frame=max(map(len, aac.frames)))
    return mp4.Track(b"soun", b"SoundHandler", aac.sample_rate, entry, aac.frames, aac.durations(samples),
                     media_start=ENCODER_DELAY, presented=samples, roll=-1)
