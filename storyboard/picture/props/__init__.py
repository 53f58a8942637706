"""Props: the things a description names, drawn in pencil and marker, each filling a box.

:data:`PROPS` is the table a newcomer extends: a name, the words and phrases
that name it (singular and plural), how wide it is for its height, how tall
it usually is next to a standing adult, what it rests on, and a small drawing
function in one of the family modules (``containers``, ``devices``...). A
drawing works in its box's unit square (see :class:`~.canvas.Canvas`) and
returns the :class:`~storyboard.picture.surface.Surface` s it offers: a
phone's screen, a book's cover, a car's side.

:func:`match_props` finds the props a description names (see
:mod:`storyboard.picture.vocabulary` for how words are matched).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from storyboard.picture.props import animals, containers, devices, furniture, handheld, leisure, paper, tableware, vehicles
from storyboard.picture.props.canvas import Canvas
from storyboard.picture.sketch import Pen
from storyboard.picture.surface import Box, Surface
from storyboard.picture.vocabulary import Vocabulary, tokens


class PropKind(NamedTuple):
    """A registered prop: the words that name it, its shape and size, where it rests and its drawing."""

    keywords: tuple[str, ...]  # nouns that name it, singular and plural ("box", "boxes", "cardboard box")
    aspect: float  # width / height of its drawing
    scale: float  # its usual height as a fraction of a standing adult's height
    rests_on: str  # "hand" | "table" | "floor" | "wall" | "ground" | "sky"
    draw: Callable[[Pen, Box], tuple[Surface, ...]]  # draws it filling the box; returns the surfaces it offers


def drawn(family_draw: Callable[[Canvas], tuple[Surface, ...]]) -> Callable[[Pen, Box], tuple[Surface, ...]]:
    """A family's drawing (in its box's unit square) as a prop's ``draw(pen, box)``."""

    def draw(pen: Pen, box: Box) -> tuple[Surface, ...]:
        if box[2] <= box[0] or box[3] <= box[1]:
            return ()  # an empty box: nothing to draw
        return family_draw(Canvas.of_box(pen, box))

    draw.__doc__ = family_draw.__doc__
    return draw


def prop(keywords: str, aspect: float, scale: float, rests_on: str,
         family_draw: Callable[[Canvas], tuple[Surface, ...]]) -> PropKind:
    """A table entry: ``keywords`` comma-separated, the rest as in :class:`PropKind`."""
    return PropKind(tuple(k.strip() for k in keywords.split(",")), aspect, scale, rests_on, drawn(family_draw))


