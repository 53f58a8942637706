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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from storyboard import encode
from storyboard.cache import Cache, content_key, copy_payload
from storyboard.errors import RenderError
from storyboard.outputs import check_outputs, write_together
from storyboard.progress import Progress, Tally, no_progress
from storyboard.sources import Overrides, load_source, read_source

if TYPE_CHECKING:
    from concurrent.futures import Future

    from storyboard.forked import Submit
    from storyboard.model import Scene, Shot
    from storyboard.picture import PlacedSign, Slate
    from storyboard.timeline import Timeline

Film = tuple["BinaryIO", int]  # an MP4: the file its bytes lie in, and where they start (they run to the file's end)
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
    slate: bool = False  # shot number, id and timecode on each panel (``--slate``)
    image_root: Path | None = None  # where shots' ``image:`` may be (default: the scene's folder)

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
    from storyboard.sound.voices import ENGINE_VERSION, line_voice, rate_of

    character = scene.character(who)
    return content_key("speech", text, line_voice(character, text), rate_of(character), character.pitch, character.effect,
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
            for key, payload in zip(batch, _spoken([self._requests[key] for key in batch], self._jobs)):
                self._keep(key, payload)
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
            payload = _spoken([self._requests[key]], 1)[0]
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


def _spoken(requests: Sequence[tuple[str, Any]], jobs: int) -> list[bytes]:
    """Each (text, character) of ``requests`` spoken, as float32 samples' bytes.

    The speech engine's code (and numpy with it) is imported only here: a
    render whose lines are all in the cache never loads it (about 80 ms of
    CPU at start-up).
    """
    from storyboard.sound.speech import synthesise_lines

    return [samples.astype("float32").tobytes() for samples in synthesise_lines(requests, jobs)]


class HeldLine:
    """A line as the mixer reads it (its length, a slice, all of it): its samples are fetched from :class:`Speech` then."""

    def __init__(self, speech: Speech, key: str, length: int) -> None:
        self.speech, self.key, self.length = speech, key, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: slice):  # -> numpy.ndarray
        return self.speech.samples(self.key)[index]

    def __array__(self, dtype: Any = None, copy: bool | None = None):  # -> numpy.ndarray
        import numpy as np

        return np.asarray(self.speech.samples(self.key), dtype=dtype)


def speak(scene: Scene, options: RenderOptions, progress: Progress | Tally = no_progress) -> tuple[list[str], Speech]:
    """Every line's cache key, and the lines (see :class:`Speech`), synthesising only the missing ones.

    ``progress`` hears of each batch of lines spoken: a :class:`Tally` a
    render shares with its other work, or a :data:`Progress` of its own.
    """
    speech = Speech(scene, options)
    speech.speak(progress if isinstance(progress, Tally) else Tally(progress))
    return speech.keys, speech


def image_digest(shot: Shot) -> str | None:
    """A hash of the bytes of the shot's own picture (None without one): a new picture is a new still."""
    return _digest_of(shot.image) if shot.image else None


def stagings(scene: Scene, width: int, height: int, cache: Cache) -> list[Any]:
    """Every shot's staging, as JSON data, from the cache when the film's staging inputs are unchanged.

    A sign or line edit keeps the staging: it is read back without loading
    the picture code.
    """
    from storyboard.picture.inputs import staging_inputs

    key = content_key("staging", staging_inputs(scene), width, height)
    stored = cache.load("staging", key, json.loads)
    if isinstance(stored, list) and len(stored) == len(scene.shots):
        return stored
    from storyboard.picture.staging import stage_film

    made = json.loads(json.dumps(stage_film(scene, width, height)))
    cache.put("staging", key, json.dumps(made).encode())
    return made


class StillJob(NamedTuple):
    """One shot's picture to draw and encode: everything it depends on."""

    shot: Shot
    staging: list[Any]  # the shot's staging as JSON data
    width: int
    height: int
    fps: int
    image: str | None  # the hash of the shot's own picture
    slate: Slate | None

    def key(self, options: RenderOptions) -> str:
        """The cache address of the encoded still (and the panel's facts)."""
        signs = [sign._asdict() for sign in self.shot.signs]
        return content_key("shot", self.staging, signs, self.image, self.width, self.height, self.fps,
                           options.video.key(), self.slate)

    @property
    def backdrop_address(self) -> str:
        """The cache address of the shot's backdrop: its staging (or its own picture) and the size.

        A backdrop drawn for its signs' sizes is kept at this and the sizes (see :func:`backdrop`).
        """
        return content_key("backdrop", self.image or self.staging, self.width, self.height)


