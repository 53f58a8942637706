"""A character's look: one for the whole film, read from ``look:`` or guessed, told apart from the others.

``look: "woman, 30s, short dark hair, red jacket"`` is read clause by clause
with the tables below (hair styles and tones, garments and clothing colours).
Who the character is (woman, man, girl or boy, and whether old) is
:func:`storyboard.people.who_is`'s answer, the same the voices follow: from the
look, the voice given, the name, the pronouns the descriptions use. Hair,
clothes and skin the look does not give come from a seed of the name, with
clothing tones that no other character of the film wears while the palette
lasts. Extend the tables to teach it new words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from storyboard import people
from storyboard.picture.cast.roles import ROLES, Role
from storyboard.picture.sketch import seed_of

Tone = tuple[int, int, int]


HAIR_STYLES: dict[str, str] = {
    "short": "short", "cropped": "short", "buzz": "short", "crew": "short", "spiky": "short", "slicked": "short",
    "long": "long", "flowing": "long", "shoulder": "bob", "bob": "bob",
    "bun": "bun", "updo": "bun", "ponytail": "ponytail", "braid": "ponytail", "braided": "ponytail",
    "pigtails": "pigtails", "plaits": "pigtails", "bunches": "pigtails",
    "curly": "curly", "curls": "curly", "afro": "curly", "wavy": "curly", "frizzy": "curly",
    "bald": "bald", "shaved": "bald", "balding": "bald",
    "cap": "cap", "hat": "cap", "beanie": "cap", "helmet": "cap",
}
HAIR_TONES: dict[str, Tone] = {
    "black": (46, 42, 40), "dark": (70, 56, 46), "brown": (116, 80, 52), "brunette": (116, 80, 52),
    "auburn": (140, 70, 42), "red": (176, 78, 40), "ginger": (188, 96, 44), "blond": (222, 190, 118),
    "blonde": (222, 190, 118), "fair": (222, 196, 140), "grey": (164, 164, 162), "gray": (164, 164, 162),
    "silver": (192, 194, 196), "white": (238, 236, 230), "pink": (236, 128, 178), "blue": (80, 120, 200),
    "purple": (130, 80, 170), "green": (80, 150, 100),
}
GARMENTS: dict[str, str] = {
    "jacket": "jacket", "blazer": "jacket", "bomber": "jacket", "leather": "jacket", "denim": "jacket",
    "suit": "suit", "tuxedo": "suit",
    "dress": "dress", "skirt": "dress", "gown": "dress",
    "hoodie": "hoodie", "sweatshirt": "hoodie", "tracksuit": "jacket", "windbreaker": "jacket", "anorak": "jacket",
    "apron": "apron",
    "coat": "coat", "trench": "coat", "raincoat": "coat", "overcoat": "coat", "parka": "coat", "cloak": "coat",
    "jumpsuit": "jumpsuit", "overalls": "jumpsuit", "coveralls": "jumpsuit", "spacesuit": "jumpsuit", "flight": "jumpsuit",
    "boiler": "jumpsuit", "wetsuit": "jumpsuit", "robe": "coat", "robes": "coat", "cassock": "coat", "habit": "coat",
    "shirt": "shirt", "t": "shirt", "tee": "shirt", "blouse": "shirt", "top": "shirt", "polo": "shirt", "kit": "shirt", "jersey": "shirt",
    "uniform": "uniform", "scrubs": "scrubs",
    "pyjamas": "pyjamas", "pajamas": "pyjamas", "nightgown": "pyjamas",
    "cardigan": "sweater", "sweater": "sweater", "jumper": "sweater", "pullover": "sweater", "vest": "sweater",
}
# Clothing marker tones by the names a look uses; the order is the palette guessed looks take in turn.
CLOTHES: dict[str, Tone] = {
    "red": (196, 64, 58), "blue": (70, 110, 180), "green": (86, 146, 90), "yellow": (232, 196, 70),
    "purple": (128, 88, 160), "orange": (224, 126, 52), "teal": (56, 146, 148), "pink": (222, 128, 160),
    "brown": (140, 98, 64), "navy": (46, 62, 110), "olive": (118, 124, 70), "maroon": (124, 46, 56),
    "azure": (140, 180, 222), "tan": (196, 164, 116), "charcoal": (72, 74, 80), "grey": (146, 146, 146),
    "gray": (146, 146, 146), "black": (52, 50, 52), "white": (240, 240, 236), "silver": (190, 194, 200),
    "cream": (236, 226, 200), "gold": (212, 172, 70), "beige": (214, 196, 160), "denim": (88, 116, 160),
    "striped": (170, 184, 210), "khaki": (180, 164, 116), "crimson": (168, 36, 52),
    "lilac": (186, 160, 212), "lavender": (186, 170, 220), "violet": (120, 70, 170), "mauve": (176, 128, 160),
    "turquoise": (64, 190, 190), "burgundy": (110, 30, 50), "scarlet": (214, 40, 40), "coral": (240, 128, 112),
    "mustard": (206, 168, 50), "ivory": (244, 240, 222), "magenta": (200, 50, 150), "emerald": (40, 150, 96),
    "tweed": (138, 120, 92),
}
PALETTE = ("red", "blue", "green", "yellow", "purple", "orange", "teal", "pink", "brown", "navy", "olive", "maroon", "azure", "tan")
SKIN: tuple[Tone, ...] = ((242, 216, 192), (230, 192, 160), (206, 156, 118), (160, 112, 80), (112, 78, 58))
FACIAL_HAIR: dict[str, str] = {"beard": "beard", "bearded": "beard", "goatee": "beard", "moustache": "moustache",
                               "mustache": "moustache", "stubble": "stubble", "unshaven": "stubble"}
LOOK_WEARS: dict[str, str] = {"glasses": "glasses", "spectacles": "glasses", "sunglasses": "glasses", "headset": "headset"}
SKIN_WORDS: dict[str, int] = {"pale": 0, "fair": 0, "light": 1, "olive": 2, "tan": 2, "tanned": 2, "brown": 3, "dark": 4, "black": 4}
# Guessed hair: styles by kind (old people lean grey), tones for the young.
GUESSED_STYLES: dict[str, tuple[str, ...]] = {
    "woman": ("long", "bun", "ponytail", "bob", "curly", "long"),
    "man": ("short", "short", "curly", "short", "bald"),
    "girl": ("pigtails", "ponytail", "long", "bob"),
    "boy": ("short", "short", "cap"),
}
GUESSED_TONES = ("black", "dark", "brown", "blond", "dark", "red", "brown", "black")
OLD_TONES = ("grey", "white", "silver")
GUESSED_GARMENTS: dict[str, tuple[str, ...]] = {
    "woman": ("jacket", "dress", "sweater", "coat", "shirt"),
    "man": ("jacket", "shirt", "suit", "hoodie", "sweater"),
    "girl": ("dress", "shirt", "hoodie"),
    "boy": ("shirt", "hoodie", "jacket"),
}


class Look(NamedTuple):
    """How one person is drawn in every panel of the film."""

    kind: str  # woman | man | girl | boy
    old: bool
    hair: str  # a value of HAIR_STYLES
    hair_tone: str  # a key of HAIR_TONES
    clothes: str  # a key of CLOTHES
    garment: str  # a value of GARMENTS
    skin: int  # index into SKIN
    facial: str = ""  # a value of FACIAL_HAIR, or none
    wears: tuple[str, ...] = ()  # things worn on the head in every shot (see cast.wear): glasses, a headset

    child = property(lambda self: self.kind in people.CHILDREN, doc="Whether this is a girl or a boy.")
    female = property(lambda self: self.kind in people.FEMALE, doc="Whether this is a woman or a girl.")

    def describe(self) -> str:
        """The look in words, as the report gives it: ``woman, old, grey bun, green coat``."""
        hair = "bald" if self.hair == "bald" else f"{self.hair_tone} hair ({self.hair})"
        parts = (self.kind, "old" if self.old else "", hair, self.facial, *self.wears, f"{self.clothes} {self.garment}")
        return ", ".join(part for part in parts if part)


class Known(NamedTuple):
    """How a look text (or a role) dresses someone; ``None`` where it says nothing."""

    hair: str | None = None
    hair_tone: str | None = None
    clothes: str | None = None
    garment: str | None = None
    skin: int | None = None
    facial: str | None = None
    wears: tuple[str, ...] | None = None

    def over(self, other: Known) -> Known:
        """These facts, with ``other``'s where these say nothing."""
        return Known(*(mine if mine is not None else theirs for mine, theirs in zip(self, other)))


