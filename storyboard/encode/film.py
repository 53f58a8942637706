"""The film: held stills and the AAC sound (and captions) written into one MP4 file.

:class:`FilmWriter` takes the shots as they come, in order, and spools their
samples (each still once per shot, then a few bytes a skipped frame), so a
film of any length is held as its sample tables, not its media.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

from storyboard.encode import mp4
from storyboard.encode.aac import ENCODER_DELAY, AacStream, parse_adts
from storyboard.encode.h264 import StillStream, held_stills, parse_still
from storyboard.errors import RenderError

TICKS_PER_FRAME = 512  # the video track counts 512 ticks a frame, as ffmpeg's muxer does at 24 fps


class FilmWriter:
    """A film's picture track, made shot by shot (:meth:`add_shots`); :meth:`write` adds the sound and writes the file.

    Use it as a context manager: leaving the block removes the spool.
    """

    def __init__(self, width: int, height: int, fps: int) -> None:
        """A film of ``width`` x ``height`` pictures at ``fps``, with no shot yet."""
        self.width, self.height, self.fps = width, height, fps
        self._pictures = mp4.Samples()
        self._sync: list[int] = []  # each shot's first frame
        self._first: StillStream | None = None

    @property
    def frames(self) -> int:
        """How many frames the film has so far."""
        return len(self._pictures)

    def add_shots(self, shots: Iterable[tuple[bytes, int]]) -> None:
        """Hold each (one-frame H.264 still, frame count) for its frames, in turn; call it once, with every shot.

        The shots are taken from ``shots`` as they come (a generator may wait
        for each still to be drawn), and each is spooled at once.
        """
        for samples in held_stills(self._parsed(shots)):
            self._sync.append(len(self._pictures))
            self._pictures.extend(samples)

    def _parsed(self, shots: Iterable[tuple[bytes, int]]) -> Iterator[tuple[StillStream, int]]:
        """Each still parsed; RenderError if one's parameter sets differ from the first's."""
        for still, frames in shots:
            parsed = parse_still(still)
            if self._first is None:
                self._first = parsed
            elif (parsed.sps, parsed.pps) != (self._first.sps, self._first.pps):
                raise RenderError("the encoded shots do not share one set of H.264 parameters")
            yield parsed, frames

    def write(self, out: BinaryIO, sound: AacStream | None, samples: int,
              captions: Sequence[tuple[float, float, str]] = ()) -> None:
        """Write the MP4 file to ``out``: the shots, ``sound`` (AAC of ``samples`` samples) and ``captions``.

        ``sound`` None writes a picture-only file; ``captions`` are (start,
        end, text) and make a timed-text track.
        """
        if self._first is None:
            raise RenderError("a film needs at least one shot")
        tracks = [
            mp4.Track(b"vide", b"VideoHandler", self.fps * TICKS_PER_FRAME,
                      mp4.avc_sample_entry(self._first.sps, self._first.pps, self.width, self.height),
                      self._pictures, mp4.equal_durations(self.frames, TICKS_PER_FRAME), sync=self._sync,
                      width=self.width, height=self.height),
        ]
        if sound is not None:
            tracks.append(_sound_track(sound, samples))
        if captions:
            tracks.append(_text_track(captions, self.frames / self.fps))
        mp4.write_movie(tracks, out)

    def __enter__(self) -> FilmWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._pictures.close()


def film(blocks: Sequence[tuple[bytes, int]], width: int, height: int, fps: int, sound: bytes | None, samples: int,
         captions: Sequence[tuple[float, float, str]] = ()) -> bytes:
    """A short film's MP4 bytes, made in memory (see :class:`FilmWriter`).

    ``blocks`` are (one-frame still, frame count) in order; ``sound`` is the
    AAC (ADTS) of ``samples`` samples of sound, or None for a picture-only
    file (a shot's media in an export).
    """
    out = io.BytesIO()
    with FilmWriter(width, height, fps) as writer:
        writer.add_shots(blocks)
        writer.write(out, None if sound is None else parse_adts(sound), samples, captions)
    return out.getvalue()


def _sound_track(aac: AacStream, samples: int) -> mp4.Track:
    """The AAC track, its priming hidden by the edit list."""
    entry = mp4.aac_sample_entry(aac.config, aac.channels, aac.sample_rate, track_id=2,
                                 bitrate=aac.bitrate(samples), largest_frame=max(aac.frames.sizes))
    return mp4.Track(b"soun", b"SoundHandler", aac.sample_rate, entry, aac.frames, aac.durations(samples),
                     media_start=ENCODER_DELAY, presented=samples, roll=-1)


def _text_track(captions: Sequence[tuple[float, float, str]], seconds: float) -> mp4.Track:
    """The timed-text track of ``captions`` over a film ``seconds`` long."""
    text, durations = mp4.text_samples(captions, seconds)
    samples = mp4.Samples()
    samples.extend(text)
    return mp4.Track(b"sbtl", b"SubtitleHandler", 1000, mp4.text_sample_entry(), samples, durations)
