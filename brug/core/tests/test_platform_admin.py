"""The platform administrator's organisation page: list, filter, create with a first coordinator."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from brug.core import services
from brug.core.models import AuditLogEntry, Invitation, Membership, Organisation, OrganisationKind, Role
from brug.municipalities.models import Municipality
from conftest import Tenancy, make_user

URL = "/o/platform/organisaties/"


@pytest.fixture
def platform(tenancy: Tenancy) -> Any:
    org = Organisation.objects.create(
        name="Brug platformbeheer", slug="platform", kind=OrganisationKind.PLATFORM
    )
    admin = make_user("beheerder@brug.example", "Bram Beheer", org, Role.ADMIN)
    return admin


def _link(body: str) -> str:
    match = re.search(r"http://[^/]+(/uitnodiging/\S+)", body)
    assert match
    return match.group(1)


def _counts() -> tuple[int, int, int]:
    return Organisation.objects.count(), Invitation.objects.count(), AuditLogEntry.objects.count()


def test_admin_sees_every_organisation_with_member_counts_and_filters_by_kind(
    platform: Any, client_for
) -> None:
    client = client_for(platform)
    page = client.get(URL).content.decode()
    assert all(f"<td>{n}</td>" in page for n in ("Gemeente Gouda", "Gemeente Delft", "Brug platformbeheer"))
    gouda = re.search(
        r"<td>Gemeente Gouda</td><td>Gemeente</td><td>Gouda</td>\s*<td>(\d+)</td><td>(\d+)</td>", page
    )
    assert gouda and gouda.groups() == ("3", "1")
    partners = client.get(URL + "?soort=partner").content.decode()
    assert "<td>Gemeente Gouda</td>" not in partners and "Geen organisaties van deze soort" in partners
    municipalities = client.get(URL + "?soort=gemeente").content.decode()
    assert (
        "<td>Gemeente Gouda</td>" in municipalities and "<td>Brug platformbeheer</td>" not in municipalities
    )
    # The municipality list offers only real municipalities without an organisation.
    options = re.findall(r'<option value="(\d+)"', municipalities)
    gouda_pk = str(Municipality.objects.get(cbs_code="GM0513").pk)
    assert options and gouda_pk not in options


def test_the_menu_shows_organisaties_only_to_platform_admins(
    platform: Any, tenancy: Tenancy, client_for
) -> None:
    assert 'href="/o/platform/organisaties/"' in client_for(platform).get("/o/platform/").content.decode()
    assert "organisaties/" not in client_for(tenancy.coordinator).get("/o/gouda/").content.decode()


def test_admin_creates_a_municipality_whose_invitee_becomes_coordinator(
    platform: Any, client_for, django_capture_on_commit_callbacks
) -> None:
    leiden = Municipality.objects.get(cbs_code="GM0546")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(platform).post(
            URL,
            {
                "kind": "gemeente",
                "municipality": leiden.pk,
                "name": "",
                "coordinator_email": "Co@Leiden.example",
            },
        )
    assert response.status_code == 302
    org = Organisation.objects.get(municipality=leiden)
    assert org.name == "Gemeente Leiden" and org.kind == OrganisationKind.MUNICIPALITY
    invitation = Invitation.objects.get(organisation=org)
    assert invitation.email == "co@leiden.example" and invitation.role == Role.COORDINATOR
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["co@leiden.example"]
    assert "Gemeente Leiden" in mail.outbox[0].subject
    newcomer = Client()
    accepted = newcomer.post(
        _link(mail.outbox[0].body), {"name": "Lea Leiden", "password": "Een-goed-wachtwoord-9"}
    )
    assert accepted.status_code == 302 and accepted["Location"] == f"/o/{org.slug}/"
    membership = Membership.objects.get(user__email="co@leiden.example")
    assert membership.organisation == org and membership.role == Role.COORDINATOR
    assert newcomer.get(f"/o/{org.slug}/leden/").status_code == 200
    platform_org = Organisation.objects.get(slug="platform")
    assert AuditLogEntry.objects.filter(organisation=platform_org, action="core.organisation.create").exists()
    assert AuditLogEntry.objects.filter(organisation=org, action="core.invitation.send").exists()


def test_admin_creates_a_partner_organisation(
    platform: Any, client_for, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(platform).post(
            URL,
            {"kind": "partner", "name": " Stichting Samen ", "coordinator_email": "co@samen.example"},
            follow=True,
        )
    assert "Stichting Samen is aangemaakt" in response.content.decode()
    org = Organisation.objects.get(name="Stichting Samen")
    assert org.kind == OrganisationKind.PARTNER and org.municipality is None
    link = _link(mail.outbox[0].body)
    Client().post(link, {"name": "Sam Samen", "password": "Een-goed-wachtwoord-9"})
    assert Membership.objects.get(user__email="co@samen.example", organisation=org).role == Role.COORDINATOR


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "gemeente", "municipality": "GM0513"}, "heeft al een organisatie"),
        ({"kind": "gemeente"}, "Kies een gemeente uit de lijst"),
        ({"kind": "partner", "name": "   "}, "Vul de naam van de partnerorganisatie in"),
        ({"kind": "partner", "name": "Stichting"}, "geldig e-mailadres"),
        ({"kind": "platform", "name": "Tweede platform"}, "Kies gemeente of partnerorganisatie"),
    ],
)
def test_refusals_save_nothing_and_send_nothing(
    platform: Any, client_for, django_capture_on_commit_callbacks, data: dict[str, str], message: str
) -> None:
    post = {"coordinator_email": "geen-adres" if "e-mail" in message else "co@x.example", "name": "", **data}
    if post.get("municipality"):
        post["municipality"] = str(Municipality.objects.get(cbs_code=post["municipality"]).pk)
    before = _counts()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(platform).post(URL, post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _counts() == before and not mail.outbox


def test_the_service_refuses_in_dutch_and_saves_nothing(
    platform: Any, django_capture_on_commit_callbacks
) -> None:
    admin = Membership.objects.get(user=platform)
    gouda = Municipality.objects.get(cbs_code="GM0513")
    cases = [
        (
            dict(kind="gemeente", name="", municipality=gouda, coordinator_email="co@x.example"),
            "al een organisatie",
        ),
        (
            dict(kind="gemeente", name="", municipality=None, coordinator_email="co@x.example"),
            "referentielijst",
        ),
        (dict(kind="partner", name=" ", municipality=None, coordinator_email="co@x.example"), "naam"),
        (
            dict(kind="partner", name="Stichting", municipality=None, coordinator_email="geen"),
            "geldig e-mailadres",
        ),
    ]
    before = _counts()
    with django_capture_on_commit_callbacks(execute=True):
        for kwargs, message in cases:
            with pytest.raises(services.MembershipError, match=message):
                services.create_organisation_with_coordinator(membership=admin, **kwargs)  # type: ignore[arg-type]
    assert _counts() == before and not mail.outbox


def test_only_a_platform_admin_may_use_the_service(tenancy: Tenancy) -> None:
    coordinator = Membership.objects.get(user=tenancy.coordinator)
    with pytest.raises(services.MembershipError, match="platformbeheerder"):
        services.create_organisation_with_coordinator(
            membership=coordinator,
            kind="partner",
            name="X",
            municipality=None,
            coordinator_email="co@x.example",
        )
    assert not Organisation.objects.filter(name="X").exists()


def test_municipality_members_get_404_on_their_own_org_and_on_the_platform(
    platform: Any, tenancy: Tenancy, client_for
) -> None:
    for user in (tenancy.reader, tenancy.officer, tenancy.coordinator):
        client = client_for(user)
        for method in ("get", "post"):
            assert getattr(client, method)("/o/gouda/organisaties/").status_code == 404
            assert (
                getattr(client, method)(
                    URL, {"kind": "partner", "name": "X", "coordinator_email": "a@b.nl"}
                ).status_code
                == 404
            )
    assert not Organisation.objects.filter(name="X").exists()


def test_an_admin_of_a_municipality_gets_404_because_the_page_only_exists_for_the_platform(
    tenancy: Tenancy, client_for
) -> None:
    other_admin = make_user("beheer@gouda.example", "Gerrit Gouda", tenancy.org, Role.ADMIN)
    assert client_for(other_admin).get("/o/gouda/organisaties/").status_code == 404


def test_a_non_admin_member_of_the_platform_gets_403(platform: Any, client_for) -> None:
    platform_org = Organisation.objects.get(slug="platform")
    facilitator = make_user("begeleider@brug.example", "Bea Begeleider", platform_org, Role.FACILITATOR)
    client = client_for(facilitator)
    assert client.get(URL).status_code == 403
    assert (
        client.post(URL, {"kind": "partner", "name": "X", "coordinator_email": "a@b.nl"}).status_code == 403
    )
    assert not Organisation.objects.filter(name="X").exists()
    assert "organisaties/" not in client.get("/o/platform/").content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login(platform: Any) -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_a_platform_admin_without_a_verified_second_factor_is_sent_to_set_it_up(
    platform: Any, client_for
) -> None:
    admin = Membership.objects.filter(organisation__slug="platform", role=Role.ADMIN).first().user
    response = client_for(admin, verified=False).post(
        URL, {"kind": "partner", "name": "X", "coordinator_email": "a@b.nl"}
    )
    assert response.status_code == 302 and "/account/tweestapsverificatie/" in response["Location"]
    assert not Organisation.objects.filter(name="X").exists()
