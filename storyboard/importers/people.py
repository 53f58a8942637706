"""Who is who in a prompt: the people it names, what the pronouns stand for, who speaks.

A :class:`Cast` reads the prose sentence by sentence, in order. It remembers
every person named (by a person noun such as "the cook", a proper name such as
"Dr. Okafor", or a name label such as ``Reyes:``) and, for a pronoun, finds the
last person of that gender. A speech verb's speaker is the subject of its
clause: the first noun phrase of the clause, with appositives and verb phrases
("turns to the guard and says") skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyboard.importers import vocabulary as words
from storyboard.importers.text import title_case, word_pattern

# Where a clause starts inside a sentence: punctuation or a joining word.
CLAUSE_BREAK_RE = re.compile(r"[,;:()\[\]—–]|\s-\s|\b(?:and|but|while|as|then|so|when|where|after|before)\b", re.I)
TOKEN_RE = re.compile(r"(?:Dr|Mr|Mrs|Ms|St|Prof)\.|[\w][\w'’.-]*\w|[\w]")
TITLES = frozenset("dr dr. mr mr. mrs mrs. ms ms. captain officer coach detective agent professor prof sergeant "
                   "sgt chef doctor uncle aunt grandpa grandma sister brother father mother king queen lord lady "
                   "operator engineer".split())
# Words ending in -s that are nouns, not verbs ("the boss says").
S_NOUNS = frozenset("boss news glasses bus class dress actress waitress princess hostess mistress address "
                    "campus witness business chorus goddess".split())
# Words before a capitalised place or brand, not a person ("in Tokyo", "for Instagram").
PLACE_WORDS = frozenset("in into through from to at near for across toward towards outside inside via".split())
AGENT_RE = re.compile(r"(?:er|or|ist|ian|ant|ent|ic|ess)$")
SUBJECT_PRONOUNS = frozenset("he she they i we".split())
RELATIVE = frozenset("which that who whose whom".split())
NOT_SUBJECT_STARTS = frozenset("in on at by with from of into onto over under behind beside near without after "
                               "before during through across inside outside around toward towards to for above "
                               "below beneath along against beyond next like "
                               "stunned smiling".split())
OFF_SCREEN_RE = word_pattern(words.OFF_SCREEN_WORDS)


@dataclass
class Person:
    """A person of the scene: the name lines use, and the gender the prose gives it."""

    name: str
    gender: str = ""  # "male", "female" or "" (unknown)
    how: str = ""  # where the gender comes from (for the "# guessed" comment)
    keys: set[str] = field(default_factory=set)


@dataclass
class Speaker:
    """Who a clause's subject names, and a note when it had to be guessed."""

    name: str
    note: str = ""


