"""Follow-up of a key figure's signal: who sent it, only when they allowed contact, and audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from brug.core.models import AuditLogEntry
from brug.network import services

pytestmark = pytest.mark.django_db


def _send(active_person: Any, member: Any, *, may_contact: bool) -> Any:
    from brug.signals.models import Signal

    token = services.issue_link(membership=member, key_figure=active_person)
    Client().post(
        reverse("network:signal_link", args=[token]),
        {
            "text": "Onrust bij het buurthuis",
            "occurred_on": timezone.localdate().isoformat(),
            "severity": "2",
            **({"may_contact": "on"} if may_contact else {}),
        },
    )
    return Signal.objects.get(key_figure_id=active_person.pk)


def test_an_officer_sees_who_sent_a_signal_when_contact_was_allowed(
    client_for, tenancy, member, active_person
) -> None:
    signal = _send(active_person, member, may_contact=True)
    client = client_for(tenancy.officer)
    detail = client.get(reverse("signals:detail", args=["gouda", signal.pk])).content.decode()
    url = reverse("network:signal_sender", args=["gouda", signal.pk])
    assert url in detail
    page = client.get(url)
    assert page.status_code == 200
    assert active_person.email in page.content.decode()
    entry = AuditLogEntry.objects.get(action="network.keyfigure.contact_view")
    assert entry.actor == tenancy.officer
    assert active_person.email not in str(entry.changed_fields)


def test_no_sender_is_shown_when_contact_was_not_allowed(client_for, tenancy, member, active_person) -> None:
    signal = _send(active_person, member, may_contact=False)
    client = client_for(tenancy.coordinator)
    detail = client.get(reverse("signals:detail", args=["gouda", signal.pk])).content.decode()
    assert "wie meldde dit" not in detail
    assert client.get(reverse("network:signal_sender", args=["gouda", signal.pk])).status_code == 404
    assert not AuditLogEntry.objects.filter(action="network.keyfigure.contact_view").exists()


def test_an_outsider_and_an_unverified_session_never_see_the_sender(
    client_for, tenancy, member, active_person
) -> None:
    signal = _send(active_person, member, may_contact=True)
    outsider = client_for(tenancy.outsider)
    assert outsider.get(reverse("network:signal_sender", args=["gouda", signal.pk])).status_code == 404
    assert outsider.get(reverse("network:signal_sender", args=["delft", signal.pk])).status_code == 404
    unverified = client_for(tenancy.officer, verified=False)
    response = unverified.get(reverse("network:signal_sender", args=["gouda", signal.pk]))
    assert response.status_code == 302
    assert active_person.email not in response.content.decode()
    reader = client_for(tenancy.reader)
    assert reader.get(reverse("network:signal_sender", args=["gouda", signal.pk])).status_code == 403
    assert not AuditLogEntry.objects.filter(action="network.keyfigure.contact_view").exists()


def test_an_erased_sender_is_not_revealed(client_for, tenancy, member, active_person) -> None:
    signal = _send(active_person, member, may_contact=True)
    services.erase_key_figure(membership=member, key_figure=active_person)
    signal.refresh_from_db()
    response = client_for(tenancy.coordinator).get(
        reverse("network:signal_sender", args=["gouda", signal.pk])
    )
    assert response.status_code == 404
