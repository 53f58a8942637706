"""Sets: the places a description names, each drawn as the whole frame for its framing and light.

:data:`SETS` is the table a newcomer extends: a name, the words and phrases
that name the place, whether it is indoors, and one small module whose
``draw(s: Scene)`` paints it in world units (see :mod:`.stage` and
:mod:`.scene`), with an optional ``FOCUS`` saying where each framing looks.

:func:`match_set` picks the set and the light a description asks for.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from functools import cache
from types import ModuleType
from typing import NamedTuple

from PIL import Image

from storyboard.picture.sets import (aerial, airport_gate, alley, bar, beach, bedroom, car_interior, church, classroom,
                                    control_room, corridor, courtroom, diner, elevator, forest, garage, gas_station, gym, highway,
                                    hospital_ward, hotel_room, house, interrogation_room, kitchen, lab, launch_pad, library,
                                    living_room, lobby, office, office_building, outdoors, park, parking_lot, prison_cell,
                                    restaurant, room, rooftop, school, security_gate, shop, sky, stadium, storefront, street, subway,
                                    theatre, warehouse)
from storyboard.picture.sets.light import match_light
from storyboard.picture.sets.scene import Painter
from storyboard.picture.sets.stage import FLOOR_LINE, INTERIOR_EYE, Focus, Light, SetStage
from storyboard.picture.sketch import Pen
from storyboard.picture.surface import Surface
from storyboard.picture.vocabulary import Vocabulary

__all__ = ["SETS", "Found", "Light", "SetKind", "SetStage", "find_set", "match_set", "props_in"]


class SetKind(NamedTuple):
    """A registered set: the words that name it, whether it is indoors, and its drawing."""

    keywords: tuple[str, ...]  # words or phrases that name it ("control room", "mission control", "diner")
    interior: bool
    draw: Callable[[Pen, SetStage], tuple[Surface, ...]]  # paints the whole frame; returns the surfaces it offers


def place(keywords: str, interior: bool, module: ModuleType) -> SetKind:
    """A table entry: ``keywords`` comma-separated, and the module with the set's ``draw`` (and optionally ``FOCUS``,
    where each framing looks, ``EYE``, the camera's eye level in world y, and ``HAS``, the props it draws in its own
    shapes: the control room's consoles are its desks and monitors)."""
    focus = getattr(module, "FOCUS", Focus())
    eye = getattr(module, "EYE", INTERIOR_EYE if interior else FLOOR_LINE)
    return SetKind(tuple(k.strip() for k in keywords.split(",")), interior,
                   Painter(module.draw, focus, eye, frozenset(getattr(module, "HAS", ()))))


