"""A staging's records: the names and numbers a panel is drawn from, and :func:`restore` for a cached one.

:class:`Staging` (what one panel shows), :class:`Person` (one person in it)
and :class:`Light` (how the set is lit) live here, apart from the staging's
logic and the sets, props and cast that draw them: a render whose stagings
come from the cache rebuilds them without importing any of those
(:mod:`storyboard.picture.staging` makes them; :mod:`~storyboard.picture.backdrop`
draws them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from storyboard.picture.cast.looks import Look


class Light(NamedTuple):
    """How the set is lit."""

    time: str = "day"  # "day" | "night" | "dawn" | "dusk"
    dark: bool = False  # night, or "lights go out": the picture is dark with light sources
    lamps: bool = True  # electric lights are on (False when the lights go out or the power is cut)
    weather: str = ""  # "" | "rain" | "snow" | "fog": drawn over an exterior (snow also whitens its ground)


class Person(NamedTuple):
    """One person as the panel draws them (positions in fractions of the frame)."""

    name: str
    look: Look
    pose: str  # "legs arms", see cast.poses
    expression: str
    facing: str  # front | left | right | back
    x: float  # centre line, of the width
    top: float  # top of the head, of the height
    height: float  # standing height, of the height
    holds: str | None  # a prop in the hands
    speaking: bool
    wears: tuple[str, ...] = ()  # things worn (see cast.wear)
    inside: str | None = None  # the vehicle they sit in, seen through its window


class Staging(NamedTuple):
    """What one panel shows, in names and numbers (positions are fractions of the frame)."""

    framing: str
    set: str
    light: Light
    people: tuple[Person, ...]
    crowd: str | None  # rows of people: "behind" the cast, or an "audience" in front of them
    props: tuple[str, ...]  # the props named and not in anyone's hands, in the order named
    subject: str | None  # an insert's (or a faceless close-up's) object, drawn large
    hands: bool  # an insert shows hands at the object
    signs: tuple[str, ...]  # each sign's style (how large each must be comes from its words: inputs.sign_sizes)
    named: tuple[str, ...]  # the surface kinds the description names: its signs go on these first
    blur: bool  # shallow depth of field: what is behind the subject is blurred


def restore(data: Sequence[object]) -> Staging:
    """The staging a JSON round trip of one made (``json.loads(json.dumps(staging))``)."""
    framing, set_name, light, people, crowd, props, subject, hands, signs, named, blur = data  # type: ignore[misc]
    return Staging(framing, set_name, Light(*light), tuple(_person(p) for p in people), crowd, tuple(props), subject,
                   hands, tuple(signs), tuple(named), blur)


def _person(data: Sequence[object]) -> Person:
    person = Person(*data)  # type: ignore[arg-type]
    look = Look(*person.look)  # type: ignore[arg-type]
    return person._replace(look=look._replace(wears=tuple(look.wears)), wears=tuple(person.wears))
