"""Staging: from a shot and the film's characters to what its panel shows, before any pixel is drawn.

:func:`stage_film` reads every shot in order (a pronoun may point to a
character named shots before; a shot that names no place or time stays where
and when the last one was) and gives each a :class:`Staging`: the set and its
light (:func:`~storyboard.picture.sets.find_set`), the props
(:func:`~storyboard.picture.props.match_props`), who is in it and where they
stand (:mod:`.cast`, :mod:`.compose`), what an insert shows large, the sign
styles and the depth of field. A staging is made of names and numbers only:
it is the key of the drawn backdrop (with the signs' sizes, when the backdrop
is drawn for them), and the report's account of the panel. It does not
depend on what the signs say, nor on how long their words are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyboard.model import Character, Scene, Shot
from storyboard.people import AUTO_VOICE
from storyboard.picture.cast.faces import EXPRESSION_WORDS
from storyboard.picture.cast.poses import pose_from
from storyboard.picture.cast.wear import WORN as WEAR_DRAWINGS
from storyboard.picture.dressing import offered
from storyboard.picture.props import PROPS, counted_props, match_props
from storyboard.picture.sets import (INSIDE_OF as INSIDE_PLACE, HINTED, NEUTRAL, NONE, SETS, SIDE, Found, Light, find_set,
                                    props_in, without_places)
from storyboard.picture.sets.light import match_light
from storyboard.picture.inputs import resolve_style
from storyboard.picture.staging.cast import FilmCast, Member, ShotCast, cast_shot, film_cast
from storyboard.picture.records import Person, Staging, restore
from storyboard.picture.staging.compose import Cue, over_the_shoulder, place
from storyboard.picture.staging.words import AUDIENCE_WORDS, HAND_WORDS, HOLD_WORDS, named_surfaces, names_time, wants_depth_of_field, words

MAX_FACES = 3  # speakers a close-up shows at once
BESIDE_NOBODY = frozenset({"name-tag", "placard"})  # sign styles a person carries: no room needed beside them
INTERCUT = 3  # shots back a cross-cut returns to: someone seen this lately, not in the last shot, is back where they were
THROUGH = 6  # words from "through" to the window or door an insert is seen through
MAX_PEOPLE = 8  # named and counted people a wide or medium shows (more: a crowd)
CARRIERS = {"screen": "monitor", "name-tag": "badge"}  # what an insert of a sign alone shows it on
SEATED_SETS = frozenset({"car interior"})  # everyone in these sits
IN_BED = frozenset({"wakes", "waking", "lies", "lying", "asleep", "sleeps", "sleeping", "bedridden"})
VEHICLES = ("car", "taxi", "police car", "van")  # what someone may sit in, seen through its side window
RIDES = re.compile(r" (?:at|behind) the wheel | drives | driving | in the (?:driver s|passenger) seat | "
                   r"(?:in|inside) (?:the|her|his|their|a) (?:car|taxi|cab|van) ")  # the words of someone sitting in it
INSIDE_OF = {"car interior": frozenset({"car", "taxi", "van", "dashboard"})}  # a set inside a thing: "the inside of the car"
FURNITURE = frozenset({"table", "desk", "counter", "sofa", "bed", "bench", "chair", "stool", "bookshelf"})
SEATING = frozenset({"sofa", "bed", "bench", "chair", "stool"})
FRONT = frozenset({"table", "desk", "counter"})  # what people sitting at it are behind
SEAT, SEAT_SHOWN = "bench", ("wide", "medium")  # what people sit on when nothing is named, in the framings that show it
AT_THE_SET = frozenset({"table", "desk", "counter", "stool"})  # a set with these: people sit at them (no seat brought)
OWN_SEATS = frozenset({"bus interior", "train interior", "plane cabin", "church"})  # sets whose seats are their rows
WORN = frozenset({"t-shirt", "wristwatch", *WEAR_DRAWINGS})  # on a person: worn


def _expression(said: Sequence[str]) -> str:
    """The first expression word about a person (``neutral`` when none)."""
    text = f" {' '.join(said)} "
    found = [(text.index(f" {word} "), name) for word, name in EXPRESSION_WORDS.items() if f" {word} " in text]
    return min(found)[1] if found else "neutral"


def _holds(said: Sequence[str]) -> str | None:
    """The prop a person has in their hands: one that rests in a hand, or any they hold, carry or show (not what they wear)."""
    holding = bool(HOLD_WORDS & set(said))
    things = match_props(without_places(" ".join(said)))  # (not the stone of "a stone church")
    return next((name for name in things if name not in WORN and PROPS[name].rests_on == "hand" or
                 (holding and PROPS[name].rests_on in ("floor", "table") and PROPS[name].scale < 0.4)), None)


def _cue(member: Member, seated: bool, vehicles: Sequence[str] = ()) -> Cue:
    """What the words about a member say of them: pose, face, what they hold and wear, the vehicle they sit in."""
    holds = _holds(member.words)
    said = " ".join(member.words)
    inside = next(iter(vehicles), None) if RIDES.search(f" {said} ") else None
    pose = pose_from(set(member.words) | ({"sit"} if seated or inside else set()), holding=holds is not None)
    if holds == "phone":
        pose = f"{pose.split()[0]} phone"
    wears = tuple(dict.fromkeys([*member.look.wears, *(name for name in match_props(said) if name in WEAR_DRAWINGS)]))
    return Cue(member.name, member.look, pose, _expression(member.words), holds, member.speaking, wears, inside)


def _people(shot: Shot, cast: ShotCast, aspect: float, styles: Sequence[str], set_name: str) -> tuple[Person, ...]:
    """Who the framing shows, placed: nobody in an insert, the subject's face (or the speakers') in a close-up; someone at
    the wheel of a car named outside sits in it."""
    seated = set_name in SEATED_SETS
    vehicles = [] if seated else [name for name in match_props(shot.description) if name in VEHICLES]
    members = list(cast.members)
    if shot.framing == "insert" or not members:
        return ()
    if shot.framing == "close-up":
        back = next((m for m in members if m.name == cast.foreground), None)
        face = next((m for m in members if m is not back), None)
        if back is not None and face is not None:
            return over_the_shoulder(_cue(face, seated, vehicles), _cue(back, seated, vehicles), aspect)
        speakers = [m for m in members if m.speaking]
        members = speakers[:MAX_FACES] or members[:1]
    raised = cast.crowd and bool(AUDIENCE_WORDS & set(words(shot.description)))
    aside = bool(set(styles) - BESIDE_NOBODY)
    return place(shot.framing, [_cue(m, seated, vehicles) for m in members[:MAX_PEOPLE]], aspect, raised, aside)


def _subject(shot: Shot, named: Sequence[str], people: Sequence[Person], styles: Sequence[str]) -> str | None:
    """The object an insert (or a close-up with no face) shows large: the first thing named that is not furniture, nor
    what it is seen through ("through the window, the ship")."""
    if shot.framing not in ("insert", "close-up") or people:
        return None
    said = words(shot.description)
    through = {name for name in ("window", "door") if "through" in said and name in said
               and 0 < said.index(name) - said.index("through") <= THROUGH}
    things = [name for name in named if name not in FURNITURE and name not in through]
    if things or named:
        return (things or list(named))[0]
    return next((CARRIERS[style] for style in styles if style in CARRIERS and CARRIERS[style] in PROPS), None)


def _crowd(shot: Shot, cast: ShotCast, people: Sequence[Person]) -> str | None:
    """Where the shot's crowd is: in front of the cast when it watches them, else behind (none in an insert)."""
    if not cast.crowd or shot.framing == "insert":
        return None
    return "audience" if people and AUDIENCE_WORDS & set(words(shot.description)) else "behind"


