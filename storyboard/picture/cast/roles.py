"""People a description can name without a character's name: roles, and how they usually dress.

:data:`ROLES` maps a role to its usual dress (who a role is, a woman or an old
man, is :mod:`storyboard.people`'s); :data:`PEOPLE_WORDS` maps each
word or phrase a description uses ("guards", "police officer", "a crowd") to
the role and to how many people it stands for when nobody counts them.
Extend either table; a role missing from :data:`ROLES` is dressed from the
character's name like anyone else.
"""

from __future__ import annotations

from typing import NamedTuple


class Role(NamedTuple):
    """How a role usually looks: ``None`` leaves that part to the character's own look."""

    garment: str | None = None  # see looks.GARMENTS
    clothes: str | None = None  # see looks.CLOTHES
    hair: str | None = None  # see looks.HAIR_STYLES (cap: a cap or uniform hat)


ROLES: dict[str, Role] = {
    "person": Role(), "man": Role(), "woman": Role(), "girl": Role(), "boy": Role(),
    "child": Role(garment="shirt"), "teenager": Role(garment="hoodie"), "old man": Role(), "old woman": Role(),
    "guard": Role(garment="uniform", clothes="navy", hair="cap"),
    "officer": Role(garment="uniform", clothes="navy", hair="cap"),
    "soldier": Role(garment="uniform", clothes="olive", hair="cap"),
    "nurse": Role(garment="scrubs", clothes="teal"),
    "doctor": Role(garment="coat", clothes="white"),
    "chef": Role(garment="jacket", clothes="white"),
    "waiter": Role(garment="apron", clothes="black"), "waitress": Role(garment="apron", clothes="black"),
    "bartender": Role(garment="apron", clothes="black"),
    "engineer": Role(garment="shirt", clothes="azure"),
    "worker": Role(garment="jumpsuit", clothes="orange", hair="cap"),
    "reporter": Role(garment="suit", clothes="grey"),
    "detective": Role(garment="coat", clothes="tan"),
    "suspect": Role(garment="hoodie", clothes="grey"),
    "teacher": Role(garment="sweater", clothes="brown"),
    "student": Role(garment="hoodie"), "pupil": Role(garment="sweater"),
    "coach": Role(garment="jacket", hair="cap"), "porter": Role(garment="scrubs", clothes="navy"),
    "driver": Role(garment="jacket"),
    "singer": Role(garment="jacket", clothes="silver"),
    "director": Role(garment="shirt", clothes="white"),
    "boss": Role(garment="suit", clothes="charcoal"), "ceo": Role(garment="suit", clothes="charcoal"),
    "mayor": Role(garment="suit", clothes="navy"),
    "robber": Role(garment="hoodie", clothes="black", hair="cap"),
    "customer": Role(), "friend": Role(), "stranger": Role(garment="coat"), "passenger": Role(),
    "crowd": Role(), "protester": Role(garment="hoodie"),
    "apprentice": Role(garment="apron", clothes="tan"), "assistant": Role(garment="shirt"),
    "pilot": Role(garment="uniform", clothes="navy", hair="cap"), "astronaut": Role(garment="jumpsuit", clothes="white"),
    "cook": Role(garment="jacket", clothes="white"), "clerk": Role(garment="shirt"), "scientist": Role(garment="coat", clothes="white"),
    "bride": Role(garment="dress", clothes="white", hair="bun"), "groom": Role(garment="suit", clothes="charcoal"),
    "bridesmaid": Role(garment="dress", clothes="pink"), "guest": Role(),
    "priest": Role(garment="coat", clothes="black"), "judge": Role(garment="coat", clothes="black"),
    "lawyer": Role(garment="suit", clothes="navy"), "editor": Role(garment="shirt"),
    "farmer": Role(garment="jumpsuit", clothes="denim", hair="cap"), "firefighter": Role(garment="jacket", clothes="khaki"),
    "paramedic": Role(garment="jumpsuit", clothes="green"), "athlete": Role(garment="shirt"), "player": Role(garment="shirt"),
    "dancer": Role(garment="dress"), "skier": Role(garment="jacket", hair="cap"), "hiker": Role(garment="jacket"),
    "baby": Role(garment="pyjamas"), "patient": Role(garment="pyjamas", clothes="azure"),
    "sister": Role(), "brother": Role(), "uncle": Role(), "aunt": Role(),
}

# How many people a word stands for when the description does not count them.
ONE, PAIR, GROUP, CROWD = 1, 2, 3, 0  # CROWD: rows of people, as many as the frame holds


class PeopleWord(NamedTuple):
    """A word for people: its role and how many it means by default."""

    role: str
    count: int


