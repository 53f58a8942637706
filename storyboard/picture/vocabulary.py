"""Finding the names of things in a description: phrases before words, nouns not verbs.

A :class:`Vocabulary` is built from a table ``name -> keywords``; each keyword
is a word or a phrase, written as a user would ("mission control", "pad #",
"driver's seat"). ``#`` in a keyword stands for any number ("pad 39").
Matching is by whole words, longest phrase first, so "coffee table" finds the
table and not the coffee, and the words a longer phrase used are not matched
again (where two phrases overlap, the longer wins: "his glass of wine"). A
name mapped to ``None`` swallows its phrases and finds nothing
("phone voice" is a voice, not a phone).

A few nouns are also common verbs ("she parks the car", "he books a table",
"they plant the bomb"). For those listed in :data:`VERB_LIKE`, a use after a
subject pronoun or "to", or before an object ("the", "her", "it"...), is taken
as the verb unless an article or a possessive comes first ("the park").

Two names side by side make a compound whose last one is the thing: "paper
bag" is a bag, "car keys" are keys, "hospital corridor" is a corridor; but a
keyword that is a verb (an action: "explodes") takes the thing before it as its
subject ("the starship explodes" is the starship and an explosion).
"""

from __future__ import annotations

import re
from itertools import accumulate
from collections.abc import Hashable, Iterable, Mapping
from typing import Generic, NamedTuple, TypeVar

NUMBER = "#"  # in a keyword: any number
STOPS = ',.;:!?()[]"\u2013\u2014'  # punctuation no phrase or compound runs across
VERB_LIKE = frozenset({
    "park", "parks", "book", "books", "watch", "watches", "plant", "plants", "file", "files", "stage", "stages",
    "bar", "bars", "table", "tables", "mug", "mugs", "cup", "cups", "monitor", "monitors", "store", "stores",
    "shop", "shops", "train", "trains", "court", "courts", "map", "maps", "ticket", "tickets", "clock", "clocks",
    "key", "keys", "bench", "benches", "box", "boxes", "bag", "bags", "pen", "pens", "screen", "screens",
    "ship", "ships", "bottle", "bottles", "paper", "papers", "glass", "ladder", "lamp", "cake", "plate", "plates",
    "tape", "frame", "frames", "land", "lands", "floor", "floors", "dock", "docks", "ward", "wards", "fire", "fires", "packed",
    "duck", "ducks", "bowl", "bowls", "skis", "dog", "dogs", "pot",
})
NOUN_OPENERS = frozenset({
    "a", "an", "the", "his", "her", "my", "your", "our", "their", "its", "this", "that", "these", "those", "some",
    "any", "every", "each", "no", "one", "two", "three", "four", "five", "several", "many", "few", "s", "of",
    "old", "new", "big", "small", "little", "large", "empty", "open", "closed", "red", "black", "white", "blue",
})
VERB_OPENERS = frozenset({
    "to", "i", "you", "he", "she", "it", "we", "they", "who", "will", "would", "can", "could", "must", "should",
    "may", "might", "ll", "then", "quickly", "slowly", "carefully", "finally", "also", "just",
})
OBJECT_STARTERS = frozenset({
    "a", "an", "the", "his", "her", "my", "your", "our", "their", "its", "this", "that", "these", "those",
    "him", "them", "it", "me", "us", "some", "up", "out", "off", "down", "away", "into", "through",
})


def tokens(text: str) -> tuple[str, ...]:
    """The lowercase words, numbers and stops of ``text`` ("Maya's" gives "maya", "s"; a comma stays a comma).

    Stops (commas, full stops, brackets, dashes) are kept so that a phrase or a
    compound never runs across them: "a box, phones" names a box and phones.
    """
    return tuple(re.findall(r"[a-z]+|[0-9]+|[" + re.escape(STOPS) + "]", text.lower()))


Name = TypeVar("Name", bound=Hashable)


class Hit(NamedTuple):
    """One keyword found: the name it stands for, where it starts and how many words it took.

    ``start`` counts words and numbers only, not stops, so it indexes
    ``re.findall(r"[a-z]+|[0-9]+", text.lower())``.
    """

    name: Hashable
    start: int
    length: int


