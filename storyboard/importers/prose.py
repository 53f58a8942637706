"""Reading film prose: quotes, sentences, framings, signs, inline dialogue, voices, settings.

Shared by every importer: a prompt's shot and a screenplay's action are read by
the same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyboard.importers.draft import DraftLine, DraftMusic, DraftSign, Settings

# Quoted text: '...', "...", ‘...’, “...”. A single quote only opens after a
# non-word character and only closes before one, so apostrophes (Joe's, can't)
# stay inside the quote.
QUOTE_RE = re.compile(
    r"""(?<!\w)'(?P<single>[^\n]+?)'(?!\w)
      | "(?P<double>[^"\n]+?)"
      | ‘(?P<curly_single>[^\n]+?)’(?!\w)
      | “(?P<curly_double>[^”\n]+?)”""",
    re.VERBOSE,
)

# Where a sentence ends: end punctuation (and closing quotes/brackets) then
# white space and no lower-case letter, or a line break (not after Mr., Dr....). Run on masked text
# (see mask_quotes), so only punctuation that ends a quote can end a sentence.
SENTENCE_END_RE = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?P<end>[.!?]+[\"'’”)\]]*)\s+(?![a-z])|\n\s*")

# A word, for classifying sentences ("9:16", "smart-casual", "4k" are words).
WORD_RE = re.compile(r"[\w:'’-]+")

# Framing words; the first one in the text wins. Group name = framing.
FRAMING_RE = re.compile(
    r"""(?P<medium>\bmedium(?:[\s-]+(?:close[\s-]?up|wide|long))?[\s-]+shot\b
          | \bmedium[\s-]+close[\s-]?up\b | \bmid[\s-]?shot\b | \bwaist[\s-](?:up|shot)\b
          | \bover[\s-]the[\s-]shoulder\b | \btwo[\s-]shot\b | \bangle\s+on\b)
      | (?P<insert>\binsert(?:\s+shot)?\b(?=\s*(?:of\b|on\b|[:.\-–—]|$)) | \bdetail\s+shot\b | \bmacro\b)
      | (?P<close>\b(?:extreme\s+)?close[\s-]?ups?\b | \bclose\s+(?:shot|on)\b | \btight\s+shot\b | \bECU\b)
      | (?P<wide>\b(?:extreme\s+)?wide(?:[\s-]+angle)?[\s-]+(?:shot|view)\b | \bwide\s+on\b
          | \bwide\b(?=\s*[:),]) | \bestablishing\b | \blong\s+shot\b | \baerial\b | \bdrone\s+shot\b
          | \bbird'?s[\s-]eye\b)""",
    re.VERBOSE | re.IGNORECASE,
)
FRAMING_NAMES = {"medium": "medium", "insert": "insert", "close": "close-up", "wide": "wide"}

