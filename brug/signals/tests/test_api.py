"""The token API: JSON errors for missing or foreign tokens, validation, and the OpenAPI document."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from brug.core.models import Membership, Organisation, OrganisationKind
from brug.signals.models import ApiToken, Signal
from brug.signals.services import SignalError, create_signal, issue_token

pytestmark = pytest.mark.django_db
URL = "/api/signalen/v1/signalen/"


def _token(tenancy, org=None) -> str:
    org = org or tenancy.org
    user = tenancy.coordinator if org == tenancy.org else tenancy.outsider
    return issue_token(membership=Membership.objects.get(user=user, organisation=org), name="Meldsysteem")[1]


def _post(token: str | None, payload: object) -> object:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return Client().post(URL, data=json.dumps(payload), content_type="application/json", **headers)


def test_a_tool_with_a_token_delivers_a_signal_that_is_classified(tenancy) -> None:
    token = _token(tenancy)
    assert ApiToken.objects.get().token_hash != token, "only the hash is stored"
    response = _post(token, {"tekst": "Spanning rond het azc <b>vanavond</b>", "ernst": 3})
    assert response.status_code == 201
    data = response.json()
    assert (
        data["kanaal"] == "api"
        and data["ernst"] == 3
        and "opvang vluchtelingen en statushouders" in data["themas"]
    )
    signal = Signal.objects.get(pk=data["id"])
    assert signal.organisation == tenancy.org and signal.text == "Spanning rond het azc <b>vanavond</b>"
    got = Client().get(f"{URL}{data['id']}/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert got.status_code == 200 and got.json()["id"] == data["id"]


def test_without_a_token_or_with_a_revoked_one_the_api_answers_401_json(tenancy) -> None:
    assert _post(None, {"tekst": "x"}).status_code == 401
    assert _post("brug_verzonnen", {"tekst": "x"}).json()["fout"].startswith("Geen of een ongeldige token")
    assert Client().get(URL).status_code == 401


def test_another_organisations_token_cannot_read_our_signal(tenancy) -> None:
    ours = _post(_token(tenancy), {"tekst": "Onrust"}).json()["id"]
    foreign = _token(tenancy, tenancy.outsider_org)
    response = Client().get(f"{URL}{ours}/", HTTP_AUTHORIZATION=f"Bearer {foreign}")
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
    listed = Client().get(URL, HTTP_AUTHORIZATION=f"Bearer {foreign}").json()["signalen"]
    assert listed == []


def test_bad_input_gets_a_400_json_error_and_stores_nothing(tenancy) -> None:
    token = _token(tenancy)
    cases = [
        {"tekst": ""},
        {"tekst": "x", "moment": "2199-01-01T00:00:00+01:00"},
        {"tekst": "x", "moment": "gisteren"},
        {"tekst": "x", "ernst": 9},
        {"tekst": "x", "ernst": "hoog"},
        {"tekst": "x", "wijk": "Atlantis"},
        ["geen", "object"],
    ]
    for payload in cases:
        response = _post(token, payload)
        assert response.status_code == 400, payload
        assert "fout" in response.json()
    bad_json = Client().post(
        URL, data="{kapot", content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert bad_json.status_code == 400
    assert not Signal.objects.exists()


def test_the_openapi_document_describes_the_api(db) -> None:
    spec = Client().get("/api/signalen/openapi.json").json()
    assert spec["openapi"].startswith("3.") and "/signalen/" in spec["paths"]


def test_only_managers_manage_tokens(tenancy, client_for) -> None:
    url = f"/o/{tenancy.org.slug}/signalen/api-sleutels/"
    response = client_for(tenancy.coordinator).post(url, {"name": "Meldkamer"})
    assert response.status_code == 200 and "brug_" in response.content.decode()
    assert client_for(tenancy.officer).get(url).status_code == 403
    assert client_for(tenancy.outsider).get(url).status_code == 404


def test_a_partner_organisations_token_opens_nothing(tenancy) -> None:
    # One door with the pages (core/tests/test_partner_parts.py): an organisation that is not a
    # municipality has no signals, so its token neither delivers nor reads.
    token = _token(tenancy)
    assert _post(token, {"tekst": "Onrust bij het station"}).status_code == 201
    Organisation.objects.filter(pk=tenancy.org.pk).update(kind=OrganisationKind.PARTNER)
    assert _post(token, {"tekst": "Onrust bij het station"}).status_code == 401
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert Client().get(URL, **headers).status_code == 401
    assert Client().get(f"{URL}{Signal.objects.get().pk}/", **headers).status_code == 401
    assert Signal.objects.count() == 1
    assert _post(_token(tenancy, tenancy.outsider_org), {"tekst": "x"}).status_code == 201


def test_no_signal_is_stored_for_a_partner_organisation(tenancy) -> None:
    ess = Organisation.objects.create(name="ESS", slug="ess", kind=OrganisationKind.PARTNER)
    with pytest.raises(SignalError, match="Alleen een gemeente"):
        create_signal(organisation=ess, channel="medewerker", text="Onrust bij het station")
    assert not Signal.objects.exists()
