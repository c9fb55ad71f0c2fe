"""Mail-sending endpoints are limited per address and per IP; a reset never skips the second factor."""

from __future__ import annotations

import re

import pyotp
import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from brug.core import ratelimit, security
from brug.core.models import AuditLogEntry, FailureKind, Invitation, TOTPDevice
from conftest import Tenancy

PASSWORD = "Geheim-wachtwoord-1"


@pytest.fixture(autouse=True)
def _clean_cache() -> None:
    cache.clear()


def _reset(ip: str, email: str = "lezer@gouda.example"):  # type: ignore[no-untyped-def]
    return Client(REMOTE_ADDR=ip).post("/wachtwoord-vergeten/", {"email": email})


def test_password_reset_mails_are_limited_per_address(tenancy: Tenancy) -> None:
    allowed = ratelimit.MAILS_PER_ADDRESS.count
    assert [_reset("10.1.0.1").status_code for _ in range(allowed)] == [302] * allowed
    assert len(mail.outbox) == allowed
    # Another IP does not help: the address has had its mails for this hour.
    refused = _reset("10.1.0.2", "LEZER@gouda.example")
    assert refused.status_code == 429
    assert "te veel e-mails" in refused.content.decode()
    assert len(mail.outbox) == allowed


def test_password_reset_mails_are_limited_per_ip_also_for_unknown_addresses(tenancy: Tenancy) -> None:
    statuses = [_reset("10.1.0.3", f"onbekend{n}@elders.example").status_code for n in range(25)]
    # Unknown addresses get the same answer as known ones, until the IP's limit is reached.
    assert statuses[: ratelimit.MAILS_PER_IP.count] == [302] * ratelimit.MAILS_PER_IP.count
    assert set(statuses[ratelimit.MAILS_PER_IP.count :]) == {429}
    assert _reset("10.1.0.3").status_code == 429
    assert not mail.outbox


def test_a_reset_password_still_needs_the_second_factor_and_keeps_the_code_lockout(
    tenancy: Tenancy, settings
) -> None:
    settings.BRUG_LOCKOUT_ATTEMPTS = 3
    user = tenancy.officer
    device = security.start_totp_setup(user=user)
    totp = pyotp.TOTP(device.secret)
    security.confirm_totp(user=user, code=totp.now())
    TOTPDevice.objects.filter(user=user).update(last_step=0)
    for _ in range(3):
        security.record_login_failure(email=user.email)
        security.record_login_failure(email=user.email, kind=FailureKind.CODE)
    client = Client()
    client.post("/wachtwoord-vergeten/", {"email": user.email})
    link = re.search(r"http://testserver(/wachtwoord-herstellen/\S+)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Nieuw-wachtwoord-77", "new_password2": "Nieuw-wachtwoord-77"},
    )
    assert done.status_code == 302
    assert "_auth_user_id" not in client.session  # the reset did not log in
    assert AuditLogEntry.objects.filter(action="core.password.reset", object_id=str(user.pk)).exists()
    # The password lock-out ends, the code lock-out does not.
    assert not security.is_locked_out(email=user.email)
    assert security.is_locked_out(email=user.email, kind=FailureKind.CODE)
    login = Client()
    response = login.post("/inloggen/", {"email": user.email, "password": "Nieuw-wachtwoord-77"})
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/code/")
    assert login.post("/inloggen/code/", {"code": totp.now()}).status_code == 429
    assert "_auth_user_id" not in login.session


def test_invitation_mails_are_limited_per_address(tenancy: Tenancy, client_for) -> None:
    client = client_for(tenancy.coordinator)
    email = "gewild@elders.example"
    for _ in range(ratelimit.MAILS_PER_ADDRESS.count):
        assert client.post("/o/gouda/leden/", {"email": email, "role": "lezer"}).status_code == 302
    response = client.post("/o/gouda/leden/", {"email": email, "role": "lezer"})
    assert response.status_code == 429
    assert "te veel e-mails" in response.content.decode()
    assert len(mail.outbox) == ratelimit.MAILS_PER_ADDRESS.count
    assert Invitation.objects.filter(email=email).count() == ratelimit.MAILS_PER_ADDRESS.count
    # The outsider cannot use Gouda's page at all.
    assert (
        client_for(tenancy.outsider).post("/o/gouda/leden/", {"email": email, "role": "lezer"}).status_code
        == 404
    )
