"""Poses: where a body's joints are, and the words that ask for each.

A pose is a pair of legs and a pair of arms (``"sit type"``), each limb three
joints (shoulder, elbow, hand / hip, knee, foot) in units of the body's height
from the top of its head, ``u`` across from the body's centre line (left of
the picture negative). Add arms or legs by adding a row to :data:`ARMS` or
:data:`LEGS` and its words to :data:`ARM_WORDS` or :data:`LEG_WORDS`; any legs
combine with any arms.
"""

from __future__ import annotations

Point = tuple[float, float]
Limb = tuple[Point, Point, Point]

_L_SHOULDER, _R_SHOULDER = (-0.11, 0.19), (0.11, 0.19)
_L_HIP, _R_HIP = (-0.05, 0.5), (0.05, 0.5)
_STAND_LEGS: tuple[Limb, Limb] = ((_L_HIP, (-0.055, 0.73), (-0.06, 0.97)), (_R_HIP, (0.055, 0.73), (0.06, 0.97)))
_ARMS_DOWN: tuple[Limb, Limb] = ((_L_SHOULDER, (-0.14, 0.34), (-0.14, 0.48)), (_R_SHOULDER, (0.14, 0.34), (0.14, 0.48)))
SEATED_LEGS: tuple[Limb, Limb] = ((_L_HIP, (-0.08, 0.57), (-0.08, 0.8)), (_R_HIP, (0.08, 0.57), (0.08, 0.8)))

