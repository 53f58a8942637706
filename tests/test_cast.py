"""Who is in each shot, how each character looks for the whole film, and where they stand by framing and frame shape."""

from __future__ import annotations

import pytest

from storyboard.model import Character, Line, Scene, Shot
from storyboard.people import AUTO_VOICE
from storyboard.picture import stage_film
from storyboard.picture.cast.looks import read_look


def film(*shots: Shot, characters: dict[str, Character] | None = None, size: tuple[int, int] = (320, 180)) -> Scene:
    """A scene of ``shots``: every speaker a character (those given keep their voice and look)."""
    listed = dict(characters or {})
    for shot in shots:
        for line in shot.lines:
            listed.setdefault(line.who, Character(line.who, AUTO_VOICE))
    return Scene(title="t", source="t.yaml", width=size[0], height=size[1], fps=24, shots=shots, characters=listed)


def cast(scene: Scene, index: int = 0) -> list[str]:
    return [person.name for person in stage_film(scene)[index].people]


@pytest.mark.parametrize(("text", "expected"), [
    ("woman, 30s, short dark hair, red jacket", dict(hair="short", hair_tone="dark", clothes="red", garment="jacket")),
    ("old man, 80s, white hair, striped pyjamas", dict(hair_tone="white", clothes="striped", garment="pyjamas")),
    ("girl, 8, blonde pigtails, pink dress", dict(hair="pigtails", hair_tone="blonde", clothes="pink", garment="dress")),
    ("man, 50s, bald, brown cardigan", dict(hair="bald", clothes="brown", garment="sweater")),
    ("woman, 30s, red hair, long grey coat", dict(hair=None, hair_tone="red", clothes="grey", garment="coat")),
    ("old woman, 70s, white hair, lilac coat", dict(hair_tone="white", clothes="lilac", garment="coat")),
    ("man, turquoise shirt", dict(clothes="turquoise", garment="shirt")),
    ("man, plaid shirt", dict(clothes=None, garment="shirt")),  # a pattern, not a colour: guessed
    ("woman, 40s, red tracksuit", dict(clothes="red", garment="jacket")),
    ("man, 20s, white kit", dict(clothes="white", garment="shirt")),
    ("old man, tweed jacket", dict(clothes="tweed", garment="jacket")),
])
def test_a_look_is_read_clause_by_clause(text: str, expected: dict) -> None:
    known = read_look(text)._asdict()
    assert {key: known[key] for key in expected} == expected


def test_each_character_keeps_one_look_and_no_two_are_dressed_alike() -> None:
    names = ["Ana", "Ben", "Cleo", "Dev", "Emil", "Fay"]
    shots = tuple(Shot(f"s{i}", "They talk.", "medium", lines=tuple(Line(n, "Hi.") for n in names[i % 3 * 2:][:2]))
                  for i in range(6))
    stagings = stage_film(film(*shots))
    looks: dict[str, set] = {}
    for staging in stagings:
        for person in staging.people:
            looks.setdefault(person.name, set()).add(person.look)
    assert set(looks) == set(names) and all(len(seen) == 1 for seen in looks.values())
    assert len({next(iter(seen)).clothes for seen in looks.values()}) == 6


@pytest.mark.parametrize(("name", "voice", "description", "kind"), [
    ("Maya", "auto", "Maya waits.", "woman"),  # no voice given: the name
    ("Zorblax", "auto", "Zorblax waits. She looks up.", "woman"),  # no name in the table: the pronouns
    ("Maya", "male", "Maya waits.", "man"),  # a voice given: drawn as that gender
    ("Quill", "female", "Quill waits.", "woman"),
    ("Grandpa", "auto", "Grandpa waits.", "man"),  # a kin word: man, and old
])
def test_gender_is_the_voice_given_else_the_name_then_the_pronouns(name, voice, description, kind) -> None:
    scene = film(Shot("s", description, "medium", lines=(Line(name, "Hi."),)), characters={name: Character(name, voice)})
    (person,) = stage_film(scene)[0].people
    assert person.look.kind == kind
    assert person.look.old is (name == "Grandpa")


