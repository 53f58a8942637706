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
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from storyboard import encode
from storyboard.cache import Cache, content_key
from storyboard.outputs import check_outputs, write_together
from storyboard.progress import Progress, no_progress
from storyboard.sources import Overrides, load_source, read_source

if TYPE_CHECKING:
    from concurrent.futures import Future

    from storyboard.forked import Submit
    from storyboard.model import Scene, Shot
    from storyboard.picture import PlacedSign, Slate
    from storyboard.timeline import Timeline

SAMPLE_RATE = 48_000
SAMPLE_BYTES = 4  # float32 mono speech in the cache
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


def speak(scene: Scene, options: RenderOptions, progress: Progress) -> tuple[list[str], list[bytes]]:
    """Every line's cache key and float32 samples, synthesising only the missing ones."""
    keys = [speech_key(scene, line.say, line.who) for line in scene.lines]
    payloads = [options.cache.get("speech", key) for key in keys]
    missing = [i for i, payload in enumerate(payloads) if payload is None]
    if missing:
        from storyboard.sound.speech import synthesise_lines

        requests = [(scene.lines[i].say, scene.character(scene.lines[i].who)) for i in missing]
        for i, samples in zip(missing, synthesise_lines(requests, jobs=options.jobs)):
            payloads[i] = samples.astype("float32").tobytes()
            options.cache.put("speech", keys[i], payloads[i])
    progress(f"spoke {len(keys)} lines", 0.2)
    return keys, [payload for payload in payloads if payload is not None]


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
        """The cache address of the shot's backdrop: its staging (or its own picture) and the size."""
        return content_key("backdrop", self.image or self.staging, self.width, self.height)


def shot_still(job: StillJob, options: RenderOptions, key: str) -> bytes:
    """Draw and encode the shot's picture as a one-frame H.264 stream, and cache it with its facts under ``key``.

    The encoder starts first, so ffmpeg is ready by the time the picture is.
    The signs are drawn first: they name the bands, and the panel is put
    together only if a band is not in the cache. Returns :func:`panel_payload`.
    """
    with encode.still_encoder(job.width, job.height, job.fps, options.video) as encoder:
        from storyboard.picture import panel_facts

        staging, drawn_set, signs = staged_signs(job, options)
        facts = panel_facts(job.shot, staging, drawn_set, signs)
        panel = functools.cache(lambda: _panel(job, staging, drawn_set, signs))
        still = encoder.finish(lambda top, bottom: panel().crop((0, top, job.width, bottom)).tobytes(), options.cache,
                               band_names(job, signs, options))
    payload = panel_payload(facts, still)
    options.cache.put("shot", key, payload)
    return payload


def staged_signs(job: StillJob, options: RenderOptions) -> tuple[Any, Any, Sequence[PlacedSign]]:
    """The shot's staging, its backdrop (from the cache when there) and its signs, drawn and placed."""
    from storyboard.picture import place_signs, slate_obstacles
    from storyboard.picture.staging import restore

    staging = restore(job.staging)
    drawn_set = backdrop(job, staging, options.cache)
    keep_clear = slate_obstacles(job.width, job.height) if job.slate else ()
    return staging, drawn_set, place_signs(job.shot, staging, job.width, job.height, drawn_set, keep_clear)


def panel_image(job: StillJob, options: RenderOptions):  # -> PIL.Image.Image
    """The shot's panel (RGB) exactly as its still shows it: for each shot's PNG and the board sheets."""
    return _panel(job, *staged_signs(job, options))


def _panel(job: StillJob, staging: Any, drawn_set: Any, signs: Sequence[PlacedSign]):  # -> PIL.Image.Image
    """Draw the panel of ``job`` on its backdrop (used up: drawn on, not copied)."""
    from storyboard.picture import draw_panel

    return draw_panel(job.shot, job.width, job.height, staging, drawn_set, signs, reuse=True, slate=job.slate).image


def panel_payload(facts: dict[str, Any], still: bytes) -> bytes:
    """A shot's cache entry: the panel's facts (JSON) and its encoded still."""
    header = json.dumps(facts).encode()
    return len(header).to_bytes(4, "little") + header + still


