"""Scene -> MP4: speech, timeline, picture and sound, encoded and written as one file.

Every expensive piece of work is addressed by its inputs in the
:class:`~storyboard.cache.Cache`: spoken lines, drawn backdrops (a shot's set
without its signs), encoded shots, the score, the encoded sound and the
finished film (and, by a source file's bytes, the film it rendered to). A
render only does the work whose inputs changed, and the output bytes do not
depend on what was cached.

Heavy modules (numpy, Pillow, the speech engine, YAML, the thread pool) are
imported only when there is work for them, so a render with nothing changed
stays fast.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from storyboard import encode
from storyboard.cache import Cache, atomic_file, atomic_write, content_key, copy_payload
from storyboard.errors import RenderError
from storyboard.progress import Progress, Tally, no_progress
from storyboard.sources import Overrides, load_source

if TYPE_CHECKING:
    from concurrent.futures import Future

    from storyboard.forked import Submit
    from storyboard.model import Scene, Shot
    from storyboard.picture import PlacedSign
    from storyboard.timeline import Timeline

SAMPLE_RATE = 48_000
SAMPLE_BYTES = 4  # float32 mono speech in the cache
SPEECH_BATCH = 128  # lines synthesised at a time: only their samples are held before they are kept
RECENT_LINES = 4  # lines the mix read last, kept for the next block
DRAFT_MAX_HEIGHT = 360

class RenderOptions(NamedTuple):
    """How to render: where the cache is, how many workers, draft or full quality, once or again and again."""

    cache: Cache
    jobs: int = 2
    draft: bool = False
    # Rendering again and again in one process (``--watch``): draw on threads
    # here, where Pillow is already imported, rather than fork a copy of a
    # process grown large, and keep an encoder started for the next edit.
    resident: bool = False

    @property
    def video(self) -> encode.VideoSettings:
        """The still encoder's settings."""
        return encode.VideoSettings(preset="ultrafast", crf="23") if self.draft else encode.VideoSettings()


def draft_size(width: int, height: int) -> tuple[int, int]:
    """A small even size with the same aspect ratio, for ``--draft`` previews."""
    if height <= DRAFT_MAX_HEIGHT:
        return width, height
    scale = DRAFT_MAX_HEIGHT / height
    return max(2, round(width * scale / 2) * 2), DRAFT_MAX_HEIGHT


def speech_key(scene: Scene, text: str, who: str) -> str:
    """The cache address of one spoken line."""
    from storyboard.sound.voices import ENGINE_VERSION, voice_id

    character = scene.character(who)
    return content_key("speech", text, voice_id(character), character.rate, character.pitch, character.effect,
                       ENGINE_VERSION)


