"""A fuzzer: seeded mutants of the shipped scenes, run through the command line in this process.

Whatever the input, the command exits 0 or 2, never with a traceback or an
"internal error", and says what is wrong in one printable line (warnings,
one a line, on a success). The mutants are the same on every run (seeded); one
cache is shared, so the lines that survive a mutation are spoken only once.
"""

from __future__ import annotations

import collections
import contextlib
import io
import random
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from storyboard.cli import main

SCENES = sorted((ROOT / "scenes").glob("*.yaml"))
MUTANTS = 300
RENDERS = 25  # the first mutants that pass check are rendered too (small and quick)
TEXT_SHARE = 0.25  # of the mutants changed as text rather than as values
HOLE = "@@hole {}@@"
HOSTILE = [
    "", "~", "null", "-1", "0", "1e400", "-.inf", ".nan", "9" * 400, "0x1F", "12:30", "007", "yes", "on",
    "2001-13-45", "=", "!!python/object/apply:os.system [echo pwned]", "!!set {a, b}", "!!binary aGk=", "!foo x",
    "!!float x", "!!str 1", '"\\e]0;title\\a"', '"a\\nstoryboard: forged.yaml:1: error"', '"\\u200b\\u2060"',
    '"..."', '"?!"', "[a, b]", "{a: 1}", "[]", "{}", "&anchor x", "*anchor", "7680x7680", "7680x4640", "17x9",
    '"東京 🚪 नमस्ते"', "A" * 1200, '"' + "word " * 199 + '"', "'unterminated", "{broken", "- nested", "600",
    "600.0001", "0.1", "121", "-0.0", "true", "false",
]
KEYS = ["<<", "id", "duration", "framing", "signs", "lines", "who", "say", "text", "style", "colour", "off", "yes",
        "pause", "prelap", "tail", "sfx", "at", "sound", "image", "notes", "music", "stop", "level", "fps", "voice"]


def mutate(text: str, rng: random.Random) -> str:
    """``text`` changed the way a typo, a bad merge or an attacker would: mostly in its values, some in its syntax."""
    return mutate_text(text, rng) if rng.random() < TEXT_SHARE else mutate_values(text, rng)


def mutate_values(text: str, rng: random.Random) -> str:
    """The scene with one to three of its values, keys or list items changed; still YAML (most of the time)."""
    data = yaml.safe_load(text)
    holes = []
    for _ in range(rng.randint(1, 3)):
        parent, key = pick(data, rng)
        kind = rng.randrange(6)
        if kind <= 1:  # a value replaced by raw hostile YAML
            holes.append(rng.choice(HOSTILE))
            parent[key] = HOLE.format(len(holes) - 1)
        elif kind == 2:  # a value dropped
            del parent[key]
        elif kind == 3 and isinstance(parent, list):  # an item repeated
            parent.insert(key, parent[key])
        elif kind == 4 and isinstance(parent, dict):  # a key renamed
            parent[rng.choice(KEYS)] = parent.pop(key)
        else:  # a number nudged across a boundary
            value = parent[key]
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                parent[key] = rng.choice([0, -1, value * 10, value + 0.001, 120, 121, 599.999, 600.001, 1e9])
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    for number, hole in enumerate(holes):
        dumped = dumped.replace(repr(HOLE.format(number)), hole).replace(HOLE.format(number), hole)
    return dumped


def pick(data: object, rng: random.Random) -> tuple[dict | list, object]:
    """A random place in ``data``: a (container, key or index) pair."""
    places = []
    todo = [data]
    while todo:
        node = todo.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            places.append((node, key))
            todo.append(value)
    return rng.choice(places)


def mutate_text(text: str, rng: random.Random) -> str:
    """``text`` changed in one or two places as text: lines dropped, repeated, swapped, cut, re-indented..."""
    lines = text.splitlines()
    for _ in range(rng.randint(1, 2)):
        at = rng.randrange(len(lines))
        kind = rng.randrange(6)
        if kind == 0:
            del lines[at]
        elif kind == 1:
            lines.insert(at, lines[at])
        elif kind == 2:
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == 3:  # a character no YAML file should hold
            column = rng.randrange(len(lines[at]) + 1)
            lines[at] = lines[at][:column] + rng.choice(["\x01", "\x1b", "\x7f", "\ufeff", "\t", "\r"]) + lines[at][column:]
        elif kind == 4:
            lines[at] = " " * rng.randrange(7) + lines[at].lstrip()
        else:  # cut short
            return "\n".join(lines[:at]) + "\n" + lines[at][: rng.randrange(len(lines[at]) + 1)]
        if not lines:
            break
    return "\n".join(lines) + "\n"


def run(args: list[str]) -> tuple[int, str]:
    """``storyboard ARGS`` in this process: its exit code and what it printed to stderr."""
    stderr, stdout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
        code = main(args)
    return code, stderr.getvalue()


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory):
    """One cache for every mutant."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STORYBOARD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


def test_mutants_are_refused_in_one_line_or_accepted(tmp_path: Path, shared_cache: None) -> None:
    rng = random.Random(20261201)
    outcomes = collections.Counter()
    for number in range(MUTANTS):
        source = rng.choice(SCENES)
        path = tmp_path / f"m{number:03d}.yaml"
        path.write_text(mutate(source.read_text(), rng))
        commands = [["check", str(path)]]
        if outcomes["render 0"] + outcomes["render 2"] < RENDERS:
            commands.append(["render", str(path), "-o", str(tmp_path / "m.mp4"), "--resolution", "64x36", "--draft"])
        for args in commands:
            code, stderr = run(args)
            where = f"mutant {number} of {source.name} ({' '.join(args)}):\n{path.read_text()}\n{stderr}"
            assert code in (0, 2), where
            assert "Traceback" not in stderr and "internal error" not in stderr, where
            lines = stderr.splitlines()
            assert all(line.isprintable() for line in lines), where
            if code == 2:
                assert len(lines) == 1 and lines[0].startswith(f"storyboard: {path}"), where
            else:
                assert all(": warning: " in line for line in lines), where
            outcomes[f"{args[0]} {code}"] += 1
            if code:
                break  # a mutant refused by check is not rendered
    assert min(outcomes["check 0"], outcomes["check 2"], outcomes["render 0"]) > 0, outcomes  # all were exercised