SETS: dict[str, SetKind] = {
    "office": place("office, offices, open plan office, cubicle, cubicles, workplace, newsroom",
                    True, office),
    "office building": place("office building, office buildings, office tower, headquarters, hq, skyscraper, skyscrapers, "
                             "tower block, corporate campus, city hall, town hall", False, office_building),
    "street": place("street, streets, city street, road, avenue, boulevard, downtown, main street, sidewalk, pavement, "
                    "crosswalk, intersection, bus stop, high street", False, street),
    "storefront": place("storefront, storefronts, store front, shopfront, shopfronts, shop front, shop window, shop windows, "
                        "display window", False, storefront),
    "diner": place("diner, diners, greasy spoon, cafe, cafes, cafeteria, coffee shop, coffee shops, luncheonette", True, diner),
    "launch pad": place("launch pad, launch pads, launchpad, pad #, launch complex, launch site, launch tower, cape canaveral, "
                        "kennedy space center, spaceport, rocket launch", False, launch_pad),
    "control room": place("control room, control rooms, mission control, launch control, flight control, command center, "
                          "command centre, operations center, ops center, control center, control centre, war room", True,
                          control_room),
    "corridor": place("corridor, corridors, hallway, hallways, hall, passage, passageway, hospital corridor", True, corridor),
    "kitchen": place("kitchen, kitchens, kitchenette, restaurant kitchen, diner kitchen", True, kitchen),
    "living room": place("living room, living rooms, lounge, sitting room, family room, den", True, living_room),
    "bedroom": place("bedroom, bedrooms, bed room, dorm room", True, bedroom),
    "hotel room": place("hotel room, hotel rooms, motel room, motel rooms, hotel suite, hotel bedroom", True, hotel_room),
    "bar": place("bar, bars, pub, pubs, tavern, saloon, nightclub, cocktail lounge, speakeasy", True, bar),
    "restaurant": place("restaurant, restaurants, dining room, bistro, trattoria, steakhouse, brasserie, eatery", True,
                        restaurant),
    "shop": place("shop, shops, bakery, bakeries, store, stores, boutique, grocery, grocery store, corner shop, deli, "
                  "shop counter, checkout, pharmacy, florist", True, shop),
    "garage": place("garage, garages, workshop, auto shop, car repair shop, tool shed", True, garage),
    "car interior": place("car interior, inside the car, in the car, driver's seat, passenger seat, back seat, "
                          "behind the wheel, at the wheel, dashboard, windscreen, windshield, driving", True, car_interior),
    "hospital ward": place("hospital ward, ward, wards, ward #, hospital room, sickbay, icu, intensive care, "
                           "emergency room, recovery room, nurses station, nurse station, nursing station", True, hospital_ward),
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
    "library": place("library, libraries, school library, public library, reading room, bookshop, bookshops, bookstore, "
                     "bookstores", True, library),
    "gym": place("gym, gyms, gymnasium, gymnasiums, school gym, fitness center, fitness centre, health club, weight room, "
                 "sports hall, basketball court", True, gym),
    "elevator": place("elevator, elevators, elevator car, the lift, a lift, in the lift, lift doors", True, elevator),
    "prison cell": place("prison cell, prison cells, cell, cells, jail cell, jail cells, jail, jails, prison, prisons, "
                         "cellblock, cell block, penitentiary, behind bars", True, prison_cell),
    "stadium": place("stadium, stadiums, arena, arenas, sports ground, ballpark, football pitch, soccer pitch, football field, "
                     "soccer field, running track, athletics track, race track, grandstand, bleachers", False, stadium),
    "gas station": place("gas station, gas stations, petrol station, petrol stations, filling station, service station, "
                         "forecourt", False, gas_station),
    "security gate": place("security gate, security gates, checkpoint, checkpoints, security checkpoint, gatehouse, "
                           "guard booth, guardhouse, guard house, border crossing, boom gate, barrier gate, main gate, "
                           "entry gate", False, security_gate),
    "school": place("school gate, school gates, schoolyard, school yard, school building, school entrance, outside the school, "
                    "school playground, school grounds", False, school),
    "sky": place("sky, skies, empty sky, open sky, clear sky, cloudy sky, clouds, the air, in the air, mid air, midair, "
                 "the heavens", False, sky),
    "aerial view": place("aerial, aerial view, aerial views, aerial shot, bird s eye view, birds eye view, from above, "
                         "drone shot, drone view, overhead shot, flyover, high above the city", False, aerial),
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
    "control room": "flight director, launch director, telemetry, mission, monitors, rows of desks, rows of screens, "
                    "wall of screens, banks of screens, engineers, technicians, controllers",
    "kitchen": "stove, oven, fridge, refrigerator, sink, cooking, cooks, chef, chefs, frying pan",
    "bedroom": "bed, pillow, asleep, sleeping, wakes up, alarm clock, nightstand",
    "living room": "sofa, couch, tv, television, apartment, apartments, flat, home, house, living space",
    "courtroom": "judge, jury, verdict, lawyer, lawyers, attorney, defendant, court, courthouse, trial, testimony",
    "hospital ward": "nurse, nurses, doctor, doctors, patient, patients, surgeon, hospital, hospitals, infirmary, clinic, "
                     "iv drip, drip, bedside, hospital bed, hospital beds, heart monitor, night nurse",
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
    "lobby": "receptionist, hotel",
    "library": "librarian, librarians, bookshelves, bookcases, study, studying",
    "gym": "weights, dumbbells, barbell, treadmill, treadmills, workout, work out, basketball, press ups, push ups",
    "prison cell": "prisoner, prisoners, inmate, inmates, warden, bunk",
    "stadium": "track, the track, sprint, sprints, sprinting, match, referee, touchline, kickoff, kick off, race",
    "gas station": "gas pump, gas pumps, petrol pump, petrol pumps, fills up, refuels, refuel",
    "security gate": "gate, gates, barrier, id check",
    "school": "gate, gates, school run, home time, playtime, recess",
    "sky": "trail of smoke, contrail, flock of birds, plane overhead",
    "office building": "building, buildings, facade, entrance, tower, glass building, glass tower",
    "highway": "motorist, hitchhiker",
    "parking lot": "lot, car lot, parking",
}
INSIDE = "int, inside, indoors, interior, in the room, within"
BUILDINGS = "house, building, school, shop, store, diner, bar, restaurant, church, hotel, office, station, bank, cafe"
OUTSIDE = ("ext, outside, outdoors, exterior, out front, outside of, open air, "
           + ", ".join(f"in front of {article} {building.strip()}" for article in ("the", "a", "an", "his", "her", "their")
                       for building in BUILDINGS.split(",")))  # "in front of the room" is not outdoors