class Speech:
    """The scene's spoken lines: each line's cache address and length, its samples read back only when mixed.

    Samples are not held: they wait in the cache (or, without one, in a
    temporary file) and the mix reads a line when it reaches it, so a
    feature's lines are never in memory together. A line the cache lost
    meanwhile (evicted, damaged) is spoken again: speech is deterministic.
    """

    def __init__(self, scene: Scene, options: RenderOptions) -> None:
        """The lines of ``scene``, none of them spoken yet."""
        self.keys = [speech_key(scene, line.say, line.who) for line in scene.lines]
        self._requests = {key: (line.say, scene.character(line.who)) for key, line in zip(self.keys, scene.lines)}
        self._cache, self._jobs = options.cache, options.jobs
        self._sizes: dict[str, int] = {}  # each line's samples, as float32 bytes
        self._spool: BinaryIO | None = None  # the lines' samples without a cache
        self._spooled: dict[str, tuple[int, int]] = {}  # where each line lies in the spool
        self._recent: dict[str, bytes] = {}  # the lines read last, oldest first

    @property
    def lengths(self) -> list[int]:
        """Each line's length in samples."""
        return [self._sizes[key] // SAMPLE_BYTES for key in self.keys]

    def speak(self, tally: Tally) -> None:
        """Find each line in the cache, and speak (and keep) the ones it lacks, a batch at a time."""
        from storyboard.sound.speech import synthesise_lines

        missing = []
        for key in self._requests:
            payload = self._cache.get("speech", key)
            if payload is None:
                missing.append(key)
            else:
                self._sizes[key] = len(payload)
        tally.expect("lines", len(missing))
        for first in range(0, len(missing), SPEECH_BATCH):
            batch = missing[first : first + SPEECH_BATCH]
            for key, samples in zip(batch, synthesise_lines([self._requests[key] for key in batch], self._jobs)):
                self._keep(key, samples.astype("float32").tobytes())
            tally.add("lines", len(batch))

    def samples(self, key: str):  # -> numpy.ndarray
        """The samples of the line at ``key`` (float32, 48 kHz), read back (or spoken again) now.

        The last few lines read are kept: the mix reads a line for each block it spans.
        """
        import numpy as np

        if key not in self._recent:
            self._recent[key] = self._read(key)
            while len(self._recent) > RECENT_LINES:
                del self._recent[next(iter(self._recent))]
        return np.frombuffer(self._recent[key], dtype=np.float32)

    def _read(self, key: str) -> bytes:
        """The line's samples from the spool or the cache; spoken again if the cache lost them."""
        if self._spool is not None:
            offset, size = self._spooled[key]
            self._spool.seek(offset)
            return self._spool.read(size)
        payload = self._cache.get("speech", key)
        if payload is None:
            from storyboard.sound.speech import synthesise_lines

            payload = synthesise_lines([self._requests[key]], 1)[0].astype("float32").tobytes()
            if len(payload) != self._sizes[key]:
                raise RenderError(f"the line {self._requests[key][0]!r} was spoken to a new length: render again")
            self._keep(key, payload)
        return payload

    def _keep(self, key: str, payload: bytes) -> None:
        """Keep a line's samples in the cache, or without one in the spool."""
        self._sizes[key] = len(payload)
        if self._cache.root is not None:
            self._cache.put("speech", key, payload)
            return
        if self._spool is None:
            import tempfile

            self._spool = tempfile.TemporaryFile()
        self._spool.seek(0, 2)
        self._spooled[key] = (self._spool.tell(), len(payload))
        self._spool.write(payload)


class HeldLine:
    """A line as the mixer reads it (its length, a slice of it, all of it), its samples fetched from :class:`Speech` only then."""

    def __init__(self, speech: Speech, key: str, length: int) -> None:
        self.speech, self.key, self.length = speech, key, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: slice):  # -> numpy.ndarray
        return self.speech.samples(self.key)[index]

    def __array__(self, dtype: Any = None, copy: bool | None = None):  # -> numpy.ndarray
        import numpy as np

        return np.asarray(self.speech.samples(self.key), dtype=dtype)


def speak(scene: Scene, options: RenderOptions, tally: Tally | None = None) -> tuple[list[str], Speech]:
    """Every line's cache key, and the lines (see :class:`Speech`), synthesising only the missing ones."""
    speech = Speech(scene, options)
    speech.speak(tally or Tally(no_progress))
    return speech.keys, speech


def picture_fields(shot: Shot) -> dict[str, object]:
    """What a shot's picture depends on: not its id, timing or lines."""
    return {"description": shot.description, "framing": shot.framing, "signs": [sign._asdict() for sign in shot.signs]}


def still_key(shot: Shot, width: int, height: int, fps: int, options: RenderOptions) -> str:
    """The cache address of a shot's encoded still."""
    return content_key("shot", picture_fields(shot), width, height, fps, options.video.key())


def shot_still(shot: Shot, width: int, height: int, fps: int, options: RenderOptions, key: str) -> bytes:
    """Draw and encode the shot's picture as a one-frame H.264 stream, and cache it under ``key``.

    The encoder starts first, so ffmpeg is ready by the time the picture is.
    The signs are drawn first: they name the bands, and the panel is put
    together only if a band is not in the cache.
    """
    with encode.still_encoder(width, height, fps, options.video) as encoder:
        from storyboard.picture import draw_panel, place_signs

        address = backdrop_address(shot, width, height)
        drawn_set = backdrop(shot, width, height, options.cache, address)
        signs = place_signs(shot, width, height, drawn_set.anchors)
        panel = functools.cache(lambda: draw_panel(shot, width, height, drawn_set, reuse=True, signs=signs).image)
        still = encoder.finish(lambda top, bottom: panel().crop((0, top, width, bottom)).tobytes(), options.cache,
                               band_names(shot, address, signs, width, height, fps, options))
    options.cache.put("shot", key, still)
    return still


