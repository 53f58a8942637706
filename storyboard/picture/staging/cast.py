"""Who is in a shot: its on-screen speakers, and the characters and people its description names or counts.

A speaker is drawn unless the line is ``off``, the name is marked ``(V.O.)``
or ``(O.S.)``, the name or the voice effect says it is a voice (``AI Voice``,
``Station``, a robot or radio effect), or the description names a device the
voice comes through (a radio, an intercom) without naming the speaker. The
description adds the characters it names (by name, or by the role word a
character is called: ``the guard`` is ``Guard``), the people it counts
(``two officers``, ``a crowd``) and the people its pronouns point to (``his
face`` is the last man named). Each member gets the words of the clauses
about them, from which the staging reads their face, pose and what they hold.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping, Sequence
from typing import NamedTuple

from storyboard.model import Scene, Shot
from storyboard.people import AUTO_VOICE, PRONOUNS
from storyboard.picture.cast.looks import Look, cast_looks, extra_look
from storyboard.picture.cast.roles import ALL, CROWD, GROUP_WORDS, KIN_KINDS, LAST, NOT_PEOPLE, PEOPLE_WORDS, SHORT_GROUPS
from storyboard.picture.props import PROPS
from storyboard.picture.staging.words import (
    OTS_WORDS,
    VOICE_DEVICES,
    collects,
    count_before,
    is_off_name,
    is_voice_name,
    sentence_numbers,
    words,
)
from storyboard.picture.vocabulary import Vocabulary

PEOPLE = Vocabulary({**{word: (word,) for word in PEOPLE_WORDS}, None: NOT_PEOPLE})
GROUPS = Vocabulary({phrase: (phrase,) for phrase in GROUP_WORDS})
BODY_WORDS = frozenset({"hand", "hands", "arms", "eyes", "feet", "legs", "sides", "ends", "halves", "ways", "times"})
NOUNS = frozenset({*(w for word in PEOPLE_WORDS for w in word.split()),
                   *(w for kind in PROPS.values() for keyword in kind.keywords for w in keyword.split()[-1:]), *BODY_WORDS})
GENERIC = frozenset({"person", "man", "woman", "girl", "boy", "child"})  # roles a named member may already be
HEARD_EFFECTS = frozenset({"robot", "radio"})
MAX_EXTRAS = 6  # people drawn for one counted word; more is a crowd
NOT_MENTIONED = 10_000  # where a speaker the description does not name is "mentioned"
DEFINITE = frozenset({"the", "his", "her", "their", "our", "my", "your"})
LIST_WORDS = frozenset({"and", "or", "the", "a", "an", "s", "both", "two", "three", "four", "five", "six", "his", "her",
                        "their", "young", "old"})  # what may stand between people listed together


class FilmCast(NamedTuple):
    """The film's characters as the picture knows them: looks, roles, voice effects."""

    looks: Mapping[str, Look]
    roles: Mapping[str, str]  # a character called by a people word ("Guard") -> its role
    effects: Mapping[str, str]
    taken: frozenset[str]  # clothing tones the characters wear: extras wear others


def film_cast(scene: Scene) -> FilmCast:
    """Every character's look for the whole film, and what else the staging needs to know of them.

    A character with no ``look:`` is dressed as the first description that
    names them says ("a man in a grey suit"), then guessed.
    """
    names = [name for name in dict.fromkeys([*scene.characters, *(line.who for line in scene.lines)])
             if not is_voice_name(name) and not is_off_name(name) and not _only_heard(scene, name)
             and (name not in scene.characters or scene.characters[name].effect not in HEARD_EFFECTS)]
    roles = {name: role for name in names if (role := _title(name)) is not None}
    effects = {name: scene.characters[name].effect for name in scene.characters}
    seen = _first_seen(scene, FilmCast(dict.fromkeys(names), roles, effects, frozenset()))  # type: ignore[arg-type]
    characters = {name: (scene.characters[name].look if name in scene.characters else None,
                         scene.characters[name].voice if name in scene.characters else AUTO_VOICE) for name in names}
    looks = cast_looks(characters, [shot.description for shot in scene.shots], seen)
    return FilmCast(looks, roles, effects, frozenset(look.clothes for look in looks.values()))


def _only_heard(scene: Scene, name: str) -> bool:
    """Whether ``name`` speaks only off-screen and no description names them, in any case (a commentator): never
    drawn. ("the priest" names the Priest who is heard off-screen later.)"""
    spoken = [line for line in scene.lines if line.who == name]
    called = words(name)
    return bool(spoken) and all(line.off for line in spoken) and not any(
        called[-1] in words(shot.description) for shot in scene.shots)


