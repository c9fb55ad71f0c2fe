"""Every error under /api/ is JSON problem details (RFC 9457): 401, 403 (CSRF), 404, 405, 413, 415."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from brug.core.models import Membership
from brug.signals.services import issue_token

pytestmark = pytest.mark.django_db
URL = "/api/signalen/v1/signalen/"


def _token(tenancy) -> str:
    membership = Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org)
    return issue_token(membership=membership, name="Meldsysteem")[1]


def _assert_problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json"), response["Content-Type"]
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"] == "about:blank"
    return body


def test_missing_token_unknown_path_and_unknown_signal(tenancy):
    client = Client()
    _assert_problem(client.get(URL), 401)
    _assert_problem(client.get("/api/bestaat-niet/"), 404)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {_token(tenancy)}"}
    _assert_problem(client.get(URL + "999999/", **auth), 404)


@pytest.mark.parametrize("method", ["delete", "patch", "put"])
def test_other_methods_get_405_json_even_with_a_session_cookie_and_no_csrf_token(tenancy, client_for, method):
    # A logged-in browser session without CSRF token used to get the HTML "formulier is verlopen" page.
    client = client_for(tenancy.officer)
    client.handler.enforce_csrf_checks = True
    auth = {"HTTP_AUTHORIZATION": f"Bearer {_token(tenancy)}"}
    for url in (URL, URL + "1/"):
        response = getattr(client, method)(url, data="{}", content_type="application/json", **auth)
        body = _assert_problem(response, 405)
        assert "Allow" in response and body["detail"]


def test_a_csrf_refusal_under_api_is_json(tenancy, client_for):
    client = Client(enforce_csrf_checks=True)
    client.force_login(tenancy.officer)
    # The OpenAPI document is a plain (not csrf-exempt) view: a cookie POST without CSRF token.
    _assert_problem(client.post("/api/signalen/openapi.json", data={"a": "b"}), 403)


def test_a_body_over_the_limits_is_413_json_and_a_wrong_media_type_415(tenancy, settings):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {_token(tenancy)}"}
    client = Client()
    big = json.dumps({"tekst": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)})
    _assert_problem(client.post(URL, data=big, content_type="application/json", **auth), 413)
    medium = json.dumps({"tekst": "x" * 100_000})
    _assert_problem(client.post(URL, data=medium, content_type="application/json", **auth), 413)
    _assert_problem(client.post(URL, data="tekst=hallo", content_type="text/plain", **auth), 415)
    body = _assert_problem(client.post(URL, data="{kapot", content_type="application/json", **auth), 400)
    assert body["fout"] == body["detail"]


def test_pages_outside_api_keep_their_html_errors(client_for, tenancy):
    response = client_for(tenancy.outsider).get(f"/o/{tenancy.org.slug}/signalen/")
    assert response.status_code == 404 and "problem+json" not in response["Content-Type"]


def _scoped(tenancy, scope: str, days: int | None = None) -> dict[str, str]:
    membership = Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org)
    token = issue_token(membership=membership, name=scope, scope=scope, valid_days=days)[1]
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_token_scopes_send_only_read_own_and_read_all(tenancy):
    client = Client()
    send, own, everything = (
        _scoped(tenancy, "aanleveren"),
        _scoped(tenancy, "eigen"),
        _scoped(tenancy, "alles"),
    )
    ids = {}
    for name, auth in (("send", send), ("own", own)):
        response = client.post(
            URL, data=json.dumps({"tekst": f"Signaal via {name}"}), content_type="application/json", **auth
        )
        assert response.status_code == 201
        ids[name] = response.json()["id"]
    _assert_problem(client.get(URL, **send), 403)
    _assert_problem(client.get(f"{URL}{ids['send']}/", **send), 403)
    assert [s["id"] for s in client.get(URL, **own).json()["signalen"]] == [ids["own"]]
    assert client.get(f"{URL}{ids['own']}/", **own).status_code == 200
    _assert_problem(client.get(f"{URL}{ids['send']}/", **own), 404)
    assert {s["id"] for s in client.get(URL, **everything).json()["signalen"]} == set(ids.values())
    assert client.get(f"{URL}{ids['send']}/", **everything).status_code == 200


def test_an_expired_token_is_refused(tenancy):
    from datetime import timedelta

    from django.utils import timezone

    from brug.signals.models import ApiToken

    auth = _scoped(tenancy, "alles", days=30)
    assert Client().get(URL, **auth).status_code == 200
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    _assert_problem(Client().get(URL, **auth), 401)


def test_the_token_page_offers_scope_and_validity(tenancy, client_for):
    url = f"/o/{tenancy.org.slug}/signalen/api-sleutels/"
    assert client_for(tenancy.outsider).get(url).status_code == 404
    client = client_for(tenancy.coordinator)
    response = client.post(url, {"name": "Meldkamer", "scope": "eigen", "valid_days": "30"})
    assert response.status_code == 200 and "brug_" in response.content.decode()
    from brug.signals.models import ApiToken

    token = ApiToken.objects.get(name="Meldkamer")
    assert token.scope == "eigen" and token.expires_at is not None


@pytest.mark.parametrize("field", ["tekst", "wijk", "plek", "moment"])
def test_a_nul_character_in_a_text_field_is_400_and_stores_nothing(tenancy, field):
    # PostgreSQL refuses NUL in text, even in a lookup: a wijk with NUL gave a 500 (found by schemathesis).
    from brug.signals.models import Signal

    data = {"tekst": "Spandoek bij het gemeentehuis", field: "Cent\x00rum"}
    response = Client().post(
        URL,
        data=json.dumps(data),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {_token(tenancy)}",
    )
    body = _assert_problem(response, 400)
    assert "nulteken" in body["detail"]
    assert not Signal.objects.exists()
