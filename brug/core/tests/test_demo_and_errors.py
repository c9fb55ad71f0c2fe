"""`make demo` loads reference and demo data; a second run keeps the data; error pages render."""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client, RequestFactory

from brug.core.views.pages import error_500


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "admin", "contenttypes", "auth"}
    }


@pytest.mark.django_db
def test_loading_the_demo_twice_prints_accounts_and_changes_no_counts() -> None:
    first = StringIO()
    call_command("load_demo", stdout=first)
    assert "coordinator@voorbeeldstad.example" in first.getvalue()
    assert "Brug-demo-2026" in first.getvalue()
    counts = _row_counts()
    call_command("load_demo", stdout=StringIO())
    after = _row_counts()
    # The audit log may grow (it records what the loaders do); nothing else may.
    counts.pop("core.AuditLogEntry", None)
    after.pop("core.AuditLogEntry", None)
    assert after == counts
    assert Client().login(email="coordinator@voorbeeldstad.example", password="Brug-demo-2026")


def test_the_500_page_is_dutch_and_self_contained() -> None:
    response = error_500(RequestFactory().get("/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert "Er ging iets mis" in body and "niets half opgeslagen" in body
