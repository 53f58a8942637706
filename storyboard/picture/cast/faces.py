"""Faces: eyes, brows, nose and mouth, set by the expression the description gives.

An :class:`Expression` is a handful of numbers (how the brows tilt and lift,
how open the eyes and mouth are, how the mouth curves); :data:`EXPRESSION_WORDS`
maps the adjectives and verbs of a description to one. Add an expression by
adding a row to each table.
"""

from __future__ import annotations

from typing import NamedTuple

from storyboard.picture.sketch import INK, Pen

Tone = tuple[int, int, int]


class Expression(NamedTuple):
    """How a face is set; 0 is at rest."""

    brow_tilt: float = 0.0  # inner ends up (+: worried, sad) or down (-: angry)
    brow_lift: float = 0.0  # both brows higher (+) or lower (-)
    eyes: float = 1.0  # eye opening: 0 closed (arcs), 1 at rest, 1.6 wide
    mouth_curve: float = 0.0  # corners up (+: smile) or down (-)
    mouth_open: float = 0.0  # 0 closed, 1 wide open
    mouth_width: float = 1.0
    wink: bool = False


EXPRESSIONS: dict[str, Expression] = {
    "neutral": Expression(),
    "smiling": Expression(brow_lift=0.05, eyes=0.8, mouth_curve=0.55, mouth_width=1.15),
    "laughing": Expression(brow_lift=0.1, eyes=0.0, mouth_curve=0.5, mouth_open=0.7, mouth_width=1.2),
    "angry": Expression(brow_tilt=-0.7, brow_lift=-0.15, eyes=1.0, mouth_curve=-0.4, mouth_open=0.2, mouth_width=0.9),
    "shouting": Expression(brow_tilt=-0.6, brow_lift=-0.1, eyes=1.1, mouth_curve=-0.2, mouth_open=1.0, mouth_width=1.0),
    "scared": Expression(brow_tilt=0.7, brow_lift=0.3, eyes=1.6, mouth_curve=-0.3, mouth_open=0.45, mouth_width=0.8),
    "surprised": Expression(brow_lift=0.45, eyes=1.6, mouth_open=0.7, mouth_width=0.55),
    "sad": Expression(brow_tilt=0.6, eyes=0.7, mouth_curve=-0.5, mouth_width=0.9),
    "frowning": Expression(brow_tilt=-0.35, brow_lift=-0.15, eyes=0.9, mouth_curve=-0.25, mouth_width=0.85),
    "tired": Expression(brow_tilt=0.15, eyes=0.35, mouth_curve=-0.15),
    "determined": Expression(brow_tilt=-0.3, brow_lift=-0.1, mouth_curve=-0.05, mouth_width=0.8),
    "winking": Expression(brow_lift=0.1, eyes=0.8, mouth_curve=0.55, mouth_width=1.1, wink=True),
}
EXPRESSION_WORDS: dict[str, str] = {
    **dict.fromkeys(("smile", "smiles", "smiling", "grin", "grins", "grinning", "happy", "relieved", "proud",
                     "cheerful", "beaming", "delighted", "pleased", "joyful", "smirks", "excited", "eager"), "smiling"),
    **dict.fromkeys(("laugh", "laughs", "laughing", "cheering", "cheers", "giggles", "celebrating"), "laughing"),
    **dict.fromkeys(("angry", "furious", "enraged", "glares", "glaring", "mad", "annoyed", "irritated", "snarls",
                     "fuming", "argue", "argues", "arguing", "confront", "confronts", "accuses"), "angry"),
    **dict.fromkeys(("shouts", "shouting", "yells", "yelling", "screams", "screaming", "barks", "roars"), "shouting"),
    **dict.fromkeys(("scared", "afraid", "terrified", "frightened", "fearful", "panicked", "panics", "nervous",
                     "anxious", "trembling", "sweating", "horrified"), "scared"),
    **dict.fromkeys(("surprised", "shocked", "stunned", "astonished", "amazed", "gasps", "startled", "wide eyed",
                     "eyes wide", "jaw drops"), "surprised"),
    **dict.fromkeys(("sad", "dejected", "crying", "cries", "tearful", "upset", "defeated", "heartbroken", "gloomy",
                     "miserable", "sobbing", "sighs", "exhales", "disappointed"), "sad"),
    **dict.fromkeys(("frown", "frowns", "frowning", "worried", "concerned", "puzzled", "confused", "suspicious",
                     "doubtful", "serious", "stern", "grim", "tense"), "frowning"),
    **dict.fromkeys(("tired", "exhausted", "sleepy", "yawns", "yawning", "weary", "drowsy"), "tired"),
    **dict.fromkeys(("determined", "focused", "intense", "confident", "confidently", "resolute"), "determined"),
    **dict.fromkeys(("winks", "winking", "wink"), "winking"),
}
DETAIL = 5.0  # px of head radius below which a face is only a head
LIPS: Tone = (184, 62, 82)  # a woman's lip colour
BROW_WEIGHT = {"man": 2.0, "woman": 1.2}  # pencil weight of the brows
BROWS_AT = 9.0  # px of head radius from which brows and a nose are drawn