ACTIONS = "explodes, exploding, blows up, bursts into flames, catches fire, on fire"  # keywords that are verbs (fire's)
PROPS: dict[str, PropKind] = {
    # containers
    "box": prop("box, boxes, cardboard box, cardboard boxes, carton, cartons, package, packages, parcel, parcels, shoebox, "
                "moving box, moving boxes", 1.25, 0.25, "floor", containers.box),
    "crate": prop("crate, crates, wooden crate, wooden crates", 1.2, 0.3, "floor", containers.crate),
    "bag": prop("bag, bags, handbag, handbags, purse, purses, tote, tote bag, shopping bag, shopping bags, paper bag, "
                "grocery bag, duffel bag", 1.0, 0.2, "hand", containers.bag),
    "briefcase": prop("briefcase, briefcases, attache case", 1.4, 0.22, "hand", containers.briefcase),
    "backpack": prop("backpack, backpacks, rucksack, rucksacks, knapsack, knapsacks, school bag, schoolbag", 0.75, 0.28, "floor",
                     containers.backpack),
    "suitcase": prop("suitcase, suitcases, luggage, roller bag, trolley case", 0.65, 0.38, "floor", containers.suitcase),
    "trash can": prop("trash can, trash cans, trash bin, garbage can, garbage cans, bin, bins, dustbin, dustbins, wastebasket, "
                      "wastebaskets, waste bin, rubbish bin, dumpster, dumpsters", 0.7, 0.5, "floor", containers.trash_can),
    "gift": prop("gift, gifts, gift box, wrapped present, wrapped presents, birthday present", 1.0, 0.15, "table",
                 containers.gift),
    "barrel": prop("barrel, barrels, oil drum, oil drums", 0.7, 0.5, "floor", containers.barrel),
    # devices
    "phone": prop("phone, phones, smartphone, smartphones, cellphone, cellphones, cell phone, cell phones, mobile phone, "
                  "mobile phones, iphone, phone screen", 0.5, 0.085, "hand", devices.phone),
    "telephone": prop("telephone, telephones, landline, desk phone, rotary phone, payphone, pay phone", 1.3, 0.1, "table",
                      devices.telephone),
    "laptop": prop("laptop, laptops, notebook computer, macbook, laptop screen", 1.35, 0.14, "table", devices.laptop),
    "keyboard": prop("keyboard, keyboards, computer keyboard", 3.2, 0.035, "table", devices.keyboard),
    "monitor": prop("monitor, monitors, computer, computers, computer screen, computer screens, computer monitor, "
                    "desktop computer, "
                    "pc, screen, screens", 1.35, 0.28, "table", devices.monitor),
    "tablet": prop("tablet, tablets, ipad, ipads, tablet screen", 0.75, 0.14, "hand", devices.tablet),
    "television": prop("tv, tvs, television, televisions, tv set, flat screen, flatscreen, tv screen", 1.7, 0.35, "wall",
                       devices.television),
    "camera": prop("photo camera, video camera, film camera, camcorder, dslr, a camera, his camera, her camera, their camera, "
                   "cameras, security camera, news camera", 1.4, 0.1, "hand", devices.camera),
    "microphone": prop("microphone, microphones, mic, mics, mic stand, microphone stand", 0.35, 0.9, "floor", devices.microphone),
    "headset": prop("headset, headsets, headphones, earphones, earbuds", 1.0, 0.12, "hand", devices.headset),
    "radio": prop("radio, radios, walkie talkie, walkie talkies, two way radio", 0.45, 0.12, "hand", devices.radio),
    "clock": prop("clock, clocks, wall clock, clock face", 1.0, 0.15, "wall", devices.clock),
    "wristwatch": prop("wristwatch, wristwatches, watch, pocket watch", 0.5, 0.05, "hand", devices.wristwatch),
    "lamp": prop("lamp, lamps, desk lamp, table lamp, floor lamp, reading lamp, bedside lamp", 0.7, 0.3, "table", devices.lamp),
    "control panel": prop("control panel, control panels, console, consoles, lever, levers, switchboard, panel of buttons",
                          1.3, 0.35, "floor", devices.control_panel),
    "flashlight": prop("flashlight, flashlights, torch, torches, flash light", 2.8, 0.05, "hand", devices.flashlight),
    "usb drive": prop("usb stick, usb drive, usb key, flash drive, thumb drive, memory stick, usb", 2.4, 0.03, "hand",
                      devices.usb_drive),
    # food and drink
    "mug": prop("mug, mugs, cup, cups, teacup, teacups, tea cup, coffee cup, coffee cups, cup of coffee, cup of tea, "
                "mug of coffee",
                1.1, 0.06, "table", tableware.mug),
    "coffee": prop("coffee, coffees, takeaway cup, paper cup, coffee to go, latte, lattes, cappuccino, espresso", 0.62, 0.09,
                   "hand", tableware.coffee),
    "glass": prop("glass of, drinking glass, tumbler, tumblers, shot glass, his glass, her glass, their glass, my glass, "
                  "your glass, empty glass, glasses of", 0.8, 0.07, "table", tableware.glass),
    "wine glass": prop("wine glass, wine glasses, glass of wine, glasses of wine, glass of champagne, champagne glass, "
                       "champagne flute, champagne flutes", 0.55, 0.1, "table", tableware.wine_glass),
    "bottle": prop("bottle, bottles, wine bottle, beer bottle, water bottle, bottle of wine, beer, beers", 0.33, 0.17, "table",
                   tableware.bottle),
    "plate": prop("plate, plates, dish, dishes, dinner plate, plate of food, meal", 2.0, 0.03, "table", tableware.plate),
    "tray": prop("tray, trays, serving tray, tea tray", 2.4, 0.04, "hand", tableware.tray),
    "cake": prop("cake, cakes, birthday cake, cupcake, cupcakes", 1.2, 0.1, "table", tableware.cake),
    "bread": prop("bread, loaf, loaves, baguette, baguettes, croissant, croissants, pastry, pastries, bagel, bagels", 2.0, 0.06,
                  "table", tableware.bread),
    "candle": prop("candle, candles, candlestick, candlesticks", 0.35, 0.1, "table", tableware.candle),
    "pizza": prop("pizza, pizzas, pizza box", 1.0, 0.03, "table", tableware.pizza),
    "apple": prop("apple, apples", 1.0, 0.05, "table", tableware.apple),
    "pancakes": prop("pancake, pancakes, stack of pancakes, crepe, crepes, waffle, waffles, flapjacks", 1.3, 0.09, "table",
                     tableware.pancakes),
    "frying pan": prop("frying pan, frying pans, skillet, skillets, wok, woks", 1.5, 0.06, "table", tableware.frying_pan),
    "pot": prop("pot, pots, saucepan, saucepans, cooking pot, stockpot, casserole dish", 1.2, 0.12, "table", tableware.pot),
    "jug": prop("jug, jugs, pitcher, pitchers, milk jug, carafe, carafes", 0.8, 0.14, "table", tableware.jug),
    "bowl": prop("bowl, bowls, bowl of soup, bowl of cereal, cereal, soup, salad, salads, salad bowl, fruit bowl, noodles, "
                 "ramen, porridge", 1.6, 0.06, "table", tableware.bowl),
    "burger": prop("burger, burgers, hamburger, hamburgers, cheeseburger, cheeseburgers", 1.3, 0.06, "table", tableware.burger),
    "ice cream": prop("ice cream, ice creams, ice cream cone, ice cream cones, gelato, ice lolly, ice lollies, popsicle, "
                      "popsicles", 0.6, 0.1, "hand", tableware.ice_cream),
    # paper
    "can": prop("drinks can, drinks cans, soda can, soda cans, tin can, can of, cans of, energy drink, energy drinks, soda, "
                "sodas, cola, colas, cans, a can, the can, her can, his can, their can", 0.56, 0.07, "table", tableware.can),
    "book": prop("book, books, novel, novels, notebook, notebooks, diary, diaries, journal, journals, textbook, textbooks, "
                 "paperback, hardcover, sketchbook", 0.75, 0.13, "hand", paper.book),
    "letter": prop("letter, love letter, handwritten letter, handwritten note, note, sticky note", 0.75, 0.15, "hand",
                   paper.letter),
    "envelope": prop("envelope, envelopes, mail", 1.6, 0.07, "hand", paper.envelope),
    "newspaper": prop("newspaper, newspapers, tabloid, tabloids, morning paper", 0.75, 0.2, "hand", paper.newspaper),
    "map": prop("map, maps, blueprint, blueprints, street map, treasure map", 1.4, 0.2, "table", paper.map_sheet),
    "ticket": prop("ticket, tickets, boarding pass, boarding passes, ticket stub", 2.2, 0.04, "hand", paper.ticket),
    "money": prop("money, cash, banknote, banknotes, bank note, bank notes, dollars, wad of cash, stack of cash, bundle of cash",
                  2.0, 0.04, "hand", paper.money),
    "folder": prop("folder, folders, file, files, dossier, dossiers, case file, case files, manila folder, binder, binders",
                   1.3, 0.16, "hand", paper.folder),
    "paper": prop("paper, papers, sheet of paper, document, documents, report, contract, contracts, printout, printouts, memo, "
                  "memos, paperwork", 0.75, 0.16, "hand", paper.paper),
    "clipboard": prop("clipboard, clipboards", 0.72, 0.17, "hand", paper.clipboard),
    "pen": prop("pen, pens, pencil, pencils, ballpoint, fountain pen, marker pen", 6.0, 0.012, "hand", paper.pen),
    "badge": prop("badge, badges, id badge, id card, id cards, lanyard, lanyards, keycard, keycards, key card, key cards, "
                  "access card, name badge, security badge, police badge", 0.7, 0.07, "hand", paper.badge),
    "photo": prop("photo, photos, photograph, photographs, picture frame, framed photo, framed picture, snapshot, polaroid",
                  0.8, 0.12, "wall", paper.photo),
    # furniture and fittings
    "chair": prop("chair, chairs, armchair, armchairs, office chair, folding chair", 0.6, 0.52, "floor", furniture.chair),
    "stool": prop("stool, stools, bar stool, bar stools, barstool, barstools", 0.5, 0.42, "floor", furniture.stool),
    "sofa": prop("sofa, sofas, couch, couches, settee, loveseat", 2.3, 0.48, "floor", furniture.sofa),
    "bed": prop("bed, beds, hospital bed, bunk bed, double bed", 1.7, 0.42, "floor", furniture.bed),
    "table": prop("table, tables, dining table, kitchen table, coffee table, picnic table, card table", 1.9, 0.42, "floor",
                  furniture.table),
    "desk": prop("desk, desks, office desk, writing desk, front desk, reception desk", 2.0, 0.43, "floor", furniture.desk),
    "bookshelf": prop("bookshelf, bookshelves, bookcase, bookcases, shelf, shelves", 0.8, 1.1, "floor", furniture.bookshelf),
    "plant": prop("plant, plants, potted plant, potted plants, houseplant, houseplants, fern, ferns, ficus, cactus", 0.7, 0.5,
                  "floor", furniture.plant),
    "window": prop("window, windows", 0.8, 0.7, "wall", furniture.window),
    "door": prop("door, doors, doorway, front door, back door", 0.45, 1.2, "floor", furniture.door),
    "door handle": prop("door handle, door handles, doorknob, doorknobs, door knob, door knobs, door lock", 1.0, 0.06, "wall",
                        furniture.door_handle),
    "billboard": prop("billboard, billboards, hoarding, hoardings, advertising board, advertising hoarding", 2.2, 3.2, "ground",
                      furniture.billboard),
    "vending machine": prop("vending machine, vending machines, snack machine, snack machines, drinks machine, drinks machines, "
                            "soda machine", 0.55, 1.05, "floor", furniture.vending_machine),
    "wheelchair": prop("wheelchair, wheelchairs", 1.0, 0.55, "floor", furniture.wheelchair),
    "iv drip": prop("iv drip, iv drips, drip, drips, drip stand, iv stand, iv bag, iv", 0.45, 1.05, "floor", furniture.iv_drip),
    "gas pump": prop("gas pump, gas pumps, petrol pump, petrol pumps, fuel pump, fuel pumps, pump, pumps", 0.5, 0.95, "ground",
                     furniture.gas_pump),
    "ladder": prop("ladder, ladders, stepladder", 0.4, 1.2, "floor", furniture.ladder),
    "bench": prop("bench, benches, park bench", 2.4, 0.45, "ground", furniture.bench),
    "sign post": prop("signpost, signposts, sign post, street sign, street signs, road sign, road signs, direction sign", 0.55,
                      1.5, "ground", furniture.sign_post),
    "street lamp": prop("street lamp, street lamps, streetlamp, streetlight, streetlights, street light, street lights, "
                        "lamppost, lampposts, lamp post, lamp posts", 0.3, 2.4, "ground", furniture.street_lamp),
    "whiteboard": prop("whiteboard, whiteboards, white board, flip chart", 1.5, 0.6, "wall", furniture.whiteboard),
    "blackboard": prop("blackboard, blackboards, chalkboard, chalkboards", 1.5, 0.6, "wall", furniture.blackboard),
    "t-shirt": prop("t shirt, t shirts, tshirt, tshirts, tee shirt", 1.0, 0.4, "hand", furniture.tshirt),
    "fire hydrant": prop("fire hydrant, fire hydrants, hydrant, hydrants", 0.6, 0.45, "ground", furniture.fire_hydrant),
    "oven": prop("oven, ovens, hot oven, bread oven, pizza oven, cooker, cookers, range cooker", 0.9, 0.5, "floor",
                 furniture.oven),
    "fireplace": prop("fireplace, fireplaces, hearth, log fire, wood stove, wood burner", 1.2, 0.75, "floor",
                      furniture.fireplace),
    "phone box": prop("phone box, phone boxes, phone booth, phone booths, telephone box, telephone booth, call box", 0.42, 1.3,
                      "ground", furniture.phone_box),
    "traffic cone": prop("traffic cone, traffic cones, cone, cones", 0.7, 0.4, "ground", furniture.traffic_cone),
    # vehicles
    "car": prop("car, cars, sedan, sedans, automobile, automobiles, suv, suvs, coupe, convertible", 2.4, 0.85, "ground",
                vehicles.car),
    "taxi": prop("taxi, taxis, cab, cabs, taxicab, taxicabs, yellow cab", 2.4, 0.9, "ground", vehicles.taxi),
    "police car": prop("police car, police cars, cop car, cop cars, squad car, squad cars, patrol car, patrol cars", 2.4, 0.9,
                       "ground", vehicles.police_car),
    "van": prop("van, vans, delivery van, truck, trucks, lorry, lorries, pickup truck, moving truck", 2.0, 1.4, "ground",
                vehicles.van),
    "dashboard": prop("dashboard, dashboards, steering wheel, steering wheels", 4.0, 0.45, "floor", vehicles.dashboard),
    "bus": prop("bus, buses, school bus, city bus", 3.0, 1.7, "ground", vehicles.bus),
    "bicycle": prop("bicycle, bicycles, bike, bikes", 1.7, 0.55, "ground", vehicles.bicycle),
    "motorcycle": prop("motorcycle, motorcycles, motorbike, motorbikes, scooter, scooters", 1.8, 0.62, "ground",
                       vehicles.motorcycle),
    "rocket": prop("rocket, rockets, spacecraft, launch vehicle, booster, boosters, space shuttle", 0.3,
                   28.0, "ground", vehicles.rocket),
    "spaceship": prop("starship, starships, spaceship, spaceships, flying saucer, flying saucers, ufo, ufos, alien ship, "
                      "mothership", 2.4, 1.5, "sky", vehicles.spaceship),
    "plane": prop("plane, planes, airplane, airplanes, aeroplane, aeroplanes, aircraft, jet, jets, airliner, airliners, "
                  "private jet", 2.6, 3.0, "ground", vehicles.plane),
    "boat": prop("boat, boats, sailboat, sailboats, yacht, yachts, ship, ships, dinghy", 1.0, 3.0, "ground", vehicles.boat),
    # held in the hand
    "gun": prop("gun, guns, pistol, pistols, handgun, handguns, revolver, revolvers, firearm, firearms", 1.45, 0.08, "hand",
                handheld.gun),
    "knife": prop("knife, knives, dagger, daggers, switchblade, kitchen knife", 3.2, 0.03, "hand", handheld.knife),
    "key": prop("key, keys, car keys, house key, house keys, keyring, key ring, set of keys", 2.2, 0.03, "hand", handheld.key),
    "umbrella": prop("umbrella, umbrellas, parasol, parasols", 1.1, 0.55, "hand", handheld.umbrella),
    "helmet": prop("helmet, helmets, space helmet, motorcycle helmet, bike helmet, crash helmet", 1.1, 0.15, "hand",
                   handheld.helmet),
    "hard hat": prop("hard hat, hard hats, hardhat, hardhats, safety helmet", 1.3, 0.1, "hand", handheld.hard_hat),
    "hammer": prop("hammer, hammers, mallet", 0.8, 0.18, "hand", handheld.hammer),
    "wrench": prop("wrench, wrenches, spanner, spanners", 1.0, 0.12, "hand", handheld.wrench),
    "toolbox": prop("toolbox, toolboxes, tool box, toolkit, tool kit", 1.5, 0.14, "floor", handheld.toolbox),
    "handkerchief": prop("handkerchief, handkerchiefs, hanky, hankie, tissue, tissues, napkin, napkins", 1.0, 0.05, "hand",
                         handheld.handkerchief),
    "handcuffs": prop("handcuffs, handcuff", 2.0, 0.05, "hand", handheld.handcuffs),
    "glasses": prop("glasses, eyeglasses, spectacles, sunglasses, reading glasses", 2.6, 0.025, "hand", handheld.glasses),
    "ring": prop("a ring, the ring, her ring, his ring, my ring, gold ring, wedding ring, wedding rings, engagement ring, "
                 "engagement rings, diamond ring, ring box", 1.0, 0.03, "hand", handheld.ring),
    "padlock": prop("lock, locks, padlock, padlocks, keyhole, keyholes", 0.8, 0.05, "hand", handheld.padlock),
    "stopwatch": prop("stopwatch, stopwatches, stop watch, stop watches", 0.85, 0.045, "hand", handheld.stopwatch),
    "dumbbell": prop("dumbbell, dumbbells, weights, barbell, barbells, kettlebell, kettlebells, free weights", 2.2, 0.07, "hand",
                     handheld.dumbbell),
    "rock": prop("rock, rocks, stone, stones, pebble, pebbles, meteorite, meteorites, crystal, crystals", 1.2, 0.05, "hand",
                 handheld.rock),
    "boot": prop("boot, boots, football boot, football boots, hiking boot, hiking boots, wellies, wellington boots, "
                 "trainer shoe, shoe, shoes, sneaker, sneakers", 1.0, 0.07, "hand", handheld.boot),
    "cap": prop("cap, caps, baseball cap, baseball caps, peaked cap", 1.4, 0.06, "hand", handheld.cap),
    "hat": prop("hat, hats, fedora, fedoras, cowboy hat, trilby, sun hat", 1.6, 0.07, "hand", handheld.hat),
    "fire extinguisher": prop("fire extinguisher, fire extinguishers, extinguisher, extinguishers", 0.45, 0.3, "floor",
                              handheld.fire_extinguisher),
    # music, sport, celebration
    "guitar": prop("guitar, guitars, acoustic guitar, electric guitar, bass guitar", 0.38, 0.58, "hand", leisure.guitar),
    "flowers": prop("flowers, flower, bouquet, bouquets, roses, tulips, vase, vases, vase of flowers", 0.7, 0.25, "table",
                    leisure.flowers),
    "ball": prop("ball, balls, football, footballs, soccer ball, basketball, basketballs, beach ball, volleyball, tennis ball",
                 1.0, 0.13, "hand", leisure.ball),
    "balloon": prop("balloon, balloons", 0.6, 0.4, "hand", leisure.balloon),
    "trophy": prop("trophy, trophies, world cup", 0.7, 0.2, "table", leisure.trophy),
    "bucket": prop("bucket, buckets, bucket and spade, pail, pails, spade, spades, beach toys", 0.9, 0.17, "floor",
                   leisure.bucket),
    "sandcastle": prop("sandcastle, sandcastles, sand castle, sand castles", 1.3, 0.2, "floor", leisure.sandcastle),
    "surfboard": prop("surfboard, surfboards, surf board, boogie board, bodyboard", 0.28, 1.1, "hand", leisure.surfboard),
    "snowman": prop("snowman, snowmen, snow man", 0.75, 0.9, "floor", leisure.snowman),
    "skis": prop("skis, pair of skis, ski poles, snowboard, snowboards", 0.6, 1.0, "floor", leisure.skis),
    "kite": prop("kite, kites", 0.5, 0.5, "sky", leisure.kite),
    "fire": prop("fire, fires, flames, blaze, bonfire, bonfires, campfire, campfires, column of smoke, plume of smoke, "
                 "billowing smoke, smoke and fire, explosion, explosions, exhaust plume, " + ACTIONS, 1.1, 0.8, "ground",
                 leisure.fire),
    "smoke trail": prop("trail of smoke, smoke trail, vapour trail, vapor trail, contrail, contrails", 2.0, 1.5, "sky",
                        leisure.smoke_trail),
    # animals
    "dog": prop("dog, dogs, puppy, puppies, hound, labrador, poodle, terrier", 1.3, 0.3, "floor", animals.dog),
    "cat": prop("cat, cats, kitten, kittens", 0.8, 0.18, "floor", animals.cat),
    "horse": prop("horse, horses, pony, ponies, foal", 1.25, 0.95, "ground", animals.horse),
    "cow": prop("cow, cows, cattle, calf, bull", 1.5, 0.8, "ground", animals.cow),
    "bird": prop("bird, birds, hen, hens, chicken, chickens, rooster, robin, pigeon, pigeons, seagull, seagulls, duck, ducks, "
                 "parrot", 1.0, 0.12, "floor", animals.bird),
}

