"""Who a character is, one answer for the picture and the sound: drawn and voiced as the same gender, the same ages."""

from __future__ import annotations

from pathlib import Path

import pytest

import listen
from storyboard.loader import load_scene
from storyboard.model import Character
from storyboard.people import voice_gender, who_is
from storyboard.picture import stage_film
from storyboard.sound.voices import kind_of_voice, rate_of


@pytest.mark.parametrize(("look", "kind", "old"), [
    ("13, ponytail", "girl", False), ("14, ponytail", "woman", False),  # under 14 a child (docs/picture.md)
    ("boy, 13 years old", "boy", False), ("man, 14 years old", "man", False),
    ("woman, 59", "woman", False), ("woman, 60", "woman", True),  # 60 and over old
    ("man in his 50s", "man", False), ("man in his 60s", "man", True),
    ("girl, 8, red jacket with 2 pockets", "girl", False),  # "2 pockets" is not an age
])
def test_the_age_thresholds_both_sides(look: str, kind: str, old: bool) -> None:
    who = who_is("Ana", look)
    assert (who.kind, who.old) == (kind, old)


@pytest.mark.parametrize(("voice", "look", "kind", "rate"), [
    ("female", "girl, 13", "child", 165), ("female", "woman, 14", "woman", 165),
    ("male", "man, 59", "man", 165), ("male", "man, 60", "old man", 140),  # an old voice: 165 x 0.85 (docs/sound.md)
    ("female", "woman, 70s", "old woman", 140), ("male", "woman, 30s", "man", 165),  # the pitch range is the voice's
])
def test_the_voice_takes_the_same_ages(voice: str, look: str, kind: str, rate: int) -> None:
    character = Character("Ana", voice, look=look)
    assert kind_of_voice(character) == kind
    assert rate_of(character) == rate


@pytest.mark.parametrize(("name", "look", "voice", "pronouns", "kind"), [
    ("Maya", None, None, None, "woman"),  # the name
    ("Theo", None, None, "woman", "man"),  # the name before the pronouns
    ("Zorblax", None, None, "woman", "woman"),  # nothing else: the pronouns
    ("Theo", None, "female", None, "woman"),  # a voice given is who they are
    ("Theo", "man, 40s", "female", None, "man"),  # unless the look says otherwise
    ("Maya", "short dark hair", "male", None, "man"),  # a look without a gender word says nothing of it
    ("Grandpa", None, None, None, "man"), ("Mrs. Dale", None, None, None, "woman"), ("Kid", "blond", "female", None, "girl"),
])
def test_who_a_character_is_comes_from_the_look_the_voice_the_name_then_the_pronouns(name, look, voice, pronouns,
                                                                                      kind) -> None:
    assert who_is(name, look, voice, pronouns).kind == kind


def test_a_voice_says_its_gender_and_auto_says_none() -> None:
    assert [voice_gender(v) for v in ("female", "male", "en-us+f3", "en-gb", "en+m1", "auto", None)] == [
        "woman", "man", "woman", "man", "man", None, None]


SCENE = """\
title: Who
characters:
  Quill: {look: "woman, 30s"}
  Theo: {voice: female}
  Rex: {voice: female, look: "man, 40s, beard"}
  Dale: {}
shots:
  - id: a
    framing: wide
    description: Maya, Theo, Rex and Quill wait. Zorblax stands apart; she looks up.
    lines:
      - Maya: Here.
      - Theo: Here.
      - Rex: Here.
      - Quill: Here.
      - Zorblax: Here.
      - Sam: Here.
      - Porter: Here.
      - Dale: Here.
"""


def test_every_character_is_drawn_and_voiced_as_the_same_gender(tmp_path: Path) -> None:
    path = tmp_path / "who.yaml"
    path.write_text(SCENE)
    scene = load_scene(path)
    drawn = {person.name: person.look for person in stage_film(scene)[0].people}
    assert set(drawn) == {"Maya", "Theo", "Rex", "Quill", "Zorblax", "Sam", "Porter", "Dale"}
    for name, look in drawn.items():
        if name != "Rex":  # a voice and a look that disagree, both as given
            assert voice_gender(scene.characters[name].voice) == ("woman" if look.female else "man"), name
    assert [drawn[name].kind for name in ("Maya", "Theo", "Quill", "Zorblax", "Sam")] == [
        "woman", "woman", "woman", "woman", "man"]
    assert drawn["Rex"].kind == "man"  # the look wins over the voice in the drawing; the voice stays as given
    assert scene.characters["Rex"].voice != "female" and voice_gender(scene.characters["Rex"].voice) == "woman"


FILM = """\
title: Heard
characters:
  Quill: {look: "woman, 30s"}
shots:
  - id: a
    framing: medium
    description: Maya and Theo talk. Quill listens.
    lines:
      - Maya: I have been waiting here for over an hour now.
      - Theo: I have been waiting here for over an hour now.
      - Quill: I have been waiting here for over an hour now.
"""


def test_the_woman_drawn_speaks_with_a_womans_voice(tmp_path: Path) -> None:
    film, report = listen.render(tmp_path, "heard", FILM)
    sound = listen.decode(film)
    looks = {member["name"]: member["look"] for member in report["shots"][0]["panel"]["cast"]}
    heard = {line["who"]: listen.pitch(sound[int(line["start"] * listen.SR):int(line["end"] * listen.SR)])
             for line in report["lines"]}
    assert looks["Maya"].startswith("woman") and looks["Quill"].startswith("woman") and looks["Theo"].startswith("man")
    assert heard["Maya"] > 160 and heard["Quill"] > 160 and heard["Theo"] < 150, heard
