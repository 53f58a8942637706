"""Sets: the places a description names, each drawn as the whole frame for its framing and light.

:data:`SETS` is the table a newcomer extends: a name, the words and phrases
that name the place, whether it is indoors, and one small module whose
``draw(s: Scene)`` paints it in world units (see :mod:`.stage` and
:mod:`.scene`), with an optional ``FOCUS`` saying where each framing looks.

:func:`match_set` picks the set and the light a description asks for.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import NamedTuple

from storyboard.picture.sets import (bar, bedroom, control_room, corridor, diner, kitchen, launch_pad, living_room, office,
                                    office_building, restaurant, shop, street)
from storyboard.picture.sets.scene import painted
from storyboard.picture.sets.stage import Focus, Light, SetStage
from storyboard.picture.sketch import Pen
from storyboard.picture.surface import Surface
from storyboard.picture.vocabulary import Vocabulary

__all__ = ["SETS", "Light", "SetKind", "SetStage", "match_set"]


class SetKind(NamedTuple):
    """A registered set: the words that name it, whether it is indoors, and its drawing."""

    keywords: tuple[str, ...]  # words or phrases that name it ("control room", "mission control", "diner")
    interior: bool
    draw: Callable[[Pen, SetStage], tuple[Surface, ...]]  # paints the whole frame; returns the surfaces it offers


def place(keywords: str, interior: bool, module: ModuleType) -> SetKind:
    """A table entry: ``keywords`` comma-separated, and the module with the set's ``draw`` (and ``FOCUS``)."""
    focus = getattr(module, "FOCUS", Focus())
    return SetKind(tuple(k.strip() for k in keywords.split(",")), interior, painted(module.draw, focus, interior))


SETS: dict[str, SetKind] = {
    "office": place("office, offices, open plan office, open-plan office, cubicle, cubicles, workplace, newsroom, int office",
                    True, office),
    "office building": place("office building, office buildings, office tower, headquarters, hq, skyscraper, skyscrapers, "
                             "tower block, corporate campus, ext office", False, office_building),
    "street": place("street, streets, city street, road, avenue, boulevard, downtown, main street, sidewalk, pavement, "
                    "crosswalk, intersection, storefront, storefronts, bus stop, high street", False, street),
    "diner": place("diner, diners, greasy spoon, cafe, cafes, cafeteria, coffee shop, coffee shops, luncheonette", True, diner),
    "launch pad": place("launch pad, launch pads, launchpad, pad #, launch complex, launch site, launch tower, cape canaveral, "
                        "kennedy space center, spaceport, rocket launch", False, launch_pad),
    "control room": place("control room, control rooms, mission control, launch control, flight control, command center, "
                          "command centre, operations center, ops center, control center, control centre, war room", True,
                          control_room),
    "kitchen": place("kitchen, kitchens, kitchenette, restaurant kitchen, diner kitchen", True, kitchen),
    "living room": place("living room, living rooms, lounge, sitting room, family room, den, apartment, flat, home, house, "
                         "int house, int apartment", True, living_room),
    "bedroom": place("bedroom, bedrooms, bed room, dorm room, motel room, hotel room", True, bedroom),
    "bar": place("bar, bars, pub, pubs, tavern, saloon, nightclub, cocktail lounge, speakeasy", True, bar),
    "restaurant": place("restaurant, restaurants, dining room, bistro, trattoria, steakhouse, brasserie, eatery", True, restaurant),
    "shop": place("shop, shops, bakery, bakeries, store, stores, boutique, grocery, grocery store, corner shop, deli, "
                  "shop counter, checkout, pharmacy, florist", True, shop),
    "corridor": place("corridor, corridors, hallway, hallways, hall, passage, passageway, hospital corridor", True, corridor),
}
