"""Sets: the places a description names, each drawn as the whole frame for its framing and light.

:data:`SETS` is the table a newcomer extends: a name, the words and phrases
that name the place, whether it is indoors, and one small module whose
``draw(s: Scene)`` paints it in world units (see :mod:`.stage` and
:mod:`.scene`), with an optional ``FOCUS`` saying where each framing looks.

:func:`match_set` picks the set and the light a description asks for.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from types import ModuleType
from typing import NamedTuple

from PIL import Image

from storyboard.picture.sets import (airport_gate, alley, bar, beach, bedroom, car_interior, church, classroom, control_room,
                                    corridor, courtroom, diner, forest, garage, highway, hospital_ward, house, interrogation_room,
                                    kitchen, lab, launch_pad, living_room, lobby, office, office_building, outdoors, park,
                                    parking_lot, restaurant, room, rooftop, shop, street, subway, theatre, warehouse)
from storyboard.picture.sets.light import match_light
from storyboard.picture.sets.scene import Painter
from storyboard.picture.sets.stage import FLOOR_LINE, INTERIOR_EYE, Focus, Light, SetStage
from storyboard.picture.sketch import Pen
from storyboard.picture.surface import Surface
from storyboard.picture.vocabulary import Vocabulary

__all__ = ["SETS", "Light", "SetKind", "SetStage", "match_set", "props_in"]


class SetKind(NamedTuple):
    """A registered set: the words that name it, whether it is indoors, and its drawing."""

    keywords: tuple[str, ...]  # words or phrases that name it ("control room", "mission control", "diner")
    interior: bool
    draw: Callable[[Pen, SetStage], tuple[Surface, ...]]  # paints the whole frame; returns the surfaces it offers


def place(keywords: str, interior: bool, module: ModuleType) -> SetKind:
    """A table entry: ``keywords`` comma-separated, and the module with the set's ``draw`` (and optionally ``FOCUS``,
    where each framing looks, and ``EYE``, the camera's eye level in world y)."""
    focus = getattr(module, "FOCUS", Focus())
    eye = getattr(module, "EYE", INTERIOR_EYE if interior else FLOOR_LINE)
    return SetKind(tuple(k.strip() for k in keywords.split(",")), interior, Painter(module.draw, focus, eye))


