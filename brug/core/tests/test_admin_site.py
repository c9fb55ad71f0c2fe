"""/beheer/ has one door: Brug's login with lock-out, always a second factor, every write audited."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from django.test import Client

from brug.core import security
from brug.core.access import SESSION_2FA_KEY
from brug.core.models import AuditLogEntry, Membership, Organisation, OrganisationKind, Role, TOTPDevice, User
from conftest import Tenancy, login

PASSWORD = "Geheim-wachtwoord-1"


@pytest.fixture
def superuser(db: None) -> Any:
    return User.objects.create_superuser(email="root@brug.example", password=PASSWORD, name="Rita Root")


def _with_totp(user: Any) -> pyotp.TOTP:
    device = security.start_totp_setup(user=user)
    totp = pyotp.TOTP(device.secret)
    assert security.confirm_totp(user=user, code=totp.now()) is not None
    TOTPDevice.objects.filter(user=user).update(last_step=0)
    return totp


def _admin_client(user: Any) -> Client:
    _with_totp(user)
    return login(Client(), user, verified=True)


def test_an_anonymous_visitor_is_sent_to_brugs_login(db: None) -> None:
    client = Client()
    response = client.get("/beheer/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/inloggen/?next=")
    assert "%2Fbeheer%2F" in response.redirect_chain[-1][0]


def test_the_admins_own_login_form_never_logs_in(superuser: Any) -> None:
    client = Client()
    response = client.post("/beheer/login/", {"username": superuser.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    assert "_auth_user_id" not in client.session
    assert client.get("/beheer/").status_code == 302


def test_a_password_alone_never_opens_the_admin(superuser: Any) -> None:
    # No authenticator yet: sent to set one up.
    client = login(Client(), superuser, verified=False)
    response = client.get("/beheer/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/account/tweestapsverificatie/")
    # A session flag without a confirmed device is not enough either.
    assert login(Client(), superuser, verified=True).get("/beheer/").status_code == 302
    # With a device, but the code not given in this session: to the code step.
    _with_totp(superuser)
    response = login(Client(), superuser, verified=False).get("/beheer/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/inloggen/code/")


def test_the_full_door_password_then_code_then_admin(superuser: Any) -> None:
    totp = _with_totp(superuser)
    client = Client()
    response = client.post("/inloggen/?next=/beheer/", {"email": superuser.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/beheer/").status_code == 302  # password done, code not yet
    response = client.post(response["Location"], {"code": totp.now()})
    assert response.status_code == 302 and response["Location"] == "/beheer/"
    assert client.session[SESSION_2FA_KEY] is True
    assert client.get("/beheer/").status_code == 200


def test_a_verified_non_staff_user_gets_nothing(tenancy: Tenancy) -> None:
    client = _admin_client(tenancy.coordinator)
    assert client.get("/beheer/").status_code == 302
    assert client.get("/beheer/core/organisation/").status_code == 302


def test_admin_add_change_and_delete_land_in_the_audit_log(superuser: Any, tenancy: Tenancy) -> None:
    client = _admin_client(superuser)
    # Add: the administrator adds themself to a municipality.
    response = client.post(
        "/beheer/core/membership/add/",
        {"user": superuser.pk, "organisation": tenancy.org.pk, "role": Role.COORDINATOR},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    membership = Membership.objects.get(user=superuser)
    added = AuditLogEntry.objects.get(action="core.admin.create")
    assert (added.actor_id, added.organisation_id, added.object_id) == (
        superuser.pk,
        tenancy.org.pk,
        str(membership.pk),
    )
    assert "role" in added.changed_fields
    # Change.
    response = client.post(
        f"/beheer/core/organisation/{tenancy.org.pk}/change/",
        {
            "name": "Gemeente Gouda (gewijzigd)",
            "slug": tenancy.org.slug,
            "kind": OrganisationKind.MUNICIPALITY,
            "municipality": tenancy.org.municipality_id,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    changed = AuditLogEntry.objects.get(action="core.admin.update")
    assert changed.changed_fields == ["name"] and changed.organisation_id == tenancy.org.pk
    # Delete one object.
    response = client.post(f"/beheer/core/membership/{membership.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    deleted = AuditLogEntry.objects.get(action="core.admin.delete")
    assert deleted.object_id == str(membership.pk) and deleted.actor_id == superuser.pk


def test_a_bulk_delete_logs_every_object(superuser: Any, tenancy: Tenancy) -> None:
    client = _admin_client(superuser)
    targets = list(Membership.objects.filter(organisation=tenancy.org).exclude(role=Role.COORDINATOR))
    assert len(targets) == 2
    response = client.post(
        "/beheer/core/membership/",
        {"action": "delete_selected", "_selected_action": [m.pk for m in targets], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Membership.objects.filter(pk__in=[m.pk for m in targets]).exists()
    logged = set(AuditLogEntry.objects.filter(action="core.admin.delete").values_list("object_id", flat=True))
    assert logged == {str(m.pk) for m in targets}


def test_deleting_an_organisation_in_the_admin_is_logged(superuser: Any, db: None) -> None:
    client = _admin_client(superuser)
    org = Organisation.objects.create(name="Partner X", slug="partner-x", kind=OrganisationKind.PARTNER)
    response = client.post(f"/beheer/core/organisation/{org.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=org.pk).exists()
    entry = AuditLogEntry.objects.get(action="core.admin.delete", object_type="core.Organisation")
    assert entry.object_id == str(org.pk)


def test_an_accepted_invitation_logs_in_without_a_verified_second_factor(
    tenancy: Tenancy, client_for
) -> None:
    import re

    from django.core import mail

    client_for(tenancy.coordinator).post(
        "/o/gouda/leden/", {"email": "nieuw@gouda.example", "role": "medewerker"}
    )
    link = re.search(r"http://[^/]+(/uitnodiging/\S+)", mail.outbox[-1].body).group(1)  # type: ignore[union-attr]
    newcomer = Client()
    assert newcomer.post(link, {"name": "Nina Nieuw", "password": "Een-goed-wachtwoord-9"}).status_code == 302
    assert "_auth_user_id" in newcomer.session
    assert not newcomer.session.get(SESSION_2FA_KEY)
    # Personal data still demands the second factor: the signals pages send her to set it up.
    response = newcomer.get("/o/gouda/signalen/")
    assert response.status_code == 302 and response["Location"].startswith("/account/tweestapsverificatie/")
