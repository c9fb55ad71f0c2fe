"""Calendar files (.ics) for sessions, intakes, start conversations and local work sessions."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from icalendar import Calendar, Event

from ..models import Assignment, Intake, Pair, Session, WorkSession

DOMAIN = "brug.example"


def _calendar(
    uid: str, summary: str, start: dt.datetime, end: dt.datetime, location: str, description: str
) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Brug//Leernetwerk//NL")
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", f"{uid}@{DOMAIN}")
    event.add("dtstamp", timezone.now())
    # In UTC: every calendar client reads it without a VTIMEZONE block.
    event.add("dtstart", start.astimezone(dt.UTC))
    event.add("dtend", end.astimezone(dt.UTC))
    event.add("summary", summary)
    event.add("location", location)
    event.add("description", description)
    cal.add_component(event)
    return cal.to_ical()


def edition_ics(sessions: list[Session]) -> bytes:
    """All sessions of an edition in one file: one import puts every date in the calendar."""
    cal = Calendar()
    cal.add("prodid", "-//Brug//Leernetwerk//NL")
    cal.add("version", "2.0")
    for session in sessions:
        event = Event()
        event.add("uid", f"learning-session-{session.pk}@{DOMAIN}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", session.starts_at.astimezone(dt.UTC))
        event.add("dtend", session.ends_at.astimezone(dt.UTC))
        event.add("summary", f"{session.edition.title}: bijeenkomst {session.number}")
        event.add("location", session.place)
        event.add("description", session.agenda)
        cal.add_component(event)
    return cal.to_ical()


def due_ics(assignment: Assignment) -> bytes:
    """An all-day event on the due date of an assignment."""
    cal = Calendar()
    cal.add("prodid", "-//Brug//Leernetwerk//NL")
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", f"learning-assignment-{assignment.pk}@{DOMAIN}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", assignment.due_date)
    event.add("dtend", assignment.due_date + dt.timedelta(days=1))
    event.add("summary", f"Inleveren: {assignment.title}")
    event.add("description", assignment.description)
    cal.add_component(event)
    return cal.to_ical()


def session_ics(session: Session) -> bytes:
    return _calendar(
        f"learning-session-{session.pk}",
        f"{session.edition.title}: bijeenkomst {session.number}",
        session.starts_at,
        session.ends_at,
        session.place,
        session.agenda,
    )


def intake_ics(intake: Intake) -> bytes:
    registration = intake.registration
    return _calendar(
        f"learning-intake-{intake.pk}",
        f"Intake {registration.edition.title}: {registration.municipality}",
        intake.scheduled_at,
        intake.scheduled_at + dt.timedelta(hours=1),
        "Online" if intake.online else registration.edition.location,
        "Intakegesprek over leervragen en verwachtingen.",
    )


def pair_ics(pair: Pair) -> bytes:
    assert pair.scheduled_at is not None
    return _calendar(
        f"learning-pair-{pair.pk}",
        f"Startgesprek {pair.names}",
        pair.scheduled_at,
        pair.scheduled_at + dt.timedelta(hours=1, minutes=30),
        "Online",
        "Startgesprek met twee gemeenten tegelijk.",
    )


def work_session_ics(work_session: WorkSession) -> bytes:
    registration = work_session.application.registration
    start = timezone.make_aware(dt.datetime.combine(work_session.date, work_session.start_time))
    end = timezone.make_aware(dt.datetime.combine(work_session.date, work_session.end_time))
    return _calendar(
        f"learning-worksession-{work_session.pk}",
        f"Lokale werksessie {work_session.number}: {registration.municipality}",
        start,
        end,
        work_session.place,
        work_session.partners,
    )
