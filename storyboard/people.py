"""Who a character is: a woman, a man, a girl or a boy, and whether old. One table for the picture and the sound.

The panels draw a character as :func:`who_is` says, and the voices give an
unlisted speaker (or a listed one with no ``voice:``) a voice of the same
gender, so the woman drawn speaks with a woman's voice. Cheap to import: the
loader calls it for every film (no Pillow, no numpy).

The gender comes from, first to last:

1. the ``look:`` (``woman``, ``man``, ``girl``, ``boy``, ``lady``, ``guy``...);
2. the ``voice:`` when one is given (``female`` or a female engine variant
   such as ``+f3`` is a woman; any other voice a man);
3. the name: kin and role words (``Mom``, ``Grandpa``, ``Waitress``, ``Mr.``)
   and the common first names of :data:`WOMEN` and :data:`MEN`;
4. the pronouns the film's descriptions use for the character
   (:func:`pronoun_kind`);
5. else a fixed coin toss on the name (the same every run).

The age: ``old`` (``elderly``, ``grandma``... or an age of :data:`OLD_AGE` and
over) and child (``girl``, ``boy``, ``kid``... or an age under
:data:`CHILD_AGE`), from the look, then from what a description says of them,
then from the name. Extend the tables to teach it new words.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from typing import NamedTuple

OLD_AGE = 60  # an age of 60 and over is old ("60s", "70", "80 years old")
CHILD_AGE = 14  # an age under 14 is a girl or a boy ("8", "13 years old")
AUTO_VOICE = "auto"  # a voice not given: male or female as the character is
FEMALE, CHILDREN = frozenset({"woman", "girl"}), frozenset({"girl", "boy"})  # the kinds who are female, and children

# Words of a look (or a name) that say the gender, and whether a child.
GENDER_WORDS: dict[str, str] = {
    **dict.fromkeys("woman women lady female she mother gal".split(), "woman"),
    **dict.fromkeys("man men guy male gentleman he father bloke".split(), "man"),
    **dict.fromkeys("girl schoolgirl".split(), "girl"),
    **dict.fromkeys("boy schoolboy".split(), "boy"),
}
CHILD_WORDS = frozenset("girl boy kid child baby toddler teen teenager schoolgirl schoolboy".split())
OLD_WORDS = frozenset("old elderly aged senior retired grandmother grandfather grandma grandpa granny".split())
PRONOUNS: dict[str, str] = {**dict.fromkeys(("she", "her", "hers", "herself"), "woman"),
                            **dict.fromkeys(("he", "him", "his", "himself"), "man")}

# Kin, role and title words a name may be or hold ("Grandpa", "Waitress", "Mr. Brooks"): gender, child, old.
NAME_WORDS: dict[str, tuple[str, bool, bool]] = {
    **dict.fromkeys("woman lady mom mum mommy mummy mother ma aunt auntie wife queen princess waitress actress sister "
                    "nun mrs ms miss madam madame dame duchess policewoman businesswoman heroine bride girlfriend bridesmaid "
                    "ballerina"
                    .split(), ("woman", False, False)),
    **dict.fromkeys("grandma granny grandmother nana widow".split(), ("woman", False, True)),
    **dict.fromkeys("man guy dad daddy father pa uncle husband king prince waiter brother priest policeman gentleman mr "
                    "sir mister lord duke monk businessman hero groom boyfriend soldier robber bridegroom fireman "
                    "farmhand".split(),
                    ("man", False, False)),
    **dict.fromkeys("grandpa grandfather granddad grandad widower".split(), ("man", False, True)),
    **dict.fromkeys("girl daughter schoolgirl".split(), ("woman", True, False)),
    **dict.fromkeys("boy son schoolboy".split(), ("man", True, False)),
    **dict.fromkeys("kid child baby toddler teen teenager pupil schoolchild".split(), ("", True, False)),
    "old man": ("man", False, True), "old woman": ("woman", False, True),
}

WOMEN = frozenset("""
abby abigail ada adele agnes aisha alice alicia alison amanda amelia amy ana anna anne annie ava barbara beatrice
bella beth betty brenda bridget camila carla carmen carol caroline catherine charlotte chloe claire clara cleo
cynthia daisy dana daniela debbie diana donna dora dorothy elena eleanor elise eliza elizabeth ella ellen emily
emma erin esther eva eve evelyn fatima fiona frances freya gemma georgia grace hana hannah harriet hazel heather
helen hilda holly ida imogen ines irene iris isabel isabella ivy jackie jade jane janet jasmine jean jenna jennifer
jenny jess jessica jill joan joanna josephine joy judith judy julia julie june karen kate katie kayla kim laura
layla leah lena lily linda lisa liz lola lorna lucia lucy luna lydia mabel maggie mai maria marie marion martha
mary maya meg megan mei mia michelle mila mina miriam molly mona nadia nancy naomi natalie nina nora olga olivia
paula pearl penny petra phoebe pia polly priya rachel rebecca rita rosa rose ruby ruth sadie sally samantha sara
sarah sasha sofia sophia sophie stella sue susan suzy tara tessa tina vera veronica victoria violet wendy yara
yasmin yuki zara zoe zoey
""".split())
MEN = frozenset("""
aaron adam ahmed alan albert alex alfred ali andre andrew andy anton arthur ben benjamin bill bob brad brian bruce
carl carlos charles charlie chris colin dan daniel dave david dean dennis derek diego dmitri doug ed eddie edward
eli elias eric ethan felix finn frank fred gabriel gary george greg hank harry henry hugo ian isaac ivan jack
jacob jake james jamal jason jay jeff jim jimmy joe joel john jonah jorge jose joseph josh juan kai karl keith
ken kevin kyle larry leo leon liam louis luca lucas luis luke malik marco marcus mark martin matt max michael
miguel mike mohammed nate nathan neil nick noah oliver omar oscar owen pablo patrick paul pedro pete peter phil
rafael raj ray richard rick rob robert roger ryan sam samuel scott sean simon stan steve steven ted theo thomas
tim toby tom tony victor vincent walter wes will william yusuf zack
""".split())

AGE = re.compile(r"\b(\d{1,3})(?:s\b|\s*(?:years?|yrs?|yo)\b|(?=\s*(?:[,;.)]|$|and\b|with\b)))")


class Who(NamedTuple):
    """Who a character is: ``kind`` is woman, man, girl or boy."""

    kind: str
    old: bool

    @property
    def female(self) -> bool:
        """A woman or a girl."""
        return self.kind in FEMALE

    @property
    def child(self) -> bool:
        """A girl or a boy."""
        return self.kind in CHILDREN

    @property
    def voice(self) -> str:
        """The voice that goes with them: ``female`` or ``male``."""
        return "female" if self.female else "male"


class Facts(NamedTuple):
    """What some words say about a person; None where they say nothing."""

    gender: str | None = None  # woman | man
    child: bool | None = None
    old: bool | None = None

    def over(self, other: Facts) -> Facts:
        """These facts, with ``other``'s where these say nothing."""
        return Facts(*(mine if mine is not None else theirs for mine, theirs in zip(self, other)))


