"""Reading a shot's prose, sentence by sentence: signs, dialogue, sound effects, camera moves.

Shared by both importers: a prompt's shot and a screenplay's action are read
by the same rules. Every quote is either a sign (text in the picture), a line
(someone says it) or left in the description (a title, a nickname):

- a line when a speech verb's subject is a person ("the cook says, 'X'",
  "she turns to the guard and says 'X'"), when a ``Name:`` or a person's noun
  phrase and a colon come before it, when a speech verb follows it
  ("'X,' he mutters"), or when it stands alone after a sentence about a person;
- a sign when a sign verb or label comes right before it ("reads", "End card:"),
  when a thing that carries text "says" it, or a text-carrying noun follows it.
"""

from __future__ import annotations

import re

from storyboard.importers import vocabulary as words
from storyboard.importers.draft import DraftCharacter, DraftLine, DraftSfx, DraftShot, DraftSign
from storyboard.importers.people import SPEECH_VERB_RE, Cast, Speaker, head_of, is_speech_verb, subject_phrase
from storyboard.importers.text import QUOTE_RE, Quote, Sentence, any_of, first_named, squeeze, word_pattern

SPEECH_RE = word_pattern(words.SPEECH_VERBS)
SIGN_ONLY_VERBS = [verb for verb in words.SIGN_VERBS if not SPEECH_VERB_RE.fullmatch(verb.split("?")[0])]
SIGN_BEFORE_RE = re.compile(rf"(?<![\w-])(?:{any_of(SIGN_ONLY_VERBS)})\s*[:,]?\s*$", re.I)
SIGN_LABEL_RE = re.compile(rf"(?:^|[.!?]\s+|\b(?:and|with)\s+)(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:{any_of(words.SIGN_LABELS)})"
                           rf"(?:\s+(?:says|reads|with\s+[^:]{{0,40}}))?\s*[:\-–—]?\s*$", re.I)
CARRIER_RE = word_pattern(words.SIGN_CARRIERS)
CARRIER_BEFORE_RE = re.compile(rf"(?<![\w-])(?:{any_of(words.SIGN_CARRIERS)})\s*,?\s*$", re.I)
CARRIER_AFTER_RE = re.compile(rf"^\s*(?:[\w-]+\s+)?(?:{any_of(words.SIGN_CARRIERS)}|notices?|warnings?)\b", re.I)
TITLE_BEFORE_RE = re.compile(rf"\b(?:{words.TITLE_WORDS})\s*$", re.I)
RELATIVE_SPEECH_RE = re.compile(rf"\b(?:that|which)\s+(?:\w+ly\s+)?(?:{any_of(words.SPEECH_VERBS)})\b[\s,:]*$", re.I)
LAST_WORD_RE = re.compile(r"(?P<word>[a-z]+)[\s,:]*$")
CONTINUATION_RE = re.compile(r"^[\s,;]*(?:and|or|then|and\s+then)?[\s,;]*$", re.I)
# "Name:" or "Name (how):" right before a quote.
LABEL_RE = re.compile(r"(?P<who>\b[A-Z][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*){0,2})\s*(?:\((?P<how>[^)]*)\))?\s*:\s*$")
PERSON_COLON_RE = re.compile(r"(?P<phrase>[^:.!?]*?)\s*(?:\((?P<how>[^)]*)\))?\s*:\s*$")
ROBOT_VOICE_RE = word_pattern([words.ROBOT_VOICE_WORDS])
MOVE_RE = re.compile(rf"^\s*(?:(?:then|and|slowly|the\s+camera\s+then)\s+)?(?:slow\s+|quick\s+|fast\s+)?"
                     rf"(?:{any_of(words.CAMERA_MOVES)})\b", re.I)
