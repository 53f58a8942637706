"""Sets: every set draws the whole frame at every framing and size, deterministically, lit by its light; the words
that name a set find it."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from storyboard.picture.props import PROPS
from storyboard.picture.sets import HINTS, SETS, Light, SetStage, find_set, match_set, props_in
from storyboard.picture.sets.light import LIGHT_WORDS, match_light
from storyboard.picture.sets.scene import lit_as
from storyboard.picture.sets.sheet import write_sheets
from storyboard.picture.sketch import Pen, paper, seed_of
from storyboard.picture.surface import Surface

FRAMINGS = ("wide", "medium", "close-up", "insert")
SIZES = ((320, 180), (180, 320), (240, 240), (211, 133))
DAY, NIGHT, LIGHTS_OUT = Light(), Light("night", True), Light("night", True, False)
MAGENTA = (255, 0, 255)  # a ground no set paints with


def draw(name: str, width: int = 320, height: int = 180, framing: str = "wide", light: Light = DAY,
         ground: tuple[int, int, int] | None = None) -> tuple[Image.Image, tuple[Surface, ...]]:
    """Set ``name`` drawn on fresh paper (or on a plain ``ground``): the image and the surfaces it offers."""
    image = paper(width, height) if ground is None else Image.new("RGB", (width, height), ground)
    surfaces = SETS[name].draw(Pen(image, random.Random(seed_of(name))), SetStage(width, height, framing, light, seed_of(name)))
    return image, surfaces


def luminance(image: Image.Image) -> float:
    """Mean luminance of ``image`` (0-255)."""
    return float(np.asarray(image.convert("L"), dtype=np.float64).mean())


@pytest.fixture(scope="module")
def wides() -> dict[str, Image.Image]:
    """Every set's wide by day at 320x180."""
    return {name: draw(name)[0] for name in SETS}


def test_there_are_at_least_thirty_sets_indoors_and_out():
    assert len(SETS) >= 30
    assert sum(kind.interior for kind in SETS.values()) >= 15
    assert sum(not kind.interior for kind in SETS.values()) >= 8


@pytest.mark.parametrize("name", list(SETS))
def test_every_framing_and_size_draws_the_whole_frame_the_same_twice(name):
    for framing in FRAMINGS:
        for width, height in SIZES:
            first, surfaces = draw(name, width, height, framing, ground=MAGENTA)
            again, _ = draw(name, width, height, framing, ground=MAGENTA)
            assert first.size == (width, height) and first.mode == "RGB"
            assert first.tobytes() == again.tobytes(), (framing, width, height)
            unpainted = (np.asarray(first) == MAGENTA).all(axis=2).mean()
            assert unpainted < 0.001, f"{framing} {width}x{height} leaves {unpainted:.1%} of the frame unpainted"
            for surface in surfaces:
                left, top, right, bottom = surface.box
                assert 0 <= left < right <= width and 0 <= top < bottom <= height, surface
                assert surface.depth == 1 and surface.kind


@pytest.mark.parametrize("name", list(SETS))
def test_night_is_darker_than_day_and_lights_out_darker_still(name):
    day = luminance(draw(name)[0])
    night = luminance(draw(name, light=NIGHT)[0])
    out = luminance(draw(name, light=LIGHTS_OUT)[0])
    assert night < day * 0.6
    assert out <= night


def test_night_keeps_its_light_sources_bright():
    """A night office is dark, but its lamps and screens are far brighter than the dark around them."""
    image = np.asarray(draw("office", light=NIGHT)[0].convert("L"))
    assert np.percentile(image, 99) > np.median(image) + 80


def test_dawn_and_dusk_are_warmer_than_day():
    day = np.asarray(draw("beach")[0], dtype=np.float64).mean(axis=(0, 1))
    for time in ("dawn", "dusk"):
        warm = np.asarray(draw("beach", light=Light(time))[0], dtype=np.float64).mean(axis=(0, 1))
        assert warm[0] - warm[2] > day[0] - day[2] + 5


def test_no_two_sets_draw_the_same_wide(wides):
    digests = {hashlib.sha256(image.tobytes()).hexdigest(): name for name, image in wides.items()}
    assert len(digests) == len(SETS)


def test_each_wide_differs_from_every_other_by_more_than_a_detail(wides):
    arrays = {name: np.asarray(image, dtype=np.int16) for name, image in wides.items()}
    names = list(arrays)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            changed = (np.abs(arrays[a] - arrays[b]).sum(axis=2) > 30).mean()
            assert changed > 0.2, (a, b, changed)


@pytest.mark.parametrize("name", [name for name, kind in SETS.items() if kind.interior])
def test_an_interior_close_up_shows_a_part_of_the_room_not_a_plain(name):
    """A close-up is a zoom on the wall: drawn detail (lines, objects), not a sky over ground."""
    close = np.asarray(draw(name, framing="close-up")[0].convert("L"), dtype=np.int16)
    edges = (np.abs(np.diff(close, axis=1)) > 40).mean() + (np.abs(np.diff(close, axis=0)) > 40).mean()
    assert edges > 0.004
    wide = np.asarray(draw(name)[0].convert("L"), dtype=np.int16)
    assert np.abs(close - wide).mean() > 10