def _forms(role: str, singular: tuple[str, ...], plural: tuple[str, ...], group: int = GROUP) -> dict[str, PeopleWord]:
    return {**{word: PeopleWord(role, ONE) for word in singular}, **{word: PeopleWord(role, group) for word in plural}}


PEOPLE_WORDS: dict[str, PeopleWord] = {
    **_forms("person", ("person", "someone", "somebody", "figure", "stranger", "customer", "passenger", "passer by"),
             ("people", "figures", "customers", "passengers", "passers by", "diners", "guests", "wedding guests",
                                                 "partygoers", "party guests")),
    **_forms("man", ("man", "guy", "gentleman", "businessman", "husband", "father", "dad"), ("men", "guys")),
    **_forms("woman", ("woman", "lady", "businesswoman", "wife", "mother", "mom", "mum"), ("women", "ladies")),
    **_forms("girl", ("girl", "daughter"), ("girls",)),
    **_forms("boy", ("boy", "son"), ("boys",)),
    **_forms("child", ("child", "kid", "toddler"), ("children", "kids")),
    **_forms("teenager", ("teenager", "teen"), ("teenagers", "teens")),
    **_forms("old man", ("old man", "grandfather", "grandpa"), ("old men",)),
    **_forms("old woman", ("old woman", "grandmother", "grandma", "granny"), ("old women",)),
    **_forms("guard", ("guard", "security guard", "bouncer"), ("guards", "security guards")),
    **_forms("officer", ("officer", "police officer", "policeman", "policewoman", "cop", "agent", "sheriff"),
             ("officers", "police officers", "policemen", "cops", "agents", "police")),
    **_forms("soldier", ("soldier",), ("soldiers", "troops")),
    **_forms("nurse", ("nurse",), ("nurses",)),
    **_forms("doctor", ("doctor", "surgeon"), ("doctors", "surgeons")),
    **_forms("chef", ("chef",), ("chefs",)),
    **_forms("cook", ("cook",), ("cooks",)),
    **_forms("waiter", ("waiter",), ("waiters",)),
    **_forms("waitress", ("waitress",), ("waitresses",)),
    **_forms("bartender", ("bartender", "barman", "barmaid"), ("bartenders",)),
    **_forms("engineer", ("engineer", "technician", "operator"), ("engineers", "technicians", "operators", "crew")),
    **_forms("worker", ("worker", "labourer", "laborer", "builder"), ("workers", "labourers", "laborers", "builders")),
    **_forms("reporter", ("reporter", "journalist", "photographer"), ("reporters", "journalists", "photographers", "press")),
    **_forms("detective", ("detective", "inspector"), ("detectives",)),
    **_forms("suspect", ("suspect", "prisoner", "thief"), ("suspects", "prisoners", "thieves")),
    **_forms("teacher", ("teacher", "professor"), ("teachers",)),
    **_forms("student", ("student",), ("students", "classmates")),
    **_forms("pupil", ("pupil", "schoolchild", "schoolgirl", "schoolboy"), ("pupils", "schoolchildren", "schoolkids")),
    **_forms("coach", ("coach", "trainer", "instructor"), ("coaches", "trainers")),
    **_forms("porter", ("porter", "orderly"), ("porters", "orderlies")),
    **_forms("driver", ("driver",), ("drivers",)),
    **_forms("singer", ("singer", "musician", "band member"), ("singers", "musicians", "band")),
    **_forms("director", ("director",), ("directors",)),
    **_forms("boss", ("boss", "manager", "executive"), ("managers", "executives")),
    **_forms("ceo", ("ceo",), ()),
    **_forms("mayor", ("mayor",), ()),
    **_forms("robber", ("robber", "burglar", "gunman"), ("robbers", "burglars", "gunmen")),
    **_forms("friend", ("friend", "partner", "colleague", "coworker", "co worker"),
             ("friends", "colleagues", "coworkers", "co workers", "couple", "pair", "duo"), PAIR),
    **_forms("apprentice", ("apprentice",), ("apprentices",)),
    **_forms("assistant", ("assistant", "secretary"), ("assistants",)),
    **_forms("pilot", ("pilot", "captain"), ("pilots",)),
    **_forms("astronaut", ("astronaut",), ("astronauts",)),
    **_forms("clerk", ("clerk", "cashier", "receptionist"), ("clerks",)),
    **_forms("scientist", ("scientist",), ("scientists",)),
    **_forms("bride", ("bride",), ("brides",)),
    **_forms("groom", ("groom", "bridegroom"), ("grooms",)),
    **_forms("bridesmaid", ("bridesmaid", "maid of honour", "maid of honor"), ("bridesmaids",)),
    **_forms("man", ("best man",), ()),
    **_forms("guest", ("guest", "visitor", "tourist", "spectator"), ("visitors", "tourists")),
    **_forms("priest", ("priest", "vicar", "pastor", "minister", "monk", "nun"), ("priests", "monks", "nuns")),
    **_forms("judge", ("judge", "magistrate"), ("judges",)),
    **_forms("lawyer", ("lawyer", "attorney", "barrister", "prosecutor", "solicitor"), ("lawyers", "attorneys")),
    **_forms("editor", ("editor",), ("editors",)),
    **_forms("farmer", ("farmer", "farmhand", "shepherd", "rancher"), ("farmers", "farmhands")),
    **_forms("firefighter", ("firefighter", "fireman"), ("firefighters", "firemen")),
    **_forms("paramedic", ("paramedic",), ("paramedics",)),
    **_forms("athlete", ("athlete", "runner", "sprinter", "swimmer", "cyclist"), ("athletes", "runners", "swimmers",
                                                                                   "cyclists")),
    **_forms("player", ("player", "footballer", "goalkeeper"), ("players", "footballers", "teammates")),
    **_forms("dancer", ("dancer", "ballerina"), ("dancers",)),
    **_forms("skier", ("skier", "snowboarder"), ("skiers", "snowboarders")),
    **_forms("hiker", ("hiker", "climber", "camper"), ("hikers", "climbers", "campers")),
    **_forms("baby", ("baby", "newborn", "infant"), ("babies", "twins"), PAIR),
    **_forms("patient", ("patient",), ("patients",)),
    **_forms("sister", ("sister",), ("sisters",), PAIR),
    **_forms("brother", ("brother",), ("brothers",), PAIR),
    **_forms("uncle", ("uncle",), ("uncles",)),
    **_forms("aunt", ("aunt", "auntie"), ("aunts",)),
    **_forms("crowd", (), ("crowd", "crowds", "crowded", "packed", "mob", "masses", "audience", "fans", "supporters", "spectators",
                           "onlookers", "protesters", "protestors", "demonstrators", "rally"), CROWD),
    **_forms("protester", ("protester", "protestor"), ()),
    **_forms("person", (), ("group", "team", "family", "gang", "staff", "everyone"), GROUP),
}

