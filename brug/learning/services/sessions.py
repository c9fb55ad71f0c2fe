"""During and after a session: attendance per person, notes, dilemmas and successes."""

from __future__ import annotations

from django.db import transaction

from brug.core.audit import record
from brug.core.models import Membership
from brug.core.versioning import save_if_unchanged

from ..models import Attendance, AttendanceStatus, RegistrationPerson, Session, SessionEntry


@transaction.atomic
def record_attendance(*, membership: Membership, session: Session, statuses: dict[int, str]) -> int:
    """statuses: person id -> aanwezig / afgemeld / afwezig; people not named count as afwezig."""
    people = RegistrationPerson.objects.filter(
        registration__edition=session.edition, registration__status="geselecteerd"
    )
    present = 0
    for person in people:
        status = statuses.get(person.pk, AttendanceStatus.ABSENT)
        if status not in AttendanceStatus.values:
            status = AttendanceStatus.ABSENT
        present += status == AttendanceStatus.PRESENT
        Attendance.objects.update_or_create(
            session=session,
            person=person,
            defaults={
                "status": status,
                "present": status == AttendanceStatus.PRESENT,
                "recorded_by": membership.user,
            },
        )
    record(action="learning.attendance.record", obj=session, membership=membership, fields=["attendance"])
    return present


@transaction.atomic
def save_session(
    *, membership: Membership, session: Session, agenda: str, notes: str, version: int | None = None
) -> Session:
    session.agenda, session.notes = agenda, notes
    save_if_unchanged(session, version=version, fields=["agenda", "notes"])  # StaleObject if changed since
    record(action="learning.session.save", obj=session, membership=membership, fields=["agenda", "notes"])
    return session


@transaction.atomic
def add_entry(
    *, membership: Membership, session: Session, kind: str, text: str, why: str = ""
) -> SessionEntry:
    entry = SessionEntry.objects.create(session=session, kind=kind, text=text, why=why)
    record(action="learning.session_entry.create", obj=entry, membership=membership)
    return entry


@transaction.atomic
def update_entry(*, membership: Membership, entry: SessionEntry, text: str, why: str = "") -> SessionEntry:
    entry.text, entry.why = text, why
    entry.save(update_fields=["text", "why"])
    record(action="learning.session_entry.update", obj=entry, membership=membership, fields=["text", "why"])
    return entry


@transaction.atomic
def remove_entry(*, membership: Membership, entry: SessionEntry) -> None:
    record(action="learning.session_entry.delete", obj=entry, membership=membership)
    entry.delete()
