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
from storyboard.cache import Cache, atomic_write, content_key
from storyboard.progress import Progress, no_progress
from storyboard.sources import Overrides, load_source, read_source

if TYPE_CHECKING:
    from concurrent.futures import Future

    from storyboard.forked import Submit
    from storyboard.model import Scene, Shot
    from storyboard.picture import PlacedSign
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
    from storyboard.sound.voices import ENGINE_VERSION, rate_of, voice_id

    character = scene.character(who)
    return content_key("speech", text, voice_id(character), rate_of(character), character.pitch, character.effect,
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
    """A finished render: its timeline, the size it was drawn at, and how long it took."""

    timeline: Timeline
    width: int
    height: int
    seconds: float
    film_key: str  # the film's cache address


def plan(scene: Scene, options: RenderOptions) -> Timeline:
    """The scene's timeline (speech is synthesised, or read from the cache, to time it)."""
    return timed(scene, speak(scene, options, no_progress)[1])


def timed(scene: Scene, speech: Sequence[bytes]) -> Timeline:
    """The scene laid out with each line as long as its spoken samples (float32, see :func:`speak`)."""
    from storyboard.timeline import build_timeline

    return build_timeline(scene, [len(data) / SAMPLE_BYTES / SAMPLE_RATE for data in speech])


def render(scene: Scene, out: Path, options: RenderOptions, draw: Submit,
           progress: Progress = no_progress) -> RenderResult:
    """Render ``scene`` to the MP4 ``out``, atomically: on failure nothing is left at ``out``.

    The stills that are not cached are drawn and encoded by ``draw`` (given
    :func:`shot_still`'s arguments for each) while the lines are spoken and
    the sound is mixed here; a film whose every part is unchanged comes whole
    from the cache.
    """
    from concurrent.futures import ThreadPoolExecutor

    began = time.perf_counter()
    width, height = draft_size(scene.width, scene.height) if options.draft else (scene.width, scene.height)
    out.parent.mkdir(parents=True, exist_ok=True)
    keys = {shot.id: still_key(shot, width, height, scene.fps, options) for shot in scene.shots}
    shots = {keys[shot.id]: shot for shot in scene.shots}  # shots that look alike share one still
    with ThreadPoolExecutor(max_workers=1) as sound_thread:
        stills: dict[str, Future[bytes] | bytes | None] = {key: options.cache.get("shot", key) for key in shots}
        missing = [key for key, still in stills.items() if still is None]
        drawn = draw([(shots[key], width, height, scene.fps, options, key) for key in missing])
        stills.update(zip(missing, drawn))
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
        atomic_write(out, film)
    if options.resident:
        encode.keep_spare_still_encoder(width, height, scene.fps, options.video)
    progress("wrote the film", 1.0)
    return RenderResult(timeline, width, height, time.perf_counter() - began, film_key)


def assemble(timeline: Timeline, stills: dict[str, Future[bytes] | bytes], order: Sequence[str],
             audio: Future[bytes], size: tuple[int, int], plan: SoundPlan,
             captions: Sequence[tuple[float, float, str]], progress: Progress) -> bytes:
    """The MP4's bytes: the stills held for their shots' frames, with the sound and ``captions`` (start, end, text)."""
    from concurrent.futures import Future

    from storyboard.encode.film import film  # imported while the stills are still being drawn

    blocks = []
    for clip, key in zip(timeline.video, order):
        still = stills[key]
        blocks.append((still.result() if isinstance(still, Future) else still, clip.frames))
        progress(f"drew shot {clip.index}/{len(timeline.video)}: {clip.shot.id}", 0.2 + 0.6 * clip.index / len(order))
    sound_bytes = audio.result()
    progress("mixed the sound", 0.9)
    return film(blocks, *size, timeline.fps, sound_bytes, plan.total, captions)


def render_file(source: Path | Scene, out: Path, report: Path | None, options: RenderOptions,
                overrides: Overrides = Overrides(), progress: Progress = no_progress,
                display: str | None = None) -> tuple[dict[str, Any], list[str]]:
    """Render ``source`` (a source file, or a scene already loaded) to the MP4 ``out``, and its report to ``report``.

    Both are written atomically; ``report=None`` writes no report. Returns the
    report document and the overrun warnings (``FILE:LINE: warning: ...``).
    ``display`` names a source file in messages (default: its path).

    When the same source bytes were rendered before with the same options,
    the film is replayed from the cache without loading anything: re-running
    an unchanged scene costs next to nothing.
    """
    began = time.perf_counter()
    if isinstance(source, Path):
        document, warnings = _render_source(source, out, options, overrides, progress, display)
    else:
        document, warnings, _ = _render_scene(lambda: overrides.apply(source), out, options, progress)
    document = {**document, "output": str(out), "render_seconds": round(time.perf_counter() - began, 2)}
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(report, (json.dumps(document, indent=2) + "\n").encode())
    return document, warnings


def _render_source(source: Path, out: Path, options: RenderOptions, overrides: Overrides, progress: Progress,
                   display: str | None) -> tuple[dict[str, Any], list[str]]:
    """Render the scene in the file ``source``, or replay its film from the cache if its bytes rendered before."""
    from storyboard.sound.voices import ENGINE_VERSION

    key = content_key("replay", read_source(source, display), display or str(source), overrides._asdict(),
                      options.draft, options.video.key(), ENGINE_VERSION)
    replayed = _replay(options.cache, key)
    if replayed is not None:
        film, document, warnings = replayed
        atomic_write(out, film)
        progress("the film is unchanged", 1.0)
        return document, warnings
    document, warnings, film_key = _render_scene(lambda: overrides.apply(load_source(source, display)), out,
                                                 options, progress)
    options.cache.put("replay", key, json.dumps([film_key, document, warnings]).encode())
    return document, warnings


def _render_scene(scene_of: Callable[[], Scene], out: Path, options: RenderOptions,
                  progress: Progress) -> tuple[dict[str, Any], list[str], str]:
    """Render the scene ``scene_of()`` gives (called once the drawing process is on its way).

    Returns the report document (its ``render_seconds`` still 0), the
    overrun warnings and the film's cache address.
    """
    from storyboard.forked import workers

    encode.ffmpeg_exe()  # found before the drawing process starts, so it inherits where ffmpeg is
    # The drawing process starts first: it loads Pillow while this one reads the scene.
    with workers(shot_still, max(1, options.jobs), _prepare_to_draw, fork=not options.resident) as draw:
        scene = scene_of()
        result = render(scene, out, options, draw, progress)
    from storyboard.report import overrun_warnings, render_report

    document = render_report(scene, result.timeline, result.width, result.height, str(out), 0.0)
    return document, overrun_warnings(scene, result.timeline), result.film_key


def _prepare_to_draw() -> None:
    """Import the drawing code (in the drawing process, while this one loads the scene)."""
    import storyboard.picture  # noqa: F401


def _replay(cache: Cache, key: str) -> tuple[bytes, dict[str, Any], list[str]] | None:
    """The film, report and warnings of an earlier render of the same source, if all are cached."""
    entry = cache.load("replay", key, json.loads)
    if not (isinstance(entry, list) and len(entry) == 3):
        return None
    film_key, document, warnings = entry
    film = cache.get("film", film_key)
    return None if film is None else (film, document, warnings)