# Verbs that put text on an object: "a sign reads 'X'", "a screen displaying 'X'".
SIGN_VERB_RE = re.compile(
    r"\b(?:reads?|reading|says?|saying|shows?|showing|displays?|displaying|labell?ed|written|"
    r"spells?(?:\s+out)?|spelling|flash(?:es|ing)|with\s+the\s+(?:words?|text))\b",
    re.IGNORECASE,
)
# Verbs that make a person speak: "the cook says, 'X'", "she whispers: 'X'".
SPEECH_VERB_RE = re.compile(
    r"\b(?:says?|said|saying|whispers?|whispering|shouts?|shouting|yells?|yelling|asks?|asking|"
    r"reads?\s+(?:aloud|out|from)|repl(?:y|ies|ying)|mutters?|muttering|murmurs?|screams?|announces?|exclaims?|calls?\s+out|"
    r"tells?|adds?)\b",
    re.IGNORECASE,
)
# Nouns of things that carry text: a speech verb after one of them is a sign.
OBJECT_NOUN_RE = re.compile(
    r"\b(?:signs?|plaques?|screens?|monitors?|displays?|interfaces?|holograms?|holographic|banners?|"
    r"placards?|posters?|billboards?|\w*boards?|labels?|tags?|badges?|notes?|letters?|cards?|t-shirts?|"
    r"shirts?|messages?|text|headlines?|newspapers?|doors?|walls?|facades?|windows?|menus?|logos?|"
    r"neon|terminals?|laptops?|phones?|tablets?|readouts?|lettering|graffiti|stickers?|"
    r"notifications?|alerts?|pop-?ups?|prompts?)\b",
    re.IGNORECASE,
)
# An object noun right after the quote: "a 'SALE' banner", "an 'ACCESS DENIED' message".
SIGN_AFTER_RE = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:signs?|messages?|banners?|logos?|placards?|plaques?|labels?|notices?|"
    r"warnings?|alerts?|text|lettering|graffiti|headlines?|notifications?)\b",
    re.IGNORECASE,
)
# A script-style line inside prose: `Man: "They automated my job."`.
COLON_SPEAKER_RE = re.compile(
    r"(?P<who>\b[A-Z][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*){0,2})\s*(?:\((?P<how>[^)]*)\))?\s*:\s*$"
)
# "that says" / "which reads": the thing before speaks only in print.
RELATIVE_END_RE = re.compile(r"\b(?:that|which)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# Only a conjunction between two quotes: the second quote is read like the first.
CONTINUATION_RE = re.compile(r"^[\s,;]*(?:and|or|then|and\s+then)?[\s,;]*$", re.IGNORECASE)

# Sign styles from the object words around the text, most specific first.
STYLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("neon", re.compile(r"\bneon\b", re.I)),
    ("name-tag", re.compile(r"\bname[\s-]?tags?\b|\bbadges?\b|\blanyards?\b", re.I)),
    ("hologram", re.compile(r"\bholo(?:gram|graphic)s?\b", re.I)),
    ("placard", re.compile(r"\bprotest(?:ers?)?\b|\bplacards?\b|\bpicket\b|\bbanners?\b|\bmarch(?:ers)?\b", re.I)),
    ("plaque", re.compile(r"\bplaques?\b|\bbrushed\b|\bmetal\b|\bbrass\b|\bengraved\b|\betched\b|\bfacade\b", re.I)),
    ("screen", re.compile(
        r"\bscreens?\b|\bmonitors?\b|\bdisplays?\b|\binterfaces?\b|\blaptops?\b|\bphones?\b|"
        r"\btablets?\b|\bterminals?\b|\bwatch(?:es)?\b|\bconsoles?\b|\bdashboards?\b|\bcomputers?\b|\bTV\b|\btelevision\b|\bpop-?ups?\b", re.I)),
)
# Icons from the words around the text (the renderer's icons).
ICON_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("padlock", re.compile(r"\bpadlocks?\b|\block\s+(?:icon|symbol)\b|\blocked\b", re.I)),
    ("warning", re.compile(r"\bwarning\s+(?:icon|symbol|triangle|sign)\b|\bexclamation\b|\bhazard\b", re.I)),
    ("check", re.compile(r"\bcheck\s*mark\b|\bcheckmark\b|\btick\b", re.I)),
    ("cross", re.compile(r"\bred\s+(?:cross|x)\b|\bcross\s+(?:icon|symbol)\b", re.I)),
    ("lightning", re.compile(r"\blightning\b|\bbolt\s+(?:icon|symbol)\b", re.I)),
)

# Words of a speaker's name (or of the noun before a speech verb) that give a voice.
MALE_WORDS = frozenset(
    "man men he him his boy guy father dad mr sir king husband son brother grandfather uncle "
    "gentleman policeman businessman waiter actor".split()
)
FEMALE_WORDS = frozenset(
    "woman women she her girl mother mom mum mrs ms miss lady queen wife daughter sister "
    "grandmother aunt waitress businesswoman actress".split()
)
ROBOT_WORDS = frozenset("ai robot computer android system bot machine cyborg assistant".split())
# What shows that a robot-ish speaker is in the picture.
ROBOT_SEEN_WORDS = frozenset(
    "ai robot computer android system bot machine interface screen hologram holographic monitor terminal".split()
)
# Words of a speaker's name that do not identify it in prose.
# Words left after a speaker's noun by a verb phrase: "the farmer looks up (and says)".
PARTICLES = frozenset("up down away back around over out in off round".split())
DETERMINERS = frozenset("the a an this that his her its their our my your".split())
GENERIC_NAME_WORDS = frozenset("voice the a an mr mrs ms dr old young v.o o.s".split())
# Words skipped when looking for the speaker before a speech verb.
FILLER_WORDS = frozenset("then and also now finally just still where as while when who which that".split())
PREPOSITIONS = frozenset("at in on by behind near with from of beside inside outside under over to".split())

