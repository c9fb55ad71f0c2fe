"""Roles can only be granted by those allowed to: the facilitator role only by the platform."""

from __future__ import annotations

import pytest
from django.core import mail

from brug.core import services
from brug.core.forms import InviteForm, RoleForm
from brug.core.models import Invitation, Membership, Role
from conftest import Tenancy, make_user


def _membership(user, org) -> Membership:  # type: ignore[no-untyped-def]
    return Membership.objects.get(user=user, organisation=org)


def test_a_coordinator_cannot_invite_a_facilitator_through_the_service(tenancy: Tenancy) -> None:
    coordinator = _membership(tenancy.coordinator, tenancy.org)
    with pytest.raises(services.MembershipError, match="platformbeheerder"):
        services.invite(membership=coordinator, email="x@elders.example", role=Role.FACILITATOR)
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_a_coordinator_cannot_make_a_member_facilitator_through_the_service(tenancy: Tenancy) -> None:
    coordinator = _membership(tenancy.coordinator, tenancy.org)
    officer = _membership(tenancy.officer, tenancy.org)
    with pytest.raises(services.MembershipError, match="platformbeheerder"):
        services.change_role(membership=coordinator, target=officer, role=Role.FACILITATOR)
    officer.refresh_from_db()
    assert officer.role == Role.OFFICER


def test_a_coordinator_cannot_demote_a_facilitator_either(tenancy: Tenancy) -> None:
    facilitator = make_user("begeleider@gouda.example", "Bea Begeleider", tenancy.org, Role.FACILITATOR)
    coordinator = _membership(tenancy.coordinator, tenancy.org)
    target = _membership(facilitator, tenancy.org)
    with pytest.raises(services.MembershipError):
        services.change_role(membership=coordinator, target=target, role=Role.READONLY)
    target.refresh_from_db()
    assert target.role == Role.FACILITATOR


def test_the_platform_administrator_may_grant_the_facilitator_role(tenancy: Tenancy) -> None:
    admin = make_user("beheer@gouda.example", "Bert Beheer", tenancy.org, Role.ADMIN)
    admin_membership = _membership(admin, tenancy.org)
    officer = _membership(tenancy.officer, tenancy.org)
    services.change_role(membership=admin_membership, target=officer, role=Role.FACILITATOR)
    officer.refresh_from_db()
    assert officer.role == Role.FACILITATOR
    issued = services.invite(membership=admin_membership, email="b@ess.example", role=Role.FACILITATOR)
    assert issued.invitation.role == Role.FACILITATOR


def test_the_forms_offer_a_coordinator_no_facilitator_role(tenancy: Tenancy) -> None:
    grantable = services.grantable_roles(_membership(tenancy.coordinator, tenancy.org))
    assert Role.FACILITATOR not in grantable and Role.ADMIN not in grantable
    for form in (
        InviteForm({"email": "x@elders.example", "role": Role.FACILITATOR}, grantable=grantable),
        RoleForm({"role": Role.FACILITATOR}, grantable=grantable),
    ):
        assert not form.is_valid()
        assert "role" in form.errors
    # Without a list, the forms fall back to the roles any coordinator may give.
    assert not RoleForm({"role": Role.FACILITATOR}).is_valid()
    assert RoleForm({"role": Role.OFFICER}).is_valid()


def test_posting_the_facilitator_role_to_the_member_pages_changes_nothing(
    tenancy: Tenancy, client_for
) -> None:
    client = client_for(tenancy.coordinator)
    response = client.post("/o/gouda/leden/", {"email": "x@elders.example", "role": Role.FACILITATOR})
    assert response.status_code == 400
    assert not Invitation.objects.exists()
    officer = _membership(tenancy.officer, tenancy.org)
    client.post(f"/o/gouda/leden/{officer.pk}/rol/", {"role": Role.FACILITATOR})
    officer.refresh_from_db()
    assert officer.role == Role.OFFICER
    page = client.get("/o/gouda/leden/").content.decode()
    assert 'value="begeleider"' not in page
    # The outsider learns nothing and changes nothing.
    outsider = client_for(tenancy.outsider)
    assert outsider.post(f"/o/gouda/leden/{officer.pk}/rol/", {"role": Role.FACILITATOR}).status_code == 404
