"""Plain-text helpers shared by the importers: quotes, sentences, words, table patterns.

Everything here is one pass over its input (an import must stay linear in
the length of the source).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Quoted text: '...', "...", ‘...’, “...”, „...“ / „..." and 「...」. A single quote
# opens only after a non-word character and closes only before one, so
# apostrophes (Joe's, can't) stay inside the quote.
QUOTE_RE = re.compile(
    r"""(?<![\w'])'(?=\S)(?P<single>[^\n']+?(?:'\w[^\n']*?)*)'(?!\w)
      | "(?P<double>[^"\n]+?)"
      | ‘(?P<curly_single>[^\n’]+?)’(?!\w)
      | “(?P<curly_double>[^”\n]+?)”
      | „(?P<low>[^“”"\n]+?)[“”"]
      | 「(?P<corner>[^」\n]+?)」""",
    re.VERBOSE,
)
# Where a sentence ends: end punctuation (and closing quotes/brackets) then white space and no
# lower-case letter, or a line break; not after Mr., Dr.... Run on masked text (see mask_quotes).
SENTENCE_END_RE = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bvs)(?<!\betc)(?<!\b[A-Za-z])"
    r"(?P<end>[.!?…]+(?:[\"'’”)\]]+(?=\s+[^a-z\s]|\s*$)|(?=\s|$)))\s*|\n\s*"
)
WORD_RE = re.compile(r"[\w'’.:-]*\w|\w")
MASK = "_"


@dataclass(frozen=True)
class Quote:
    """A quoted stretch of a text: what it says and where its marks are."""

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


def mask_quotes(text: str, found: list[Quote] | None = None) -> str:
    """``text`` with the inside of every quote blanked (same length), for searching the prose only.

    A quote's final ``.``/``!``/``?`` is kept: it may end the sentence too.
    """
    parts, position = [], 0
    for quote in quotes(text) if found is None else found:
        inner = text[quote.start + 1 : quote.end - 1]
        ending = inner[-1] if inner.endswith((".", "!", "?")) else ""
        parts += [text[position : quote.start + 1], MASK * (len(inner) - len(ending)), ending]
        position = quote.end - 1
    parts.append(text[position:])
    return "".join(parts)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a source: its text, its text with quotes masked, and its quotes (offsets in ``text``)."""

    text: str
    masked: str
    quotes: tuple[Quote, ...]


def sentences(text: str) -> list[Sentence]:
    """``text`` cut into sentences; punctuation inside quotes does not end one."""
    found = quotes(text)
    masked = mask_quotes(text, found)
    spans, start = [], 0
    for match in SENTENCE_END_RE.finditer(masked):
        end = match.end("end") if match.group("end") else match.start()
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    result, index = [], 0
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin == end:
            continue
        inside = []
        while index < len(found) and found[index].start < end:
            if found[index].start >= begin:
                quote = found[index]
                inside.append(Quote(quote.text, quote.start - begin, quote.end - begin))
            index += 1
        result.append(Sentence(text[begin:end], masked[begin:end], tuple(inside)))
    return result


def sentence_of(text: str) -> Sentence:
    """``text`` as one sentence (not split)."""
    found = quotes(text)
    return Sentence(text, mask_quotes(text, found), tuple(found))


def squeeze(text: str) -> str:
    """``text`` on one line with single spaces."""
    return " ".join(text.split())


def words_of(text: str) -> list[str]:
    """The lower-case words of ``text`` (``9:16``, ``smart-casual``, ``Dr.`` are words)."""
    return [word.strip("'’.") for word in WORD_RE.findall(text.lower()) if word.strip("'’.")]


def any_of(patterns: Iterable[str]) -> str:
    """One alternation of ``patterns``, longest first (so "close-up" beats "close")."""
    return "|".join(f"(?:{pattern})" for pattern in sorted(patterns, key=len, reverse=True))


def word_pattern(patterns: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A compiled pattern matching any of ``patterns`` as whole words."""
    return re.compile(rf"(?<![\w-])(?:{any_of(patterns)})(?![\w-])", flags)


def first_named(table: dict[str, str], text: str) -> str | None:
    """The first key of ``table`` whose pattern occurs in ``text`` as whole words, or None."""
    return next((name for name, pattern in _compiled(table) if pattern.search(text)), None)


_CACHE: dict[int, list[tuple[str, re.Pattern[str]]]] = {}


def _compiled(table: dict[str, str]) -> list[tuple[str, re.Pattern[str]]]:
    compiled = _CACHE.get(id(table))
    if compiled is None:
        compiled = _CACHE[id(table)] = [(name, word_pattern([pattern])) for name, pattern in table.items()]
    return compiled


def title_case(text: str) -> str:
    """``cook`` -> ``Cook``; ``COOK`` -> ``Cook``; ``AI``, ``DJ``, ``McKay`` and ``Dr.`` stay as written."""
    return " ".join(_title_word(word) for word in text.split())


def _title_word(word: str) -> str:
    if word.isupper() and len(word.strip(".")) <= 2 and word.lower() not in ("mr", "ms", "dr", "of", "to", "my"):
        return word
    if word.isupper() or word.islower():
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
    return word
