"""The audit log is append-only everywhere: model, queryset, admin and (PostgreSQL) database."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from brug.core.audit import record
from brug.core.models import AuditLogEntry
from brug.core.models.audit import AppendOnlyError
from conftest import Tenancy


def test_record_keeps_field_names_not_values(tenancy: Tenancy) -> None:
    entry = record(
        actor=tenancy.officer,
        organisation=tenancy.org,
        action="test",
        obj=tenancy.org,
        fields=["name", "email"],
    )
    assert entry.changed_fields == ["email", "name"]
    assert entry.object_type == "core.Organisation" and entry.object_id == str(tenancy.org.pk)


def test_an_entry_cannot_be_changed_or_deleted_through_the_orm(tenancy: Tenancy) -> None:
    entry = record(actor=tenancy.officer, organisation=tenancy.org, action="test")
    entry.action = "vervalst"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditLogEntry.objects.filter(pk=entry.pk).update(action="vervalst")
    with pytest.raises(AppendOnlyError):
        AuditLogEntry.objects.all().delete()
    assert AuditLogEntry.objects.get(pk=entry.pk).action == "test"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger exists on PostgreSQL only")
def test_postgresql_refuses_raw_updates_to_the_audit_log(tenancy: Tenancy) -> None:
    entry = record(actor=tenancy.officer, organisation=tenancy.org, action="test")
    with pytest.raises(Exception, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditlogentry SET action = 'x' WHERE id = %s", [entry.pk])
    assert AuditLogEntry.objects.get(pk=entry.pk).action == "test"


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger exists on PostgreSQL only")
def test_postgresql_refuses_truncate_of_the_audit_log(tenancy: Tenancy) -> None:
    entry = record(actor=tenancy.officer, organisation=tenancy.org, action="test")
    with pytest.raises(Exception, match="TRUNCATE"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE core_auditlogentry")
    with pytest.raises(Exception, match="TRUNCATE"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE core_auditlogentry CASCADE")
    assert AuditLogEntry.objects.filter(pk=entry.pk).exists()


def test_the_admin_offers_no_way_to_change_or_delete(tenancy: Tenancy, rf) -> None:
    from django.contrib.admin.sites import site

    admin = site._registry[AuditLogEntry]
    request = rf.get("/")
    request.user = tenancy.coordinator
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)
    assert not admin.has_add_permission(request)


def test_coordinators_see_only_their_own_organisations_log(tenancy: Tenancy, client_for) -> None:
    record(actor=tenancy.officer, organisation=tenancy.org, action="gouda.actie")
    record(actor=tenancy.outsider, organisation=tenancy.outsider_org, action="delft.actie")
    body = client_for(tenancy.coordinator).get("/o/gouda/auditlog/").content.decode()
    assert "gouda.actie" in body and "delft.actie" not in body


def test_the_audit_log_view_accepts_no_changes(tenancy: Tenancy, client_for) -> None:
    record(actor=tenancy.officer, organisation=tenancy.org, action="gouda.actie")
    response = client_for(tenancy.coordinator).post("/o/gouda/auditlog/", {"action": "x"})
    assert response.status_code in (200, 405)
    assert AuditLogEntry.objects.filter(action="gouda.actie").count() == 1