TAIL_RE = word_pattern([words.TAIL])
MAX_TAIL = 10.0  # seconds: the most a shot list's tail may be
PAUSE_RES = [(float(seconds), word_pattern([pattern])) for seconds, pattern in words.PAUSES.items()]
SFX_PATTERNS = [(name, word_pattern([pattern])) for name, pattern in words.SFX.items()]
CAPS_RUN_RE = re.compile(r"^\s*(?P<text>[A-Z0-9][A-Z0-9 &%!?.,'’:-]*[A-Z0-9!?%])(?![a-z])")
# Where unquoted speech (or unquoted sign text) stops in a prompt written without punctuation.
UNPUNCTUATED_STOP_RE = re.compile(
    r"(?:^|\s+)(?=(?:he|she|they|then|cut|close[\s-]?up|wide\s+shot|medium\s+shot|end\s+card|text\s+on\s+screen)\b)", re.I)
UNQUOTED_SPEECH_RE = re.compile(r"\b(?:says|asks|answers|replies|shouts|whispers|mutters|yells)\s+(?P<said>\S.*)$",
                                re.I)
UNQUOTED_SIGN_RE = re.compile(rf"(?:{any_of(words.SIGN_LABELS)})\s+(?:says|reads|:)\s*(?P<text>\S.*)$|"
                              rf"(?:{any_of(words.SIGN_VERBS)})\s+(?-i:(?P<caps>[A-Z0-9][A-Z0-9 &%!?.,'’:-]*[A-Z0-9!?%]))"
                              rf"(?=\s+[a-z]|\s*$|\s*[.,;])", re.I)


SFX_SPACING = 0.5  # seconds between the guessed times of a shot's sound effects, in the order named


