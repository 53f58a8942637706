"""Props: every prop draws inside its box at any size, deterministically, and offers its surfaces; the nouns that
name a prop find it, and the words that only look like one do not."""

from __future__ import annotations

import hashlib
import random

import numpy as np
import pytest
from PIL import Image

from storyboard.picture.props import PROPS, VOCABULARY, counted_props, match_props
from storyboard.picture.sketch import Pen, seed_of

GROUND = (255, 0, 255)  # a colour no prop draws with
BOXES = ((40, 30, 200, 150), (10, 10, 22, 30), (60, 20, 100, 190), (0, 0, 240, 200))  # inside a 240x200 canvas
REST = ("hand", "table", "floor", "wall", "ground", "sky")


def draw(name: str, box: tuple[int, int, int, int], size: tuple[int, int] = (240, 200)) -> tuple[Image.Image, tuple]:
    """Prop ``name`` drawn into ``box`` on a magenta canvas: the image and its surfaces."""
    image = Image.new("RGB", size, GROUND)
    surfaces = PROPS[name].draw(Pen(image, random.Random(seed_of(name))), box)
    return image, surfaces


def outside(image: Image.Image, box: tuple[int, int, int, int], margin: int) -> np.ndarray:
    """Whether each pixel outside ``box`` grown by ``margin`` was drawn on."""
    drawn = ~(np.asarray(image) == GROUND).all(axis=2)
    x0, y0, x1, y1 = box
    drawn[max(0, y0 - margin):y1 + margin, max(0, x0 - margin):x1 + margin] = False
    return drawn


def test_there_are_at_least_sixty_props():
    assert len(PROPS) >= 60


@pytest.mark.parametrize("name", list(PROPS))
def test_every_prop_draws_inside_its_box_the_same_twice(name):
    kind = PROPS[name]
    assert kind.aspect > 0 and kind.scale > 0 and kind.rests_on in REST
    for box in BOXES:
        image, surfaces = draw(name, box)
        again, _ = draw(name, box)
        assert image.tobytes() == again.tobytes(), box
        margin = 3 + round(min(image.size) * 0.01)  # a pencil line's half width and wobble
        assert not outside(image, box, margin).any(), f"{name} draws outside {box}"
        inside = ~(np.asarray(image.crop(box)) == GROUND).all(axis=2)
        assert inside.mean() > 0.05, f"{name} leaves {box} almost empty"
        for surface in surfaces:
            left, top, right, bottom = surface.box
            assert box[0] - 1 <= left <= right <= box[2] + 1 and box[1] - 1 <= top <= bottom <= box[3] + 1, surface
            assert surface.kind and surface.depth == 2


def test_no_two_props_look_the_same():
    digests = {}
    for name in PROPS:
        digest = hashlib.sha256(draw(name, (20, 20, 220, 180))[0].tobytes()).hexdigest()
        assert digests.setdefault(digest, name) == name


@pytest.mark.parametrize("name, kind", [("phone", "phone-screen"), ("laptop", "screen"), ("monitor", "screen"),
                                        ("tablet", "screen"), ("television", "screen"), ("t-shirt", "shirt"),
                                        ("car", "vehicle-side"), ("door", "door"), ("whiteboard", "board"),
                                        ("table", "table"), ("desk", "desk"), ("book", "cover"), ("badge", "badge")])
def test_props_offer_the_surfaces_signs_go_on(name, kind):
    assert kind in {surface.kind for surface in draw(name, (20, 20, 220, 180))[1]}


def test_a_screen_is_bright_and_lies_inside_the_device():
    image, surfaces = draw("phone", (80, 10, 160, 190))
    screen = next(s for s in surfaces if s.kind == "phone-screen")
    assert np.asarray(image.crop(screen.box).convert("L")).mean() > 180


def test_every_keyword_finds_its_own_prop_and_no_other():
    seen: dict[str, str] = {}
    for name, kind in PROPS.items():
        for keyword in kind.keywords:
            assert seen.setdefault(keyword, name) == name, keyword
            assert match_props(f"There is {keyword} here.") == (name,), keyword


@pytest.mark.parametrize("description, expected", [
    ("A man carries a cardboard box out of the building.", ("box",)),
    ("Three cardboard boxes and two phones.", ("box", "phone")),
    ("Hands on a keyboard.", ("keyboard",)),
    ("A door handle turns.", ("door handle",)),
    ("She grabs the car keys, a paper bag and her phone.", ("key", "bag", "phone")),
    ("He sets his coffee mug on the coffee table.", ("mug", "table")),
    ("A phone, a laptop and another phone.", ("phone", "laptop")),
    ("Close-up of the phone screen.", ("phone",)),
    ("He raises his glass of wine.", ("wine glass",)),
    ("He checks his watch.", ("wristwatch",)),
    ("A rocket on the launch pad.", ("rocket",)),
    ("She hands him a letter in an envelope.", ("letter", "envelope")),
    ("The starship explodes.", ("spaceship", "fire")),  # a verb among the keywords makes no compound
    ("They raise their glasses.", ("glass",)),  # glasses raised are drinking glasses
    ("He puts on his glasses.", ("glasses",)),  # ...worn, spectacles
    ("Pancakes in a frying pan.", ("pancakes", "frying pan")),
    ("A bucket and spade by a sandcastle.", ("bucket", "sandcastle")),
    ("Hands tighten the laces of a muddy football boot.", ("boot",)),
    ("He puts the bags in the boot of the car.", ("bag", "car")),  # a car's boot is no footwear
    ("A tray of loaves slides into a hot oven.", ("tray", "bread", "oven")),
])
def test_match_props_finds_the_named_things_in_order(description, expected):
    assert match_props(description) == expected


@pytest.mark.parametrize("description", [
    "He puts on his phone voice.",
    "A sleek glass office building.",
    "She plants the bomb and runs.",
    "They watch the launch.",
    "He books a flight.",
    "It is the key moment.",
    "They meet in a coffee shop.",
    "She parks outside the box office.",
    "He files a complaint.",
    "At this stage, nobody speaks.",
    "Watch the door.",
    "The camera pushes in on her face.",
])
def test_match_props_ignores_words_that_only_look_like_props(description):
    assert "phone" not in match_props(description)
    assert not set(match_props(description)) - {"door"}


def test_a_hit_counts_words_not_punctuation():
    """Hits index the description's words (stops only keep phrases and compounds apart)."""
    hits = VOCABULARY.hits("A box, two phones. Then a coffee table!")
    assert [(hit.name, hit.start, hit.length) for hit in hits] == [("box", 1, 1), ("phone", 3, 1), ("table", 6, 2)]


@pytest.mark.parametrize("box", [(5, 5, 5, 20), (5, 5, 20, 5), (9, 9, 3, 3), (4, 4, 5, 5)])
def test_an_empty_or_one_pixel_box_draws_nothing_outside_it(box):
    for name in PROPS:
        image, surfaces = draw(name, box, (30, 30))
        assert not outside(image, box, 3).any(), name
        if box[2] <= box[0] or box[3] <= box[1]:
            assert surfaces == () and (np.asarray(image) == GROUND).all(), name


@pytest.mark.parametrize("description, expected", [
    ("Two mugs of cocoa and three boxes.", (("mug", 2), ("box", 3))),
    ("A bottle of wine and two glasses.", (("bottle", 1), ("wine glass", 2))),
    ("Four boxes.", (("box", 4),)),
    ("Five boxes.", (("box", 4),)),  # at most four drawn
    ("A box.", (("box", 1),)),
])
def test_counted_props_says_how_many_of_each(description, expected):
    assert counted_props(description) == expected
