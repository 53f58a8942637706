"""What every set piece knows about the shot it is drawn into."""

from __future__ import annotations

from typing import NamedTuple

Box = tuple[int, int, int, int]

HORIZON = {"wide": 0.64, "medium": 0.56, "close-up": 0.5, "insert": 0.5}  # of the height


class Anchor(NamedTuple):
    """A place a set piece offers for a sign of one of ``styles`` (a plaque on a facade...)."""

    styles: frozenset[str]
    box: Box


class Stage(NamedTuple):
    """The frame, the framing and what the description asks for (never its words)."""

    width: int
    height: int
    framing: str
    pieces: tuple[str, ...]
    pose: str  # stand | walk | reach | sit | sit-reach
    sign_subject: bool  # a sign fills the frame (close-up / insert of a sign)

    def x(self, fraction: float) -> int:
        """``fraction`` of the width, in pixels."""
        return round(self.width * fraction)

    def y(self, fraction: float) -> int:
        """``fraction`` of the height, in pixels."""
        return round(self.height * fraction)

    def box(self, left: float, top: float, right: float, bottom: float) -> Box:
        """A box given in fractions of the frame, in pixels."""
        return self.x(left), self.y(top), self.x(right), self.y(bottom)

    @property
    def horizon(self) -> int:
        """Where the ground meets the sky (or the floor the wall), in pixels."""
        return self.y(HORIZON[self.framing])

    @property
    def vanishing_x(self) -> int:
        """The vanishing point's x: off-centre when a building claims the left."""
        return self.x(0.64 if "building" in self.pieces else 0.5)
