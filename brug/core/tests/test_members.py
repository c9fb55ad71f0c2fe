"""Invitations, role changes and removal by a coordinator."""

from __future__ import annotations

import re
from datetime import timedelta

from django.core import mail
from django.test import Client
from django.utils import timezone

from brug.core.models import AuditLogEntry, Invitation, Membership, Role, User
from conftest import Tenancy


def _invite(client: Client, email: str = "nieuw@gouda.example", role: str = Role.OFFICER) -> str:
    response = client.post("/o/gouda/leden/", {"email": email, "role": role})
    assert response.status_code == 302
    return re.search(r"http://[^/]+(/uitnodiging/\S+)", mail.outbox[-1].body).group(1)


def test_coordinator_invites_a_colleague_who_creates_an_account(tenancy: Tenancy, client_for) -> None:
    link = _invite(client_for(tenancy.coordinator))
    newcomer = Client()
    assert newcomer.get(link).status_code == 200
    response = newcomer.post(link, {"name": "Nina Nieuw", "password": "Een-goed-wachtwoord-9"})
    assert response.status_code == 302 and response["Location"] == "/o/gouda/"
    membership = Membership.objects.get(user__email="nieuw@gouda.example")
    assert membership.role == Role.OFFICER and membership.organisation == tenancy.org
    actions = set(AuditLogEntry.objects.values_list("action", flat=True))
    assert {"core.invitation.send", "core.membership.add", "core.account.create"} <= actions


def test_a_used_invitation_link_cannot_be_used_again(tenancy: Tenancy, client_for) -> None:
    link = _invite(client_for(tenancy.coordinator))
    Client().post(link, {"name": "Nina Nieuw", "password": "Een-goed-wachtwoord-9"})
    again = Client().post(link, {"name": "Iemand Anders", "password": "Een-goed-wachtwoord-9"})
    assert again.status_code == 410
    assert "al gebruikt" in again.content.decode()
    assert User.objects.filter(email="nieuw@gouda.example").count() == 1


def test_an_expired_invitation_is_refused_and_creates_nothing(tenancy: Tenancy, client_for) -> None:
    link = _invite(client_for(tenancy.coordinator))
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = Client().post(link, {"name": "Nina Nieuw", "password": "Een-goed-wachtwoord-9"})
    assert response.status_code == 410 and "verlopen" in response.content.decode()
    assert not User.objects.filter(email="nieuw@gouda.example").exists()


def test_an_unknown_invitation_token_gets_a_friendly_page(db) -> None:
    response = Client().get("/uitnodiging/verzonnen-token/")
    assert response.status_code == 410
    assert "onbekend" in response.content.decode()


def test_a_weak_password_on_acceptance_keeps_the_invitation_open(tenancy: Tenancy, client_for) -> None:
    link = _invite(client_for(tenancy.coordinator))
    response = Client().post(link, {"name": "Nina", "password": "123"})
    assert response.status_code == 400
    assert Invitation.objects.get().used_at is None
    assert not User.objects.filter(email="nieuw@gouda.example").exists()


def test_an_invalid_email_address_is_refused_in_dutch(tenancy: Tenancy, client_for) -> None:
    response = client_for(tenancy.coordinator).post(
        "/o/gouda/leden/", {"email": "geen-adres", "role": Role.OFFICER}
    )
    assert response.status_code == 400
    assert "geldig e-mailadres" in response.content.decode()
    assert not Invitation.objects.exists()


def test_officer_cannot_invite_and_outsider_cannot_even_see_the_page(tenancy: Tenancy, client_for) -> None:
    assert (
        client_for(tenancy.officer)
        .post("/o/gouda/leden/", {"email": "x@y.nl", "role": Role.OFFICER})
        .status_code
        == 403
    )
    assert (
        client_for(tenancy.outsider)
        .post("/o/gouda/leden/", {"email": "x@y.nl", "role": Role.OFFICER})
        .status_code
        == 404
    )
    assert not Invitation.objects.exists()


def test_coordinator_changes_a_role_and_removes_a_member(tenancy: Tenancy, client_for) -> None:
    client = client_for(tenancy.coordinator)
    officer = Membership.objects.get(user=tenancy.officer)
    client.post(f"/o/gouda/leden/{officer.pk}/rol/", {"role": Role.READONLY})
    officer.refresh_from_db()
    assert officer.role == Role.READONLY
    client.post(f"/o/gouda/leden/{officer.pk}/verwijderen/")
    assert not Membership.objects.filter(pk=officer.pk).exists()
    assert AuditLogEntry.objects.filter(
        action="core.membership.change_role", changed_fields=["role"]
    ).exists()


def test_the_last_coordinator_cannot_be_demoted(tenancy: Tenancy, client_for) -> None:
    coordinator = Membership.objects.get(user=tenancy.coordinator)
    response = client_for(tenancy.coordinator).post(
        f"/o/gouda/leden/{coordinator.pk}/rol/", {"role": Role.READONLY}, follow=True
    )
    assert "minstens één coördinator" in response.content.decode()
    coordinator.refresh_from_db()
    assert coordinator.role == Role.COORDINATOR


def test_outsider_cannot_change_roles_in_another_organisation(tenancy: Tenancy, client_for) -> None:
    officer = Membership.objects.get(user=tenancy.officer)
    assert (
        client_for(tenancy.outsider)
        .post(f"/o/delft/leden/{officer.pk}/rol/", {"role": Role.COORDINATOR})
        .status_code
        == 404
    )
    officer.refresh_from_db()
    assert officer.role == Role.OFFICER


def test_a_too_short_password_is_refused_in_dutch_next_to_its_field(tenancy: Tenancy, client_for) -> None:
    link = _invite(client_for(tenancy.coordinator))
    page = Client().post(link, {"name": "Nina", "password": "kort-ww"}).content.decode()
    assert "Dit wachtwoord is te kort: gebruik minstens 10 tekens." in page
    assert "too short" not in page
    assert 'id="id_password_error"' in page
    assert not User.objects.filter(email="nieuw@gouda.example").exists()