def band_names(shot: Shot, backdrop_at: str, signs: Sequence[PlacedSign], width: int, height: int, fps: int,
               options: RenderOptions) -> list[str]:
    """What each band of the shot's still shows, as cache addresses: its backdrop rows, the frame, the signs in it.

    A sign changes only the pixels of its box, so a band no edited sign
    reaches keeps its name: its coding is reused without its pixels being
    drawn, copied or hashed.
    """
    arts = [(hashlib.sha256(sign.art.image.tobytes()).hexdigest(), sign.box) for sign in signs]
    return [
        content_key("band", backdrop_at, shot.framing, width, height, fps, options.video.key(), top,
                    [art for art in arts if art[1][1] < bottom and art[1][3] > top])
        for top, bottom in encode.band_spans(height)
    ]


def backdrop_address(shot: Shot, width: int, height: int) -> str:
    """The cache address of the shot's backdrop."""
    from storyboard.picture import backdrop_key

    return content_key("backdrop", backdrop_key(shot, width, height))


def backdrop(shot: Shot, width: int, height: int, cache: Cache, key: str):  # -> picture.Backdrop
    """The shot's drawn set without its signs (cache address ``key``), from the cache when possible.

    A backdrop does not depend on what the signs say, so editing a sign's text
    redraws only the sign.
    """
    from storyboard.picture import Backdrop, draw_backdrop

    stored = cache.load("backdrop", key, Backdrop.from_bytes)
    if stored is not None and stored.size == (width, height):
        return stored
    drawn = draw_backdrop(shot, width, height)
    cache.put("backdrop", key, drawn.to_bytes())
    return drawn


def music_seed(scene: Scene) -> int:
    """The score's seed: the same title gives the same music."""
    return int.from_bytes(hashlib.sha256(scene.title.encode()).digest()[:4], "little")


class SoundPlan(NamedTuple):
    """Everything the film's sound depends on, in samples."""

    total: int
    starts: tuple[int, ...]  # each line's first sample
    speech_keys: tuple[str, ...]  # each line's cache address
    speakers: tuple[str, ...]  # each line's character: its dialogue stem
    style: str
    seed: int
    stop: int  # the music's first silent sample
    music_db: float = 0.0  # the scene's music level
    ambience: str | None = None
    effects: tuple[tuple[str, int], ...] = ()  # (sound, first sample)

    @classmethod
    def of(cls, scene: Scene, timeline: Timeline, speech_keys: Sequence[str]) -> SoundPlan:
        """The sound plan of ``scene`` laid out as ``timeline``."""
        return cls(
            total=round(timeline.frames * SAMPLE_RATE / timeline.fps),
            starts=tuple(round(clip.start * SAMPLE_RATE) for clip in timeline.dialogue),
            speech_keys=tuple(speech_keys),
            speakers=tuple(clip.line.who for clip in timeline.dialogue),
            style=timeline.music.style,
            seed=music_seed(scene),
            stop=round(timeline.music.stop * SAMPLE_RATE),
            music_db=timeline.music.level,
            ambience=timeline.ambience,
            effects=tuple((clip.sound, round(clip.start * SAMPLE_RATE)) for clip in timeline.effects),
        )

    @property
    def key(self) -> str:
        """The cache address of the encoded sound."""
        return content_key("audio", self._asdict(), encode.AUDIO_BITRATE)

    def mix_plan(self, speech: Speech):  # -> storyboard.sound.mix.MixPlan
        """What the mix reads: each line (read from ``speech`` as the mix reaches it), the score, the bed, the effects."""
        from storyboard.sound.ambience import AmbienceStream
        from storyboard.sound.mix import MixPlan, Sound, Voice
        from storyboard.sound.score import ScoreStream
        from storyboard.sound.sfx import make_effect

        lines = [Voice(start, HeldLine(speech, key, length), who)
                 for start, key, length, who in zip(self.starts, self.speech_keys, speech.lengths, self.speakers)]
        effects = [Sound(start, make_effect(sound, self.seed + number))
                   for number, (sound, start) in enumerate(self.effects)]
        ambience = None if self.ambience is None else AmbienceStream(self.ambience, self.seed, self.total)
        music = ScoreStream(self.style, self.stop / SAMPLE_RATE, self.seed, SAMPLE_RATE)
        return MixPlan(self.total, lines, music, self.stop, self.music_db, ambience, effects)