def _title(name: str) -> str | None:
    """The role a character's name says they are: the whole name ("Guard"), else its first word when that is a role
    and not just a person ("Coach Diaz" is the coach, "Captain Okafor" the captain; "Mr. Hart" is no one's "man")."""
    said = words(name)
    whole = PEOPLE_WORDS.get(" ".join(said))
    if whole is not None:
        return whole.role if whole.count == 1 else None
    first = PEOPLE_WORDS.get(said[0]) if len(said) > 1 else None
    return first.role if first is not None and first.count == 1 and first.role not in GENERIC else None


def _first_seen(scene: Scene, film: FilmCast) -> dict[str, str]:
    """The words of the first description about each character (where a look may be read when none is given)."""
    seen: dict[str, str] = {}
    for shot in scene.shots:
        reading = _read(shot.description, film)
        all_words = words(shot.description)
        sentence_of = sentence_numbers(shot.description)
        mentions = sorted({(at, _span_end(at, reading.spans)) for at in reading.named.values()})
        for name, at in reading.named.items():
            about = _describing(at, mentions, sentence_of, all_words)
            seen.setdefault(name, " ".join(about[about.index(all_words[at]):] if all_words[at] in about else about))
    return seen


class Member(NamedTuple):
    """One person in a shot, before they are placed."""

    name: str  # the character, or the role of an unnamed person ("guard", "guard 2")
    look: Look
    speaking: bool
    mention: int  # word index of the first mention in the description
    words: tuple[str, ...]  # the words of the clauses about them, in order


class ShotCast(NamedTuple):
    """Who a shot shows: the members (the subject first), a crowd behind them, and an over-the-shoulder's back."""

    members: tuple[Member, ...]
    crowd: bool
    foreground: str | None  # the member seen from behind in an over-the-shoulder


def _mentions(text: str, name: str) -> list[int]:
    """Character offsets where ``text`` names ``name`` (as written, or the last word of a longer name)."""
    parts = [name] + ([name.split()[-1]] if " " in name and name.split()[-1][:1].isupper() else [])
    found = []
    for part in parts:
        found += [m.start() for m in re.finditer(rf"(?<![\w]){re.escape(part)}(?![\w])", text)]
    return sorted(found)


def _word_index(text: str, offset: int) -> int:
    return len(words(text[:offset]))


def visible_speakers(shot: Shot, film: FilmCast) -> list[str]:
    """The speakers of ``shot`` who are drawn in it, in the order they first speak."""
    text = shot.description
    through_device = bool(VOICE_DEVICES & set(words(text)))
    speakers = []
    for line in shot.lines:
        who = line.who
        if line.off or is_off_name(who) or is_voice_name(who) or film.effects.get(who) in HEARD_EFFECTS:
            continue
        if through_device and not _mentions(text, who):
            continue
        speakers.append(who)
    return list(dict.fromkeys(speakers))


def _gender(look: Look) -> str:
    return "woman" if look.female else "man"


def _describing(at: int, mentions: Sequence[tuple[int, int]], sentence_of: Sequence[int],
                all_words: Sequence[str]) -> tuple[str, ...]:
    """The words about the person mentioned at word ``at``: from there to the next person mentioned in the sentence.

    ``mentions`` are (start, end) word spans of every person mentioned. The
    first person of a sentence also takes the words before them ("Over the
    shoulder of Eli"); people listed together ("Nadia and Eli at the booth",
    "Priya and two friends laugh") share the words after the list.
    """
    sentence = sentence_of[at]
    spans = sorted(span for span in mentions if sentence_of[span[0]] == sentence)
    index = next(i for i, span in enumerate(spans) if span[0] == at)
    start = at if index else next(i for i in range(len(all_words)) if sentence_of[i] == sentence)
    end = spans[index][1]
    for nxt in spans[index + 1:]:
        if not all(w in LIST_WORDS for w in all_words[end:nxt[0]]):
            break
        end = nxt[1]
    following = [span for span in spans if span[0] >= end]
    stop = following[0][0] if following else len(all_words)
    while stop > end and sentence_of[stop - 1] != sentence:
        stop -= 1
    return tuple(all_words[start:stop])


