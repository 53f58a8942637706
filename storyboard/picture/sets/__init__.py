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

from storyboard.picture.sets import (aerial, airport_gate, alley, bar, beach, bedroom, bus_interior, cabin, cabin_front,
                                    car_interior, church, church_front, classroom, control_room, corridor, courtroom, diner,
                                    elevator, farm, forest, garage, gas_station, gym, highway, hospital_ward, hotel_room, house,
                                    interrogation_room, kitchen, lab, launch_pad, library, living_room, lobby, locker_room,
                                    motel, mountain, office, office_building, outdoors, park, parking_lot, party_hall,
                                    plane_cabin, prison_cell, restaurant, room, rooftop, school, security_gate, shop, sky, space,
                                    stadium, starship, storefront, street, subway, theatre, train_interior, warehouse)
from storyboard.picture.sets.light import WEATHER_WORDS, match_light
from storyboard.picture.sets.scene import Painter
from storyboard.picture.sets.stage import FLOOR_LINE, INTERIOR_EYE, Focus, Light, SetStage
from storyboard.picture.sketch import Pen
from storyboard.picture.surface import Surface
from storyboard.picture.vocabulary import Hit, Vocabulary, tokens

__all__ = ["SETS", "Found", "Light", "SetKind", "SetStage", "find_set", "match_set", "props_in", "without_places"]


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
                     "soccer field, the pitch, on the pitch, onto the pitch, off the pitch, running track, athletics track, race track, grandstand, bleachers", False, stadium),
    "locker room": place("locker room, locker rooms, changing room, changing rooms, dressing room, dressing rooms, "
                         "lockers", True, locker_room),
    "motel": place("motel, motels, roadside motel, motor inn, motor lodge", False, motel),
    "gas station": place("gas station, gas stations, petrol station, petrol stations, filling station, service station, "
                         "forecourt", False, gas_station),
    "security gate": place("security gate, security gates, checkpoint, checkpoints, security checkpoint, gatehouse, "
                           "guard booth, guardhouse, guard house, border crossing, boom gate, barrier gate, main gate, "
                           "entry gate", False, security_gate),
    "school": place("school gate, school gates, schoolyard, school yard, school building, school entrance, outside the school, "
                    "school playground, school grounds", False, school),
    "sky": place("sky, skies, empty sky, open sky, clear sky, cloudy sky, clouds, the heavens", False, sky),
    "aerial view": place("aerial, aerial view, aerial views, aerial shot, bird s eye view, birds eye view, from above, "
                         "drone shot, drone view, overhead shot, flyover, high above the city", False, aerial),
    "space": place("outer space, deep space, in space, into space, in orbit, orbit, starfield, star field, nebula, "
                   "asteroid field, asteroid belt", False, space),
    "starship": place("on the bridge, ship s bridge, starship bridge, spaceship bridge, bridge of the ship, "
                       "bridge of the starship, bridge of the spaceship, command deck, flight deck, cockpit, cockpits, "
                       "escape pod, escape pods, space station, spaceship interior, aboard the ship, aboard the starship",
                       True, starship),
    "mountain": place("mountain, mountains, mountainside, ski slope, ski slopes, slope, slopes, piste, pistes, ski resort, "
                      "ski run, chairlift, chair lift, ski lift, snowfield, glacier, summit, the alps", False, mountain),
    "cabin": place("cabin, cabins, log cabin, chalet, chalets, ski lodge, lodge, mountain hut, hut", True, cabin),
    "cabin front": place("outside the cabin, outside the chalet, cabin porch, chalet porch, outside the lodge", False,
                         cabin_front),
    "church front": place("churchyard, church steps, church door, church gate, outside the church, graveyard, cemetery",
                          False, church_front),
    "party hall": place("ballroom, ballrooms, banquet hall, banquet, function room, reception hall, wedding reception, "
                        "wedding party, dance floor, marquee, party hall, gala, prom, disco", True, party_hall),
    "bus interior": place("on the bus, on a bus, in the bus, inside the bus, aboard the bus, rides the bus, ride the bus, "
                          "riding the bus, bus ride, bus seat, bus seats, back of the bus, bus interior, on the coach, "
                          "on the tram, on a tram", True, bus_interior),
    "train interior": place("on the train, on a train, inside the train, aboard the train, rides the train, ride the train, "
                            "riding the train, train carriage, train carriages, carriage, railway carriage, compartment, "
                            "train compartment, dining car, sleeper car, train journey, train ride, train window", True,
                            train_interior),
    "plane cabin": place("on the plane, on a plane, aboard the plane, inside the plane, plane cabin, airplane cabin, "
                         "aircraft cabin, window seat, aisle seat, in flight, mid flight, economy class, business class",
                         True, plane_cabin),
    "farm": place("farm, farms, farmyard, barn, barns, barnyard, ranch, ranches, stable, stables, orchard, pasture, paddock",
                  False, farm),
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
    "space": "space, stars, starry, planet, planets, galaxy, galaxies, asteroid, asteroids, comet",
    "starship": "helm, captain s chair, viewscreen, warp, hyperspace, hull breach, airlock",
    "mountain": "ski, skis, skiing, skier, skiers, snowboard, snowboarding, snowboarder, sledge, sled, sledging, sledding, "
                "toboggan",
    "cabin": "fireplace, hearth, log fire",
    "party hall": "dancing, toast, buffet, dj, confetti, fairy lights, strings of lights",
    "farm": "tractor, tractors, cow, cows, sheep, chickens, hens, hay, haystack, hay bales, harvest, farmer, farmers",
}
# A set's word that names another set in company: "the reception" with wedding guests is a party, not a hotel's desk.
# (the set a word finds, the set it becomes, the words that make it so)
IN_COMPANY: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("lobby", "party hall", frozenset("wedding party guests toast dancing dance glasses champagne bride groom cake speech "
                                      "speeches everyone".split())),
)
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
    "church": "church front", "cabin": "cabin front", "party hall": "office building", "starship": "space",
    "bus interior": "street", "train interior": "subway", "plane cabin": "sky", "locker room": "stadium",
}
OUTSIDE_ANY = "street"  # outside an indoor set with no outside of its own
# Weather says outdoors when nothing else says where ("Night, rain."), but does not move a named place ("rain on the
# office window").
WEATHER = ", ".join([*WEATHER_WORDS.values(), "windy"])
INSIDE_OF = {"office building": "lobby", "house": "living room", "street": "room", "outdoors": "room", "alley": "warehouse",
             "storefront": "shop", "school": "classroom", "gas station": "shop", "church front": "church",
             "cabin front": "cabin", "mountain": "cabin", "space": "starship", "farm": "warehouse", "motel": "hotel room"}
