"""Set pieces: the shapes a description's keywords call for, and the matching.

Each piece is one module with ``draw(pen, stage) -> tuple[Anchor, ...]``.
Only this module reads the description's words; the pieces see the
:class:`Stage` they imply. A
piece has a depth (0 the far world, 1 the set, 2 the subject): with a shallow
depth of field everything behind the subject is blurred.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from storyboard.picture.pieces import building, crowd, desk, environment, figure
from storyboard.picture.pieces.stage import Anchor, Stage
from storyboard.picture.sketch import Pen


class Piece(NamedTuple):
    """A registered set piece: the words that call it, its depth, its drawing."""

    keywords: frozenset[str]
    depth: int
    draw: Callable[[Pen, Stage], tuple[Anchor, ...]]


# In drawing order: later pieces are drawn over earlier ones.
PIECES: dict[str, Piece] = {
    "environment": Piece(frozenset(), 0, environment.draw),
    "building": Piece(frozenset({"building", "buildings", "office", "offices", "facade", "tower", "skyscraper",
                                 "headquarters", "hq", "lobby", "entrance", "storefront"}), 1, building.draw),
    "crowd": Piece(frozenset({"crowd", "crowds", "protest", "protesters", "protestors", "mob", "audience", "demonstrators",
                              "demonstration", "rally", "people", "workers"}), 1, crowd.draw),
    "figure": Piece(frozenset({"man", "woman", "person", "guy", "girl", "boy", "he", "she", "figure", "someone", "worker",
                               "employee", "character", "hero", "detective", "officer", "engineer", "manager", "ceo"}), 2, figure.draw),
    "desk": Piece(frozenset({"desk", "table", "workstation", "counter", "console", "cubicle"}), 2, desk.draw),
}
POSE_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("walk", frozenset({"walk", "walks", "walking", "strides", "striding", "runs", "running", "leaves", "exits"})),
    ("reach", frozenset({"interact", "interacting", "touches", "reaches", "reaching", "gestures", "points", "hologram",
                         "holographic", "interface"})),
)
SIT_WORDS = frozenset({"sit", "sits", "sitting", "seated", "sat"})
DOF_WORDS = ("depth of field", "blurred", "blurry", "bokeh", "out of focus", "soft focus", "defocused")


def words_of(description: str) -> frozenset[str]:
    """The lowercase words of ``description``."""
    return frozenset(re.findall(r"[a-z0-9]+", description.lower()))


def match_pieces(words: frozenset[str]) -> tuple[str, ...]:
    """The pieces ``words`` call for, in drawing order; a figure when nothing matches."""
    matched = [name for name, piece in PIECES.items() if piece.keywords & words]
    return ("environment", *(matched or ["figure"]))


def pose_for(words: frozenset[str]) -> str:
    """The figure's pose ``words`` ask for: the first matching rule, else standing."""
    pose = next((pose for pose, keys in POSE_WORDS if keys & words), "stand")
    if words & SIT_WORDS and pose != "walk":
        return "sit" if pose == "stand" else f"sit-{pose}"
    return pose


def wants_depth_of_field(description: str) -> bool:
    """Whether the description asks for a blurred background."""
    lowered = description.lower()
    return any(phrase in lowered for phrase in DOF_WORDS)
