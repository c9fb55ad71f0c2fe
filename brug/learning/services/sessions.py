"""During and after a session: attendance per person, notes, dilemmas and successes."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from brug.core.audit import record
from brug.core.errors import BrugError
from brug.core.models import Membership
from brug.core.versioning import save_if_unchanged

from ..models import (
    Attendance,
    AttendanceStatus,
    Edition,
    PartnerAttendee,
    RegistrationPerson,
    Session,
    SessionEntry,
)

MAX_NAME = 150


class AttendanceError(BrugError):
    pass


@transaction.atomic
def record_attendance(
    *,
    membership: Membership,
    session: Session,
    statuses: dict[int, str],
    partner_statuses: dict[int, str] | None = None,
) -> int:
    """statuses: duo member id -> aanwezig / afgemeld / afwezig; partner_statuses: the same per partner
    attendee of the edition. Anyone not named counts as afwezig. Returns how many were present."""
    people = RegistrationPerson.objects.filter(
        registration__edition=session.edition, registration__status="geselecteerd"
    )
    partners = PartnerAttendee.objects.filter(edition=session.edition)
    present = 0
    for field, rows, given in (("person", people, statuses), ("partner", partners, partner_statuses or {})):
        for row in rows:
            status = given.get(row.pk, AttendanceStatus.ABSENT)
            if status not in AttendanceStatus.values:
                status = AttendanceStatus.ABSENT
            present += status == AttendanceStatus.PRESENT
            lookup: dict[str, Any] = {"session": session, field: row}
            Attendance.objects.update_or_create(
                **lookup,
                defaults={
                    "status": status,
                    "present": status == AttendanceStatus.PRESENT,
                    "recorded_by": membership.user,
                },
            )
    record(action="learning.attendance.record", obj=session, membership=membership, fields=["attendance"])
    return present


@transaction.atomic
def clear_attendance(*, membership: Membership, session: Session) -> int:
    """Remove what was recorded for this session (e.g. recorded for the wrong session)."""
    removed, _ = Attendance.objects.filter(session=session).delete()
    record(action="learning.attendance.remove", obj=session, membership=membership, fields=["attendance"])
    return removed


def _clean_partner(name: str, organisation_name: str, email: str) -> tuple[str, str, str]:
    name, organisation_name, email = name.strip(), organisation_name.strip(), email.strip()
    if not name:
        raise AttendanceError("Vul de naam in.", field="name")
    if not organisation_name:
        raise AttendanceError("Vul de organisatie in.", field="organisation_name")
    for label, value, field in (
        ("naam", name, "name"),
        ("organisatie", organisation_name, "organisation_name"),
    ):
        if len(value) > MAX_NAME:
            raise AttendanceError(f"De {label} is te lang: maximaal {MAX_NAME} tekens.", field=field)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise AttendanceError("Vul een geldig e-mailadres in, of laat het leeg.", field="email") from None
    return name, organisation_name, email


@transaction.atomic
def add_partner(
    *, membership: Membership, edition: Edition, name: str, organisation_name: str, email: str = ""
) -> PartnerAttendee:
    """Someone of a partner organisation who takes part in the sessions of this edition."""
    name, organisation_name, email = _clean_partner(name, organisation_name, email)
    partner = PartnerAttendee.objects.create(
        edition=edition, name=name, organisation_name=organisation_name, email=email
    )
    record(
        action="learning.partner_attendee.add",
        obj=partner,
        membership=membership,
        fields=["name", "organisation_name", "email"],
    )
    return partner


@transaction.atomic
def update_partner(
    *, membership: Membership, partner: PartnerAttendee, name: str, organisation_name: str, email: str = ""
) -> PartnerAttendee:
    name, organisation_name, email = _clean_partner(name, organisation_name, email)
    changed = [
        f
        for f, v in (("name", name), ("organisation_name", organisation_name), ("email", email))
        if getattr(partner, f) != v
    ]
    partner.name, partner.organisation_name, partner.email = name, organisation_name, email
    partner.save(update_fields=["name", "organisation_name", "email"])
    record(action="learning.partner_attendee.change", obj=partner, membership=membership, fields=changed)
    return partner


@transaction.atomic
def remove_partner(*, membership: Membership, partner: PartnerAttendee) -> None:
    """Remove a partner attendee and what was recorded of their attendance."""
    record(action="learning.partner_attendee.remove", obj=partner, membership=membership)
    partner.delete()


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