class Staged(NamedTuple):
    """A shot ready to be put together: its staging, its backdrop (and where that is cached), its signs drawn and placed."""

    staging: Any  # picture.Staging
    backdrop: Any  # picture.Backdrop
    backdrop_address: str
    signs: Sequence[PlacedSign]

    def facts(self, shot: Shot) -> dict[str, Any]:
        """What the panel shows, for the report (``picture.panel_facts``)."""
        from storyboard.picture import panel_facts

        return panel_facts(shot, self.staging, self.backdrop, self.signs)


def shot_still(job: StillJob, options: RenderOptions, key: str) -> bytes:
    """Draw and encode the shot's picture as a one-frame H.264 stream, and cache it with its facts under ``key``.

    The encoder starts first, so ffmpeg is ready by the time the picture is.
    The signs are drawn first: they name the bands, and the panel is put
    together only if a band is not in the cache. Returns :func:`panel_payload`.
    """
    with encode.still_encoder(job.width, job.height, job.fps, options.video) as encoder:
        staged = staged_signs(job, options)
        facts = staged.facts(job.shot)
        panel = functools.cache(lambda: _panel(job, staged))
        still = encoder.finish(lambda top, bottom: panel().crop((0, top, job.width, bottom)).tobytes(), options.cache,
                               band_names(job, staged, options))
    payload = panel_payload(facts, still)
    options.cache.put("shot", key, payload)
    return payload


def staged_signs(job: StillJob, options: RenderOptions) -> Staged:
    """The shot's staging, its backdrop (from the cache when there) and its signs, drawn and placed."""
    from storyboard.picture import place_signs, slate_obstacles
    from storyboard.picture.records import restore

    staging = restore(job.staging)
    address, drawn_set = backdrop(job, staging, options.cache)
    keep_clear = slate_obstacles(job.width, job.height) if job.slate else ()
    return Staged(staging, drawn_set, address, place_signs(job.shot, staging, job.width, job.height, drawn_set, keep_clear))


def panel_image(job: StillJob, options: RenderOptions):  # -> PIL.Image.Image
    """The shot's panel (RGB) exactly as its still shows it: for each shot's PNG and the board sheets."""
    return _panel(job, staged_signs(job, options))


def _panel(job: StillJob, staged: Staged):  # -> PIL.Image.Image
    """Draw the panel of ``job`` on its backdrop (used up: drawn on, not copied)."""
    from storyboard.picture import draw_panel

    return draw_panel(job.shot, job.width, job.height, staged.staging, staged.backdrop, staged.signs, reuse=True,
                      slate=job.slate).image


def panel_payload(facts: dict[str, Any], still: bytes) -> bytes:
    """A shot's cache entry: the panel's facts (JSON) and its encoded still."""
    header = json.dumps(facts).encode()
    return len(header).to_bytes(4, "little") + header + still


def split_payload(payload: bytes) -> tuple[dict[str, Any], bytes]:
    """The facts and the still of a :func:`panel_payload`."""
    size = int.from_bytes(payload[:4], "little")
    return json.loads(payload[4 : 4 + size]), payload[4 + size :]


def band_names(job: StillJob, staged: Staged, options: RenderOptions) -> list[str]:
    """What each band of the shot's still shows, as cache addresses: its backdrop rows, the frame, the signs and slate in it.

    A sign changes only the pixels of its box (and the slate only its own), so
    a band no edited sign reaches keeps its name: its coding is reused without
    its pixels being drawn, copied or hashed.
    """
    from storyboard.picture.slate import slate_box

    arts = [(hashlib.sha256(sign.art.image.tobytes()).hexdigest(), sign.box) for sign in staged.signs]
    if job.slate is not None:
        arts.append((job.slate.text, slate_box(job.width, job.height)))
    return [
        content_key("band", staged.backdrop_address, job.shot.framing, job.width, job.height, job.fps, options.video.key(),
                    top, [art for art in arts if art[1][1] < bottom and art[1][3] > top])
        for top, bottom in encode.band_spans(job.height)
    ]