def _read_clause(clause: list[str]) -> Known:
    """What one comma-separated clause of a look says of the hair, the skin, the clothes or what is worn."""
    facial = next((FACIAL_HAIR[w] for w in clause if w in FACIAL_HAIR), None)
    worn = tuple(dict.fromkeys(LOOK_WEARS[w] for w in clause if w in LOOK_WEARS)) or None
    if facial or worn:
        return Known(facial=facial, wears=worn)
    style = next((HAIR_STYLES[w] for w in clause if w in HAIR_STYLES), None)
    garment = next((GARMENTS[w] for w in clause if w in GARMENTS), None)
    if "hair" in clause or (style and garment is None):
        tone = next((w for w in clause if w in HAIR_TONES), None)
        return Known(hair=style, hair_tone="grey" if tone == "gray" else tone)
    if "skin" in clause or "skinned" in clause:
        return Known(skin=next((SKIN_WORDS[w] for w in clause if w in SKIN_WORDS), None))
    clothes = next((w for w in clause if w in CLOTHES), None) if garment else None
    return Known(clothes=clothes, garment=garment)


def read_look(text: str) -> Known:
    """What ``look:`` text says of the hair, skin and clothes, clause by clause (commas, ``and``, ``with``)."""
    known = Known()
    for clause in re.split(r",|;|\band\b|\bwith\b|\bin\b", text.lower()):
        known = known.over(_read_clause(people.words(clause)))
    return known