def _fits(phrase: tuple[str, ...], words: tuple[str, ...], at: int) -> bool:
    """Whether ``phrase`` is the words of ``words`` from ``at`` on (``#`` taking any number)."""
    if at + len(phrase) > len(words):
        return False
    return all(w == p or (p == NUMBER and w.isdigit()) for p, w in zip(phrase, words[at:]))


def _is_verb(words: tuple[str, ...], at: int) -> bool:
    """Whether the one word at ``at`` is used as a verb (see the module's docstring)."""
    if words[at] not in VERB_LIKE:
        return False
    before = words[at - 1] if at > 0 else ""
    after = words[at + 1] if at + 1 < len(words) else ""
    if before in NOUN_OPENERS:
        return False
    return before in VERB_OPENERS or after in OBJECT_STARTERS


class Vocabulary(Generic[Name]):
    """The keywords of a table of names, ready to be found in descriptions."""

    def __init__(self, table: Mapping[Name | None, Iterable[str]], actions: Iterable[str] = (),
                 compounds: bool = True) -> None:
        """``actions``: keywords that are verbs ("explodes"): what stands before one is its subject, not a compound's
        first half ("the starship explodes" names the starship and the explosion). Without ``compounds`` every
        keyword counts, side by side or not (qualities: "a rainy night" is rain and night)."""
        self._compounds = compounds
        self._actions = frozenset(tuple(re.findall(r"[a-z]+", action.lower())) for action in actions)
        self._phrases: dict[str, list[tuple[tuple[str, ...], Name | None]]] = {}
        for name, keywords in table.items():
            for keyword in keywords:
                phrase = tuple(re.findall(r"#|[a-z]+|[0-9]+", keyword.lower()))
                self._phrases.setdefault(phrase[0], []).append((phrase, name))
        self._numbered = list(self._phrases.get(NUMBER, []))

    def _longest_at(self, words: tuple[str, ...], at: int) -> tuple[tuple[str, ...], Name | None] | None:
        """The longest keyword starting at word ``at``, if any."""
        candidates = self._phrases.get(words[at], []) + (self._numbered if words[at].isdigit() else [])
        fitting = [c for c in candidates if _fits(c[0], words, at)]
        return max(fitting, key=lambda c: len(c[0]), default=None)

    def hits(self, text: str) -> list[Hit]:
        """Every keyword in ``text``, left to right; where phrases overlap the longest wins; verbs, swallowed
        phrases and the first half of a compound left out."""
        words = tokens(text)
        candidates = [(at, match) for at in range(len(words)) if (match := self._longest_at(words, at)) is not None]
        taken = [False] * len(words)
        chosen: list[tuple[int, tuple[str, ...], Name | None]] = []
        for at, (phrase, name) in sorted(candidates, key=lambda c: (-len(c[1][0]), c[0])):
            if not any(taken[at:at + len(phrase)]):
                taken[at:at + len(phrase)] = [True] * len(phrase)
                chosen.append((at, phrase, name))
        kept = [(at, phrase, name) for at, phrase, name in sorted(chosen, key=lambda c: c[0])
                if name is not None and not (len(phrase) == 1 and _is_verb(words, at))]
        found = [Hit(name, at, len(phrase)) for at, phrase, name in kept]
        acting = [phrase in self._actions for _, phrase, _ in kept]
        heads = [hit for hit, after, act in zip(found, [*found[1:], None], [*acting[1:], False])
                 if not self._compounds or after is None or after.start != hit.start + hit.length or act]
        position = list(accumulate((word.isalnum() for word in words), initial=0))  # words before each token
        return [hit._replace(start=position[hit.start]) for hit in heads]

    def names(self, text: str) -> tuple[Name, ...]:
        """The names ``text`` mentions, in the order first mentioned, without repeats."""
        return tuple(dict.fromkeys(hit.name for hit in self.hits(text)))  # type: ignore[misc]