def _place(shot: Shot, before: Sequence[Staging], cast: Sequence[str] = ()) -> tuple[str, Light]:
    """The set and light the description names; else where (and when) the film was (see :func:`_where`). Weather
    named stays until a shot names a time or another weather."""
    recent = list(dict.fromkeys(staging.set for staging in reversed(before)))
    found = find_set(shot.description, recent)
    light = match_light(shot.description)
    if not before:
        return found.name, light
    said = light._replace(weather="") != Light() or names_time(shot.description)  # "the lights go out", "next morning"
    kept = light if said else before[-1].light
    weather = light.weather if light.weather or said else before[-1].light.weather  # it rains on until a new time
    return _where(shot, found, before, recent, cast), kept._replace(weather=weather)


def _where(shot: Shot, found: Found, before: Sequence[Staging], recent: Sequence[str], cast: Sequence[str]) -> str:
    """The set of a shot whose description does not name one, from where the film has been.

    A description that names no place stays where the previous shot was, if
    the neutral place it would get is as much indoors ("Theo at the next
    desk" stays in the control room; "He sits at a desk" after a street moves
    indoors); a close-up or an insert that names no place always stays ("a
    close-up of his face" in the alley); after a shot with nobody in it, or
    with none of its people in it when they were seen in the few shots
    before (one end of a phone call, then the other), its people are back
    where they were last seen. One that only hints at a place
    ("her desk", "the monitor") stays where it is as much indoors when it is a
    close-up or an insert; else it goes to the hinted place if the film has
    been there, or to the last place the film was that has what it names (the
    control room's desks), or to the hinted place.
    """
    previous = before[-1]
    side = SETS[found.name].interior
    close = shot.framing in ("close-up", "insert")
    if found.rank == NONE:
        seen = [staging.set for staging in reversed(before) if {p.name for p in staging.people} & set(cast)]
        lately = [staging.set for staging in reversed(before[-INTERCUT:]) if {p.name for p in staging.people} & set(cast)]
        elsewhere = bool(previous.people) and not {p.name for p in previous.people} & set(cast)
        if elsewhere and lately and (close or SETS[lately[0]].interior == side):
            return lately[0]
        if seen and not previous.people and (close or SETS[seen[0]].interior == side):
            return seen[0]
        if close or SETS[previous.set].interior == side:
            return previous.set
        # in from the church's front: the church; an open place with no inside of its own (the pitch) keeps the shot
        return INSIDE_PLACE.get(previous.set, previous.set) if side else found.name
    if found.rank == SIDE:
        return previous.set if found.name in NEUTRAL and SETS[previous.set].interior == side else found.name
    if found.rank == HINTED:
        if close and SETS[previous.set].interior == side:
            return previous.set
        things = set(match_props(shot.description))
        having = [name for name in recent if SETS[name].interior == side and props_in(name) & things]
        return found.name if found.name in recent or not having else having[0]
    return found.name


