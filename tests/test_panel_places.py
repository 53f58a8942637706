"""Where a film's shots are and how people sit in them: the set a shot keeps or goes back to, people in cars and beds."""

from __future__ import annotations

import numpy as np
import pytest

from storyboard.model import Character, Line, Scene, Shot, Sign
from storyboard.people import AUTO_VOICE
from storyboard.picture import draw_backdrop, stage_film
from storyboard.picture.props import match_props

SIZE = (480, 270)


def film(*shots: Shot) -> Scene:
    speakers = {line.who: Character(line.who, AUTO_VOICE) for shot in shots for line in shot.lines}
    return Scene(title="t", source="t.yaml", width=SIZE[0], height=SIZE[1], fps=24, shots=shots, characters=speakers)


def sets_of(*descriptions: str, framings: tuple[str, ...] = ()) -> list[str]:
    shots = tuple(Shot(f"s{i}", text, framings[i] if i < len(framings) else "medium", lines=(Line("Maya", "Hi."),))
                  for i, text in enumerate(descriptions))
    return [staging.set for staging in stage_film(film(*shots))]


def test_a_close_up_that_names_no_place_stays_where_the_last_shot_was() -> None:
    assert sets_of("A getaway car waits in a dark alley.", "A close-up of her face, sweating.",
                   framings=("wide", "close-up")) == ["alley", "alley"]
    # a wide that names no place moves indoors from a street ("she sits at a desk"), a close-up does not
    assert sets_of("Maya walks down the street.", "Maya waits.", framings=("wide", "wide")) == ["street", "room"]


def test_a_hint_goes_back_to_the_place_the_film_was_at_that_has_it() -> None:
    assert sets_of("Mission control, engineers at work.", "A launch pad at dawn.", "Maya sits at her desk.") == [
        "control room", "launch pad", "control room"]  # the control room's consoles are desks
    assert sets_of("The kitchen, pans on the stove.", "Maya sits at her desk.") == ["kitchen", "office"]  # no desk there


def test_a_shot_that_names_no_place_after_an_open_place_with_no_inside_stays_there() -> None:
    assert sets_of("The team runs onto the pitch.", "Jamal scores, his teammates cheering.",
                   framings=("wide", "medium")) == ["stadium", "stadium"]
    assert sets_of("A crowd on the beach.", "Maya waits.", framings=("wide", "wide")) == ["beach", "beach"]


def test_people_come_back_to_where_they_were_after_a_shot_with_nobody_in_it() -> None:
    shots = (Shot("a", "Maya in the control room.", "medium", lines=(Line("Maya", "Go."),)),
             Shot("b", "A cheering crowd outside the fence at the launch pad.", "wide"),
             Shot("c", "Maya smiles.", "close-up", lines=(Line("Maya", "Yes."),)))
    assert [staging.set for staging in stage_film(film(*shots))] == ["control room", "launch pad", "control room"]


def test_someone_at_the_wheel_of_a_car_outside_is_seen_through_its_window() -> None:
    shot = Shot("s", "A getaway car waiting in a dark alley, Maya at the wheel.", "medium", lines=(Line("Maya", "Go!"),))
    (staging,) = stage_film(film(shot))
    assert staging.set == "alley" and staging.people[0].inside == "car"
    backdrop = draw_backdrop(staging, *SIZE)
    windows = [surface.box for surface in backdrop.surfaces if surface.kind == "car-window"]
    assert backdrop.people[0] in windows  # drawn in the car's window, not beside the car
    width, height = backdrop.people[0][2] - backdrop.people[0][0], backdrop.people[0][3] - backdrop.people[0][1]
    assert width < SIZE[0] * 0.2 and height < SIZE[1] * 0.3


def test_inside_a_car_the_dashboard_is_in_front_of_the_people() -> None:
    shot = Shot("s", "Inside the car, Maya and Theo argue.", "medium", lines=(Line("Maya", "Left!"), Line("Theo", "No.")))
    (staging,) = stage_film(film(shot))
    assert staging.set == "car interior" and all(p.pose.startswith("sit") for p in staging.people)
    backdrop = draw_backdrop(staging, *SIZE)
    assert backdrop.props[-1] == "dashboard"  # drawn last: over the people
    dash = [o.box for o in backdrop.obstacles if not o.face and not o.body][-1]
    assert all(dash[1] < box[3] and dash[1] > box[1] for box in backdrop.people)  # across them, below their heads


