"""Phase 3: broad meetings, working groups and trainings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models, transaction

from brug.core.audit import record
from brug.core.models import Membership

from ..models import Meeting, Network, Training, WorkingGroup
from .errors import NetworkError


def _save(
    *,
    membership: Membership,
    network: Network,
    obj: models.Model,
    data: Mapping[str, Any],
    fields: list[str],
    people_field: str,
    action: str,
) -> Any:
    people = list(data.get(people_field) or [])
    if any(p.organisation_id != membership.organisation_id for p in people):
        raise NetworkError("Kies alleen sleutelfiguren uit uw eigen netwerk.", field=people_field)
    for name in fields:
        if name in data:
            setattr(obj, name, data[name])
    obj.network = network  # type: ignore[attr-defined]
    if isinstance(obj, Meeting):
        obj.attendance_count = len(people)
    obj.save()
    getattr(obj, people_field).set(people)
    record(action=action, obj=obj, membership=membership, fields=[*fields, people_field])
    return obj


@transaction.atomic
def save_meeting(
    *, membership: Membership, network: Network, data: Mapping[str, Any], meeting: Meeting | None = None
) -> Meeting:
    return _save(
        membership=membership,
        network=network,
        obj=meeting or Meeting(),
        data=data,
        fields=["title", "held_on", "annual_plan"],
        people_field="attendees",
        action="network.meeting.save",
    )


@transaction.atomic
def save_working_group(
    *, membership: Membership, network: Network, data: Mapping[str, Any], group: WorkingGroup | None = None
) -> WorkingGroup:
    return _save(
        membership=membership,
        network=network,
        obj=group or WorkingGroup(),
        data=data,
        fields=["name", "topics", "partner_organisations"],
        people_field="members",
        action="network.workinggroup.save",
    )


@transaction.atomic
def save_training(
    *, membership: Membership, network: Network, data: Mapping[str, Any], training: Training | None = None
) -> Training:
    return _save(
        membership=membership,
        network=network,
        obj=training or Training(),
        data=data,
        fields=["title", "offered_on", "description"],
        people_field="participants",
        action="network.training.save",
    )