def split_payload(payload: bytes) -> tuple[dict[str, Any], bytes]:
    """The facts and the still of a :func:`panel_payload`."""
    size = int.from_bytes(payload[:4], "little")
    return json.loads(payload[4 : 4 + size]), payload[4 + size :]


def band_names(job: StillJob, signs: Sequence[PlacedSign], options: RenderOptions) -> list[str]:
    """What each band of the shot's still shows, as cache addresses: its backdrop rows, the frame, the signs and slate in it.

    A sign changes only the pixels of its box (and the slate only its own), so
    a band no edited sign reaches keeps its name: its coding is reused without
    its pixels being drawn, copied or hashed.
    """
    from storyboard.picture.slate import slate_box

    arts = [(hashlib.sha256(sign.art.image.tobytes()).hexdigest(), sign.box) for sign in signs]
    if job.slate is not None:
        arts.append((job.slate.text, slate_box(job.width, job.height)))
    return [
        content_key("band", job.backdrop_address, job.shot.framing, job.width, job.height, job.fps, options.video.key(),
                    top, [art for art in arts if art[1][1] < bottom and art[1][3] > top])
        for top, bottom in encode.band_spans(job.height)
    ]


def backdrop(job: StillJob, staging, cache: Cache):  # -> picture.Backdrop
    """The shot's drawn set without its signs, from the cache when possible.

    A backdrop does not depend on what the signs say, so editing a sign's text
    redraws only the sign.
    """
    from storyboard.picture import Backdrop, draw_backdrop, image_backdrop

    key = job.backdrop_address
    stored = cache.load("backdrop", key, Backdrop.from_bytes)
    if stored is not None and stored.size == (job.width, job.height):
        return stored
    shot = job.shot
    drawn = image_backdrop(shot.image, job.width, job.height) if shot.image else draw_backdrop(staging, job.width, job.height)
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

    def mix_plan(self, speech: Sequence[bytes]):  # -> storyboard.sound.mix.MixPlan
        """What the mix reads: each line's samples (float32, see :func:`speak`), the score, the bed, the effects."""
        import numpy as np

        from storyboard.sound.ambience import AmbienceStream
        from storyboard.sound.mix import MixPlan, Sound, Voice
        from storyboard.sound.score import ScoreStream
        from storyboard.sound.sfx import make_effect

        lines = [Voice(start, np.frombuffer(data, dtype=np.float32), who)
                 for start, data, who in zip(self.starts, speech, self.speakers)]
        effects = [Sound(start, make_effect(sound, self.seed + number))
                   for number, (sound, start) in enumerate(self.effects)]
        ambience = None if self.ambience is None else AmbienceStream(self.ambience, self.seed, self.total)
        music = ScoreStream(self.style, self.stop / SAMPLE_RATE, self.seed, SAMPLE_RATE)
        return MixPlan(self.total, lines, music, self.stop, self.music_db, ambience, effects)


def sound(plan: SoundPlan, speech: Sequence[bytes], options: RenderOptions) -> bytes:
    """The film's sound as AAC in ADTS (cached by its inputs), mixed a block at a time."""

    def build() -> bytes:
        with encode.audio_encoder() as encoder:  # started first: its start-up overlaps the score and the mix
            from storyboard.sound.mix import mix_blocks

            pcm = b"".join(samples.astype("<i2", copy=False).tobytes() for _, samples in mix_blocks(plan.mix_plan(speech)))
            return encoder.finish(pcm)

    return options.cache.fetch("audio", plan.key, build)


class RenderResult(NamedTuple):
    """A finished render: its timeline, the size it was drawn at, how long it took, the film and its panels' facts."""

    timeline: Timeline
    width: int
    height: int
    seconds: float
    film_key: str  # the film's cache address
    film: bytes  # the MP4
    panels: tuple[dict[str, Any], ...] = ()  # each clip's panel facts, in the timeline's order


def plan(scene: Scene, options: RenderOptions) -> Timeline:
    """The scene's timeline (speech is synthesised, or read from the cache, to time it)."""
    return timed(scene, speak(scene, options, no_progress)[1])


