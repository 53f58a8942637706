"""A feature-length Fountain screenplay, made deterministically, for the long-film benchmark.

``python benchmarks/feature_film.py [SCENES] > film.fountain`` writes one;
:func:`screenplay` returns it. Its shape follows the import benchmark's
screenplay (``feature_screenplay.py``, by the importer: scene headings with
numbers, action with signs and sounds, shot lines, cues with
parentheticals, transitions), but its dialogue is a feature's: lines that
differ, from a few words to a short speech, where that one repeats eight
short lines (the speech engine would have little to do, and the film would
run 26 minutes). At the default 150 scenes: about 300 shots, 800 lines and
an hour of film.
"""

from __future__ import annotations

import random
import sys

SEED = 1968
PLACES = ["DINER", "POLICE STATION", "ROOFTOP", "HARBOUR", "APARTMENT", "WAREHOUSE", "CAR", "OFFICE", "HOSPITAL",
          "TRAIN PLATFORM", "BAKERY", "ALLEY", "HOTEL LOBBY", "RADIO STATION", "FERRY", "MUSEUM"]
TIMES = ["DAY", "NIGHT", "DAWN", "DUSK", "CONTINUOUS", "LATER"]
PEOPLE = ["NADIA", "SAM", "RITA", "JOE", "MAGGIE", "BEN", "LILA", "KIM", "OSCAR", "VERA"]
SIGNS = ["OPEN 24 HRS", "NO ENTRY", "FLOOR 42", "SALE", "EXIT", "PIER 9", "ROOM 12", "CLOSED"]
SHOT_LINES = ["CLOSE ON THE DOOR", "ANGLE ON THE WINDOW", "WIDE SHOT", "INSERT - THE PHONE", "POV - THE STREET"]
OPENERS = ["Listen.", "Look,", "Honestly,", "I swear,", "Okay.", "Wait.", "You know what?", "Fine.", "No.", "Hey."]
SUBJECTS = ["I", "we", "you", "they", "the captain", "your brother", "nobody here", "the man at the bar",
            "my mother", "the night porter", "half the city", "the woman in the red coat"]
VERBS = ["saw", "found", "lost", "remember", "need", "wanted", "heard", "hid", "sold", "promised", "burned",
         "followed", "trusted", "forgot"]
OBJECTS = ["the keys", "a letter from Lisbon", "the money", "that photograph", "the last train", "the ledger",
           "a name on the list", "the other half of the map", "every word you said", "the tape from the radio"]
TAILS = ["last night.", "before the storm.", "down at the harbour.", "and nobody noticed.", "for twenty years.",
         "while you were asleep.", "on the way here.", "in the back room.", "the day the ferry sank.", "again."]
QUESTIONS = ["Where were you?", "Who told you that?", "What did they take?", "Why now?", "Are you sure?",
             "How long have you known?"]


def sentence(rng: random.Random) -> str:
    """One spoken sentence: a statement, now and then a question."""
    if rng.random() < 0.15:
        return rng.choice(QUESTIONS)
    words = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
    return words[0].upper() + words[1:]


def line(rng: random.Random) -> str:
    """A line of dialogue: one to three sentences, sometimes after an opener."""
    said = [sentence(rng) for _ in range(rng.choice((1, 1, 1, 2)))]
    return " ".join(([rng.choice(OPENERS)] if rng.random() < 0.3 else []) + said)


def dialogue(rng: random.Random, speakers: tuple[str, str], count: int) -> list[str]:
    """``count`` lines, the two speakers in turn, some with a parenthetical."""
    out = []
    for beat in range(count):
        out += [speakers[beat % 2], *(["(quietly)"] if rng.random() < 0.15 else []), line(rng), ""]
    return out


def scene(number: int, rng: random.Random) -> list[str]:
    """The lines of scene ``number``: a heading, action, dialogue, a shot line and more dialogue."""
    place, time = PLACES[number % len(PLACES)], TIMES[number % len(TIMES)]
    one, two = PEOPLE[number % len(PEOPLE)], PEOPLE[(number * 3 + 1) % len(PEOPLE)]
    out = [f"{'INT' if number % 3 else 'EXT'}. {place} - {time} #{number}#", ""]
    out += [f"{one.title()} waits by a sign that reads \"{SIGNS[number % len(SIGNS)]}\". A door slams below.", ""]
    out += dialogue(rng, (one, two), rng.randint(3, 5))
    out += [SHOT_LINES[number % len(SHOT_LINES)], "", f"{two.title()} turns away. Footsteps fade down the hall.", ""]
    out += dialogue(rng, (two, one), rng.randint(1, 2))
    out += ["CUT TO:", ""]
    return out


def screenplay(scenes: int = 150, first: int = 1) -> str:
    """A screenplay of ``scenes`` scenes from scene ``first`` on, the same every time (150: about an hour of film)."""
    rng = random.Random(f"{SEED}-{first}")
    lines = ["Title: The Long Night", "Author: Storyboard Benchmarks", "", "FADE IN:", ""]
    for number in range(first, first + scenes):
        lines += scene(number, rng)
    lines += ["FADE OUT.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(screenplay(int(sys.argv[1]) if len(sys.argv) > 1 else 150))
