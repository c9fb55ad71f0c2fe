"""During and after a session: attendance per person, notes, dilemmas and successes."""

from __future__ import annotations

from django.db import transaction

from brug.core.audit import record
from brug.core.models import Membership
from brug.core.versioning import save_if_unchanged

from ..models import Attendance, RegistrationPerson, Session, SessionEntry


@transaction.atomic
def record_attendance(*, membership: Membership, session: Session, present_ids: set[int]) -> int:
    people = RegistrationPerson.objects.filter(
        registration__edition=session.edition, registration__status="geselecteerd"
    )
    for person in people:
        Attendance.objects.update_or_create(
            session=session,
            person=person,
            defaults={"present": person.pk in present_ids, "recorded_by": membership.user},
        )
    record(action="learning.attendance_recorded", obj=session, membership=membership, fields=["attendance"])
    return len(present_ids)


@transaction.atomic
def save_session(
    *, membership: Membership, session: Session, agenda: str, notes: str, version: int | None = None
) -> Session:
    session.agenda, session.notes = agenda, notes
    save_if_unchanged(session, version=version, fields=["agenda", "notes"])  # StaleObject if changed since
    record(action="learning.session_saved", obj=session, membership=membership, fields=["agenda", "notes"])
    return session


@transaction.atomic
def add_entry(
    *, membership: Membership, session: Session, kind: str, text: str, why: str = ""
) -> SessionEntry:
    entry = SessionEntry.objects.create(session=session, kind=kind, text=text, why=why)
    record(action="learning.session_entry_added", obj=entry, membership=membership)
    return entry
