"""Reading a description for the picture: words, clauses, counts and voices heard through something.

Everything here is a table or a small function over a description's words;
nothing reads the wording beyond these tables, so two wordings that mean the
same picture stage the same panel.
"""

from __future__ import annotations

import re

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "lone": 1, "single": 1, "two": 2, "both": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "several": 4, "few": 3, "some": 3, "many": 6, "dozens": 0, "hundreds": 0, "thousands": 0,
}
# "a group of friends": how many people a collective word counts (0: a crowd) when "of" follows it.
COLLECTIVES: dict[str, int] = {
    "group": 4, "team": 4, "family": 4, "handful": 3, "bunch": 4, "couple": 2, "pair": 2, "crowd": 0, "crowds": 0,
    "rows": 0, "row": 4, "line": 4, "circle": 4, "classroom": 5, "class": 5, "gang": 4, "squad": 4, "band": 4,
    "dozen": 6, "room": 0, "sea": 0, "mob": 0, "army": 0, "trio": 3, "duo": 2,
}
# A voice heard through one of these is not drawn, unless the description names the speaker.
VOICE_DEVICES = frozenset({"radio", "radios", "intercom", "speaker", "speakers", "loudspeaker", "tannoy", "walkie",
                           "headset", "earpiece", "phone", "voicemail", "answering", "television", "tv", "pa"})
# Speakers whose name says they are a voice, not a person in the picture.
VOICE_NAMES = frozenset({"voice", "narrator", "announcer", "radio", "intercom", "computer", "ai", "system", "station",
                         "dispatch", "dispatcher", "tannoy", "pa", "loudspeaker", "robot", "assistant", "control",
                         "tower", "hq", "operator", "gps", "siri", "alexa"})
OFF_MARKS = re.compile(r"\((?:v\.?\s*o\.?|o\.?\s*s\.?|o\.?\s*c\.?|off|voice|phone|radio|pre-?lap)\)|\b(?:v\.o\.|o\.s\.|o\.c\.)",
                       re.IGNORECASE)
OTS_WORDS = ("over the shoulder", "over-the-shoulder", "ots", "over his shoulder", "over her shoulder")
HAND_WORDS = frozenset({"hand", "hands", "finger", "fingers", "fist", "wrist", "palm", "typing", "types", "grip",
                        "grips", "thumb", "thumbs"})
HOLD_WORDS = frozenset({"holds", "holding", "hold", "carries", "carrying", "carry", "grips", "gripping", "clutches",
                        "clutching", "shows", "showing", "raises", "raising", "lifts", "lifting", "waves", "waving",
                        "brandishes", "wielding", "wields", "hands", "handing", "offers", "offering", "drinks", "drinking",
                        "sips", "sipping", "swigs"})
# A crowd these words describe faces the cast, in front of them: an audience.
AUDIENCE_WORDS = frozenset({"audience", "spectators", "onlookers", "fans", "reporters", "press", "journalists", "below",
                            "watch", "watching", "faces", "facing", "listen", "listening", "stage", "podium"})
TIME_WORDS = frozenset({"night", "midnight", "dawn", "sunrise", "dusk", "sunset", "evening", "day", "daytime", "morning",
                        "noon", "afternoon", "daylight", "sunny", "moonlight", "nighttime", "tonight"})
# Surfaces a description names, which its signs go on first ("a billboard", "her T-shirt").
SURFACE_WORDS: dict[str, str] = {
    "billboard": "billboard", "billboards": "billboard", "hoarding": "billboard",
    "shirt": "shirt", "tee": "shirt", "hoodie": "shirt", "jersey": "shirt",
    "wall": "wall", "walls": "wall", "door": "door", "doors": "door", "window": "window", "windows": "window",
    "facade": "facade", "building": "facade", "storefront": "facade", "shopfront": "facade", "entrance": "facade",
    "screen": "screen", "monitor": "screen", "laptop": "screen", "tablet": "screen", "tv": "screen",
    "phone": "phone-screen", "smartphone": "phone-screen",
    "desk": "desk", "counter": "counter", "table": "table", "badge": "badge", "lanyard": "badge",
    "board": "board", "whiteboard": "board", "chalkboard": "board", "blackboard": "board", "menu": "board",
    "sign": "sign", "signpost": "sign", "post": "sign", "car": "vehicle-side", "van": "vehicle-side",
    "truck": "vehicle-side", "bus": "vehicle-side", "fence": "fence",
}
DOF_WORDS = ("depth of field", "blurred", "blurry", "bokeh", "out of focus", "soft focus", "defocused")


def words(text: str) -> list[str]:
    """The lowercase words and numbers of ``text`` (``Maya's`` gives ``maya``, ``s``)."""
    return re.findall(r"[a-z]+|[0-9]+", text.lower())


ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "vs", "no", "capt", "lt", "sgt", "det"})


def sentence_numbers(text: str) -> list[int]:
    """For each of :func:`words`'s words, the number of the sentence it is in ("Mr. Alvarez" is one sentence)."""
    numbers: list[int] = []
    sentence = 0
    previous = ""
    for token in re.findall(r"[a-z]+|[0-9]+|[.!?]", text.lower()):
        if token in ".!?":
            if previous and previous not in ABBREVIATIONS and previous not in ".!?":
                sentence += 1
        else:
            numbers.append(sentence)
        previous = token
    return numbers


def count_before(description_words: list[str], at: int) -> int | None:
    """How many word ``at`` counts: "two guards", "two tired guards", "a group of friends" (0: a crowd), else None."""
    before = description_words[max(0, at - 2):at][::-1]
    if len(before) == 2 and before[0] == "of" and before[1] in COLLECTIVES:
        return COLLECTIVES[before[1]]
    for word in before:
        if word in NUMBERS:
            return NUMBERS[word]
        if word.isdigit():
            return int(word)
    return None


def collects(description_words: list[str], at: int, length: int) -> bool:
    """Whether the collective word at ``at`` counts the people named after it ("a crowd of reporters")."""
    return description_words[at] in COLLECTIVES and description_words[at + length:at + length + 1] == ["of"]


def is_off_name(name: str) -> bool:
    """Whether a speaker's name marks them as heard, not seen (``(V.O.)``, ``(O.S.)``...)."""
    return bool(OFF_MARKS.search(name))


def is_voice_name(name: str) -> bool:
    """Whether a speaker's name says they are a voice (``AI Voice``, ``Narrator``, ``Station``)."""
    return bool(VOICE_NAMES & set(words(name)))


def wants_depth_of_field(description: str) -> bool:
    """Whether the description asks for a blurred background."""
    lowered = description.lower()
    return any(phrase in lowered for phrase in DOF_WORDS)


def named_surfaces(description: str) -> tuple[str, ...]:
    """The surface kinds the description names, in order."""
    return tuple(dict.fromkeys(SURFACE_WORDS[w] for w in words(description) if w in SURFACE_WORDS))


def names_time(description: str) -> bool:
    """Whether the description says what time or light it is (else the previous shot's holds)."""
    return bool(TIME_WORDS & set(words(description)))
