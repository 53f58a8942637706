"""Each shot as its own media: the shot's frames as an MP4, and its panel as a PNG.

Both come from the render's own still path, so they show exactly what the
film shows: the movie holds the shot's encoded still (from the cache when
the film was rendered) for the shot's frame count, picture only (the sound
is in the stems beside it); the PNG is the same panel, drawn by
:func:`storyboard.render.panel_image` on the cached backdrop.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from storyboard.model import Scene
from storyboard.render import RenderOptions, StillJob, panel_image, shot_still, split_payload, still_jobs
from storyboard.timeline import Timeline


def write_shot_movies(scene: Scene, timeline: Timeline, paths: Sequence[Path], size: tuple[int, int],
                      options: RenderOptions) -> None:
    """Write each shot's frames, picture only, as an MP4 at ``paths[i]``; shots that look alike share a still."""
    from storyboard.encode.film import film

    width, height = size
    jobs = still_jobs(scene, width, height, options)
    keys = [job.key(options) for job in jobs]
    with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        stills = {key: pool.submit(_still, job, options, key) for key, job in zip(keys, jobs)}
        for clip, key, path in zip(timeline.video, keys, paths):
            path.write_bytes(film([(stills[key].result(), clip.frames)], width, height, timeline.fps, None, 0))


def _still(job: StillJob, options: RenderOptions, key: str) -> bytes:
    """The shot's one-frame H.264 still: from the cache, else drawn and encoded as a render does."""
    payload = options.cache.get("shot", key)
    return split_payload(payload if payload is not None else shot_still(job, options, key))[1]


def write_panels(scene: Scene, paths: Sequence[Path], size: tuple[int, int], options: RenderOptions) -> None:
    """Write each shot's panel as a PNG at ``paths[i]`` (``scene.shots[i]``), at ``size``."""
    for job, path in zip(still_jobs(scene, *size, options), paths):
        panel_image(job, options).save(path, format="PNG")
