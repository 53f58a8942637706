"""``storyboard import``: a text-to-video prompt (.txt) or a screenplay (.fountain) -> shot-list YAML.

The YAML is written to be edited: block style, keys in SPEC order, and a
``# guessed`` comment beside everything the importer had to guess.
"""

from __future__ import annotations

import re
from pathlib import Path

from storyboard.importers.errors import SourceError
from storyboard.importers.fountain import fountain_to_yaml
from storyboard.importers.prompt import prompt_to_yaml

__all__ = ["SourceError", "import_source", "prompt_to_yaml", "fountain_to_yaml", "title_from_stem"]

IMPORTERS = {".txt": prompt_to_yaml, ".fountain": fountain_to_yaml}


def import_source(path: Path) -> str:
    """Turn a .txt prompt or a .fountain screenplay into shot-list YAML text (with comments).

    Raises :class:`SourceError` (``PATH:LINE: message``) when the file cannot be
    read or holds no shot.
    """
    importer = IMPORTERS.get(path.suffix.lower())
    if importer is None:
        raise SourceError(str(path), 1, f"cannot import '{path.suffix}' files: use .txt or .fountain")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(str(path), 1, f"cannot read: {error.strerror or error}") from None
    text = decode(data, str(path))
    if not text.strip():
        raise SourceError(str(path), 1, "the file is empty: write a prompt or a screenplay in it")
    return importer(text, title_from_stem(path.stem), source=str(path))


def decode(data: bytes, source: str) -> str:
    """``data`` as UTF-8 text (a byte-order mark dropped, line ends made ``\\n``).

    Raises :class:`SourceError` naming the line of the first byte that is not
    UTF-8 (a Latin-1 or Windows-1252 file, say).
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(source, line, f"not UTF-8 text (byte 0x{data[error.start]:02x}): save the file as UTF-8") \
            from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_from_stem(stem: str) -> str:
    """A file stem as a title: ``tech_corp`` -> ``Tech Corp``; ``AI-layoffs`` -> ``AI Layoffs``."""
    words = re.split(r"[\s_-]+", stem.strip())
    return " ".join(word[:1].upper() + word[1:] for word in words if word) or stem
