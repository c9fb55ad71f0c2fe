"""Reminder emails before sessions and due dates; a SentReminder row makes sending idempotent."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Assignment, RegistrationPerson, SentReminder, Session, Status
from .mails import send

DAYS_BEFORE = 3


def _participants(edition_id: int) -> list[str]:
    return list(
        RegistrationPerson.objects.filter(
            registration__edition_id=edition_id, registration__status=Status.SELECTED
        ).values_list("email", flat=True)
    )


def _send_once(key: str, email: str, subject: str, body: str) -> bool:
    try:
        with transaction.atomic():
            SentReminder.objects.create(key=key, email=email)
    except IntegrityError:
        return False
    send(subject=subject, body=body, to=[email])
    return True


def send_reminders(*, today: dt.date | None = None) -> int:
    """Remind participants DAYS_BEFORE days ahead of each session and assignment due date."""
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=DAYS_BEFORE)
    sent = 0
    for session in Session.objects.filter(date__gte=today, date__lte=horizon).select_related("edition"):
        body = (
            f"Herinnering: bijeenkomst {session.number} van {session.edition.title} is op "
            f"{session.date:%d-%m-%Y} van {session.start_time:%H:%M} tot {session.end_time:%H:%M} in {session.place}."
        )
        for email in _participants(session.edition_id):
            sent += _send_once(f"session-{session.pk}", email, f"Herinnering: {session.edition.title}", body)
    for assignment in Assignment.objects.filter(due_date__gte=today, due_date__lte=horizon).select_related(
        "edition"
    ):
        body = f"Herinnering: de opdracht '{assignment.title}' levert u uiterlijk {assignment.due_date:%d-%m-%Y} in via Brug."
        done = set(assignment.submissions.values_list("registration_id", flat=True))
        emails = RegistrationPerson.objects.filter(
            registration__edition=assignment.edition, registration__status=Status.SELECTED
        ).exclude(registration_id__in=done)
        for email in emails.values_list("email", flat=True):
            sent += _send_once(
                f"assignment-{assignment.pk}", email, f"Herinnering opdracht: {assignment.title}", body
            )
    return sent