class _Reading(NamedTuple):
    """What the description says about people: named characters, counted extras, pronouns, a crowd."""

    named: dict[str, int]  # character -> first word index
    extras: list[tuple[str, int, int]]  # (role, count, word index)
    pronouns: dict[str, int]  # gender -> first word index
    crowd: bool
    spans: set[int]  # word indexes that name a person


def _read(text: str, film: FilmCast, before: Sequence[Sequence[str]] = ()) -> _Reading:
    """Find every mention of a person in ``text`` (``before``: the characters of the shots before, to read "the two of
    them" and "everyone" as the film's own)."""
    all_words = words(text)
    named: dict[str, int] = {}
    spans: set[int] = set()
    for name in film.looks:
        found = _mentions(text, name)
        if found:
            named[name] = _word_index(text, found[0])
            spans.update(range(named[name], named[name] + len(words(name))))
    groups = _groups(all_words, film, spans) if film.looks else []
    extras: list[tuple[str, int, int]] = []
    crowd = False
    for hit in PEOPLE.hits(text):
        if hit.start in spans or collects(all_words, hit.start, hit.length) or _apposed(all_words, hit.start, spans):
            continue  # "Detective Hale", "a crowd of", "Walt, the editor,"
        spans.update(range(hit.start, hit.start + hit.length))
        word = PEOPLE_WORDS[hit.name]
        count = count_before(all_words, hit.start)
        if word.count == CROWD or count == CROWD or (count or 0) > MAX_EXTRAS:
            crowd = True
            continue
        characters = [name for name, role in film.roles.items() if role == word.role]
        if not characters and word.role in KIN_KINDS and hit.start and all_words[hit.start - 1] in DEFINITE \
                and word.count != 1:  # "the kids": the film's children
            characters = [name for name, look in film.looks.items() if look and look.kind in KIN_KINDS[word.role]]
            count = count or len(characters) or None
        count = count or word.count
        for name in characters[:count]:
            named.setdefault(name, hit.start)
        if count > len(characters):
            extras.append((word.role, count - len(characters), hit.start))
    for count, at in groups:
        if count != LAST or not (named or extras or crowd):
            present = len(named) + sum(extra[1] for extra in extras)
            for name in _group(count, list(film.looks), before, named, present):
                named.setdefault(name, at)
    pronouns: dict[str, int] = {}
    for i, word in enumerate(all_words):
        if word in PRONOUNS:
            pronouns.setdefault(PRONOUNS[word], i)
    return _Reading(named, extras, pronouns, crowd, spans)


def _apposed(all_words: Sequence[str], at: int, spans: set[int]) -> bool:
    """Whether the people word at ``at`` names a character just named ("Walt, the editor, paces"): not someone else."""
    return at >= 2 and all_words[at - 1] in ("the", "a", "an") and at - 2 in spans


def _groups(all_words: Sequence[str], film: FilmCast, spans: set[int]) -> list[tuple[int, int]]:
    """The group words of a description (how many they mean, where), their words taken; a short one followed by a
    noun ("the two boxes", "both hands") is not a group."""
    found = []
    for hit in GROUPS.hits(" ".join(all_words)):
        after = all_words[hit.start + hit.length:hit.start + hit.length + 1]
        if hit.start in spans or (hit.name in SHORT_GROUPS and after and after[0] in NOUNS):
            continue
        spans.update(range(hit.start, hit.start + hit.length))
        found.append((GROUP_WORDS[hit.name], hit.start))
    return found


def _group(count: int, characters: Sequence[str], before: Sequence[Sequence[str]], named: Mapping[str, int],
           present: int) -> list[str]:
    """The characters a group word means, besides those the shot names (``present``: how many people it has so far):
    every one (ALL); the last shot's two or more (LAST); else ``count`` of them: the last shot's with exactly that
    many, else the first of the last with more, else the ones seen last, then the film's in order."""
    shots = [list(shot) for shot in reversed(before) if shot]
    if count == ALL:
        chosen = list(characters)
    elif count == LAST:
        chosen = next((shot for shot in shots if len(shot) >= 2), [])
    else:
        exact = next((shot for shot in shots if len(shot) == count), None)
        larger = next((shot[:count] for shot in shots if len(shot) > count), None)
        chosen = exact or larger or list(dict.fromkeys([*(n for shot in shots for n in shot), *characters]))[:count]
        chosen = [n for n in chosen if n not in named][:max(0, count - present)]
    return [name for name in chosen if name not in named]