def read_seen(text: str) -> Known:
    """What a description says of how someone looks: only clothes ("in a grey suit") and hair."""
    known = Known()
    for clause in re.split(r",|;|\band\b|\bwith\b|\bin\b|\bwearing\b", text.lower()):
        said = people.words(clause)
        if "hair" in said or any(w in GARMENTS for w in said):
            known = known.over(_read_clause(said))
    return known


def _role_of(name: str) -> Role:
    """The role a name is (``Guard``, ``Nurse``, ``Detective Hale``), else an empty role."""
    lowered = people.words(name)
    whole = " ".join(lowered)
    if whole in ROLES:
        return ROLES[whole]
    return next((ROLES[w] for w in lowered if w in ROLES), Role())


def _from_role(role: Role) -> Known:
    return Known(hair=role.hair, clothes=role.clothes, garment=role.garment)


def dress_of(name: str, said: Known, worn: Iterable[str] = ()) -> Known:
    """How the look (``said``) and the role dress one character.

    A role's usual clothing tone gives way when another character's look has
    it (``worn``): a bartender is not dressed like the woman in black he serves.
    """
    role = _from_role(_role_of(name))
    if role.clothes in set(worn):
        role = role._replace(clothes=None)
    return said.over(role)


def _unlike(options: Sequence[str], seed: int, known: str | None, used: set[str]) -> str:
    """``known``, else the option at ``seed``'s place, moved on past the ones already ``used`` while any is free."""
    if known:
        return known
    start = seed % len(options)
    order = options[start:] + options[:start]
    return next((option for option in order if option not in used), order[0])