class ProseReader:
    """Reads the sentences of a scene in order, keeping track of who was last spoken of."""

    def __init__(self, cast: Cast) -> None:
        self.cast = cast
        self.last_line: DraftLine | None = None  # the line the previous sentence ended on
        self.last_subject: Speaker | None = None  # the person the previous sentence was about

    def read(self, sentence: Sentence, shot: DraftShot) -> str:
        """Add ``sentence``'s signs, lines and sounds to ``shot``; return its text for the description.

        A camera move ("Pan across the stalls") goes to the shot's notes as well.
        """
        spoken_before = self.last_line
        kept = self._quotes(sentence, shot)
        if not sentence.quotes:
            self._unquoted(sentence, shot)
        for name, pattern in SFX_PATTERNS:
            if pattern.search(sentence.masked) and name not in (sfx.sound for sfx in shot.sfx):
                shot.sfx.append(DraftSfx(name, SFX_SPACING * len(shot.sfx)))
        if MOVE_RE.match(sentence.masked):
            shot.camera.append(squeeze(kept))
        if held := TAIL_RE.search(sentence.masked):
            shot.tail = min(float(held["seconds"]), MAX_TAIL)
        subject = self.cast.person_subject(sentence.masked)
        self.cast.observe(sentence.masked)
        self.last_subject = subject or self.last_subject
        if self.last_line is spoken_before and not _only_quotes(sentence):
            self.last_line = None
        return kept

    # --- quotes --------------------------------------------------------------------------------

    def _quotes(self, sentence: Sentence, shot: DraftShot) -> str:
        """Read every quote of ``sentence``; the sentence's text without ``Name:`` labels and their lines."""
        kept, position, previous = [], 0, None
        for quote in sentence.quotes:
            before = sentence.masked[position : quote.start]
            item, label = self._quote(sentence, quote, before, previous)
            if isinstance(item, DraftLine) and item is not previous and (pause := pause_in(before)) is not None:
                item.pause = pause
                item.note = guesses(item.note, "pause from the words before the line")
            if isinstance(item, DraftSign):
                shot.signs.append(item)
            elif isinstance(item, DraftLine):
                shot.lines.append(item)
                self.last_line = item
            if label is not None:
                kept.append(sentence.text[position : position + label])
            else:
                kept.append(sentence.text[position : quote.end])
            position, previous = quote.end, item
        kept.append(sentence.text[position:])
        return squeeze("".join(kept))

    def _quote(self, sentence: Sentence, quote: Quote, before: str,
               previous: DraftSign | DraftLine | None) -> tuple[DraftSign | DraftLine | None, int | None]:
        """The sign or line ``quote`` is (or None), and where a ``Name:`` label before it starts."""
        head = sentence.masked[: quote.start]
        context = sentence.masked
        label = LABEL_RE.search(before)
        if label and label["who"].lower() not in words.NOT_NAMES and not SIGN_LABEL_RE.search(before):
            speaker = self.cast.label(label["who"])
            how = label["how"] or ""
            return self._line(speaker, quote.text, f"({how})" if how else "", f"{how} {context}"), label.start()
        if CONTINUATION_RE.match(before) and previous is not None:
            if isinstance(previous, DraftSign):
                return DraftSign(quote.text, previous.style, previous.icon), None
            return DraftLine(previous.who, quote.text, previous.note, previous.off), None
        if self._is_sign(before, sentence.masked[quote.end :]):
            return self._sign(quote.text, context), None
        speech = list(SPEECH_RE.finditer(before)) or [match for match in LAST_WORD_RE.finditer(before)
                                                        if is_speech_verb(match["word"])]
        if speech and RELATIVE_SPEECH_RE.search(head[: len(head) - len(before) + speech[-1].end()]):
            return self._sign(quote.text, context), None  # "a note that says, in red letters, 'X'"
        if speech:
            clause = head[: len(head) - len(before) + speech[-1].start()]
            phrase = subject_phrase(clause)
            if CARRIER_RE.fullmatch(head_of(phrase)):
                return self._sign(quote.text, context), None
            speaker = self.cast.speaker_of(phrase, clause)
            if speaker:
                return self._line(speaker, quote.text, speaker.note, context), None
        if TITLE_BEFORE_RE.search(before):
            return None, None
        after = self.cast.speaker_after(sentence.masked[quote.end :])
        if after:
            return self._line(after, quote.text, after.note, context), None
        return self._loose_quote(sentence, quote, before, head, context), None

    def _loose_quote(self, sentence: Sentence, quote: Quote, before: str, head: str,
                     context: str) -> DraftLine | DraftSign | None:
        """A quote with no verb or label: standing alone after a person, or after a comma or colon."""
        alone = not head.strip(" \t\"'“‘„「") and not sentence.masked[quote.end :].strip(" .!?\"'”’")
        if alone and self.last_line is not None:
            return DraftLine(self.last_line.who, quote.text, "guessed: continues the line before", self.last_line.off)
        if alone and self.last_subject is not None:
            return self._line(self.last_subject, quote.text, "guessed: the person of the sentence before", context)
        colon = PERSON_COLON_RE.search(head) if before.rstrip().endswith(":") else None
        if colon and (speaker := self.cast.subject(colon["phrase"])):
            return self._line(speaker, quote.text, "", f"{colon['how'] or ''} {context}")
        if before.rstrip().endswith(",") and (speaker := self.cast.person_subject(head)):
            return self._line(speaker, quote.text, "guessed: no speech verb", context)
        return None

    def _is_sign(self, before: str, after: str) -> bool:
        """True when the words around a quote put it in the picture."""
        return bool(SIGN_BEFORE_RE.search(before) or SIGN_LABEL_RE.search(before) or CARRIER_BEFORE_RE.search(before)
                    or CARRIER_AFTER_RE.match(after) or RELATIVE_SPEECH_RE.search(before))

    def _sign(self, text: str, context: str) -> DraftSign:
        return DraftSign(text, first_named(words.SIGN_STYLES, context) or "sign", first_named(words.SIGN_ICONS, context))

    def _line(self, speaker: Speaker, said: str, note: str, context: str) -> DraftLine:
        return DraftLine(speaker.name, said, note, self.cast.off_screen(speaker.name, context))

    # --- unquoted speech and signs ---------------------------------------------------------------

    def _unquoted(self, sentence: Sentence, shot: DraftShot) -> None:
        """Speech or sign text written without quotes: "the barista says welcome in", "end card says SHOP"."""
        text = sentence.text
        sign = UNQUOTED_SIGN_RE.search(text)
        speech = UNQUOTED_SPEECH_RE.search(text)
        if speech and speech["said"].split()[0].lower() in words.NOT_SPOKEN_AFTER:
            speech = None
        if sign and (not speech or sign.start() < speech.start()):
            shot.signs.append(self._sign(_until_stop(sign["text"] or sign["caps"]), text))
            return
        if not speech:
            return
        said = _until_stop(speech["said"])
        phrase = subject_phrase(sentence.masked[: speech.start()])
        speaker = self.cast.speaker_of(phrase) if not CARRIER_RE.fullmatch(head_of(phrase)) else None
        if speaker and said:
            line = DraftLine(speaker.name, said, guesses(speaker.note, "unquoted speech"))
            shot.lines.append(line)
            self.last_line = line
            rest = speech["said"][len(said):]
            if rest.strip():
                self._unquoted(Sentence(rest, rest, ()), shot)