# Words of a sentence that only sets the look or the format of the whole video:
# a sentence made only of these ("A cinematic, hyperrealistic 4k shot.") belongs to no shot.
GLOBAL_WORDS = frozenset(
    """a an the and in with of on at shot shots cinematic hyperrealistic hyper-realistic photorealistic
    realistic ultra ultra-realistic 4k 8k hd uhd 1080p 720p 2160p full high quality resolution detailed
    highly film filmic style footage video clip movie 35mm 16mm 70mm anamorphic lens grain color colour
    graded grading format vertical horizontal widescreen portrait landscape 9:16 16:9 fps 24fps 25fps
    30fps 60fps 24 25 30 60 frames per second aspect ratio mode orientation sharp crisp moody epic
    natural soft golden hour handheld camera documentary commercial trailer no do not include
    without subtitles subtitle captions caption any""".split()
)

# Scene-wide settings.
RESOLUTION_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("4k", re.compile(r"\b(?:4k|uhd|2160p|8k)\b", re.I)),
    ("1080p", re.compile(r"\b1080p\b|\bfull\s+hd\b", re.I)),
    ("720p", re.compile(r"\b720p\b", re.I)),
)
SIZES = {"720p": (1280, 720), "1080p": (1920, 1080), "4k": (3840, 2160)}
VERTICAL_RE = re.compile(
    r"\bvertical\s+(?:video|format|frame|framing|aspect|orientation|shot|clip)\b|\b9:16\b|"
    r"\bportrait\s+(?:mode|format|orientation)\b",
    re.I,
)
FPS_RE = re.compile(r"\b(?P<fps>\d{2})\s*fps\b", re.I)
NO_CAPTIONS_RE = re.compile(
    r"\b(?:no|without|do\s+not\s+(?:include|add|show|use)|don'?t\s+(?:include|add|show|use))\s+"
    r"(?:any\s+)?(?:subtitles?|captions?)\b",
    re.I,
)
CAPTIONS_RE = re.compile(r"\b(?:with|include|add|show|burned-in|burnt-in)\s+(?:subtitles?|captions?)\b", re.I)
# Phrases of a shot's sentence that set the whole video, with the comma before them.
SETTING_PHRASE_RES = tuple(
    re.compile(r",?\s*(?:" + pattern.pattern + ")", re.I)
    for pattern in (NO_CAPTIONS_RE, CAPTIONS_RE, FPS_RE, VERTICAL_RE, *(regex for _, regex in RESOLUTION_RES))
)
MUSIC_RE = re.compile(r"\b(?:music|score|soundtrack|song|melody)\b", re.I)
NO_MUSIC_RE = re.compile(r"\b(?:no|without)\s+(?:background\s+)?(?:music|score|soundtrack)\b", re.I)
TENSE_MUSIC_RE = re.compile(
    r"\b(?:tense|tension|electronic|drone|droning|synth\w*|suspense\w*|ominous|dark|eerie|ambient|pulsing|"
    r"thriller)\b",
    re.I,
)
# "... cuts out abruptly on the final line" / "stops at the last word".
STOP_FINAL_RE = re.compile(
    r"\b(?:cuts?|cutting|stops?|stopping|ends?|ending|drops?|dropping|falls?)\s+(?:out\s+|off\s+)?"
    r"(?:\w+ly\s+)?(?:on|at|before|when|with)\s+(?:the\s+)?(?:final|last)\s+(?:line|word)",
    re.I,
)
THROUGHOUT_RE = re.compile(r"\bthroughout\b|\buntil\s+the\s+(?:very\s+)?end\b|\bentire\b|\bwhole\s+(?:video|clip|scene)\b", re.I)


