"""Reads for the core: every query is scoped to the user's membership."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import AuditLogEntry, Invitation, Membership, User


def memberships_of(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation")


def members_of(*, membership: Membership) -> QuerySet[Membership]:
    return Membership.objects.filter(organisation=membership.organisation).select_related("user")


def member_for(*, membership: Membership, pk: int) -> Membership:
    return get_object_or_404(members_of(membership=membership), pk=pk)


def open_invitations_of(*, membership: Membership) -> QuerySet[Invitation]:
    from django.utils import timezone

    return Invitation.objects.filter(
        organisation=membership.organisation, used_at__isnull=True, expires_at__gt=timezone.now()
    )


def audit_log_of(*, membership: Membership) -> QuerySet[AuditLogEntry]:
    return AuditLogEntry.objects.filter(organisation=membership.organisation)
