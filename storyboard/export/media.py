"""Each shot as its own media: the shot's frames as an MP4, and its panel as a PNG.

Both come from the render's own still path, so they show exactly what the
film shows: the movie holds the shot's encoded still (from the cache when
the film was rendered) for the shot's frame count, picture only (the sound
is in the stems beside it); the PNG is the same panel drawn by
:func:`storyboard.picture.draw_panel` on the cached backdrop.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from storyboard.model import Scene, Shot
from storyboard.render import RenderOptions, backdrop, backdrop_address, shot_still, still_key
from storyboard.timeline import ShotClip


def write_shot_movies(clips: Sequence[ShotClip], paths: Sequence[Path], size: tuple[int, int],
                      options: RenderOptions) -> None:
    """Write each shot's frames, picture only, as an MP4 at ``paths[i]``; shots that look alike share a still."""
    from storyboard.encode.film import film

    width, height = size
    fps = clips[0].fps
    keys = [still_key(clip.shot, width, height, fps, options) for clip in clips]
    shots = {key: clip.shot for key, clip in zip(keys, clips)}
    with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        stills = {key: pool.submit(_still, shot, size, fps, options, key) for key, shot in shots.items()}
        for clip, key, path in zip(clips, keys, paths):
            path.write_bytes(film([(stills[key].result(), clip.frames)], width, height, fps, None, 0))


def _still(shot: Shot, size: tuple[int, int], fps: int, options: RenderOptions, key: str) -> bytes:
    """The shot's one-frame H.264 still: from the cache, else drawn and encoded as a render does."""
    cached = options.cache.get("shot", key)
    return cached if cached is not None else shot_still(shot, *size, fps, options, key)


def write_panels(scene: Scene, paths: Sequence[Path], size: tuple[int, int], options: RenderOptions) -> None:
    """Write each shot's panel as a PNG at ``paths[i]`` (``scene.shots[i]``), at ``size``."""
    for shot, path in zip(scene.shots, paths):
        panel_image(shot, size, options).save(path, format="PNG")


def panel_image(shot: Shot, size: tuple[int, int], options: RenderOptions):  # -> PIL.Image.Image
    """The shot's panel as the film draws it (RGB), its backdrop from the cache when there."""
    from storyboard.picture import draw_panel

    width, height = size
    drawn_set = backdrop(shot, width, height, options.cache, backdrop_address(shot, width, height))
    return draw_panel(shot, width, height, drawn_set, reuse=True).image