def complete(known: Known, who: people.Who, seed_name: str, taken: set[str],
             hairs: set[tuple[str, str]] | None = None) -> Look:
    """A whole look for ``who``: what is known, the rest picked from a seed of ``seed_name``.

    The clothes are unlike those in ``taken``; the hair (style, tone) is not one of ``hairs`` while another is free.
    """
    seed = seed_of("look", seed_name)
    kind, old = who.kind, who.old and not who.child
    hairs = hairs or set()
    styles = GUESSED_STYLES[kind]
    hair = _unlike(styles, seed >> 8, known.hair, {style for style, _ in hairs})
    if hair == "bald" and not (old or kind == "man"):
        hair = "short"
    tones = OLD_TONES if old else GUESSED_TONES
    hair_tone = _unlike(tones, seed >> 16, known.hair_tone, {tone for style, tone in hairs if style == hair})
    garments = GUESSED_GARMENTS[kind]
    garment = known.garment or garments[(seed >> 24) % len(garments)]
    clothes = known.clothes or _free_tone(seed >> 32, taken)
    skin = known.skin if known.skin is not None else (seed >> 40) % len(SKIN)
    facial = (known.facial or "") if kind == "man" else ""
    return Look(kind, old, hair, hair_tone, clothes, garment, skin, facial, known.wears or ())


def _free_tone(seed: int, taken: set[str]) -> str:
    """The palette tone most unlike every tone worn so far (ties: from ``seed``'s place in the palette on)."""
    start = seed % len(PALETTE)
    order = PALETTE[start:] + PALETTE[:start]
    worn = [CLOTHES[name] for name in taken if name in CLOTHES]
    if not worn:
        return order[0]

    def distance(name: str) -> float:
        return min(sum((a - b) ** 2 for a, b in zip(CLOTHES[name], tone)) for tone in worn)

    return max(order, key=distance)


def cast_looks(characters: Mapping[str, tuple[str | None, str]], descriptions: Sequence[str],
               seen: Mapping[str, str] | None = None) -> dict[str, Look]:
    """Every character's look, for the whole film: ``characters`` maps a name to its (look text, voice).

    Who each is comes from :func:`storyboard.people.who_is` (the look, the
    voice given, the name, the pronouns of ``descriptions``). ``seen`` holds,
    for a character with no look text, the words of the first description
    about them ("a man in his 40s in a grey suit"), read as a look.
    Characters whose look names clothes keep them; the others take, in the
    order given, the clothing tone most unlike those already worn, so that
    two characters are never dressed alike.
    """
    names = list(characters)
    seen = seen or {}
    said = {name: read_look(look) if look else read_seen(seen.get(name, "")) for name, (look, _) in characters.items()}
    worn = {known.clothes for known in said.values() if known.clothes}
    knowns = {name: dress_of(name, said[name], worn - {said[name].clothes}) for name in names}
    whos = {name: people.who_is(name, look, voice, people.pronoun_kind(name, descriptions, names), seen.get(name, ""))
            for name, (look, voice) in characters.items()}
    taken = {known.clothes for known in knowns.values() if known.clothes}
    hairs = {(known.hair, known.hair_tone) for known in knowns.values() if known.hair and known.hair_tone}
    looks: dict[str, Look] = {}
    for name in names:
        looks[name] = complete(knowns[name], whos[name], name, taken, hairs)
        taken.add(looks[name].clothes)
        hairs.add((looks[name].hair, looks[name].hair_tone))
    return looks


def extra_look(role: str, index: int, taken: set[str], seen: str = "") -> Look:
    """The look of an unnamed person of ``role`` (the ``index``-th in the shot): as the words about them say
    ("a man in a hoodie", "the chef shouts at his apprentice": a man), else dressed as the role."""
    seed_name = f"{role}#{index}"
    pronoun = next((people.PRONOUNS[w] for w in people.words(seen) if w in people.PRONOUNS), None)
    who = people.who_is(role, pronouns=pronoun, seen=seen, turn=index)
    return complete(read_seen(seen).over(_from_role(ROLES.get(role, Role()))), who, seed_name, taken)
