"""Mutation test of the tenancy filters: remove each organisation filter in turn, the tests must fail.

For every selector module (brug/*/selectors.py, brug/*/selectors/__init__.py) and the few
services/views that fetch by id, every keyword argument that scopes a query to an organisation
(`organisation=`, `organisation_id=`, `…__organisation=`, `organisation_id__in=`, or a
`municipality=` taken from the membership's organisation) is removed from its call, one at a time,
in the real file (the original is restored afterwards, also on Ctrl-C). Then the tests of that app
run, with the cross-app tenancy tests first (walking only that app's routes), `-x`: the mutant is
KILLED when a test fails, SURVIVED when all pass.

Before the mutants of an app, the same command runs on the unmutated code (the baseline): it must
pass, or a "killed" would mean nothing.

    python scripts/tenancy_mutants.py                 # all apps, table on stdout
    python scripts/tenancy_mutants.py --apps signals  # one app
    python scripts/tenancy_mutants.py --list          # only list the mutants

Run it alone (parallelism 1: one pytest at a time). Browser tests are left out (-m "not browser").
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Files whose organisation filters are mutated, by app.
TARGETS: dict[str, list[str]] = {
    "core": ["brug/core/selectors.py"],
    "municipalities": ["brug/municipalities/selectors.py"],
    "learning": ["brug/learning/selectors/__init__.py"],
    "knowledge": ["brug/knowledge/selectors.py"],
    "analysis": ["brug/analysis/selectors.py"],
    "network": ["brug/network/selectors.py"],
    "signals": ["brug/signals/selectors.py", "brug/signals/views/api.py"],
    "dialogue": ["brug/dialogue/selectors.py"],
}
# Tests that every mutant of every app runs first (they walk the app's routes as an attacker).
CROSS_APP_TESTS = ["tests/tenancy/test_tenancy_walk.py", "tests/tenancy/test_tenancy_posted_ids.py"]

SCOPE_KEYWORD = re.compile(r"(^|__)(organisation|organisation_id|organisation_id__in|organisation__in)$")
MUNICIPALITY_KEYWORD = re.compile(r"(^|__)municipality(_id)?$")
# Only calls that select rows: a keyword of a constructor or a create() is no filter.
QUERY_CALLS = {"filter", "exclude", "get", "get_object_or_404", "get_list_or_404", "Q"}


@dataclass
class Mutant:
    app: str
    path: str
    line: int
    function: str
    keyword: str
    source: str  # the mutated file


def _mentions_organisation(node: ast.AST) -> bool:
    text = ast.unparse(node)
    return "organisation" in text or text in {"org", "organisation", "municipality", "municipality_id"}


def mutants_of(app: str, path: str) -> list[Mutant]:
    original = (ROOT / path).read_text()
    tree = ast.parse(original)
    found: list[tuple[int, int, str, str]] = []  # (call index, keyword index, function, keyword)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    owner: dict[int, str] = {}
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef):
            for child in ast.walk(fn):
                owner[id(child)] = fn.name
    for ci, call in enumerate(calls):
        func = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        if func not in QUERY_CALLS:
            continue
        for ki, kw in enumerate(call.keywords):
            if kw.arg is None:
                continue
            if kw.arg.endswith("__in") and SCOPE_KEYWORD.search(kw.arg):
                scoped = True  # organisation_id__in=scope.own_org_ids: the ids are the scope
            else:
                scoped = bool(
                    (SCOPE_KEYWORD.search(kw.arg) or MUNICIPALITY_KEYWORD.search(kw.arg))
                    and _mentions_organisation(kw.value)
                )
            if scoped:
                found.append((ci, ki, owner.get(id(call), "<module>"), f"{kw.arg}={ast.unparse(kw.value)}"))
    mutants = []
    for ci, ki, function, keyword in found:
        mutated = ast.parse(original)
        call = [n for n in ast.walk(mutated) if isinstance(n, ast.Call)][ci]
        line = call.keywords[ki].lineno
        del call.keywords[ki]
        mutants.append(Mutant(app, path, line, function, keyword, ast.unparse(mutated) + "\n"))
    return mutants


def command(app: str, fast: bool = False) -> list[str]:
    tests = [*CROSS_APP_TESTS] if fast else [*CROSS_APP_TESTS, f"brug/{app}/tests"]
    # In file order (no random order): the cross-app tenancy walk comes first and -x stops there.
    return [
        PYTHON,
        "-m",
        "pytest",
        *tests,
        "-x",
        "-q",
        "-p",
        "no:logging",
        "-p",
        "no:randomly",
        "-m",
        "not browser",
    ]


def run(app: str, timeout: int, fast: bool = False) -> tuple[bool, float, str]:
    env = {**os.environ, "BRUG_TENANCY_APPS": app}
    start = time.monotonic()
    try:
        proc = subprocess.run(  # noqa: S603 - our own interpreter and test paths
            command(app, fast), cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return False, time.monotonic() - start, "timeout"
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    failed = [ln for ln in lines if ln.startswith("FAILED") or ln.startswith("ERROR")]
    summary = (failed[0] if failed else lines[-1] if lines else "").replace("FAILED ", "")
    return proc.returncode == 0, time.monotonic() - start, summary


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--apps", default=",".join(TARGETS), help="comma-separated apps")
    parser.add_argument("--list", action="store_true", help="only list the mutants")
    parser.add_argument("--timeout", type=int, default=1500, help="seconds per pytest run")
    parser.add_argument("--out", default="", help="also write the markdown table to this file")
    parser.add_argument(
        "--fast",
        action="store_true",
        help="run only the cross-app tenancy tests per mutant; a survivor is rerun with the app's tests",
    )
    parser.add_argument(
        "--resume",
        default="",
        help="a table of an earlier run: its killed mutants (and baselines) are kept, not rerun",
    )
    args = parser.parse_args()
    apps = [a for a in args.apps.split(",") if a]
    rows = [
        "| app | file:line | function | filter removed | result | s | first failing test |",
        "|---|---|---|---|---|---:|---|",
    ]

    def emit(row: str) -> None:
        rows.append(row)
        print(row, flush=True)
        if args.out:
            Path(args.out).write_text("\n".join(rows) + "\n")

    done: dict[str, str] = {}
    if args.resume and Path(args.resume).exists():
        for row in Path(args.resume).read_text().splitlines():
            cells = [c.strip() for c in row.strip("|").split("|")]
            if len(cells) == 7 and cells[4] in ("killed", "passes"):
                done[f"{cells[0]} {cells[1]} {cells[3]}"] = row
    print("\n".join(rows), flush=True)
    killed = survived = 0
    for app in apps:
        mutants = [m for path in TARGETS[app] for m in mutants_of(app, path)]
        if args.list:
            for m in mutants:
                print(f"{app} {m.path}:{m.line} {m.function} {m.keyword}")
            continue
        baseline = f"{app} – none (baseline)"
        if baseline in done:
            ok, seconds, summary = True, 0.0, ""
            emit(done[baseline])
        else:
            ok, seconds, summary = run(app, args.timeout, args.fast)
        if baseline in done:
            pass
        elif not ok:
            emit(f"| {app} | – | – | (baseline) | BASELINE FAILED | {seconds:.0f} | {summary} |")
            continue
        else:
            scope = "tenancy tests" if args.fast else "tenancy + app tests"
            emit(f"| {app} | – | – | none (baseline, {scope}) | passes | {seconds:.0f} | – |")
        for m in mutants:
            earlier = done.get(f"{app} {m.path}:{m.line} `{m.keyword}`")
            if earlier:
                emit(earlier)
                killed += 1
                continue
            target = ROOT / m.path
            original = target.read_text()
            try:
                target.write_text(m.source)
                passed, seconds, summary = run(app, args.timeout, args.fast)
                if passed and args.fast:  # the app's own tests get their chance too
                    passed, more, summary = run(app, args.timeout)
                    seconds += more
            finally:
                target.write_text(original)
            result = "survived" if passed else "killed"
            killed += not passed
            survived += passed
            test = "–" if passed else summary.split(" - ")[0]
            emit(
                f"| {app} | {m.path}:{m.line} | {m.function} | `{m.keyword}` | {result} | {seconds:.0f} | {test} |"
            )
    if not args.list:
        print(f"\nkilled {killed}, survived {survived}")
    return 1 if survived else 0


if __name__ == "__main__":
    raise SystemExit(main())