def test_someone_waking_or_lying_down_is_in_a_bed() -> None:
    shot = Shot("s", "Maya wakes up in a hotel room.", "medium", lines=(Line("Maya", "Hm."),))
    (staging,) = stage_film(film(shot))
    assert staging.set == "hotel room" and "bed" in staging.props and staging.people[0].pose.startswith("sit")
    close = Shot("c", "Maya wakes up.", "close-up", lines=(Line("Maya", "Hm."),))
    assert "bed" not in stage_film(film(close))[0].props


def test_glasses_by_a_drink_are_drinking_glasses_and_on_a_face_are_spectacles() -> None:
    assert match_props("A bottle of wine and two glasses on the table.") == ("bottle", "wine glass", "table")
    assert match_props("They raise their glasses of whiskey.") == ("glass",)
    assert match_props("He puts on his glasses.") == ("glasses",)
    assert match_props("A key turns in a lock.") == ("key", "padlock")
    assert match_props("The phone rings.") == ("phone",)


def test_what_a_shot_says_someone_wears_is_drawn_on_them() -> None:
    shot = Shot("s", "Theo, in a cap, checks a tablet.", "close-up", lines=(Line("Theo", "Clear."),))
    (person,) = stage_film(film(shot))[0].people
    assert "cap" in person.wears and person.holds == "tablet"
    bare = Shot("s", "Theo checks a tablet.", "close-up", lines=(Line("Theo", "Clear."),))
    assert "cap" not in stage_film(film(bare))[0].people[0].wears


def test_a_packed_room_is_full_of_people_but_packed_bags_are_not() -> None:
    full = Shot("s", "The judge reads the verdict in a packed courtroom.", "wide")
    assert stage_film(film(full))[0].crowd == "behind"
    bags = Shot("b", "Maya packed her bags.", "wide", lines=(Line("Maya", "Bye."),))
    assert stage_film(film(bags))[0].crowd is None


def test_a_thing_carried_past_a_sign_is_not_grown_to_carry_it() -> None:
    shot = Shot("s", "Maya waits outside the prison gate, holding a small bag.", "wide",
                lines=(Line("Maya", "Hi."),), signs=(Sign("STATE CORRECTIONAL FACILITY", "sign"),))
    (staging,) = stage_film(film(shot))
    backdrop = draw_backdrop(staging, *SIZE, shot.signs)
    person = backdrop.people[0]
    bag = next(o.box for o in backdrop.obstacles if not o.face and not o.body)
    assert bag[3] - bag[1] < (person[3] - person[1]) * 0.4  # a small bag, not a board as tall as she is


def test_a_call_cut_between_two_places_goes_back_to_each_end() -> None:
    shots = (Shot("a", "Walt paces in the newsroom.", "medium", lines=(Line("Walt", "Well?"),)),
             Shot("b", "Ines in a phone box on a rainy street.", "medium", lines=(Line("Ines", "I have it."),)),
             Shot("c", "Walt stops, surprised.", "close-up", lines=(Line("Walt", "Read it."),)),
             Shot("d", "Ines smiles.", "close-up", lines=(Line("Ines", "Here."),)))
    stagings = stage_film(film(*shots))
    assert [s.set for s in stagings] == ["office", "street", "office", "street"]
    assert stagings[2].light.weather == "rain"  # it still rains (on the street: not drawn indoors)


def test_indoors_after_a_buildings_front_is_inside_it() -> None:
    assert sets_of("A small stone church in the countryside.", "Grace waits, nervous.", framings=("wide", "medium")) == [
        "church front", "church"]


def test_counted_things_are_drawn_as_counted() -> None:
    shot = Shot("s", "Two mugs of cocoa and three boxes on a table.", "insert")
    (staging,) = stage_film(film(shot))
    drawn = draw_backdrop(staging, *SIZE).props
    assert drawn.count("mug") == 2 and drawn.count("box") == 3


def test_nobody_sits_on_thin_air() -> None:
    shot = Shot("s", "Maya and Theo sit by the fire.", "wide", lines=(Line("Maya", "Warm."),))
    (staging,) = stage_film(film(shot))
    assert "bench" in staging.props
    at_desks = Shot("d", "Maya sits at her desk in the control room.", "wide", lines=(Line("Maya", "Go."),))
    assert "bench" not in stage_film(film(at_desks))[0].props  # the set's own desks