def test_every_set_offers_somewhere_for_a_sign_in_its_wide():
    for name in SETS:
        assert draw(name)[1], name


def test_the_horizon_is_where_the_documented_floor_line_is():
    stage = SetStage(1920, 1080, "wide", DAY, 0)
    assert stage.horizon == 756
    assert stage._replace(framing="medium").horizon == 918
    assert stage._replace(framing="close-up").horizon == 1080


@pytest.mark.parametrize("description, expected", [
    ("INT. OFFICE - NIGHT", "office"),
    ("EXT. OFFICE - DAY", "office building"),
    ("A man walks out of a sleek glass office building.", "office building"),
    ("Mission control. The countdown begins.", "control room"),
    ("The rocket stands on Pad 39.", "launch pad"),
    ("Maya sits at her desk, typing.", "office"),
    ("INT. HOSPITAL - CORRIDOR - NIGHT", "corridor"),
    ("INT. HOSPITAL - NIGHT", "hospital ward"),
    ("Ward 7 is quiet.", "hospital ward"),
    ("Two detectives face the suspect across a metal table.", "interrogation room"),
    ("INT. DINER - NIGHT", "diner"),
    ("Outside the diner, rain falls.", "storefront"),
    ("A small diner on a rainy street at night, its windows glowing.", "storefront"),  # a diner on its street: its front
    ("The director stands in front of the room.", "room"),  # "in front of" a room is not outdoors
    ("The rocket lifts off in a column of smoke and fire.", "launch pad"),
    ("An empty sky with a thin trail of smoke.", "sky"),
    ("An aerial view over the city at dusk.", "aerial view"),
    ("A packed stadium at night, fans cheering.", "stadium"),
    ("A gas station at night, a car parked under the lights.", "gas station"),
    ("Lily reads a book in the library.", "library"),
    ("Maya walks through a security gate, showing her badge.", "security gate"),
    ("Rows of desks with screens, engineers at work.", "control room"),
    ("Jess and the coach ride an elevator.", "elevator"),
    ("Jess lifts weights in a gym.", "gym"),
    ("He paces his prison cell.", "prison cell"),
    ("He checks his cell phone.", "room"),
    ("She wakes up in a hotel room.", "hotel room"),
    ("Mum walks Zoe to the school gate.", "school"),
    ("Mr. Patel lies in his hospital bed.", "hospital ward"),
    ("Danny hugs Carla outside the courthouse.", "office building"),  # outside an indoor place: its front
    ("Outside the church, bells ring.", "church front"),  # ...or the street when it has none of its own
    ("Night, rain.", "outdoors"),  # weather says outdoors when nothing else says where...
    ("Rain on the office window.", "office"),  # ...but moves no place named
    ("The restaurant kitchen is chaos.", "kitchen"),
    ("A late-night restaurant, four friends at a table.", "restaurant"),
    ("Sunset over the beach.", "beach"),
    ("Kids play in the parks of the city.", "park"),
    ("She parks the car in the garage.", "garage"),
    ("She parks the car.", "car interior"),
    ("They walk through the woods.", "forest"),
    ("A crowd on the subway platform.", "subway"),
    ("Behind the wheel, Theo grips tight.", "car interior"),
    ("The judge bangs the gavel.", "courtroom"),
    ("A bakery counter full of bread.", "shop"),
    ("She stands on the rooftop at night.", "rooftop"),
    ("He waits at gate 12.", "airport gate"),
    ("Close-up of his face.", "room"),
    ("Inside, a clock ticks.", "room"),
    ("Outside, a dog barks.", "outdoors"),
    ("A woman stands alone.", "room"),
    ("A small stone church in the countryside.", "church front"),  # an indoor place in an outdoor one: its outside
    ("A chalet in the mountains.", "cabin front"),
    ("The lobby of a skyscraper in the city.", "lobby"),  # ...unless "of" ties them
    ("The wedding reception, guests dancing.", "party hall"),  # the reception in company: a party
    ("She waits at the hotel reception.", "lobby"),  # ...alone: the hotel's desk
    ("Balloons float in the air.", "room"),  # "in the air" is not the sky
    ("The starship drifts in deep space.", "space"),
    ("On the bridge, the captain gives orders.", "starship"),
    ("Skiers race down the slope.", "mountain"),
    ("They ride the bus to school.", "bus interior"),
    ("A farmer crosses the farmyard.", "farm"),
    ("A cheap motel by the road at midnight, one light on in a room upstairs.", "motel"),  # a room of the motel
    ("In a room of the motel, she unpacks.", "hotel room"),  # ...but a room named first is inside
    ("The locker room at half time.", "locker room"),
    ("A trophy in the dressing room.", "locker room"),
    ("The team walks onto the pitch.", "stadium"),
    ("A pitch black night.", "room"),  # not a football pitch
])
def test_match_set_finds_the_named_place(description, expected):
    assert match_set(description)[0] == expected