def pause_in(text: str) -> float | None:
    """The seconds of silence ``text`` asks for before a line ("after a long pause", "(beat)"), or None."""
    return next((seconds for seconds, pattern in PAUSE_RES if pattern.search(text)), None)


def guesses(*notes: str) -> str:
    """Notes joined as one comment: ``guessed: a; b`` (each note may or may not say "guessed:" already)."""
    reasons = [note.removeprefix("guessed: ") for note in notes if note]
    return "guessed: " + "; ".join(reasons) if reasons else ""


def _until_stop(text: str) -> str:
    """Unquoted text up to where the next clause starts (for prompts without punctuation)."""
    stop = UNPUNCTUATED_STOP_RE.search(text)
    return (text[: stop.start()] if stop else text).strip().rstrip(".,;")


def _only_quotes(sentence: Sentence) -> bool:
    """True for a sentence that is nothing but quotes ("'Stay.' 'Now.'")."""
    return not QUOTE_RE.sub("", sentence.text).strip(" .,!?")


def voice_of(name: str, context: str = "") -> tuple[str | None, str | None]:
    """The (voice, effect) a speaker's name (and the words describing its voice) suggest."""
    lowered = set(name.lower().replace("(", " ").replace(")", " ").split())
    voice = "male" if lowered & words.MALE_NOUNS else "female" if lowered & words.FEMALE_NOUNS else None
    voice = voice or first_named(words.VOICE_GENDERS, context)
    robot = lowered & words.ROBOT_NAMES or ROBOT_VOICE_RE.search(context)
    return (voice or ("female" if robot else None)), ("robot" if robot else None)


def characters_of(shots: list[DraftShot], cast: Cast, contexts: dict[str, str],
                  looks: dict[str, str]) -> dict[str, DraftCharacter]:
    """A guessed voice (and effect) for every speaker, from the name, the words about its voice, the pronouns.

    ``looks`` maps a name or a person noun (lower case) to how the prose describes them.
    """
    genders = {person.name: person for person in cast.people}
    found: dict[str, DraftCharacter] = {}
    for name in dict.fromkeys(line.who for shot in shots for line in shot.lines):
        voice, effect = voice_of(name, contexts.get(name, ""))
        how = "the name" if voice_of(name)[0] or voice_of(name)[1] else "the words about the voice"
        person = genders.get(name)
        if not voice and person and person.gender:
            voice, how = person.gender, person.how or "the prose"
        look = looks.get(name.casefold()) or looks.get(name.split()[-1].casefold())
        found[name] = DraftCharacter(name, voice, effect, look, how=how)
    return found
