"""Tailored support (maatwerk): a separate intake for a few places and two local work sessions."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from brug.core.audit import record
from brug.core.errors import BrugError
from brug.core.models import Membership

from ..models import MaatwerkApplication, Registration, WorkSession

WORK_SESSIONS = 2


class MaatwerkError(BrugError):
    pass


@transaction.atomic
def save_application(
    *, membership: Membership, registration: Registration, fields: dict[str, Any]
) -> MaatwerkApplication:
    application, _ = MaatwerkApplication.objects.get_or_create(registration=registration)
    for name, value in fields.items():
        setattr(application, name, value)
    application.save()
    record(action="learning.maatwerk.save", obj=application, membership=membership, fields=fields.keys())
    return application


@transaction.atomic
def set_selected(
    *, membership: Membership, application: MaatwerkApplication, selected: bool
) -> MaatwerkApplication:
    edition = application.registration.edition
    taken = MaatwerkApplication.objects.filter(registration__edition=edition, selected=True).exclude(
        pk=application.pk
    )
    if selected and taken.count() >= edition.maatwerk_places:
        raise MaatwerkError(f"Alle {edition.maatwerk_places} plaatsen voor maatwerk zijn al vergeven.")
    application.selected = selected
    application.save(update_fields=["selected"])
    record(action="learning.maatwerk.select", obj=application, membership=membership, fields=["selected"])
    return application


@transaction.atomic
def add_work_session(
    *, membership: Membership, application: MaatwerkApplication, fields: dict[str, Any]
) -> WorkSession:
    if not application.selected:
        raise MaatwerkError("Alleen een geselecteerde gemeente krijgt lokale werksessies.")
    count = application.work_sessions.count()
    if count >= WORK_SESSIONS:
        raise MaatwerkError(f"Een gemeente krijgt {WORK_SESSIONS} lokale werksessies; die zijn al gepland.")
    work_session = WorkSession.objects.create(application=application, number=count + 1, **fields)
    record(action="learning.work_session.create", obj=work_session, membership=membership)
    return work_session


@transaction.atomic
def save_work_notes(*, membership: Membership, work_session: WorkSession, notes: str) -> WorkSession:
    work_session.notes = notes
    work_session.save(update_fields=["notes"])
    record(
        action="learning.work_session.save_notes", obj=work_session, membership=membership, fields=["notes"]
    )
    return work_session
