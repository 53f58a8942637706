"""What a drawn panel shows, in words and boxes: the report's ``panel`` for one shot."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyboard.model import Shot
from storyboard.picture.panel import Backdrop, PlacedSign
from storyboard.picture.records import Staging


def panel_facts(shot: Shot, staging: Staging, backdrop: Backdrop, signs: Sequence[PlacedSign]) -> dict[str, Any]:
    """The cast drawn (name, look, the box their body takes), the set, the props drawn, each sign's box (and its
    words' box, and what carries it), the director's image.

    For a shot drawn from the director's own picture the cast, set and props
    are not known (the picture is theirs): only the image and the signs are.
    """
    drawn = not shot.image
    return {
        "cast": [{"name": p.name, "look": p.look.describe(), "box": list(box)}
                 for p, box in zip(staging.people, backdrop.people)] if drawn else [],
        "set": staging.set if drawn else None,
        "props": list(backdrop.props) if drawn else [],
        "crowd": staging.crowd if drawn else None,
        "signs": [{"text": sign.text, "box": list(placed.box), "text_box": list(placed.text_box), "on": placed.on}
                  for sign, placed in zip(shot.signs, signs)],
        "image": shot.image,
    }