def test_speakers_heard_but_not_seen_are_not_drawn() -> None:
    shot = Shot("s", "Nadia at the counter.", "medium", lines=(
        Line("Nadia", "Hi."), Line("Sam", "Hi.", off=True), Line("Narrator (V.O.)", "Once."), Line("Oven", "Ding."),
        Line("AI Voice", "Denied.")))
    scene = film(shot, characters={"Oven": Character("Oven", effect="robot")})
    assert cast(scene) == ["Nadia"]
    radio = Shot("r", "A radio on the desk crackles.", "medium", lines=(Line("Dispatch", "Stay put."), Line("Vic", "Copy.")))
    assert cast(film(radio)) == []  # voices through a radio the description names


def test_the_description_adds_the_people_it_names_and_counts() -> None:
    shots = (
        Shot("a", "Two guards block the gate.", "medium"),
        Shot("b", "The chef shouts at his apprentice.", "medium"),
        Shot("c", "A group of friends around a bonfire.", "wide"),
        Shot("d", "A crowd of protesters fills the square.", "wide"),
        Shot("e", "The mayor faces a crowd of reporters.", "wide"),
    )
    stagings = stage_film(film(*shots))
    assert [p.name for p in stagings[0].people] == ["guard", "guard 2"]
    assert [p.name for p in stagings[1].people] == ["chef", "apprentice"]
    assert len(stagings[2].people) == 4
    assert stagings[3].people == () and stagings[3].crowd == "behind"
    assert [p.name for p in stagings[4].people] == ["mayor"] and stagings[4].crowd == "audience"


def test_a_pronoun_points_to_the_last_character_of_its_gender() -> None:
    shots = (Shot("a", "A man walks out carrying a box.", "wide", lines=(Line("Man", "Bye."),)),
             Shot("b", "Rita waits in the car.", "wide", lines=(Line("Rita", "Go."),)),
             Shot("c", "Close-up of his face, sweating.", "close-up"))
    stagings = stage_film(film(*shots))
    assert [p.name for p in stagings[2].people] == ["Man"]
    assert stagings[2].people[0].expression == "scared"
    assert stagings[0].people[0].holds == "box"


def test_faces_show_the_adjective_the_description_gives_its_person() -> None:
    shot = Shot("s", "Nadia smiles while Sam frowns. Rosa, surprised, drops a cup.", "wide",
                lines=(Line("Nadia", "Hi."), Line("Sam", "Hm."), Line("Rosa", "Oh!")))
    faces = {p.name: p.expression for p in stage_film(film(shot))[0].people}
    assert faces == {"Nadia": "smiling", "Sam": "frowning", "Rosa": "surprised"}


def test_each_framing_stages_its_people() -> None:
    two = (Line("Nadia", "Hi."), Line("Eli", "Hi."))
    shots = (
        Shot("cu", "Nadia and Eli talk.", "close-up", lines=two[:1]),  # the speaker's face
        Shot("ots", "Over the shoulder of Eli, Nadia smiling.", "close-up", lines=two[:1]),
        Shot("two", "Nadia and Eli at the booth.", "medium", lines=two),
        Shot("insert", "Nadia's hands on the keyboard.", "insert", lines=two),
    )
    cu, ots, both, insert = stage_film(film(*shots))
    assert [p.name for p in cu.people] == ["Nadia"]
    assert [(p.name, p.facing) for p in ots.people] == [("Nadia", "left"), ("Eli", "back")]
    assert [p.facing for p in both.people] == ["right", "left"]  # a two-shot faces each other
    assert insert.people == () and insert.subject == "keyboard" and insert.hands


@pytest.mark.parametrize("size", [(270, 480), (480, 270), (384, 216)])
@pytest.mark.parametrize("framing", ["wide", "medium"])
@pytest.mark.parametrize("count", [1, 2, 4])
def test_no_body_or_arm_is_cut_off_at_the_frames_sides(size, framing, count) -> None:
    from storyboard.picture import draw_backdrop

    names = ["Ana", "Ben", "Cleo", "Dev"][:count]
    description = " and ".join(names) + " wave, arms up."
    shot = Shot("s", description, framing, lines=tuple(Line(n, "Hi.") for n in names))
    (staging,) = stage_film(film(shot, size=size))
    assert len(staging.people) == count
    boxes = draw_backdrop(staging, *size).people
    assert len(boxes) == count
    for box in boxes:
        assert 0 <= box[0] and box[2] <= size[0]


