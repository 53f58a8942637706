"""Where a film's shots are and how people sit in them: the set a shot keeps or goes back to, people in cars and beds."""

from __future__ import annotations

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
    backdrop = draw_backdrop(staging, *SIZE)
    person = backdrop.people[0]
    bag = next(o.box for o in backdrop.obstacles if not o.face and not o.body)
    assert bag[3] - bag[1] < (person[3] - person[1]) * 0.4  # a small bag, not a board as tall as she is