class Cast:
    """The people of one scene, in the order the prose names them."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.by_key: dict[str, Person] = {}
        self.recent: list[Person] = []  # most recently mentioned last

    # --- naming ------------------------------------------------------------------------------

    def person(self, name: str, gender: str = "", how: str = "") -> Person:
        """The person called ``name`` (one person whatever the letter case), noted as just mentioned."""
        key = name.casefold()
        person = self.by_key.get(key) or self.by_key.get(_head(key))
        if person is None:
            person = Person(name, keys={key, _head(key)})
            self.people.append(person)
            self.by_key.update(dict.fromkeys(person.keys, person))
        if gender and not person.gender:
            person.gender, person.how = gender, how
        self._touch(person)
        return person

    def _touch(self, person: Person) -> None:
        if self.recent and self.recent[-1] is person:
            return
        if person in self.recent:
            self.recent.remove(person)
        self.recent.append(person)
        del self.recent[:-12]

    def label(self, label: str) -> Speaker:
        """The speaker of a ``Name:`` label (``DETECTIVE``, ``Mom (on the phone)``)."""
        name = title_case(label.strip())
        person = self.person(name, _gender_of_words(name.lower().split()), "the name")
        person.name = name  # a script's cue names its speaker: "KIM" after "OPERATOR KIM (40s)" is Kim
        self.by_key[name.casefold()] = person
        return Speaker(name)

    def observe(self, masked: str) -> None:
        """Note the people a sentence (quotes masked) names, in order.

        "The attendant checks her watch": a possessive with no other person
        between gives the last person named its gender.
        """
        tokens = TOKEN_RE.findall(masked)
        last: Person | None = None
        for index, token in enumerate(tokens):
            lower = token.lower().removesuffix("'s").removesuffix("’s")
            if (lower in words.PERSON_NOUNS or _agent_noun(tokens, index)) and lower not in words.PRONOUNS \
                    and "-" not in token:
                phrase = _phrase_ending_at(tokens, index)
                speaker = self._noun_phrase(phrase) if phrase else None
                last = self.by_key.get(speaker.name.casefold()) if speaker else last
            elif lower in ("his", "her") and last is not None and not last.gender:
                last.gender, last.how = words.PRONOUNS[lower], f"'{lower}' in the prose"
            elif lower in words.PRONOUNS and words.PRONOUNS[lower] != "any" and lower not in ("his", "her"):
                self.resolve(lower)
            elif index and _is_name_mention(tokens, index):
                last = self.person(token)

    # --- subjects ----------------------------------------------------------------------------

    def subject(self, clause: str) -> Speaker | None:
        """The speaker named by the subject of ``clause`` (the text before its verb), or None."""
        return self.speaker_of(subject_phrase(clause))

    def person_subject(self, clause: str) -> Speaker | None:
        """The person ``clause``'s subject is, when it is one (a pronoun, a person noun, someone named before)."""
        phrase = subject_phrase(clause)
        if not phrase:
            return None
        lower = {token.lower().removesuffix("'s") for token in phrase}
        known = {key for person in self.people for key in person.keys}
        if lower & set(words.PRONOUNS) or lower & words.PERSON_NOUNS or " ".join(phrase).casefold() in known:
            return self.speaker_of(phrase)
        return None

    def speaker_after(self, text: str) -> Speaker | None:
        """The speaker of a quote followed by ``text`` (``, the sergeant mutters.`` / ``, says Ana``)."""
        tokens = TOKEN_RE.findall(text)[:8]
        verb = next((index for index, token in enumerate(tokens) if is_speech_verb(token)), None)
        if verb is None:
            return None
        before, after = tokens[:verb], tokens[verb + 1 :]
        if before and _starts_subject(before) and len(before) <= 5:
            return self.speaker_of(before)
        if not before and after and _starts_subject(after):
            return self.speaker_of(_leading_phrase(after))
        return None

    def speaker_of(self, phrase: list[str], rest: str = "") -> Speaker | None:
        """The speaker a noun phrase names (resolving a pronoun), or None when it names nobody.

        ``rest`` is the clause after the phrase: a pronoun never stands for a
        person named there ("she turns to the guard": she is not the guard).
        """
        if not phrase:
            return None
        first = phrase[0].lower()
        if first in words.PRONOUNS and len(phrase) == 1:
            tokens = [word.lower().removesuffix("'s") for word in TOKEN_RE.findall(rest)]
            cut = len(tokens) - tokens[::-1].index(first) if first in tokens else 0
            self.observe(" ".join(tokens[: max(cut - 1, 0)]))  # people named earlier in the same sentence
            others = set(tokens[cut:])
            return self.resolve(first, speaking=True, exclude=others)
        return self._noun_phrase(phrase)

    def _noun_phrase(self, phrase: list[str]) -> Speaker | None:
        gender = words.DETERMINERS.get(phrase[0].lower(), "")
        proper = _proper_name(phrase)
        if proper:
            return Speaker(self.person(proper, gender or _gender_of_words([w.lower() for w in phrase]),
                                       "the name").name)
        gender = gender or _gender_of_words([token.lower() for token in phrase])
        content = [token for token in phrase if token.lower() not in words.DETERMINERS
                   and token.lower() not in words.DESCRIBING_WORDS and not token.lower().endswith("ly")]
        owner = [token for token in content if token.lower().endswith(("'s", "’s"))]
        content = [token.removesuffix("'s").removesuffix("’s") for token in content]
        if not content:
            return None
        head = content[-1]
        if head.lower() == "voice" and owner:  # "the driver's voice"
            head = owner[-1].removesuffix("'s").removesuffix("’s")
            content = [head]
        if head.lower() in words.NOT_NAMES:
            return None
        pair = " ".join(content[-2:]).lower()
        name = title_case(pair if pair in words.COMPOUND_ROLES else head)
        gender = gender or _gender_of_words([name.lower()])
        return Speaker(self.person(name, gender, "the noun" if gender else "").name)

    def resolve(self, pronoun: str, speaking: bool = False, exclude: frozenset[str] | set[str] = frozenset()) -> Speaker:
        """The person ``pronoun`` stands for: the last one of its gender (or of unknown gender).

        People with a name word in ``exclude`` are skipped; ``speaking``: a
        fallback speaker (Man, Woman) joins the cast.
        """
        gender = words.PRONOUNS.get(pronoun, "any")
        recent = [person for person in self.recent if not person.keys & exclude]
        matching = [person for person in recent if gender == "any" and person.gender != "group"
                    or person.gender == gender]
        unknown = [person for person in recent if not person.gender]
        person = (matching or unknown or [None])[-1]
        if person is not None:
            if gender != "any" and not person.gender:
                person.gender, person.how = gender, f"'{pronoun}' in the prose"
            self._touch(person)
            return Speaker(person.name)
        fallback = {"male": "Man", "female": "Woman"}.get(gender, "Voice")
        if speaking:
            self.person(fallback, gender if gender != "any" else "", "the pronoun")
        return Speaker(fallback, f"guessed: '{pronoun}' names nobody earlier")

    def off_screen(self, name: str, context: str) -> bool:
        """True when a line of ``name`` said in ``context`` is heard and not seen."""
        return name.casefold() in words.OFF_SCREEN_NAMES or bool(OFF_SCREEN_RE.search(context))


