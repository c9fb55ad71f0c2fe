"""Login: password, second factor with replay protection, recovery codes, lock-out, reset."""

from __future__ import annotations

import re

import pyotp
import pytest
from django.core import mail
from django.test import Client

from brug.core import security
from brug.core.access import SESSION_2FA_KEY
from brug.core.models import TOTPDevice
from conftest import Tenancy

PASSWORD = "Geheim-wachtwoord-1"


def _with_totp(user) -> pyotp.TOTP:
    device = security.start_totp_setup(user=user)
    totp = pyotp.TOTP(device.secret)
    assert security.confirm_totp(user=user, code=totp.now()) is not None
    # The confirming code is now spent; tests log in with the next time step.
    TOTPDevice.objects.filter(user=user).update(last_step=0)
    return totp


def test_login_with_email_and_password_opens_the_dashboard(tenancy: Tenancy) -> None:
    client = Client()
    response = client.post("/inloggen/", {"email": "LEZER@gouda.example", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 302  # on to the only organisation


def test_wrong_password_gives_a_dutch_message_and_no_session(tenancy: Tenancy) -> None:
    client = Client()
    response = client.post("/inloggen/", {"email": "lezer@gouda.example", "password": "fout"})
    assert response.status_code == 400
    assert "kennen we niet" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_account_even_with_the_right_password(tenancy: Tenancy) -> None:
    client = Client()
    for _ in range(5):
        client.post("/inloggen/", {"email": "lezer@gouda.example", "password": "fout"})
    response = client.post("/inloggen/", {"email": "lezer@gouda.example", "password": PASSWORD})
    assert response.status_code == 429
    assert "Te veel mislukte pogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_user_with_authenticator_needs_a_code_after_the_password(tenancy: Tenancy) -> None:
    totp = _with_totp(tenancy.officer)
    client = Client()
    response = client.post("/inloggen/", {"email": "medewerker@gouda.example", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/code/")
    assert "_auth_user_id" not in client.session  # the password alone did not log in
    response = client.post("/inloggen/code/", {"code": totp.now()})
    assert response.status_code == 302
    assert client.session[SESSION_2FA_KEY] is True


def test_a_replayed_or_wrong_code_is_refused(tenancy: Tenancy) -> None:
    totp = _with_totp(tenancy.officer)
    code = totp.now()
    first = Client()
    first.post("/inloggen/", {"email": "medewerker@gouda.example", "password": PASSWORD})
    assert first.post("/inloggen/code/", {"code": code}).status_code == 302
    second = Client()
    second.post("/inloggen/", {"email": "medewerker@gouda.example", "password": PASSWORD})
    replay = second.post("/inloggen/code/", {"code": code})
    assert replay.status_code == 400
    assert "al gebruikt" in replay.content.decode()
    wrong = second.post("/inloggen/code/", {"code": "000000" if code != "000000" else "111111"})
    assert wrong.status_code == 400
    assert "_auth_user_id" not in second.session


def test_a_recovery_code_works_once(tenancy: Tenancy) -> None:
    _with_totp(tenancy.officer)
    codes = security.regenerate_recovery_codes(user=tenancy.officer)
    client = Client()
    client.post("/inloggen/", {"email": "medewerker@gouda.example", "password": PASSWORD})
    assert client.post("/inloggen/code/", {"code": codes[0]}).status_code == 302
    again = Client()
    again.post("/inloggen/", {"email": "medewerker@gouda.example", "password": PASSWORD})
    assert again.post("/inloggen/code/", {"code": codes[0]}).status_code == 400


def test_personal_data_pages_send_an_unverified_officer_to_set_up_two_factor(tenancy: Tenancy, rf) -> None:
    from django.contrib.sessions.backends.db import SessionStore
    from django.http import HttpResponse

    from brug.core.access import org_view

    @org_view(personal_data=True)
    def sensitive(request, org_slug: str) -> HttpResponse:
        return HttpResponse("geheim")

    def call(user, verified: bool, slug: str = "gouda"):
        request = rf.get(f"/o/{slug}/x/")
        request.user = user
        request.session = SessionStore()
        if verified:
            request.session[SESSION_2FA_KEY] = True
        return sensitive(request, org_slug=slug)

    unverified = call(tenancy.officer, verified=False)
    assert unverified.status_code == 302 and "/account/tweestapsverificatie/" in unverified["Location"]
    assert call(tenancy.officer, verified=True).content == b"geheim"
    with pytest.raises(Exception) as refused:
        call(tenancy.reader, verified=True)
    assert refused.type.__name__ == "PermissionDenied"
    with pytest.raises(Exception) as hidden:
        call(tenancy.outsider, verified=True)
    assert hidden.type.__name__ == "Http404"


def test_setting_up_two_factor_in_the_browser_flow_marks_the_session(tenancy: Tenancy, client_for) -> None:
    client = client_for(tenancy.officer, verified=False)
    page = client.get("/account/tweestapsverificatie/")
    assert page.status_code == 200
    # No recovery codes exist yet, so the field does not offer one.
    assert "herstelcode" not in page.content.decode().split('name="code"')[0].rsplit("<label", 1)[1]
    secret = re.search(r'data-testid="totp-secret">(\w+)<', page.content.decode()).group(1)
    wrong = client.post("/account/tweestapsverificatie/", {"code": "123456"})
    assert wrong.status_code == 400 and not tenancy.officer.has_second_factor
    done = client.post("/account/tweestapsverificatie/", {"code": pyotp.TOTP(secret).now()})
    assert done.status_code == 200 and "herstelcodes" in done.content.decode().lower()
    assert tenancy.officer.has_second_factor and client.session[SESSION_2FA_KEY] is True


def test_password_reset_sends_a_dutch_email_with_a_single_use_link(tenancy: Tenancy) -> None:
    client = Client()
    response = client.post("/wachtwoord-vergeten/", {"email": "lezer@gouda.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "Nieuw wachtwoord" in mail.outbox[0].subject
    link = re.search(r"http://testserver(/wachtwoord-herstellen/\S+)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Nieuw-wachtwoord-77", "new_password2": "Nieuw-wachtwoord-77"},
    )
    assert done.status_code == 302
    assert Client().login(email="lezer@gouda.example", password="Nieuw-wachtwoord-77")
    reused = Client().get(link, follow=True)
    assert "verlopen of al gebruikt" in reused.content.decode()


def test_forged_form_without_csrf_token_is_refused_in_dutch(tenancy: Tenancy) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/inloggen/", {"email": "lezer@gouda.example", "password": PASSWORD})
    assert response.status_code == 403
    assert "formulier is verlopen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def _wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def test_code_failures_are_not_reset_by_a_correct_password(tenancy: Tenancy, settings) -> None:
    """The attack of issue 10: 4 wrong codes, log in again, repeat. The 5th wrong code locks."""
    settings.BRUG_LOCKOUT_ATTEMPTS = 5
    totp = _with_totp(tenancy.officer)
    email = "medewerker@gouda.example"
    wrong = _wrong(totp.now())
    for _round in range(2):
        client = Client()
        assert client.post("/inloggen/", {"email": email, "password": PASSWORD}).status_code == 302
        for _ in range(4 if _round == 0 else 1):
            assert client.post("/inloggen/code/", {"code": wrong}).status_code == 400
    # Five wrong codes over two logins: the next attempt, even with the right code, is refused.
    client = Client()
    assert client.post("/inloggen/", {"email": email, "password": PASSWORD}).status_code == 302
    response = client.post("/inloggen/code/", {"code": totp.now()})
    assert response.status_code == 429
    assert "Te veel mislukte pogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # The password counter is separate: the correct password was accepted every time.
    assert not security.is_locked_out(email=email)
    assert security.is_locked_out(email=email, kind="code")


def test_wrong_codes_do_not_lock_the_password_step_and_a_right_code_clears_them(
    tenancy: Tenancy, settings
) -> None:
    settings.BRUG_LOCKOUT_ATTEMPTS = 5
    totp = _with_totp(tenancy.officer)
    email = "medewerker@gouda.example"
    client = Client()
    client.post("/inloggen/", {"email": email, "password": PASSWORD})
    for _ in range(4):
        client.post("/inloggen/code/", {"code": _wrong(totp.now())})
    assert client.post("/inloggen/code/", {"code": totp.now()}).status_code == 302
    assert not security.is_locked_out(email=email, kind="code")
    from brug.core.models import LoginFailure

    assert not LoginFailure.objects.filter(email=email).exists()


def test_password_failures_are_not_reset_by_a_correct_code(tenancy: Tenancy, settings) -> None:
    settings.BRUG_LOCKOUT_ATTEMPTS = 3
    totp = _with_totp(tenancy.officer)
    email = "medewerker@gouda.example"
    for _ in range(2):
        Client().post("/inloggen/", {"email": email, "password": "fout"})
    client = Client()
    client.post("/inloggen/", {"email": email, "password": PASSWORD})
    # The correct password cleared the password failures; a correct code must not clear more.
    security.record_login_failure(email=email)
    assert client.post("/inloggen/code/", {"code": totp.now()}).status_code == 302
    from brug.core.models import LoginFailure

    assert LoginFailure.objects.filter(email=email, kind="wachtwoord").count() == 1