def test_a_hint_that_points_to_several_places_is_the_one_the_film_was_at_last():
    assert find_set("They meet at the gate.").name == "security gate"  # the first in the table
    assert find_set("They meet at the gate.", ["gym", "school", "security gate"]).name == "school"
    assert find_set("They meet at the gate.", ["security gate", "school"]).name == "security gate"


def test_every_keyword_finds_its_own_set():
    for name, kind in SETS.items():
        for keyword in kind.keywords:
            assert match_set(f"We see the {keyword.replace('#', '39')} now.")[0] == name, keyword


def test_no_word_names_two_sets_or_both_names_and_hints():
    seen: dict[str, str] = {}
    for name, kind in SETS.items():
        for keyword in kind.keywords:
            assert seen.setdefault(keyword, name) == name, keyword
    for name, words in HINTS.items():
        assert name in SETS
        for word in (w.strip() for w in words.split(",")):
            assert word not in seen, word


@pytest.mark.parametrize("description, light", [
    ("INT. OFFICE - NIGHT", NIGHT),
    ("The office at 9 in the morning.", DAY),
    ("The lights go out.", LIGHTS_OUT),
    ("A power cut in the afternoon.", Light("day", True, False)),
    ("Sunset over the bay.", Light("dusk")),
    ("At dawn the rocket stands ready.", Light("dawn")),
    ("A dimly lit bar.", Light("day", True, True)),
    ("A woman with dark hair.", DAY),
    ("A man in a dark suit, late at night.", NIGHT),
    ("A rainy night.", Light("night", True, True, "rain")),  # weather side by side with a time: both count
    ("A snowy morning.", Light("day", weather="snow")),
    ("A foggy dawn, then rain.", Light("dawn", weather="fog")),  # the first weather named
    ("A stormy evening.", Light("dusk", weather="rain")),
    ("A sunny afternoon.", DAY),  # no weather
])
def test_match_light(description, light):
    assert match_light(description) == light


def test_light_words_are_listed_once():
    words = [w.strip() for group in LIGHT_WORDS.values() for w in group.split(",")]
    assert len(words) == len(set(words))


def test_contact_sheets_show_every_set_and_prop(tmp_path):
    """A row of seven views per set, ten props a row; no cell left blank."""
    sets_path, props_path = write_sheets(tmp_path)
    sets_sheet = np.asarray(Image.open(sets_path).convert("L"))
    props_sheet = np.asarray(Image.open(props_path).convert("L"))
    assert sets_sheet.shape[0] == (216 + 4) * len(SETS)
    assert props_sheet.shape[0] == (200 + 4) * -(-len(PROPS) // 10)
    for row in range(len(SETS)):
        cell = sets_sheet[row * 220:row * 220 + 216, :384]
        assert cell.std() > 10, list(SETS)[row]


def test_the_docs_list_every_set_and_prop_with_its_keywords():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "sets-and-props.md").read_text()
    rows = {line.split("|")[1].strip(): line for line in doc.splitlines() if line.startswith("| ")}
    for name, keywords in [*((n, k.keywords) for n, k in SETS.items()), *((n, k.keywords) for n, k in PROPS.items())]:
        assert name in rows, name
        listed = {k.strip() for cell in rows[name].split("|")[2:] for k in cell.split(",")}
        assert set(keywords) <= listed, (name, set(keywords) - listed)


def test_lit_as_dims_what_is_drawn_over_a_night_set_like_the_set():
    figure = Image.new("RGB", (8, 8), (200, 180, 160))
    assert lit_as(figure, DAY).getpixel((0, 0)) == (200, 180, 160)
    night = lit_as(figure, NIGHT).getpixel((0, 0))
    assert all(n < d * 0.5 for n, d in zip(night, (200, 180, 160)))
    dusk = lit_as(figure, Light("dusk")).getpixel((0, 0))
    assert dusk[0] > dusk[2] + 40 and dusk[0] <= 200


def test_props_in_lists_what_a_set_already_draws():
    assert "rocket" in props_in("launch pad")
    assert {"desk", "monitor"} <= props_in("office")
    assert "rocket" not in props_in("office")
    assert all(name in PROPS for set_name in SETS for name in props_in(set_name))


@pytest.mark.parametrize("size", [(1, 1), (16, 9), (9, 16), (2, 40)])
def test_tiny_frames_still_draw_every_set(size):
    for name in SETS:
        for framing in FRAMINGS:
            image, surfaces = draw(name, *size, framing, NIGHT, ground=MAGENTA)
            assert image.size == size
            assert all(0 <= s.box[0] < s.box[2] <= size[0] and 0 <= s.box[1] < s.box[3] <= size[1] for s in surfaces)