def sound(plan: SoundPlan, speech: Speech, options: RenderOptions, tally: Tally):  # -> encode.aac.AacStream
    """The film's sound as AAC frames (cached by its inputs): mixed a block at a time, encoded in pieces side by side.

    Neither the mix nor the encoded sound is ever held whole: the blocks go
    to the encoders as they are mixed, and the frames to a spool.
    """
    from storyboard.encode.aac import AacStream

    cached = options.cache.open("audio", plan.key)
    tally.expect("seconds", 0 if cached else plan.total / SAMPLE_RATE)
    if cached is not None:
        file, start = cached
        return AacStream.in_file(file, start, os.fstat(file.fileno()).st_size - start)
    with encode.SoundEncoder(plan.total, options.jobs) as encoder:  # started first: it overlaps the score's start
        from storyboard.sound.mix import mix_blocks

        for _, samples in mix_blocks(plan.mix_plan(speech)):
            encoder.write(samples.astype("<i2", copy=False))
            tally.add("seconds", len(samples) / SAMPLE_RATE)
        stream = encoder.finish()
    options.cache.put_stream("audio", plan.key, stream.save)
    return stream


class RenderResult(NamedTuple):
    """A finished render: its timeline, the size it was drawn at, and how long it took."""

    timeline: Timeline
    width: int
    height: int
    seconds: float
    film_key: str  # the film's cache address


def plan(scene: Scene, options: RenderOptions) -> Timeline:
    """The scene's timeline (speech is synthesised, or read from the cache, to time it)."""
    return timed(scene, speak(scene, options)[1])


def timed(scene: Scene, speech: Speech) -> Timeline:
    """The scene laid out with each line as long as it is spoken."""
    from storyboard.timeline import build_timeline

    return build_timeline(scene, [length / SAMPLE_RATE for length in speech.lengths])


def render(scene: Scene, out: Path, options: RenderOptions, draw: Submit,
           progress: Progress = no_progress) -> RenderResult:
    """Render ``scene`` to the MP4 ``out``, atomically: on failure nothing is left at ``out``.

    The stills that are not cached are drawn and encoded by ``draw`` (given
    :func:`shot_still`'s arguments for each) while the lines are spoken and
    the sound is mixed here; a film whose every part is unchanged comes whole
    from the cache. ``progress`` hears of each line spoken, shot drawn and
    block of sound mixed (see :class:`~storyboard.progress.Tally`).
    """
    from concurrent.futures import ThreadPoolExecutor

    began = time.perf_counter()
    tally = Tally(progress)
    width, height = draft_size(scene.width, scene.height) if options.draft else (scene.width, scene.height)
    out.parent.mkdir(parents=True, exist_ok=True)
    keys = {shot.id: still_key(shot, width, height, scene.fps, options) for shot in scene.shots}
    shots = {keys[shot.id]: shot for shot in scene.shots}  # shots that look alike share one still
    with ThreadPoolExecutor(max_workers=1) as sound_thread:
        stills: dict[str, Future[bytes] | bytes | None] = {key: options.cache.get("shot", key) for key in shots}
        missing = [key for key, still in stills.items() if still is None]
        tally.expect("shots", len(missing))
        tally.expect("seconds", estimated_seconds(scene))
        drawn = draw([(shots[key], width, height, scene.fps, options, key) for key in missing])
        for future in drawn:
            future.add_done_callback(lambda _: tally.add("shots"))
        stills.update(zip(missing, drawn))
        speech_keys, speech = speak(scene, options, tally)
        timeline = timed(scene, speech)
        plan = SoundPlan.of(scene, timeline, speech_keys)
        order = [keys[clip.shot.id] for clip in timeline.video]
        cues = [(clip.start, clip.end, clip.line.say) for clip in timeline.dialogue]
        film_key = content_key("film", order, [clip.frames for clip in timeline.video], plan.key, scene.captions, cues)
        if not write_cached_film(options.cache, film_key, out):
            audio = sound_thread.submit(sound, plan, speech, options, tally)
            captions = cues if scene.captions else []
            with atomic_file(out) as film:
                assemble(timeline, stills, order, audio, (width, height), plan, captions, film)
                options.cache.put_stream("film", film_key, lambda entry: copy_payload(film, 0, entry))
    if options.resident:
        encode.keep_spare_still_encoder(width, height, scene.fps, options.video)
    progress("wrote the film", 1.0)
    return RenderResult(timeline, width, height, time.perf_counter() - began, film_key)


