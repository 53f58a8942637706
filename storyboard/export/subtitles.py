"""The dialogue as subtitle files: SubRip (``.srt``) and WebVTT (``.vtt``), timed to the film.

Both are written from the report's lines (``who``, ``text``, ``start``,
``end`` in seconds), whatever the scene's ``captions`` says: ``captions``
governs only what is drawn on the film. A cue shows the line as written; a
blank line inside it (which would end the cue early) is dropped. WebVTT names
the speaker with a voice span (``<v Nadia>``), which players show as the line
and keep as who says it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Line = Mapping[str, Any]  # a line of the report: who, text, start, end


def srt(lines: Sequence[Line]) -> str:
    """The SubRip document of ``lines``: numbered cues, ``HH:MM:SS,mmm`` times."""
    cues = [
        f"{number}\n{_clock(line['start'], ',')} --> {_clock(line['end'], ',')}\n{_cue_text(line['text'])}\n"
        for number, line in enumerate(lines, start=1)
    ]
    return "\n".join(cues)


def vtt(lines: Sequence[Line]) -> str:
    """The WebVTT document of ``lines``: one cue per line with its speaker as a voice span."""
    cues = [
        f"{_clock(line['start'], '.')} --> {_clock(line['end'], '.')}\n"
        f"<v {_escape(line['who'])}>{_escape(_cue_text(line['text']))}\n"
        for line in lines
    ]
    return "\n".join(["WEBVTT\n", *cues])


def _clock(seconds: float, separator: str) -> str:
    """``HH:MM:SS`` then ``separator`` and milliseconds."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    whole, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{whole:02d}{separator}{millis:03d}"


def _cue_text(text: str) -> str:
    """The line as written, without the blank lines that would end a cue."""
    return "\n".join(row for row in text.splitlines() if row.strip())


def _escape(text: str) -> str:
    """WebVTT cue text: ``&``, ``<`` and ``>`` as character references."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