def backdrop(job: StillJob, staging, cache: Cache) -> tuple[str, Any]:  # (its address, picture.Backdrop)
    """The shot's drawn set without its signs, from the cache when possible, and its cache address.

    A backdrop does not depend on what the signs say, and on how large they
    must be only when it was drawn for them (``Backdrop.for_sizes``: a prop
    grown to carry a sign, a carrier brought in). One that was not is kept at
    :attr:`StillJob.backdrop_address` and serves any sizes that all still
    find their places on it (``picture.fits_signs``), so editing a sign's
    words, even to longer ones, redraws only the sign; one that was is kept
    at that address and the sizes.
    """
    from storyboard.picture import fits_signs, image_backdrop
    from storyboard.picture.inputs import sign_sizes

    sizes = sign_sizes(job.shot.signs, staging.signs)
    shared, own = job.backdrop_address, content_key("backdrop", job.backdrop_address, sizes)
    stored = _stored_backdrop(job, shared, cache)
    if stored is not None and (job.image or fits_signs(stored, staging, sizes)):  # (a director's picture: any signs)
        return shared, stored
    stored = _stored_backdrop(job, own, cache)
    if stored is not None:
        return own, stored
    shot = job.shot
    if shot.image:
        drawn = image_backdrop(shot.image, job.width, job.height)
    else:
        from storyboard.picture.backdrop import draw_backdrop  # (the sets, props and cast: only when one is drawn)

        drawn = draw_backdrop(staging, job.width, job.height, shot.signs)
    address = own if drawn.for_sizes else shared
    cache.put("backdrop", address, drawn.to_bytes())
    return address, drawn


