"""The importer's scorecard on tests/import_corpus/ (issue #13's figures), and its targets.

Each source ``NAME.txt`` / ``NAME.fountain`` has ``NAME.expected.yaml``, written
by hand from the source alone, holding only what the source says::

    music: final-line          # the music's stop, when the source says how the music ends
    resolution: 1080x1920      # when the source names a format
    ambience: rain             # when the source names a steady background sound
    shots:                     # one entry per shot, in order
      - framing: close-up      # only where the source names the shot's size
        duration: 3            # only where the source gives a time range
        signs: [OPEN]          # text seen in the picture
        sfx: [door-slam]       # sound effects the source names
        lines:                 # who says what (short or long form, as in a shot list)
          - Cook: Order up!

Run ``python tests/test_import_score.py [-v] [--holdout]`` to print the table (``-v``: every miss;
``--holdout``: score tests/import_holdout/ instead, 12 sources written after the rules, to see how
the rules do on text they were not written for; it is printed, not held to the targets).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "import_corpus"
HOLDOUT = Path(__file__).parent / "import_holdout"
SOURCES = sorted(path for path in CORPUS.iterdir() if path.suffix in (".txt", ".fountain"))

# The "done when", as fractions.
TARGETS = {"shot count exact": 0.90, "framing where named": 0.90, "sign recall": 0.90,
           "line-speaker recall": 0.90, "line-speaker precision": 0.95, "music stop right": 0.90}


@dataclass
class Tally:
    """Hits out of a total, with the misses kept for ``-v``."""

    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, hit: bool, miss: str) -> None:
        """Count one case; remember ``miss`` when it was not a hit."""
        self.total += 1
        self.hits += hit
        if not hit:
            self.misses.append(miss)

    def ratio(self) -> float:
        """hits / total (1 when there is nothing to count)."""
        return self.hits / self.total if self.total else 1.0


def _norm_text(text: object) -> str:
    return " ".join(str(text).split()).rstrip(" ,.;:")


def _norm_who(who: object) -> str:
    words = str(who).casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _lines(shot: dict) -> list[tuple[str, str]]:
    """A shot's lines as (who, say) pairs, from short or long form."""
    pairs = []
    for line in shot.get("lines") or []:
        who, say = (line["who"], line["say"]) if "who" in line else next(iter(line.items()))
        pairs.append((_norm_who(who), _norm_text(say)))
    return pairs


def _signs(shot: dict) -> list[str]:
    return [_norm_text(sign["text"] if isinstance(sign, dict) else sign) for sign in shot.get("signs") or []]


def _sfx(shot: dict) -> list[str]:
    return [entry["sound"] if isinstance(entry, dict) else entry for entry in shot.get("sfx") or []]


def _stop(scene: dict) -> str:
    stop = str((scene.get("music") or {}).get("stop", "final-line"))
    try:
        return f"{float(stop):g}"
    except ValueError:
        return stop


def _imported(source: Path) -> dict:
    """The imported scene as data; an empty scene when the import fails."""
    from storyboard.importers import import_source

    try:
        return yaml.safe_load(import_source(source)) or {}
    except Exception as error:  # a failed import scores as an empty scene  # noqa: BLE001
        return {"shots": [], "error": f"{type(error).__name__}: {error}"}