def words(text: str) -> list[str]:
    """The lowercase words and numbers of ``text``."""
    return re.findall(r"[a-z]+|[0-9]+", text.lower())


def ages(text: str) -> list[int]:
    """The ages ``text`` states: ``30s``, ``8``, ``70 years old`` (not ``2 pockets``)."""
    return [int(found) for found in AGE.findall(text.lower()) if int(found) < 130]


def look_facts(text: str) -> Facts:
    """What a look (or a description of someone) says: the gender words, an age, the words for old and young."""
    said = words(re.sub(r"\b(years?|yrs?)[\s-]+old\b", r"\1", text.lower()))  # "8 years old" is an age, not old
    kind = next((GENDER_WORDS[w] for w in said if w in GENDER_WORDS), None)
    stated = ages(text)
    young = bool(CHILD_WORDS & set(said)) or any(age < CHILD_AGE for age in stated)
    aged = bool(OLD_WORDS & set(said)) or any(age >= OLD_AGE for age in stated)
    known = bool(stated) or kind is not None  # an age or a kind word: what it does not say is not so
    gender = {"girl": "woman", "boy": "man"}.get(kind or "", kind)
    return Facts(gender, young if young or known else None, aged if aged or stated else None)


def name_facts(name: str) -> Facts:
    """What a name tells: a kin, role or title word (``Grandpa``, ``Mrs. Dale``), or a first name of the tables."""
    said = words(name)
    for word in [" ".join(said), *said]:
        if word in NAME_WORDS:
            gender, child, old = NAME_WORDS[word]
            return Facts(gender or None, child, old)
        if word in WOMEN:
            return Facts("woman")
        if word in MEN:
            return Facts("man")
    return Facts()