# Phrases that use a prop's word for something else: they find nothing.
NOT_PROPS = (
    "boot of the, boot of his, boot of her, boot of their, boot of a, "
    "phone voice, phone manner, glass ceiling, glass building, glass buildings, glass tower, glass facade, glass office, "
    "glass wall, glass walls, coffee shop, coffee shops, coffee break, car park, car parks, power plant, nuclear plant, "
    "license plate, number plate, cash register, key moment, key witness, key figure, key point, key scene, key player, "
    "box office, file cabinet, filing cabinet, bus stop, book club, screen door, screen time, padlock icon, lock icon, "
    "padlock symbol, lock symbol"
)
VOCABULARY: Vocabulary[str] = Vocabulary({**{name: kind.keywords for name, kind in PROPS.items()},
                                          None: [p.strip() for p in NOT_PROPS.split(",")]},
                                         actions=[a.strip() for a in ACTIONS.split(",")])


# A word that names another thing in company: "two glasses" by a bottle of wine are wine glasses, not spectacles.
# (word's prop, the prop it becomes, the words that make it so)
IN_COMPANY: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("glasses", "wine glass", frozenset("wine wines champagne prosecco".split())),
    ("glasses", "glass", frozenset("whiskey whisky beer beers water drink drinks drinking toast cheers bottle bottles pour "
                                   "pours poured cocktail cocktails vodka rum gin juice milk bar raise raises raising clink "
                                   "clinks".split())),
)


# How many of a thing a word before it counts ("two glasses", "a pair of skis" is one pair: only numbers count).
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2, "twin": 2}
MOST_COPIES = 4  # drawn of one thing at most, however many are counted


def match_props(description: str) -> tuple[str, ...]:
    """The props ``description`` names, in the order named, without repeats (some read in company: IN_COMPANY)."""
    return tuple(name for name, _ in counted_props(description))


def counted_props(description: str) -> tuple[tuple[str, int], ...]:
    """The props ``description`` names, in the order named, each with how many it counts ("two glasses of wine": 2;
    at most MOST_COPIES); some read in company (IN_COMPANY)."""
    words = [w for w in tokens(description) if w.isalnum()]
    counts: dict[str, int] = {}
    for hit in VOCABULARY.hits(description):
        before = words[max(0, hit.start - 2):hit.start]
        count = next((COUNTS[w] for w in reversed(before) if w in COUNTS), 1)
        counts[hit.name] = max(counts.get(hit.name, 1), min(count, MOST_COPIES))  # type: ignore[index]
    said = set(words)
    for name, becomes, company in IN_COMPANY:
        if name in counts and company & said:
            counts = {becomes if n == name else n: c for n, c in counts.items()}
    return tuple(counts.items())
