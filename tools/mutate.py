"""Mutation testing: change a module in small ways and see whether its tests notice.

Reads its targets from the table in ``tests/MUTANTS.md`` (each module, the
tests that cover it, a time budget in seconds) and the mutants listed there
as equivalent (changes that cannot alter behaviour, each with a reason).
For each module it makes every mutant of the kinds below, runs the module's
tests against each in a copy of the working tree, and prints how many the
tests killed (failed, or ran past the time limit) out of those run, not
counting the listed equivalents::

    python tools/mutate.py                                  # every module in the table
    python tools/mutate.py --module storyboard/timeline.py  # one
    python tools/mutate.py --module storyboard/timeline.py --list   # its mutants, without running

Mutants are named by the function they are in, the code they change and
the statement it is in (``_level: compare: a <= b -> a < b in fits = ...``),
never by line number, so the list of equivalents survives edits elsewhere in
the module. When a module's
budget runs out the mutants not yet run are reported as such; they are run
in an order shuffled by the module's name, so a partial run is a fair sample.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import os
import py_compile
import random
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "MUTANTS.md"
TIMEOUT_FACTOR = 3  # a mutant's tests may take this many times the unmutated run (plus SLACK) before it counts as killed
SLACK = 20.0
# One operator kind -> its replacements; each mutant swaps one occurrence.
COMPARE_SWAPS = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
                 ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
BINARY_SWAPS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult,
                ast.Div: ast.Mult, ast.Mod: ast.FloorDiv, ast.LShift: ast.RShift, ast.RShift: ast.LShift,
                ast.BitOr: ast.BitAnd, ast.BitAnd: ast.BitOr, ast.Pow: ast.Mult}
BOOL_SWAPS = {ast.And: ast.Or, ast.Or: ast.And}
REGEX_CALLS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"}


class Target(NamedTuple):
    """A row of the table: a module, the tests that cover it, and how long its mutants may take in all."""

    module: str
    tests: list[str]
    budget: float


class Mutant(NamedTuple):
    """One small change to a module's source."""

    name: str  # "function: kind: before -> after", unique in the module
    line: int
    source: str  # the whole module with the change


class Outcome(NamedTuple):
    mutant: Mutant
    killed: bool
    seconds: float


def read_table(path: Path = TABLE) -> tuple[list[Target], dict[str, set[str]]]:
    """The targets and, per module, the names of its equivalent mutants, from the Markdown tables in ``path``."""
    targets, equivalents = [], {}
    for line in path.read_text().splitlines():
        row = line.strip()[1:-1] if line.startswith("|") else ""
        cells = [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)] if row else []
        if len(cells) < 3 or not cells[0].startswith("`storyboard/"):
            continue
        module = cells[0].strip("`")
        if cells[2].isdigit():
            targets.append(Target(module, cells[1].replace("`", "").split(), float(cells[2])))
        else:
            equivalents.setdefault(module, set()).add(cells[1].strip("`"))
    return targets, equivalents


def mutants(source: str) -> list[Mutant]:
    """Every mutant of ``source``, each name made unique by a ``#n`` suffix where the same change repeats."""
    tree = ast.parse(source)
    found: list[Mutant] = []
    seen: Counter[str] = Counter()
    for scope, statement, node, replacement, label in _changes(tree):
        name = f"{scope}: {label}"
        if statement is not node:
            line = (ast.get_source_segment(source, statement) or "").splitlines()[0].strip()
            name += f" in {_short(line)[:80]}"
        seen[name] += 1
        if seen[name] > 1:
            name += f" #{seen[name]}"
        text = "pass" if replacement is None else f"({ast.unparse(replacement)})"
        found.append(Mutant(name, node.lineno, _replaced(source, node, text)))
    return found


def _short(code: str) -> str:
    """Code on one line, as a mutant's name shows it."""
    return " ".join(code.split())


def _label(kind: str, node: ast.AST, replacement: ast.AST | None) -> str:
    """``kind: before -> after``, the code on one line."""
    after = "pass" if replacement is None else _short(ast.unparse(replacement))
    return f"{kind}: {_short(ast.unparse(node))} -> {after}"


