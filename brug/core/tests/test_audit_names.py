"""One audit-action naming scheme: `app.object.verb`, in the code and on every reader of old lines."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

from brug.core.audit import record
from brug.core.audit_names import RENAMED_ACTIONS, actions_named, canonical_action
from brug.core.models import AuditLogEntry
from conftest import Tenancy

BRUG = Path(__file__).resolve().parents[2]
ACTION_PATTERN = re.compile(r"^[a-z_]+\.[a-z_]+\.[a-z_]+$")


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _names_in(tree: ast.AST) -> list[tuple[str, int]]:
    """Every string that the code passes as an audit action: `action=…` (literals, conditionals,
    a local `action = …`) and `_audit(request, "…")` of the admin mixin."""
    found: list[tuple[str, int]] = []
    for func in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]:
        assigned: dict[str, list[str]] = {}
        for node in ast.walk(func):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == "action":
                        assigned.setdefault(target.id, []).extend(_strings(node.value))
        for node in ast.walk(func):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "add_argument":  # argparse's action="store_true"
                continue
            values = [kw.value for kw in node.keywords if kw.arg == "action"]
            if name == "_audit" and len(node.args) > 1:
                values.append(node.args[1])
            for value in values:
                found += [(s, node.lineno) for s in _strings(value)]
                if isinstance(value, ast.Name):
                    found += [(s, node.lineno) for s in assigned.get(value.id, [])]
    return found


def _action_names_in_code() -> list[tuple[str, str]]:
    names: list[tuple[str, str]] = []
    for path in BRUG.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for value, line in _names_in(ast.parse(path.read_text(encoding="utf-8"))):
            names.append((value, f"{path.relative_to(BRUG.parent)}:{line}"))
    return names


def test_every_action_name_in_the_code_follows_app_object_verb() -> None:
    names = _action_names_in_code()
    assert len(names) > 100  # the scan finds the services' names, not nothing
    wrong = [f"{where}: {value!r}" for value, where in names if not ACTION_PATTERN.match(value)]
    assert wrong == []


def test_the_scan_catches_an_old_style_name() -> None:
    code = 'def f(m):\n    action = "lid.toegevoegd" if m else "core.membership.add"\n    record(action=action)\n'
    assert [v for v, _ in _names_in(ast.parse(code))] == ["lid.toegevoegd", "core.membership.add"]


def test_every_old_name_maps_into_the_scheme() -> None:
    assert all(ACTION_PATTERN.match(new) for new in RENAMED_ACTIONS.values())
    assert not any(ACTION_PATTERN.match(old) for old in RENAMED_ACTIONS)
    assert canonical_action("wijk.toegevoegd") == "municipalities.neighbourhood.add"
    assert canonical_action("network.link.issue") == "network.link.issue"
    assert actions_named("learning.access.arrange") == [
        "learning.access.arrange",
        "learning.toegang_geregeld",
    ]


def test_old_lines_stay_as_written_and_read_in_the_scheme(tenancy: Tenancy, client_for: Any) -> None:
    old = record(
        membership=tenancy.coordinator.memberships.get(), action="lid.toegevoegd", obj=tenancy.officer
    )
    new = record(
        membership=tenancy.coordinator.memberships.get(), action="core.membership.add", obj=tenancy.reader
    )
    assert AuditLogEntry.objects.get(pk=old.pk).action == "lid.toegevoegd"  # the log is not rewritten
    assert old.canonical_action == new.canonical_action == "core.membership.add"
    both = AuditLogEntry.objects.filter(action__in=actions_named("core.membership.add"))
    assert set(both.values_list("pk", flat=True)) >= {old.pk, new.pk}
    page = client_for(tenancy.coordinator).get(f"/o/{tenancy.org.slug}/auditlog/").content.decode()
    assert "lid.toegevoegd" not in page and page.count("<td>core.membership.add</td>") >= 2
