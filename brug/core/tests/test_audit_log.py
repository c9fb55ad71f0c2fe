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


# ---- the page in Dutch ---------------------------------------------------------------------------


def test_the_page_shows_the_dutch_label_with_the_code_in_small_print(tenancy: Tenancy, client_for) -> None:
    record(actor=tenancy.officer, organisation=tenancy.org, action="signals.signal.change_status")
    body = client_for(tenancy.coordinator).get("/o/gouda/auditlog/").content.decode()
    assert "Signaal: status gewijzigd" in body
    assert (
        '<span class="brug-audit-code"><span class="visually-hidden">Code: </span>'
        "signals.signal.change_status</span>" in body
    )


def test_an_old_line_with_an_unknown_code_shows_the_code_once(tenancy: Tenancy, client_for) -> None:
    record(actor=tenancy.officer, organisation=tenancy.org, action="lid.toegevoegd")
    body = client_for(tenancy.coordinator).get("/o/gouda/auditlog/").content.decode()
    assert "<td>lid.toegevoegd</td>" in body and body.count("lid.toegevoegd") == 1


@pytest.mark.parametrize(
    ("who", "status"), [("coordinator", 200), ("officer", 403), ("reader", 403), ("outsider", 404)]
)
def test_only_the_organisations_managers_see_the_page_and_an_outsider_gets_404(
    tenancy: Tenancy, client_for, who: str, status: int
) -> None:
    record(actor=tenancy.officer, organisation=tenancy.org, action="signals.signal.create")
    response = client_for(getattr(tenancy, who)).get("/o/gouda/auditlog/")
    assert response.status_code == status
    assert ("Signaal: vastgelegd" in response.content.decode()) is (status == 200)


# ---- the admin list in Dutch ---------------------------------------------------------------------


def test_the_admin_list_shows_labels_and_filters_by_onderwerp_in_dutch(tenancy: Tenancy) -> None:
    from brug.core.tests.test_admin_site import _admin_client

    root = type(tenancy.coordinator).objects.create_superuser(
        email="root@brug.example", password="Geheim-wachtwoord-1", name="Rita Root"
    )
    client = _admin_client(root)
    record(actor=tenancy.officer, organisation=tenancy.org, action="signals.signal.change_status")
    record(actor=tenancy.officer, organisation=tenancy.org, action="network.keyfigure.erase")
    record(actor=tenancy.officer, organisation=tenancy.org, action="lid.toegevoegd")

    body = client.get("/beheer/core/auditlogentry/").content.decode()
    assert "Signaal: status gewijzigd<br><small><code>signals.signal.change_status</code></small>" in body
    assert "Sleutelfiguur: gegevens gewist" in body and "lid.toegevoegd" in body
    assert "?onderwerp=signals.signal" in body and ">Signaal</a>" in body  # the filter speaks Dutch

    only_signals = client.get("/beheer/core/auditlogentry/?onderwerp=signals.signal").content.decode()
    assert (
        "Signaal: status gewijzigd<br>" in only_signals
        and "Sleutelfiguur: gegevens gewist" not in only_signals
    )
    one_action = client.get("/beheer/core/auditlogentry/?handeling=network.keyfigure.erase").content.decode()
    assert (
        "Sleutelfiguur: gegevens gewist<br>" in one_action
        and "Signaal: status gewijzigd<br>" not in one_action
    )


def test_changed_fields_read_by_their_dutch_names_and_the_object_by_its_number(
    tenancy: Tenancy, client_for
) -> None:
    record(
        actor=tenancy.officer,
        organisation=tenancy.org,
        action="signals.signal.create",
        object_type="signals.Signal",
        object_id="12",
        fields=["channel", "text", "status", "no_such_field"],
    )
    record(
        actor=tenancy.officer,
        organisation=tenancy.org,
        action="signals.signal.purge_texts",
        object_type="signals.Signal",
        object_id="3 berichten",
        fields=["text"],
    )
    record(
        actor=tenancy.officer,
        organisation=tenancy.org,
        action="x.y.z",
        object_type="weg.Model",
        fields=["a_b"],
    )
    body = client_for(tenancy.coordinator).get("/o/gouda/auditlog/").content.decode()
    # Dutch where the model names the field in Dutch (the name its forms show), else the code name.
    assert "<td>kanaal, no_such_field, status, tekst</td>" in body
    assert (
        '<td>nr. 12<span class="brug-audit-code"><span class="visually-hidden">Soort: </span>signals.Signal</span>'
        in body
    )
    assert "<td>3 berichten<span" in body and "<td>tekst</td>" in body
    assert "<td>a_b</td>" in body  # a model that no longer exists


def test_a_changed_reverse_relation_reads_as_the_related_models_plural() -> None:
    from brug.core.audit_labels import field_labels

    # A meeting's measures and an analysis' chosen interventions are reverse relations, not fields.
    assert field_labels("signals.Meeting", ["measures"]) == ["maatregelen"]
    assert field_labels("analysis.JointAnalysis", ["chosen", "contributions"]) == [
        "gekozen interventies",
        "bijdragen",
    ]