def test_men_and_women_are_told_apart_at_a_glance() -> None:
    """Same clothes and hair colour: the woman has coloured lips and a waist, the man broad shoulders and short hair."""
    import numpy as np

    from storyboard.picture import draw_backdrop

    looks = {"Ana": Character("Ana", "female", look="woman, dark hair, red jacket"),
             "Ben": Character("Ben", "male", look="man, dark hair, red jacket")}
    shots = (Shot("c1", "Ana waits.", "close-up", lines=(Line("Ana", "Hi."),)),
             Shot("c2", "Ben waits.", "close-up", lines=(Line("Ben", "Hi."),)),
             Shot("w", "Ana and Ben wait.", "wide", lines=(Line("Ana", "Hi."), Line("Ben", "Hi."))))
    size = (480, 270)
    stagings = stage_film(film(*shots, characters=looks, size=size))
    lips = np.array((184, 62, 82))
    for staging, painted in zip(stagings[:2], (True, False)):
        backdrop = draw_backdrop(staging, *size)
        face = next(o.box for o in backdrop.obstacles if o.face)
        pixels = np.asarray(backdrop.image.crop(face), dtype=np.int16).reshape(-1, 3)
        assert (np.abs(pixels - lips).max(axis=1) < 12).sum() > (20 if painted else -1) and (
            painted or not (np.abs(pixels - lips).max(axis=1) < 12).any())
    wide = draw_backdrop(stagings[2], *size)
    jacket = np.array((196, 64, 58))
    image = np.asarray(wide.image, dtype=np.int16)
    across = {}
    for person, box in zip(stagings[2].people, wide.people):
        row = round((person.top + 0.2 * person.height) * size[1])  # across the shoulders
        across[person.name] = int((np.abs(image[row, box[0]:box[2]] - jacket).max(axis=1) < 30).sum())
    assert across["Ben"] > across["Ana"] * 1.15  # his shoulders are broader


def test_group_words_are_the_films_own_characters() -> None:
    """'the two of them', 'the three', 'both', 'everyone', 'the kids': the characters, not strangers."""
    looks = {"Dad": Character("Dad", "male"), "Mia": Character("Mia", "female", look="girl, 8"),
             "Leo": Character("Leo", "male", look="boy, 5"), "Gran": Character("Gran", "female", look="old woman")}
    shots = (
        Shot("a", "Dad and Mia cook.", "wide"),
        Shot("b", "Leo runs in.", "wide"),
        Shot("c", "The two of them laugh.", "wide"),  # the last shot with two: Dad and Mia
        Shot("d", "Dad flips a pancake, the kids cheering.", "wide"),  # the film's children
        Shot("e", "The three of them eat.", "wide"),  # the last shot with three
        Shot("f", "Everyone waves.", "wide"),  # every character
        Shot("g", "Gran and Leo, both smiling.", "wide"),  # named already: nobody more
        Shot("h", "Both hands on the table.", "insert"),  # "both" counts the hands
        Shot("i", "Two nurses help Gran, all three tired.", "wide"),  # the nurses and Gran are the three
    )
    stagings = stage_film(film(*shots, characters=looks))
    names = [sorted(p.name for p in staging.people) for staging in stagings]
    assert names[2] == ["Dad", "Mia"]
    assert names[3] == ["Dad", "Leo", "Mia"]
    assert names[4] == ["Dad", "Leo", "Mia"]
    assert names[5] == ["Dad", "Gran", "Leo", "Mia"]
    assert names[6] == ["Gran", "Leo"]
    assert names[7] == []
    assert names[8] == ["Gran", "nurse", "nurse 2"]


def test_group_words_in_a_film_without_characters_are_counted_people() -> None:
    (staging,) = stage_film(film(Shot("a", "Everyone waves.", "wide")))
    assert len(staging.people) == 3 and all(p.name.startswith("person") for p in staging.people)


