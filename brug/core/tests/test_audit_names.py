"""One audit-action naming scheme: `app.object.verb`, in the code and on every reader of old lines."""

from __future__ import annotations

import ast
import re
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from brug.core.audit import record
from brug.core.audit_labels import ACTION_LABELS, SUBJECT_LABELS, subject_of
from brug.core.models import AuditLogEntry
from conftest import Tenancy

BRUG = Path(__file__).resolve().parents[2]
MIGRATION = import_module("brug.core.migrations.0006_audit_actions_in_one_scheme")
RENAMED_ACTIONS: dict[str, str] = MIGRATION.RENAMED_ACTIONS
BEFORE = "0005_merge_20261129_0540"
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
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name) and target.id == "action":
                        assigned.setdefault(target.id, []).extend(_strings(node.value))
                    elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                        # `action, changed = "app.object.create", [...]`
                        for element, value in zip(target.elts, node.value.elts, strict=False):
                            if isinstance(element, ast.Name) and element.id == "action":
                                assigned.setdefault(element.id, []).extend(_strings(value))
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


def _action_names_written_by_migrations() -> set[str]:
    """A migration that writes a line of its own (core 0006: `core.audit.rename_actions`)."""
    names: set[str] = set()
    for path in BRUG.glob("*/migrations/*.py"):
        names.update(value for value, _ in _names_in(ast.parse(path.read_text(encoding="utf-8"))))
    return names


def test_every_action_name_in_the_code_follows_app_object_verb() -> None:
    names = _action_names_in_code()
    assert len(names) > 100  # the scan finds the services' names, not nothing
    wrong = [f"{where}: {value!r}" for value, where in names if not ACTION_PATTERN.match(value)]
    assert wrong == []


def test_every_action_in_the_code_has_a_dutch_label() -> None:
    missing = sorted(
        {f"{value} ({where})" for value, where in _action_names_in_code() if value not in ACTION_LABELS}
        | {f"{value} (migratie)" for value in _action_names_written_by_migrations() - ACTION_LABELS.keys()}
    )
    assert missing == [], "add a label in brug/core/audit_labels.py"


def test_every_label_has_an_action_in_the_code() -> None:
    written = {value for value, _ in _action_names_in_code()} | _action_names_written_by_migrations()
    assert "core.audit.rename_actions" in written  # the migrations' own line is found
    dead = sorted(set(ACTION_LABELS) - written)
    assert dead == [], "a label without an action: remove it or fix its code"


def test_labels_read_onderwerp_colon_what_happened_one_onderwerp_per_object() -> None:
    assert all(ACTION_PATTERN.match(action) for action in ACTION_LABELS)
    wrong = [
        label for label in ACTION_LABELS.values() if len([p for p in label.split(": ") if p.strip()]) != 2
    ]
    assert wrong == []
    # Every action of one app.object names the same onderwerp, and no two objects share one.
    for action, label in ACTION_LABELS.items():
        assert label.startswith(SUBJECT_LABELS[subject_of(action)] + ": "), action
    assert len(set(SUBJECT_LABELS.values())) == len(SUBJECT_LABELS)
    assert len(set(ACTION_LABELS.values())) == len(ACTION_LABELS)


def test_the_scan_catches_an_old_style_name() -> None:
    code = 'def f(m):\n    action = "lid.toegevoegd" if m else "core.membership.add"\n    record(action=action)\n'
    assert [v for v, _ in _names_in(ast.parse(code))] == ["lid.toegevoegd", "core.membership.add"]


def test_the_scan_catches_a_name_set_together_with_others() -> None:
    code = (
        "def f(m):\n"
        "    if m:\n"
        '        action, changed = "analysis.impact.create", ["kind"]\n'
        "    else:\n"
        '        action: str = "analysis.impact.update"\n'
        "    record(action=action, fields=changed)\n"
    )
    assert [v for v, _ in _names_in(ast.parse(code))] == ["analysis.impact.create", "analysis.impact.update"]


def test_every_old_name_maps_into_the_scheme() -> None:
    assert all(ACTION_PATTERN.match(new) for new in RENAMED_ACTIONS.values())
    assert not any(ACTION_PATTERN.match(old) for old in RENAMED_ACTIONS)
    assert RENAMED_ACTIONS["wijk.toegevoegd"] == "municipalities.neighbourhood.add"


def _insert_old_line(action: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_auditlogentry (at, actor_label, action, object_type, object_id, changed_fields)"
            " VALUES (%s, 'Carla', %s, 'core.User', '7', %s)",
            [timezone.now(), action, "[]"],
        )


@pytest.mark.django_db(transaction=True)
def test_the_migration_renames_old_lines_keeps_their_written_name_and_logs_itself() -> None:
    call_command("migrate", "core", BEFORE, verbosity=0)
    _insert_old_line("lid.toegevoegd")
    _insert_old_line("core.membership.add")  # already in the scheme: left alone
    call_command("migrate", "core", verbosity=0)

    renamed = AuditLogEntry.objects.get(written_as="lid.toegevoegd")
    assert renamed.action == "core.membership.add"
    assert AuditLogEntry.objects.filter(action="core.membership.add", written_as="").count() == 1
    assert not AuditLogEntry.objects.filter(action="lid.toegevoegd").exists()
    log = AuditLogEntry.objects.get(action="core.audit.rename_actions")
    assert log.object_id == "1 regel" and log.changed_fields == ["action", "written_as"]
    if connection.vendor == "postgresql":  # the trigger is on again after the migration
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE core_auditlogentry SET action = 'x.y.z'")

    call_command("migrate", "core", BEFORE, verbosity=0)  # and back: the old name returns
    with connection.cursor() as cursor:
        cursor.execute("SELECT action FROM core_auditlogentry WHERE object_id = '7' ORDER BY action")
        assert [row[0] for row in cursor.fetchall()] == ["core.membership.add", "lid.toegevoegd"]
    call_command("migrate", "core", verbosity=0)


def test_the_audit_log_page_shows_the_label_and_the_scheme_name(tenancy: Tenancy, client_for: Any) -> None:
    record(membership=tenancy.coordinator.memberships.get(), action="core.membership.add", obj=tenancy.reader)
    page = client_for(tenancy.coordinator).get(f"/o/{tenancy.org.slug}/auditlog/").content.decode()
    assert "<td>Lidmaatschap: lid toegevoegd<span" in page
    assert '<span class="visually-hidden">Code: </span>core.membership.add</span>' in page