def cast_shot(shot: Shot, film: FilmCast, memory: MutableMapping[str, str], before: Sequence[Sequence[str]] = ()) -> ShotCast:
    """Who ``shot`` shows (``memory``: the last character of each gender named so far, updated; ``before``: the
    characters of each shot before, in order)."""
    text = shot.description
    reading = _stand_in(_read(text, film, before), visible_speakers(shot, film))
    speakers = visible_speakers(shot, film)
    at = dict(reading.named)
    for who in speakers:
        at.setdefault(who, NOT_MENTIONED + len(at))
    people: list[tuple[str, Look, int]] = [(name, film.looks[name], index) for name, index in at.items()]
    numbered: dict[str, int] = {}
    taken = set(film.taken)
    for role, count, index in reading.extras:
        kinds = {look.kind for _, look, _ in people}
        if role in GENERIC and count == 1 and (role == "person" and people or role in kinds or
                                               (role == "child" and kinds & {"girl", "boy"})):
            continue
        about = " ".join(_describing(index, sorted(_named_spans(reading)), sentence_numbers(text), words(text)))
        for _ in range(count):
            n = numbered[role] = numbered.get(role, 0) + 1
            look = extra_look(role, n - 1, taken, about)
            taken.add(look.clothes)
            people.append((role if n == 1 else f"{role} {n}", look, index))
    for gender, index in reading.pronouns.items():
        if any(_gender(look) == gender for _, look, _ in people):
            continue
        if gender in memory and memory[gender] in film.looks:
            people.append((memory[gender], film.looks[memory[gender]], index))
        else:
            people.append((gender, extra_look(gender, 0, set(film.taken)), index))
    people.sort(key=lambda person: person[2])
    all_words = words(text)
    sentence_of = sentence_numbers(text)
    mentions = sorted({(index, _span_end(index, reading.spans)) for _, _, index in people if index < NOT_MENTIONED})
    members = []
    for name, look, index in people:
        said = _describing(index, mentions, sentence_of, all_words) if index < NOT_MENTIONED else (
            tuple(all_words) if not mentions else ())
        members.append(Member(name, look, name in speakers, index, said))
    for member in members:
        if member.name in film.looks:
            memory[_gender(member.look)] = member.name
    ordered = _subject_first(members, speakers)
    return ShotCast(tuple(ordered), reading.crowd, _foreground(text, ordered))


def _named_spans(reading: _Reading) -> set[tuple[int, int]]:
    """The (start, end) word spans of every person the description names or counts."""
    starts = [*reading.named.values(), *(index for _, _, index in reading.extras)]
    return {(start, _span_end(start, reading.spans)) for start in starts}


def _span_end(start: int, spans: set[int]) -> int:
    """Where the mention starting at word ``start`` ends (its words are in ``spans``)."""
    end = start + 1
    while end in spans:
        end += 1
    return end


def _stand_in(reading: _Reading, speakers: Sequence[str]) -> _Reading:
    """A lone speaker the description does not name is the one person it describes ("The guard, a man in a cap,
    checks a tablet." with Theo's line): that person's words are the speaker's, and nobody else is added."""
    unnamed = [who for who in speakers if who not in reading.named]
    singles = [extra for extra in reading.extras if extra[1] == 1]
    if len(speakers) != 1 or len(unnamed) != 1 or reading.named or not singles or len(singles) != len(reading.extras) \
            or len({role for role, _, _ in singles} - GENERIC) > 1:
        return reading
    first = min(index for _, _, index in singles)
    return reading._replace(named={unnamed[0]: first}, extras=[])


def _subject_first(members: list[Member], speakers: list[str]) -> list[Member]:
    """The members with the subject first: the first to speak, else the first named."""
    speaking = [m for who in speakers for m in members if m.name == who]
    return speaking[:1] + [m for m in members if not speaking or m is not speaking[0]]


def _foreground(text: str, members: list[Member]) -> str | None:
    """In an over-the-shoulder, the member whose shoulder it is: the first named after the phrase."""
    lowered = text.lower()
    phrase = next((p for p in OTS_WORDS if re.search(rf"\b{re.escape(p)}\b", lowered)), None)
    if phrase is None or len(members) < 2:
        return None
    start = _word_index(text, lowered.index(phrase)) + len(words(phrase))
    after = [m for m in members if start <= m.mention < NOT_MENTIONED]
    if phrase in ("over his shoulder", "over her shoulder") or not after:
        return None
    return min(after, key=lambda m: m.mention).name