def _replaced(source: str, node: ast.AST, text: str) -> str:
    """``source`` with ``node``'s span replaced by ``text`` (AST offsets count UTF-8 bytes)."""
    lines = source.encode().splitlines(keepends=True)
    start = sum(map(len, lines[: node.lineno - 1])) + node.col_offset
    end = sum(map(len, lines[: node.end_lineno - 1])) + node.end_col_offset
    data = source.encode()
    return (data[:start] + text.encode() + data[end:]).decode()


def _changes(tree: ast.Module) -> Iterator[tuple[str, ast.AST, ast.AST, ast.AST | None, str]]:
    """(enclosing function, statement, node, its replacement or None to delete the statement, kind) for each mutation."""
    for scope, statement, node in _walk(tree, "<module>", tree):
        for mutated, replacement, label in _expression_changes(node):
            yield scope, statement, mutated, replacement, label
        if isinstance(node, (ast.Expr, ast.AugAssign, ast.Raise)) or (
                isinstance(node, ast.Assign) and not all(isinstance(t, ast.Name) for t in node.targets)):
            if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):  # a docstring
                yield scope, node, node, None, _label("delete", node, None)


def _walk(node: ast.AST, scope: str, statement: ast.AST) -> Iterator[tuple[str, ast.AST, ast.AST]]:
    """Every node with the name of the function or class it is in, and the statement it is part of.

    Not mutated: annotations, f-strings, imports, and the numbers of a data
    table (a literal row of three or more constants: a standard's table is
    pinned by a test as a whole, not number by number).
    """
    for field, value in ast.iter_fields(node):
        children = value if isinstance(value, list) else [value]
        for child in children:
            if (not isinstance(child, ast.AST) or field in ("annotation", "returns")
                    or isinstance(child, (ast.JoinedStr, ast.Import, ast.ImportFrom)) or _is_table_row(child)):
                continue
            inner = scope
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                inner = child.name if scope == "<module>" else f"{scope}.{child.name}"
            within = child if isinstance(child, ast.stmt) else statement
            yield inner, within, child
            yield from _walk(child, inner, within)


def _is_table_row(node: ast.AST) -> bool:
    """A tuple, list or set of three or more numbers and nothing else."""
    return (isinstance(node, (ast.Tuple, ast.List, ast.Set)) and len(node.elts) >= 3
            and all(isinstance(e, ast.Constant) and type(e.value) in (int, float) for e in node.elts))


def _expression_changes(node: ast.AST) -> Iterator[tuple[ast.AST, ast.AST, str]]:
    """(node, replacement, label): the operator, constant, word and regex mutations of one node."""
    changes: list[tuple[ast.AST, ast.AST, str]] = []
    if isinstance(node, ast.Compare):
        for index, op in enumerate(node.ops):
            if type(op) in COMPARE_SWAPS:
                ops = [*node.ops[:index], COMPARE_SWAPS[type(op)](), *node.ops[index + 1:]]
                changes.append((node, ast.Compare(node.left, ops, node.comparators), "compare"))
    elif isinstance(node, ast.BinOp) and type(node.op) in BINARY_SWAPS:
        changes.append((node, ast.BinOp(node.left, BINARY_SWAPS[type(node.op)](), node.right), "arithmetic"))
    elif isinstance(node, ast.BoolOp):
        changes.append((node, ast.BoolOp(BOOL_SWAPS[type(node.op)](), node.values), "boolean"))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        changes.append((node, node.operand, "not"))
    elif isinstance(node, ast.Constant) and type(node.value) in (int, bool):
        value = (not node.value) if isinstance(node.value, bool) else node.value + 1
        changes.append((node, ast.Constant(value), "constant"))
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        changes += [(element, ast.Constant(element.value + "~"), "word") for element in node.elts
                    if isinstance(element, ast.Constant) and isinstance(element.value, str) and element.value]
    for mutated, replacement, kind in changes:
        yield mutated, replacement, _label(kind, mutated, replacement)
    if isinstance(node, ast.Call) and _is_regex_call(node):
        yield from _regex_changes(node.args[0])