def test_a_role_word_right_after_a_name_is_that_character() -> None:
    shot = Shot("a", "Walt, the editor, paces behind his desk.", "medium", lines=(Line("Walt", "Where is it?"),))
    assert cast(film(shot)) == ["Walt"]
    shot = Shot("b", "Walt shouts at the editor.", "medium", lines=(Line("Walt", "Now!"),))
    assert cast(film(shot)) == ["Walt", "editor"]


@pytest.mark.parametrize("size", [(180, 320), (320, 180)])
def test_a_line_shrunk_to_fit_keeps_its_feet_on_the_floor(size) -> None:
    """Three people with arms out do not fit a vertical medium at full size: smaller, but standing where they stood."""
    names = ["Ana", "Ben", "Cleo"]
    wide_arms = Shot("w", "Ana, Ben and Cleo cheer, arms up.", "medium", lines=tuple(Line(n, "Yes!") for n in names))
    still = Shot("s", "Ana, Ben and Cleo wait.", "medium", lines=tuple(Line(n, "Hm.") for n in names))
    cheer, wait = stage_film(film(wide_arms, still, size=size))
    feet = [round(p.top + 0.97 * p.height, 6) for p in (*cheer.people, *wait.people)]
    assert len(set(feet)) == 1


@pytest.mark.parametrize(("description", "garment"), [
    ("Maya in her flight suit.", "jumpsuit"),
    ("Maya in her robe.", "coat"),
    ("Maya in her wetsuit.", "jumpsuit"),
    ("Maya in a grey suit.", "suit"),  # a suit alone is a suit
])
def test_what_a_shot_says_someone_wears_is_their_garment(description: str, garment: str) -> None:
    (staging,) = stage_film(film(Shot("s", description, "medium", lines=(Line("Maya", "Hi."),))))
    assert staging.people[0].look.garment == garment


@pytest.mark.parametrize(("description", "pose"), [
    ("Maya sits in a chair.", "sit"),
    ("Maya, strapped in, waits for launch.", "sit"),
    ("Maya stands.", "stand"),
])
def test_sitting_in_a_chair_or_strapped_in_is_seated(description: str, pose: str) -> None:
    (staging,) = stage_film(film(Shot("s", description, "medium", lines=(Line("Maya", "Hi."),))))
    assert staging.people[0].pose.split()[0] == pose


def test_someone_only_ever_heard_is_not_drawn_with_the_group() -> None:
    looks = {"Diaz": Character("Diaz", "female"), "Marcus": Character("Marcus", "male"),
             "Commentator": Character("Commentator", "male")}
    shots = (Shot("a", "The stadium, the crowd roaring.", "wide", lines=(Line("Commentator", "Half time.", off=True),)),
             Shot("b", "Diaz and Marcus in the locker room.", "wide", lines=(Line("Diaz", "Up!"),)),
             Shot("c", "Everyone walks onto the pitch.", "wide"))
    assert cast(film(*shots, characters=looks), 2) == ["Diaz", "Marcus"]
    named = (Shot("d", "The commentator waves from his booth.", "wide"), *shots)  # named once: one of the film's people
    assert sorted(cast(film(*named, characters=looks), 3)) == ["Commentator", "Diaz", "Marcus"]


def test_a_title_in_a_name_is_that_characters_role() -> None:
    looks = {"Coach Diaz": Character("Coach Diaz", "female"), "Mr. Hart": Character("Mr. Hart", "male")}
    shots = (Shot("a", "Coach Diaz paces.", "medium", lines=(Line("Coach Diaz", "Up!"),)),
             Shot("b", "On the touchline, the coach smiles.", "close-up"),
             Shot("c", "A man waits at the counter.", "medium"))
    scene = film(*shots, characters=looks)
    assert cast(scene, 1) == ["Coach Diaz"]
    assert cast(scene, 2) == ["man"]  # "Mr." makes Mr. Hart no one's "man"


def test_slumped_on_the_benches_is_seated() -> None:
    shot = Shot("s", "Ana and Ben slumped on the benches.", "wide", lines=(Line("Ana", "Ugh."),))
    assert {p.pose.split()[0] for p in stage_film(film(shot))[0].people} == {"sit"}