def _stored_backdrop(job: StillJob, address: str, cache: Cache):  # -> picture.Backdrop | None
    """The backdrop cached at ``address``, if there is one of the job's size."""
    from storyboard.picture import Backdrop

    stored = cache.load("backdrop", address, Backdrop.from_bytes)
    return stored if stored is not None and stored.size == (job.width, job.height) else None


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
        """What the mix reads: each line (from ``speech`` when the mix reaches it), the score, the bed, the effects."""
        from storyboard.sound.ambience import AmbienceStream
        from storyboard.sound.mix import MixPlan, Sound, Voice
        from storyboard.sound.score import ScoreStream
        from storyboard.sound.sfx import HeldEffect

        lines = [Voice(start, HeldLine(speech, key, length), who)
                 for start, key, length, who in zip(self.starts, self.speech_keys, speech.lengths, self.speakers)]
        effects = [Sound(start, HeldEffect(sound, self.seed + number))
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
    """A finished render: its timeline, the size it was drawn at, how long it took, the film and its panels' facts."""

    timeline: Timeline
    width: int
    height: int
    seconds: float
    film_key: str  # the film's cache address
    film: Film  # the MP4 (the caller closes its file)
    panels: tuple[dict[str, Any], ...] = ()  # each clip's panel facts, in the timeline's order


def plan(scene: Scene, options: RenderOptions) -> Timeline:
    """The scene's timeline (speech is synthesised, or read from the cache, to time it)."""
    return timed(scene, speak(scene, options)[1])


def timed(scene: Scene, speech: Speech) -> Timeline:
    """The scene laid out with each line as long as it is spoken."""
    from storyboard.timeline import build_timeline

    return build_timeline(scene, [length / SAMPLE_RATE for length in speech.lengths])


def render_film(scene: Scene, options: RenderOptions, draw: Submit, progress: Progress = no_progress) -> RenderResult:
    """Render ``scene``: its timeline and the MP4's bytes.

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
    with ThreadPoolExecutor(max_workers=1) as sound_thread:
        timeline = None
        if options.slate:  # the slate shows each shot's timecode: time the film before drawing it
            speech_keys, speech = speak(scene, options, tally)
            timeline = timed(scene, speech)
        jobs = still_jobs(scene, width, height, options, timeline)
        keys = {job.shot.id: job.key(options) for job in jobs}
        unique = {keys[job.shot.id]: job for job in jobs}  # shots that look alike share one still
        stills: dict[str, Future[bytes] | bytes | None] = {key: options.cache.get("shot", key) for key in unique}
        missing = [key for key, still in stills.items() if still is None]
        tally.expect("shots", len(missing))
        tally.expect("seconds", estimated_seconds(scene))
        drawn = draw([(unique[key], options, key) for key in missing])
        for future in drawn:
            future.add_done_callback(lambda _: tally.add("shots"))
        stills.update(zip(missing, drawn))
        if timeline is None:
            speech_keys, speech = speak(scene, options, tally)
            timeline = timed(scene, speech)
        plan = SoundPlan.of(scene, timeline, speech_keys)
        order = [keys[clip.shot.id] for clip in timeline.video]
        cues = [(clip.start, clip.end, clip.line.say) for clip in timeline.dialogue]
        film_key = content_key("film", order, [clip.frames for clip in timeline.video], plan.key, scene.captions, cues)
        film = options.cache.open("film", film_key)
        if film is None:
            audio = sound_thread.submit(sound, plan, speech, options, tally)
            captions = cues if scene.captions else []
            film = _temporary_film()
            try:
                assemble(timeline, stills, order, audio, (width, height), plan, captions, film[0])
            except BaseException:
                film[0].close()
                raise
            options.cache.put_stream("film", film_key, lambda entry: copy_payload(*film, entry))
        panels = tuple(split_payload(_resolved(stills[key]))[0] for key in order)
    if options.resident:
        encode.keep_spare_still_encoder(width, height, scene.fps, options.video)
    progress("made the film", 1.0)
    return RenderResult(timeline, width, height, time.perf_counter() - began, film_key, film, panels)


def still_jobs(scene: Scene, width: int, height: int, options: RenderOptions,
               timeline: Timeline | None = None) -> list[StillJob]:
    """Each shot's picture job; with ``options.slate``, each slate says where ``timeline`` puts the shot."""
    staged = stagings(scene, width, height, options.cache)
    slates: list[Slate | None] = [None] * len(scene.shots)
    if options.slate and timeline is not None:
        from storyboard.picture.slate import Slate, timecode

        slates = [Slate(clip.index, clip.shot.id, timecode(clip.start_frame, timeline.fps)) for clip in timeline.video]
    return [StillJob(shot, staging, width, height, scene.fps, image_digest(shot), slate)
            for shot, staging, slate in zip(scene.shots, staged, slates)]


def _resolved(payload: Future[bytes] | bytes | None) -> bytes:
    """A still's payload, once drawn."""
    from concurrent.futures import Future

    assert payload is not None
    return payload.result() if isinstance(payload, Future) else payload


def estimated_seconds(scene: Scene) -> float:
    """How long the film will be, before its lines are spoken: each line timed by its words at its rate."""
    from storyboard.timeline import build_timeline

    from storyboard.sound.voices import rate_of

    rough = [len(line.say.split()) * 60 / rate_of(scene.character(line.who)) for line in scene.lines]
    return build_timeline(scene, rough).frames / scene.fps


def _temporary_film() -> Film:
    """A new temporary file for a film (removed when it is closed)."""
    import tempfile

    return tempfile.TemporaryFile(), 0


def assemble(timeline: Timeline, stills: dict[str, Future[bytes] | bytes], order: Sequence[str],
             audio: Future, size: tuple[int, int], plan: SoundPlan, captions: Sequence[tuple[float, float, str]],
             out: BinaryIO) -> None:
    """Write the MP4 to ``out``: the stills held for their shots' frames, the sound, ``captions`` (start, end, text).

    Each still goes to the film's spool as soon as it and the shots before it
    are drawn; the sound (``audio``: a Future of its AAC frames) is waited
    for last.
    """
    from storyboard.encode.film import FilmWriter  # imported while the stills are still being drawn

    with FilmWriter(*size, timeline.fps) as writer:
        writer.add_shots((split_payload(_resolved(stills[key]))[1], clip.frames)
                         for clip, key in zip(timeline.video, order))
        sound = audio.result()
        try:
            writer.write(out, sound, plan.total, captions)
        finally:
            sound.frames.close()


def render_file(source: Path | Scene, out: Path, report: Path | None, options: RenderOptions,
                overrides: Overrides = Overrides(), progress: Progress = no_progress,
                display: str | None = None, subtitles: Path | None = None) -> tuple[dict[str, Any], list[str]]:
    """Render ``source`` (a source file, or a scene already loaded) to the MP4 ``out`` and its report to ``report``.

    All land, or none; ``report=None`` writes no report; ``subtitles`` is
    where the dialogue also goes as SubRip (``.srt``), if anywhere. Returns the
    report document and the warnings (``FILE:LINE: warning: ...``).
    ``display`` names a source file in messages (default: its path). The
    outputs are checked before any work (:func:`storyboard.outputs.check_outputs`).

    When the same source bytes were rendered before with the same options,
    the film is replayed from the cache without loading anything: re-running
    an unchanged scene costs next to nothing.
    """
    began = time.perf_counter()
    named = {"the report": report, "the subtitles": subtitles}
    outputs = {"the film": out, **{what: path for what, path in named.items() if path is not None}}
    if isinstance(source, Path):
        film, document, found = _render_source(source, outputs, options, overrides, progress, display)
    else:
        result, document, found, _ = _render_scene(lambda: overrides.apply(source), outputs, options, progress,
                                                   [Path(source.source)])  # the file it was loaded from, if any
        film = result.film
    document = {**document, "output": str(out), "render_seconds": round(time.perf_counter() - began, 2)}
    written = {report: (json.dumps(document, indent=2) + "\n").encode()} if report is not None else {}
    if subtitles is not None:
        from storyboard.export.subtitles import srt

        written[subtitles] = srt(document["lines"]).encode()
    with film[0]:  # copied to ``out`` a piece at a time: a feature is never held whole
        write_together({**written, out: lambda handle: copy_payload(*film, handle)})
    return document, found


def _render_source(source: Path, outputs: dict[str, Path], options: RenderOptions, overrides: Overrides,
                   progress: Progress, display: str | None) -> tuple[Film, dict[str, Any], list[str]]:
    """The film, report document and warnings of the scene in the file ``source``, replayed if its bytes rendered before."""
    from storyboard.sound.voices import ENGINE_VERSION

    name = display or str(source)
    check_outputs(outputs, [source])
    key = content_key("replay", read_source(source, name), name, overrides._asdict(), options.draft,
                      options.video.key(), ENGINE_VERSION, options.slate, str(options.image_root))
    replayed = _replay(options.cache, key)
    if replayed is not None:
        film, document, found, images = replayed
        check_outputs(outputs, (Path(path) for path, _ in images))
        progress("the film is unchanged", 1.0)
        return film, document, found
    result, document, found, images = _render_scene(
        lambda: overrides.apply(load_source(source, display, options.image_root)), outputs, options, progress)
    options.cache.put("replay", key, json.dumps([result.film_key, document, found, images]).encode())
    return result.film, document, found


def _render_scene(scene_of: Callable[[], Scene], outputs: dict[str, Path], options: RenderOptions,
                  progress: Progress, sources: Sequence[Path] = ()) -> tuple[RenderResult, dict[str, Any], list[str],
                                                                             list[list[str | None]]]:
    """Render the scene ``scene_of()`` gives (asked once the drawing process is on its way).

    ``outputs`` are checked against ``sources`` and the pictures the scene
    reads. Returns the render, its report document (``render_seconds`` still
    0), the warnings, and each of those pictures with a hash of its bytes.
    """
    from storyboard.forked import workers

    encode.ffmpeg_exe()  # found before the drawing process starts, which inherits it
    # The drawing process starts first: it loads Pillow while this one reads the scene.
    with workers(shot_still, max(1, options.jobs), _prepare_to_draw, fork=not options.resident) as draw:
        scene = scene_of()
        images = [[shot.image, image_digest(shot)] for shot in scene.shots if shot.image]
        check_outputs(outputs, [*sources, *(Path(path) for path, _ in images)])
        result = render_film(scene, options, draw, progress)
    from storyboard.report import add_panels, render_report, warnings

    document = add_panels(render_report(scene, result.timeline, result.width, result.height,
                                        str(outputs["the film"]), 0.0), result.panels)
    return result, document, warnings(scene, result.timeline), images


def _digest_of(path: str) -> str | None:
    """The hash of a file's bytes, None if it cannot be read."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def panels(scene: Scene, width: int, height: int, options: RenderOptions) -> list[dict[str, Any]]:
    """What each shot's panel shows, nothing encoded (``plan --json``); backdrops come from the cache or are drawn."""
    return [staged_signs(job, options).facts(job.shot) for job in still_jobs(scene, width, height, options)]


def _prepare_to_draw() -> None:
    """Import the drawing code (in the drawing process, while this one loads the scene)."""
    import storyboard.picture.facts  # noqa: F401  (the panel, its staging, sets, props and signs)


def _replay(cache: Cache, key: str) -> tuple[Film, dict[str, Any], list[str], list[list[str]]] | None:
    """The film, report, warnings and pictures (path, digest) of an earlier render of the same source, if cached.

    The source's bytes are in ``key``; the shots' own pictures are checked
    here: a changed picture is a new render.
    """
    entry = cache.load("replay", key, json.loads)
    if not (isinstance(entry, list) and len(entry) == 4):
        return None
    film_key, document, warnings, images = entry
    if any(_digest_of(path) != digest for path, digest in images):
        return None
    film = cache.open("film", film_key)
    return None if film is None else (film, document, warnings, images)
