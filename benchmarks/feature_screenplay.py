"""A feature-length Fountain screenplay, made deterministically, for the import-speed benchmark.

``python benchmarks/feature_screenplay.py [SCENES] > film.fountain`` writes one;
:func:`screenplay` returns it. Every scene uses the syntax a real script does:
headings with scene numbers, wrapped action with signs and sounds, shot lines,
cues with extensions and parentheticals, dual dialogue, lyrics, notes,
transitions and centred text. 140 scenes give about 4,600 lines.
"""

from __future__ import annotations

import sys

PLACES = ["DINER", "POLICE STATION", "ROOFTOP", "HARBOUR", "APARTMENT", "WAREHOUSE", "CAR", "OFFICE", "HOSPITAL",
          "TRAIN PLATFORM", "BAKERY", "ALLEY"]
TIMES = ["DAY", "NIGHT", "DAWN", "CONTINUOUS", "LATER"]
PEOPLE = ["NADIA", "SAM", "RITA", "JOE", "MAGGIE", "BEN", "LILA", "KIM"]
SIGNS = ["OPEN 24 HRS", "NO ENTRY", "FLOOR 42", "SALE", "EXIT", "PIER 9"]
LINES = ["Where were you last night?", "You know where I was.", "Don't start with me.",
         "I'm not starting anything.", "Then why are you whispering?", "Because they're listening.",
         "Who is listening?", "Everyone. Always."]
SHOT_LINES = ["CLOSE ON THE DOOR", "ANGLE ON THE WINDOW", "WIDE SHOT", "INSERT - THE PHONE", "POV - THE STREET"]


def scene(number: int) -> list[str]:
    """The lines of scene ``number`` (about 38 lines)."""
    place, time = PLACES[number % len(PLACES)], TIMES[number % len(TIMES)]
    one, two = PEOPLE[number % len(PEOPLE)], PEOPLE[(number + 3) % len(PEOPLE)]
    out = [f"{'INT' if number % 3 else 'EXT'}. {place} - {time} #{number}#", ""]
    out += [f"Rain streaks the glass. {one.title()} waits by a sign that reads \"{SIGNS[number % len(SIGNS)]}\",",
            "checking the time. A door slams somewhere below. [[keep this beat short]]", ""]
    for beat in range(4):
        speaker = one if beat % 2 == 0 else two
        extension = " (O.S.)" if beat == 1 and number % 4 == 0 else ""
        out += [f"{speaker}{extension}", *(["(quietly)"] if beat == 2 else []), LINES[(number + beat) % len(LINES)], ""]
    out += [SHOT_LINES[number % len(SHOT_LINES)], "", f"{two.title()} turns away. Footsteps fade down the hall.", ""]
    out += [f"{one} ^", "Fine.", "", f"{two} ^", "Fine.", ""]
    if number % 10 == 0:
        out += [f"{one}", "~One more song before the end,", "~one more light before the dark.", ""]
    out += ["Soft piano music plays under the scene." if number % 7 == 0 else "They stand in silence.", ""]
    out += ["CUT TO:" if number % 2 else "> JUMP CUT TO:", ""]
    return out


def screenplay(scenes: int = 140) -> str:
    """A screenplay of ``scenes`` scenes (140: about 4,600 lines), the same every time."""
    lines = ["Title: The Long Night", "Author: Storyboard Benchmarks", "Draft date: 2025", "", "FADE IN:", "",
             "> THE LONG NIGHT <", ""]
    for number in range(1, scenes + 1):
        lines += scene(number)
    lines += ["> THE END <", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(screenplay(int(sys.argv[1]) if len(sys.argv) > 1 else 140))