def _is_regex_call(node: ast.Call) -> bool:
    """``re.compile("...")`` and the like, with the pattern written out."""
    func = node.func
    return (isinstance(func, ast.Attribute) and func.attr in REGEX_CALLS and isinstance(func.value, ast.Name)
            and func.value.id == "re" and bool(node.args) and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, (str, bytes)))


def _regex_changes(pattern: ast.Constant) -> Iterator[tuple[ast.AST, ast.AST, str]]:
    """A pattern with one of its alternatives (``a|b``, at any depth) dropped."""
    text = pattern.value
    bar = "|" if isinstance(text, str) else b"|"
    for start, end in _alternatives(text):
        dropped = text[:start] + text[end + 1:] if text[end:end + 1] == bar else text[:start - 1] + text[end:]
        yield pattern, ast.Constant(dropped), f"regex: drop {_short(repr(text[start:end]))}"


def _alternatives(pattern: str | bytes) -> list[tuple[int, int]]:
    """The (start, end) of each alternative in a pattern that has more than one at its level."""
    chars = pattern if isinstance(pattern, str) else pattern.decode("latin-1")
    groups: list[list[tuple[int, int]]] = [[]]
    starts, index, in_class = [0], 0, False
    found = []
    while index < len(chars):
        char = chars[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            groups.append([])
            starts.append(index + 1 + (len(m[0]) if (m := re.match(r"\?(?:[:=!]|<[=!]|P?<\w+>)", chars[index + 1:])) else 0))
        elif char in "|)":
            groups[-1].append((starts[-1], index))
            starts[-1] = index + 1
            if char == ")":
                if len(groups[-1]) > 1:
                    found += groups[-1]
                groups.pop(), starts.pop()
        index += 1
    groups[-1].append((starts[-1], len(chars)))
    return found + (groups[-1] if len(groups[-1]) > 1 else [])


class Runner:
    """Runs a target's tests on mutants of its module, each in a copy of the working tree."""

    def __init__(self, target: Target, jobs: int) -> None:
        self.target = target
        self.copies = [self._copy() for _ in range(jobs)]
        self.timeout = 0.0

    @staticmethod
    def _copy() -> Path:
        """A copy of the working tree's files (tracked and new) in a fresh folder, with a Python that imports it.

        The copy's ``.venv`` is a bare virtual environment whose one ``.pth``
        file puts the copy first and this environment's packages after it, so
        even ``python -I`` (which ignores the folder it runs in and
        PYTHONPATH) imports the mutant, not the editable install.
        """
        folder = Path(tempfile.mkdtemp(prefix="mutate-"))
        listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.splitlines()
        for name in listed:
            if (ROOT / name).is_file():
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, folder / name)
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder / ".venv")], check=True)
        packages = subprocess.run([_python(folder), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip()
        ours = {sysconfig.get_paths()[kind] for kind in ("purelib", "platlib")}
        Path(packages, "_mutate.pth").write_text("\n".join([str(folder), *sorted(ours)]) + "\n")
        return folder

    def run(self, copy: Path, source: str) -> tuple[bool, float]:
        """(whether the tests failed or timed out, seconds) with the module's source replaced by ``source``."""
        path = copy / self.target.module
        path.write_text(source)
        py_compile.compile(str(path), doraise=False, quiet=2,
                           invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="mutate-cache-") as cache:
            env = {**os.environ, "STORYBOARD_CACHE_DIR": cache, "PYTHONHASHSEED": "0"}
            process = subprocess.Popen(
                [_python(copy), "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *self.target.tests],
                cwd=copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            try:
                failed = process.wait(timeout=self.timeout or None) != 0
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                failed = True
        return failed, time.monotonic() - started

    def close(self) -> None:
        for copy in self.copies:
            shutil.rmtree(copy, ignore_errors=True)


def _python(copy: Path) -> str:
    """The Python of a copy's bare virtual environment."""
    return str(copy / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python"))


def run_target(target: Target, equivalent: set[str], jobs: int) -> list[Outcome]:
    """Run the target's mutants until they are done or its budget is spent; the outcomes of those run."""
    source = (ROOT / target.module).read_text()
    todo = [m for m in mutants(source) if m.name not in equivalent]
    random.Random(hashlib.sha256(target.module.encode()).digest()).shuffle(todo)
    runner = Runner(target, jobs)
    try:
        failed, seconds = runner.run(runner.copies[0], source)
        if failed:
            raise SystemExit(f"{target.module}: its tests fail without any mutant: {' '.join(target.tests)}")
        runner.timeout = TIMEOUT_FACTOR * seconds + SLACK
        deadline = time.monotonic() + target.budget
        free = list(runner.copies)
        outcomes: list[Outcome] = []

        def one(mutant: Mutant) -> Outcome | None:
            if time.monotonic() > deadline:
                return None
            copy = free.pop()
            try:
                killed, took = runner.run(copy, mutant.source)
            finally:
                free.append(copy)
            return Outcome(mutant, killed, took)

        with ThreadPoolExecutor(jobs) as pool:
            for outcome in pool.map(one, todo):
                if outcome is not None:
                    outcomes.append(outcome)
                    _progress(target, outcomes, len(todo))
        return outcomes
    finally:
        runner.close()


def _progress(target: Target, outcomes: list[Outcome], total: int) -> None:
    """A line on stderr now and then, and each survivor as it is found."""
    last = outcomes[-1]
    if not last.killed:
        print(f"  survived: {last.mutant.name}", file=sys.stderr, flush=True)
    if len(outcomes) % 25 == 0:
        killed = sum(outcome.killed for outcome in outcomes)
        print(f"  {target.module}: {len(outcomes)} of {total} run, {killed} killed", file=sys.stderr, flush=True)


def report(target: Target, outcomes: list[Outcome], total: int, equivalent: int, seconds: float) -> str:
    """The module's score line (``seconds``: its whole run, set-up included), then each surviving mutant."""
    killed = sum(outcome.killed for outcome in outcomes)
    score = f"{100 * killed / len(outcomes):.1f}%" if outcomes else "n/a"
    mean = sum(outcome.seconds for outcome in outcomes) / max(1, len(outcomes))
    lines = [f"{target.module}: {killed} killed / {len(outcomes)} = {score}"
             f" ({equivalent} listed equivalent, {total - equivalent - len(outcomes)} not run within {target.budget:.0f} s;"
             f" {mean:.1f} s a mutant; {seconds:.0f} s in all)"]
    lines += [f"  survived (line {o.mutant.line}): {o.mutant.name}" for o in sorted(outcomes, key=lambda o: o.mutant.line)
              if not o.killed]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the table's targets (or one) and print each module's score."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", help="only this module (a path in the table)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--list", action="store_true", help="print the module's mutants and exit")
    args = parser.parse_args(argv)
    targets, equivalents = read_table()
    chosen = [t for t in targets if args.module in (None, t.module)]
    if not chosen:
        parser.error(f"{args.module} is not in the table in {TABLE.relative_to(ROOT)}")
    lines, begun = [], time.monotonic()
    for target in chosen:
        every = mutants((ROOT / target.module).read_text())
        listed = equivalents.get(target.module, set())
        if args.list:
            print("\n".join(f"{m.line}: {m.name}{'  (equivalent)' if m.name in listed else ''}" for m in every))
            continue
        unknown = listed - {m.name for m in every}
        for name in sorted(unknown):
            print(f"{target.module}: listed as equivalent but no longer made: {name}", file=sys.stderr)
        started = time.monotonic()
        outcomes = run_target(target, listed, args.jobs)
        lines.append(report(target, outcomes, len(every), len(listed) - len(unknown), time.monotonic() - started))
        print(lines[-1], flush=True)
    if len(lines) > 1:
        print("\n" + "\n".join(line.splitlines()[0] for line in lines))
        print(f"{time.monotonic() - begun:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
