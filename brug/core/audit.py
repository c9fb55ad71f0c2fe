"""Writing to the audit log. Every service that changes personal data or a signal calls record()."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import models

from .models import AuditLogEntry

if TYPE_CHECKING:
    from .models import Membership, Organisation, User


def record(
    *,
    action: str,
    obj: models.Model | None = None,
    membership: Membership | None = None,
    actor: User | None = None,
    organisation: Organisation | None = None,
    fields: Iterable[str] = (),
    object_type: str = "",
    object_id: str = "",
    actor_label: str = "",
) -> AuditLogEntry:
    """Append one line: who (membership or actor), what (action), on what (obj), which fields.

    Field *names* only: the log itself must hold no personal data.
    """
    if membership is not None:
        actor = actor or membership.user
        organisation = organisation or membership.organisation
    if obj is not None:
        object_type = object_type or obj._meta.label
        object_id = object_id or str(obj.pk)
    return AuditLogEntry.objects.create(
        actor=actor,
        actor_label=actor_label or (actor.email if actor is not None else "systeem"),
        organisation=organisation,
        action=action,
        object_type=object_type,
        object_id=object_id,
        changed_fields=sorted(set(fields)),
    )
