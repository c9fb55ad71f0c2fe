"""Tenancy: members see their organisation, weaker roles are refused, outsiders get 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import Tenancy


def test_member_sees_the_dashboard_of_their_organisation(tenancy: Tenancy, client_for) -> None:
    response = client_for(tenancy.reader).get(reverse("core:dashboard", args=["gouda"]))
    assert response.status_code == 200
    assert "Gemeente Gouda" in response.content.decode()


def test_outsider_gets_404_for_another_municipalitys_dashboard(tenancy: Tenancy, client_for) -> None:
    response = client_for(tenancy.outsider).get(reverse("core:dashboard", args=["gouda"]))
    assert response.status_code == 404
    assert "Gouda" not in response.content.decode()


def test_unknown_organisation_in_the_url_answers_404_in_dutch(tenancy: Tenancy, client_for) -> None:
    response = client_for(tenancy.coordinator).get("/o/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_anonymous_visitor_is_sent_to_login(db) -> None:
    from django.test import Client

    response = Client().get("/o/gouda/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


@pytest.mark.parametrize("name", ["core:members", "core:audit_log"])
def test_only_coordinators_manage_members_and_read_the_audit_log(
    tenancy: Tenancy, client_for, name: str
) -> None:
    url = reverse(name, args=["gouda"])
    assert client_for(tenancy.coordinator).get(url).status_code == 200
    assert client_for(tenancy.officer).get(url).status_code == 403
    assert client_for(tenancy.reader).get(url).status_code == 403
    assert client_for(tenancy.outsider).get(url).status_code == 404


def test_user_with_two_organisations_can_choose_between_them(tenancy: Tenancy, client_for) -> None:
    from brug.core.models import Membership, Role

    Membership.objects.create(user=tenancy.officer, organisation=tenancy.outsider_org, role=Role.READONLY)
    client = client_for(tenancy.officer)
    home = client.get("/")
    assert home.status_code == 200
    body = home.content.decode()
    assert "Gemeente Gouda" in body and "Gemeente Delft" in body
    assert client.get("/o/delft/").status_code == 200


def test_single_organisation_user_goes_straight_to_the_dashboard(tenancy: Tenancy, client_for) -> None:
    response = client_for(tenancy.reader).get("/")
    assert response.status_code == 302 and response["Location"] == "/o/gouda/"


def test_neighbourhoods_are_added_by_officers_and_hidden_from_outsiders(tenancy: Tenancy, client_for) -> None:
    url = reverse("municipalities:neighbourhoods", args=["gouda"])
    response = client_for(tenancy.officer).post(url, {"name": "Korte Akkeren", "cbs_code": "WK051301"})
    assert response.status_code == 302
    assert tenancy.org.municipality.neighbourhoods.filter(name="Korte Akkeren").exists()
    assert "Korte Akkeren" not in client_for(tenancy.outsider).get(url).content.decode()
    assert client_for(tenancy.outsider).get(url).status_code == 404
    assert client_for(tenancy.reader).post(url, {"name": "Bloemendaal"}).status_code == 403
    assert not tenancy.org.municipality.neighbourhoods.filter(name="Bloemendaal").exists()


def test_a_duplicate_neighbourhood_or_bad_code_is_refused_in_dutch(tenancy: Tenancy, client_for) -> None:
    url = reverse("municipalities:neighbourhoods", args=["gouda"])
    client = client_for(tenancy.officer)
    client.post(url, {"name": "Oosterwei"})
    duplicate = client.post(url, {"name": "Oosterwei"})
    assert duplicate.status_code == 400
    assert "bestaat al" in duplicate.content.decode()
    bad_code = client.post(url, {"name": "Plaswijck", "cbs_code": "12345"})
    assert bad_code.status_code == 400
    assert "CBS-wijkcode" in bad_code.content.decode()
    assert tenancy.org.municipality.neighbourhoods.count() == 1


def test_outsider_cannot_delete_a_neighbourhood_of_another_municipality(tenancy: Tenancy, client_for) -> None:
    from brug.municipalities.models import Neighbourhood

    hood = Neighbourhood.objects.create(municipality=tenancy.org.municipality, name="Centrum")
    url = reverse("municipalities:neighbourhood_remove", args=["delft", hood.pk])
    assert client_for(tenancy.outsider).post(url).status_code == 404
    assert Neighbourhood.objects.filter(pk=hood.pk).exists()