SETS: dict[str, SetKind] = {
    "office": place("office, offices, open plan office, cubicle, cubicles, workplace, newsroom",
                    True, office),
    "office building": place("office building, office buildings, office tower, headquarters, hq, skyscraper, skyscrapers, "
                             "tower block, corporate campus, city hall, town hall", False, office_building),
    "street": place("street, streets, city street, road, avenue, boulevard, downtown, main street, sidewalk, pavement, "
                    "crosswalk, intersection, storefront, storefronts, bus stop, high street", False, street),
    "diner": place("diner, diners, greasy spoon, cafe, cafes, cafeteria, coffee shop, coffee shops, luncheonette", True, diner),
    "launch pad": place("launch pad, launch pads, launchpad, pad #, launch complex, launch site, launch tower, cape canaveral, "
                        "kennedy space center, spaceport, rocket launch", False, launch_pad),
    "control room": place("control room, control rooms, mission control, launch control, flight control, command center, "
                          "command centre, operations center, ops center, control center, control centre, war room", True,
                          control_room),
    "corridor": place("corridor, corridors, hallway, hallways, hall, passage, passageway, hospital corridor", True, corridor),
    "kitchen": place("kitchen, kitchens, kitchenette, restaurant kitchen, diner kitchen", True, kitchen),
    "living room": place("living room, living rooms, lounge, sitting room, family room, den", True, living_room),
    "bedroom": place("bedroom, bedrooms, bed room, dorm room, motel room, hotel room", True, bedroom),
    "bar": place("bar, bars, pub, pubs, tavern, saloon, nightclub, cocktail lounge, speakeasy", True, bar),
    "restaurant": place("restaurant, restaurants, dining room, bistro, trattoria, steakhouse, brasserie, eatery", True,
                        restaurant),
    "shop": place("shop, shops, bakery, bakeries, store, stores, boutique, grocery, grocery store, corner shop, deli, "
                  "shop counter, checkout, pharmacy, florist", True, shop),
    "garage": place("garage, garages, workshop, auto shop, car repair shop, tool shed", True, garage),
    "car interior": place("car interior, inside the car, in the car, driver's seat, passenger seat, back seat, "
                          "behind the wheel, dashboard, windscreen, windshield, driving", True, car_interior),
    "hospital ward": place("hospital ward, ward, wards, ward #, hospital room, sickbay, icu, intensive care, "
                           "emergency room, recovery room", True, hospital_ward),
    "classroom": place("classroom, classrooms, class room, schoolroom, lecture room, lecture hall", True,
                       classroom),
    "warehouse": place("warehouse, warehouses, storage unit, depot, factory floor, loading dock, stockroom, storeroom, hangar",
                       True, warehouse),
    "stage": place("stage, stages, theatre, theater, theatres, theaters, auditorium, concert hall, on stage, onstage, "
                   "backstage, opera house, comedy club", True, theatre),
    "subway": place("subway, subways, subway station, subway platform, subway car, metro, metro station, underground, "
                    "tube station, train platform, train station, station platform", True, subway),
    "interrogation room": place("interrogation room, interrogation rooms, interview room, interview rooms, holding room",
                                True, interrogation_room),
    "lobby": place("lobby, lobbies, foyer, reception, reception area, atrium, entrance hall, hotel lobby, front desk", True,
                   lobby),
    "lab": place("lab, labs, laboratory, laboratories, research lab, science lab, clean room", True, lab),
    "courtroom": place("courtroom, courtrooms, court room, witness stand", True, courtroom),
    "church": place("church, churches, chapel, cathedral, nave, altar, wedding ceremony, funeral service", True, church),
    "airport gate": place("airport gate, departure gate, departure lounge, boarding gate, gate #, check in desk", True,
                          airport_gate),
    "rooftop": place("rooftop, rooftops, roof, roof top, on the roof, helipad, penthouse terrace", False, rooftop),
    "forest": place("forest, forests, woods, woodland, jungle, clearing, grove", False, forest),
    "beach": place("beach, beaches, seaside, shore, shoreline, seashore, boardwalk", False, beach),
    "park": place("park, parks, garden, gardens, playground, lawn, meadow, picnic", False, park),
    "parking lot": place("parking lot, parking lots, car park, car parks, parking garage, parking space, carpark", False,
                         parking_lot),
    "alley": place("alley, alleys, alleyway, alleyways, back alley, side street, backstreet", False, alley),
    "house": place("house front, front yard, front porch, porch, driveway, suburbs, suburban street, suburbia, "
                   "outside the house, cottage, farmhouse, front lawn", False, house),
    "highway": place("highway, highways, freeway, motorway, interstate, country road, open road, dirt road, desert road, "
                     "road trip, roadside", False, highway),
    "room": place("room, rooms", True, room),
    "outdoors": place("field, fields, countryside, open ground, open country, farmland", False, outdoors),
}