# An indoor place named with the outdoor one it is in ("a diner on a rainy street", "a chalet in the mountains", "a
# church in the countryside") is seen from outside; not when "of" ties them ("the lobby of a skyscraper").
LEADS = frozenset("on in inside outside at aboard into onto by near behind through of the a an".split())  # a place
# phrase led by one of these ("outside the church", "on the bus") has no word before it that describes the place
NOT_PLACES = "cell phone, cell phones, cell tower, cell towers, blood cell, blood cells, solar cell, solar cells, prison tattoo"
NONE, SIDE, HINTED, NAMED = 0, 1, 2, 3  # how a set was found: not at all, an inside/outside cue, a hint, its own name
PROBE = (64, 36)  # frame size for finding what a set draws
ROOM_WORDS = frozenset(SETS["room"].keywords)
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
    found_hits = VOCABULARY.hits(description)
    hits = [hit.name for hit in found_hits]
    side = _side(found_hits, description)
    named = [name for rank, name in hits if rank == NAMED]
    hinted = [candidate for rank, phrase in hits if rank == HINTED for candidate in HINTED_BY[phrase]]
    if named:
        found = Found(_in_company(named[0], description), NAMED)
        if side is None and SETS[found.name].interior and _within(found_hits, description):
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


def _side(hits: Sequence[Hit], description: str) -> str | None:
    """The plain set an inside or outside cue says ("INT.", "outside", "the room"); a room named after a place is a room
    of it, not a cue ("a motel by the road, a light on in a room upstairs" is the motel)."""
    words = [w for w in tokens(description) if w.isalnum()]
    place = next((hit.start for hit in hits if hit.name[0] == NAMED), None)  # type: ignore[index]
    for hit in hits:
        rank, name = hit.name  # type: ignore[misc]
        said = " ".join(words[hit.start:hit.start + hit.length])
        if rank == SIDE and name in NEUTRAL and not (place is not None and hit.start > place and said in ROOM_WORDS):
            return name
    return None


def _in_company(name: str, description: str) -> str:
    """The set ``name`` is in the company of the description's other words (see IN_COMPANY)."""
    said = set(tokens(description))
    return next((becomes for word, becomes, company in IN_COMPANY if word == name and company & said), name)


def _within(hits: Sequence[Hit], description: str) -> bool:
    """Whether an outdoor place is named after the first place named (an indoor one): the place it is in, unless "of"
    ties them ("the lobby of a skyscraper")."""
    places: list[tuple[int, str, Hit]] = [(*hit.name, hit) for hit in hits if hit.name[0] == NAMED]  # type: ignore[misc]
    if len(places) < 2:
        return False
    first = places[0][2]
    words = [w for w in tokens(description) if w.isalnum()]
    tied = words[first.start + first.length:first.start + first.length + 1] == ["of"]
    return not tied and any(not SETS[name].interior for _, name, _ in places[1:])


def without_places(description: str) -> str:
    """``description`` with the words of the places it names in phrases ("on the bus", "the ship's bridge") and the
    word just before a place ("a stone church", "a gun shop") taken out: the things they name are not props in the
    shot."""
    parts = list(tokens(description))
    at = [i for i, part in enumerate(parts) if part.isalnum()]  # each word's place among the tokens
    for hit in VOCABULARY.hits(description):
        if hit.name[0] != NAMED:  # type: ignore[index]
            continue
        first = at[hit.start]
        led = parts[first] in LEADS  # "a stone outside the church": the word before is not the church's
        modifier = [first - 1] if first and parts[first - 1].isalnum() and not led else []  # "a stone church": no stone
        for i in [*modifier, *at[hit.start + 1:hit.start + hit.length]] if hit.length > 1 else modifier:
            parts[i] = ","
        if hit.length > 1:
            parts[first] = ","
    return " ".join(parts)


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