def estimated_seconds(scene: Scene) -> float:
    """How long the film will be, before its lines are spoken: each line timed by its words at its rate."""
    from storyboard.timeline import build_timeline

    rough = [len(line.say.split()) * 60 / scene.character(line.who).rate for line in scene.lines]
    return build_timeline(scene, rough).frames / scene.fps


def write_cached_film(cache: Cache, key: str, out: Path) -> bool:
    """Copy the film cached under ``key`` to ``out`` (atomically, a piece at a time); False if it is not cached."""
    entry = cache.open("film", key)
    if entry is None:
        return False
    with entry[0] as cached, atomic_file(out) as film:
        copy_payload(cached, entry[1], film)
    return True


def assemble(timeline: Timeline, stills: dict[str, Future[bytes] | bytes], order: Sequence[str],
             audio: Future, size: tuple[int, int], plan: SoundPlan, captions: Sequence[tuple[float, float, str]],
             out: BinaryIO) -> None:
    """Write the MP4 to ``out``: the stills held for their shots' frames, the sound, ``captions`` (start, end, text).

    Each still goes to the film's spool as soon as it and the shots before it
    are drawn; the sound (``audio``: a Future of its AAC frames) is waited
    for last.
    """
    from concurrent.futures import Future

    from storyboard.encode.film import FilmWriter  # imported while the stills are still being drawn

    with FilmWriter(*size, timeline.fps) as writer:
        for clip, key in zip(timeline.video, order):
            still = stills[key]
            writer.add_shot(still.result() if isinstance(still, Future) else still, clip.frames)
        sound = audio.result()
        try:
            writer.write(out, sound, plan.total, captions)
        finally:
            sound.frames.close()


def render_file(source: Path, out: Path, report: Path, options: RenderOptions, overrides: Overrides = Overrides(),
                progress: Progress = no_progress, display: str | None = None) -> tuple[dict[str, Any], list[str]]:
    """Render the scene in ``source`` to the MP4 ``out`` and its report to ``report`` (both atomically).

    Returns the report document and the overrun warnings (``FILE:LINE: warning: ...``).
    When the same bytes were rendered before with the same options, the film
    is replayed from the cache without loading anything: re-running an
    unchanged scene costs next to nothing.
    """
    began = time.perf_counter()
    from storyboard.sound.voices import ENGINE_VERSION

    key = content_key("replay", source.read_bytes(), display or str(source), overrides._asdict(), options.draft,
                      options.video.key(), ENGINE_VERSION)
    replayed = _replay(options.cache, key)
    if replayed is not None and write_cached_film(options.cache, replayed[0], out):
        _, document, warnings = replayed
        progress("the film is unchanged", 1.0)
    else:
        from storyboard.forked import workers

        encode.locate_ffmpeg(options.cache)  # before the drawing process starts: it inherits where ffmpeg is
        # The drawing process starts first: it loads Pillow while this one reads the scene.
        with workers(shot_still, max(1, options.jobs), _prepare_to_draw, fork=not options.resident) as draw:
            scene = overrides.apply(load_source(source, display))
            result = render(scene, out, options, draw, progress)
        from storyboard.report import overrun_warnings, render_report

        document = render_report(scene, result.timeline, result.width, result.height, str(out), 0.0)
        warnings = overrun_warnings(scene, result.timeline)
        options.cache.put("replay", key, json.dumps([result.film_key, document, warnings]).encode())
    document = {**document, "output": str(out), "render_seconds": round(time.perf_counter() - began, 2)}
    report.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(report, (json.dumps(document, indent=2) + "\n").encode())
    return document, warnings


def _prepare_to_draw() -> None:
    """Import the drawing code (in the drawing process, while this one loads the scene)."""
    import storyboard.picture  # noqa: F401


def _replay(cache: Cache, key: str) -> tuple[str, dict[str, Any], list[str]] | None:
    """The film's cache address, the report and the warnings of an earlier render of the same source."""
    entry = cache.load("replay", key, json.loads)
    if not (isinstance(entry, list) and len(entry) == 3):
        return None
    film_key, document, warnings = entry
    return film_key, document, warnings
