"""House rule (docs/DEVELOPING.md, issue 11.2): every write of the signals part is in services/.

Reads the source of every other module and fails on an ORM write: create/save/delete/update and
their bulk forms on a manager or queryset, or a model's save()/delete(). The demo loader (demo
data, run by `load_demo`) and the migrations are the only exceptions.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXEMPT = {"demo.py"}
WRITES = {
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "update",
    "delete",
    "save",
    "set",
    "add",
    "remove",
    "clear",
}
QUERYSET = {"objects", "filter", "exclude", "all", "select_for_update", "select_related", "only"}


def _chain(node: ast.AST) -> list[str]:
    names = []
    while isinstance(node, ast.Attribute | ast.Call):
        if isinstance(node, ast.Call):
            node = node.func
            continue
        names.append(node.attr)
        node = node.value
    return names


def _writes(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in WRITES:
            continue
        receiver = _chain(node.func.value)
        on_queryset = bool(QUERYSET & set(receiver))
        on_model = node.func.attr in {"save", "delete"} and not any(
            k.arg == "commit" and isinstance(k.value, ast.Constant) and k.value.value is False
            for k in node.keywords
        )
        on_relation = node.func.attr in {"set", "add", "remove", "clear"} and "themes" in receiver
        if on_queryset and node.func.attr not in {"set", "add", "remove", "clear"} or on_model or on_relation:
            where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
            found.append(f"{where}:{node.lineno} .{node.func.attr}()")
    return found


def _modules() -> list[Path]:
    skip = {"services", "migrations", "tests"}
    return [
        p
        for p in ROOT.rglob("*.py")
        if not skip & set(p.relative_to(ROOT).parts[:-1]) and p.name not in EXEMPT
    ]


def test_no_module_outside_services_writes_to_the_database() -> None:
    assert _modules(), "the signals modules were not found"
    found = [w for p in _modules() for w in _writes(p)]
    assert found == [], "writes outside brug/signals/services/:\n" + "\n".join(found)


def test_the_check_sees_a_write(tmp_path: Path) -> None:
    module = ROOT / "views" / "_probe_for_test.py"
    module.write_text(
        "def f(qs, signal):\n    qs.filter(a=1).update(b=2)\n    signal.save()\n", encoding="utf-8"
    )
    try:
        assert len(_writes(module)) == 2
    finally:
        module.unlink()
