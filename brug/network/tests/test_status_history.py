"""Item 7 of issue 15, "every change is history": a status change of a key figure (by hand or by the
decision of a selection conversation) is a new version of the person, with a status-history row and
an audit line that names the fields that changed, like every other edit."""

from __future__ import annotations

from datetime import date

import pytest

from brug.core.models import AuditLogEntry
from brug.core.versioning import StaleObject
from brug.network import services
from brug.network.models import KeyFigure, StatusChange

from .conftest import make_active, make_person

pytestmark = pytest.mark.django_db


def _status_lines(person: KeyFigure) -> list[list[str]]:
    return [
        entry.changed_fields
        for entry in AuditLogEntry.objects.filter(
            action="network.keyfigure.status", object_id=str(person.pk)
        ).order_by("id")
    ]


def test_pausing_and_stopping_bump_the_version_and_audit_the_status_field(member, network) -> None:
    person = make_active(member, network, "Bram Bos")
    before = KeyFigure.objects.get(pk=person.pk).version
    services.change_status(membership=member, key_figure=person, status="gepauzeerd")
    assert KeyFigure.objects.get(pk=person.pk).version == before + 1
    services.change_status(membership=member, key_figure=person, status="gestopt")
    stored = KeyFigure.objects.get(pk=person.pk)
    assert (stored.version, person.version) == (before + 2, before + 2)
    assert _status_lines(person)[-2:] == [["status"], ["status"]]
    assert list(StatusChange.objects.filter(key_figure=person).values_list("new_status", flat=True))[-2:] == [
        "gepauzeerd",
        "gestopt",
    ]


def test_the_conversation_that_takes_someone_on_versions_the_person_with_status_and_start_date(
    member, network
) -> None:
    person = make_person(member, network, "Bram Bos")
    before = KeyFigure.objects.get(pk=person.pk).version
    services.record_conversation(
        membership=member,
        key_figure=person,
        data={"held_on": date(2026, 2, 1), "decision": "aannemen", "reason": "Past."},
    )
    assert KeyFigure.objects.get(pk=person.pk).version == before + 1
    assert _status_lines(person) == [["start_date", "status"]]


def test_an_orientation_decision_audits_the_orientation_end_date(member, network) -> None:
    person = make_person(member, network, "Bram Bos")
    services.record_conversation(
        membership=member,
        key_figure=person,
        data={
            "held_on": date(2026, 1, 1),
            "decision": "orientatie",
            "reason": "Klein beginnen",
            "orientation_until": date(2026, 4, 1),
        },
    )
    assert _status_lines(person) == [["orientation_until", "status"]]


def test_an_edit_form_opened_before_a_status_change_cannot_overwrite_it(member, network) -> None:
    person = make_active(member, network, "Bram Bos")
    seen = KeyFigure.objects.get(pk=person.pk).version
    services.change_status(
        membership=member, key_figure=KeyFigure.objects.get(pk=person.pk), status="gepauzeerd"
    )
    with pytest.raises(StaleObject):
        services.save_key_figure(
            membership=member, key_figure=person, data={"name": "Bram Bos", "version": seen}
        )
    assert KeyFigure.objects.get(pk=person.pk).status == "gepauzeerd"


def test_erasure_is_a_new_version(member, network) -> None:
    person = make_active(member, network, "Bram Bos")
    before = KeyFigure.objects.get(pk=person.pk).version
    services.erase_key_figure(membership=member, key_figure=person)
    assert KeyFigure.objects.get(pk=person.pk).version == before + 1


def test_the_person_page_shows_the_status_history_and_version(member, network, client_for, tenancy) -> None:
    person = make_active(member, network, "Bram Bos")
    services.change_status(membership=member, key_figure=person, status="gepauzeerd")
    body = (
        client_for(tenancy.coordinator).get(f"/o/gouda/sleutelfiguren/personen/{person.pk}/").content.decode()
    )
    assert "Statusgeschiedenis" in body
    assert f"Versie {KeyFigure.objects.get(pk=person.pk).version}," in body
    assert body.index("Gepauzeerd</td>") < body.index("(nieuw)")