def test_a_board_brought_for_a_long_sign_hides_nobodys_head_or_body() -> None:
    shot = Shot("s", "Omar pays the cashier at the checkout.", "medium", lines=(Line("Omar", "Thanks."),),
                signs=(Sign("CASH ONLY", style="sign"),))
    (staging,) = stage_film(film(shot))
    backdrop = draw_backdrop(staging, *SIZE, shot.signs)
    boards = [s.box for s in backdrop.surfaces if s.kind == "board" and s.depth == 2]
    assert boards
    for board in boards:
        for left, _, right, _ in backdrop.people:  # the middle half of a person's box is the head and the torso
            middle = (left + (right - left) // 4, right - (right - left) // 4)
            assert min(board[2], middle[1]) <= max(board[0], middle[0])  # at most a hand behind it


def test_a_hologram_over_a_desk_stands_beside_the_person_at_it() -> None:
    from storyboard.picture import place_signs

    shot = Shot("s", "Theo at his desk, frowning.", "medium", lines=(Line("Theo", "Valve three."),),
                signs=(Sign("VALVE 3 PRESSURE LOW", style="hologram"),))
    (staging,) = stage_film(film(shot))
    backdrop = draw_backdrop(staging, *SIZE, shot.signs)
    (sign,) = place_signs(shot, staging, *SIZE, backdrop)
    (body,) = backdrop.people
    assert sign.on == "desk" and (sign.box[2] <= body[0] or body[2] <= sign.box[0])


def test_the_word_before_a_place_names_no_prop() -> None:
    (staging,) = stage_film(film(Shot("s", "Grace holds a bouquet in a small stone church.", "wide",
                                      lines=(Line("Grace", "Hi."),))))
    assert staging.set == "church" and staging.people[0].holds == "flowers" and "rock" not in staging.props
    (staging,) = stage_film(film(Shot("s", "Grace holds a stone outside the church.", "wide", lines=(Line("Grace", "Hi."),))))
    assert staging.people[0].holds == "rock"  # a stone named on its own is one


def test_an_insert_seen_through_a_window_shows_what_is_beyond_it() -> None:
    (staging,) = stage_film(film(Shot("s", "Through the window, a starship drifts past.", "insert")))
    backdrop = draw_backdrop(staging, *SIZE)
    assert backdrop.props[-1] == "spaceship"  # the insert's object, drawn last and large
    (staging,) = stage_film(film(Shot("s", "A window with a starship painted on it.", "insert")))
    assert draw_backdrop(staging, *SIZE).props[-1] == "window"


@pytest.mark.parametrize(("description", "text", "surface"), [("The newspaper's headline.", "MAYOR RESIGNS", "paper"),
                                                               ("Close-up of the book's cover.", "FIN", "cover")])
def test_a_headline_or_a_cover_an_insert_shows_carries_its_sign(description: str, text: str, surface: str) -> None:
    from storyboard.picture import place_signs

    shot = Shot("s", description, "insert", signs=(Sign(text, style="sign"),))
    (staging,) = stage_film(film(shot))
    (sign,) = place_signs(shot, staging, *SIZE, draw_backdrop(staging, *SIZE, shot.signs))
    assert sign.on == surface


WEATHER_SHOTS = {"": "A park.", "rain": "A park, rain.", "snow": "A park, snow.", "fog": "A park, fog."}


@pytest.fixture(scope="module")
def street_weather() -> dict[str, np.ndarray]:
    pictures = {}
    for weather, description in WEATHER_SHOTS.items():
        (staging,) = stage_film(film(Shot("s", description, "wide")))
        assert staging.light.weather == weather
        pictures[weather] = np.asarray(draw_backdrop(staging, *SIZE).image, dtype=float)
    return pictures


def test_rain_is_drawn_in_slanting_streaks_over_an_exterior(street_weather) -> None:
    changed = np.abs(street_weather["rain"] - street_weather[""]).max(axis=2) > 20
    assert 0.02 < changed.mean() < 0.3  # streaks, not a wash
    rows, cols = np.nonzero(changed)
    assert np.corrcoef(rows, cols)[0, 1] == pytest.approx(0.0, abs=0.2)  # spread all over the frame


def test_snow_whitens_the_ground_and_fog_pales_everything(street_weather) -> None:
    foot = slice(round(SIZE[1] * 0.9), SIZE[1])
    assert street_weather["snow"][foot].mean() > street_weather[""][foot].mean() + 40  # a white ground
    assert street_weather["fog"].std() < street_weather[""].std() * 0.8  # a pale veil flattens the contrast
    assert street_weather["fog"].mean() > street_weather[""].mean() + 20


def test_weather_is_not_drawn_indoors() -> None:
    pictures = []
    for description in ("Maya in the kitchen at night.", "Maya in the kitchen at night. It is raining."):
        (staging,) = stage_film(film(Shot("s", description, "wide", lines=(Line("Maya", "Hi."),))))
        assert staging.set == "kitchen"
        pictures.append(np.asarray(draw_backdrop(staging, *SIZE).image))
    assert (pictures[0] == pictures[1]).all()
