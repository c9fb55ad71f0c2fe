"""Reads for the core: every query is scoped to the user's membership."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from brug.municipalities.models import Municipality

from .access import is_platform_admin
from .models import AuditLogEntry, Invitation, Membership, Organisation, OrganisationKind, Role, User


def memberships_for(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation")


def members_for(*, membership: Membership) -> QuerySet[Membership]:
    return Membership.objects.filter(organisation=membership.organisation).select_related("user")


def member_for(*, membership: Membership, pk: int) -> Membership:
    return get_object_or_404(members_for(membership=membership), pk=pk)


def open_invitations_for(*, membership: Membership) -> QuerySet[Invitation]:
    from django.utils import timezone

    return Invitation.objects.filter(
        organisation=membership.organisation, used_at__isnull=True, expires_at__gt=timezone.now()
    )


def audit_log_for(*, membership: Membership) -> QuerySet[AuditLogEntry]:
    return AuditLogEntry.objects.filter(organisation=membership.organisation)


def all_organisations(*, membership: Membership, kind: str = "") -> QuerySet[Organisation]:
    """Every organisation with its member counts: only a platform administrator may see this list."""
    if not is_platform_admin(membership):
        return Organisation.objects.none()
    organisations = Organisation.objects.select_related("municipality").annotate(
        member_count=Count("memberships", distinct=True),
        coordinator_count=Count("memberships", filter=Q(memberships__role=Role.COORDINATOR), distinct=True),
    )
    if kind in OrganisationKind.values:
        organisations = organisations.filter(kind=kind)
    return organisations.order_by("name")


def municipalities_without_organisation() -> QuerySet[Municipality]:
    return Municipality.objects.real().filter(organisation__isnull=True).order_by("name")