ARMS: dict[str, tuple[Limb, Limb]] = {
    "down": _ARMS_DOWN,
    "swing": ((_L_SHOULDER, (-0.16, 0.33), (-0.19, 0.46)), (_R_SHOULDER, (0.15, 0.33), (0.12, 0.46))),
    "pump": ((_L_SHOULDER, (-0.2, 0.28), (-0.15, 0.2)), (_R_SHOULDER, (0.17, 0.32), (0.24, 0.42))),
    "reach": ((_L_SHOULDER, (-0.15, 0.34), (-0.1, 0.45)), (_R_SHOULDER, (0.24, 0.27), (0.36, 0.22))),
    "hold": ((_L_SHOULDER, (-0.15, 0.32), (-0.07, 0.4)), (_R_SHOULDER, (0.15, 0.32), (0.07, 0.4))),
    "phone": ((_L_SHOULDER, (-0.14, 0.34), (-0.14, 0.48)), (_R_SHOULDER, (0.15, 0.33), (0.05, 0.3))),
    "type": ((_L_SHOULDER, (-0.15, 0.35), (-0.07, 0.44)), (_R_SHOULDER, (0.15, 0.35), (0.07, 0.44))),
    "point": ((_L_SHOULDER, (-0.14, 0.34), (-0.14, 0.48)), (_R_SHOULDER, (0.24, 0.2), (0.36, 0.15))),
    "wave": ((_L_SHOULDER, (-0.14, 0.34), (-0.14, 0.48)), (_R_SHOULDER, (0.22, 0.16), (0.22, 0.02))),
    "cheer": ((_L_SHOULDER, (-0.2, 0.1), (-0.24, -0.02)), (_R_SHOULDER, (0.2, 0.1), (0.24, -0.02))),
    "cross": ((_L_SHOULDER, (-0.15, 0.32), (0.08, 0.3)), (_R_SHOULDER, (0.15, 0.32), (-0.08, 0.31))),
    "thumbs": ((_L_SHOULDER, (-0.14, 0.34), (-0.14, 0.48)), (_R_SHOULDER, (0.2, 0.33), (0.17, 0.22))),
    "hips": ((_L_SHOULDER, (-0.2, 0.3), (-0.1, 0.44)), (_R_SHOULDER, (0.2, 0.3), (0.1, 0.44))),
    "raise": ((_L_SHOULDER, (-0.14, 0.34), (-0.14, 0.48)), (_R_SHOULDER, (0.16, 0.06), (0.17, -0.08))),
    "drink": ((_L_SHOULDER, (-0.14, 0.34), (-0.14, 0.48)), (_R_SHOULDER, (0.17, 0.3), (0.05, 0.14))),
}
LEGS: dict[str, tuple[Limb, Limb]] = {
    "stand": _STAND_LEGS,
    "walk": ((_L_HIP, (-0.03, 0.74), (-0.13, 0.96)), (_R_HIP, (0.11, 0.72), (0.15, 0.97))),
    "run": ((_L_HIP, (-0.12, 0.68), (-0.22, 0.88)), (_R_HIP, (0.14, 0.66), (0.12, 0.94))),
    "sit": SEATED_LEGS,
}
# The arms a pair of legs swings when the words ask for nothing else.
RESTING_ARMS = {"stand": "down", "walk": "swing", "run": "pump", "sit": "down"}
LEG_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("stand", frozenset({"stand", "stands", "standing", "stood"})),
    ("run", frozenset({"run", "runs", "running", "sprint", "sprints", "sprinting", "races", "flees", "chases", "dashes"})),
    ("walk", frozenset({"walk", "walks", "walking", "strides", "striding", "leaves", "exits", "enters", "steps",
                        "paces", "wanders", "leads", "approaches", "crosses", "heads"})),
    ("sit", frozenset({"sit", "sits", "sitting", "seated", "sat", "slumped", "slumps", "slouched", "slouches", "booth",
                       "bench", "benches", "sofa", "couch", "stool", "bed", "seats", "wheel", "driving", "drives", "kneels", "crouches", "squats", "eat", "eats", "eating",
                       "breakfast", "dinner", "lunch", "desk", "desks", "table", "typing", "types", "workstation", "wakes", "waking",
                       "lies", "lying", "asleep", "sleeps", "sleeping", "strapped", "chair", "armchair"})),
)
ARM_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("cheer", frozenset({"cheer", "cheers", "cheering", "celebrate", "celebrates", "celebrating", "dances", "dancing"})),
    ("wave", frozenset({"wave", "waves", "waving", "greets", "hails"})),
    ("raise", frozenset({"raise", "raises", "raising", "volunteers"})),
    ("drink", frozenset({"drinks", "drinking", "sips", "sipping", "swigs", "gulps"})),
    ("point", frozenset({"point", "points", "pointing", "aims", "aiming", "gestures", "gesturing"})),
    ("cross", frozenset({"crossed", "folded"})),
    ("thumbs", frozenset({"thumbs"})),
    ("type", frozenset({"type", "types", "typing", "keyboard", "writes", "writing", "eat", "eats", "eating", "wipes",
                        "pours", "serves", "flips", "cooks", "chops"})),
    ("phone", frozenset({"calls", "texting", "texts", "dials", "scrolls"})),
    ("hold", frozenset({"hold", "holds", "holding", "carry", "carries", "carrying", "hands", "handing", "offers",
                        "grips", "clutches", "shows", "showing", "lifts", "drops", "slides", "reads", "reading"})),
    ("reach", frozenset({"reach", "reaches", "reaching", "touches", "interact", "interacting", "grabs", "presses",
                         "hologram", "holographic", "interface"})),
    ("hips", frozenset({"block", "blocks", "blocking", "confronts"})),
)


def pose_from(words: set[str], holding: bool = False) -> str:
    """The pose ``words`` ask for, as ``"legs arms"`` (``"sit type"``); ``holding`` a prop raises the hands."""
    legs = next((name for name, keys in LEG_WORDS if keys & words), "stand")
    arms = next((name for name, keys in ARM_WORDS if keys & words), RESTING_ARMS[legs])
    if holding and arms in ("down", "swing", "pump", "type", "reach"):
        arms = "hold"
    return f"{legs} {arms}"


def limbs(pose: str) -> tuple[Limb, Limb, Limb, Limb]:
    """Left arm, right arm, left leg, right leg of ``pose`` (``"legs arms"``)."""
    legs, arms = pose.split()
    return (*ARMS[arms], *LEGS[legs])


def hands(pose: str) -> tuple[Point, Point]:
    """Where the two hands of ``pose`` are, in body units."""
    left, right, _, _ = limbs(pose)
    return left[2], right[2]