# Phrases that use a people word for something else: they name nobody.
NOT_PEOPLE = (
    "police car", "police cars", "police station", "police tape", "police lights", "police siren", "security gate",
    "security camera", "security cameras", "guard rail", "guard house", "crowd noise", "team spirit", "family photo",
    "family photograph", "man made", "man hole", "manhole", "people mover", "staff room", "staff only", "crew cut",
    "band aid", "press conference", "press release", "fan club", "box office", "officer s badge", "doctor s office",
    "nurses station", "nurse station", "nurses stations", "nursing station", "coach trip", "coach station", "tour coach",
)

# Words for the film's own characters as a group, and how many they mean: ALL is every character of the film, LAST
# the people of the last shot that had two or more. They are read only in a film that has characters (else the people
# words above count strangers); the short ones ("the two", "both") only when no noun follows them ("the two boxes").
ALL, LAST = -1, -2
GROUP_WORDS: dict[str, int] = {
    **dict.fromkeys(("the two of them", "the two of us", "both of them", "the pair of them", "the two", "both", "the pair",
                     "the couple", "the newlyweds", "the happy couple", "the lovers"), 2),
    **dict.fromkeys(("the three of them", "the three of us", "all three of them", "all three", "the three", "the trio"), 3),
    **dict.fromkeys(("the four of them", "all four of them", "all four", "the four"), 4),
    **dict.fromkeys(("the five of them", "all five", "the five"), 5),
    **dict.fromkeys(("everyone", "everybody", "all of them", "the whole family", "the family", "the whole gang",
                     "the gang", "the whole group", "the group", "the friends", "the whole team", "the team",
                     "the whole crew", "the crew"), ALL),
    **dict.fromkeys(("they", "them"), LAST),
}
SHORT_GROUPS = frozenset({"the two", "the three", "the four", "the five", "both", "the pair", "the couple", "the family",
                          "the group", "the team", "the crew", "the gang", "they", "them"})
# A plural people word after "the" ("the kids", "the girls") in a film with such characters is them.
KIN_KINDS: dict[str, frozenset[str]] = {"child": frozenset({"girl", "boy"}), "girl": frozenset({"girl"}),
                                        "boy": frozenset({"boy"})}
