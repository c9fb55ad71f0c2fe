"""Consent is enforced before anyone is taken on, dates are real, and every change names its fields."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from brug.core.models import AuditLogEntry
from brug.network import services
from brug.network.models import KeyFigure, NetworkRevision

from .conftest import make_person

pytestmark = pytest.mark.django_db

GOOD_TALK = {"held_on": date(2026, 2, 1), "enough_time": True, "click": True, "reason": "Past."}


def _without_consent(member: Any, network: Any, name: str = "Zonder Toestemming") -> KeyFigure:
    return make_person(member, network, name, consent_date=None, consent_how="", retention_until=None)


def test_a_person_without_recorded_consent_cannot_be_taken_on(member, network) -> None:
    person = _without_consent(member, network)
    with pytest.raises(services.NetworkError, match="Leg eerst de toestemming"):
        services.record_conversation(
            membership=member, key_figure=person, data={**GOOD_TALK, "decision": "aannemen"}
        )
    person.refresh_from_db()
    assert person.status == "kandidaat"
    assert not person.conversations.exists()


def test_without_consent_no_status_change_to_active_or_orientation(member, network) -> None:
    person = _without_consent(member, network)
    services.record_conversation(
        membership=member, key_figure=person, data={**GOOD_TALK, "decision": "aanhouden"}
    )
    for status in ("actief", "orientatie"):
        with pytest.raises(services.NetworkError, match="toestemming"):
            services.change_status(membership=member, key_figure=person, status=status)
    person.refresh_from_db()
    assert person.status == "gesprek"


def test_a_missing_retention_date_alone_also_blocks(member, network) -> None:
    person = make_person(member, network, "Geen Bewaardatum", retention_until=None)
    with pytest.raises(services.NetworkError, match="een bewaardatum"):
        services.record_conversation(
            membership=member, key_figure=person, data={**GOOD_TALK, "decision": "aannemen"}
        )


def test_no_signal_link_without_consent_even_for_an_active_person(member, network, active_person) -> None:
    # Consent withdrawn on paper: the date is cleared, which is refused while the person is active.
    with pytest.raises(services.NetworkError, match="toestemming"):
        services.save_key_figure(
            membership=member, key_figure=active_person, data={"consent_date": None, "retention_until": None}
        )
    KeyFigure.objects.filter(pk=active_person.pk).update(consent_how="")
    active_person.refresh_from_db()
    with pytest.raises(services.NetworkError, match="hoe de toestemming is gegeven"):
        services.issue_link(membership=member, key_figure=active_person)
    assert not active_person.signal_links.exists()


def test_consent_in_the_future_and_retention_before_consent_are_refused(member, network) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(services.NetworkError, match="in de toekomst") as future:
        make_person(member, network, "Toekomst", consent_date=tomorrow)
    assert future.value.field == "consent_date"
    with pytest.raises(services.NetworkError, match="na de datum van de toestemming") as before:
        make_person(
            member, network, "Te Vroeg", consent_date=date(2026, 1, 1), retention_until=date(2025, 6, 1)
        )
    assert before.value.field == "retention_until"
    assert not KeyFigure.objects.exists()


def test_a_selection_conversation_in_the_future_activates_nobody(member, network) -> None:
    person = make_person(member, network, "Nog Niet")
    with pytest.raises(services.NetworkError, match="in de toekomst"):
        services.record_conversation(
            membership=member,
            key_figure=person,
            data={**GOOD_TALK, "held_on": timezone.localdate() + timedelta(days=2), "decision": "aannemen"},
        )
    person.refresh_from_db()
    assert person.status == "kandidaat"


def test_orientation_is_its_own_status_and_can_become_active(member, network) -> None:
    person = make_person(member, network, "Proef Periode")
    services.record_conversation(
        membership=member, key_figure=person, data={**GOOD_TALK, "decision": "orientatie"}
    )
    person.refresh_from_db()
    assert person.get_status_display() == "In oriëntatiefase"
    services.change_status(membership=member, key_figure=person, status="actief")
    person.refresh_from_db()
    assert person.status == "actief"


def test_who_recorded_consent_is_kept(member, network) -> None:
    person = make_person(member, network, "Met Toestemming")
    assert person.consent_recorded_by == member.user


def test_red_flags_warn_before_accepting_and_can_be_overridden(client_for, tenancy, member, network) -> None:
    person = make_person(member, network, "Weinig Tijd")
    client = client_for(tenancy.coordinator)
    url = reverse("network:conversation", args=["gouda", person.pk])
    post = {"held_on": "2026-02-01", "click": "on", "decision": "aannemen", "reason": "Goede kandidaat."}
    response = client.post(url, post)
    assert response.status_code == 400
    assert "onvoldoende tijd vrijmaken" in response.content.decode()
    person.refresh_from_db()
    assert person.status == "kandidaat"
    assert client.post(url, {**post, "accept_despite_red_flags": "on"}).status_code == 302
    person.refresh_from_db()
    assert person.status == "actief"


def test_editing_a_person_through_the_form_audits_the_changed_field_names(
    client_for, tenancy, member, network, active_person
) -> None:
    client = client_for(tenancy.coordinator)
    response = client.post(
        reverse("network:person_edit", args=["gouda", active_person.pk]),
        {
            "name": active_person.name,
            "email": active_person.email,
            "kind": "informeel",
            "recruited_by": "gemeente",
            "networks": [network.pk],
            "availability": "zaterdagen",
            "known_before": "on",
            "consent_purpose": "",
            "consent_date": "2026-01-01",
            "consent_how": "Mondeling in het selectiegesprek",
            "retention_until": "2029-01-01",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = AuditLogEntry.objects.filter(action="network.keyfigure.update").latest("id")
    assert "availability" in entry.changed_fields
    assert "known_before" in entry.changed_fields
    assert "name" not in entry.changed_fields


def test_editing_board_support_through_the_form_makes_a_version(client_for, tenancy, network) -> None:
    client = client_for(tenancy.coordinator)
    before = NetworkRevision.objects.filter(network=network).count()
    response = client.post(
        reverse("network:network_edit", args=["gouda", network.pk]),
        {
            "name": network.name,
            "kind": network.kind,
            "purpose": network.purpose,
            "goal": "Een nieuw doel voor het netwerk.",
            "board_support": "informeel",
            "municipality_role": network.municipality_role,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    revision = NetworkRevision.objects.filter(network=network).latest("id")
    assert NetworkRevision.objects.filter(network=network).count() == before + 1
    assert {"goal", "board_support"} <= set(revision.changed)
    entry = AuditLogEntry.objects.filter(action="network.network.update").latest("id")
    assert {"goal", "board_support"} <= set(entry.changed_fields)