SPEECH_VERB_RE = re.compile(rf"(?:{'|'.join(words.SPEECH_VERBS)})", re.IGNORECASE)


def is_speech_verb(token: str) -> bool:
    """True for a speech verb, or one misspelt by a letter ("sayss", "whipsers")."""
    lower = token.lower()
    return bool(SPEECH_VERB_RE.fullmatch(lower)) or len(lower) >= 5 and any(
        _one_edit_apart(lower, verb) for verb in words.SPEECH_VERB_FORMS)


def _one_edit_apart(word: str, other: str) -> bool:
    """True when one letter added, dropped, changed or two neighbours swapped turn ``word`` into ``other``."""
    if word == other or abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        diff = [index for index, (a, b) in enumerate(zip(word, other)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == other[diff[1]] and word[diff[1]] == other[diff[0]])
    short, long = sorted((word, other), key=len)
    index = next((i for i, (a, b) in enumerate(zip(short, long)) if a != b), len(short))
    return short[index:] == long[index + 1 :]


def subject_phrase(clause: str) -> list[str]:
    """The subject of ``clause`` (the text before a verb, quotes masked) as tokens; [] when none.

    The subject is the first noun phrase of the last clause that has one;
    appositives after it are skipped ("The head chef, a tall man, shouts").
    """
    chunks = CLAUSE_BREAK_RE.split(clause)
    last = TOKEN_RE.findall(chunks[-1])
    if len(last) > 1 and last[-1].lower() in SUBJECT_PRONOUNS and (len(last) > 4 or not _starts_subject(last)):
        return last[-1:]  # "... gets down on one knee he says": no punctuation before the subject
    if len(last) > 6 and last[-1].lower() in words.PERSON_NOUNS:
        return _phrase_ending_at(last, len(last) - 1)  # "... sitting alone the man says"
    candidates = [(index, tokens) for index, chunk in enumerate(chunks)
                  if (tokens := TOKEN_RE.findall(chunk)) and _starts_subject(tokens)]
    if not candidates:
        return []
    index, tokens = candidates[-1]
    if (len(candidates) > 1 and candidates[-2][0] == index - 1 == 0 and _noun_phrase_only(tokens)
            and tokens[0].lower() in words.DETERMINERS):
        tokens = candidates[-2][1]  # an appositive after the sentence's first noun phrase
    return _leading_phrase(tokens)


def head_of(phrase: list[str]) -> str:
    """The last word of a noun phrase, without a possessive ("the driver's" -> driver)."""
    return phrase[-1].lower().removesuffix("'s").removesuffix("’s") if phrase else ""


def _head(key: str) -> str:
    return key.split()[-1] if key.split() else key


def _gender_of_words(tokens: list[str]) -> str:
    bare = {token.removesuffix("'s") for token in tokens}
    if "female" in bare:
        return "female"
    if "male" in bare:
        return "male"
    if bare & words.GROUP_NOUNS:
        return "group"
    if bare & words.MALE_NOUNS:
        return "male"
    return "female" if bare & words.FEMALE_NOUNS else ""


def _starts_subject(tokens: list[str]) -> bool:
    """True when ``tokens`` open with a subject: a pronoun, a determiner, a name or a person noun."""
    first = tokens[0]
    lower = first.lower()
    if lower in RELATIVE or lower in NOT_SUBJECT_STARTS or lower.endswith("ing"):
        return False
    if lower in words.PRONOUNS and lower not in ("his", "her", "its"):
        return True
    if lower in words.DETERMINERS:
        return len(tokens) > 1
    return first[:1].isupper() or lower in words.PERSON_NOUNS


def _is_verb(token: str, previous: str) -> bool:
    """A crude test for a present-tense verb after a subject ("slams", "looks", "bows")."""
    lower = token.lower()
    if lower in words.PERSON_NOUNS or lower in S_NOUNS or lower.endswith(("ss", "'s", "’s", "us", "is")):
        return lower == "is"
    return (lower.endswith("s") and not previous.lower() in words.DETERMINERS) or bool(SPEECH_VERB_RE.fullmatch(token))


def _leading_phrase(tokens: list[str]) -> list[str]:
    """The noun phrase ``tokens`` start with: up to the first verb, preposition or relative word."""
    phrase: list[str] = []
    for token in tokens[:7]:
        lower = token.lower()
        if phrase and (lower in NOT_SUBJECT_STARTS or lower in RELATIVE or _is_verb(token, phrase[-1])):
            break
        if phrase and lower.endswith(("ed", "ing")) and lower not in words.PERSON_NOUNS \
                and lower not in words.DESCRIBING_WORDS:
            break
        phrase.append(token)
        if lower in words.PRONOUNS and lower not in ("his", "her", "its"):
            break
    return phrase


def _noun_phrase_only(tokens: list[str]) -> bool:
    """True when a chunk is a noun phrase with no verb of its own (an appositive)."""
    return len(_leading_phrase(tokens)) == len(tokens) or any(
        token.lower() in NOT_SUBJECT_STARTS for token in tokens[: len(_leading_phrase(tokens)) + 1])


def _phrase_ending_at(tokens: list[str], index: int) -> list[str]:
    """The noun phrase whose head is ``tokens[index]``: its determiner and modifiers before it."""
    start = index
    while start > 0 and index - start < 4:
        previous = tokens[start - 1].lower()
        if previous in words.DETERMINERS:
            start -= 1
            break
        if previous in words.DESCRIBING_WORDS or f"{previous} {tokens[index].lower()}" in words.COMPOUND_ROLES:
            start -= 1
            continue
        break
    return tokens[start : index + 1]


def _agent_noun(tokens: list[str], index: int) -> bool:
    """True for an unlisted role that opens a sentence ("A mechanic slides out"): agent endings, not things."""
    lower = tokens[index].lower()
    return (0 < index <= 3 and tokens[0].lower() in words.DETERMINERS and index + 1 < len(tokens)
            and AGENT_RE.search(lower) is not None and lower not in words.THING_NOUNS
            and _is_verb(tokens[index + 1], lower))


def _is_name_mention(tokens: list[str], index: int) -> bool:
    """True for a capitalised word inside a sentence that names a person ("a shot of Clara at her window")."""
    token, previous = tokens[index], tokens[index - 1].lower()
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    return (token[:1].isupper() and not token.isupper() and token.isalpha() and previous not in PLACE_WORDS
            and previous not in words.DETERMINERS and not following[:1].isupper() and not tokens[index - 1][:1].isupper()
            and token.lower() not in words.NOT_NAMES and token.lower() not in words.PRONOUNS)


def _proper_name(phrase: list[str]) -> str:
    """The proper name inside a noun phrase ("her colleague Dr. Okafor" -> "Dr. Okafor"), or ""."""
    names: list[str] = []
    if phrase and len(phrase) > 1 and phrase[0][:1].isupper() and not phrase[1][:1].isupper() \
            and phrase[0].lower() not in TITLES:
        phrase = phrase[1:]  # "Medium two-shot": a capital only because the sentence starts there
    for position, token in enumerate(phrase):
        capital = token[:1].isupper()
        lower = token.lower()
        if capital and (position or lower not in words.DETERMINERS) and lower not in words.PRONOUNS:
            if (lower in words.PERSON_NOUNS and lower not in TITLES) or lower in words.DESCRIBING_WORDS:
                names = []
                continue
            if lower in words.NOT_NAMES:
                return ""
            names.append(token)
        elif names:
            break
    if not names or (len(names) == 1 and names[0].lower() in TITLES):
        return ""
    return " ".join(names) if any(name[:1].isupper() and not name.isupper() for name in names) else title_case(
        " ".join(names))


LOOK_TOKEN_RE = re.compile(r"[\w'’-]+|[,.;:]")
LOOK_JOINS = frozenset("in with wearing dressed carrying holding".split())
POSSESSIVES = frozenset("his her their its my your our".split())
MAX_LOOK_WORDS = 14


def introductions(masked: str) -> list[tuple[str, str]]:
    """(person noun, look) for each person a sentence introduces with a description.

    "A woman in her fifties with flour on her apron slides a tray" ->
    ("woman", "woman in her fifties with flour on her apron"); a bare "a
    woman" describes nothing and is left out.
    """
    tokens = LOOK_TOKEN_RE.findall(masked)
    found = []
    for index, token in enumerate(tokens):
        if token.lower() not in ("a", "an") or index + 1 >= len(tokens):
            continue
        end = next((position for position in range(index + 1, min(index + 5, len(tokens)))
                    if tokens[position].lower() in words.PERSON_NOUNS), None)
        if end is None:
            continue
        look = _look_after(tokens, index + 1, end)
        if look:
            found.append((tokens[end].lower(), look))
    return found


def _look_after(tokens: list[str], start: int, noun: int) -> str:
    """The description from ``start`` (after "a") through the noun and its "in ..."/"with ..." phrases."""
    position = noun + 1
    while position < len(tokens) and position - start < MAX_LOOK_WORDS:
        token = tokens[position]
        if token == "," and position + 1 < len(tokens) and tokens[position + 1].lower() in LOOK_JOINS:
            position += 1
            continue
        if token in ",.;:" or (token.lower() not in LOOK_JOINS and position == noun + 1):
            break
        previous = tokens[position - 1].lower()
        verb_like = token.lower().endswith("s") and not token.lower().endswith("ss") and previous not in (
            set(words.DETERMINERS) | POSSESSIVES | NOT_SUBJECT_STARTS | LOOK_JOINS | words.DESCRIBING_WORDS)
        if verb_like or token.lower() in RELATIVE:
            break
        position += 1
    described = tokens[start:position]
    has_detail = position > noun + 1 or any(word.lower() in words.DESCRIBING_WORDS for word in tokens[start:noun])
    return " ".join(described).replace(" ,", ",") if has_detail else ""
