"""What a film's staging reads from its shot list, for a cache key that needs no drawing code to compute.

:func:`staging_inputs` is everything :func:`~storyboard.picture.staging.stage_film`
depends on: each shot's description, framing, sign styles and who speaks
(on or off screen), and the characters' looks, voices and effects. A sign's
text, a line's words and the timing are not in it: editing them keeps the
staging, and the render finds it in the cache without loading the picture code.
"""

from __future__ import annotations

from storyboard.model import Scene


def staging_inputs(scene: Scene) -> list[object]:
    """The parts of ``scene`` its staging depends on, as JSON-able data."""
    shots = [[shot.description, shot.framing, [sign.style for sign in shot.signs],
              [[line.who, line.off] for line in shot.lines]] for shot in scene.shots]
    characters = sorted([name, c.look, c.voice, c.effect] for name, c in scene.characters.items())
    return [shots, characters]