def voice_gender(voice: str | None) -> str | None:
    """``woman`` for ``female`` or an engine voice with a female variant (``+f3``), ``man`` for any other voice, and
    None when no voice is given (``auto``)."""
    if voice is None or voice == AUTO_VOICE:
        return None
    variant = voice.partition("+")[2].strip().lower()
    female = voice.strip().lower() == "female" or (variant.startswith("f") and not variant.startswith("fl"))
    return "woman" if female else "man"


def mentions(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` (as written, or by the last word of a longer name)."""
    parts = [name, name.split()[-1]] if " " in name else [name]
    return any(re.search(rf"(?<![\w]){re.escape(part)}(?![\w])", text) for part in parts)


def pronoun_kind(name: str, descriptions: Iterable[str], others: Sequence[str]) -> str | None:
    """The gender the pronouns say: counted in sentences that name only this character (of ``others``), and in those
    after them that name nobody; None when they do not lean either way."""
    counts = {"woman": 0, "man": 0}
    for description in descriptions:
        current = False  # whether the sentences run on about this character
        for sentence in re.split(r"[.!?]", description):
            named = [other for other in others if mentions(sentence, other)]
            if named:
                current = named == [name]
            if current:
                for word in words(sentence):
                    if word in PRONOUNS:
                        counts[PRONOUNS[word]] += 1
    if counts["woman"] == counts["man"]:
        return None
    return max(counts, key=counts.__getitem__)


def coin(name: str, turn: int = 0) -> str:
    """A gender for a name nothing tells: a fixed coin toss (the same in every run), turned over on odd ``turn`` s
    (so that three engineers are not all women)."""
    return "woman" if (zlib.crc32(name.encode("utf-8")) + turn) % 2 else "man"


def who_is(name: str, look: str | None = None, voice: str | None = None, pronouns: str | None = None,
           seen: str = "", turn: int = 0) -> Who:
    """Who the character ``name`` is (see the module's docstring for the order of the clues).

    ``voice`` is the voice the shot list gives (None or ``auto``: none),
    ``pronouns`` the gender :func:`pronoun_kind` found, ``seen`` the words of a
    description about them ("a man in his 70s"), read for an age it states;
    ``turn`` turns the coin over (the second of two unnamed engineers).
    """
    said = look_facts(look or "")
    stated = ages(seen)  # a description's own words are not a look ("the old office"): only an age it states
    seen_age = Facts(None, any(age < CHILD_AGE for age in stated), any(age >= OLD_AGE for age in stated)) if stated \
        else Facts()
    by_name = name_facts(name)
    facts = said.over(Facts(voice_gender(voice))).over(seen_age).over(by_name).over(Facts(pronouns))
    gender = facts.gender or coin(name, turn)
    if facts.child:
        return Who("girl" if gender == "woman" else "boy", False)
    return Who(gender, bool(facts.old))
