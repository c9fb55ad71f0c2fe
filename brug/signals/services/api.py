"""Tokens for the JSON API: one per connected tool, only a hash stored, shown once."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from brug.core.access import has_municipal_parts
from brug.core.audit import record
from brug.core.tokens import hash_token

from ..models import ApiToken

if TYPE_CHECKING:
    from brug.core.models import Membership

PREFIX = "brug_"


@transaction.atomic
def issue_token(
    *, membership: Membership, name: str, scope: str = "alles", valid_days: int | None = None
) -> tuple[ApiToken, str]:
    """A new token with its rights (TokenScope) and an optional end date; the token is shown once."""
    from ..models import TokenScope

    if scope not in TokenScope.values:
        raise ValueError("unknown scope")
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        organisation=membership.organisation,
        name=name.strip()[:100] or "Koppeling",
        token_hash=hash_token(token),
        prefix=token[:12],
        created_by=membership.user,
        scope=scope,
        expires_at=timezone.now() + timedelta(days=valid_days) if valid_days else None,
    )
    record(
        action="signals.api_token.issue",
        obj=row,
        membership=membership,
        fields=["name", "scope", "expires_at"],
    )
    return row, token


@transaction.atomic
def revoke_token(*, membership: Membership, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(action="signals.api_token.revoke", obj=token, membership=membership, fields=["revoked_at"])


def token_from_header(header: str) -> ApiToken | None:
    if not header.startswith("Bearer "):
        return None
    value = header[7:].strip()
    if not value.startswith(PREFIX):
        return None
    row = (
        ApiToken.objects.select_related("organisation")
        .filter(token_hash=hash_token(value), revoked_at__isnull=True)
        .first()
    )
    if row is not None and (row.expired or not has_municipal_parts(row.organisation)):
        # A partner organisation has no signals (one door with the pages): its token opens nothing.
        return None
    if row is not None:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
    return row
