"""Reminder emails before sessions and due dates; a SentReminder row makes sending idempotent."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Assignment, NotificationKind, RegistrationPerson, SentReminder, Session, Status
from .calendar import due_ics, session_ics
from .notify import notify

DAYS_BEFORE = 3


def _participants(edition_id: int) -> list[str]:
    return list(
        RegistrationPerson.objects.filter(
            registration__edition_id=edition_id, registration__status=Status.SELECTED
        ).values_list("email", flat=True)
    )


def _send_once(key: str, email: str, subject: str, body: str, ics: bytes | None = None) -> bool:
    try:
        with transaction.atomic():
            SentReminder.objects.create(key=key, email=email)
            notify(emails=[email], kind=NotificationKind.REMINDER, subject=subject, body=body, ics=ics)
    except IntegrityError:
        return False
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
            sent += _send_once(
                f"session-{session.pk}",
                email,
                f"Herinnering: {session.edition.title}",
                body,
                session_ics(session),
            )
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
                f"assignment-{assignment.pk}",
                email,
                f"Herinnering opdracht: {assignment.title}",
                body,
                due_ics(assignment),
            )
    return sent


def overview(edition_id: int, *, today: dt.date | None = None) -> list[dict]:
    """Per session and assignment: when its reminder goes out, to how many it went, how many are due."""
    today = today or timezone.localdate()
    participants = len(set(_participants(edition_id)))
    rows: list[dict] = []
    items: list[tuple[str, str, dt.date]] = [
        (f"session-{s.pk}", f"Bijeenkomst {s.number} ({s.place})", s.date)
        for s in Session.objects.filter(edition_id=edition_id)
    ] + [
        (f"assignment-{a.pk}", f"Opdracht '{a.title}' inleveren", a.due_date)
        for a in Assignment.objects.filter(edition_id=edition_id)
    ]
    sent_rows = SentReminder.objects.filter(key__in=[key for key, _label, _date in items])
    sent: dict[str, list[SentReminder]] = {}
    for row in sent_rows:
        sent.setdefault(row.key, []).append(row)
    for key, label, date in sorted(items, key=lambda x: x[2]):
        went = sent.get(key, [])
        send_on = date - dt.timedelta(days=DAYS_BEFORE)
        due = 0 if date < today else max(participants - len(went), 0)
        rows.append(
            {
                "label": label,
                "date": date,
                "send_on": send_on,
                "sent": len(went),
                "last_sent": max((r.sent_at for r in went), default=None),
                "due": due,
                "past": date < today,
            }
        )
    return rows