# The set outside an indoor set, and inside an outdoor one, when the description says which side it is on.
OUTSIDE_OF = {
    "office": "office building", "lobby": "office building", "diner": "storefront", "restaurant": "storefront",
    "bar": "storefront", "shop": "storefront", "living room": "house", "bedroom": "house", "kitchen": "house",
    "room": "outdoors", "car interior": "street", "warehouse": "alley", "garage": "house", "classroom": "school",
    "courtroom": "office building", "hospital ward": "office building", "lab": "office building",
    "library": "office building", "prison cell": "security gate", "hotel room": "office building", "gym": "school",
}
OUTSIDE_ANY = "street"  # outside an indoor set with no outside of its own
# Weather says outdoors when nothing else says where ("Night, rain."), but does not move a named place ("rain on the
# office window").
WEATHER = "rain, raining, rainy, pouring rain, snow, snowing, snowfall, storm, stormy, thunderstorm, fog, foggy, windy, blizzard"
INSIDE_OF = {"office building": "lobby", "house": "living room", "street": "room", "outdoors": "room", "alley": "warehouse",
             "storefront": "shop", "school": "classroom", "gas station": "shop"}
STREETS = frozenset({"street", "alley", "parking lot"})  # "a diner on a rainy street" is the diner's front
NOT_PLACES = "cell phone, cell phones, cell tower, cell towers, blood cell, blood cells, solar cell, solar cells, prison tattoo"
NONE, SIDE, HINTED, NAMED = 0, 1, 2, 3  # how a set was found: not at all, an inside/outside cue, a hint, its own name
PROBE = (64, 36)  # frame size for finding what a set draws
NEUTRAL = frozenset({"room", "outdoors"})  # the plain sets ("the room" only says inside)

HINTED_BY: dict[str, list[str]] = {}  # a hint phrase -> the sets it points to, in table order
for _name, _words in HINTS.items():
    for _word in _words.split(","):
        HINTED_BY.setdefault(_word.strip(), []).append(_name)
VOCABULARY: Vocabulary[tuple[int, str]] = Vocabulary({
    **{(NAMED, name): kind.keywords for name, kind in SETS.items() if name != "room"},
    **{(HINTED, phrase): [phrase] for phrase in HINTED_BY},
    (SIDE, "room"): [*SETS["room"].keywords, *(w.strip() for w in INSIDE.split(","))],
    (SIDE, "outdoors"): [w.strip() for w in OUTSIDE.split(",")],
    (SIDE, "weather"): [w.strip() for w in WEATHER.split(",")],
    None: [w.strip() for w in NOT_PLACES.split(",")],
})


class Found(NamedTuple):
    """The set a description names and how it was found (NAMED, HINTED, SIDE or NONE)."""

    name: str
    rank: int


def find_set(description: str, recent: Sequence[str] = ()) -> Found:
    """The set ``description`` names, and how it was found.

    A set's own keywords come first (the first one named when several are),
    then hints (the building, the people, the things of a place): a hint
    that points to several places ("the gate") is the one of them the film
    was at most recently (``recent``: the sets of the shots before, latest
    first), else the first. Then a plain room or open ground from the words
    that say inside or outside, and a plain room when nothing says. An indoor
    set with an outside cue becomes the outdoor set around it (``EXT.
    DINER`` is its front), and the other way round; a diner, bar, shop or
    restaurant named with the street it is on is its front.
    """
    hits = [hit.name for hit in VOCABULARY.hits(description)]
    side = next((name for rank, name in hits if rank == SIDE and name in NEUTRAL), None)
    named = [name for rank, name in hits if rank == NAMED]
    hinted = [candidate for rank, phrase in hits if rank == HINTED for candidate in HINTED_BY[phrase]]
    if named:
        found = Found(named[0], NAMED)
        if side is None and SETS[found.name].interior and STREETS & set(named):
            found = found._replace(name=OUTSIDE_OF.get(found.name, found.name))
    elif hinted:
        found = Found(min(hinted, key=lambda name: (list(recent).index(name) if name in recent else len(recent),
                                                    hinted.index(name))), HINTED)
    else:
        weather = any(rank == SIDE and name == "weather" for rank, name in hits)
        return Found(side or ("outdoors" if weather else "room"), SIDE if side or weather else NONE)
    if side == "outdoors" and SETS[found.name].interior:
        found = found._replace(name=OUTSIDE_OF.get(found.name, OUTSIDE_ANY))
    elif side == "room" and not SETS[found.name].interior:
        found = found._replace(name=INSIDE_OF.get(found.name, found.name))
    return found


def match_set(description: str) -> tuple[str, Light]:
    """The set ``description`` names (:func:`find_set`) and the light it asks for."""
    return find_set(description).name, match_light(description)


@cache
def props_in(name: str) -> frozenset[str]:
    """The props set ``name`` already draws (the launch pad's rocket, the office's desks and monitors), so that a
    panel does not draw a second one; found by drawing the set once, small."""
    painter = SETS[name].draw
    if not isinstance(painter, Painter):
        return frozenset()
    scene = painter.painted(Pen(Image.new("RGB", PROBE), random.Random(0)), SetStage(*PROBE, "wide", Light(), 0))
    return frozenset(scene.props) | painter.has