def stage_shot(shot: Shot, cast: ShotCast, before: Sequence[Staging], aspect: float) -> Staging:
    """The staging of one shot whose cast is known."""
    styles = tuple(resolve_style(sign.style, shot.description) for sign in shot.signs)
    set_name, light = _place(shot, before, [member.name for member in cast.members])
    people = _people(shot, cast, aspect, styles, set_name)
    held = {person.holds for person in people}
    worn = WORN if people else frozenset()
    # What the set draws is not drawn again (but an insert shows its things large, people sit on a seat of their own, and
    # closer than a wide a desk someone sits at is theirs).
    seated = [p for p in people if p.pose.startswith("sit") and not p.inside]
    drawn_by_set = frozenset() if shot.framing == "insert" else (
        (props_in(set_name) | INSIDE_OF.get(set_name, frozenset())) - (
            frozenset() if not people else SEATING | ({"table"} if seated else set()) if shot.framing == "wide"
            else FURNITURE))  # (a table the people sit at is theirs, in front of them)
    named = [name for name, count in counted_props(without_places(shot.description))
             if name not in held and name not in worn and name not in drawn_by_set for _ in range(count)]
    if people and shot.framing != "close-up" and set_name not in SEATED_SETS and IN_BED & set(words(shot.description)) \
            and "bed" not in named:
        named.append("bed")  # someone waking, lying or asleep is in a bed (not asleep in a car's back seat)
    if seated and shot.framing in SEAT_SHOWN and not (SEATING | FRONT) & set(named) \
            and not AT_THE_SET & props_in(set_name) and set_name not in SEATED_SETS | OWN_SEATS:
        named.append(SEAT)  # nobody sits on thin air (but at the set's own desks, tables and stools)
    subject = _subject(shot, named, people, styles)
    return Staging(
        framing=shot.framing,
        set=set_name,
        light=light,
        people=people,
        crowd=_crowd(shot, cast, people),
        props=tuple(named[:named.index(subject)] + named[named.index(subject) + 1:]) if subject in named else tuple(named),
        subject=subject,
        hands=shot.framing == "insert" and bool(HAND_WORDS & set(words(shot.description))),
        signs=styles,
        named=tuple(dict.fromkeys([*(offered(subject) if subject else ()), *named_surfaces(shot.description)])),
        blur=wants_depth_of_field(shot.description),
    )


def stage_film(scene: Scene, width: int | None = None, height: int | None = None) -> tuple[Staging, ...]:
    """Every shot's staging, in order, for frames ``width`` x ``height`` (default: the scene's size)."""
    film = film_cast(scene)
    aspect = (width or scene.width) / (height or scene.height)
    memory: dict[str, str] = {}
    stagings: list[Staging] = []
    members: list[tuple[str, ...]] = []  # the characters of each shot so far
    for shot in scene.shots:
        cast = cast_shot(shot, film, memory, members)
        members.append(tuple(member.name for member in cast.members if member.name in film.looks))
        stagings.append(stage_shot(shot, cast, stagings, aspect))
    return tuple(stagings)


def stage_alone(shot: Shot, width: int, height: int) -> Staging:
    """The staging of a shot seen on its own (no film around it: its speakers are its only characters)."""
    speakers = dict.fromkeys(line.who for line in shot.lines)
    scene = Scene(title="", source="", width=width, height=height, fps=24, shots=(shot,),
                  characters={name: Character(name, AUTO_VOICE) for name in speakers})
    return stage_film(scene)[0]


__all__ = ["FilmCast", "Person", "Staging", "film_cast", "restore", "stage_alone", "stage_film", "stage_shot"]