def _eye(pen: Pen, x: float, y: float, rx: float, ry: float, opening: float, closed: bool) -> None:
    """One eye: a dark oval, a white eye with a pupil when wide, an arc when shut."""
    if closed or opening < 0.15:
        pen.line([(x - rx * 0.16, y), (x, y - ry * 0.06), (x + rx * 0.16, y)], weight=1.0)
        return
    if opening > 1.2:
        w, h = rx * 0.17, ry * 0.14 * opening / 1.2
        pen.oval((x - w, y - h, x + w, y + h), fill=(255, 255, 255, 255), weight=0.6)
        pupil = rx * 0.065
        pen.fill_ellipse([x - pupil, y - pupil, x + pupil, y + pupil], INK)
        return
    w, h = rx * 0.1, max(1.0, ry * 0.1 * opening)
    pen.fill_ellipse([x - w, y - h, x + w, y + h], INK)


def _mouth(pen: Pen, x: float, y: float, rx: float, ry: float, face: Expression, lips: Tone | None = None) -> None:
    """The mouth: a curved line (``lips``: a fuller, coloured one), or an open dark shape."""
    half = rx * 0.26 * face.mouth_width
    lift = ry * 0.16 * face.mouth_curve
    if face.mouth_open > 0.1:
        drop = ry * 0.22 * face.mouth_open
        top = y - lift * 0.4
        points = [(x - half, y - lift), (x, top), (x + half, y - lift), (x + half * 0.6, y + drop * 0.8),
                  (x, y + drop), (x - half * 0.6, y + drop * 0.8)]
        pen.shape(points, fill=(96, 40, 40, 255), weight=1.4 if lips else 0.7)
        return
    curve = [(x - half, y - lift), (x - half * 0.4, y + lift * 0.2), (x + half * 0.4, y + lift * 0.2), (x + half, y - lift)]
    if lips:  # full lips: a bow above the line, a curve below it
        bow = [(x - half * 0.4, y + lift * 0.2 - ry * 0.07), (x, y - ry * 0.04), (x + half * 0.4, y + lift * 0.2 - ry * 0.07)]
        under = [(x + half * 0.5, y + lift * 0.1 + ry * 0.1), (x - half * 0.5, y + lift * 0.1 + ry * 0.1)]
        pen.fill_polygon([curve[0], *bow, curve[3], *under], lips)
    pen.line(curve, weight=1.1)


def draw_face(pen: Pen, cx: float, cy: float, rx: float, ry: float, face: Expression, turn: float, kind: str = "man") -> None:
    """Eyes, brows, nose and mouth on a head centred at (``cx``, ``cy``) turned ``turn`` (-1 left .. 1 right).

    ``kind`` (woman, man, girl, boy) sets what tells them apart at a glance:
    lashes for women and girls, a woman's coloured lips, a man's heavier brows.
    """
    if rx < DETAIL:
        return
    shift = turn * rx * 0.24
    eye_y = cy - ry * 0.02
    female = kind in ("woman", "girl")
    for side in (-1, 1):
        ex = cx + shift + side * rx * (0.36 - 0.06 * abs(turn) * (side * turn > 0))
        _eye(pen, ex, eye_y, rx, ry, face.eyes, face.wink and side > 0)
        if female and face.eyes >= 0.15 and not (face.wink and side > 0):
            _lashes(pen, ex, eye_y, rx, ry, side)
        if rx >= BROWS_AT:
            inner_y = eye_y - ry * (0.26 + 0.12 * face.brow_lift) - ry * 0.1 * face.brow_tilt
            outer_y = eye_y - ry * (0.28 + 0.12 * face.brow_lift)
            pen.line([(ex - side * rx * 0.12, inner_y), (ex + side * rx * 0.2, outer_y)],
                     weight=BROW_WEIGHT["man" if kind in ("man", "boy") else "woman"])
    if rx >= BROWS_AT:
        nose_x = cx + shift * 1.3
        pen.line([(nose_x, cy + ry * 0.02), (nose_x + rx * (0.1 * turn - 0.06), cy + ry * 0.3),
                  (nose_x + rx * 0.06, cy + ry * 0.33)], weight=0.8)
    _mouth(pen, cx + shift * 1.1, cy + ry * 0.55, rx, ry, face, LIPS if kind == "woman" else None)


def _lashes(pen: Pen, x: float, y: float, rx: float, ry: float, side: int) -> None:
    """Two short lashes flicking up from the outer corner of an eye."""
    corner = x + side * rx * 0.1
    for lift in (0.0, 0.09):
        pen.line([(corner, y - ry * lift), (corner + side * rx * 0.14, y - ry * (0.12 + lift))], weight=1.2)