# Words that point to a set without naming it (the building it is in, who works there, what is in it): they count
# only when no set is named.
HINTS: dict[str, str] = {
    "office": "desk, desks, computer, computers, keyboard, laptop, monitor, printer, boss, coworker, coworkers, colleague, "
              "colleagues, meeting, conference room, "
              "boardroom, board room, meeting room, startup, company, corporate, typing, types",
    "launch pad": "rocket, rockets, countdown, liftoff, lift off, launch, blast off, nasa",
    "control room": "flight director, launch director, telemetry, mission, monitors",
    "kitchen": "stove, oven, fridge, refrigerator, sink, cooking, cooks, chef, chefs, frying pan",
    "bedroom": "bed, pillow, asleep, sleeping, wakes up, alarm clock, nightstand",
    "living room": "sofa, couch, tv, television, apartment, apartments, flat, home, house, living space",
    "courtroom": "judge, jury, verdict, lawyer, lawyers, attorney, defendant, court, courthouse, trial, testimony",
    "hospital ward": "nurse, nurses, doctor, doctors, patient, patients, surgeon, hospital, hospitals, infirmary, clinic, "
                     "iv drip, bedside",
    "classroom": "teacher, teachers, student, students, pupils, lesson, school, schools, university, college, blackboard",
    "bar": "bartender, barman, barmaid, cocktail, cocktails, whiskey, whisky, pint, drinks",
    "restaurant": "waiter, waitress, waiters, dinner date, menu, reservation, sommelier",
    "diner": "booth, milkshake, short order cook, pancakes, burger",
    "church": "priest, pastor, vicar, wedding, pews, sermon, prayer, praying, congregation",
    "car interior": "car, cars, taxi, cab, driver, drives, steering wheel, rear view mirror, seatbelt",
    "interrogation room": "detective, detectives, suspect, suspects, interrogates, interrogator, police station, precinct, "
                          "cop shop, questioning",
    "airport gate": "airport, airports, terminal, boarding, flight, passengers, departures, layover",
    "subway": "commuters, commuter, train, trains, tube, platform",
    "stage": "audience, performer, performers, performs, concert, spotlight, curtain call, applause, band plays",
    "lab": "scientist, scientists, microscope, experiment, beaker, test tubes, researcher, researchers",
    "warehouse": "forklift, pallets, shipment, crates, inventory",
    "shop": "cashier, shopkeeper, baker, customers, customer, till, cash register",
    "garage": "mechanic, workbench, car repair",
    "beach": "waves, surf, surfer, surfers, sunbathing, ocean, sea, sand, coast",
    "forest": "hiker, hikers, trees, trail, campfire, camping, tent",
    "park": "jogger, joggers, dog walker, pond, fountain",
    "street": "traffic, passers by, pedestrians, city, town, block",
    "rooftop": "skyline, ledge, parapet",
    "lobby": "receptionist, elevator, elevators, lift, lifts, hotel",
    "office building": "building, buildings, facade, entrance, tower, glass building, glass tower",
    "highway": "motorist, hitchhiker, gas station, petrol station",
    "parking lot": "lot, car lot, parking",
}
INSIDE = "int, inside, indoors, interior, in the room, within"
OUTSIDE = "ext, outside, outdoors, exterior, out front, in front of, outside of, open air"
# The set outside an indoor set, and inside an outdoor one, when the description says which side it is on.
OUTSIDE_OF = {
    "office": "office building", "lobby": "office building", "diner": "street", "restaurant": "street", "bar": "street",
    "shop": "street", "living room": "house", "bedroom": "house", "kitchen": "house", "room": "outdoors",
    "car interior": "street", "warehouse": "alley", "garage": "house",
}
INSIDE_OF = {"office building": "lobby", "house": "living room", "street": "room", "outdoors": "room", "alley": "warehouse"}
NAMED, HINTED, SIDE = 3, 2, 1
PROBE = (64, 36)  # frame size for finding what a set draws  # how strongly a word points to a set

VOCABULARY: Vocabulary[tuple[int, str]] = Vocabulary({
    **{(NAMED, name): kind.keywords for name, kind in SETS.items()},
    **{(HINTED, name): [w.strip() for w in words.split(",")] for name, words in HINTS.items()},
    (SIDE, "room"): [w.strip() for w in INSIDE.split(",")],
    (SIDE, "outdoors"): [w.strip() for w in OUTSIDE.split(",")],
})


def match_set(description: str) -> tuple[str, Light]:
    """The set ``description`` names and the light it asks for.

    A set's own keywords come first (the first one named when several are),
    then hints (the building, the people, the things of a place), then a plain
    room or open ground from the words that say inside or outside, and a plain
    room when nothing says. An indoor set with an outside cue becomes the
    outdoor set around it (``EXT. DINER`` is the street), and the other way
    round.
    """
    hits = [hit.name for hit in VOCABULARY.hits(description)]
    side = next((name for rank, name in hits if rank == SIDE), None)
    ranked = [(rank, name) for rank, name in hits if rank > SIDE]
    best = max((rank for rank, _ in ranked), default=0)
    name = next((name for rank, name in ranked if rank == best), side or "room")
    if side == "outdoors" and SETS[name].interior:
        name = OUTSIDE_OF.get(name, name)
    elif side == "room" and not SETS[name].interior:
        name = INSIDE_OF.get(name, name)
    return name, match_light(description)


@cache
def props_in(name: str) -> frozenset[str]:
    """The props set ``name`` already draws (the launch pad's rocket, the office's desks and monitors), so that a
    panel does not draw a second one; found by drawing the set once, small."""
    painter = SETS[name].draw
    if not isinstance(painter, Painter):
        return frozenset()
    scene = painter.painted(Pen(Image.new("RGB", PROBE), random.Random(0)), SetStage(*PROBE, "wide", Light(), 0))
    return frozenset(scene.props)
