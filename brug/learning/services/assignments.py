"""Assignments between sessions and the submissions of participating municipalities."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from brug.core.audit import record
from brug.core.models import Membership
from brug.core.versioning import save_if_unchanged

from ..models import Assignment, Edition, Registration, Session, Submission, SubmissionFile
from .uploads import detect_type


@transaction.atomic
def create_assignment(
    *,
    membership: Membership,
    edition: Edition,
    title: str,
    description: str,
    due_date: dt.date,
    after_session: Session | None = None,
    version: int | None = None,  # the form's hidden field; a new assignment has none yet
) -> Assignment:
    assignment = Assignment.objects.create(
        edition=edition, title=title, description=description, due_date=due_date, after_session=after_session
    )
    record(action="learning.assignment.create", obj=assignment, membership=membership)
    _tell_assignment(assignment)
    return assignment


@transaction.atomic
def update_assignment(*, membership: Membership, assignment: Assignment, fields: dict) -> Assignment:
    before = (assignment.title, assignment.description, assignment.due_date)
    version = fields.get("version")
    fields = {k: v for k, v in fields.items() if k != "version"}
    for name, value in fields.items():
        setattr(assignment, name, value)
    save_if_unchanged(assignment, version=version)  # StaleObject if someone saved since
    record(action="learning.assignment.update", obj=assignment, membership=membership, fields=fields.keys())
    if before != (assignment.title, assignment.description, assignment.due_date):
        _tell_assignment(assignment, changed=True)
    return assignment


@transaction.atomic
def remove_assignment(*, membership: Membership, assignment: Assignment) -> None:
    record(action="learning.assignment.delete", obj=assignment, membership=membership)
    assignment.delete()


def _tell_assignment(assignment: Assignment, *, changed: bool = False) -> None:
    from django.utils.formats import date_format

    from ..models import NotificationKind
    from .calendar import due_ics
    from .notify import notify_participants

    notify_participants(
        assignment.edition,
        kind=NotificationKind.ASSIGNMENT,
        subject=f"{'Gewijzigde opdracht' if changed else 'Nieuwe opdracht'}: {assignment.title}",
        body=f"Voor het leernetwerk {assignment.edition.title} staat een "
        f"{'gewijzigde' if changed else 'nieuwe'} opdracht klaar: '{assignment.title}'. "
        f"U levert haar in uiterlijk {date_format(assignment.due_date, 'l j F Y')} via Brug.",
        ics=due_ics(assignment),
        ics_name="inleverdatum.ics",
    )


def submit(
    *,
    membership: Membership,
    registration: Registration,
    assignment: Assignment,
    text: str,
    files: list[UploadedFile],
) -> Submission:
    """Save the municipality's submission; every file is checked (type by content, size) first."""
    if assignment.edition_id != registration.edition_id:
        raise ValueError("Opdracht hoort niet bij deze editie.")
    types = [detect_type(f) for f in files]  # raises UploadError before anything is stored
    with transaction.atomic():
        submission, _ = Submission.objects.get_or_create(assignment=assignment, registration=registration)
        submission.text = text
        submission.submitted_by = membership.user
        submission.save()
        for upload, content_type in zip(files, types, strict=True):
            SubmissionFile.objects.create(
                submission=submission,
                file=upload,
                original_name=(upload.name or "")[:255],
                content_type=content_type,
                size=upload.size or 0,
            )
        record(
            action="learning.submission.create",
            obj=submission,
            membership=membership,
            fields=["text", "files"],
        )
    return submission