@dataclass
class Quote:
    """A quoted stretch of prose: its text and where it sits."""

    text: str
    start: int
    end: int


def quotes(text: str) -> list[Quote]:
    """Every quoted stretch of ``text``, in order."""
    found = []
    for match in QUOTE_RE.finditer(text):
        inner = next(group for group in match.groups() if group is not None).strip()
        if inner:
            found.append(Quote(inner, match.start(), match.end()))
    return found


def mask_quotes(text: str) -> str:
    """``text`` with every quoted stretch blanked out (same length), for searching the prose only.

    A quote's final ``.``/``!``/``?`` is kept: it may end the sentence too.
    """
    for quote in quotes(text):
        inner = text[quote.start + 1 : quote.end - 1]
        ending = inner[-1] if inner.endswith((".", "!", "?")) else ""
        blank = "_" * (len(inner) - len(ending)) + ending
        text = text[: quote.start + 1] + blank + text[quote.end - 1 :]
    return text


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences; punctuation inside quotes does not end one."""
    masked = mask_quotes(text)
    found, start = [], 0
    for match in SENTENCE_END_RE.finditer(masked):
        end = match.end("end") if match.group("end") else match.start()
        found.append(text[start:end].strip())
        start = match.end()
    found.append(text[start:].strip())
    return [sentence for sentence in found if sentence]


def squeeze(text: str) -> str:
    """``text`` on one line with single spaces."""
    return " ".join(text.split())


def framing_of(text: str) -> str | None:
    """The framing named first in ``text`` (quotes ignored), or None."""
    match = FRAMING_RE.search(mask_quotes(text))
    return FRAMING_NAMES[match.lastgroup] if match and match.lastgroup else None


def words_of(text: str) -> list[str]:
    """The lower-case words of ``text``."""
    return [word.strip("'’") for word in WORD_RE.findall(text.lower())]


# --- quotes: signs or dialogue -------------------------------------------------------------


def read_quotes(text: str) -> tuple[list[DraftSign], list[DraftLine], str]:
    """The signs and the inline dialogue quoted in ``text``, and ``text`` without script-style lines.

    A quote is a line when a speech verb comes before it and the words before
    the verb name no object that carries text ("the cook says, 'X'"), or when
    it follows ``Name:``; it is a sign when a sign verb comes before it ("a
    sign reads 'X'") or a text-carrying noun follows it ("a 'SALE' banner").
    After only "and"/"or", a quote is read like the one before it.
    Anything else (a title, a nickname) stays in the prose only.
    """
    signs: list[DraftSign] = []
    lines: list[DraftLine] = []
    kept: list[str] = []
    window_start, previous = 0, None
    for quote in quotes(text):
        between = text[window_start : quote.start]
        after = text[quote.end : quote.end + 40]
        item = _read_quote(quote.text, _clause(between), after, text[: quote.start], previous)
        if isinstance(item, DraftSign):
            signs.append(item)
        elif isinstance(item, DraftLine):
            lines.append(item)
        colon = COLON_SPEAKER_RE.search(between) if isinstance(item, DraftLine) else None
        kept.append(between[: colon.start()] if colon else text[window_start : quote.end])
        window_start, previous = quote.end, item
    kept.append(text[window_start:])
    return signs, lines, squeeze("".join(kept))


def _clause(text: str) -> str:
    """The end of ``text`` from the start of its last sentence."""
    return sentences(text)[-1] if text.strip() and not text.rstrip().endswith((".", "!", "?")) else text


def _read_quote(said: str, window: str, after: str, before: str,
                previous: DraftSign | DraftLine | None) -> DraftSign | DraftLine | None:
    """A sign, a line or nothing for the quote ``said`` (see :func:`read_quotes`)."""
    colon = COLON_SPEAKER_RE.search(window)
    if colon:
        return DraftLine(colon["who"], said, f"({colon['how']})" if colon["how"] else "")
    if CONTINUATION_RE.match(window) and previous is not None:
        if isinstance(previous, DraftSign):
            return DraftSign(said, previous.style, previous.icon)
        return DraftLine(previous.who, said, previous.note)
    speech = list(SPEECH_VERB_RE.finditer(window))
    subject = window[: speech[-1].start()] if speech else ""
    if speech and not OBJECT_NOUN_RE.search(subject) and not RELATIVE_END_RE.search(subject):
        who, note = speaker_before(subject, before)
        return DraftLine(who, said, note)
    if SIGN_VERB_RE.search(window) or SIGN_AFTER_RE.match(after):
        context = window + " " + after
        return DraftSign(said, sign_style(context), sign_icon(context))
    return None


def sign_style(context: str) -> str:
    """The sign style the object words in ``context`` suggest (``sign`` when none does)."""
    return next((style for style, pattern in STYLE_WORDS if pattern.search(context)), "sign")


def sign_icon(context: str) -> str | None:
    """The icon ``context`` mentions, or None."""
    return next((icon for icon, pattern in ICON_WORDS if pattern.search(context)), None)


def speaker_before(subject: str, before: str) -> tuple[str, str]:
    """The speaker named by ``subject`` (the words before a speech verb) and a note if guessed.

    "The old cook, sweating," -> Cook; "Officer Jones" -> Officer Jones;
    "she" -> the last woman/girl... named in ``before``, else Woman.
    """
    clauses = [part for part in reversed(subject.split(",")) if _nouns(part)]
    words = _nouns(re.split(r"\band\b", clauses[0])[0]) if clauses else []
    while len(words) > 1 and words[-2].lower() not in DETERMINERS and (
            words[-1].lower() in PARTICLES or words[-1].endswith("s") and words[-1].islower()):
        words.pop()  # "looks up": the verb phrase after the speaker
    cut = next((index for index, word in enumerate(words) if index and word.lower() in PREPOSITIONS), len(words))
    words = words[:cut]
    if not words:
        return "Voice", "guessed: no speaker named"
    last = words[-1]
    if last.lower() in ("he", "him", "she", "her", "they", "i", "we"):
        return _resolve_pronoun(last.lower(), before)
    name = [last]
    if len(words) > 1 and words[-2][0].isupper() and words[-2].lower() not in ("the", "a", "an"):
        name.insert(0, words[-2])
    return " ".join(name_case(word) for word in name), ""


def _nouns(clause: str) -> list[str]:
    """The words of ``clause`` that may name a speaker: no fillers, adverbs, participles."""
    return [word for word in re.findall(r"[A-Za-z][\w'’.-]*", clause)
            if word.lower() not in FILLER_WORDS and not word.lower().endswith(("ly", "ing", "ed"))]


def _resolve_pronoun(pronoun: str, before: str) -> tuple[str, str]:
    """The person a pronoun stands for: the last matching person word in ``before``."""
    gender = MALE_WORDS if pronoun in ("he", "him") else FEMALE_WORDS if pronoun in ("she", "her") else frozenset()
    nouns = [word for word in words_of(mask_quotes(before)) if word in gender and len(word) > 3]
    if nouns:
        return name_case(nouns[-1]), ""
    fallback = {"he": "Man", "him": "Man", "she": "Woman", "her": "Woman"}.get(pronoun, "Voice")
    return fallback, f"guessed: '{pronoun}' names nobody earlier"


def name_case(word: str) -> str:
    """``cook`` -> ``Cook``; ``AI`` and ``McKay`` stay as written; ``COOK`` -> ``Cook``, ``AI`` kept."""
    if word.isupper() and len(word) <= 2 and word.lower() not in ("mr", "ms", "dr", "of", "to", "my"):
        return word
    if word.isupper() or word.islower():
        return word[:1].upper() + word[1:].lower()
    return word


# --- speakers -------------------------------------------------------------------------------


def voice_of(name: str) -> tuple[str | None, str | None]:
    """The (voice, effect) a speaker's name suggests; (None, None) when it says nothing.

    A robot-ish name (AI, robot, computer...) gets the robot effect and, with no
    gendered word, a female voice.
    """
    words = set(words_of(name))
    voice = "male" if words & MALE_WORDS else "female" if words & FEMALE_WORDS else None
    if words & ROBOT_WORDS:
        return voice or "female", "robot"
    return voice, None


def voice_in_prose(name: str, prose: str) -> str | None:
    """The voice the pronouns of the first sentence of ``prose`` showing ``name`` suggest, or None.

    "A baker ties her apron" -> female for Baker.
    """
    for sentence in sentences(mask_quotes(prose)):
        words = words_of(sentence)
        if seen_words(name) & set(words):
            male = len(set(words) & {"he", "his", "him", "himself"})
            female = len(set(words) & {"she", "her", "hers", "herself"})
            return "male" if male > female else "female" if female > male else None
    return None


def seen_words(name: str) -> frozenset[str]:
    """The words whose presence in a shot's prose shows that speaker ``name`` is seen or heard there."""
    words = set(words_of(name)) - GENERIC_NAME_WORDS
    if words & MALE_WORDS:
        words |= {"man", "he", "him", "guy"}
    if words & FEMALE_WORDS:
        words |= {"woman", "she", "her", "lady"}
    if words & ROBOT_WORDS:
        words |= ROBOT_SEEN_WORDS
    return frozenset(words)


def speaker_seen(name: str, prose: str) -> bool:
    """True when ``prose`` (quotes ignored) shows the speaker ``name``."""
    return bool(seen_words(name) & set(words_of(mask_quotes(prose))))


# --- scene-wide settings --------------------------------------------------------------------


def settings_of(text: str) -> Settings:
    """The resolution, fps, captions and music ``text`` asks for."""
    settings = Settings(captions=_captions(text), music=_music(text), fps=_fps(text))
    settings.resolution, settings.resolution_note = _resolution(text)
    return settings


def _captions(text: str) -> bool | None:
    if NO_CAPTIONS_RE.search(text):
        return False
    return True if CAPTIONS_RE.search(text) else None


def _fps(text: str) -> int | None:
    match = FPS_RE.search(text)
    return int(match["fps"]) if match and 12 <= int(match["fps"]) <= 60 else None


def _resolution(text: str) -> tuple[str | None, str]:
    named = next((name for name, pattern in RESOLUTION_RES if pattern.search(text)), None)
    if not VERTICAL_RE.search(text):
        return named, ""
    width, height = SIZES[named or "1080p"]
    return f"{height}x{width}", "guessed: vertical format"


def _music(text: str) -> DraftMusic | None:
    """The music cue of the sentences of ``text`` that mention music, or None when none does."""
    cue = " ".join(sentence for sentence in sentences(text) if MUSIC_RE.search(sentence))
    if not cue:
        return None
    if NO_MUSIC_RE.search(cue):
        return DraftMusic(stop="0", note="no music asked for: it stops at 0 s")
    notes = [] if TENSE_MUSIC_RE.search(cue) else ["guessed: tense-drone is the only style"]
    if STOP_FINAL_RE.search(cue):
        stop = "final-line"
    elif THROUGHOUT_RE.search(cue):
        stop = "end"
    else:
        stop = "final-line"
        notes.append("guessed: stop")
    return DraftMusic(stop=stop, note="; ".join(notes))


def strip_settings(sentence: str) -> str:
    """``sentence`` without the phrases that set the whole video (``, 30fps``, ``with subtitles``)."""
    for pattern in SETTING_PHRASE_RES:
        sentence = pattern.sub("", sentence)
    return sentence


def is_setting_sentence(sentence: str) -> bool:
    """True for a sentence about the whole video (look, format, captions, music), not a shot."""
    if MUSIC_RE.search(sentence):
        return True
    return all(word in GLOBAL_WORDS or word.endswith("-style") for word in words_of(strip_settings(sentence)))