class Scorecard:
    """The figures of issue #13 over a set of sources."""

    def __init__(self) -> None:
        self.tallies: dict[str, Tally] = {name: Tally() for name in (
            "shot count exact", "framing where named", "sign recall", "line-speaker recall",
            "line-speaker precision", "music stop right", "duration right", "sfx recall", "ambience right",
            "resolution right")}
        self.wrong_signs: list[str] = []
        self.wrong_sfx: list[str] = []

    def score(self, source: Path, expected: dict, actual: dict) -> None:
        """Add one source's comparison."""
        name = source.name
        want, got = expected.get("shots") or [], actual.get("shots") or []
        self.tallies["shot count exact"].add(len(want) == len(got), f"{name}: {len(got)} shots, want {len(want)}"
                                             + (f" ({actual['error']})" if "error" in actual else ""))
        for index, shot in enumerate(want):
            mine = got[index] if index < len(got) else {}
            for key, tally in (("framing", "framing where named"), ("duration", "duration right")):
                if key in shot:
                    self.tallies[tally].add(mine.get(key) == shot[key],
                                            f"{name} shot {index + 1}: {key} {mine.get(key)}, want {shot[key]}")
        self._compare(name, "sign", [s for shot in want for s in _signs(shot)],
                      [s for shot in got for s in _signs(shot)], self.wrong_signs)
        self._compare(name, "sfx", [s for shot in want for s in _sfx(shot)],
                      [s for shot in got for s in _sfx(shot)], self.wrong_sfx)
        self._lines(name, [pair for shot in want for pair in _lines(shot)],
                    [pair for shot in got for pair in _lines(shot)])
        if "music" in expected:
            want_stop = _stop({"music": {"stop": expected["music"]}})
            self.tallies["music stop right"].add(_stop(actual) == want_stop,
                                                 f"{name}: music stop {_stop(actual)}, want {want_stop}")
        for key in ("ambience", "resolution"):
            if key in expected:
                self.tallies[f"{key} right"].add(str(actual.get(key)) == str(expected[key]),
                                                 f"{name}: {key} {actual.get(key)}, want {expected[key]}")

    def _compare(self, name: str, what: str, want: list[str], got: list[str], wrong: list[str]) -> None:
        found = Counter(got)
        for item in want:
            self.tallies[f"{what} recall"].add(found[item] > 0, f"{name}: {what} {item!r} missed")
            found[item] -= 1
        wrong += [f"{name}: {what} {item!r} is not in the source" for item in (Counter(got) - Counter(want))]

    def _lines(self, name: str, want: list[tuple[str, str]], got: list[tuple[str, str]]) -> None:
        available = Counter(got)
        for pair in want:
            self.tallies["line-speaker recall"].add(available[pair] > 0, f"{name}: line {pair} missed")
            available[pair] -= 1
        expected = Counter(want)
        for pair in got:
            self.tallies["line-speaker precision"].add(expected[pair] > 0, f"{name}: line {pair} is wrong")
            expected[pair] -= 1

    def table(self, verbose: bool = False) -> str:
        """The figures as a plain-text table (with every miss when ``verbose``)."""
        rows = [f"{'figure':24} {'hits':>9} {'score':>7} {'target':>7}"]
        for name, tally in self.tallies.items():
            target = f"{TARGETS[name]:.0%}" if name in TARGETS else ""
            rows.append(f"{name:24} {tally.hits:>4}/{tally.total:<4} {tally.ratio():>7.0%} {target:>7}")
        rows.append(f"{'wrong signs':24} {len(self.wrong_signs):>4} {'':>12} {'0':>7}")
        rows.append(f"{'wrong sfx':24} {len(self.wrong_sfx):>4}")
        if verbose:
            for name, tally in self.tallies.items():
                rows += [f"  {name}: {miss}" for miss in tally.misses]
            rows += [f"  {miss}" for miss in self.wrong_signs + self.wrong_sfx]
        return "\n".join(rows)


def score_corpus(sources: list[Path] = SOURCES) -> Scorecard:
    """Import every source and score it against its expected file."""
    card = Scorecard()
    for source in sources:
        expected = yaml.safe_load(source.with_name(source.stem + ".expected.yaml").read_text(encoding="utf-8"))
        card.score(source, expected, _imported(source))
    return card


def test_corpus_is_wide() -> None:
    assert sum(path.suffix == ".txt" for path in SOURCES) >= 60
    assert sum(path.suffix == ".fountain" for path in SOURCES) >= 5
    assert all(path.with_name(path.stem + ".expected.yaml").is_file() for path in SOURCES)


def test_scorecard_meets_the_targets(capsys) -> None:
    card = score_corpus()
    with capsys.disabled():
        print("\n" + card.table())
    below = {name: card.tallies[name].ratio() for name, target in TARGETS.items()
             if card.tallies[name].ratio() < target}
    assert not below, card.table(verbose=True)
    assert not card.wrong_signs, card.wrong_signs


# What the importer still gets wrong on the corpus, each named; anything else missed fails.
KNOWN_MISSES = {
    "nopunct_lines.txt: framing": "no punctuation and no 'close up of': 'close up the cows' is read as prose",
    "multi_spanish.txt: ambience": "'mucha gente' (a crowd) is not in the ambience table",
}


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_each_source_gives_what_its_expected_file_says(source: Path) -> None:
    card = Scorecard()
    card.score(source, yaml.safe_load(source.with_name(source.stem + ".expected.yaml").read_text(encoding="utf-8")),
               _imported(source))
    misses = [miss for tally in card.tallies.values() for miss in tally.misses] + card.wrong_signs + card.wrong_sfx
    known = [key for key in KNOWN_MISSES if key.startswith(source.name)]
    unexpected = [miss for miss in misses if not any(miss.startswith(key.split(":")[0]) and key.split(": ")[1] in miss
                                                     for key in known)]
    assert not unexpected
    assert len(misses) == len(known), "a known miss is fixed: take it out of KNOWN_MISSES"


def test_scorer_counts_misses() -> None:
    card = Scorecard()
    expected = {"music": "end", "shots": [{"framing": "wide", "signs": ["OPEN"], "lines": [{"Cook": "Hi."}]}, {}]}
    actual = {"shots": [{"framing": "medium", "signs": ["OPEN", "SHUT"], "lines": [{"Man": "Hi."}]}]}
    card.score(Path("x.txt"), expected, actual)
    assert [card.tallies[name].ratio() for name in ("shot count exact", "framing where named", "sign recall",
                                                   "line-speaker recall", "line-speaker precision",
                                                   "music stop right")] == [0, 0, 1, 0, 0, 0]
    assert card.wrong_signs == ["x.txt: sign 'SHUT' is not in the source"]


if __name__ == "__main__":
    folder = HOLDOUT if "--holdout" in sys.argv else CORPUS
    chosen = sorted(path for path in folder.iterdir() if path.suffix in (".txt", ".fountain"))
    print(score_corpus(chosen).table(verbose="-v" in sys.argv))