def timed(scene: Scene, speech: Sequence[bytes]) -> Timeline:
    """The scene laid out with each line as long as its spoken samples (float32, see :func:`speak`)."""
    from storyboard.timeline import build_timeline

    return build_timeline(scene, [len(data) / SAMPLE_BYTES / SAMPLE_RATE for data in speech])


def render_film(scene: Scene, options: RenderOptions, draw: Submit, progress: Progress = no_progress) -> RenderResult:
    """Render ``scene``: its timeline and the MP4's bytes.

    The stills that are not cached are drawn and encoded by ``draw`` (given
    :func:`shot_still`'s arguments for each) while the lines are spoken and
    the sound is mixed here; a film whose every part is unchanged comes whole
    from the cache.
    """
    from concurrent.futures import ThreadPoolExecutor

    began = time.perf_counter()
    width, height = draft_size(scene.width, scene.height) if options.draft else (scene.width, scene.height)
    with ThreadPoolExecutor(max_workers=1) as sound_thread:
        timeline = None
        if options.slate:  # the slate shows each shot's timecode: time the film before drawing it
            speech_keys, speech = speak(scene, options, progress)
            timeline = timed(scene, speech)
        jobs = still_jobs(scene, width, height, options, timeline)
        keys = {job.shot.id: job.key(options) for job in jobs}
        unique = {keys[job.shot.id]: job for job in jobs}  # shots that look alike share one still
        stills: dict[str, Future[bytes] | bytes | None] = {key: options.cache.get("shot", key) for key in unique}
        missing = [key for key, still in stills.items() if still is None]
        drawn = draw([(unique[key], options, key) for key in missing])
        stills.update(zip(missing, drawn))
        if timeline is None:
            speech_keys, speech = speak(scene, options, progress)
            timeline = timed(scene, speech)
        plan = SoundPlan.of(scene, timeline, speech_keys)
        order = [keys[clip.shot.id] for clip in timeline.video]
        cues = [(clip.start, clip.end, clip.line.say) for clip in timeline.dialogue]
        film_key = content_key("film", order, [clip.frames for clip in timeline.video], plan.key, scene.captions, cues)
        film = options.cache.get("film", film_key)
        if film is None:
            audio = sound_thread.submit(sound, plan, speech, options)
            captions = cues if scene.captions else []
            film = assemble(timeline, stills, order, audio, (width, height), plan, captions, progress)
            options.cache.put("film", film_key, film)
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


def assemble(timeline: Timeline, stills: dict[str, Future[bytes] | bytes], order: Sequence[str],
             audio: Future[bytes], size: tuple[int, int], plan: SoundPlan,
             captions: Sequence[tuple[float, float, str]], progress: Progress) -> bytes:
    """The MP4's bytes: the stills held for their shots' frames, with the sound and ``captions`` (start, end, text)."""
    from storyboard.encode.film import film  # imported while the stills are still being drawn

    blocks = []
    for clip, key in zip(timeline.video, order):
        blocks.append((split_payload(_resolved(stills[key]))[1], clip.frames))
        progress(f"drew shot {clip.index}/{len(timeline.video)}: {clip.shot.id}", 0.2 + 0.6 * clip.index / len(order))
    sound_bytes = audio.result()
    progress("mixed the sound", 0.9)
    return film(blocks, *size, timeline.fps, sound_bytes, plan.total, captions)


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
    write_together({**written, out: film})
    return document, found


def _render_source(source: Path, outputs: dict[str, Path], options: RenderOptions, overrides: Overrides,
                   progress: Progress, display: str | None) -> tuple[bytes, dict[str, Any], list[str]]:
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
    from storyboard.picture import panel_facts

    return [panel_facts(job.shot, *staged_signs(job, options)) for job in still_jobs(scene, width, height, options)]


def _prepare_to_draw() -> None:
    """Import the drawing code (in the drawing process, while this one loads the scene)."""
    import storyboard.picture.facts  # noqa: F401  (the panel, its staging, sets, props and signs)


def _replay(cache: Cache, key: str) -> tuple[bytes, dict[str, Any], list[str], list[list[str]]] | None:
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
    film = cache.get("film", film_key)
    return None if film is None else (film, document, warnings, images)
